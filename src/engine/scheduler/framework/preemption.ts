import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin } from './interface.ts';
import {
  fitErrorMessage,
  NO_PREEMPTION_VICTIMS,
  PREEMPTION_NOT_HELPFUL,
  PREEMPTION_POLICY_NEVER,
  PREEMPTION_TERMINATING_POD,
} from './message.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { runFilters, type FilterFailure } from './run-filters.ts';
import { unresolvable, type PluginStatus } from './status.ts';

/** NodeStatuses are the explicit filter failures of a cycle, by node name (framework.NodeToStatus). */
export type NodeStatuses = Map<string, FilterFailure>;

/** PreemptionOutcome is PostFilter's answer: a message when preemption cannot help, or a node and its victims. */
export interface PreemptionOutcome {
  postFilterMsg?: string;
  nominatedNodeName?: string;
  victims?: PodInfo[];
}

/** MIN_CANDIDATE_NODES_PERCENTAGE and MIN_CANDIDATE_NODES_ABSOLUTE are DefaultPreemptionArgs' defaults. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** calculateNumCandidates bounds how many nodes with victims the dry run collects before choosing. */
function calculateNumCandidates(numNodes: number): number {
  let n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  if (n < MIN_CANDIDATE_NODES_ABSOLUTE) n = MIN_CANDIDATE_NODES_ABSOLUTE;
  return n > numNodes ? numNodes : n;
}

/** startTime is GetPodStartTime: a pod that has not started counts as starting now, i.e. after all others. */
function startTime(pod: Pod): number {
  const t = pod.status?.startTime;
  const ms = t === undefined ? NaN : Date.parse(t);
  return Number.isNaN(ms) ? Infinity : ms;
}

/** moreImportant is util.MoreImportantPod: higher priority first, then the pod that started earlier. */
function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return startTime(a.pod) - startTime(b.pod);
}

/** terminatingByPreemption is true for a pod this scheduler is already evicting (DisruptionTarget condition). */
function terminatingByPreemption(pod: Pod): boolean {
  if (!pod.metadata?.deletionTimestamp) return false;
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/**
 * preempt is DefaultPreemption's PostFilter (pkg/scheduler/framework/preemption): only nodes that failed with
 * Unschedulable are tried; on each, every lower-priority pod is removed, and if the pod then fits, the most
 * important ones are put back while it still fits. The rest are the victims. Messages for the no-victims case
 * are the real ones: "No preemption victims found for incoming pod" for nodes tried without lower-priority
 * pods, "Preemption is not helpful for scheduling" for the nodes not tried at all.
 */
export function preempt(
  cycle: CycleState,
  pod: PodInfo,
  filters: readonly FilterPlugin[],
  allNodes: readonly NodeInfo[],
  statuses: NodeStatuses,
  absentStatus: PluginStatus | undefined,
  random: () => number,
): PreemptionOutcome {
  const statusOf = (name: string): PluginStatus | undefined => statuses.get(name)?.status ?? absentStatus;

  // PodEligibleToPreemptOthers.
  if (pod.pod.spec?.preemptionPolicy === 'Never') return { postFilterMsg: `preemption: ${PREEMPTION_POLICY_NEVER}` };
  const nominatedName = pod.pod.status?.nominatedNodeName;
  if (nominatedName && statusOf(nominatedName)?.code !== 'UnschedulableAndUnresolvable') {
    const nominated = cycle.cluster.nodeInfo(nominatedName);
    for (const p of nominated?.pods ?? []) {
      if (p.priority < pod.priority && terminatingByPreemption(p.pod)) {
        return { postFilterMsg: `preemption: ${PREEMPTION_TERMINATING_POD}` };
      }
    }
  }

  const notHelpful = unresolvable(PREEMPTION_NOT_HELPFUL);
  const potential = allNodes.filter((n) => statusOf(n.name)?.code === 'Unschedulable');
  const dryRunStatuses: PluginStatus[] = [];
  const candidates: { node: NodeInfo; victims: PodInfo[] }[] = [];
  if (potential.length > 0) {
    const offset = Math.floor(random() * potential.length);
    const wanted = calculateNumCandidates(potential.length);
    for (let i = 0; i < potential.length; i++) {
      const ni = potential[(offset + i) % potential.length] as NodeInfo;
      const r = selectVictimsOnNode(cycle.clone(), pod, filters, ni);
      if ('victims' in r) {
        candidates.push({ node: ni, victims: r.victims });
        if (candidates.length >= wanted) break;
      } else {
        dryRunStatuses.push(r.status);
      }
    }
  }
  if (candidates.length === 0) {
    const inner = fitErrorMessage({ numAllNodes: allNodes.length, statuses: dryRunStatuses, absentStatus: notHelpful });
    return { postFilterMsg: `preemption: ${inner}` };
  }
  const best = pickOneNodeForPreemption(candidates);
  return { nominatedNodeName: best.node.name, victims: best.victims };
}

/**
 * selectVictimsOnNode is DefaultPreemption.SelectVictimsOnNode without PodDisruptionBudgets: the smallest set
 * of lower-priority pods whose eviction lets the pod fit, most important victims first.
 */
export function selectVictimsOnNode(
  cycle: CycleState,
  pod: PodInfo,
  filters: readonly FilterPlugin[],
  original: NodeInfo,
): { victims: PodInfo[] } | { status: PluginStatus } {
  const nodeInfo = original.clone();
  const potential = nodeInfo.pods.filter((p) => p.priority < pod.priority);
  const remove = (p: PodInfo) => {
    nodeInfo.removePod(p.key);
    for (const pl of filters) pl.removePod?.(cycle, pod, p, nodeInfo);
  };
  const add = (p: PodInfo) => {
    nodeInfo.addPod(p);
    for (const pl of filters) pl.addPod?.(cycle, pod, p, nodeInfo);
  };
  for (const p of potential) remove(p);
  if (potential.length === 0) return { status: unresolvable(NO_PREEMPTION_VICTIMS) };
  const withoutAll = runFilters(filters, cycle, pod, nodeInfo);
  if (withoutAll !== undefined) return { status: withoutAll.status };
  potential.sort(moreImportant);
  const victims: PodInfo[] = [];
  for (const p of potential) {
    add(p);
    if (runFilters(filters, cycle, pod, nodeInfo) !== undefined) {
      remove(p);
      victims.push(p);
    }
  }
  if (victims.length === 0)
    return { status: { code: 'Error', reasons: [`expected at least one victim pod on node "${original.name}"`] } };
  return { victims };
}

/**
 * pickOneNodeForPreemption applies the real tie-breakers in order: lowest highest-priority victim, lowest sum of
 * priorities, fewest victims, latest start of the highest-priority victims, then the first candidate.
 */
function pickOneNodeForPreemption<T extends { victims: PodInfo[] }>(candidates: T[]): T {
  const scoreFns: ((c: T) => number)[] = [
    (c) => -(c.victims[0]?.priority ?? 0),
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfHighestPriority(c.victims),
  ];
  let pool = candidates;
  for (const f of scoreFns) {
    let max = -Infinity;
    let selected: T[] = [];
    for (const c of pool) {
      const s = f(c);
      if (s > max) {
        max = s;
        selected = [c];
      } else if (s === max) {
        selected.push(c);
      }
    }
    if (selected.length === 1) return selected[0] as T;
    pool = selected;
  }
  return pool[0] as T;
}

/** earliestStartOfHighestPriority is GetEarliestPodStartTime: among the highest-priority victims, the earliest start. */
function earliestStartOfHighestPriority(victims: readonly PodInfo[]): number {
  let maxPriority = -Infinity;
  let earliest = Infinity;
  for (const v of victims) {
    const t = startTime(v.pod);
    if (v.priority > maxPriority) {
      maxPriority = v.priority;
      earliest = t;
    } else if (v.priority === maxPriority && t < earliest) {
      earliest = t;
    }
  }
  return earliest;
}
