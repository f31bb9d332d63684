import type { Controller } from './controller.ts';
import type { ControllerDeps } from './deps.ts';
import { ResourceQuotaController } from './resourcequota/resourcequota.ts';

/** policyControllers are the loops behind quotas, node lifecycle (cordon taints, NoExecute eviction) and autoscaling. */
export function policyControllers(deps: ControllerDeps): Controller[] {
  const { server } = deps;
  return [new ResourceQuotaController(server)];
}
