import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  L1,
  intOrString,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  selectorString,
} from './common.ts';
import { podStatusForController, podsStatusText } from './controllerpods.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { canonicalText } from './quantity.ts';
import { registerDescriber } from './registry.ts';
import { claimClass } from './volumes.ts';

/** describeVolumeClaimTemplates is describeVolumeClaimTemplates: name, class, labels, capacity, access modes. */
function describeVolumeClaimTemplates(
  templates: readonly PersistentVolumeClaim[] | undefined,
  w: DescribeWriter,
): void {
  if ((templates ?? []).length === 0) {
    w.line(L0, 'Volume Claims:\t<none>');
    return;
  }
  w.line(L0, 'Volume Claims:');
  for (const pvc of templates ?? []) {
    w.line(L1, `Name:\t${pvc.metadata?.name ?? ''}`);
    w.line(L1, `StorageClass:\t${claimClass(pvc)}`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.line(L1, `Capacity:\t${storage !== undefined ? canonicalText(storage) : '<default>'}`);
    w.line(L1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]`);
  }
}

/** describeStatefulSet is StatefulSetDescriber: replicas, update strategy, pods by phase, template, claims. */
export async function describeStatefulSet(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const sts = object as unknown as StatefulSet;
  const meta = sts.metadata ?? {};
  const selector = selectorString(sts.spec?.selector);
  const counts = await podStatusForController(ctx, meta.namespace ?? '', selector, meta.uid);
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  w.line(L0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}`);
  w.line(L0, `Selector:\t${selector}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `Replicas:\t${sts.spec?.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total`);
  w.line(L0, `Update Strategy:\t${sts.spec?.updateStrategy?.type ?? ''}`);
  const ru = sts.spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.line(L1, `Partition:\t${ru.partition}`);
    if (ru.maxUnavailable !== undefined) w.line(L1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}`);
  }
  w.line(L0, `Pods Status:\t${podsStatusText(counts)}`);
  describePodTemplate(sts.spec?.template, w);
  describeVolumeClaimTemplates(sts.spec?.volumeClaimTemplates, w);
  await writeEvents(w, ctx, object);
}

registerDescriber('StatefulSet', describeStatefulSet, 'apps');
