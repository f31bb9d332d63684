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
  /**
   * handleTimer receives the controller's own clock events: whatever it scheduled with
   * `clock.schedule(at, timerType(this.name), ref)` (a Job's back-off, a CronJob's next run …).
   */
  handleTimer?(ref: string): void;
  /** rebuild refills in-memory indexes from the store after a snapshot is restored. */
  rebuild?(): void;
}

/** timerType is the clock event type that reaches a controller's handleTimer. */
export function timerType(controllerName: string): string {
  return `controller:${controllerName}`;
}

/** ControllerClient is a controller's door: requests made as its own service account user. */
export function controllerClient(server: ApiServer, name: string): (request: Omit<ApiRequest, 'user'>) => ApiResponse {
  const user = {
    username: `system:serviceaccount:kube-system:${name}`,
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
  };
  return (request) => server.handle({ ...request, user });
}
