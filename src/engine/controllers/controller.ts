import type { ApiServer } from '../api/server.ts';
import type { StoredChange } from '../api/store.ts';
import type { ApiRequest, ApiResponse } from '../api/types.ts';

/**
 * Controller is one control loop: it observes changes, keeps a queue of what to look at, and acts
 * only through the API when the manager asks it to run.
 */
export interface Controller {
  readonly name: string;
  observe(change: StoredChange): void;
  readonly pending: boolean;
  run(): void;
}

/** ControllerClient is a controller's door: requests made as its own service account user. */
export function controllerClient(server: ApiServer, name: string): (request: Omit<ApiRequest, 'user'>) => ApiResponse {
  const user = { username: `system:serviceaccount:kube-system:${name}`, groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] };
  return (request) => server.handle({ ...request, user });
}
