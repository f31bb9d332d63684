import type { Controller } from './controller.ts';
import type { ControllerDeps } from './deps.ts';

/** workloadControllers are the loops behind Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs. */
export function workloadControllers(_deps: ControllerDeps): Controller[] {
  return [];
}
