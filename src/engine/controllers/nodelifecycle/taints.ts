import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '../../scheduler/framework/taints.ts';

/** UNSCHEDULABLE_TAINT is the taint a cordoned node carries, so DaemonSets and the scheduler see cordon as a taint. */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/**
 * cordonTaints is doNoScheduleTaintingPass for spec.unschedulable: the taints a node should have, or
 * undefined when they are already right. A new taint gets timeAdded, as SwapNodeControllerTaint stamps it.
 */
export function cordonTaints(node: Node, now: string): Taint[] | undefined {
  const taints = node.spec?.taints ?? [];
  const has = taints.some((t) => t.key === UNSCHEDULABLE_TAINT_KEY && t.effect === 'NoSchedule');
  const wants = node.spec?.unschedulable === true;
  if (has === wants) return undefined;
  if (wants) return [...taints, { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', timeAdded: now }];
  return taints.filter((t) => !(t.key === UNSCHEDULABLE_TAINT_KEY && t.effect === 'NoSchedule'));
}

/** noExecuteTaints are the only taints the taint eviction controller acts on. */
export function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * EvictionDecision is what processPodOnNode decides for one pod: `cancel` (no NoExecute taint, or
 * tolerated forever), `now` (a taint is not tolerated), or `after` the shortest tolerationSeconds.
 */
export type EvictionDecision = { type: 'cancel' } | { type: 'now' } | { type: 'after'; ms: number };

/**
 * evictionDecision is processPodOnNode with getMinTolerationTime: every NoExecute taint must be
 * tolerated, and the pod stays for the smallest tolerationSeconds among the tolerations used
 * (none set means forever; zero or less means at once).
 */
export function evictionDecision(taints: readonly Taint[], tolerations: readonly Toleration[]): EvictionDecision {
  if (taints.length === 0) return { type: 'cancel' };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const matching = tolerations.filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return { type: 'now' };
    used.push(...matching);
  }
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined) continue;
    if (t.tolerationSeconds <= 0) return { type: 'now' };
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? { type: 'cancel' } : { type: 'after', ms: min * 1000 };
}
