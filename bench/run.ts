/**
 * npm run bench — the engine's performance figures, printed rather than asserted (timings flake on
 * shared machines). Goals from the issues: scheduling 10,000 small pods onto 5,000 nodes at ≥ 2,000
 * pods/s, and advancing one simulated hour of a 1,000-pod cluster in ≤ 5 s.
 */
import { createCluster, podStatusText, type KubeObject } from '../src/engine/index.ts';
import { benchmarkScheduling } from '../src/engine/scheduler/bench.ts';

function line(label: string, value: string, goal: string): void {
  console.log(`${label.padEnd(52)} ${value.padStart(14)}   (goal ${goal})`);
}

function schedulingFramework(): void {
  const result = benchmarkScheduling(5000, 10_000);
  line(
    'scheduler framework: 10,000 pods onto 5,000 nodes',
    `${Math.round(result.podsPerSecond)} pods/s`,
    '≥ 2,000 pods/s',
  );
}

function podManifest(i: number, withProbe: boolean) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, labels: { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          resources: { requests: { cpu: '10m', memory: '16Mi' } },
          ...(withProbe ? { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } } : {}),
        },
      ],
    },
  };
}

function clusterHour(pods: number, probeShare: number): void {
  const nodes = Array.from({ length: 20 }, (_, i) => ({
    name: `worker-${i + 1}`,
    cpu: '16',
    memory: '64Gi',
    pods: 110,
  }));
  const cluster = createCluster({
    nodes: [{ name: 'control-plane', cpu: '2', memory: '4Gi', controlPlane: true }, ...nodes],
  });
  let t = performance.now();
  for (let i = 0; i < pods; i++) {
    cluster.handle({
      verb: 'POST',
      path: '/api/v1/namespaces/default/pods',
      body: podManifest(i, i < pods * probeShare),
    });
  }
  const createMs = performance.now() - t;
  cluster.advanceSync(60_000);
  const running = (cluster.list('Pod', 'default') as KubeObject[]).filter(
    (p) => podStatusText(p as never) === 'Running',
  ).length;
  t = performance.now();
  cluster.advanceSync(3600_000);
  const hourMs = performance.now() - t;
  line(`create ${pods} pods through the API (${running} Running after 1m)`, `${Math.round(createMs)} ms`, '—');
  line(
    `advance 1 h, ${pods} pods, ${Math.round(probeShare * 100)}% with readiness probes`,
    `${(hourMs / 1000).toFixed(2)} s`,
    '≤ 5 s',
  );
}

schedulingFramework();
clusterHour(1000, 0);
clusterHour(1000, 0.2);
