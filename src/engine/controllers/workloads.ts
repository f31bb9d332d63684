import type { Controller } from './controller.ts';
import { DeploymentController } from './deployment/controller.ts';
import type { ControllerDeps } from './deps.ts';
import { ReplicaSetController } from './replicaset/controller.ts';

/** workloadControllers are the loops behind Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs. */
export function workloadControllers(deps: ControllerDeps): Controller[] {
  return [new DeploymentController(deps), new ReplicaSetController(deps)];
}
