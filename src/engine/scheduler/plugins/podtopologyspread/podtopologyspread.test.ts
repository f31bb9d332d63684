import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { node, pod, type PodBuilder } from '../../testing/builders.ts';
import { clusterOf, reasonsOf, runFilter, runScore } from '../../testing/harness.ts';
import {
  createPodTopologySpread,
  ERR_REASON_CONSTRAINTS_NOT_MATCH as SKEW,
  ERR_REASON_NODE_LABEL_NOT_MATCH as NO_LABEL,
} from './podtopologyspread.ts';

const ZONE = 'zone';
const HOST = 'kubernetes.io/hostname';

/** The four nodes of filtering_test.go: node-a, node-b in zone1; node-x, node-y in zone2. */
function fourNodes(): Node[] {
  return [
    node('node-a').label(ZONE, 'zone1').obj(),
    node('node-b').label(ZONE, 'zone1').obj(),
    node('node-x').label(ZONE, 'zone2').obj(),
    node('node-y').label(ZONE, 'zone2').obj(),
  ];
}

/** spread places `counts[node]` pods labelled foo=bar on each node. */
function spread(counts: Record<string, number>, ns = 'default'): Pod[] {
  return Object.entries(counts).flatMap(([n, count]) =>
    Array.from({ length: count }, (_, i) => pod(`${n}-${i}`).namespace(ns).label('foo', 'bar').node(n).obj()),
  );
}

const incoming = (): PodBuilder => pod('p').label('foo', 'bar');

// Ported from pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go (TestSingleConstraint).
describe('PodTopologySpread filter', () => {
  const cases: { name: string; pod: Pod; nodes?: Node[]; existing: Pod[]; want: Record<string, string> }[] = [
    {
      name: 'no existing pods',
      pod: incoming().spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: [],
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      name: "no existing pods, incoming pod doesn't match itself",
      pod: pod('p').spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: [],
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      name: 'existing pods in a different namespace do not count',
      pod: incoming().spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 1, 'node-b': 1 }, 'ns1'),
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      name: 'pods spread across zones as 3/3, all nodes fit',
      pod: incoming().spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }),
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
      pod: incoming().spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }).obj(),
      nodes: [
        node('node-a').label(ZONE, 'zone1').obj(),
        node('node-b').obj(),
        node('node-x').label(ZONE, 'zone2').obj(),
        node('node-y').label(ZONE, 'zone2').obj(),
      ],
      existing: spread({ 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 }),
      want: { 'node-a': '', 'node-b': NO_LABEL, 'node-x': SKEW, 'node-y': SKEW },
    },
    {
      name: 'pods spread across nodes as 2/1/0/3, only node-x fits',
      pod: incoming().spreadConstraint(1, HOST, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }),
      want: { 'node-a': SKEW, 'node-b': SKEW, 'node-x': '', 'node-y': SKEW },
    },
    {
      name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit',
      pod: incoming().spreadConstraint(2, HOST, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }),
      want: { 'node-a': SKEW, 'node-b': '', 'node-x': '', 'node-y': SKEW },
    },
    {
      name: "pods spread across nodes as 2/1/0/3, but the incoming pod doesn't match its selector",
      pod: pod('p').label('foo', 'other').spreadConstraint(1, HOST, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }),
      want: { 'node-a': SKEW, 'node-b': '', 'node-x': '', 'node-y': SKEW },
    },
    {
      name: 'ScheduleAnyway constraints never filter',
      pod: incoming().spreadConstraint(1, HOST, 'ScheduleAnyway', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 5 }),
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      name: 'minDomains above the number of domains makes the global minimum 0',
      pod: incoming().spreadConstraint(1, HOST, 'DoNotSchedule', { foo: 'bar' }, { minDomains: 5 }).obj(),
      existing: spread({ 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 }),
      want: { 'node-a': SKEW, 'node-b': SKEW, 'node-x': SKEW, 'node-y': SKEW },
    },
    {
      name: 'without minDomains the same spread fits everywhere',
      pod: incoming().spreadConstraint(1, HOST, 'DoNotSchedule', { foo: 'bar' }).obj(),
      existing: spread({ 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 }),
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      // zone2 is not a domain, so zone1's single pod is the minimum and zone1 stays open; zone2 nodes pass
      // this filter (NodeAffinity is the one that rejects them).
      name: "nodeAffinityPolicy Honor leaves nodes the pod can't use out of the domains",
      pod: incoming()
        .nodeSelector({ [ZONE]: 'zone1' })
        .spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' })
        .obj(),
      existing: spread({ 'node-a': 1 }),
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
    {
      name: 'nodeAffinityPolicy Ignore counts every node',
      pod: incoming()
        .nodeSelector({ [ZONE]: 'zone1' })
        .spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }, { nodeAffinityPolicy: 'Ignore' })
        .obj(),
      existing: spread({ 'node-a': 1 }),
      want: { 'node-a': SKEW, 'node-b': SKEW, 'node-x': '', 'node-y': '' },
    },
    {
      name: 'matchLabelKeys adds the pod label value to the selector',
      pod: incoming()
        .label('pod-template-hash', 'v2')
        .spreadConstraint(1, HOST, 'DoNotSchedule', { foo: 'bar' }, { matchLabelKeys: ['pod-template-hash'] })
        .obj(),
      existing: spread({ 'node-a': 3 }),
      want: { 'node-a': '', 'node-b': '', 'node-x': '', 'node-y': '' },
    },
  ];

  it.each(cases)('$name', (c) => {
    const results = runFilter(createPodTopologySpread(), c.pod, clusterOf(c.nodes ?? fourNodes(), c.existing));
    expect(reasonsOf(results)).toEqual(c.want);
  });

  it('a missing label is unresolvable, a skew is only unschedulable', () => {
    const results = runFilter(
      createPodTopologySpread(),
      incoming().spreadConstraint(1, ZONE, 'DoNotSchedule', { foo: 'bar' }).obj(),
      clusterOf(
        [node('a').label(ZONE, 'z1').obj(), node('b').label(ZONE, 'z2').obj(), node('c').obj()],
        spread({ a: 2 }),
      ),
    );
    expect(results['a']?.code).toBe('Unschedulable');
    expect(results['c']?.code).toBe('UnschedulableAndUnresolvable');
  });
});

// Modelled on scoring_test.go (TestPodTopologySpreadScore).
describe('PodTopologySpread score', () => {
  it('prefers the node with fewer matching pods (hostname, maxSkew 1)', () => {
    const cache = clusterOf(fourNodes().slice(0, 3), spread({ 'node-a': 2, 'node-b': 1 }));
    const p = incoming().spreadConstraint(1, HOST, 'ScheduleAnyway', { foo: 'bar' }).obj();
    // weight log(3 + 2): raw scores round(2w)=3, round(w)=2, 0 → 100 × (max + min − s) / max.
    expect(runScore(createPodTopologySpread(), p, cache)).toEqual({ 'node-a': 0, 'node-b': 33, 'node-x': 100 });
  });

  it('spreads across zones counting pods on every node of the zone', () => {
    const cache = clusterOf(fourNodes(), spread({ 'node-a': 1, 'node-b': 2 }));
    const p = incoming().spreadConstraint(1, ZONE, 'ScheduleAnyway', { foo: 'bar' }).obj();
    expect(runScore(createPodTopologySpread(), p, cache)).toEqual({
      'node-a': 0,
      'node-b': 0,
      'node-x': 100,
      'node-y': 100,
    });
  });

  it('nodes without the topology label get 0', () => {
    const cache = clusterOf([node('a').label(ZONE, 'z1').obj(), node('b').obj()]);
    const p = incoming().spreadConstraint(1, ZONE, 'ScheduleAnyway', { foo: 'bar' }).obj();
    expect(runScore(createPodTopologySpread(), p, cache)).toEqual({ a: 100, b: 0 });
  });

  it('skips pods without soft constraints', () => {
    expect(runScore(createPodTopologySpread(), pod('p').obj(), clusterOf(fourNodes()))).toBe('skip');
  });
});
