import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/clock.ts';
import { deepEqual } from '../../api/equal.ts';
import type { KubeObject } from '../../api/types.ts';
import type { EventInput } from '../../events.ts';
import type { Action } from '../reconcile/actions.ts';
import { isPodActive, isPodReady } from '../reconcile/pods.ts';
import { JOBS, PODS } from '../reconcile/resources.ts';
import { backoffRemaining, completionIndexOf, formatIndexes, isIndexed, newJobPod, parseIndexes } from './pods.ts';

/** Condition reasons and messages of the Job controller. */
export const JobReason = {
  BackoffLimitExceeded: ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
  DeadlineExceeded: ['DeadlineExceeded', 'Job was active longer than specified deadline'],
  CompletionsReached: ['CompletionsReached', 'Reached expected number of succeeded pods'],
} as const;

/** JobView is one sync's reading: the Job, its pods (claimed), and which finished pods are already counted in status. */
export interface JobView {
  job: Job;
  pods: readonly Pod[];
  counted: ReadonlySet<string>;
}

export interface JobSync {
  actions: Action[];
  /** Finished pods this sync counted into status.succeeded or status.failed. */
  counted: string[];
}

export function isJobFinished(job: Job): boolean {
  return (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

function hasCondition(status: JobStatus, type: string): JobCondition | undefined {
  return (status.conditions ?? []).find((c) => c.type === type && c.status === 'True');
}

function condition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const at = rfc3339(now);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, reason, message };
}

/** setCondition updates a condition in place (keeping its transition time when the status stays) or appends it. */
function setCondition(status: JobStatus, next: JobCondition): boolean {
  const conditions = status.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === next.type);
  const existing = conditions[i];
  if (existing) {
    if (existing.status === next.status && existing.reason === next.reason && existing.message === next.message)
      return false;
    const keep = existing.status === next.status && existing.lastTransitionTime;
    conditions[i] = keep ? { ...next, lastTransitionTime: existing.lastTransitionTime as string } : next;
  } else conditions.push(next);
  status.conditions = conditions;
  return true;
}

/**
 * reconcileJob is Controller.syncJob: count pods that finished, decide whether the Job has failed
 * (backoff limit, active deadline) or succeeded (completions), and otherwise keep `parallelism`
 * pods running — replacing failures after an exponential back-off. Terminal conditions come in
 * two steps, FailureTarget/SuccessCriteriaMet first, Failed/Complete once no pod is left running.
 */
export function reconcileJob(view: JobView, now: number): JobSync {
  const job = view.job;
  const owner = job as unknown as KubeObject;
  const actions: Action[] = [];
  const event = (input: EventInput) => actions.push({ type: 'event', on: owner, input });
  if (isJobFinished(job)) return { actions, counted: [] };

  const pods = view.pods;
  const active = pods.filter(isPodActive);
  const terminatingPods = pods.filter(
    (p) => p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  const fresh = pods.filter(
    (p) =>
      (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') && !view.counted.has(p.metadata?.uid ?? ''),
  );
  const freshSucceeded = fresh.filter((p) => p.status?.phase === 'Succeeded');
  const freshFailed = fresh.filter((p) => p.status?.phase === 'Failed');
  const status: JobStatus = structuredClone(job.status ?? {});
  const succeeded = (status.succeeded ?? 0) + freshSucceeded.length;
  const failed = (status.failed ?? 0) + freshFailed.length;
  const indexed = isIndexed(job);
  const completedIndexes = parseIndexes(status.completedIndexes);
  for (const pod of freshSucceeded) {
    const index = completionIndexOf(pod);
    if (index !== undefined && index < (job.spec?.completions ?? 0)) completedIndexes.add(index);
  }
  const suspended = job.spec?.suspend === true;
  const backoffLimit = job.spec?.backoffLimit ?? 6;
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;

  if (!suspended && !status.startTime) status.startTime = rfc3339(now);

  // Has the Job failed?
  let failure: readonly [string, string] | undefined;
  const target = hasCondition(status, 'FailureTarget');
  if (target) failure = [target.reason ?? '', target.message ?? ''];
  else if (failed > backoffLimit || pastBackoffLimitOnFailure(job, active)) failure = JobReason.BackoffLimitExceeded;
  else if (pastActiveDeadline(job, status, now)) failure = JobReason.DeadlineExceeded;
  else if (!suspended && job.spec?.activeDeadlineSeconds !== undefined && status.startTime)
    actions.push({ type: 'requeue', at: Date.parse(status.startTime) + job.spec.activeDeadlineSeconds * 1000 });

  let activeCount = active.length;
  let terminating = terminatingPods.length;
  const deleteAll = () => {
    for (const pod of active) actions.push(deletePod(job, pod));
    terminating += active.length;
    activeCount = 0;
  };

  if (failure) {
    deleteAll();
    setCondition(status, condition('FailureTarget', 'True', failure[0], failure[1], now));
    if (terminating === 0) {
      setCondition(status, condition('Failed', 'True', failure[0], failure[1], now));
      event({ type: 'Warning', reason: failure[0], message: failure[1] });
    }
  } else if (suspended) {
    deleteAll();
    if (setCondition(status, condition('Suspended', 'True', 'JobSuspended', 'Job suspended', now))) {
      event({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      delete status.startTime;
    }
  } else {
    if (hasCondition(status, 'Suspended')) {
      setCondition(status, condition('Suspended', 'False', 'JobResumed', 'Job resumed', now));
      event({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
      status.startTime = rfc3339(now);
    }
    const complete = indexed
      ? completedIndexes.size >= (completions ?? 0)
      : completions === undefined
        ? succeeded > 0 && active.length === 0
        : succeeded >= completions;
    if (!complete) {
      const managed = indexed
        ? manageIndexed(job, active, pods, completedIndexes, parallelism, now)
        : manageNonIndexed(job, active, pods, succeeded, parallelism, completions, now);
      actions.push(...managed.actions);
      activeCount += managed.created - managed.deleted;
      terminating += managed.deleted;
    } else {
      if (active.length) deleteAll();
      setCondition(status, condition('SuccessCriteriaMet', 'True', ...JobReason.CompletionsReached, now));
      if (terminating === 0) {
        setCondition(status, condition('Complete', 'True', ...JobReason.CompletionsReached, now));
        status.completionTime = rfc3339(now);
        event({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
      }
    }
  }

  if (activeCount) status.active = activeCount;
  else delete status.active;
  if (succeeded) status.succeeded = succeeded;
  if (failed) status.failed = failed;
  if (indexed && completedIndexes.size) status.completedIndexes = formatIndexes(completedIndexes);
  status.ready = active.filter(isPodReady).length;
  status.terminating = terminating;
  status.uncountedTerminatedPods = {};
  if (!deepEqual(status, job.status ?? {}))
    actions.push({ type: 'updateStatus', resource: JOBS, object: { ...owner, status } as KubeObject });
  return { actions, counted: fresh.map((p) => p.metadata?.uid ?? '') };
}

function manageNonIndexed(
  job: Job,
  active: readonly Pod[],
  pods: readonly Pod[],
  succeeded: number,
  parallelism: number,
  completions: number | undefined,
  now: number,
): { actions: Action[]; created: number; deleted: number } {
  let want: number;
  if (completions === undefined) want = succeeded > 0 ? active.length : parallelism;
  else want = Math.max(0, Math.min(completions - succeeded, parallelism));
  const actions: Action[] = [];
  if (active.length > want) {
    const extra = [...active]
      .sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''))
      .slice(0, active.length - want);
    for (const pod of extra) actions.push(deletePod(job, pod));
    return { actions, created: 0, deleted: extra.length };
  }
  if (active.length === want) return { actions, created: 0, deleted: 0 };
  const wait = backoffRemaining(pods, now);
  if (wait > 0) return { actions: [{ type: 'requeue', at: now + wait }], created: 0, deleted: 0 };
  const count = want - active.length;
  for (let i = 0; i < count; i++) actions.push(createPod(job));
  return { actions, created: count, deleted: 0 };
}

function manageIndexed(
  job: Job,
  active: readonly Pod[],
  pods: readonly Pod[],
  completed: ReadonlySet<number>,
  parallelism: number,
  now: number,
): { actions: Action[]; created: number; deleted: number } {
  const completions = job.spec?.completions ?? 0;
  const actions: Action[] = [];
  const running = new Set<number>();
  let deleted = 0;
  for (const pod of active) {
    const index = completionIndexOf(pod);
    if (index === undefined || index >= completions || completed.has(index) || running.has(index)) {
      actions.push(deletePod(job, pod));
      deleted++;
    } else running.add(index);
  }
  const room = parallelism - running.size;
  if (room <= 0) return { actions, created: 0, deleted };
  const wait = backoffRemaining(pods, now);
  if (wait > 0) return { actions: [...actions, { type: 'requeue', at: now + wait }], created: 0, deleted };
  let created = 0;
  for (let index = 0; index < completions && created < room; index++) {
    if (completed.has(index) || running.has(index)) continue;
    actions.push(createPod(job, index));
    created++;
  }
  return { actions, created, deleted };
}

function createPod(job: Job, index?: number): Action {
  const owner = job as unknown as KubeObject;
  return {
    type: 'create',
    resource: PODS,
    object: newJobPod(job, index) as unknown as KubeObject,
    event: { on: owner, input: { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: {name}' } },
    failure: { on: owner, reason: 'FailedCreate', prefix: 'Error creating: ' },
  };
}

function deletePod(job: Job, pod: Pod): Action {
  const owner = job as unknown as KubeObject;
  const name = pod.metadata?.name ?? '';
  return {
    type: 'delete',
    resource: PODS,
    namespace: pod.metadata?.namespace ?? '',
    name,
    event: { on: owner, input: { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${name}` } },
    failure: { on: owner, reason: 'FailedDelete', prefix: 'Error deleting: ' },
  };
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count against backoffLimit. */
export function pastBackoffLimitOnFailure(job: Job, active: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of active) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])])
      restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function pastActiveDeadline(job: Job, status: JobStatus, now: number): boolean {
  const seconds = job.spec?.activeDeadlineSeconds;
  if (seconds === undefined || !status.startTime || job.spec?.suspend) return false;
  return now - Date.parse(status.startTime) >= seconds * 1000;
}
