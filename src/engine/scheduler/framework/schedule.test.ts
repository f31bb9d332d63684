import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random.ts';
import { schedulePod } from '../registry.ts';
import { node, pod, standardNode } from '../testing/builders.ts';
import { clusterOf } from '../testing/harness.ts';
import { numFeasibleNodesToFind, type SchedulingState } from './schedule.ts';

/** defaultCluster is the lab's default shape (ARCHITECTURE.md): a tainted control plane and two workers. */
function defaultCluster(): Node[] {
  return [
    node('control-plane')
      .capacity({ cpu: '2', memory: '4Gi', pods: 110 })
      .label('node-role.kubernetes.io/control-plane', '')
      .taint('node-role.kubernetes.io/control-plane', undefined, 'NoSchedule')
      .obj(),
    standardNode('worker-1').obj(),
    standardNode('worker-2').obj(),
  ];
}

function options(seed = 1, state: SchedulingState = { nextStartNodeIndex: 0 }) {
  const rng = new SeededRandom(seed);
  return { random: () => rng.next(), state };
}

describe('schedulePod', () => {
  it('places a pod on the emptier worker and records every decision', () => {
    const cache = clusterOf(defaultCluster(), [
      pod('busy').node('worker-1').requests({ cpu: '2', memory: '2Gi' }).obj(),
    ]);
    const result = schedulePod(pod('web-1').requests({ cpu: '500m', memory: '128Mi' }).obj(), cache, options());
    expect(result.nodeName).toBe('worker-2');
    expect(result.pod).toBe('default/web-1');
    expect(result.feasibleNodes).toBe(2);
    expect(result.evaluatedNodes).toBe(3);
    expect(result.message).toBeUndefined();
    const byNode = Object.fromEntries(result.perNode.map((d) => [d.node, d]));
    expect(byNode['control-plane']?.filter).toEqual({
      plugin: 'TaintToleration',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint(s)'],
    });
    expect(byNode['worker-2']?.scores?.['NodeResourcesFit']).toBeGreaterThan(
      byNode['worker-1']?.scores?.['NodeResourcesFit'] ?? 100,
    );
    expect(byNode['worker-2']?.total).toBeGreaterThan(byNode['worker-1']?.total ?? Infinity);
  });

  it('writes the 1.35 FailedScheduling message with the preemption part', () => {
    const cache = clusterOf(defaultCluster(), [
      pod('a').node('worker-1').requests({ cpu: '3' }).obj(),
      pod('b').node('worker-2').requests({ cpu: '3' }).obj(),
    ]);
    const result = schedulePod(pod('big').requests({ cpu: '2' }).obj(), cache, options());
    expect(result.nodeName).toBeUndefined();
    expect(result.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, ' +
        '2 No preemption victims found for incoming pod.',
    );
    expect(result.nominatedNodeName).toBeUndefined();
  });

  it('treats a request larger than any node as unresolvable, so preemption is not helpful anywhere', () => {
    const result = schedulePod(pod('huge').requests({ cpu: '5' }).obj(), clusterOf(defaultCluster()), options());
    expect(result.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('explains nodes skipped by a PreFilter node-name restriction', () => {
    const cache = clusterOf(defaultCluster(), [pod('a').node('worker-1').requests({ cpu: '4' }).obj()]);
    const p = pod('pinned')
      .requests({ cpu: '1' })
      .requiredNodeAffinity([], [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }])
      .obj();
    const result = schedulePod(p, cache, options());
    expect(result.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, ' +
        '2 Preemption is not helpful for scheduling.',
    );
    expect(result.evaluatedNodes).toBe(1);
    expect(result.perNode).toHaveLength(3);
  });

  it('reports a PreFilter rejection once, not per node', () => {
    const p = pod('conflict')
      .requiredNodeAffinity(
        [],
        [
          { key: 'metadata.name', operator: 'In', values: ['worker-1'] },
          { key: 'metadata.name', operator: 'In', values: ['worker-2'] },
        ],
      )
      .obj();
    expect(schedulePod(p, clusterOf(defaultCluster()), options()).message).toBe(
      '0/3 nodes are available: pod affinity terms conflict. ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('says so when there are no nodes', () => {
    expect(schedulePod(pod('p').obj(), clusterOf([]), options()).message).toBe('no nodes available to schedule pods');
  });

  it('uses a single feasible node without scoring it', () => {
    const cache = clusterOf(defaultCluster(), [pod('a').node('worker-1').requests({ cpu: '4' }).obj()]);
    const result = schedulePod(pod('p').requests({ cpu: '1' }).obj(), cache, options());
    expect(result.nodeName).toBe('worker-2');
    expect(result.perNode.find((d) => d.node === 'worker-2')).toEqual({ node: 'worker-2' });
  });

  it('breaks ties with the seeded random: same seed, same node; different seeds, both nodes', () => {
    const cache = clusterOf([standardNode('n1').obj(), standardNode('n2').obj()]);
    const p = pod('p').requests({ cpu: '100m' }).obj();
    const picks = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const first = schedulePod(p, cache, options(seed)).nodeName;
      expect(schedulePod(p, cache, options(seed)).nodeName).toBe(first);
      picks.add(first ?? '');
    }
    expect(picks).toEqual(new Set(['n1', 'n2']));
  });

  it('tries the nominated node first and takes it when the pod fits', () => {
    const cache = clusterOf(defaultCluster(), [pod('a').node('worker-2').requests({ cpu: '3' }).obj()]);
    const result = schedulePod(pod('p').requests({ cpu: '1' }).nominatedNode('worker-2').obj(), cache, options());
    expect(result.nodeName).toBe('worker-2');
    expect(result.evaluatedNodes).toBe(1);
  });

  it('stops after enough feasible nodes and resumes the walk where it stopped', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => standardNode(`node-${i}`).obj());
    const state: SchedulingState = { nextStartNodeIndex: 0 };
    const cache = clusterOf(nodes);
    const first = schedulePod(pod('a').requests({ cpu: '100m' }).obj(), cache, options(1, state));
    expect(first.evaluatedNodes).toBe(100);
    expect(first.perNode[0]?.node).toBe('node-0');
    expect(state.nextStartNodeIndex).toBe(100);
    const second = schedulePod(pod('b').requests({ cpu: '100m' }).obj(), cache, options(1, state));
    expect(second.perNode[0]?.node).toBe('node-100');
    expect(state.nextStartNodeIndex).toBe(0);
  });

  it('keeps the ScheduleResult plain JSON', () => {
    const result = schedulePod(pod('p').requests({ cpu: '1' }).obj(), clusterOf(defaultCluster()), options());
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('numFeasibleNodesToFind', () => {
  it.each<[number, number, number]>([
    [0, 50, 50],
    [0, 99, 99],
    [0, 100, 100],
    [0, 1000, 420],
    [0, 5000, 500],
    [0, 6000, 300],
    [0, 20000, 1000],
    [10, 5000, 500],
    [1, 5000, 100],
    [100, 300, 300],
  ])('percentage %d of %d nodes → %d', (percentage, nodes, want) => {
    expect(numFeasibleNodesToFind(percentage, nodes)).toBe(want);
  });
});

describe('preemption', () => {
  it('nominates the node whose victims matter least and lists them', () => {
    const cache = clusterOf(defaultCluster(), [
      pod('low').node('worker-1').priority(-10).requests({ cpu: '3' }).obj(),
      pod('mid').node('worker-2').priority(0).requests({ cpu: '3' }).obj(),
    ]);
    const result = schedulePod(pod('vip').priority(1000).requests({ cpu: '2' }).obj(), cache, options());
    expect(result.nodeName).toBeUndefined();
    expect(result.nominatedNodeName).toBe('worker-1');
    expect(result.victims).toEqual(['default/low']);
    expect(result.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.');
  });

  it('reprieves the most important pods first and evicts only what is needed', () => {
    const cache = clusterOf(
      [standardNode('n').obj()],
      [1, 2, 3].map((prio) => pod(`p${prio}`).node('n').priority(prio).requests({ cpu: '1' }).obj()),
    );
    const result = schedulePod(pod('vip').priority(100).requests({ cpu: '2' }).obj(), cache, options());
    expect(result.nominatedNodeName).toBe('n');
    expect(result.victims).toEqual(['default/p1']);
  });

  it('does not preempt for pods with preemptionPolicy Never', () => {
    const cache = clusterOf(
      [standardNode('n').obj()],
      [pod('low').node('n').priority(-1).requests({ cpu: '4' }).obj()],
    );
    const result = schedulePod(
      pod('p').priority(10).preemptionPolicy('Never').requests({ cpu: '1' }).obj(),
      cache,
      options(),
    );
    expect(result.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(result.victims).toBeUndefined();
  });

  it('reports the filter that still fails when evicting every lower-priority pod would not be enough', () => {
    const cache = clusterOf(
      [standardNode('n').obj()],
      [
        pod('low').node('n').priority(-1).requests({ cpu: '1' }).obj(),
        pod('same').node('n').priority(10).requests({ cpu: '3' }).obj(),
      ],
    );
    const result = schedulePod(pod('p').priority(10).requests({ cpu: '2' }).obj(), cache, options());
    expect(result.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.',
    );
  });

  it('waits while an earlier victim on the nominated node is still terminating', () => {
    const cache = clusterOf(
      [standardNode('n').obj()],
      [pod('going').node('n').priority(-1).requests({ cpu: '4' }).terminating().obj()],
    );
    const result = schedulePod(pod('p').priority(10).requests({ cpu: '1' }).nominatedNode('n').obj(), cache, options());
    expect(result.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.',
    );
  });
});
