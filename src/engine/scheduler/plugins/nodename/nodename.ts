import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin } from '../../framework/interface.ts';
import { SKIP, unresolvable } from '../../framework/status.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult (names.NodeName). */
export const NAME = 'NodeName';

/** ERR_REASON is the filter reason when spec.nodeName names another node. */
export const ERR_REASON = "node(s) didn't match the requested node name";

/** fits is true when the pod names no node or names this one. */
export function fits(pod: Pod, node: Node): boolean {
  const wanted = pod.spec?.nodeName;
  return !wanted || wanted === node.metadata?.name;
}

/**
 * createNodeName builds the NodeName filter. Pods that name no node skip it in preFilter; a pod that already
 * names a node is normally bound without the scheduler, so in practice this only explains odd cases.
 */
export function createNodeName(): FilterPlugin {
  return {
    name: NAME,
    preFilter: (_cycle, pod) => (pod.pod.spec?.nodeName ? undefined : SKIP),
    filter: (_cycle, pod, nodeInfo) =>
      nodeInfo.node !== undefined && fits(pod.pod, nodeInfo.node) ? undefined : unresolvable(ERR_REASON),
  };
}
