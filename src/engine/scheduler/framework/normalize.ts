import { MAX_NODE_SCORE } from './interface.ts';

/**
 * defaultNormalizeScore is helper.DefaultNormalizeScore: scale so the best node gets 100, with integer division
 * as in Go; `reverse` turns "fewer is better" counts (untolerated PreferNoSchedule taints) around. When every
 * score is 0 the scores stay 0, or all become 100 when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean, maxPriority = MAX_NODE_SCORE): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let score = Math.trunc((maxPriority * (scores[i] ?? 0)) / maxCount);
    if (reverse) score = maxPriority - score;
    scores[i] = score;
  }
}
