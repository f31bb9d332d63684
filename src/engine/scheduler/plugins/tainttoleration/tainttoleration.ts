import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../../framework/interface.ts';
import { defaultNormalizeScore } from '../../framework/normalize.ts';
import { unresolvable } from '../../framework/status.ts';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../../framework/taints.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'TaintToleration';

/**
 * ERR_REASON_UNTOLERATED is the 1.35 filter reason. Up to 1.34.1 the text named the taint
 * ("node(s) had untolerated taint {key: value}"); 1.35 stopped, so reasons group across nodes.
 */
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

const preScoreKey = `PreScore${NAME}`;

/** fits is true when every NoSchedule and NoExecute taint is tolerated; PreferNoSchedule never blocks. */
export function fits(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined): boolean {
  return findUntoleratedTaint(taints, tolerations) === undefined;
}

/** countIntolerablePreferNoSchedule counts PreferNoSchedule taints the pod does not tolerate; fewer scores higher. */
export function countIntolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) n++;
  return n;
}

/** createTaintToleration builds the filter (NoSchedule/NoExecute) and the PreferNoSchedule score. */
export function createTaintToleration(args: { weight?: number } = {}): FilterPlugin & ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 3,
    filter: (_cycle, pod, nodeInfo) => {
      const taints = nodeInfo.taints;
      if (taints.length === 0) return undefined;
      return fits(taints, pod.pod.spec?.tolerations) ? undefined : unresolvable(ERR_REASON_UNTOLERATED);
    },
    preScore: (cycle, pod) => {
      // Only tolerations with an empty effect or PreferNoSchedule matter for scoring.
      const tolerations = (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      cycle.write(preScoreKey, tolerations);
      return undefined;
    },
    score: (cycle, _pod, nodeInfo) => {
      const taints = nodeInfo.taints;
      if (taints.length === 0) return 0;
      return countIntolerablePreferNoSchedule(taints, cycle.read<Toleration[]>(preScoreKey) ?? []);
    },
    normalize: (_cycle, _pod, scores) => defaultNormalizeScore(scores, true),
  };
}
