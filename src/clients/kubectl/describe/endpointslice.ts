import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, L2, L3, goBool, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** describeEndpointSlice is EndpointSliceDescriber: the ports table, then each endpoint with its conditions. */
export async function describeEndpointSlice(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const eps = object as unknown as EndpointSlice;
  w.line(L0, `Name:\t${eps.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${eps.metadata?.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', eps.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.metadata?.annotations);
  w.line(L0, `AddressType:\t${eps.addressType}`);
  if ((eps.ports ?? []).length === 0) w.line(L0, 'Ports: <unset>');
  else {
    w.line(L0, 'Ports:');
    w.line(L1, 'Name\tPort\tProtocol');
    w.line(L1, '----\t----\t--------');
    for (const port of eps.ports ?? [])
      w.line(L1, `${port.name || '<unset>'}\t${port.port ?? '<unset>'}\t${port.protocol ?? ''}`);
  }
  if ((eps.endpoints ?? []).length === 0) w.line(L0, 'Endpoints: <none>');
  else {
    w.line(L0, 'Endpoints:');
    for (const endpoint of eps.endpoints ?? []) {
      w.line(L1, `- Addresses:\t${endpoint.addresses.join(', ') || '<none>'}`);
      w.line(L2, 'Conditions:');
      const ready = endpoint.conditions?.ready;
      w.line(L3, `Ready:\t${ready === undefined ? '<unset>' : goBool(ready)}`);
      w.line(L2, `Hostname:\t${endpoint.hostname ?? '<unset>'}`);
      if (endpoint.targetRef)
        w.line(L2, `TargetRef:\t${endpoint.targetRef.kind ?? ''}/${endpoint.targetRef.name ?? ''}`);
      w.line(L2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}`);
      w.line(L2, `Zone:\t${endpoint.zone ?? '<unset>'}`);
    }
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('EndpointSlice', describeEndpointSlice, 'discovery.k8s.io');
