import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, namespace, reasonsOf, runFilter, runScore } from '../../testing/harness.ts';
import {
  createInterPodAffinity,
  ERR_REASON_AFFINITY,
  ERR_REASON_ANTI_AFFINITY,
  ERR_REASON_EXISTING_ANTI_AFFINITY,
} from './interpodaffinity.ts';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

function nodes(): Node[] {
  return [
    node('node1').label(ZONE, 'az1').obj(),
    node('node2').label(ZONE, 'az1').obj(),
    node('node3').label(ZONE, 'az2').obj(),
  ];
}

// Modelled on pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (TestRequiredAffinitySingleNode,
// TestRequiredAffinityMultipleNodes): node → reason ('' = fits).
describe('InterPodAffinity filter', () => {
  const cases: {
    name: string;
    pod: Pod;
    existing: Pod[];
    want: Record<string, string> | 'skip';
    namespaces?: Parameters<typeof namespace>[];
  }[] = [
    {
      name: 'a pod without (anti-)affinity and no existing anti-affinity skips the plugin',
      pod: pod('p').obj(),
      existing: [pod('db').label('app', 'db').node('node1').obj()],
      want: 'skip',
    },
    {
      name: 'satisfies pod affinity with an existing pod on the same host',
      pod: pod('p').podAffinity(HOST, { app: 'db' }).obj(),
      existing: [pod('db').label('app', 'db').node('node1').obj()],
      want: { node1: '', node2: ERR_REASON_AFFINITY, node3: ERR_REASON_AFFINITY },
    },
    {
      name: 'satisfies pod affinity within the zone of the matching pod',
      pod: pod('p').podAffinity(ZONE, { app: 'db' }).obj(),
      existing: [pod('db').label('app', 'db').node('node1').obj()],
      want: { node1: '', node2: '', node3: ERR_REASON_AFFINITY },
    },
    {
      name: 'the first pod of a group with affinity to itself may go anywhere',
      pod: pod('p').label('app', 'web').podAffinity(ZONE, { app: 'web' }).obj(),
      existing: [],
      want: { node1: '', node2: '', node3: '' },
    },
    {
      name: 'affinity to pods that do not exist fails everywhere when the pod does not match itself',
      pod: pod('p').label('app', 'web').podAffinity(ZONE, { app: 'cache' }).obj(),
      existing: [],
      want: { node1: ERR_REASON_AFFINITY, node2: ERR_REASON_AFFINITY, node3: ERR_REASON_AFFINITY },
    },
    {
      name: 'pod anti-affinity keeps the pod out of the zone of a matching pod',
      pod: pod('p').podAntiAffinity(ZONE, { app: 'db' }).obj(),
      existing: [pod('db').label('app', 'db').node('node1').obj()],
      want: { node1: ERR_REASON_ANTI_AFFINITY, node2: ERR_REASON_ANTI_AFFINITY, node3: '' },
    },
    {
      name: "an existing pod's anti-affinity rejects the incoming pod in its topology",
      pod: pod('p').label('app', 'web').obj(),
      existing: [pod('loner').node('node3').podAntiAffinity(HOST, { app: 'web' }).obj()],
      want: { node1: '', node2: '', node3: ERR_REASON_EXISTING_ANTI_AFFINITY },
    },
    {
      name: 'affinity terms only look at the pod namespace by default',
      pod: pod('p').podAffinity(HOST, { app: 'db' }).obj(),
      existing: [pod('db').namespace('other').label('app', 'db').node('node1').obj()],
      want: { node1: ERR_REASON_AFFINITY, node2: ERR_REASON_AFFINITY, node3: ERR_REASON_AFFINITY },
    },
    {
      name: 'namespaces lists the namespaces to look in',
      pod: pod('p')
        .podAffinity(HOST, { app: 'db' }, { namespaces: ['other'] })
        .obj(),
      existing: [pod('db').namespace('other').label('app', 'db').node('node1').obj()],
      want: { node1: '', node2: ERR_REASON_AFFINITY, node3: ERR_REASON_AFFINITY },
    },
    {
      name: 'namespaceSelector picks namespaces by their labels',
      pod: pod('p')
        .podAffinity(HOST, { app: 'db' }, { namespaceSelector: { matchLabels: { team: 'data' } } })
        .obj(),
      existing: [pod('db').namespace('data-prod').label('app', 'db').node('node2').obj()],
      namespaces: [
        ['data-prod', { team: 'data' }],
        ['default', {}],
      ],
      want: { node1: ERR_REASON_AFFINITY, node2: '', node3: ERR_REASON_AFFINITY },
    },
    {
      name: 'an empty namespaceSelector selects every namespace',
      pod: pod('p').podAntiAffinity(HOST, { app: 'db' }, { namespaceSelector: {} }).obj(),
      existing: [pod('db').namespace('elsewhere').label('app', 'db').node('node2').obj()],
      want: { node1: '', node2: ERR_REASON_ANTI_AFFINITY, node3: '' },
    },
  ];

  it.each(cases)('$name', (c) => {
    const cache = clusterOf(
      nodes(),
      c.existing,
      (c.namespaces ?? []).map(([n, l]) => namespace(n, l)),
    );
    const results = runFilter(createInterPodAffinity(), c.pod, cache);
    if (c.want === 'skip') {
      expect(Object.values(results).every((r) => r === undefined)).toBe(true);
      return;
    }
    expect(reasonsOf(results)).toEqual(c.want);
  });

  it('a node without the topology label fails affinity (unresolvable) but passes anti-affinity', () => {
    const cache = clusterOf(
      [node('bare').withoutLabel(HOST).obj(), node('node1').label(ZONE, 'az1').obj()],
      [pod('db').label('app', 'db').node('node1').obj()],
    );
    const affinity = runFilter(createInterPodAffinity(), pod('p').podAffinity(ZONE, { app: 'db' }).obj(), cache);
    expect(affinity['bare']).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY] });
    const anti = runFilter(createInterPodAffinity(), pod('p').podAntiAffinity(ZONE, { app: 'db' }).obj(), cache);
    expect(anti['bare']).toBeUndefined();
    expect(anti['node1']).toEqual({ code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY] });
  });
});

// Modelled on scoring_test.go (TestPreferredAffinity): the zone with the matching pod scores 100.
describe('InterPodAffinity score', () => {
  it('skips when nobody has affinity and the pod has no preferences', () => {
    expect(runScore(createInterPodAffinity(), pod('p').obj(), clusterOf(nodes(), [pod('x').node('node1').obj()]))).toBe(
      'skip',
    );
  });

  it('preferred affinity favours the topology of matching pods', () => {
    const cache = clusterOf(nodes(), [pod('db').label('app', 'db').node('node3').obj()]);
    const p = pod('p').preferredPodAffinity(5, ZONE, { app: 'db' }).obj();
    expect(runScore(createInterPodAffinity(), p, cache)).toEqual({ node1: 0, node2: 0, node3: 100 });
  });

  it('preferred anti-affinity disfavours it', () => {
    const cache = clusterOf(nodes(), [pod('db').label('app', 'db').node('node3').obj()]);
    const p = pod('p').preferredPodAntiAffinity(5, ZONE, { app: 'db' }).obj();
    expect(runScore(createInterPodAffinity(), p, cache)).toEqual({ node1: 100, node2: 100, node3: 0 });
  });

  it("existing pods' required affinity counts as a preference of weight 1 (symmetry)", () => {
    const cache = clusterOf(nodes(), [pod('client').node('node1').podAffinity(HOST, { app: 'server' }).obj()]);
    expect(runScore(createInterPodAffinity(), pod('p').label('app', 'server').obj(), cache)).toEqual({
      node1: 100,
      node2: 0,
      node3: 0,
    });
  });

  it('weights add up per topology, then scale between min and max', () => {
    const cache = clusterOf(nodes(), [
      pod('a').label('app', 'a').node('node1').obj(),
      pod('b').label('app', 'b').node('node3').obj(),
    ]);
    const p = pod('p').preferredPodAffinity(8, HOST, { app: 'a' }).preferredPodAffinity(2, ZONE, { app: 'b' }).obj();
    expect(runScore(createInterPodAffinity(), p, cache)).toEqual({ node1: 100, node2: 0, node3: 25 });
  });
});
