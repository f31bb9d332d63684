import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../clock/clock.ts';
import { pod, replicaSet } from '../testing/builders.ts';
import { statusOf, summarize } from '../testing/summary.ts';
import { podsToDelete, syncReplicaSet } from './sync.ts';

const NOW = DEFAULT_EPOCH + 120_000;
const owned = (name: string) => pod(name).labels({ app: 'web' }).ownedBy('ReplicaSet', 'web-abc', 'uid-web-abc');

describe('syncReplicaSet', () => {
  it('creates the missing pods with generateName "<rs>-" and the set as controller', () => {
    const rs = replicaSet('web-abc').replicas(3).obj();
    const actions = syncReplicaSet({ rs, pods: [owned('web-abc-1').running(DEFAULT_EPOCH).obj()] }, NOW);
    expect(summarize(actions)).toEqual([
      'create Pod web-abc-*',
      'event SuccessfulCreate: Created pod: {name}',
      'create Pod web-abc-*',
      'event SuccessfulCreate: Created pod: {name}',
      'status ReplicaSet web-abc',
    ]);
    const created = actions[0]?.type === 'create' ? (actions[0].object as unknown as Pod) : undefined;
    expect(created?.metadata?.labels).toEqual({ app: 'web' });
    expect(created?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-abc',
        uid: 'uid-web-abc',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
  });

  it('counts only active pods: a terminating or failed pod is replaced', () => {
    const rs = replicaSet('web-abc').replicas(2).obj();
    const pods = [
      owned('a').running(DEFAULT_EPOCH).obj(),
      owned('b').running(DEFAULT_EPOCH).deleting().obj(),
      owned('c').phase('Failed').obj(),
    ];
    expect(summarize(syncReplicaSet({ rs, pods }, NOW)).filter((l) => l.startsWith('create'))).toEqual([
      'create Pod web-abc-*',
    ]);
  });

  it('deletes the extra pods, cheapest first, with "Deleted pod: <name>"', () => {
    const rs = replicaSet('web-abc').replicas(1).obj();
    const pods = [
      owned('ready-old').node('worker-1').running(DEFAULT_EPOCH).obj(),
      owned('pending').obj(),
      owned('not-ready').node('worker-2').running().obj(),
    ];
    expect(summarize(syncReplicaSet({ rs, pods }, NOW)).filter((l) => !l.startsWith('status'))).toEqual([
      'delete Pod pending',
      'event SuccessfulDelete: Deleted pod: pending',
      'delete Pod not-ready',
      'event SuccessfulDelete: Deleted pod: not-ready',
    ]);
  });

  it('adopts an orphan pod its selector matches, and releases one that no longer matches', () => {
    const rs = replicaSet('web-abc').replicas(1).obj();
    const orphan = pod('orphan').labels({ app: 'web' }).running(DEFAULT_EPOCH).obj();
    const relabelled = pod('relabelled')
      .labels({ app: 'debug' })
      .ownedBy('ReplicaSet', 'web-abc', 'uid-web-abc')
      .running(DEFAULT_EPOCH)
      .obj();
    const lines = summarize(syncReplicaSet({ rs, pods: [orphan, relabelled] }, NOW));
    expect(lines).toEqual(['patch Pod orphan', 'patch Pod relabelled', 'status ReplicaSet web-abc']);
  });

  it('reports replicas, fullyLabeledReplicas, readyReplicas, availableReplicas and observedGeneration', () => {
    const rs = replicaSet('web-abc').replicas(3).obj();
    const pods = [
      owned('a').running(DEFAULT_EPOCH).obj(),
      owned('b').running(DEFAULT_EPOCH).obj(),
      owned('c').running().obj(),
    ];
    expect(statusOf<ReplicaSetStatus>(syncReplicaSet({ rs, pods }, NOW), 'ReplicaSet')).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    });
  });

  it('with minReadySeconds a ready pod becomes available only after that long, and the set wakes up then', () => {
    const rs = replicaSet('web-abc').replicas(1).minReadySeconds(30).obj();
    const readyAt = NOW - 10_000;
    const actions = syncReplicaSet({ rs, pods: [owned('a').running(readyAt).obj()] }, NOW);
    expect(statusOf<ReplicaSetStatus>(actions, 'ReplicaSet')).toMatchObject({ readyReplicas: 1 });
    expect(statusOf<ReplicaSetStatus>(actions, 'ReplicaSet')?.availableReplicas).toBeUndefined();
    expect(summarize(actions, NOW)).toContain('requeue +20.001s');
  });

  it('writes nothing when everything is as it should be', () => {
    const rs = replicaSet('web-abc')
      .replicas(1)
      .status({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 })
      .obj();
    expect(syncReplicaSet({ rs, pods: [owned('a').running(DEFAULT_EPOCH).obj()] }, NOW)).toEqual([]);
  });
});

describe('podsToDelete ranks pods as ActivePodsWithRanks does', () => {
  const p = (name: string) => pod(name).labels({ app: 'web' });
  it.each([
    {
      rule: 'unscheduled before scheduled',
      pods: [p('on-node').node('n1').obj(), p('unscheduled').obj()],
      first: 'unscheduled',
    },
    {
      rule: 'Pending before Running',
      pods: [p('running').node('n1').running(DEFAULT_EPOCH).obj(), p('pending').node('n1').obj()],
      first: 'pending',
    },
    {
      rule: 'not ready before ready',
      pods: [p('ready').node('n1').running(DEFAULT_EPOCH).obj(), p('unready').node('n1').running().obj()],
      first: 'unready',
    },
    {
      rule: 'ready for less time before longer',
      pods: [
        p('long').node('n1').running(DEFAULT_EPOCH).obj(),
        p('short')
          .node('n1')
          .running(DEFAULT_EPOCH + 60_000)
          .obj(),
      ],
      first: 'short',
    },
    {
      rule: 'more restarts before fewer',
      pods: [
        p('calm').node('n1').running(DEFAULT_EPOCH).obj(),
        p('crashy').node('n1').running(DEFAULT_EPOCH).restarts(4).obj(),
      ],
      first: 'crashy',
    },
    {
      rule: 'newer before older',
      pods: [
        p('old').node('n1').created(DEFAULT_EPOCH).obj(),
        p('new')
          .node('n1')
          .created(DEFAULT_EPOCH + 5000)
          .obj(),
      ],
      first: 'new',
    },
  ])('$rule', ({ pods, first }) => {
    expect(podsToDelete(pods, pods, 1).map((x) => x.metadata?.name)).toEqual([first]);
  });

  it('a pod doubled up on a node with its siblings goes before a lone one', () => {
    const lone = p('lone').node('n1').running(DEFAULT_EPOCH).obj();
    const crowded = p('crowded').node('n2').running(DEFAULT_EPOCH).obj();
    const sibling = p('sibling').node('n2').running(DEFAULT_EPOCH).obj();
    expect(podsToDelete([lone, crowded], [lone, crowded, sibling], 1).map((x) => x.metadata?.name)).toEqual([
      'crowded',
    ]);
  });
});
