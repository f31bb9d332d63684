import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { NodeInfo } from '../../framework/node-info.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { node, pod, type PodBuilder } from '../../testing/builders.ts';
import { clusterOf, runFilter, runScore } from '../../testing/harness.ts';
import { createNodeResourcesFit, ERR_REASON_TOO_MANY_PODS, fits, insufficientReason } from './noderesourcesfit.ts';

type Req = { cpu?: number; mem?: number; a?: number; b?: number; storage?: number };

function list(r: Req): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.cpu !== undefined) out['cpu'] = `${r.cpu}m`;
  if (r.mem !== undefined) out['memory'] = String(r.mem);
  if (r.a !== undefined) out['example.com/aaa'] = String(r.a);
  if (r.b !== undefined) out['example.com/bbb'] = String(r.b);
  if (r.storage !== undefined) out['ephemeral-storage'] = String(r.storage);
  return out;
}

/** resourcePod mirrors newResourcePod / newResourceInitPod from fit_test.go: one container per request list. */
function resourcePod(name: string, containers: Req[], inits: Req[] = []): PodBuilder {
  const b = pod(name);
  for (const c of containers) b.container({ requests: list(c) });
  for (const c of inits) b.initContainer({ requests: list(c) });
  return b;
}

/** testNode is makeAllocatableResources(10, 20, 32, 5, 20, 5) from fit_test.go. */
function nodeInfoWith(existing: Pod): NodeInfo {
  const ni = new NodeInfo(
    'machine',
    node('machine')
      .capacity({ cpu: '10m', memory: '20', pods: 32, 'example.com/aaa': 5, 'ephemeral-storage': '20' })
      .obj(),
  );
  ni.addPod(new PodInfo(existing));
  return ni;
}

const cpu = insufficientReason('cpu');
const memory = insufficientReason('memory');
const aaa = insufficientReason('example.com/aaa');
const bbb = insufficientReason('example.com/bbb');

// Ported from pkg/scheduler/framework/plugins/noderesources/fit_test.go (TestEnoughRequests).
describe('NodeResourcesFit filter', () => {
  const cases: { name: string; pod: Pod; existing: Req; want: string[]; unresolvable?: boolean }[] = [
    { name: 'no resources requested always fits', pod: pod('p').obj(), existing: { cpu: 10, mem: 20 }, want: [] },
    {
      name: 'too many resources fails',
      pod: resourcePod('p', [{ cpu: 1, mem: 1 }]).obj(),
      existing: { cpu: 10, mem: 20 },
      want: [cpu, memory],
    },
    {
      name: 'too many resources fails due to init container cpu',
      pod: resourcePod('p', [{ cpu: 1, mem: 1 }], [{ cpu: 3, mem: 1 }]).obj(),
      existing: { cpu: 8, mem: 19 },
      want: [cpu],
    },
    {
      name: 'too many resources fails due to highest init container cpu',
      pod: resourcePod(
        'p',
        [{ cpu: 1, mem: 1 }],
        [
          { cpu: 3, mem: 1 },
          { cpu: 2, mem: 1 },
        ],
      ).obj(),
      existing: { cpu: 8, mem: 19 },
      want: [cpu],
    },
    {
      name: 'too many resources fails due to init container memory',
      pod: resourcePod('p', [{ cpu: 1, mem: 1 }], [{ cpu: 1, mem: 3 }]).obj(),
      existing: { cpu: 9, mem: 19 },
      want: [memory],
    },
    {
      name: "init container fits because it's the max, not sum, of containers and init containers",
      pod: resourcePod(
        'p',
        [{ cpu: 1, mem: 1 }],
        [
          { cpu: 1, mem: 1 },
          { cpu: 1, mem: 1 },
        ],
      ).obj(),
      existing: { cpu: 9, mem: 19 },
      want: [],
    },
    {
      name: 'both resources fit',
      pod: resourcePod('p', [{ cpu: 1, mem: 1 }]).obj(),
      existing: { cpu: 5, mem: 5 },
      want: [],
    },
    {
      name: 'one resource memory fits',
      pod: resourcePod('p', [{ cpu: 2, mem: 1 }]).obj(),
      existing: { cpu: 9, mem: 5 },
      want: [cpu],
    },
    {
      name: 'one resource cpu fits',
      pod: resourcePod('p', [{ cpu: 1, mem: 2 }]).obj(),
      existing: { cpu: 5, mem: 19 },
      want: [memory],
    },
    {
      name: 'equal edge case',
      pod: resourcePod('p', [{ cpu: 5, mem: 1 }]).obj(),
      existing: { cpu: 5, mem: 19 },
      want: [],
    },
    {
      name: 'equal edge case for init container',
      pod: resourcePod('p', [{ cpu: 4, mem: 1 }], [{ cpu: 5, mem: 1 }]).obj(),
      existing: { cpu: 5, mem: 19 },
      want: [],
    },
    { name: 'extended resource fits', pod: resourcePod('p', [{ a: 1 }]).obj(), existing: {}, want: [] },
    {
      name: 'extended resource fits for init container',
      pod: resourcePod('p', [{}], [{ a: 1 }]).obj(),
      existing: {},
      want: [],
    },
    {
      name: 'extended resource capacity enforced',
      pod: resourcePod('p', [{ cpu: 1, mem: 1, a: 10 }]).obj(),
      existing: { a: 0 },
      want: [aaa],
      unresolvable: true,
    },
    {
      name: 'extended resource allocatable enforced',
      pod: resourcePod('p', [{ cpu: 1, mem: 1, a: 1 }]).obj(),
      existing: { a: 5 },
      want: [aaa],
    },
    {
      name: 'extended resource allocatable enforced for multiple containers',
      pod: resourcePod('p', [
        { cpu: 1, mem: 1, a: 3 },
        { cpu: 1, mem: 1, a: 3 },
      ]).obj(),
      existing: { a: 2 },
      want: [aaa],
      unresolvable: true,
    },
    {
      name: 'extended resource allocatable admits multiple init containers',
      pod: resourcePod(
        'p',
        [{}],
        [
          { cpu: 1, mem: 1, a: 3 },
          { cpu: 1, mem: 1, a: 3 },
        ],
      ).obj(),
      existing: { a: 2 },
      want: [],
    },
    {
      name: 'extended resource allocatable enforced for unknown resource',
      pod: resourcePod('p', [{ cpu: 1, mem: 1, b: 1 }]).obj(),
      existing: {},
      want: [bbb],
      unresolvable: true,
    },
    {
      name: 'ephemeral storage is checked like memory',
      pod: resourcePod('p', [{ storage: 5 }]).obj(),
      existing: { storage: 18 },
      want: [insufficientReason('ephemeral-storage')],
    },
    {
      name: 'a request larger than the whole node is unresolvable (preemption cannot help)',
      pod: resourcePod('p', [{ cpu: 11 }]).obj(),
      existing: {},
      want: [cpu],
      unresolvable: true,
    },
  ];

  it.each(cases)('$name', (c) => {
    const existing = resourcePod('existing', [c.existing]).node('machine').obj();
    const ni = nodeInfoWith(existing);
    expect(fits(new PodInfo(c.pod).requests, ni).map((r) => r.reason)).toEqual(c.want);
    const cache = clusterOf(
      [
        node('machine')
          .capacity({ cpu: '10m', memory: '20', pods: 32, 'example.com/aaa': 5, 'ephemeral-storage': '20' })
          .obj(),
      ],
      [existing],
    );
    const status = runFilter(createNodeResourcesFit(), c.pod, cache)['machine'];
    if (c.want.length === 0) expect(status).toBeUndefined();
    else
      expect(status).toEqual({
        code: c.unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
        reasons: c.want,
      });
  });

  it('counts pods against allocatable pods: Too many pods', () => {
    const n = node('n').capacity({ cpu: '4', memory: '8Gi', pods: 1 }).obj();
    const cache = clusterOf([n], [pod('a').node('n').obj()]);
    expect(runFilter(createNodeResourcesFit(), pod('b').obj(), cache)['n']).toEqual({
      code: 'Unschedulable',
      reasons: [ERR_REASON_TOO_MANY_PODS],
    });
  });

  it('adds pod overhead to the requests', () => {
    const n = node('n').capacity({ cpu: '1', memory: '1Gi', pods: 10 }).obj();
    const p = pod('p').requests({ cpu: '900m' }).overhead({ cpu: '200m' }).obj();
    expect(runFilter(createNodeResourcesFit(), p, clusterOf([n]))['n']?.reasons).toEqual([cpu]);
  });

  it('frees the requests of Succeeded and Failed pods', () => {
    const n = node('n').capacity({ cpu: '1', memory: '1Gi', pods: 10 }).obj();
    const done = pod('done').node('n').requests({ cpu: '1' }).phase('Succeeded').obj();
    expect(
      runFilter(createNodeResourcesFit(), pod('p').requests({ cpu: '1' }).obj(), clusterOf([n], [done]))['n'],
    ).toBeUndefined();
  });
});

// Ported from least_allocated_test.go (TestLeastAllocatedScoringStrategy, default cpu/memory weights 1).
describe('NodeResourcesFit LeastAllocated score', () => {
  const cases: {
    name: string;
    pod: Pod;
    existing: Pod[];
    nodes: [string, string, string][];
    want: Record<string, number>;
  }[] = [
    {
      name: 'nothing scheduled, nothing requested',
      pod: pod('p').requests({ cpu: '0', memory: '0' }).obj(),
      existing: [],
      nodes: [
        ['node1', '4', '10000'],
        ['node2', '4', '10000'],
      ],
      want: { node1: 100, node2: 100 },
    },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: resourcePod('p', [
        { cpu: 1000, mem: 2000 },
        { cpu: 2000, mem: 3000 },
      ]).obj(),
      existing: [],
      nodes: [
        ['node1', '4', '10000'],
        ['node2', '6', '10000'],
      ],
      want: { node1: 37, node2: 50 },
    },
    {
      name: 'no resources requested, pods scheduled with resources',
      pod: pod('p').requests({ cpu: '0', memory: '0' }).obj(),
      existing: [
        resourcePod('e1', [
          { cpu: 1000, mem: 2000 },
          { cpu: 2000, mem: 3000 },
        ])
          .node('node1')
          .obj(),
        resourcePod('e2', [
          { cpu: 1000, mem: 2000 },
          { cpu: 2000, mem: 3000 },
        ])
          .node('node2')
          .obj(),
      ],
      nodes: [
        ['node1', '10', '20000'],
        ['node2', '10', '20000'],
      ],
      want: { node1: 72, node2: 72 },
    },
    {
      name: 'missing requests count as 100m / 200Mi',
      pod: pod('p').image('nginx').obj(),
      existing: [],
      nodes: [['node1', '1', '1Gi']],
      want: { node1: 85 },
    },
  ];

  it.each(cases)('$name', (c) => {
    const cache = clusterOf(
      c.nodes.map(([name, cpuQ, mem]) => node(name).capacity({ cpu: cpuQ, memory: mem, pods: 110 }).obj()),
      c.existing,
    );
    expect(runScore(createNodeResourcesFit(), c.pod, cache)).toEqual(c.want);
  });
});
