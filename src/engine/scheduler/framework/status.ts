/**
 * Code is a plugin's verdict, the same codes as the real framework's Status (k8s.io/kube-scheduler/framework):
 *
 * - `Success` — the node passes. Plugins normally return no status at all instead; no status means success.
 * - `Unschedulable` — the pod does not fit on this node now, but evicting lower-priority pods might make room,
 *   so preemption will look at the node.
 * - `UnschedulableAndUnresolvable` — nothing done to the pods on this node helps (a taint, a label, a node too
 *   small); preemption skips the node and counts it as "Preemption is not helpful for scheduling".
 * - `Error` — an internal failure; the cycle is abandoned and the pod is retried later.
 * - `Skip` — returned by preFilter or preScore: the plugin has nothing to say about this pod, so its filter or
 *   score is not run in this cycle (a fast path that also keeps results identical to the real scheduler's).
 */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

/** PluginStatus is a non-success answer with the reasons shown in FailedScheduling events. */
export interface PluginStatus {
  readonly code: Code;
  readonly reasons: readonly string[];
}

/** unschedulable rejects a node in a way preemption may still fix. */
export function unschedulable(...reasons: string[]): PluginStatus {
  return { code: 'Unschedulable', reasons };
}

/** unresolvable rejects a node in a way no preemption can fix. */
export function unresolvable(...reasons: string[]): PluginStatus {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** SKIP is the shared Skip status; it carries no reasons. */
export const SKIP: PluginStatus = Object.freeze({ code: 'Skip', reasons: [] });

/** statusError reports an internal failure in the real framework's shape (code Error, message as reason). */
export function statusError(message: string): PluginStatus {
  return { code: 'Error', reasons: [message] };
}

/** isRejected is Status.IsRejected: the two unschedulable codes, the ones that describe a node, not a bug. */
export function isRejected(status: PluginStatus | undefined): boolean {
  return status?.code === 'Unschedulable' || status?.code === 'UnschedulableAndUnresolvable';
}

/** isSuccess treats a missing status as success, as the framework does. */
export function isSuccess(status: PluginStatus | undefined): boolean {
  return status === undefined || status.code === 'Success';
}

/** statusMessage is Status.Message: the reasons joined with ", ". */
export function statusMessage(status: PluginStatus): string {
  return status.reasons.join(', ');
}
