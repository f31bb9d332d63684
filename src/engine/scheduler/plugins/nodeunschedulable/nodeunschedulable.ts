import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin } from '../../framework/interface.ts';
import { unresolvable } from '../../framework/status.ts';
import { tolerationsTolerateTaint } from '../../framework/taints.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'NodeUnschedulable';

/** ERR_REASON_UNSCHEDULABLE is the reason for a cordoned node (spec.unschedulable). */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** ERR_REASON_UNKNOWN_CONDITION is the reason when the node object is missing. */
export const ERR_REASON_UNKNOWN_CONDITION = 'node(s) had unknown conditions';

/** UNSCHEDULABLE_TAINT is the taint a cordoned node carries; tolerating it also lets a pod onto the cordoned node. */
export const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;

/** fits is true unless the node is cordoned and the pod does not tolerate node.kubernetes.io/unschedulable:NoSchedule. */
export function fits(pod: Pod, node: Node): boolean {
  if (!node.spec?.unschedulable) return true;
  return tolerationsTolerateTaint(pod.spec?.tolerations, UNSCHEDULABLE_TAINT);
}

/** createNodeUnschedulable builds the filter that keeps new pods off cordoned nodes (kubectl cordon / drain). */
export function createNodeUnschedulable(): FilterPlugin {
  return {
    name: NAME,
    filter: (_cycle, pod, nodeInfo) => {
      if (nodeInfo.node === undefined) return unresolvable(ERR_REASON_UNKNOWN_CONDITION);
      if (!nodeInfo.unschedulable) return undefined;
      return fits(pod.pod, nodeInfo.node) ? undefined : unresolvable(ERR_REASON_UNSCHEDULABLE);
    },
  };
}
