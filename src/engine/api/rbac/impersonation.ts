import { ApiError, badRequest, forbidden } from '../errors.ts';
import type { ApiRequest, UserInfo } from '../types.ts';
import { forbiddenMessage, type Decision } from './authorizer.ts';
import type { RequestAttributes } from './rules.ts';

/**
 * Impersonation as the apiserver's filter does it (endpoints/filters/impersonation.go): the
 * `Impersonate-User` and `Impersonate-Group` headers (what `kubectl --as` and `--as-group` send)
 * replace the requesting user, after checking that the requester may `impersonate` each of them.
 */
const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

function splitServiceAccount(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/**
 * impersonatedUser is who a request acts as under `--as=username --as-group=g`: a ServiceAccount
 * without groups gets its fixed groups, and everyone but system:anonymous is system:authenticated.
 */
export function impersonatedUser(username: string, groups: string[] = []): UserInfo {
  let out = [...groups];
  const serviceAccount = splitServiceAccount(username);
  if (serviceAccount && groups.length === 0)
    out = ['system:serviceaccounts', `system:serviceaccounts:${serviceAccount.namespace}`];
  if (username !== 'system:anonymous') {
    if (!out.includes('system:authenticated') && !out.includes('system:unauthenticated'))
      out.push('system:authenticated');
  } else if (!out.includes('system:unauthenticated')) out.push('system:unauthenticated');
  return { username, groups: out };
}

function header(request: ApiRequest, name: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() !== name) continue;
    out.push(
      ...value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    );
  }
  return out;
}

/**
 * applyImpersonation returns the request acting as the impersonated user, or the request itself when
 * it carries no impersonation headers; refusals are thrown as the apiserver's errors.
 */
export function applyImpersonation(
  request: ApiRequest,
  requester: UserInfo,
  decide: (user: UserInfo, attributes: RequestAttributes) => Decision,
): ApiRequest {
  const [username] = header(request, 'impersonate-user');
  const groups = header(request, 'impersonate-group');
  if (!username && groups.length === 0) return request;
  if (!username) {
    const requested = groups.map((g) => `{Group  ${g}   authentication.k8s.io/v1  }`).join(' ');
    throw new ApiError(badRequest(`requested [${requested}] without impersonating a user`));
  }
  const serviceAccount = splitServiceAccount(username);
  const checks: RequestAttributes[] = [
    serviceAccount
      ? attributes('serviceaccounts', serviceAccount.name, serviceAccount.namespace)
      : attributes('users', username, ''),
    ...groups.map((g) => attributes('groups', g, '')),
  ];
  for (const check of checks) {
    const decision = decide(requester, check);
    if (!decision.allowed) throw new ApiError(forbidden(forbiddenMessage(requester, check, decision.reason)));
  }
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).filter(([k]) => !k.toLowerCase().startsWith('impersonate-')),
  );
  return { ...request, headers, user: impersonatedUser(username, groups) };
}

function attributes(resource: string, name: string, namespace: string): RequestAttributes {
  return {
    verb: 'impersonate',
    resourceRequest: true,
    apiGroup: '',
    resource,
    subresource: '',
    name,
    namespace,
    path: '',
  };
}
