import type { Job, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { defaultJob, generateJobSelector } from '../../api/defaults/workloads.ts';
import type { KubeObject } from '../../api/types.ts';
import { DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import { job, pod, type JobBuilder } from '../testing/builders.ts';
import { statusOf, summarize } from '../testing/summary.ts';
import { backoffRemaining, formatIndexes, newJobPod, parseIndexes } from './pods.ts';
import { reconcileJob } from './sync.ts';
import { reconcileTTL } from './ttl.ts';

const NOW = DEFAULT_EPOCH + 60_000;

/** stored runs a built Job through the API server's defaulting and selector generation. */
function stored(b: JobBuilder, status?: JobStatus): Job {
  const object = b.obj() as unknown as KubeObject;
  object.metadata = { ...object.metadata, uid: 'uid-job', generation: 1, creationTimestamp: rfc3339(DEFAULT_EPOCH) };
  defaultJob(object);
  generateJobSelector(object);
  const j = object as unknown as Job;
  if (status) j.status = status;
  return j;
}

function jobPod(
  name: string,
  phase: 'Running' | 'Succeeded' | 'Failed',
  finishedAt = DEFAULT_EPOCH,
  restarts = 0,
): Pod {
  const p = pod(name).labels({ 'batch.kubernetes.io/job-name': 'calc' }).ownedBy('Job', 'calc', 'uid-job', 'batch/v1');
  if (phase === 'Running') return p.running(DEFAULT_EPOCH).restarts(restarts).obj();
  const built = p.obj();
  (built as { status?: Pod['status'] }).status = {
    phase,
    containerStatuses: [
      {
        name: 'calc',
        image: 'busybox',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode: phase === 'Succeeded' ? 0 : 1, finishedAt: rfc3339(finishedAt) } },
      },
    ],
  };
  return built;
}

const run = (j: Job, pods: Pod[], counted: string[] = [], now = NOW) =>
  reconcileJob({ job: j, pods, counted: new Set(counted) }, now).actions;

describe('the API server side of a Job', () => {
  it('defaults completions, parallelism, backoffLimit and the rest as batch/v1 does', () => {
    expect(stored(job('calc')).spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    });
    expect(stored(job('calc').parallelism(3)).spec?.completions).toBeUndefined();
  });

  it('generates the selector and the job-name and controller-uid labels', () => {
    const j = stored(job('calc'));
    expect(j.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-job' } });
    expect(j.spec?.template.metadata?.labels).toEqual({
      'batch.kubernetes.io/controller-uid': 'uid-job',
      'batch.kubernetes.io/job-name': 'calc',
      'controller-uid': 'uid-job',
      'job-name': 'calc',
    });
    expect(j.metadata?.labels).toEqual(j.spec?.template.metadata?.labels);
  });
});

describe('reconcileJob', () => {
  it('starts parallelism pods, no more than the completions left', () => {
    const lines = summarize(run(stored(job('calc').completions(3).parallelism(2)), []));
    expect(lines.filter((l) => l.startsWith('create'))).toEqual(['create Pod calc-*', 'create Pod calc-*']);
    const status = statusOf<JobStatus>(run(stored(job('calc').completions(3).parallelism(2)), []), 'Job');
    expect(status).toEqual({
      startTime: rfc3339(NOW),
      active: 2,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    const last = run(stored(job('calc').completions(3).parallelism(2), { succeeded: 2 }), []);
    expect(summarize(last).filter((l) => l.startsWith('create'))).toEqual(['create Pod calc-*']);
  });

  it('counts a pod that succeeded once, and completes at the number of completions', () => {
    const j = stored(job('calc').completions(2), { startTime: rfc3339(DEFAULT_EPOCH), succeeded: 1 });
    const pods = [jobPod('calc-a', 'Succeeded'), jobPod('calc-b', 'Succeeded')];
    const actions = run(j, pods, ['uid-calc-a']);
    const status = statusOf<JobStatus>(actions, 'Job');
    expect(status?.succeeded).toBe(2);
    expect(status?.completionTime).toBe(rfc3339(NOW));
    expect(status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(summarize(actions)).toContain('event Completed: Job completed');
  });

  it('waits out the pod failure back-off (10s, doubling) before replacing a failed pod', () => {
    const j = stored(job('calc'), { startTime: rfc3339(DEFAULT_EPOCH) });
    const failedAt = NOW - 4000;
    const lines = summarize(run(j, [jobPod('calc-a', 'Failed', failedAt)]), NOW);
    expect(lines).toContain('requeue +6s');
    expect(lines.filter((l) => l.startsWith('create'))).toEqual([]);
    expect(backoffRemaining([jobPod('a', 'Failed', NOW - 1000), jobPod('b', 'Failed', NOW - 2000)], NOW)).toBe(19_000);
    expect(backoffRemaining([jobPod('a', 'Failed', NOW - 20_000)], NOW)).toBe(0);
  });

  it('fails with BackoffLimitExceeded once more pods failed than backoffLimit', () => {
    const j = stored(job('calc').backoffLimit(2), { startTime: rfc3339(DEFAULT_EPOCH), failed: 2 });
    const actions = run(
      j,
      [jobPod('calc-a', 'Failed'), jobPod('calc-b', 'Failed'), jobPod('calc-c', 'Failed')],
      ['uid-calc-a', 'uid-calc-b'],
    );
    const status = statusOf<JobStatus>(actions, 'Job');
    expect(status?.failed).toBe(3);
    expect(status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(summarize(actions)).toContain('event BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it('with restartPolicy OnFailure, container restarts count against backoffLimit', () => {
    const j = stored(job('calc').restartPolicy('OnFailure').backoffLimit(3), {
      startTime: rfc3339(DEFAULT_EPOCH),
      active: 1,
    });
    const actions = run(j, [jobPod('calc-a', 'Running', DEFAULT_EPOCH, 3)]);
    expect(summarize(actions)).toContain('delete Pod calc-a');
    const status = statusOf<JobStatus>(actions, 'Job');
    expect(status?.conditions?.map((c) => c.type)).toEqual(['FailureTarget']);
    expect(status?.terminating).toBe(1);
  });

  it('past activeDeadlineSeconds it deletes its pods and fails with DeadlineExceeded', () => {
    const j = stored(job('calc').activeDeadlineSeconds(30), { startTime: rfc3339(NOW - 31_000), active: 1 });
    const actions = run(j, [jobPod('calc-a', 'Running')]);
    expect(summarize(actions).slice(0, 2)).toEqual([
      'delete Pod calc-a',
      'event SuccessfulDelete: Deleted pod: calc-a',
    ]);
    expect(statusOf<JobStatus>(actions, 'Job')?.conditions?.[0]).toMatchObject({
      type: 'FailureTarget',
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    const early = run(stored(job('calc').activeDeadlineSeconds(30), { startTime: rfc3339(NOW - 10_000), active: 1 }), [
      jobPod('calc-a', 'Running'),
    ]);
    expect(summarize(early, NOW)).toContain('requeue +20s');
  });

  it('a suspended Job deletes its pods and says so', () => {
    const j = stored(job('calc').suspend(), { startTime: rfc3339(DEFAULT_EPOCH), active: 1 });
    const actions = run(j, [jobPod('calc-a', 'Running')]);
    expect(summarize(actions)).toContain('event Suspended: Job suspended');
    const status = statusOf<JobStatus>(actions, 'Job');
    expect(status?.startTime).toBeUndefined();
    expect(status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended' });
  });

  it('a finished Job is left alone', () => {
    const j = stored(job('calc'), { conditions: [{ type: 'Complete', status: 'True' }] });
    expect(reconcileJob({ job: j, pods: [], counted: new Set() }, NOW)).toEqual({ actions: [], counted: [] });
  });
});

describe('Indexed Jobs', () => {
  it('give each pod its completion index as annotation, label, hostname and environment', () => {
    const j = stored(job('calc').completions(3).parallelism(3).indexed());
    const p = newJobPod(j, 2);
    expect(p.metadata?.generateName).toBe('calc-2-');
    expect(p.metadata?.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect(p.metadata?.labels?.['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect(p.spec?.hostname).toBe('calc-2');
    expect(p.spec?.containers[0]?.env?.[0]?.name).toBe('JOB_COMPLETION_INDEX');
  });

  it('completedIndexes reads and prints as ranges', () => {
    expect(formatIndexes([0, 1, 2, 5, 7, 8])).toBe('0-2,5,7-8');
    expect([...parseIndexes('0-2,5')]).toEqual([0, 1, 2, 5]);
  });
});

describe('ttlSecondsAfterFinished', () => {
  const finished = (at: number) => ({
    conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: rfc3339(at) }],
  });
  it('deletes the Job (foreground) once the time is up, and waits until then', () => {
    const j = stored(job('calc').ttlSecondsAfterFinished(100), finished(NOW - 50_000));
    expect(summarize(reconcileTTL(j, NOW), NOW)).toEqual(['requeue +50s']);
    const late = stored(job('calc').ttlSecondsAfterFinished(100), finished(NOW - 100_000));
    expect(reconcileTTL(late, NOW)).toEqual([
      {
        type: 'delete',
        resource: expect.anything(),
        namespace: 'default',
        name: 'calc',
        propagationPolicy: 'Foreground',
      },
    ]);
  });
});
