import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { StoredChange } from '../../api/store.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { controllerRefOf } from '../reconcile/owners.ts';
import { CRON_JOBS, JOBS, keyOf } from '../reconcile/resources.ts';
import { reconcileCronJob } from './sync.ts';

/**
 * CronJobController starts Jobs on schedule. It wakes for the CronJob, for Jobs it controls, and at
 * the next scheduled instant through a clock event — never on a polling tick.
 */
export class CronJobController extends KeyedController {
  readonly name = 'cronjob-controller';
  protected readonly component = 'cronjob-controller';
  protected readonly primary = CRON_JOBS;

  observe(change: StoredChange): void {
    if (change.resource === CRON_JOBS.key) {
      if (change.type !== 'DELETED') this.enqueue(keyOf(change.object));
      return;
    }
    if (change.resource !== JOBS.key) return;
    for (const job of [change.object, change.previous]) {
      const ref = job ? controllerRefOf(job) : undefined;
      if (ref?.kind === 'CronJob') this.enqueue(`${job?.metadata.namespace ?? ''}/${ref.name}`);
    }
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const cronJob = store.get(CRON_JOBS.key, namespace, name) as unknown as CronJob | undefined;
    if (!cronJob) return [];
    const jobs = (store.list(JOBS.key, namespace) as unknown as Job[]).filter(
      (j) => controllerRefOf(j)?.uid === cronJob.metadata?.uid,
    );
    return reconcileCronJob({ cronJob, jobs }, now);
  }
}
