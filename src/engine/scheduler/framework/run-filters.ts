import type { CycleState, FilterPlugin } from './interface.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { PluginStatus } from './status.ts';

/** FilterFailure is the first plugin that rejected a node, with its status. */
export interface FilterFailure {
  plugin: string;
  status: PluginStatus;
}

/** runFilters is RunFilterPlugins: plugins run in order and the first rejection decides the node. */
export function runFilters(
  filters: readonly FilterPlugin[],
  cycle: CycleState,
  pod: PodInfo,
  nodeInfo: NodeInfo,
): FilterFailure | undefined {
  for (const pl of filters) {
    const status = pl.filter(cycle, pod, nodeInfo);
    if (status !== undefined && status.code !== 'Success') return { plugin: pl.name, status };
  }
  return undefined;
}
