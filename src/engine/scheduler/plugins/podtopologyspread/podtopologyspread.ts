import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../../framework/cache.ts';
import {
  MAX_NODE_SCORE,
  type Cloneable,
  type CycleState,
  type FilterPlugin,
  type ScorePlugin,
} from '../../framework/interface.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import {
  andSelectors,
  compileLabelSelector,
  RequiredNodeAffinity,
  selectorFromSet,
  type Selector,
} from '../../framework/selectors.ts';
import { SKIP, unresolvable, unschedulable } from '../../framework/status.ts';
import { findUntoleratedTaint } from '../../framework/taints.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'PodTopologySpread';

/** ERR_REASON_CONSTRAINTS_NOT_MATCH is the reason when placing the pod would exceed maxSkew. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ERR_REASON_NODE_LABEL_NOT_MATCH is the reason when the node lacks a constraint's topologyKey label. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';
const preFilterKey = `PreFilter${NAME}`;
const preScoreKey = `PreScore${NAME}`;

/** Constraint is topologySpreadConstraint: a constraint with its selector compiled and policies defaulted. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/**
 * constraintsFor is filterTopologySpreadConstraints: the pod's constraints for one whenUnsatisfiable action.
 * matchLabelKeys adds the pod's own values to the selector; minDomains defaults to 1, nodeAffinityPolicy to
 * Honor and nodeTaintsPolicy to Ignore. Cluster-level default constraints (which need Services and
 * ReplicaSets to derive a selector) are not applied.
 */
export function constraintsFor(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = [];
  const podLabels = pod.metadata?.labels ?? {};
  for (const c of (pod.spec?.topologySpreadConstraints ?? []) as TopologySpreadConstraint[]) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = compileLabelSelector(c.labelSelector);
    const keys = (c.matchLabelKeys ?? []).filter((k) => k in podLabels);
    if (keys.length > 0)
      selector = andSelectors(
        selectorFromSet(Object.fromEntries(keys.map((k) => [k, podLabels[k] as string]))),
        selector,
      );
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    });
  }
  return out;
}

/** nodeLabelsMatchSpreadConstraints is true when the node carries every constraint's topology key. */
function nodeLabelsMatchSpreadConstraints(
  labels: Readonly<Record<string, string>>,
  constraints: readonly Constraint[],
): boolean {
  for (const c of constraints) if (labels[c.topologyKey] === undefined) return false;
  return true;
}

/** matchNodeInclusionPolicies decides whether a node's pods count for a constraint (nodeAffinityPolicy, nodeTaintsPolicy). */
function matchNodeInclusionPolicies(c: Constraint, pod: Pod, node: Node, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.matches(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations) !== undefined)
    return false;
  return true;
}

/** countPodsMatchSelector counts same-namespace, non-terminating pods matching; an empty selector counts nothing. */
export function countPodsMatchSelector(pods: readonly PodInfo[], selector: Selector, namespace: string): number {
  if (selector.empty) return 0;
  let n = 0;
  for (const p of pods) {
    if (p.pod.metadata?.deletionTimestamp || p.namespace !== namespace) continue;
    if (selector.matches(p.pod.metadata?.labels)) n++;
  }
  return n;
}

/** CriticalPaths keeps the two smallest match counts of a topology key; [0] is always the global minimum. */
class CriticalPaths {
  constructor(
    public paths: [{ value: string; num: number }, { value: string; num: number }] = [
      { value: '', num: 2 ** 31 - 1 },
      { value: '', num: 2 ** 31 - 1 },
    ],
  ) {}

  clone(): CriticalPaths {
    return new CriticalPaths([{ ...this.paths[0] }, { ...this.paths[1] }]);
  }

  update(value: string, num: number): void {
    const p = this.paths;
    const existing = value === p[0].value ? p[0] : value === p[1].value ? p[1] : undefined;
    if (existing !== undefined) {
      existing.num = num;
      if (p[0].num > p[1].num) this.paths = [p[1], p[0]];
    } else if (num < p[0].num) {
      this.paths = [{ value, num }, p[0]];
    } else if (num < p[1].num) {
      p[1] = { value, num };
    }
  }
}

/** PreFilterState is the filter's per-cycle state: matching pods per topology pair and the minimum per key. */
export class PreFilterState implements Cloneable {
  constructor(
    readonly constraints: Constraint[],
    readonly required: RequiredNodeAffinity,
    readonly matchNum: Map<string, number>,
    readonly criticalPaths: Map<string, CriticalPaths>,
    readonly domainsNum: Map<string, number>,
  ) {}

  clone(): PreFilterState {
    const paths = new Map([...this.criticalPaths].map(([k, v]) => [k, v.clone()]));
    return new PreFilterState(this.constraints, this.required, new Map(this.matchNum), paths, this.domainsNum);
  }

  /** minMatchNum is the global minimum, taken as 0 while fewer than minDomains domains exist. */
  minMatchNum(c: Constraint): number {
    const min = this.criticalPaths.get(c.topologyKey)?.paths[0].num ?? 0;
    return (this.domainsNum.get(c.topologyKey) ?? 0) < c.minDomains ? 0 : min;
  }

  updateWithPod(preemptor: Pod, updated: PodInfo, node: Node | undefined, delta: number): void {
    if (node === undefined || updated.namespace !== (preemptor.metadata?.namespace ?? 'default')) return;
    const labels = node.metadata?.labels ?? {};
    if (!nodeLabelsMatchSpreadConstraints(labels, this.constraints)) return;
    for (const c of this.constraints) {
      if (!c.selector.matches(updated.pod.metadata?.labels)) continue;
      if (!matchNodeInclusionPolicies(c, preemptor, node, this.required)) continue;
      const value = labels[c.topologyKey] as string;
      const k = pairKey(c.topologyKey, value);
      const n = (this.matchNum.get(k) ?? 0) + delta;
      this.matchNum.set(k, n);
      this.criticalPaths.get(c.topologyKey)?.update(value, n);
    }
  }
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** calPreFilterState counts matching pods per eligible topology domain across all nodes (calPreFilterState). */
function calPreFilterState(view: ClusterView, pod: PodInfo, constraints: Constraint[]): PreFilterState {
  const required = new RequiredNodeAffinity(pod.pod);
  const matchNum = new Map<string, number>();
  for (const ni of view.nodeInfos) {
    const node = ni.node;
    if (node === undefined || !nodeLabelsMatchSpreadConstraints(ni.labels, constraints)) continue;
    for (const c of constraints) {
      if (!matchNodeInclusionPolicies(c, pod.pod, node, required)) continue;
      const k = pairKey(c.topologyKey, ni.labels[c.topologyKey] as string);
      matchNum.set(k, (matchNum.get(k) ?? 0) + countPodsMatchSelector(ni.pods, c.selector, pod.namespace));
    }
  }
  const domainsNum = new Map<string, number>();
  const criticalPaths = new Map<string, CriticalPaths>();
  for (const c of constraints) criticalPaths.set(c.topologyKey, new CriticalPaths());
  for (const [k, num] of matchNum) {
    const [key, value] = k.split('\u0000') as [string, string];
    domainsNum.set(key, (domainsNum.get(key) ?? 0) + 1);
    criticalPaths.get(key)?.update(value, num);
  }
  return new PreFilterState(constraints, required, matchNum, criticalPaths, domainsNum);
}

/**
 * fits is the filter's rule for one node: it must carry every topology key, and for each constraint
 * 'matching pods in the node's domain' + 'the pod itself if it matches' − 'global minimum' ≤ maxSkew.
 */
export function fits(s: PreFilterState, pod: Pod, labels: Readonly<Record<string, string>>): string | undefined {
  for (const c of s.constraints) {
    const value = labels[c.topologyKey];
    if (value === undefined) return ERR_REASON_NODE_LABEL_NOT_MATCH;
    const selfMatch = c.selector.matches(pod.metadata?.labels) ? 1 : 0;
    const matchNum = s.matchNum.get(pairKey(c.topologyKey, value)) ?? 0;
    if (matchNum + selfMatch - s.minMatchNum(c) > c.maxSkew) return ERR_REASON_CONSTRAINTS_NOT_MATCH;
  }
  return undefined;
}

/** PreScoreState holds the soft constraints, ignored nodes and pod counts per topology value. */
interface PreScoreState {
  constraints: Constraint[];
  ignored: Set<string>;
  counts: Map<string, number>[];
  weights: number[];
}

/** topologyNormalizingWeight is log(size + 2), so counts in small topologies weigh as much as in big ones. */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** scoreForCount is cnt × weight + (maxSkew − 1): a larger maxSkew waters down differences between domains. */
export function scoreForCount(cnt: number, maxSkew: number, weight: number): number {
  return cnt * weight + (maxSkew - 1);
}

function preScore(view: ClusterView, pod: PodInfo, filtered: readonly NodeInfo[]): PreScoreState | undefined {
  const constraints = constraintsFor(pod.pod, 'ScheduleAnyway');
  if (constraints.length === 0 || view.nodeInfos.length === 0) return undefined;
  const ignored = new Set<string>();
  const counts = constraints.map(() => new Map<string, number>());
  const sizes = constraints.map(() => 0);
  for (const ni of filtered) {
    if (!nodeLabelsMatchSpreadConstraints(ni.labels, constraints)) {
      ignored.add(ni.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME) return;
      const m = counts[i] as Map<string, number>;
      const value = ni.labels[c.topologyKey] as string;
      if (!m.has(value)) {
        m.set(value, 0);
        sizes[i] = (sizes[i] ?? 0) + 1;
      }
    });
  }
  const weights = constraints.map((c, i) =>
    topologyNormalizingWeight(c.topologyKey === HOSTNAME ? filtered.length - ignored.size : (sizes[i] ?? 0)),
  );
  const required = new RequiredNodeAffinity(pod.pod);
  for (const ni of view.nodeInfos) {
    const node = ni.node;
    if (node === undefined || !nodeLabelsMatchSpreadConstraints(ni.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pod.pod, node, required)) return;
      const m = counts[i] as Map<string, number>;
      const value = ni.labels[c.topologyKey] as string;
      const current = m.get(value);
      if (current === undefined) return;
      m.set(value, current + countPodsMatchSelector(ni.pods, c.selector, pod.namespace));
    });
  }
  return { constraints, ignored, counts, weights };
}

/**
 * createPodTopologySpread builds the spread filter (whenUnsatisfiable: DoNotSchedule) and score
 * (ScheduleAnyway). A node without the topology label is unresolvable; an excessive skew is unschedulable.
 */
export function createPodTopologySpread(args: { weight?: number } = {}): FilterPlugin & ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 2,
    preFilter: (cycle, pod) => {
      const constraints = constraintsFor(pod.pod, 'DoNotSchedule');
      if (constraints.length === 0) return SKIP;
      cycle.write(preFilterKey, calPreFilterState(cycle.cluster, pod, constraints));
      return undefined;
    },
    filter: (cycle, pod, nodeInfo) => {
      const s = cycle.read<PreFilterState>(preFilterKey);
      if (s === undefined) return undefined;
      const reason = fits(s, pod.pod, nodeInfo.labels);
      if (reason === undefined) return undefined;
      return reason === ERR_REASON_NODE_LABEL_NOT_MATCH ? unresolvable(reason) : unschedulable(reason);
    },
    addPod: (cycle: CycleState, pod, podToAdd, nodeInfo) =>
      cycle.read<PreFilterState>(preFilterKey)?.updateWithPod(pod.pod, podToAdd, nodeInfo.node, 1),
    removePod: (cycle: CycleState, pod, podToRemove, nodeInfo) =>
      cycle.read<PreFilterState>(preFilterKey)?.updateWithPod(pod.pod, podToRemove, nodeInfo.node, -1),
    preScore: (cycle, pod, nodes) => {
      const s = preScore(cycle.cluster, pod, nodes);
      if (s === undefined) return SKIP;
      cycle.write(preScoreKey, s);
      return undefined;
    },
    score: (cycle, pod, nodeInfo) => {
      const s = cycle.read<PreScoreState>(preScoreKey);
      if (s === undefined || s.ignored.has(nodeInfo.name)) return 0;
      let score = 0;
      s.constraints.forEach((c, i) => {
        const value = nodeInfo.labels[c.topologyKey];
        if (value === undefined) return;
        const cnt =
          c.topologyKey === HOSTNAME
            ? countPodsMatchSelector(nodeInfo.pods, c.selector, pod.namespace)
            : (s.counts[i]?.get(value) ?? 0);
        score += scoreForCount(cnt, c.maxSkew, s.weights[i] ?? 0);
      });
      return Math.round(score);
    },
    normalize: (cycle, _pod, scores, nodes) => {
      const s = cycle.read<PreScoreState>(preScoreKey);
      if (s === undefined) return;
      let min = Infinity;
      let max = 0;
      nodes.forEach((ni, i) => {
        if (s.ignored.has(ni.name)) return;
        const v = scores[i] ?? 0;
        if (v < min) min = v;
        if (v > max) max = v;
      });
      nodes.forEach((ni, i) => {
        if (s.ignored.has(ni.name)) scores[i] = 0;
        else if (max === 0) scores[i] = MAX_NODE_SCORE;
        else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] ?? 0))) / max);
      });
    },
  };
}
