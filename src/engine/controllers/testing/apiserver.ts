import { ResourceRegistry } from '../../api/registry.ts';
import { ApiServer } from '../../api/server.ts';
import { ObjectStore } from '../../api/store.ts';
import { isStatus } from '../../api/types.ts';
import { Clock, DEFAULT_EPOCH } from '../../clock/clock.ts';
import { SeededRandom } from '../../random.ts';

/**
 * apiServer is a bare API server with the default namespace, for validation and defaulting tests:
 * `send('POST', path, object)` returns the Status message of a refusal, or '' when accepted.
 */
export function apiServer() {
  const server = new ApiServer({
    clock: new Clock(DEFAULT_EPOCH),
    random: new SeededRandom(3),
    store: new ObjectStore(),
    registry: new ResourceRegistry(),
  });
  server.handle({ verb: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'default' } } });
  const send = (verb: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown): string => {
    const response = server.handle({
      verb,
      path,
      body,
      ...(verb === 'PATCH' ? { headers: { 'content-type': 'application/merge-patch+json' } } : {}),
    });
    return isStatus(response.body) && response.status >= 300 ? (response.body.message ?? '') : '';
  };
  return { server, send };
}
