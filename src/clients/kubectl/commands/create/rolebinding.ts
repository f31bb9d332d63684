/** `kubectl create rolebinding NAME --role=… | --clusterrole=… [--user] [--group] [--serviceaccount=ns:name]` (create_rolebinding.go). */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, objectMeta, ROLE_BINDING } from './types.ts';

const RBAC = 'rbac.authorization.k8s.io';

/** subjects builds users, then groups, then service accounts, as kubectl does. */
export function subjects(
  users: string[],
  groups: string[],
  serviceAccounts: string[],
): { ok: true; subjects: Record<string, unknown>[] } | { ok: false; error: string } {
  const out: Record<string, unknown>[] = [
    ...users.map((name) => ({ kind: 'User', apiGroup: RBAC, name })),
    ...groups.map((name) => ({ kind: 'Group', apiGroup: RBAC, name })),
  ];
  for (const sa of serviceAccounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[0] === '' || tokens[1] === '')
      return { ok: false, error: 'error: serviceaccount must be <namespace>:<name>\n' };
    out.push({ kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] });
  }
  return { ok: true, subjects: out };
}

export const BINDING_ARRAY_FLAGS = ['user', 'group', 'serviceaccount'];

export async function createRoleBinding(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create rolebinding',
    flags: [
      { name: 'clusterrole', type: 'string' },
      { name: 'role', type: 'string' },
    ],
    arrayFlags: BINDING_ARRAY_FLAGS,
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const role = o.flags.string('role') ?? '';
  const clusterRole = o.flags.string('clusterrole') ?? '';
  if ((role === '') === (clusterRole === ''))
    return fail('error: exactly one of clusterrole or role must be specified\n');
  const built = subjects(
    done.arrays.get('user') ?? [],
    done.arrays.get('group') ?? [],
    done.arrays.get('serviceaccount') ?? [],
  );
  if (!built.ok) return fail(built.error);
  const binding = {
    kind: 'RoleBinding',
    apiVersion: apiVersion(ROLE_BINDING),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined),
    ...(built.subjects.length ? { subjects: built.subjects } : {}),
    roleRef: { apiGroup: RBAC, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
  };
  return finishCreate(ctx, o, ROLE_BINDING, binding, { wrap: 'failed to create rolebinding: ' });
}
