import type { ContainerRuntime, KubeletState, PodRuntime } from '../kubelet/state.ts';
import { processUsage } from '../runtime/index.ts';
import { rfc3339 } from '../clock/clock.ts';
import { ApiError, methodNotAllowed, notFound } from './errors.ts';
import type { ResourcePath } from './paths.ts';
import { parseLabelSelector, requirementsMatch } from './selectors.ts';
import type { ApiServer } from './server.ts';
import type { ApiRequest, ApiResponse, KubeObject } from './types.ts';

/**
 * The metrics.k8s.io/v1beta1 API as metrics-server serves it (NodeMetrics, PodMetrics), read from
 * the kubelets' simulated usage, so `kubectl top` and the HPA see what the containers use. Like
 * metrics-server, a pod appears after its first scrape (a container running for SCRAPE_MS).
 */
const GROUP_VERSION = 'metrics.k8s.io/v1beta1';
const SCRAPE_MS = 15_000;
/** NODE_BASE is what a node uses outside pods: kubelet, containerd, the OS. */
const NODE_BASE = { cpuMillis: 32, memoryBytes: 288 * 1024 * 1024 };

/** usageOf reads a container's use from its process at `now` (requests it served count), or its last step. */
function usageOf(c: ContainerRuntime, now: number): { cpuMillis: number; memoryBytes: number } {
  return c.process ? processUsage(c.process, now) : { cpuMillis: c.cpuMillis, memoryBytes: c.memoryBytes };
}

function cpu(millis: number): string {
  return millis === 0 ? '0' : `${millis * 1_000_000}n`;
}

function memory(bytes: number): string {
  const ki = Math.round(bytes / 1024);
  return ki === 0 ? '0' : `${ki}Ki`;
}

function runningContainers(pod: PodRuntime, now: number) {
  return pod.containers.filter(
    (c) => c.kind !== 'init' && c.phase === 'running' && c.startedAt !== undefined && c.startedAt <= now - SCRAPE_MS,
  );
}

function selected(object: KubeObject | undefined, request: ApiRequest): boolean {
  const selector = request.query?.labelSelector;
  if (!selector) return true;
  return requirementsMatch(parseLabelSelector(selector), object?.metadata.labels ?? {});
}

export function registerMetricsApi(server: ApiServer, state: KubeletState, now: () => number): void {
  const podMetrics = (runtime: PodRuntime): object | undefined => {
    const pod = server.store.get('pods', runtime.namespace, runtime.name);
    if (!pod || pod.metadata.uid !== runtime.uid || runtime.finished) return undefined;
    const containers = runningContainers(runtime, now());
    if (containers.length === 0) return undefined;
    return {
      metadata: {
        name: runtime.name,
        namespace: runtime.namespace,
        creationTimestamp: rfc3339(now()),
        ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}),
      },
      timestamp: rfc3339(now() - (now() % SCRAPE_MS)),
      window: '15s',
      containers: containers.map((c) => ({
        name: c.name,
        usage: { cpu: cpu(usageOf(c, now()).cpuMillis), memory: memory(usageOf(c, now()).memoryBytes) },
      })),
    };
  };
  const nodeMetrics = (node: KubeObject): object => {
    const name = node.metadata.name ?? '';
    let cpuMillis = NODE_BASE.cpuMillis;
    let memoryBytes = NODE_BASE.memoryBytes;
    for (const runtime of Object.values(state.pods)) {
      if (runtime.node !== name) continue;
      for (const c of runtime.containers) {
        if (c.phase !== 'running') continue;
        const usage = usageOf(c, now());
        cpuMillis += usage.cpuMillis;
        memoryBytes += usage.memoryBytes;
      }
    }
    return {
      metadata: {
        name,
        creationTimestamp: rfc3339(now()),
        ...(node.metadata.labels ? { labels: node.metadata.labels } : {}),
      },
      timestamp: rfc3339(now() - (now() % SCRAPE_MS)),
      window: '20s',
      usage: { cpu: cpu(cpuMillis), memory: memory(memoryBytes) },
    };
  };

  server.resourceHandlers.set('nodes.metrics.k8s.io', (request: ApiRequest, path: ResourcePath): ApiResponse => {
    if (request.verb !== 'GET') throw new ApiError(methodNotAllowed());
    if (path.name !== undefined) {
      const node = server.store.get('nodes', '', path.name);
      if (!node) throw new ApiError(notFound({ group: 'metrics.k8s.io', resource: 'nodemetrics' }, path.name));
      return { status: 200, body: { kind: 'NodeMetrics', apiVersion: GROUP_VERSION, ...nodeMetrics(node) } };
    }
    const items = server.store
      .list('nodes')
      .filter((n) => selected(n, request))
      .map(nodeMetrics);
    return { status: 200, body: { kind: 'NodeMetricsList', apiVersion: GROUP_VERSION, metadata: {}, items } };
  });

  server.resourceHandlers.set('pods.metrics.k8s.io', (request: ApiRequest, path: ResourcePath): ApiResponse => {
    if (request.verb !== 'GET') throw new ApiError(methodNotAllowed());
    const runtimes = Object.values(state.pods)
      .filter((p) => path.namespace === undefined || p.namespace === path.namespace)
      .sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
    if (path.name !== undefined) {
      const runtime = runtimes.find((p) => p.name === path.name);
      const metrics = runtime ? podMetrics(runtime) : undefined;
      if (!metrics)
        throw new ApiError(
          notFound({ group: 'metrics.k8s.io', resource: 'podmetrics' }, `${path.namespace ?? ''}/${path.name}`),
        );
      return { status: 200, body: { kind: 'PodMetrics', apiVersion: GROUP_VERSION, ...metrics } };
    }
    const items = runtimes
      .filter((p) => selected(server.store.get('pods', p.namespace, p.name), request))
      .map(podMetrics)
      .filter((m) => m !== undefined);
    return { status: 200, body: { kind: 'PodMetricsList', apiVersion: GROUP_VERSION, metadata: {}, items } };
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
