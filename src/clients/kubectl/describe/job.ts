import type { Job } from 'kubernetes-types/batch/v1';
import { humanDuration, type KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  controllerOf,
  goBool,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  selectorString,
} from './common.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { registerDescriber } from './registry.ts';

/** capIndexesListOrNone shortens a completed-indexes list after about 50 characters, at a comma. */
function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

/** describeJob is JobDescriber: completions and limits, timing, pods by status, then the template. */
export async function describeJob(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const job = object as unknown as Job;
  const meta = job.metadata ?? {};
  const spec = job.spec;
  const status = job.status ?? {};
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  w.line(L0, `Selector:\t${selectorString(spec?.selector)}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  const controlledBy = controllerOf(object);
  if (controlledBy) w.line(L0, `Controlled By:\t${controlledBy}`);
  if (spec?.parallelism !== undefined) w.line(L0, `Parallelism:\t${spec.parallelism}`);
  if (spec?.completions !== undefined) w.line(L0, `Completions:\t${spec.completions}`);
  else w.line(L0, 'Completions:\t<unset>');
  if (spec?.completionMode !== undefined) w.line(L0, `Completion Mode:\t${spec.completionMode}`);
  if (spec?.suspend !== undefined) w.line(L0, `Suspend:\t${goBool(spec.suspend)}`);
  if (spec?.backoffLimit !== undefined) w.line(L0, `Backoff Limit:\t${spec.backoffLimit}`);
  if (spec?.ttlSecondsAfterFinished !== undefined)
    w.line(L0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (status.startTime) w.line(L0, `Start Time:\t${rfc1123z(status.startTime)}`);
  if (status.completionTime) w.line(L0, `Completed At:\t${rfc1123z(status.completionTime)}`);
  if (status.startTime && status.completionTime)
    w.line(L0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}`);
  if (spec?.activeDeadlineSeconds !== undefined) w.line(L0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  if (status.ready === undefined)
    w.line(
      L0,
      `Pods Statuses:\t${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`,
    );
  else
    w.line(
      L0,
      `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`,
    );
  if (spec?.completionMode === 'Indexed')
    w.line(L0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, 50)}`);
  describePodTemplate(spec?.template, w);
  await writeEvents(w, ctx, object);
}

registerDescriber('Job', describeJob, 'batch');
