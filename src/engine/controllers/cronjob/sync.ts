import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/clock.ts';
import { deepEqual } from '../../api/equal.ts';
import type { KubeObject } from '../../api/types.ts';
import type { EventInput } from '../../events.ts';
import type { Action } from '../reconcile/actions.ts';
import { newControllerRef } from '../reconcile/owners.ts';
import { CRON_JOBS, JOBS } from '../reconcile/resources.ts';
import { CronSyntaxError, formatInZone, isKnownTimeZone, parseSchedule, type CronSchedule } from './schedule.ts';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** NEXT_SCHEDULE_DELTA_MS: the controller wakes this long after a scheduled instant, as nextScheduleDelta does. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
const MANY_MISSED = 100;

export interface CronJobView {
  cronJob: CronJob;
  /** The Jobs this CronJob controls. */
  jobs: readonly Job[];
}

export function jobFinishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/** jobName is getJobName: "<cronjob>-<scheduled time in minutes since the epoch>". */
export function jobName(cronJob: CronJob, scheduled: number): string {
  return `${cronJob.metadata?.name ?? ''}-${Math.floor(scheduled / 60_000)}`;
}

/**
 * mostRecentScheduleTime returns the last scheduled instant not later than now since the last
 * schedule (or creation), and how many were missed on the way.
 */
export function mostRecentScheduleTime(
  cronJob: CronJob,
  now: number,
  schedule: CronSchedule,
  includeStartingDeadline: boolean,
): { earliest: number; mostRecent: number | undefined; missed: number } {
  let earliest = Date.parse(cronJob.metadata?.creationTimestamp ?? '') || 0;
  if (cronJob.status?.lastScheduleTime) earliest = Date.parse(cronJob.status.lastScheduleTime);
  const deadline = cronJob.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline !== undefined) earliest = Math.max(earliest, now - deadline * 1000);
  const t1 = schedule.next(earliest);
  const t2 = schedule.next(t1);
  if (now < t1) return { earliest, mostRecent: undefined, missed: 0 };
  if (now < t2) return { earliest, mostRecent: t1, missed: 0 };
  const between = Math.round((t2 - t1) / 1000);
  const missed = Math.floor((now - t1) / 1000 / between) + 1;
  let mostRecent: number | undefined;
  const start = t1 + (missed - 2) * between * 1000;
  for (let t = schedule.next(start); t <= now; t = schedule.next(t)) mostRecent = t;
  return { earliest, mostRecent, missed };
}

function nextWakeUp(cronJob: CronJob, now: number, schedule: CronSchedule): number {
  const { earliest, mostRecent, missed } = mostRecentScheduleTime(cronJob, now, schedule, false);
  const from = mostRecent ?? (missed === 0 ? earliest : now);
  return schedule.next(from) + NEXT_SCHEDULE_DELTA_MS;
}

function jobReference(job: KubeObject): ObjectReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name ?? '',
    namespace: job.metadata.namespace ?? '',
    resourceVersion: job.metadata.resourceVersion ?? '',
    uid: job.metadata.uid ?? '',
  };
}

/**
 * reconcileCronJob is ControllerV2.syncCronJob plus cleanupFinishedJobs: keep the active list true,
 * start the Job for the most recent unmet schedule (respecting suspend, startingDeadlineSeconds and
 * the concurrency policy), trim finished Jobs to the history limits, and wake at the next schedule.
 */
export function reconcileCronJob(view: CronJobView, now: number): Action[] {
  const cj = view.cronJob;
  const owner = cj as unknown as KubeObject;
  const actions: Action[] = [];
  const event = (input: EventInput) => actions.push({ type: 'event', on: owner, input });
  const status: CronJobStatus = structuredClone(cj.status ?? {});
  const active = () => status.active ?? [];
  const removeActive = (uid: string | undefined) => {
    const left = active().filter((r) => r.uid !== uid);
    if (left.length) status.active = left;
    else delete status.active;
  };
  const byUid = new Map(view.jobs.map((j) => [j.metadata?.uid ?? '', j]));

  for (const job of view.jobs) {
    const found = active().some((r) => r.uid === job.metadata?.uid);
    const finished = jobFinishedCondition(job);
    if (!found && !finished) {
      event({
        type: 'Warning',
        reason: 'UnexpectedJob',
        message: `Saw a job that the controller did not create or forgot: ${job.metadata?.name}`,
      });
    } else if (finished) {
      if (found) {
        removeActive(job.metadata?.uid);
        event({
          type: 'Normal',
          reason: 'SawCompletedJob',
          message: `Saw completed job: ${job.metadata?.name}, condition: ${finished}`,
        });
      }
      if (finished === 'Complete' && job.status?.completionTime) {
        const last = status.lastSuccessfulTime ? Date.parse(status.lastSuccessfulTime) : undefined;
        if (last === undefined || Date.parse(job.status.completionTime) > last)
          status.lastSuccessfulTime = job.status.completionTime;
      }
    }
  }
  for (const ref of active()) {
    if (byUid.has(ref.uid ?? '')) continue;
    event({ type: 'Normal', reason: 'MissingJob', message: `Active job went missing: ${ref.name}` });
    removeActive(ref.uid);
  }

  const finish = (): Action[] => {
    actions.push(...cleanupFinishedJobs(cj, view.jobs, removeActive));
    if (!deepEqual(status, cj.status ?? {}))
      actions.unshift({
        type: 'updateStatus',
        resource: CRON_JOBS,
        object: { ...owner, status: ordered(status) } as KubeObject,
      });
    return actions;
  };

  if (cj.metadata?.deletionTimestamp) return finish();
  const zone = cj.spec?.timeZone;
  if (zone !== undefined && !isKnownTimeZone(zone)) {
    event({
      type: 'Warning',
      reason: 'UnknownTimeZone',
      message: `invalid timeZone: "${zone}": unknown time zone ${zone}`,
    });
    return finish();
  }
  if (cj.spec?.suspend) return finish();
  let schedule: CronSchedule;
  try {
    schedule = parseSchedule(cj.spec?.schedule ?? '', zone);
  } catch (error) {
    if (!(error instanceof CronSyntaxError)) throw error;
    event({
      type: 'Warning',
      reason: 'UnparseableSchedule',
      message: `unparseable schedule: "${cj.spec?.schedule ?? ''}" : ${error.message}`,
    });
    return finish();
  }
  const requeue = () => actions.push({ type: 'requeue', at: nextWakeUp({ ...cj, status }, now, schedule) });
  const recent = mostRecentScheduleTime({ ...cj, status }, now, schedule, true);
  if (recent.mostRecent === undefined || recent.mostRecent > now) {
    requeue();
    return finish();
  }
  if (recent.missed > MANY_MISSED)
    event({
      type: 'Warning',
      reason: 'TooManyMissedTimes',
      message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    });
  const scheduled = recent.mostRecent;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline !== undefined && scheduled + deadline * 1000 < now) {
    event({
      type: 'Warning',
      reason: 'MissSchedule',
      message: `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
    });
    requeue();
    return finish();
  }
  const name = jobName(cj, scheduled);
  if (
    active().some((r) => r.name === name) ||
    (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled)
  ) {
    requeue();
    return finish();
  }
  if (cj.spec?.concurrencyPolicy === 'Forbid' && active().length > 0) {
    event({
      type: 'Normal',
      reason: 'JobAlreadyActive',
      message: 'Not starting job because prior execution is running and concurrency policy is Forbid',
    });
    requeue();
    return finish();
  }
  if (cj.spec?.concurrencyPolicy === 'Replace') {
    for (const ref of active()) {
      actions.push(deleteJob(cj, ref.namespace ?? '', ref.name ?? ''));
      removeActive(ref.uid);
    }
  }
  const existing = view.jobs.find((j) => j.metadata?.name === name);
  if (!existing) {
    const job = jobFromTemplate(cj, scheduled);
    actions.push({
      type: 'create',
      resource: JOBS,
      object: job as unknown as KubeObject,
      event: { on: owner, input: { type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${name}` } },
      failure: { on: owner, reason: 'FailedCreate', prefix: 'Error creating job: ' },
      then: (created) => [
        {
          type: 'updateStatus',
          resource: CRON_JOBS,
          object: {
            ...owner,
            status: ordered({
              ...status,
              active: [...active(), jobReference(created)],
              lastScheduleTime: rfc3339(scheduled),
            }),
          } as KubeObject,
        },
      ],
    });
  }
  requeue();
  return finish();
}

/** ordered puts status fields in the API's order: active, lastScheduleTime, lastSuccessfulTime. */
function ordered(status: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (status.active?.length) out.active = status.active;
  if (status.lastScheduleTime) out.lastScheduleTime = status.lastScheduleTime;
  if (status.lastSuccessfulTime) out.lastSuccessfulTime = status.lastSuccessfulTime;
  return out;
}

/** jobFromTemplate is getJobFromTemplate2: the template's labels, annotations and spec, the scheduled time, and the CronJob as controller. */
export function jobFromTemplate(cj: CronJob, scheduled: number): Job {
  const template = cj.spec?.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduled),
      namespace: cj.metadata?.namespace ?? '',
      ...(template?.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      annotations: {
        ...(template?.metadata?.annotations ?? {}),
        [SCHEDULED_TIMESTAMP_ANNOTATION]: formatInZone(scheduled, cj.spec?.timeZone),
      },
      ownerReferences: [newControllerRef(cj as unknown as KubeObject)],
    },
    spec: structuredClone(template?.spec ?? { template: {} }),
  };
}

function deleteJob(cj: CronJob, namespace: string, name: string): Action {
  const owner = cj as unknown as KubeObject;
  return {
    type: 'delete',
    resource: JOBS,
    namespace,
    name,
    propagationPolicy: 'Background',
    event: { on: owner, input: { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${name}` } },
    failure: { on: owner, reason: 'FailedDelete', prefix: 'Deleted job: ' },
  };
}

/** cleanupFinishedJobs deletes the oldest finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit. */
function cleanupFinishedJobs(
  cj: CronJob,
  jobs: readonly Job[],
  removeActive: (uid: string | undefined) => void,
): Action[] {
  const successful = jobs.filter((j) => jobFinishedCondition(j) === 'Complete');
  const failed = jobs.filter((j) => jobFinishedCondition(j) === 'Failed');
  const actions: Action[] = [];
  const trim = (list: Job[], limit: number | undefined) => {
    if (limit === undefined || list.length <= limit) return;
    const byStart = [...list].sort((a, b) => {
      const as = a.status?.startTime ? Date.parse(a.status.startTime) : Number.POSITIVE_INFINITY;
      const bs = b.status?.startTime ? Date.parse(b.status.startTime) : Number.POSITIVE_INFINITY;
      if (as !== bs) return as < bs ? -1 : 1;
      return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
    });
    for (const job of byStart.slice(0, list.length - limit)) {
      if (job.metadata?.deletionTimestamp) continue;
      actions.push(deleteJob(cj, job.metadata?.namespace ?? '', job.metadata?.name ?? ''));
      removeActive(job.metadata?.uid);
    }
  };
  trim(successful, cj.spec?.successfulJobsHistoryLimit);
  trim(failed, cj.spec?.failedJobsHistoryLimit);
  return actions;
}

/** rfc1123z formats like Go's time.RFC1123Z in UTC: "Mon, 05 Jan 2026 09:01:00 +0000". */
function rfc1123z(instant: number): string {
  const d = new Date(instant);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
