import type { ClusterView } from './cache.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Code, PluginStatus } from './status.ts';

/** MAX_NODE_SCORE is fwk.MaxNodeScore: every score plugin's normalized result lies in [0, 100]. */
export const MAX_NODE_SCORE = 100;

/**
 * CycleState is the real framework's CycleState: data one scheduling cycle computes once (in preFilter or
 * preScore) and reads on every node. Plugins key it by their own name so they never collide.
 */
export class CycleState {
  private readonly data = new Map<string, unknown>();

  constructor(
    readonly cluster: ClusterView,
    readonly pod: PodInfo,
  ) {}

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  /**
   * clone is CycleState.Clone: preemption tries each node on its own copy, so state that addPod/removePod
   * change must implement Cloneable; everything else is shared.
   */
  clone(): CycleState {
    const copy = new CycleState(this.cluster, this.pod);
    for (const [key, value] of this.data) copy.data.set(key, isCloneable(value) ? value.clone() : value);
    return copy;
  }
}

/** Cloneable is StateData: per-cycle state that preemption's what-if runs modify. */
export interface Cloneable {
  clone(): unknown;
}

function isCloneable(v: unknown): v is Cloneable {
  return typeof v === 'object' && v !== null && typeof (v as { clone?: unknown }).clone === 'function';
}

/**
 * PreFilterResult narrows the nodes worth filtering (NodeAffinity's matchFields on metadata.name). Nodes left out
 * are reported as "node(s) didn't satisfy plugin(s) [NodeAffinity]" without being filtered.
 */
export interface PreFilterResult {
  readonly nodeNames: ReadonlySet<string>;
}

export interface Plugin {
  readonly name: string;
}

/**
 * FilterPlugin decides whether a pod may run on a node. `preFilter` computes per-pod state once per cycle and
 * may return Skip (nothing to check for this pod), a rejection (no node can pass), or a node-name restriction.
 * `addPod`/`removePod` are PreFilterExtensions: they keep that state right while preemption tries a node
 * without some of its pods.
 */
export interface FilterPlugin extends Plugin {
  preFilter?(cycle: CycleState, pod: PodInfo): PluginStatus | PreFilterResult | undefined;
  filter(cycle: CycleState, pod: PodInfo, nodeInfo: NodeInfo): PluginStatus | undefined;
  addPod?(cycle: CycleState, pod: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): void;
  removePod?(cycle: CycleState, pod: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): void;
}

/**
 * ScorePlugin ranks the feasible nodes. `score` gives a raw number per node; `normalize` rescales the scores of
 * all nodes in place (aligned with `nodes`) to [0, MAX_NODE_SCORE]; the framework multiplies by `weight` and sums.
 * `preScore` may return Skip, in which case the plugin contributes nothing this cycle.
 */
export interface ScorePlugin extends Plugin {
  readonly weight: number;
  preScore?(cycle: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PluginStatus | undefined;
  score(cycle: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number;
  normalize?(cycle: CycleState, pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void;
}

/** isPreFilterResult tells a node-name restriction apart from a status. */
export function isPreFilterResult(v: PluginStatus | PreFilterResult | undefined): v is PreFilterResult {
  return v !== undefined && 'nodeNames' in v;
}

/** FilterVerdict is a node's rejection as the UI shows it: which plugin, with which code, and why. */
export interface FilterVerdict {
  plugin: string;
  code: Code;
  reasons: string[];
}

/** NodeDecision is one node's part in a cycle: why it was rejected, or its scores (normalized, unweighted) and total. */
export interface NodeDecision {
  node: string;
  filter?: FilterVerdict;
  scores?: Record<string, number>;
  total?: number;
}

/**
 * ScheduleResult keeps every decision of one cycle, so the UI can answer "why is this pod Pending?" and "why
 * here?". `message` is the FailedScheduling event text exactly as kube-scheduler 1.35 writes it. When preemption
 * found room, `nominatedNodeName` and `victims` (namespace/name, most important first) say whom to evict.
 */
export interface ScheduleResult {
  pod: string;
  nodeName?: string;
  feasibleNodes: number;
  evaluatedNodes: number;
  perNode: NodeDecision[];
  message?: string;
  nominatedNodeName?: string;
  victims?: string[];
}
