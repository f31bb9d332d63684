import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, formatLabels, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './common.ts';
import { podStatusForController, podsStatusText } from './controllerpods.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { registerDescriber } from './registry.ts';

/** describeDaemonSet is DaemonSetDescriber: how many nodes run it, up to date and available, then the template. */
export async function describeDaemonSet(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const ds = object as unknown as DaemonSet;
  const meta = ds.metadata ?? {};
  const status = ds.status;
  const selector = selectorString(ds.spec?.selector);
  const counts = await podStatusForController(ctx, meta.namespace ?? '', selector, meta.uid);
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  w.line(L0, `Selector:\t${selector}`);
  w.line(L0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}`);
  w.line(L0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}`);
  w.line(L0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}`);
  w.line(L0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}`);
  w.line(L0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}`);
  w.line(L0, `Pods Status:\t${podsStatusText(counts)}`);
  describePodTemplate(ds.spec?.template, w);
  await writeEvents(w, ctx, object);
}

registerDescriber('DaemonSet', describeDaemonSet, 'apps');
