import type { Controller } from './controller.ts';
import type { ControllerDeps } from './deps.ts';
import { CustomResourceDefinitionController } from './crd/crd.ts';
import { GarbageCollector } from './garbagecollector/garbagecollector.ts';
import { NamespaceController } from './namespace/namespace.ts';
import { networkingControllers } from './networking.ts';
import { policyControllers } from './policy.ts';
import { ServiceAccountController } from './serviceaccount/serviceaccount.ts';
import { workloadControllers } from './workloads.ts';

/** createControllers is kube-controller-manager: every control loop the simulated cluster runs. */
export function createControllers(deps: ControllerDeps): Controller[] {
  return [
    new ServiceAccountController(deps.server),
    new NamespaceController(deps.server, deps.clock),
    new CustomResourceDefinitionController(deps.server, deps.clock),
    new GarbageCollector(deps.server),
    ...workloadControllers(deps),
    ...networkingControllers(deps),
    ...policyControllers(deps),
  ];
}
