import type { NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { PodInfo } from '../../framework/pod-info.ts';
import { CycleState } from '../../framework/interface.ts';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runFilter, runScore } from '../../testing/harness.ts';
import { createNodeAffinity, ERR_REASON_CONFLICT, ERR_REASON_POD, fits } from './nodeaffinity.ts';

function withTerms(terms: NodeSelectorTerm[], nodeSelector?: Record<string, string>): Pod {
  const p = pod('p').obj();
  p.spec = {
    ...p.spec,
    containers: [],
    ...(nodeSelector && { nodeSelector }),
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
  };
  return p;
}

const expr = (key: string, operator: string, values?: string[]): NodeSelectorRequirement => ({
  key,
  operator,
  ...(values && { values }),
});
const nameIn = (...values: string[]): NodeSelectorRequirement => expr('metadata.name', 'In', values);

// Ported from pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go (TestNodeAffinity).
describe('NodeAffinity filter', () => {
  const cases: { name: string; pod: Pod; labels?: Record<string, string>; nodeName?: string; fits: boolean }[] = [
    { name: 'missing labels', pod: pod('p').nodeSelector({ foo: 'bar' }).obj(), fits: false },
    { name: 'same labels', pod: pod('p').nodeSelector({ foo: 'bar' }).obj(), labels: { foo: 'bar' }, fits: true },
    {
      name: 'node labels are superset',
      pod: pod('p').nodeSelector({ foo: 'bar' }).obj(),
      labels: { foo: 'bar', baz: 'blah' },
      fits: true,
    },
    {
      name: 'node labels are subset',
      pod: pod('p').nodeSelector({ foo: 'bar', baz: 'blah' }).obj(),
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: 'Pod with matchExpressions using In operator that matches the existing node',
      pod: withTerms([{ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }]),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with matchExpressions using Gt operator that matches the existing node',
      pod: withTerms([{ matchExpressions: [expr('kernel-version', 'Gt', ['0204'])] }]),
      labels: { 'kernel-version': '0206' },
      fits: true,
    },
    {
      name: 'Lt compares numerically',
      pod: withTerms([{ matchExpressions: [expr('cores', 'Lt', ['8'])] }]),
      labels: { cores: '16' },
      fits: false,
    },
    {
      name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
      pod: withTerms([{ matchExpressions: [expr('mem-type', 'NotIn', ['DDR', 'DDR2'])] }]),
      labels: { 'mem-type': 'DDR3' },
      fits: true,
    },
    {
      name: 'Pod with matchExpressions using Exists operator that matches the existing node',
      pod: withTerms([{ matchExpressions: [expr('GPU', 'Exists')] }]),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      fits: true,
    },
    {
      name: 'DoesNotExist matches a node without the label',
      pod: withTerms([{ matchExpressions: [expr('spot', 'DoesNotExist')] }]),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: "Pod with affinity that don't match node's labels won't schedule onto the node",
      pod: withTerms([{ matchExpressions: [expr('foo', 'In', ['value1', 'value2'])] }]),
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
      pod: withTerms([{ matchExpressions: [] }]),
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
      pod: withTerms([{ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])] }]),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      fits: true,
    },
    {
      name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
      pod: withTerms([{ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'In', ['AMD', 'INTER'])] }]),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      fits: false,
    },
    {
      name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
      pod: withTerms([
        { matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] },
        { matchExpressions: [expr('diffkey', 'In', ['wrong', 'value2'])] },
      ]),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with an Affinity and a PodSpec.NodeSelector both satisfied will schedule onto the node',
      pod: withTerms([{ matchExpressions: [expr('foo', 'Exists')] }], { foo: 'bar' }),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: "Pod with an Affinity matching but a PodSpec.NodeSelector that is not satisfied won't schedule onto the node",
      pod: withTerms([{ matchExpressions: [expr('foo', 'Exists')] }], { foo: 'bar' }),
      labels: { foo: 'barrrrrr' },
      fits: false,
    },
    {
      name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
      pod: withTerms([{ matchExpressions: [expr('foo', 'NotIn', ['invalid value: ___@#$%^'])] }]),
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: 'Pod with matchFields using In operator that matches the existing node',
      pod: withTerms([{ matchFields: [nameIn('node1')] }]),
      nodeName: 'node1',
      fits: true,
    },
    {
      name: 'Pod with matchFields using In operator that does not match the existing node',
      pod: withTerms([{ matchFields: [nameIn('node1')] }]),
      nodeName: 'node2',
      fits: false,
    },
    {
      name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
      pod: withTerms([{ matchFields: [nameIn('node1')] }, { matchExpressions: [expr('foo', 'In', ['bar'])] }]),
      nodeName: 'node2',
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
      pod: withTerms([{ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }]),
      nodeName: 'node2',
      labels: { foo: 'bar' },
      fits: false,
    },
  ];

  it.each(cases)('$name', (c) => {
    const n = node(c.nodeName ?? 'node')
      .labels(c.labels ?? {})
      .obj();
    expect(fits(c.pod, n)).toBe(c.fits);
    const status = runFilter(createNodeAffinity(), c.pod, clusterOf([n]))[c.nodeName ?? 'node'];
    expect(status).toEqual(c.fits ? undefined : { code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_POD] });
  });
});

describe('NodeAffinity preFilter', () => {
  function preFilter(p: Pod) {
    const pi = new PodInfo(p);
    return createNodeAffinity().preFilter?.(new CycleState(clusterOf([]), pi), pi);
  }

  it('skips pods without nodeSelector or required node affinity', () => {
    expect(preFilter(pod('p').obj())).toEqual({ code: 'Skip', reasons: [] });
  });

  it('restricts the walk to the names pinned with matchFields metadata.name In', () => {
    expect(preFilter(withTerms([{ matchFields: [nameIn('node1')] }]))).toEqual({ nodeNames: new Set(['node1']) });
    expect(
      preFilter(withTerms([{ matchFields: [nameIn('node1', 'node2')] }, { matchFields: [nameIn('node3')] }])),
    ).toEqual({
      nodeNames: new Set(['node1', 'node2', 'node3']),
    });
  });

  it('reports conflicting terms as unresolvable', () => {
    expect(preFilter(withTerms([{ matchFields: [nameIn('node1'), nameIn('node2')] }]))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [ERR_REASON_CONFLICT],
    });
  });

  it('does not restrict when one term has no metadata.name requirement', () => {
    expect(
      preFilter(
        withTerms([
          { matchFields: [nameIn('node1'), nameIn('node2')] },
          { matchExpressions: [expr('foo', 'In', ['bar'])] },
        ]),
      ),
    ).toBeUndefined();
  });
});

// Ported from TestNodeAffinityPriority.
describe('NodeAffinity score', () => {
  const label1 = { foo: 'bar' };
  const label2 = { key: 'value' };
  const label3 = { az: 'az1' };
  const label4 = { abc: 'az11', def: 'az22' };
  const label5 = { foo: 'bar', key: 'value', az: 'az1' };
  const affinity1: PreferredSchedulingTerm[] = [
    { weight: 2, preference: { matchExpressions: [expr('foo', 'In', ['bar'])] } },
  ];
  const affinity2: PreferredSchedulingTerm[] = [
    { weight: 2, preference: { matchExpressions: [expr('foo', 'In', ['bar'])] } },
    { weight: 4, preference: { matchExpressions: [expr('key', 'In', ['value'])] } },
    {
      weight: 5,
      preference: {
        matchExpressions: [expr('foo', 'In', ['bar']), expr('key', 'In', ['value']), expr('az', 'In', ['az1'])],
      },
    },
  ];

  function preferring(terms: PreferredSchedulingTerm[] | undefined): Pod {
    const p = pod('p').obj();
    if (terms)
      p.spec = {
        ...p.spec,
        containers: [],
        affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } },
      };
    return p;
  }

  const cases: {
    name: string;
    terms: PreferredSchedulingTerm[] | undefined;
    nodes: [string, Record<string, string>][];
    want: Record<string, number> | 'skip';
  }[] = [
    {
      name: 'all nodes are same priority as NodeAffinity is nil',
      terms: undefined,
      nodes: [
        ['node1', label1],
        ['node2', label2],
        ['node3', label3],
      ],
      want: 'skip',
    },
    {
      name: 'no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes score 0',
      terms: affinity1,
      nodes: [
        ['node1', label4],
        ['node2', label2],
        ['node3', label3],
      ],
      want: { node1: 0, node2: 0, node3: 0 },
    },
    {
      name: 'only node1 matches the preferred scheduling requirements of pod',
      terms: affinity1,
      nodes: [
        ['node1', label1],
        ['node2', label2],
        ['node3', label3],
      ],
      want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
      terms: affinity2,
      nodes: [
        ['node1', label1],
        ['node5', label5],
        ['node2', label2],
      ],
      want: { node1: 18, node5: 100, node2: 36 },
    },
  ];

  it.each(cases)('$name', (c) => {
    const cache = clusterOf(c.nodes.map(([name, labels]) => node(name).labels(labels).obj()));
    expect(runScore(createNodeAffinity(), preferring(c.terms), cache)).toEqual(c.want);
  });
});
