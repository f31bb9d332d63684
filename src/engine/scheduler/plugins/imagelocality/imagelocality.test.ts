import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runScore } from '../../testing/harness.ts';
import { calculatePriority, createImageLocality, normalizedImageName } from './imagelocality.ts';

const mb = 1024 * 1024;

// Node images from image_locality_test.go: node403002000 and node25010 (and node60040900 for spread).
const node403002000 = () =>
  node('node403002000')
    .image(['gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'], 40 * mb)
    .image(['gcr.io/300:latest', 'gcr.io/300:v1'], 300 * mb)
    .image(['gcr.io/2000:latest'], 2000 * mb)
    .obj();
const node25010 = () =>
  node('node25010')
    .image(['gcr.io/250:latest'], 250 * mb)
    .image(['gcr.io/10:latest', 'gcr.io/10:v1'], 10 * mb)
    .obj();

function withImages(...images: string[]): Pod {
  const b = pod('p');
  images.forEach((image, i) => b.container({ name: `c${i}`, image }));
  return b.obj();
}

// Ported from pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go.
describe('ImageLocality score', () => {
  const cases: { name: string; pod: Pod; nodes: Node[]; want: Record<string, number> }[] = [
    {
      // Node1: image 40 (40MB) spread over 1 of 2 nodes → 20MB, below the 23MB threshold → 0.
      // Node2: image 250 (250MB) → 125MB → 100 * (125 - 23) / (2000 - 23) = 5.
      name: 'two images spread on two nodes, prefer the larger image one',
      pod: withImages('gcr.io/40', 'gcr.io/250'),
      nodes: [node403002000(), node25010()],
      want: { node403002000: 0, node25010: 5 },
    },
    {
      // Node1: 40MB/2 + 300MB/2 = 170MB → 100 * (170 - 23) / (2000 - 23) = 7. Node2: 10MB/2 → 0.
      name: 'two images on one node, prefer this node',
      pod: withImages('gcr.io/40', 'gcr.io/300'),
      nodes: [node403002000(), node25010()],
      want: { node403002000: 7, node25010: 0 },
    },
    {
      // Node1: 2000MB/2 = 1000MB → 100 * (1000 - 23) / (2000 - 23) = 49.
      name: 'if exceed limit, use limit',
      pod: withImages('gcr.io/2000', 'gcr.io/10'),
      nodes: [node403002000(), node25010()],
      want: { node403002000: 49, node25010: 0 },
    },
    {
      name: 'a pod with an image on no node scores 0 everywhere',
      pod: withImages('gcr.io/none'),
      nodes: [node403002000(), node25010()],
      want: { node403002000: 0, node25010: 0 },
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(runScore(createImageLocality(), c.pod, clusterOf(c.nodes))).toEqual(c.want);
  });

  it.each<[string, string]>([
    ['nginx', 'nginx:latest'],
    ['gcr.io/40', 'gcr.io/40:latest'],
    ['nginx:1.27', 'nginx:1.27'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('normalizedImageName(%s) = %s', (name, want) => {
    expect(normalizedImageName(name)).toBe(want);
  });

  it('calculatePriority saturates at 1000MB per container', () => {
    expect(calculatePriority(0, 1)).toBe(0);
    expect(calculatePriority(5000 * mb, 1)).toBe(100);
  });
});
