import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** describeIngressClass is IngressClassDescriber: the controller and, if any, the parameters reference. */
export async function describeIngressClass(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const ic = object as unknown as IngressClass;
  w.line(L0, `Name:\t${ic.metadata?.name ?? ''}`);
  printLabelsMultiline(w, 'Labels', ic.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', ic.metadata?.annotations);
  w.line(L0, `Controller:\t${ic.spec?.controller ?? ''}`);
  const params = ic.spec?.parameters;
  if (params) {
    w.line(L0, 'Parameters:');
    if (params.apiGroup !== undefined) w.line(L1, `APIGroup:\t${params.apiGroup}`);
    w.line(L1, `Kind:\t${params.kind}`);
    w.line(L1, `Name:\t${params.name}`);
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('IngressClass', describeIngressClass, 'networking.k8s.io');
