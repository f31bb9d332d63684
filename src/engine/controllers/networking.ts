import type { Controller } from './controller.ts';
import type { ControllerDeps } from './deps.ts';

/** networkingControllers are the loops behind Services (endpoints, load balancers), Ingress and storage binding. */
export function networkingControllers(_deps: ControllerDeps): Controller[] {
  return [];
}
