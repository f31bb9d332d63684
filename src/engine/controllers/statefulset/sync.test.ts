import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { defaultStatefulSet } from '../../api/defaults/workloads.ts';
import type { KubeObject } from '../../api/types.ts';
import { DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import { newControllerRevision } from '../history/revisions.ts';
import { pod, statefulSet, type StatefulSetBuilder } from '../testing/builders.ts';
import { statusOf, summarize } from '../testing/summary.ts';
import { reconcileStatefulSet } from './sync.ts';

const NOW = DEFAULT_EPOCH + 60_000;

function stored(b: StatefulSetBuilder, status?: StatefulSetStatus): StatefulSet {
  const set = b.obj();
  set.metadata = { ...set.metadata, uid: 'uid-db', generation: 1, creationTimestamp: rfc3339(DEFAULT_EPOCH) };
  defaultStatefulSet(set as unknown as KubeObject);
  if (status) set.status = status;
  return set;
}

function revisionOf(set: StatefulSet, n = 1): ControllerRevision {
  const r = newControllerRevision(set as unknown as KubeObject, set.spec?.template, n, 0);
  r.metadata = { ...r.metadata, uid: `uid-rev-${n}`, creationTimestamp: rfc3339(DEFAULT_EPOCH) };
  return r;
}

/** member is pod <set>-<ordinal> at a revision, Running and Ready unless told otherwise. */
function member(set: StatefulSet, ordinal: number, revision: string, ready = true): Pod {
  const name = `${set.metadata?.name}-${ordinal}`;
  const b = pod(name)
    .labels({ app: 'db', 'controller-revision-hash': revision })
    .ownedBy('StatefulSet', set.metadata?.name ?? '', 'uid-db')
    .node('worker-1');
  return (ready ? b.running(DEFAULT_EPOCH) : b.running()).obj();
}

function run(set: StatefulSet, pods: Pod[], revisions: ControllerRevision[], claims: PersistentVolumeClaim[] = []) {
  const byName = new Map(claims.map((c) => [c.metadata?.name ?? '', c]));
  return reconcileStatefulSet({ set, pods, revisions, claims: byName }, NOW);
}

const creates = (lines: string[]) => lines.filter((l) => l.startsWith('create') || l.startsWith('delete'));

describe('OrderedReady', () => {
  it('records the first revision and creates pod 0 with its claim first', () => {
    const set = stored(statefulSet('db').replicas(3).claim('data'));
    const actions = run(set, [], []);
    const rev = revisionOf(set).metadata?.name;
    expect(summarize(actions)).toEqual([
      `create ControllerRevision ${rev}`,
      'create PersistentVolumeClaim data-db-0',
      'event SuccessfulCreate: create Claim data-db-0 Pod db-0 in StatefulSet db success',
      'create Pod db-0',
      'event SuccessfulCreate: create Pod db-0 in StatefulSet db successful',
      'status StatefulSet db',
    ]);
  });

  it('gives the pod its identity: labels, hostname, subdomain and the claim as a volume', () => {
    const set = stored(statefulSet('db').replicas(1).claim('data'));
    const created = run(set, [], [revisionOf(set)]).find((a) => a.type === 'create' && a.object.kind === 'Pod');
    const p = created?.type === 'create' ? (created.object as unknown as Pod) : undefined;
    expect(p?.metadata?.labels).toEqual({
      app: 'db',
      'statefulset.kubernetes.io/pod-name': 'db-0',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': revisionOf(set).metadata?.name,
    });
    expect(p?.spec?.hostname).toBe('db-0');
    expect(p?.spec?.subdomain).toBe('db');
    expect(p?.spec?.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }]);
    const claim = run(set, [], [revisionOf(set)]).find(
      (a) => a.type === 'create' && a.object.kind === 'PersistentVolumeClaim',
    );
    expect(claim?.type === 'create' ? claim.object.metadata.labels : undefined).toEqual({ app: 'db' });
  });

  it('waits for pod 0 to be Running and Ready before creating pod 1', () => {
    const set = stored(statefulSet('db').replicas(3));
    const rev = revisionOf(set);
    const name = rev.metadata?.name ?? '';
    expect(creates(summarize(run(set, [member(set, 0, name, false)], [rev])))).toEqual([]);
    expect(creates(summarize(run(set, [member(set, 0, name)], [rev])))).toEqual(['create Pod db-1']);
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const set = stored(statefulSet('db').replicas(1));
    const rev = revisionOf(set);
    const name = rev.metadata?.name ?? '';
    const pods = [0, 1, 2].map((i) => member(set, i, name));
    expect(creates(summarize(run(set, pods, [rev])))).toEqual(['delete Pod db-2']);
    const terminating = [
      ...pods.slice(0, 2),
      { ...pods[2], metadata: { ...pods[2]?.metadata, deletionTimestamp: rfc3339(NOW) } } as Pod,
    ];
    expect(creates(summarize(run(set, terminating, [rev])))).toEqual([]);
    expect(creates(summarize(run(set, pods.slice(0, 2), [rev])))).toEqual(['delete Pod db-1']);
  });

  it('does not recreate a claim that exists', () => {
    const set = stored(statefulSet('db').replicas(1).claim('data'));
    const existing = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data-db-0' },
    } as PersistentVolumeClaim;
    expect(creates(summarize(run(set, [], [revisionOf(set)], [existing])))).toEqual(['create Pod db-0']);
  });
});

describe('Parallel', () => {
  it('creates every missing pod at once and deletes every extra pod at once', () => {
    const set = stored(statefulSet('db').replicas(3).parallel());
    const rev = revisionOf(set);
    expect(creates(summarize(run(set, [], [rev])))).toEqual(['create Pod db-0', 'create Pod db-1', 'create Pod db-2']);
    const down = stored(statefulSet('db').replicas(1).parallel());
    const pods = [0, 1, 2].map((i) => member(down, i, rev.metadata?.name ?? ''));
    expect(creates(summarize(run(down, pods, [rev])))).toEqual(['delete Pod db-2', 'delete Pod db-1']);
  });
});

describe('RollingUpdate', () => {
  const before = stored(statefulSet('db').replicas(3).image('nginx:1.27'));
  const oldRev = revisionOf(before, 1);
  const oldName = oldRev.metadata?.name ?? '';

  it('records a new revision and replaces the highest ordinal first', () => {
    const set = stored(statefulSet('db').replicas(3).image('nginx:1.28'), {
      replicas: 3,
      availableReplicas: 3,
      currentRevision: oldName,
    });
    const pods = [0, 1, 2].map((i) => member(set, i, oldName));
    const lines = summarize(run(set, pods, [oldRev]));
    const newName = revisionOf(set, 2).metadata?.name;
    expect(creates(lines)).toEqual([`create ControllerRevision ${newName}`, 'delete Pod db-2']);
    expect(lines).toContain('event SuccessfulDelete: delete Pod db-2 in StatefulSet db successful');
  });

  it('recreates the deleted pod at the update revision, then moves to the next lower ordinal once it is ready', () => {
    const set = stored(statefulSet('db').replicas(3).image('nginx:1.28'), {
      replicas: 3,
      availableReplicas: 3,
      currentRevision: oldName,
    });
    const newRev = revisionOf(set, 2);
    const newName = newRev.metadata?.name ?? '';
    const created = run(set, [member(set, 0, oldName), member(set, 1, oldName)], [oldRev, newRev]).find(
      (a) => a.type === 'create',
    );
    expect(created?.type === 'create' ? created.object.metadata.labels?.['controller-revision-hash'] : undefined).toBe(
      newName,
    );
    const pods = [member(set, 0, oldName), member(set, 1, oldName), member(set, 2, newName)];
    expect(creates(summarize(run(set, pods, [oldRev, newRev])))).toEqual(['delete Pod db-1']);
  });

  it('leaves ordinals below the partition at the current revision', () => {
    const set = stored(statefulSet('db').replicas(3).image('nginx:1.28').partition(2), {
      replicas: 3,
      availableReplicas: 3,
      currentRevision: oldName,
    });
    const newRev = revisionOf(set, 2);
    const pods = [member(set, 0, oldName), member(set, 1, oldName), member(set, 2, newRev.metadata?.name ?? '')];
    const actions = run(set, pods, [oldRev, newRev]);
    expect(creates(summarize(actions))).toEqual([]);
    expect(statusOf<StatefulSetStatus>(actions, 'StatefulSet')).toMatchObject({
      currentRevision: oldName,
      updateRevision: newRev.metadata?.name,
      currentReplicas: 2,
      updatedReplicas: 1,
    });
  });

  it('OnDelete leaves running pods alone', () => {
    const set = stored(statefulSet('db').replicas(1).image('nginx:1.28').onDelete(), {
      replicas: 1,
      availableReplicas: 1,
      currentRevision: oldName,
    });
    const newRev = revisionOf(set, 2);
    expect(creates(summarize(run(set, [member(set, 0, oldName)], [oldRev, newRev])))).toEqual([]);
  });

  it('once every pod is updated and ready the update revision becomes current', () => {
    const set = stored(statefulSet('db').replicas(1).image('nginx:1.28'), {
      replicas: 1,
      availableReplicas: 1,
      currentRevision: oldName,
    });
    const newRev = revisionOf(set, 2);
    const status = statusOf<StatefulSetStatus>(
      run(set, [member(set, 0, newRev.metadata?.name ?? '')], [oldRev, newRev]),
      'StatefulSet',
    );
    expect(status).toEqual({
      replicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
      readyReplicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      currentRevision: newRev.metadata?.name,
      updateRevision: newRev.metadata?.name,
      collisionCount: 0,
    });
  });
});

describe('failed pods and retention', () => {
  it('a failed pod is deleted and recreated with a RecreatingFailedPod warning', () => {
    const set = stored(statefulSet('db').replicas(1));
    const rev = revisionOf(set);
    const failed = member(set, 0, rev.metadata?.name ?? '');
    (failed as { status?: Pod['status'] }).status = { phase: 'Failed' };
    expect(summarize(run(set, [failed], [rev])).slice(0, 4)).toEqual([
      'event RecreatingFailedPod: StatefulSet default/db is recreating failed Pod db-0',
      'delete Pod db-0',
      'event SuccessfulDelete: delete Pod db-0 in StatefulSet db successful',
      'create Pod db-0',
    ]);
  });

  it('whenDeleted: Delete makes the set own the claims it creates', () => {
    const set = stored(statefulSet('db').replicas(1).claim('data').retention('Delete', 'Retain'));
    const claim = run(set, [], [revisionOf(set)]).find(
      (a) => a.type === 'create' && a.object.kind === 'PersistentVolumeClaim',
    );
    expect(claim?.type === 'create' ? claim.object.metadata.ownerReferences : undefined).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'uid-db' },
    ]);
  });
});
