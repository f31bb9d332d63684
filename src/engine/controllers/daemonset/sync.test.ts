import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { defaultDaemonSet } from '../../api/defaults/workloads.ts';
import type { KubeObject } from '../../api/types.ts';
import { DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import { computeHash } from '../reconcile/hash.ts';
import { daemonSet, pod, type DaemonSetBuilder } from '../testing/builders.ts';
import { statusOf, summarize } from '../testing/summary.ts';
import { daemonTolerations, nodeShouldRunDaemonPod, pinToNode, targetNodeOf } from './nodes.ts';
import { reconcileDaemonSet } from './sync.ts';

const NOW = DEFAULT_EPOCH + 60_000;
const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function node(
  name: string,
  options: { taints?: Taint[]; labels?: Record<string, string>; unschedulable?: boolean } = {},
): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(options.labels ?? {}) } },
    spec: {
      ...(options.taints ? { taints: options.taints } : {}),
      ...(options.unschedulable ? { unschedulable: true } : {}),
    },
  };
}

const CLUSTER = [node('control-plane', { taints: [CONTROL_PLANE_TAINT] }), node('worker-1'), node('worker-2')];

function stored(b: DaemonSetBuilder, generation = 1): DaemonSet {
  const ds = b.obj();
  ds.metadata = { ...ds.metadata, uid: 'uid-ds', generation, creationTimestamp: rfc3339(DEFAULT_EPOCH) };
  defaultDaemonSet(ds as unknown as KubeObject);
  return ds;
}

function revision(ds: DaemonSet): ControllerRevision {
  const hash = computeHash(ds.spec?.template);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: `logs-${hash}`, namespace: 'default', labels: { app: 'logs', 'controller-revision-hash': hash } },
    data: { spec: { template: { $patch: 'replace', ...structuredClone(ds.spec?.template) } } },
    revision: 1,
  };
}

function daemon(name: string, nodeName: string, hash: string, ready = true): Pod {
  const b = pod(name)
    .labels({ app: 'logs', 'controller-revision-hash': hash, 'pod-template-generation': '1' })
    .ownedBy('DaemonSet', 'logs', 'uid-ds')
    .node(nodeName);
  return (ready ? b.running(DEFAULT_EPOCH) : b.running()).obj();
}

describe('nodeShouldRunDaemonPod', () => {
  it.each([
    { rule: 'an untainted node runs the daemon', ds: daemonSet('logs'), node: node('worker-1'), want: [true, true] },
    {
      rule: 'a NoSchedule taint it does not tolerate keeps new daemons off',
      ds: daemonSet('logs'),
      node: CLUSTER[0],
      want: [false, true],
    },
    {
      rule: 'tolerating the taint lets it on',
      ds: daemonSet('logs').tolerateControlPlane(),
      node: CLUSTER[0],
      want: [true, true],
    },
    {
      rule: 'a NoExecute taint it does not tolerate evicts it',
      ds: daemonSet('logs'),
      node: node('w', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }),
      want: [false, false],
    },
    {
      rule: 'a cordoned node still runs daemons (they tolerate unschedulable)',
      ds: daemonSet('logs'),
      node: node('w', { unschedulable: true }),
      want: [true, true],
    },
    {
      rule: 'the node.kubernetes.io/not-ready NoExecute taint is tolerated',
      ds: daemonSet('logs'),
      node: node('w', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }),
      want: [true, true],
    },
    {
      rule: 'a nodeSelector that does not match keeps it off',
      ds: daemonSet('logs').nodeSelector({ disk: 'ssd' }),
      node: node('w'),
      want: [false, false],
    },
    {
      rule: 'a nodeSelector that matches lets it on',
      ds: daemonSet('logs').nodeSelector({ disk: 'ssd' }),
      node: node('w', { labels: { disk: 'ssd' } }),
      want: [true, true],
    },
  ])('$rule', ({ ds, node: n, want }) => {
    expect(nodeShouldRunDaemonPod(n as Node, ds.obj())).toEqual(want);
  });

  it("adds the default daemon tolerations after the template's own", () => {
    expect(
      daemonTolerations({ containers: [], tolerations: [{ key: 'x', operator: 'Exists' }] }).map(
        (t) => `${t.key}:${t.effect ?? ''}`,
      ),
    ).toEqual([
      'x:',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  it('pins a pod to its node with required node affinity on metadata.name', () => {
    const affinity = pinToNode(undefined, 'worker-2');
    expect(affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] }],
        },
      },
    });
    expect(targetNodeOf({ spec: { containers: [], affinity } })).toBe('worker-2');
  });
});

describe('reconcileDaemonSet', () => {
  it('creates one pod per eligible node, pinned there, skipping the tainted control plane', () => {
    const ds = stored(daemonSet('logs'));
    const actions = reconcileDaemonSet({ ds, nodes: CLUSTER, pods: [], revisions: [] }, NOW);
    const pods = actions.filter((a) => a.type === 'create' && a.object.kind === 'Pod');
    expect(pods.map((a) => (a.type === 'create' ? targetNodeOf(a.object as unknown as Pod) : ''))).toEqual([
      'worker-1',
      'worker-2',
    ]);
    const first = pods[0]?.type === 'create' ? (pods[0].object as unknown as Pod) : undefined;
    expect(first?.metadata?.generateName).toBe('logs-');
    expect(first?.metadata?.labels).toEqual({
      app: 'logs',
      'pod-template-generation': '1',
      'controller-revision-hash': computeHash(ds.spec?.template),
    });
    expect(summarize(actions)[0]).toBe(`create ControllerRevision logs-${computeHash(ds.spec?.template)}`);
  });

  it('removes the daemon from a node it may no longer run on, and reports misscheduled', () => {
    const ds = stored(daemonSet('logs').nodeSelector({ disk: 'ssd' }));
    const hash = computeHash(ds.spec?.template);
    const nodes = [node('worker-1', { labels: { disk: 'ssd' } }), node('worker-2')];
    const pods = [daemon('logs-a', 'worker-1', hash), daemon('logs-b', 'worker-2', hash)];
    const actions = reconcileDaemonSet({ ds, nodes, pods, revisions: [revision(ds)] }, NOW);
    expect(summarize(actions).filter((l) => l.startsWith('delete') || l.startsWith('event'))).toEqual([
      'delete Pod logs-b',
      'event SuccessfulDelete: Deleted pod: logs-b',
    ]);
    expect(statusOf<DaemonSetStatus>(actions, 'DaemonSet')).toMatchObject({
      desiredNumberScheduled: 1,
      numberMisscheduled: 1,
    });
  });

  it('rolls a new template out one node at a time (maxUnavailable 1)', () => {
    const ds = stored(daemonSet('logs').image('fluentd:v2'), 2);
    const oldHash = 'oldhash';
    const pods = [daemon('logs-a', 'worker-1', oldHash), daemon('logs-b', 'worker-2', oldHash)];
    pods.forEach(
      (p) =>
        ((p.metadata as NonNullable<Pod['metadata']>).labels = {
          app: 'logs',
          'controller-revision-hash': oldHash,
          'pod-template-generation': '1',
        }),
    );
    const actions = reconcileDaemonSet({ ds, nodes: CLUSTER.slice(1), pods, revisions: [revision(ds)] }, NOW);
    expect(summarize(actions).filter((l) => l.startsWith('delete'))).toEqual(['delete Pod logs-a']);
  });

  it('a failed daemon pod is killed with a FailedDaemonPod warning', () => {
    const ds = stored(daemonSet('logs'));
    const hash = computeHash(ds.spec?.template);
    const failed = daemon('logs-a', 'worker-1', hash);
    (failed as { status?: Pod['status'] }).status = { phase: 'Failed' };
    const lines = summarize(
      reconcileDaemonSet({ ds, nodes: [node('worker-1')], pods: [failed], revisions: [revision(ds)] }, NOW),
    );
    expect(lines).toContain(
      'event FailedDaemonPod: Found failed daemon pod default/logs-a on node worker-1, will try to kill it',
    );
    expect(lines).toContain('delete Pod logs-a');
  });

  it('reports desired, current, ready, up-to-date and available counts', () => {
    const ds = stored(daemonSet('logs'));
    const hash = computeHash(ds.spec?.template);
    const pods = [daemon('logs-a', 'worker-1', hash), daemon('logs-b', 'worker-2', hash, false)];
    expect(
      statusOf<DaemonSetStatus>(
        reconcileDaemonSet({ ds, nodes: CLUSTER, pods, revisions: [revision(ds)] }, NOW),
        'DaemonSet',
      ),
    ).toEqual({
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 1,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 1,
      numberUnavailable: 1,
    });
  });
});
