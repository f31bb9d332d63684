import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { defaultCronJob } from '../../api/defaults/workloads.ts';
import type { KubeObject } from '../../api/types.ts';
import { DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import { applyActions, type Action } from '../reconcile/actions.ts';
import { cronJob, type CronJobBuilder } from '../testing/builders.ts';
import { statusOf, summarize } from '../testing/summary.ts';
import { jobName, reconcileCronJob } from './sync.ts';

const MINUTE = 60_000;

function stored(b: CronJobBuilder, status?: CronJobStatus): CronJob {
  const object = b.obj() as unknown as KubeObject;
  object.metadata = { ...object.metadata, uid: 'uid-cj', generation: 1, creationTimestamp: rfc3339(DEFAULT_EPOCH) };
  defaultCronJob(object);
  const cj = object as unknown as CronJob;
  if (status) cj.status = status;
  return cj;
}

function childJob(cj: CronJob, scheduled: number, finished?: 'Complete' | 'Failed'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduled),
      namespace: 'default',
      uid: `uid-${scheduled}`,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: 'uid-cj', controller: true }],
    },
    spec: { template: {} },
    status: {
      startTime: rfc3339(scheduled),
      ...(finished
        ? {
            conditions: [{ type: finished, status: 'True' }],
            ...(finished === 'Complete' ? { completionTime: rfc3339(scheduled + 5000) } : {}),
          }
        : {}),
    },
  };
}

const ref = (job: Job) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  name: job.metadata?.name ?? '',
  namespace: 'default',
  uid: job.metadata?.uid ?? '',
});

function run(cj: CronJob, jobs: Job[], now: number): Action[] {
  return reconcileCronJob({ cronJob: cj, jobs }, now);
}

/** created applies the create's follow-up, as the controller does with the API's answer. */
function followUp(actions: Action[]): Action[] {
  const create = actions.find((a) => a.type === 'create');
  if (create?.type !== 'create' || !create.then) return [];
  return create.then({
    ...create.object,
    metadata: { ...create.object.metadata, uid: 'uid-new', resourceVersion: '7' },
  });
}

describe('reconcileCronJob', () => {
  it('before the first scheduled time it only sets a timer for it', () => {
    const cj = stored(cronJob('tick', '*/1 * * * *'));
    expect(summarize(run(cj, [], DEFAULT_EPOCH + 10_000), DEFAULT_EPOCH + 10_000)).toEqual(['requeue +50.1s']);
  });

  it('at the scheduled time it creates "<cronjob>-<minutes since epoch>" and records it as active', () => {
    const cj = stored(cronJob('tick', '*/1 * * * *'));
    const now = DEFAULT_EPOCH + MINUTE + 100;
    const actions = run(cj, [], now);
    const name = `tick-${(DEFAULT_EPOCH + MINUTE) / MINUTE}`;
    expect(summarize(actions, now)).toEqual([
      `create Job ${name}`,
      `event SuccessfulCreate: Created job ${name}`,
      'requeue +60s',
    ]);
    const created = actions[0]?.type === 'create' ? (actions[0].object as unknown as Job) : undefined;
    expect(created?.metadata?.annotations).toEqual({
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-05T09:01:00Z',
    });
    expect(created?.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    expect(statusOf<CronJobStatus>(followUp(actions), 'CronJob')).toEqual({
      active: [
        { apiVersion: 'batch/v1', kind: 'Job', name, namespace: 'default', resourceVersion: '7', uid: 'uid-new' },
      ],
      lastScheduleTime: '2026-01-05T09:01:00Z',
    });
  });

  it('notices a finished Job, and records lastSuccessfulTime', () => {
    const cj0 = stored(cronJob('tick', '*/5 * * * *'));
    const done = childJob(cj0, DEFAULT_EPOCH + 5 * MINUTE, 'Complete');
    const cj = stored(cronJob('tick', '*/5 * * * *'), {
      active: [ref(done)],
      lastScheduleTime: rfc3339(DEFAULT_EPOCH + 5 * MINUTE),
    });
    const actions = run(cj, [done], DEFAULT_EPOCH + 6 * MINUTE);
    expect(summarize(actions)).toContain(
      `event SawCompletedJob: Saw completed job: ${done.metadata?.name}, condition: Complete`,
    );
    expect(statusOf<CronJobStatus>(actions, 'CronJob')).toEqual({
      lastScheduleTime: '2026-01-05T09:05:00Z',
      lastSuccessfulTime: '2026-01-05T09:05:05Z',
    });
  });

  it.each([
    {
      policy: 'Forbid',
      lines: [
        'event JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid',
      ],
    },
    {
      policy: 'Replace',
      lines: [
        'delete Job tick-29460061',
        'event SuccessfulDelete: Deleted job tick-29460061',
        'create Job tick-29460062',
      ],
    },
    { policy: 'Allow', lines: ['create Job tick-29460062'] },
  ])('concurrencyPolicy $policy with a Job still running', ({ policy, lines }) => {
    const cj0 = stored(cronJob('tick', '*/1 * * * *'));
    const running = childJob(cj0, DEFAULT_EPOCH + MINUTE);
    const cj = stored(cronJob('tick', '*/1 * * * *').concurrencyPolicy(policy), {
      active: [ref(running)],
      lastScheduleTime: rfc3339(DEFAULT_EPOCH + MINUTE),
    });
    const got = summarize(run(cj, [running], DEFAULT_EPOCH + 2 * MINUTE + 100)).filter(
      (l) => !l.startsWith('requeue') && !l.startsWith('status') && !l.includes('SuccessfulCreate'),
    );
    expect(got).toEqual(lines);
  });

  it('a suspended CronJob starts nothing', () => {
    const cj = stored(cronJob('tick', '*/1 * * * *').suspend());
    expect(run(cj, [], DEFAULT_EPOCH + 10 * MINUTE)).toEqual([]);
  });

  it('a schedule further back than startingDeadlineSeconds is skipped; one within it still starts', () => {
    const cj = stored(cronJob('tick', '0 * * * *').startingDeadlineSeconds(10));
    const lines = summarize(run(cj, [], DEFAULT_EPOCH + 61 * MINUTE), DEFAULT_EPOCH + 61 * MINUTE);
    expect(lines).toEqual(['requeue +3540.1s']);
    const cj2 = stored(cronJob('tick', '*/1 * * * *').startingDeadlineSeconds(60));
    const late = DEFAULT_EPOCH + MINUTE + 30_000;
    expect(summarize(run(cj2, [], late))[0]).toBe('create Job tick-29460061');
  });

  it('keeps 3 successful and 1 failed Jobs by default, deleting the oldest', () => {
    const cj = stored(cronJob('tick', '*/1 * * * *'), { lastScheduleTime: rfc3339(DEFAULT_EPOCH + 6 * MINUTE) });
    const jobs = [1, 2, 3, 4].map((m) => childJob(cj, DEFAULT_EPOCH + m * MINUTE, 'Complete'));
    jobs.push(childJob(cj, DEFAULT_EPOCH + 5 * MINUTE, 'Failed'), childJob(cj, DEFAULT_EPOCH + 6 * MINUTE, 'Failed'));
    const deletes = summarize(run(cj, jobs, DEFAULT_EPOCH + 6 * MINUTE + 30_000)).filter((l) => l.startsWith('delete'));
    expect(deletes).toEqual([`delete Job ${jobs[0]?.metadata?.name}`, `delete Job ${jobs[4]?.metadata?.name}`]);
  });

  it('an unparseable schedule is reported as an event', () => {
    const cj = stored(cronJob('tick', '* * *'));
    expect(summarize(run(cj, [], DEFAULT_EPOCH))).toEqual([
      'event UnparseableSchedule: unparseable schedule: "* * *" : expected exactly 5 fields, found 3: [* * *]',
    ]);
  });

  it('creates the Job the timer was set for when the controller applies its actions', () => {
    const cj = stored(cronJob('tick', '*/1 * * * *'));
    const writes: string[] = [];
    applyActions(
      {
        request: (r) => {
          writes.push(`${r.verb} ${r.path}`);
          return {
            status: 201,
            body: { ...(r.body as object), metadata: { ...(r.body as KubeObject).metadata, uid: 'u' } },
          };
        },
        events: { record: () => undefined } as never,
        component: 'cronjob-controller',
        requeue: () => undefined,
      },
      run(cj, [], DEFAULT_EPOCH + MINUTE + 100),
    );
    expect(writes).toEqual([
      'POST /apis/batch/v1/namespaces/default/jobs',
      'PUT /apis/batch/v1/namespaces/default/cronjobs/tick/status',
    ]);
  });
});
