import type { Pod } from 'kubernetes-types/core/v1';
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/interface.ts';
import type { NodeInfo } from '../../framework/node-info.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'ImageLocality';

const mb = 1024 * 1024;
/** MIN_THRESHOLD (23 MiB): below it an image's presence does not count, so tiny images don't pull pods together. */
export const MIN_THRESHOLD = 23 * mb;
/** MAX_CONTAINER_THRESHOLD (1000 MiB per container) is where the score saturates. */
export const MAX_CONTAINER_THRESHOLD = 1000 * mb;

/** normalizedImageName adds the implicit `:latest`, as the node reports full names. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** calculatePriority maps the summed image bytes onto [0, 100] between the two thresholds. */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  let s = sumScores;
  if (s < MIN_THRESHOLD) s = MIN_THRESHOLD;
  else if (s > maxThreshold) s = maxThreshold;
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/**
 * score sums, for every image of the pod already on the node, its size scaled by the share of nodes that have
 * it — an image present everywhere weighs fully, a rare one little, which avoids piling pods on one node.
 */
export function score(
  pod: Pod,
  nodeInfo: NodeInfo,
  imageNodeCount: (image: string) => number,
  totalNodes: number,
): number {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  if (containers.length === 0) return 0;
  let sum = 0;
  for (const c of containers) {
    if (c.image === undefined) continue;
    const name = normalizedImageName(c.image);
    const size = nodeInfo.imageSizes.get(name);
    if (size === undefined) continue;
    sum += Math.trunc(size * (imageNodeCount(name) / totalNodes));
  }
  return calculatePriority(sum, containers.length);
}

/** createImageLocality builds the score that favours nodes which already hold the pod's images. */
export function createImageLocality(args: { weight?: number } = {}): ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 1,
    score: (cycle, pod, nodeInfo) => {
      if (nodeInfo.imageSizes.size === 0) return 0;
      const view = cycle.cluster;
      return score(pod.pod, nodeInfo, (image) => view.imageNodeCount(image), view.nodeInfos.length);
    },
  };
}
