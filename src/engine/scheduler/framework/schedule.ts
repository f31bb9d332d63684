import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from './cache.ts';
import {
  CycleState,
  isPreFilterResult,
  type FilterPlugin,
  type NodeDecision,
  type ScheduleResult,
  type ScorePlugin,
} from './interface.ts';
import { fitErrorMessage, NO_NODES_AVAILABLE } from './message.ts';
import type { NodeInfo } from './node-info.ts';
import { PodInfo } from './pod-info.ts';
import { preempt, type NodeStatuses } from './preemption.ts';
import { runFilters, type FilterFailure } from './run-filters.ts';
import { statusMessage, unresolvable, type PluginStatus } from './status.ts';

/** Profile is a configured plugin set: filters in the order they run, scorers with their weights. */
export interface Profile {
  readonly filterPlugins: readonly FilterPlugin[];
  readonly scorePlugins: readonly ScorePlugin[];
}

/**
 * SchedulingState is what the scheduler carries from one cycle to the next: where the previous node walk
 * stopped. It is plain JSON so the cluster snapshot can keep it and a restored cluster schedules identically.
 */
export interface SchedulingState {
  nextStartNodeIndex: number;
}

/** ScheduleOptions are the inputs of a cycle besides the pod and the cluster: randomness, profile and carried state. */
export interface ScheduleOptions {
  /** random draws from the cluster's seeded generator; it breaks ties between equally scored nodes. */
  random(): number;
  /** profile defaults to the default-scheduler profile (see registry.ts). */
  profile?: Profile;
  /** state defaults to one kept per cache; pass your own to persist it. */
  state?: SchedulingState;
  /** percentageOfNodesToScore is the KubeSchedulerConfiguration field; 0 (the default) is the adaptive rule. */
  percentageOfNodesToScore?: number;
  /** preemption (DefaultPreemption) is on by default; it only computes victims, the caller evicts them. */
  preemption?: boolean;
}

/** MIN_FEASIBLE_NODES_TO_FIND below this many nodes every node is filtered and scored. */
const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND is the floor of the adaptive percentage. */
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind is the scheduler's early stop: in big clusters it stops filtering once enough
 * feasible nodes are found — all nodes below 100, otherwise max(5, 50 − n/125) percent and at least 100 nodes.
 * This is what keeps a cycle cheap at 5,000 nodes.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

const statesByView = new WeakMap<ClusterView, SchedulingState>();

function stateFor(view: ClusterView): SchedulingState {
  let s = statesByView.get(view);
  if (s === undefined) {
    s = { nextStartNodeIndex: 0 };
    statesByView.set(view, s);
  }
  return s;
}

function verdict(failure: FilterFailure): NonNullable<NodeDecision['filter']> {
  return { plugin: failure.plugin, code: failure.status.code, reasons: [...failure.status.reasons] };
}

/**
 * scheduleOne runs one scheduling cycle the way kube-scheduler does: PreFilter, Filter from where the last
 * cycle stopped until enough feasible nodes are found, PreScore/Score/NormalizeScore with weights, then the
 * highest total wins, ties broken with the seeded random. When no node fits it writes the FailedScheduling
 * message and, unless disabled, works out preemption. It does not bind: the caller sets spec.nodeName through
 * the API and feeds the update back to the cache.
 */
export function scheduleOne(
  pod: Pod,
  cluster: ClusterView,
  profile: Profile,
  options: ScheduleOptions,
): ScheduleResult {
  const state = options.state ?? stateFor(cluster);
  const podInfo = new PodInfo(pod);
  const result: ScheduleResult = { pod: podInfo.key, feasibleNodes: 0, evaluatedNodes: 0, perNode: [] };
  const allNodes = cluster.nodeInfos;
  if (allNodes.length === 0) {
    result.message = NO_NODES_AVAILABLE;
    return result;
  }
  const cycle = new CycleState(cluster, podInfo);

  // PreFilter: Skip drops a filter for this cycle, a rejection fails the pod on every node at once.
  const filters: FilterPlugin[] = [];
  let restriction: Set<string> | undefined;
  const restricting: string[] = [];
  for (const pl of profile.filterPlugins) {
    const r = pl.preFilter?.(cycle, podInfo);
    if (isPreFilterResult(r)) {
      restriction = restriction === undefined ? new Set(r.nodeNames) : intersect(restriction, r.nodeNames);
      restricting.push(pl.name);
      filters.push(pl);
    } else if (r === undefined || r.code === 'Success') {
      filters.push(pl);
    } else if (r.code === 'Error') {
      result.message = `running PreFilter plugin "${pl.name}": ${statusMessage(r)}`;
      return result;
    } else if (r.code !== 'Skip') {
      return failAtPreFilter(result, cycle, podInfo, filters, allNodes, pl.name, r, options);
    }
  }
  if (restriction !== undefined && restriction.size === 0) {
    const msg =
      restricting.length === 1
        ? `node(s) didn't satisfy plugin ${restricting[0]}`
        : `node(s) didn't satisfy plugin(s) [${restricting.join(' ')}] simultaneously`;
    return failAtPreFilter(
      result,
      cycle,
      podInfo,
      filters,
      allNodes,
      restricting.join(','),
      unresolvable(msg),
      options,
    );
  }

  // A node nominated by an earlier preemption is tried first; if it fits, it is taken without scoring.
  const nominated = pod.status?.nominatedNodeName ? cluster.nodeInfo(pod.status.nominatedNodeName) : undefined;
  if (nominated !== undefined && runFilters(filters, cycle, podInfo, nominated) === undefined) {
    result.nodeName = nominated.name;
    result.feasibleNodes = 1;
    result.evaluatedNodes = 1;
    result.perNode.push({ node: nominated.name });
    return result;
  }

  let nodes = allNodes;
  let absentStatus: PluginStatus | undefined;
  let absentPlugin = '';
  if (restriction !== undefined) {
    const only = restriction;
    nodes = allNodes.filter((n) => only.has(n.name));
    absentStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${[...restricting].sort().join(' ')}]`);
    absentPlugin = restricting.join(',');
  }

  // Filter, walking round-robin from where the previous cycle stopped, until enough nodes are feasible.
  const numToFind =
    profile.scorePlugins.length === 0 ? 1 : numFeasibleNodesToFind(options.percentageOfNodesToScore ?? 0, nodes.length);
  const feasible: NodeInfo[] = [];
  const feasibleDecisions: NodeDecision[] = [];
  const statuses: NodeStatuses = new Map();
  const len = nodes.length;
  const start = state.nextStartNodeIndex;
  let processed = 0;
  for (let i = 0; i < len; i++) {
    const ni = nodes[(start + i) % len] as NodeInfo;
    processed++;
    const failure = runFilters(filters, cycle, podInfo, ni);
    if (failure === undefined) {
      const decision: NodeDecision = { node: ni.name };
      result.perNode.push(decision);
      feasible.push(ni);
      feasibleDecisions.push(decision);
      if (feasible.length >= numToFind) break;
    } else if (failure.status.code === 'Error') {
      state.nextStartNodeIndex = (start + processed) % allNodes.length;
      result.message = `running "${failure.plugin}" filter plugin: ${statusMessage(failure.status)}`;
      return result;
    } else {
      statuses.set(ni.name, failure);
      result.perNode.push({ node: ni.name, filter: verdict(failure) });
    }
  }
  state.nextStartNodeIndex = (start + processed) % allNodes.length;
  if (absentStatus !== undefined) {
    const absent = { plugin: absentPlugin, status: absentStatus };
    for (const ni of allNodes)
      if (!restriction?.has(ni.name)) result.perNode.push({ node: ni.name, filter: verdict(absent) });
  }
  result.feasibleNodes = feasible.length;
  result.evaluatedNodes = feasible.length + statuses.size;

  if (feasible.length === 0) {
    const explicit = [...statuses.values()].map((f) => f.status);
    const outcome =
      options.preemption === false
        ? {}
        : preempt(cycle, podInfo, filters, allNodes, statuses, absentStatus, options.random);
    result.message = fitErrorMessage({
      numAllNodes: allNodes.length,
      statuses: explicit,
      ...(absentStatus && { absentStatus }),
      ...(outcome.postFilterMsg !== undefined && { postFilterMsg: outcome.postFilterMsg }),
    });
    if (outcome.nominatedNodeName !== undefined) {
      result.nominatedNodeName = outcome.nominatedNodeName;
      result.victims = (outcome.victims ?? []).map((v) => v.key);
    }
    return result;
  }

  // When only one node passes, it is used as is, without scoring.
  if (feasible.length === 1) {
    result.nodeName = (feasible[0] as NodeInfo).name;
    return result;
  }

  const totals = scoreNodes(cycle, podInfo, profile.scorePlugins, feasible, feasibleDecisions);
  result.nodeName = selectHost(feasible, totals, options.random);
  return result;
}

/**
 * scoreNodes runs PreScore, Score and NormalizeScore per plugin and sums the weighted scores. Each decision
 * records the normalized (unweighted) score per plugin and the weighted total.
 */
function scoreNodes(
  cycle: CycleState,
  pod: PodInfo,
  plugins: readonly ScorePlugin[],
  nodes: readonly NodeInfo[],
  decisions: readonly NodeDecision[],
): Float64Array {
  const n = nodes.length;
  const totals = new Float64Array(n);
  const perPlugin: { name: string; scores: number[] }[] = [];
  for (const pl of plugins) {
    const pre = pl.preScore?.(cycle, pod, nodes);
    if (pre !== undefined && pre.code !== 'Success') continue;
    const scores = new Array<number>(n);
    for (let i = 0; i < n; i++) scores[i] = pl.score(cycle, pod, nodes[i] as NodeInfo);
    pl.normalize?.(cycle, pod, scores, nodes);
    const w = pl.weight;
    for (let i = 0; i < n; i++) totals[i] = (totals[i] ?? 0) + (scores[i] ?? 0) * w;
    perPlugin.push({ name: pl.name, scores });
  }
  for (let i = 0; i < n; i++) {
    const record: Record<string, number> = {};
    for (const p of perPlugin) record[p.name] = p.scores[i] ?? 0;
    const d = decisions[i] as NodeDecision;
    d.scores = record;
    d.total = totals[i] ?? 0;
  }
  return totals;
}

/** selectHost picks the highest total; among equals each is equally likely (reservoir sampling, seeded). */
function selectHost(nodes: readonly NodeInfo[], totals: Float64Array, random: () => number): string {
  let best = 0;
  let bestScore = -Infinity;
  let ties = 0;
  for (let i = 0; i < nodes.length; i++) {
    const t = totals[i] ?? 0;
    if (t > bestScore) {
      best = i;
      bestScore = t;
      ties = 1;
    } else if (t === bestScore) {
      ties++;
      if (Math.floor(random() * ties) === 0) best = i;
    }
  }
  return (nodes[best] as NodeInfo).name;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

/**
 * failAtPreFilter reports a PreFilter rejection: every node shares the status, the message carries the
 * PreFilter text once instead of per node, and preemption still runs (and finds nothing to do when the
 * rejection is unresolvable).
 */
function failAtPreFilter(
  result: ScheduleResult,
  cycle: CycleState,
  pod: PodInfo,
  filters: readonly FilterPlugin[],
  allNodes: readonly NodeInfo[],
  plugin: string,
  status: PluginStatus,
  options: ScheduleOptions,
): ScheduleResult {
  for (const ni of allNodes) result.perNode.push({ node: ni.name, filter: verdict({ plugin, status }) });
  const outcome =
    options.preemption === false ? {} : preempt(cycle, pod, filters, allNodes, new Map(), status, options.random);
  result.message = fitErrorMessage({
    numAllNodes: allNodes.length,
    statuses: [],
    absentStatus: status,
    preFilterMsg: statusMessage(status),
    ...(outcome.postFilterMsg !== undefined && { postFilterMsg: outcome.postFilterMsg }),
  });
  return result;
}
