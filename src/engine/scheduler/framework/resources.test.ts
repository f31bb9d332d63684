import { describe, expect, it } from 'vitest';
import { node, pod, type PodBuilder } from '../testing/builders.ts';
import { nodeAllocatable, podRequests } from './resources.ts';

describe('podRequests (resource.PodRequests)', () => {
  const cases: { name: string; pod: PodBuilder; cpu: number; memory: number }[] = [
    {
      name: 'sums app containers',
      pod: pod('p')
        .container({ requests: { cpu: '100m' } })
        .container({ requests: { cpu: '200m' } }),
      cpu: 300,
      memory: 0,
    },
    {
      name: 'takes the larger of the containers and the largest init container',
      pod: pod('p')
        .requests({ cpu: '100m', memory: '1Gi' })
        .initContainer({ requests: { cpu: '2', memory: '10Mi' } }),
      cpu: 2000,
      memory: 1024 ** 3,
    },
    {
      name: 'adds sidecars (restartable init containers) to the app containers',
      pod: pod('p')
        .requests({ cpu: '100m' })
        .initContainer({ requests: { cpu: '50m' }, sidecar: true }),
      cpu: 150,
      memory: 0,
    },
    {
      name: 'an init container after a sidecar runs alongside it',
      pod: pod('p')
        .requests({ cpu: '100m' })
        .initContainer({ requests: { cpu: '500m' }, sidecar: true })
        .initContainer({ requests: { cpu: '1' } }),
      cpu: 1500,
      memory: 0,
    },
    {
      name: 'adds the RuntimeClass overhead',
      pod: pod('p').requests({ cpu: '1' }).overhead({ cpu: '250m', memory: '120Mi' }),
      cpu: 1250,
      memory: 120 * 1024 ** 2,
    },
    {
      name: 'a limit without a request counts as the request (API defaulting)',
      pod: pod('p').limits({ cpu: '2', memory: '1Gi' }),
      cpu: 2000,
      memory: 1024 ** 3,
    },
  ];

  it.each(cases)('$name', (c) => {
    const r = podRequests(c.pod.obj());
    expect([r.milliCPU, r.memory]).toEqual([c.cpu, c.memory]);
  });

  it('non-missing requests default cpu and memory per container for scoring', () => {
    const r = podRequests(
      pod('p')
        .image('a')
        .container({ requests: { cpu: '1' } })
        .obj(),
      true,
    );
    expect([r.milliCPU, r.memory]).toEqual([1100, 2 * 200 * 1024 ** 2]);
  });

  it('keeps extended resources as scalars', () => {
    expect(podRequests(pod('p').requests({ 'nvidia.com/gpu': 1 }).obj()).scalar).toEqual({ 'nvidia.com/gpu': 1 });
  });
});

describe('nodeAllocatable', () => {
  it('reads status.allocatable in scheduler units', () => {
    expect(
      nodeAllocatable(node('n').capacity({ cpu: '4', memory: '8Gi', pods: 110, 'ephemeral-storage': '100Gi' }).obj()),
    ).toEqual({
      milliCPU: 4000,
      memory: 8 * 1024 ** 3,
      ephemeralStorage: 100 * 1024 ** 3,
      scalar: undefined,
      allowedPodNumber: 110,
    });
  });
});
