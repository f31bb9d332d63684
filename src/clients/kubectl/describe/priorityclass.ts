import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, formatLabels, goBool } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** describePriorityClass is PriorityClassDescriber; annotations print on one line as a label set. */
export async function describePriorityClass(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const pc = object as unknown as PriorityClass;
  w.line(L0, `Name:\t${pc.metadata?.name ?? ''}`);
  w.line(L0, `Value:\t${pc.value}`);
  w.line(L0, `GlobalDefault:\t${goBool(pc.globalDefault)}`);
  w.line(L0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}`);
  w.line(L0, `Description:\t${pc.description ?? ''}`);
  w.line(L0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}`);
  await writeEvents(w, ctx, object);
}

registerDescriber('PriorityClass', describePriorityClass, 'scheduling.k8s.io');
