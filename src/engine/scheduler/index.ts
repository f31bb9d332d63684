/**
 * The scheduler: a framework (cache, cycle, preemption, messages) and one folder per plugin. Import from here;
 * the folders behind it are free to move.
 */
export { countsOnNode, SchedulerCache, type ClusterView } from './framework/cache.ts';
export {
  CycleState,
  MAX_NODE_SCORE,
  type Cloneable,
  type FilterPlugin,
  type FilterVerdict,
  type NodeDecision,
  type Plugin,
  type PreFilterResult,
  type ScheduleResult,
  type ScorePlugin,
} from './framework/interface.ts';
export {
  fitErrorMessage,
  NO_NODES_AVAILABLE,
  NO_PREEMPTION_VICTIMS,
  PREEMPTION_NOT_HELPFUL,
  scheduledMessage,
  truncateMessage,
} from './framework/message.ts';
export { NodeInfo } from './framework/node-info.ts';
export { PodInfo, podKey } from './framework/pod-info.ts';
export { podRequests, type Resources } from './framework/resources.ts';
export {
  numFeasibleNodesToFind,
  scheduleOne,
  type Profile,
  type ScheduleOptions,
  type SchedulingState,
} from './framework/schedule.ts';
export { SKIP, unresolvable, unschedulable, type Code, type PluginStatus } from './framework/status.ts';
export { toleratesTaint, tolerationsTolerateTaint } from './framework/taints.ts';
export {
  DEFAULT_PROFILE,
  defaultProfile,
  IN_TREE_REGISTRY,
  schedulePod,
  Scheduler,
  type PluginArgs,
  type PluginFactory,
  type ProfileConfig,
} from './registry.ts';
