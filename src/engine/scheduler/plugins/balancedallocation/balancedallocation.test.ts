import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runScore } from '../../testing/harness.ts';
import { balancedResourceScorer, createBalancedAllocation } from './balancedallocation.ts';

const twoContainers = (name: string) =>
  pod(name)
    .container({ requests: { cpu: '1000m', memory: '2000' } })
    .container({ requests: { cpu: '2000m', memory: '3000' } });

// Ported from pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go.
describe('NodeResourcesBalancedAllocation score', () => {
  const cases: {
    name: string;
    pod: Pod;
    existing: Pod[];
    nodes: [string, string, string][];
    want: Record<string, number> | 'skip';
  }[] = [
    {
      name: 'nothing scheduled, nothing requested: BestEffort pods skip the plugin',
      pod: pod('p').image('nginx').obj(),
      existing: [],
      nodes: [
        ['node1', '4', '10000'],
        ['node2', '4', '10000'],
      ],
      want: 'skip',
    },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: twoContainers('p').obj(),
      existing: [],
      nodes: [
        ['node1', '4', '10000'],
        ['node2', '6', '10000'],
      ],
      want: { node1: 87, node2: 100 },
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: twoContainers('p').obj(),
      existing: [
        pod('e1').node('node1').requests({ cpu: '3000m', memory: '0' }).obj(),
        pod('e2').node('node2').requests({ cpu: '3000m', memory: '5000' }).obj(),
      ],
      nodes: [
        ['node1', '10', '20000'],
        ['node2', '10', '50000'],
      ],
      want: { node1: 82, node2: 80 },
    },
    {
      name: 'fractions above 1 are capped, so an overcommitted node does not look balanced',
      pod: pod('p').requests({ cpu: '3', memory: '5000' }).obj(),
      existing: [],
      nodes: [['node1', '2', '10000']],
      want: { node1: 75 },
    },
  ];

  it.each(cases)('$name', (c) => {
    const cache = clusterOf(
      c.nodes.map(([name, cpu, memory]) => node(name).capacity({ cpu, memory, pods: 110 }).obj()),
      c.existing,
    );
    expect(runScore(createBalancedAllocation(), c.pod, cache)).toEqual(c.want);
  });

  it.each<[number[], number[], number]>([
    [[1, 1], [2, 2], 100],
    [[1, 0], [2, 2], 75],
    [[3, 1, 2], [4, 4, 4], 79],
    [[1, 5], [0, 10], 100],
  ])('balancedResourceScorer(%j, %j) = %d', (requested, allocatable, want) => {
    expect(balancedResourceScorer(requested, allocatable)).toBe(want);
  });
});
