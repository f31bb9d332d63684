import type { FilterPlugin } from '../../framework/interface.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { HostPort } from '../../framework/pod-info.ts';
import { SKIP, unschedulable } from '../../framework/status.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'NodePorts';

/** ERR_REASON is the filter reason when a requested hostPort is taken on the node. */
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

/** fits is true when none of the wanted host ports conflicts with a port already bound on the node. */
export function fits(wanted: readonly HostPort[], nodeInfo: NodeInfo): boolean {
  for (const hp of wanted) if (nodeInfo.portConflict(hp)) return false;
  return true;
}

/**
 * createNodePorts builds the hostPort filter. A clash is Unschedulable rather than unresolvable: evicting the
 * pod holding the port would free it, so preemption may help.
 */
export function createNodePorts(): FilterPlugin {
  return {
    name: NAME,
    preFilter: (_cycle, pod) => (pod.hostPorts.length === 0 ? SKIP : undefined),
    filter: (_cycle, pod, nodeInfo) => (fits(pod.hostPorts, nodeInfo) ? undefined : unschedulable(ERR_REASON)),
  };
}
