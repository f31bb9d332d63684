import type { Controller } from './controller.ts';
import { CronJobController } from './cronjob/controller.ts';
import { DaemonSetController } from './daemonset/controller.ts';
import { DeploymentController } from './deployment/controller.ts';
import type { ControllerDeps } from './deps.ts';
import { JobController } from './job/controller.ts';
import { TTLAfterFinishedController } from './job/ttl.ts';
import { ReplicaSetController } from './replicaset/controller.ts';
import { StatefulSetController } from './statefulset/controller.ts';

/** workloadControllers are the loops behind Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs. */
export function workloadControllers(deps: ControllerDeps): Controller[] {
  return [
    new DeploymentController(deps),
    new ReplicaSetController(deps),
    new StatefulSetController(deps),
    new DaemonSetController(deps),
    new JobController(deps),
    new CronJobController(deps),
    new TTLAfterFinishedController(deps),
  ];
}
