import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { cpuMillis, memoryBytes } from '../../api/quantity.ts';

/**
 * Resources are amounts in the scheduler's units: milli-CPU, bytes of memory and ephemeral storage, and
 * scalar (extended) resources such as `nvidia.com/gpu` or `hugepages-2Mi` in their own units.
 */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  scalar: Record<string, number> | undefined;
}

/** NodeResources adds the pod slots (`pods` in allocatable) to Resources. */
export interface NodeResources extends Resources {
  allowedPodNumber: number;
}

/** DEFAULT_MILLI_CPU_REQUEST is schedutil.DefaultMilliCPURequest: what a pod without a cpu request weighs in scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** DEFAULT_MEMORY_REQUEST is schedutil.DefaultMemoryRequest (200Mi) for scoring pods without a memory request. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type ResourceList = Readonly<Record<string, string | number>>;

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: undefined };
}

function amount(name: string, value: string | number): number {
  return name === 'cpu' ? cpuMillis(value) : memoryBytes(value);
}

function addList(into: Resources, list: ResourceList | undefined): void {
  if (list === undefined) return;
  for (const name in list) {
    const value = list[name];
    if (value === undefined) continue;
    addAmount(into, name, amount(name, value));
  }
}

function addAmount(into: Resources, name: string, value: number): void {
  switch (name) {
    case 'cpu':
      into.milliCPU += value;
      break;
    case 'memory':
      into.memory += value;
      break;
    case 'ephemeral-storage':
      into.ephemeralStorage += value;
      break;
    case 'pods':
      break;
    default:
      into.scalar ??= {};
      into.scalar[name] = (into.scalar[name] ?? 0) + value;
  }
}

function addResources(into: Resources, r: Resources): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  if (r.scalar) for (const name in r.scalar) addAmount(into, name, r.scalar[name] ?? 0);
}

function maxResources(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    into.scalar ??= {};
    for (const name in r.scalar) into.scalar[name] = Math.max(into.scalar[name] ?? 0, r.scalar[name] ?? 0);
  }
}

/**
 * containerRequests reads one container's requests. A resource with only a limit counts its limit, which is
 * what API defaulting writes into requests anyway. With `nonMissing`, absent cpu and memory requests count as
 * 100m and 200Mi (NonMissingContainerRequests) so zero-request pods do not all pile onto one node when scoring.
 */
function containerRequests(c: Container, nonMissing: boolean): Resources {
  const r = emptyResources();
  const requests = c.resources?.requests as ResourceList | undefined;
  const limits = c.resources?.limits as ResourceList | undefined;
  addList(r, requests);
  if (limits !== undefined) {
    for (const name in limits) {
      const value = limits[name];
      if (value !== undefined && (requests === undefined || requests[name] === undefined)) {
        addAmount(r, name, amount(name, value));
      }
    }
  }
  if (nonMissing) {
    const has = (name: string) => requests?.[name] !== undefined || limits?.[name] !== undefined;
    if (!has('cpu')) r.milliCPU += DEFAULT_MILLI_CPU_REQUEST;
    if (!has('memory')) r.memory += DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * podRequests is component-helpers' resource.PodRequests: the sum of the app containers and of the sidecars
 * (init containers with restartPolicy Always), at least the largest init container (plus the sidecars started
 * before it), plus the RuntimeClass overhead. The scheduler fits and scores pods with this number.
 */
export function podRequests(pod: Pod, nonMissing = false): Resources {
  const reqs = emptyResources();
  for (const c of pod.spec?.containers ?? []) addResources(reqs, containerRequests(c, nonMissing));
  const sidecars = emptyResources();
  const initMax = emptyResources();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      addResources(reqs, r);
      addResources(sidecars, r);
      maxResources(initMax, sidecars);
    } else {
      const withSidecars = emptyResources();
      addResources(withSidecars, r);
      addResources(withSidecars, sidecars);
      maxResources(initMax, withSidecars);
    }
  }
  maxResources(reqs, initMax);
  addList(reqs, pod.spec?.overhead as ResourceList | undefined);
  return reqs;
}

/**
 * nodeAllocatable reads status.allocatable (NodeInfo.SetNode). A node that reports only capacity — easy to
 * write by hand in a lesson — is treated as fully allocatable rather than as a node with no room at all.
 */
export function nodeAllocatable(node: Node): NodeResources {
  const list = (node.status?.allocatable ?? node.status?.capacity ?? {}) as ResourceList;
  const r: NodeResources = { ...emptyResources(), allowedPodNumber: 0 };
  addList(r, list);
  const pods = list['pods'];
  r.allowedPodNumber = pods === undefined ? 0 : memoryBytes(pods);
  return r;
}
