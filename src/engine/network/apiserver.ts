import type { ApiServer } from '../api/server.ts';
import type { HttpVerb } from '../api/types.ts';
import { SERVER_VERSION } from '../api/discovery.ts';
import type { HttpOutcome } from '../runtime/index.ts';
import { anonymousForbidden } from './pages.ts';

/**
 * apiServerAnswer is kube-apiserver as a pod reaches it through the `kubernetes` Service: anonymous
 * callers may read /version and the health endpoints and get 403 elsewhere; a ServiceAccount token
 * (the projected one the kubelet mounts, sent as `Authorization: Bearer …`) makes the request as
 * that ServiceAccount, so RBAC decides as it would for kubectl.
 */
const PUBLIC_PATHS = ['/version', '/healthz', '/livez', '/readyz'];
const VERBS: Record<string, HttpVerb> = { GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DELETE' };

function json(status: number, body: unknown): HttpOutcome {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  return {
    ok: true,
    status,
    body: text,
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(new TextEncoder().encode(text).length) },
  };
}

/** tokenUser decodes the lab's ServiceAccount token (`<header>.<base64 ns:sa>.<signature>`). */
export function tokenUser(authorization: string | undefined): { namespace: string; name: string } | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const part = match?.[1]?.split('.')[1];
  if (!part) return undefined;
  try {
    const [namespace, name] = atob(part).split(':');
    return namespace && name ? { namespace, name } : undefined;
  } catch {
    return undefined;
  }
}

export function apiServerAnswer(
  server: ApiServer,
  request: { method: string; path: string; headers: Record<string, string>; scheme: 'http' | 'https' },
): HttpOutcome {
  if (request.scheme !== 'https')
    return { ok: true, status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n', headers: {} };
  const [pathOnly = '/', queryText = ''] = request.path.split('?');
  const authorization = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  const user = tokenUser(authorization);
  if (!user) {
    if (authorization)
      return json(401, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    if (pathOnly === '/version') return json(200, SERVER_VERSION);
    if (PUBLIC_PATHS.includes(pathOnly))
      return { ok: true, status: 200, body: 'ok', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
    return json(403, anonymousForbidden(request.method.toLowerCase(), pathOnly));
  }
  if (pathOnly === '/version') return json(200, SERVER_VERSION);
  const verb = VERBS[request.method.toUpperCase()];
  if (!verb) return json(405, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 405 });
  const query = Object.fromEntries(new URLSearchParams(queryText));
  const response = server.handle({
    verb,
    path: pathOnly,
    query,
    user: {
      username: `system:serviceaccount:${user.namespace}:${user.name}`,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${user.namespace}`, 'system:authenticated'],
    },
  });
  return json(response.status, response.body);
}
