import type { Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, L2, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** describeEndpoints is EndpointsDescriber: per subset, ready and not-ready addresses and the ports table. */
export async function describeEndpoints(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const ep = object as unknown as Endpoints;
  w.line(L0, `Name:\t${ep.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${ep.metadata?.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
  w.line(L0, 'Subsets:');
  for (const subset of ep.subsets ?? []) {
    w.line(L1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    w.line(L1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    if ((subset.ports ?? []).length > 0) {
      w.line(L1, 'Ports:');
      w.line(L2, 'Name\tPort\tProtocol');
      w.line(L2, '----\t----\t--------');
      for (const port of subset.ports ?? [])
        w.line(L2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}`);
    }
    w.line(L0, '');
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('Endpoints', describeEndpoints);
