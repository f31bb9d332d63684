import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { podStatusForController, podsStatusText } from './controllerpods.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { registerDescriber } from './registry.ts';
import { describeReplicaConditions } from './replicaset.ts';

/** describeReplicationController is ReplicationControllerDescriber, the ReplicaSet layout with a map selector. */
export async function describeReplicationController(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const rc = object as unknown as ReplicationController;
  const meta = rc.metadata ?? {};
  const selector = formatLabels(rc.spec?.selector);
  const counts = await podStatusForController(
    ctx,
    meta.namespace ?? '',
    selector === '<none>' ? '' : selector,
    meta.uid,
  );
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  w.line(L0, `Selector:\t${selector}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired`);
  w.line(L0, `Pods Status:\t${podsStatusText(counts)}`);
  describePodTemplate(rc.spec?.template, w);
  describeReplicaConditions(rc.status?.conditions, w);
  await writeEvents(w, ctx, object);
}

registerDescriber('ReplicationController', describeReplicationController);
