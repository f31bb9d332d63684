import type { ResourcePath } from '../paths.ts';
import type { ObjectStore } from '../store.ts';
import type { UserInfo } from '../types.ts';
import { visitRulesFor } from './resolver.ts';
import { ruleAllows, type RequestAttributes } from './rules.ts';

/**
 * The kube-apiserver authorizer chain as the lab runs it: the `system:masters` superuser group,
 * a stand-in for the Node authorizer (kubelets act for their own pods), and RBAC
 * (plugin/pkg/auth/authorizer/rbac). The first that allows wins; otherwise the request is denied
 * with the apiserver's Forbidden text.
 */
export interface Decision {
  allowed: boolean;
  /** reason says which binding allowed it (`RBAC: allowed by …`) or, on denial, what went wrong resolving roles. */
  reason: string;
}

export const SUPERUSER_GROUP = 'system:masters';
const NODES_GROUP = 'system:nodes';

/**
 * isEngineEventRecorder recognises the engine's event recorder, which writes core Events as
 * `system:<component>` without groups. Real components write events under their own identities,
 * whose roles all allow it; the lab keeps one recorder, so it is allowed here instead.
 */
function isEngineEventRecorder(user: UserInfo, request: RequestAttributes): boolean {
  return (
    request.resourceRequest &&
    request.apiGroup === '' &&
    request.resource === 'events' &&
    ['create', 'update', 'patch'].includes(request.verb) &&
    (user.groups ?? []).length === 0 &&
    user.username.startsWith('system:') &&
    !user.username.startsWith('system:serviceaccount:') &&
    !user.username.startsWith('system:node:')
  );
}

/** aggregateErrors prints several errors as apimachinery's utilerrors.NewAggregate does. */
export function aggregateErrors(errors: string[]): string {
  const unique = [...new Set(errors)];
  if (unique.length === 1) return unique[0] as string;
  return `[${unique.join(', ')}]`;
}

export function authorize(store: ObjectStore, user: UserInfo, request: RequestAttributes): Decision {
  const groups = user.groups ?? [];
  if (groups.includes(SUPERUSER_GROUP)) return { allowed: true, reason: '' };
  if (groups.includes(NODES_GROUP) && user.username.startsWith('system:node:')) return { allowed: true, reason: '' };
  if (isEngineEventRecorder(user, request)) return { allowed: true, reason: '' };
  let allowedBy: string | undefined;
  const errors: string[] = [];
  visitRulesFor(store, user, request.namespace, (source, rule, error) => {
    if (error) errors.push(error);
    if (rule && ruleAllows(request, rule)) {
      allowedBy = source;
      return false;
    }
    return true;
  });
  if (allowedBy !== undefined) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
  return { allowed: false, reason: errors.length ? `RBAC: ${aggregateErrors(errors)}` : '' };
}

/** attributesOf describes an API request the way the apiserver's RequestInfo does. */
export function attributesOf(verb: string, path: ResourcePath): RequestAttributes {
  return {
    verb,
    resourceRequest: true,
    apiGroup: path.type.group,
    resource: path.type.plural,
    subresource: path.subresource ?? '',
    name: path.name ?? '',
    namespace: path.type.namespaced ? (path.namespace ?? '') : '',
    path: '',
  };
}

/** forbiddenMessage is the apiserver's Forbidden text (endpoints/handlers/responsewriters/errors.go). */
export function forbiddenMessage(user: UserInfo, request: RequestAttributes, reason: string): string {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const scope = request.namespace ? `in the namespace ${JSON.stringify(request.namespace)}` : 'at the cluster scope';
  const detail = `User ${JSON.stringify(user.username)} cannot ${request.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(request.apiGroup)} ${scope}${reason ? `: ${reason}` : ''}`;
  const qualified = request.apiGroup ? `${request.resource}.${request.apiGroup}` : request.resource;
  return request.name
    ? `${qualified} ${JSON.stringify(request.name)} is forbidden: ${detail}`
    : `${qualified} is forbidden: ${detail}`;
}
