import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/interface.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { Resources } from '../../framework/resources.ts';
import { SKIP } from '../../framework/status.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult (NodeResourcesBalancedAllocation). */
export const NAME = 'NodeResourcesBalancedAllocation';

/**
 * balancedResourceScorer is 100 × (1 − std) of the requested/allocatable fractions (each capped at 1); with
 * cpu and memory the std is simply |f1 − f2| / 2. A node whose cpu and memory fill evenly scores highest.
 */
export function balancedResourceScorer(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    const alloc = allocatable[i] ?? 0;
    if (alloc === 0) continue;
    const f = Math.min((requested[i] ?? 0) / alloc, 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2);
  } else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * score uses real requests (not the 100m/200Mi defaults) of the node's pods plus the incoming pod. With only
 * cpu and memory it is the two-fraction case of balancedResourceScorer, computed without allocating.
 */
export function score(podRequest: Resources, nodeInfo: NodeInfo): number {
  const allocCPU = nodeInfo.allocatableMilliCPU;
  const allocMem = nodeInfo.allocatableMemory;
  if (allocCPU === 0 || allocMem === 0) {
    return balancedResourceScorer(
      [nodeInfo.requestedMilliCPU + podRequest.milliCPU, nodeInfo.requestedMemory + podRequest.memory],
      [allocCPU, allocMem],
    );
  }
  const cpu = Math.min((nodeInfo.requestedMilliCPU + podRequest.milliCPU) / allocCPU, 1);
  const mem = Math.min((nodeInfo.requestedMemory + podRequest.memory) / allocMem, 1);
  return Math.trunc((1 - Math.abs((cpu - mem) / 2)) * MAX_NODE_SCORE);
}

/**
 * createBalancedAllocation builds the score that keeps cpu and memory usage even on a node. BestEffort pods
 * (no cpu or memory requests) skip it, so they do not all land on the same node (kubernetes#129138).
 */
export function createBalancedAllocation(args: { weight?: number } = {}): ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 1,
    preScore: (_cycle, pod) => (pod.requests.milliCPU === 0 && pod.requests.memory === 0 ? SKIP : undefined),
    score: (_cycle, pod, nodeInfo) => score(pod.requests, nodeInfo),
  };
}
