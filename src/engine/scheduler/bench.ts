import type { Node, Pod } from 'kubernetes-types/core/v1';
import { SeededRandom } from '../random.ts';
import { SchedulerCache } from './framework/cache.ts';
import { schedulePod } from './registry.ts';

function benchNode(i: number): Node {
  const name = `node-${i}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    },
  };
}

function benchPod(i: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'default', labels: { app: 'bench' } },
    spec: {
      containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
    },
  };
}

/**
 * benchmarkScheduling schedules `pods` small pods (100m / 128Mi) onto `nodes` standard nodes (4 cpu / 8Gi /
 * 110 pods), binding each result into the cache as the bind step would, and reports the throughput. It is
 * the one place allowed to read the wall clock, because measuring wall time is its whole purpose.
 */
export function benchmarkScheduling(nodes: number, pods: number): { podsPerSecond: number; ms: number } {
  const cache = new SchedulerCache();
  for (let i = 0; i < nodes; i++) cache.addNode(benchNode(i));
  const podObjects = Array.from({ length: pods }, (_, i) => benchPod(i));
  const rng = new SeededRandom(42);
  const random = () => rng.next();
  const start = performance.now();
  let scheduled = 0;
  for (const pod of podObjects) {
    const result = schedulePod(pod, cache, { random });
    if (result.nodeName === undefined) continue;
    cache.addPod({ ...pod, spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: result.nodeName } });
    scheduled++;
  }
  const ms = performance.now() - start;
  if (scheduled !== pods) throw new Error(`only ${scheduled}/${pods} pods were scheduled`);
  return { podsPerSecond: Math.round((pods / ms) * 1000), ms: Math.round(ms) };
}
