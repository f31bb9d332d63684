import type { PluginStatus } from './status.ts';

/** NO_NODES_AVAILABLE is ErrNoNodesAvailable, the event text when the cluster has no nodes at all. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** PREEMPTION_NOT_HELPFUL is the status preemption gives nodes it did not try (they failed unresolvably). */
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/** NO_PREEMPTION_VICTIMS is what preemption reports for a node without lower-priority pods to evict. */
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';

/** PREEMPTION_POLICY_NEVER is the PostFilter message for pods with preemptionPolicy: Never. */
export const PREEMPTION_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';

/** PREEMPTION_TERMINATING_POD is the PostFilter message while earlier victims on the nominated node still terminate. */
export const PREEMPTION_TERMINATING_POD = 'not eligible due to a terminating pod on the nominated node.';

/**
 * Diagnosis is framework.Diagnosis as the message needs it: the explicit status of every evaluated node, the
 * status shared by nodes never evaluated (absent), and the PreFilter and PostFilter messages.
 */
export interface Diagnosis {
  numAllNodes: number;
  statuses: readonly PluginStatus[];
  absentStatus?: PluginStatus;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

/**
 * fitErrorMessage is FitError.Error() in 1.35: "0/N nodes are available: <reasons>." where each reason is
 * counted across nodes, printed as "<count> <reason>", sorted as plain strings and joined with ", ", followed by
 * the PostFilter (preemption) message. A PreFilter rejection replaces the per-node reasons.
 */
export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const histogram = new Map<string, number>();
    for (const s of d.statuses) for (const r of s.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
    const absent = d.numAllNodes - d.statuses.length;
    if (absent > 0 && d.absentStatus) {
      for (const r of d.absentStatus.reasons) histogram.set(r, (histogram.get(r) ?? 0) + absent);
    }
    const parts = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(byteOrder);
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** byteOrder is Go's sort.Strings order (byte-wise), not a locale-aware one. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** scheduledMessage is the Normal `Scheduled` event text. */
export function scheduledMessage(pod: string, nodeName: string): string {
  return `Successfully assigned ${pod} to ${nodeName}`;
}

/** NOTE_LENGTH_LIMIT is validation.NoteLengthLimit, the longest message an Event may carry. */
export const NOTE_LENGTH_LIMIT = 1024;

/**
 * truncateMessage is what the scheduler does before recording FailedScheduling: messages over 1024 characters
 * end in " ..." (the PodScheduled condition keeps the full text).
 */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = ' ...';
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}
