import type { Controller } from './controller.ts';
import type { ControllerDeps } from './deps.ts';
import { EndpointsController } from './endpoints/endpoints.ts';
import { EndpointSliceController } from './endpointslice/endpointslice.ts';
import { IngressStatusController } from './ingress/ingress.ts';
import { LoadBalancerController } from './loadbalancer/loadbalancer.ts';
import { ExternalProvisioner } from './provisioner/provisioner.ts';
import { VolumeExpander } from './provisioner/resizer.ts';
import { StorageProtectionController } from './pvbinder/protection.ts';
import { PersistentVolumeBinder } from './pvbinder/pvbinder.ts';

/** networkingControllers are the loops behind Services (endpoints, load balancers), Ingress and storage binding. */
export function networkingControllers(deps: ControllerDeps): Controller[] {
  const { server, clock, events } = deps;
  return [
    new EndpointsController(server, clock),
    new EndpointSliceController(server, clock),
    new LoadBalancerController(server, clock, events),
    new IngressStatusController(server, clock, events),
    new PersistentVolumeBinder(server, clock, events),
    new StorageProtectionController(server),
    new ExternalProvisioner(server, clock, events),
    new VolumeExpander(server, clock, events),
  ];
}
