import type { CronJob, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  printAnnotationsMultiline,
  printBoolPtr,
  printLabelsMultiline,
  rfc1123z,
  selectorString,
} from './common.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { registerDescriber } from './registry.ts';

function describeJobTemplate(template: JobTemplateSpec | undefined, w: DescribeWriter): void {
  const spec = template?.spec;
  if (spec?.selector) w.line(L0, `Selector:\t${selectorString(spec.selector)}`);
  else w.line(L0, 'Selector:\t<unset>');
  w.line(L0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}`);
  w.line(L0, `Completions:\t${spec?.completions ?? '<unset>'}`);
  if (spec?.activeDeadlineSeconds !== undefined) w.line(L0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  describePodTemplate(spec?.template, w);
}

/** describeCronJob is CronJobDescriber: schedule and policies, the job template, last run and active jobs. */
export async function describeCronJob(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const cj = object as unknown as CronJob;
  const meta = cj.metadata ?? {};
  const spec = cj.spec;
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `Schedule:\t${spec?.schedule ?? ''}`);
  w.line(L0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}`);
  w.line(L0, `Suspend:\t${printBoolPtr(spec?.suspend)}`);
  w.line(L0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? '<unset>'}`);
  w.line(L0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? '<unset>'}`);
  const deadline = spec?.startingDeadlineSeconds;
  w.line(L0, `Starting Deadline Seconds:\t${deadline !== undefined ? `${deadline}s` : '<unset>'}`);
  describeJobTemplate(spec?.jobTemplate, w);
  const last = cj.status?.lastScheduleTime;
  w.line(L0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}`);
  const active = cj.status?.active ?? [];
  w.line(L0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((j) => j.name ?? '').join(', ')}`);
  await writeEvents(w, ctx, object);
}

registerDescriber('CronJob', describeCronJob, 'batch');
