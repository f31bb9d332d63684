import { MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../../framework/interface.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { Resources } from '../../framework/resources.ts';
import { unresolvable, unschedulable } from '../../framework/status.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'NodeResourcesFit';

/** ERR_REASON_TOO_MANY_PODS is the reason when the node's `pods` allocatable is used up. */
export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

/** insufficientReason is the reason for any other resource: "Insufficient cpu", "Insufficient nvidia.com/gpu". */
export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/**
 * InsufficientResource is one resource that does not fit. `unresolvable` marks a request larger than the whole
 * node's allocatable: no eviction can make room, so preemption does not try (1.34+).
 */
export interface InsufficientResource {
  resource: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  unresolvable: boolean;
}

function insufficient(resource: string, requested: number, capacity: number, used: number): InsufficientResource {
  return {
    resource,
    reason: insufficientReason(resource),
    requested,
    used,
    capacity,
    unresolvable: requested > capacity,
  };
}

/**
 * fits is fitsRequest: the pod slot first, then each requested resource against allocatable minus what bound
 * pods already request. Requests of 0 never fail; limits play no part in scheduling. It runs for every pod on
 * every node, hence plain comparisons and no allocation unless something is short.
 */
export function fits(request: Resources, nodeInfo: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (nodeInfo.pods.length + 1 > nodeInfo.allowedPodNumber) {
    out.push({
      resource: 'pods',
      reason: ERR_REASON_TOO_MANY_PODS,
      requested: 1,
      used: nodeInfo.pods.length,
      capacity: nodeInfo.allowedPodNumber,
      unresolvable: false,
    });
  }
  if (
    request.milliCPU === 0 &&
    request.memory === 0 &&
    request.ephemeralStorage === 0 &&
    request.scalar === undefined
  ) {
    return out;
  }
  if (request.milliCPU > 0 && request.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push(insufficient('cpu', request.milliCPU, alloc.milliCPU, used.milliCPU));
  }
  if (request.memory > 0 && request.memory > alloc.memory - used.memory) {
    out.push(insufficient('memory', request.memory, alloc.memory, used.memory));
  }
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push(
      insufficient('ephemeral-storage', request.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage),
    );
  }
  if (request.scalar !== undefined) {
    for (const name of Object.keys(request.scalar).sort()) {
      const req = request.scalar[name] ?? 0;
      const capacity = alloc.scalar?.[name] ?? 0;
      const inUse = used.scalar?.[name] ?? 0;
      if (req > 0 && req > capacity - inUse) out.push(insufficient(name, req, capacity, inUse));
    }
  }
  return out;
}

/** fitsQuickly answers fits(...).length === 0 without allocating, for the common case where the pod fits. */
function fitsQuickly(request: Resources, nodeInfo: NodeInfo): boolean {
  return (
    nodeInfo.pods.length + 1 <= nodeInfo.allowedPodNumber &&
    request.milliCPU <= nodeInfo.allocatableMilliCPU - nodeInfo.requestedMilliCPU &&
    request.memory <= nodeInfo.allocatableMemory - nodeInfo.requestedMemory &&
    request.ephemeralStorage <= nodeInfo.allocatableEphemeralStorage - nodeInfo.requestedEphemeralStorage &&
    request.scalar === undefined
  );
}

/** leastRequestedScore favours free room: (capacity − requested) × 100 / capacity, 0 when over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * leastAllocatedScore is the LeastAllocated strategy over cpu and memory (weight 1 each): requests here count
 * missing values as 100m / 200Mi (NonZeroRequested), so pods without requests still spread.
 */
export function leastAllocatedScore(podNonZero: Resources, nodeInfo: NodeInfo): number {
  let sum = 0;
  let weights = 0;
  if (nodeInfo.allocatableMilliCPU !== 0) {
    sum += leastRequestedScore(nodeInfo.nonZeroMilliCPU + podNonZero.milliCPU, nodeInfo.allocatableMilliCPU);
    weights++;
  }
  if (nodeInfo.allocatableMemory !== 0) {
    sum += leastRequestedScore(nodeInfo.nonZeroMemory + podNonZero.memory, nodeInfo.allocatableMemory);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

/**
 * createNodeResourcesFit builds the requests filter and the LeastAllocated score. A node is unresolvable for
 * the pod when one request exceeds its whole allocatable, otherwise merely unschedulable.
 */
export function createNodeResourcesFit(args: { weight?: number } = {}): FilterPlugin & ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 1,
    filter: (_cycle, pod, nodeInfo) => {
      if (fitsQuickly(pod.requests, nodeInfo)) return undefined;
      const short = fits(pod.requests, nodeInfo);
      if (short.length === 0) return undefined;
      const reasons = short.map((r) => r.reason);
      return short.some((r) => r.unresolvable) ? unresolvable(...reasons) : unschedulable(...reasons);
    },
    score: (_cycle, pod, nodeInfo) => leastAllocatedScore(pod.nonZeroRequests, nodeInfo),
  };
}
