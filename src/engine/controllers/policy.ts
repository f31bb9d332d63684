import type { Controller } from './controller.ts';
import type { ControllerDeps } from './deps.ts';
import { HorizontalPodAutoscalerController } from './hpa/hpa.ts';
import { NodeLifecycleController } from './nodelifecycle/nodelifecycle.ts';
import { ResourceQuotaController } from './resourcequota/resourcequota.ts';

/** policyControllers are the loops behind quotas, node lifecycle (cordon taints, NoExecute eviction) and autoscaling. */
export function policyControllers(deps: ControllerDeps): Controller[] {
  const { server, clock, events } = deps;
  return [
    new ResourceQuotaController(server),
    new NodeLifecycleController(server, clock, events),
    new HorizontalPodAutoscalerController(server, clock, events),
  ];
}
