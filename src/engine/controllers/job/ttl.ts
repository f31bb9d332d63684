import type { Job } from 'kubernetes-types/batch/v1';
import type { StoredChange } from '../../api/store.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { JOBS, keyOf } from '../reconcile/resources.ts';

/** finishTime is when a Job reached Complete or Failed (the condition's transition time). */
export function finishTime(job: Job): number | undefined {
  const done = (job.status?.conditions ?? []).find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
  if (!done?.lastTransitionTime) return undefined;
  return Date.parse(done.lastTransitionTime);
}

/**
 * reconcileTTL is the TTL-after-finished controller's processJob: a finished Job with
 * ttlSecondsAfterFinished is deleted (foreground, so its pods go first) once the time is up.
 */
export function reconcileTTL(job: Job, now: number): Action[] {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || job.metadata?.deletionTimestamp) return [];
  const finished = finishTime(job);
  if (finished === undefined) return [];
  const expireAt = finished + ttl * 1000;
  if (now < expireAt) return [{ type: 'requeue', at: expireAt }];
  return [
    {
      type: 'delete',
      resource: JOBS,
      namespace: job.metadata?.namespace ?? '',
      name: job.metadata?.name ?? '',
      propagationPolicy: 'Foreground',
    },
  ];
}

export class TTLAfterFinishedController extends KeyedController {
  readonly name = 'ttl-after-finished-controller';
  protected readonly component = 'ttl-after-finished-controller';
  protected readonly primary = JOBS;

  observe(change: StoredChange): void {
    if (change.resource !== JOBS.key || change.type === 'DELETED') return;
    if ((change.object as unknown as Job).spec?.ttlSecondsAfterFinished !== undefined)
      this.enqueue(keyOf(change.object));
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const job = this.deps.server.store.get(JOBS.key, namespace, name) as unknown as Job | undefined;
    return job ? reconcileTTL(job, now) : [];
  }
}
