import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  L1,
  controllerOf,
  formatLabelSelector,
  printAnnotationsMultiline,
  printLabelsMultiline,
  selectorString,
} from './common.ts';
import { podStatusForController, podsStatusText } from './controllerpods.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { registerDescriber } from './registry.ts';

/** describeReplicaSet is ReplicaSetDescriber: replicas, its pods by phase, the template and conditions. */
export async function describeReplicaSet(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const rs = object as unknown as ReplicaSet;
  const meta = rs.metadata ?? {};
  const counts = await podStatusForController(ctx, meta.namespace ?? '', selectorString(rs.spec?.selector), meta.uid);
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  w.line(L0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  const controlledBy = controllerOf(object);
  if (controlledBy) w.line(L0, `Controlled By:\t${controlledBy}`);
  w.line(L0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired`);
  w.line(L0, `Pods Status:\t${podsStatusText(counts)}`);
  describePodTemplate(rs.spec?.template, w);
  describeReplicaConditions(rs.status?.conditions, w);
  await writeEvents(w, ctx, object);
}

/** describeReplicaConditions is the `Type Status Reason` conditions table of ReplicaSets and Deployments. */
export function describeReplicaConditions(
  conditions: readonly { type: string; status: string; reason?: string }[] | undefined,
  w: DescribeWriter,
): void {
  if ((conditions ?? []).length === 0) return;
  w.line(L0, 'Conditions:');
  w.line(L1, 'Type\tStatus\tReason');
  w.line(L1, '----\t------\t------');
  for (const c of conditions ?? []) w.line(L1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
}

registerDescriber('ReplicaSet', describeReplicaSet, 'apps');
