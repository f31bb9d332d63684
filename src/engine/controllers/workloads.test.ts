import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ApiError, forbidden } from '../api/errors.ts';
import { Harness, type HarnessOptions } from './testing/harness.ts';
import { cronJob, daemonSet, deployment, job, statefulSet } from './testing/builders.ts';
import { workloadControllers } from './workloads.ts';

/**
 * The workload controllers end to end against the real API server, store, clock, events and garbage
 * collector, with a fake scheduler and kubelet (testing/harness.ts) so no container runtime is needed.
 */
const harness = (options?: HarnessOptions) => new Harness((deps) => workloadControllers(deps), options);
const APPS = '/apis/apps/v1/namespaces/default';
const BATCH = '/apis/batch/v1/namespaces/default';

function podNames(h: Harness, live = true): string[] {
  return h
    .list<Pod>('pods')
    .filter((p) => !live || !p.metadata?.deletionTimestamp)
    .map((p) => p.metadata?.name ?? '');
}

describe('Deployment → ReplicaSet → Pod', () => {
  it('rolls a new image out to completion and keeps the old ReplicaSet at zero', () => {
    const h = harness();
    h.create(`${APPS}/deployments`, deployment('web').replicas(3).obj());
    h.advance(5000);
    h.patch(`${APPS}/deployments/web`, {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } },
    });
    h.advance(30_000);
    const d = h.get<Deployment>('deployments.apps', 'web');
    expect(d?.status).toMatchObject({
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(d?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const sets = h.list<ReplicaSet>('replicasets.apps');
    expect(
      sets.map((rs) => [rs.metadata?.annotations?.['deployment.kubernetes.io/revision'], rs.spec?.replicas]).sort(),
    ).toEqual([
      ['1', 0],
      ['2', 3],
    ]);
    expect(podNames(h)).toHaveLength(3);
    expect(
      h
        .eventMessages('web')
        .filter((m) => m.includes('Scaled down'))
        .at(-1),
    ).toMatch(/from 1 to 0$/);
  });

  it('replaces a deleted pod of a ReplicaSet', () => {
    const h = harness();
    h.create(`${APPS}/deployments`, deployment('web').replicas(2).obj());
    h.advance(5000);
    const victim = podNames(h)[0] ?? '';
    h.request('DELETE', `/api/v1/namespaces/default/pods/${victim}`);
    expect(podNames(h)).not.toContain(victim);
    expect(podNames(h)).toHaveLength(2);
  });

  it('a refused pod leaves FailedCreate events and ReplicaFailure conditions, and is retried with back-off', () => {
    const h = harness();
    let refuse = true;
    h.server.admission.push({
      name: 'test-quota',
      admit(operation, type, object) {
        if (refuse && operation === 'CREATE' && type.kind === 'Pod')
          throw new ApiError(forbidden(`pods "${object.metadata.name}" is forbidden: exceeded quota: compute`));
      },
    });
    h.create(`${APPS}/deployments`, deployment('web').replicas(2).obj());
    const rs = h.list<ReplicaSet>('replicasets.apps')[0];
    const rsName = rs?.metadata?.name ?? '';
    expect(h.eventMessages(rsName)[0]).toMatch(
      /^FailedCreate: Error creating: pods "web-\w+-\w{5}" is forbidden: exceeded quota: compute$/,
    );
    expect(h.get<ReplicaSet>('replicasets.apps', rsName)?.status?.conditions?.[0]).toMatchObject({
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
    });
    expect(h.get<Deployment>('deployments.apps', 'web')?.status?.conditions?.map((c) => c.type)).toContain(
      'ReplicaFailure',
    );
    refuse = false;
    h.advance(60_000);
    expect(podNames(h)).toHaveLength(2);
    expect(h.get<ReplicaSet>('replicasets.apps', rsName)?.status?.conditions).toBeUndefined();
    expect(h.get<Deployment>('deployments.apps', 'web')?.status?.conditions?.map((c) => c.type)).not.toContain(
      'ReplicaFailure',
    );
  });

  it('deleting the Deployment removes its ReplicaSets and pods through the garbage collector', () => {
    const h = harness();
    h.create(`${APPS}/deployments`, deployment('web').replicas(2).obj());
    h.advance(5000);
    h.request('DELETE', `${APPS}/deployments/web`);
    h.advance(5000);
    expect(h.list('replicasets.apps')).toEqual([]);
    expect(h.list('pods')).toEqual([]);
  });
});

describe('StatefulSet', () => {
  it('creates 0 → N-1 one after another with their claims, and scales down N-1 → 0', () => {
    const h = harness();
    h.create(`${APPS}/statefulsets`, statefulSet('db').replicas(3).claim('data').obj());
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const name of podNames(h)) if (!order.includes(name)) order.push(name);
      h.advance(1000);
    }
    expect(order).toEqual(['db-0', 'db-1', 'db-2']);
    expect(h.list('persistentvolumeclaims').map((c) => c.metadata.name)).toEqual([
      'data-db-0',
      'data-db-1',
      'data-db-2',
    ]);
    expect(h.get<StatefulSet>('statefulsets.apps', 'db')?.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
    h.patch(`${APPS}/statefulsets/db`, { spec: { replicas: 0 } });
    const gone: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const name of ['db-0', 'db-1', 'db-2'])
        if (!podNames(h, false).includes(name) && !gone.includes(name)) gone.push(name);
      h.advance(500);
    }
    expect(gone).toEqual(['db-2', 'db-1', 'db-0']);
    expect(h.list('persistentvolumeclaims')).toHaveLength(3);
  });
});

describe('DaemonSet', () => {
  it('follows nodes as they come and go', () => {
    const h = harness();
    h.create(`${APPS}/daemonsets`, daemonSet('logs').obj());
    h.advance(3000);
    expect(
      h
        .list<Pod>('pods')
        .map((p) => p.spec?.nodeName)
        .sort(),
    ).toEqual(['worker-1', 'worker-2']);
    h.addNode('worker-3');
    h.advance(3000);
    expect(
      h
        .list<Pod>('pods')
        .map((p) => p.spec?.nodeName)
        .sort(),
    ).toEqual(['worker-1', 'worker-2', 'worker-3']);
    h.request('DELETE', '/api/v1/nodes/worker-3');
    h.advance(3000);
    expect(
      h
        .list<Pod>('pods')
        .map((p) => p.spec?.nodeName)
        .sort(),
    ).toEqual(['worker-1', 'worker-2']);
    expect(h.get<DaemonSet>('daemonsets.apps', 'logs')?.status).toMatchObject({
      desiredNumberScheduled: 2,
      numberReady: 2,
    });
  });
});

describe('Job and CronJob', () => {
  it('a Job with completions 3 and parallelism 2 runs two pods, then one, and completes', () => {
    const h = harness({ outcome: () => ({ startMs: 1000, exit: { afterMs: 3000, code: 0 } }) });
    h.create(`${BATCH}/jobs`, job('calc').completions(3).parallelism(2).obj());
    expect(podNames(h)).toHaveLength(2);
    h.advance(4500);
    expect(h.list<Pod>('pods').filter((p) => p.status?.phase !== 'Succeeded')).toHaveLength(1);
    h.advance(5000);
    const j = h.get<Job>('jobs.batch', 'calc');
    expect(j?.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0 });
    expect(j?.status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  it('ttlSecondsAfterFinished deletes a finished Job and its pods', () => {
    const h = harness({ outcome: () => ({ startMs: 1000, exit: { afterMs: 1000, code: 0 } }) });
    h.create(`${BATCH}/jobs`, job('once').ttlSecondsAfterFinished(30).obj());
    h.advance(10_000);
    expect(h.get('jobs.batch', 'once')).toBeDefined();
    h.advance(30_000);
    expect(h.get('jobs.batch', 'once')).toBeUndefined();
    expect(h.list('pods')).toEqual([]);
  });

  it('a CronJob every minute keeps three successful Jobs over five minutes', () => {
    const h = harness({ outcome: () => ({ startMs: 1000, exit: { afterMs: 2000, code: 0 } }) });
    h.create(`${BATCH}/cronjobs`, cronJob('tick', '*/1 * * * *').obj());
    h.advance(5 * 60_000 + 30_000);
    const names = h.list<Job>('jobs.batch').map((j) => j.metadata?.name);
    const minute = (m: number) => `tick-${Math.floor(Date.parse('2026-01-05T09:00:00Z') / 60_000) + m}`;
    expect(names).toEqual([minute(3), minute(4), minute(5)]);
    expect(h.get<CronJob>('cronjobs.batch', 'tick')?.status?.lastScheduleTime).toBe('2026-01-05T09:05:00Z');
  });
});

describe('restore', () => {
  it('a rebuilt controller re-reads everything and writes nothing new', () => {
    const h = harness({
      outcome: (p) =>
        p.metadata?.generateName?.startsWith('calc')
          ? { startMs: 1000, exit: { afterMs: 1000, code: 0 } }
          : { startMs: 1000 },
    });
    h.create(`${APPS}/deployments`, deployment('web').replicas(2).obj());
    h.create(`${APPS}/statefulsets`, statefulSet('db').replicas(2).obj());
    h.create(`${APPS}/daemonsets`, daemonSet('logs').obj());
    h.create(`${BATCH}/jobs`, job('calc').completions(2).obj());
    h.create(`${BATCH}/cronjobs`, cronJob('tick', '@hourly').obj());
    h.advance(60_000);
    const before = h.store.resourceVersion;
    for (const c of h.controllers) c.rebuild?.();
    h.settle();
    expect(h.store.resourceVersion).toBe(before);
  });
});
