import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runFilter, runScore } from '../../testing/harness.ts';
import { createTaintToleration, ERR_REASON_UNTOLERATED, fits } from './tainttoleration.ts';

function podWith(tolerations: Toleration[]) {
  return tolerations.reduce((b, t) => b.toleration(t), pod('pod1')).obj();
}

function nodeWith(name: string, taints: Taint[]) {
  return taints.reduce((b, t) => b.taint(t.key, t.value, t.effect), node(name)).obj();
}

// Ported from pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (TestTaintTolerationFilter).
describe('TaintToleration filter', () => {
  const cases: { name: string; tolerations: Toleration[]; taints: Taint[]; fits: boolean }[] = [
    {
      name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
      tolerations: [],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      fits: false,
    },
    {
      name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
      tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      fits: false,
    },
    {
      name: 'A toleration with operator Exists tolerates the taint whatever its value',
      tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: 'Multiple tolerations tolerate all of multiple taints',
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
        { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
      ],
      taints: [
        { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
        { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      ],
      fits: true,
    },
    {
      name: "Key and value match but a (non-empty) effect doesn't: the pod can't be scheduled",
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      fits: false,
    },
    {
      name: 'An empty toleration effect matches the NoSchedule taint',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: 'A PreferNoSchedule taint never blocks, even without a matching toleration',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
      fits: true,
    },
    {
      name: 'A NoExecute taint blocks like NoSchedule',
      tolerations: [],
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
      fits: false,
    },
    {
      name: 'An empty key with Exists tolerates every taint',
      tolerations: [{ operator: 'Exists' }],
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        { key: 'x', value: 'y', effect: 'NoExecute' },
      ],
      fits: true,
    },
    {
      name: 'The control-plane taint keeps ordinary pods off',
      tolerations: [],
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      fits: false,
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(fits(c.taints, c.tolerations)).toBe(c.fits);
    const result = runFilter(createTaintToleration(), podWith(c.tolerations), clusterOf([nodeWith('nodeA', c.taints)]));
    if (c.fits) expect(result['nodeA']).toBeUndefined();
    else expect(result['nodeA']).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNTOLERATED] });
  });
});

// Ported from TestTaintTolerationScore.
describe('TaintToleration score', () => {
  const cpuArm: Taint = { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' };
  const diskSsd: Taint = { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' };
  const cases: { name: string; tolerations: Toleration[]; nodes: [string, Taint[]][]; want: Record<string, number> }[] =
    [
      {
        name: 'node with taints tolerated by the pod gets a higher score than nodes with intolerable taints',
        tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
        nodes: [
          ['nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]],
          ['nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]],
        ],
        want: { nodeA: 100, nodeB: 0 },
      },
      {
        name: 'nodes whose taints are all tolerated score the same, however many taints they have',
        tolerations: [
          { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
          { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
        ],
        nodes: [
          ['nodeA', []],
          ['nodeB', [cpuArm]],
          ['nodeC', [cpuArm, diskSsd]],
        ],
        want: { nodeA: 100, nodeB: 100, nodeC: 100 },
      },
      {
        name: 'the more intolerable taints a node has, the lower score it gets',
        tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
        nodes: [
          ['nodeA', []],
          ['nodeB', [cpuArm]],
          ['nodeC', [cpuArm, diskSsd]],
        ],
        want: { nodeA: 100, nodeB: 50, nodeC: 0 },
      },
      {
        name: 'only taints and tolerations with effect PreferNoSchedule are checked',
        tolerations: [
          { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
          { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
        ],
        nodes: [
          ['nodeA', []],
          ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]],
          ['nodeC', [cpuArm, diskSsd]],
        ],
        want: { nodeA: 100, nodeB: 100, nodeC: 0 },
      },
      {
        name: 'Default behaviour No taints and tolerations, lands on node with no taints',
        tolerations: [],
        nodes: [
          ['nodeA', []],
          ['nodeB', [cpuArm]],
        ],
        want: { nodeA: 100, nodeB: 0 },
      },
    ];

  it.each(cases)('$name', (c) => {
    const cache = clusterOf(c.nodes.map(([name, taints]) => nodeWith(name, taints)));
    expect(runScore(createTaintToleration(), podWith(c.tolerations), cache)).toEqual(c.want);
  });
});
