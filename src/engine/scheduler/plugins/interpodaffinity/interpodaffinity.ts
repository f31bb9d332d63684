import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../../framework/cache.ts';
import {
  MAX_NODE_SCORE,
  type Cloneable,
  type CycleState,
  type FilterPlugin,
  type ScorePlugin,
} from '../../framework/interface.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import {
  affinityTermMatches,
  type AffinityTerm,
  type PodInfo,
  type WeightedAffinityTerm,
} from '../../framework/pod-info.ts';
import { NOTHING, type Labels } from '../../framework/selectors.ts';
import { SKIP, unresolvable, unschedulable } from '../../framework/status.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'InterPodAffinity';

/** ERR_REASON_AFFINITY is the reason when the pod's required affinity finds no matching pod in the node's topology. */
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
/** ERR_REASON_ANTI_AFFINITY is the reason when the pod's required anti-affinity matches a pod in the node's topology. */
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
/** ERR_REASON_EXISTING_ANTI_AFFINITY is the reason when a pod already there has anti-affinity against this pod. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** HARD_POD_AFFINITY_WEIGHT is InterPodAffinityArgs.hardPodAffinityWeight: existing pods' required affinity as a preference. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

const preFilterKey = `PreFilter${NAME}`;
const preScoreKey = `PreScore${NAME}`;

/** TopologyCounts maps "key\u0000value" topology pairs to how many (anti-)affinity matches they hold. */
type TopologyCounts = Map<string, number>;

function pair(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function bump(m: TopologyCounts, labels: Readonly<Record<string, string>>, key: string, delta: number): void {
  const value = labels[key];
  if (value === undefined) return;
  const k = pair(key, value);
  const n = (m.get(k) ?? 0) + delta;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** podMatchesAllAffinityTerms is true when the pod matches every term (and there is at least one). */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: Pod): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!affinityTermMatches(t, pod, undefined)) return false;
  return true;
}

/**
 * mergeNamespaces is mergeAffinityTermNamespacesIfNotEmpty: a namespaceSelector on the incoming pod's term is
 * resolved once against the namespaces that exist, so later matching needs only namespace names.
 */
function mergeNamespaces(term: AffinityTerm, view: ClusterView): AffinityTerm {
  if (term.namespaceSelector.empty || term.namespaceSelector.nothing) return term;
  const namespaces = new Set(term.namespaces);
  for (const ns of view.namespaceNames()) {
    if (term.namespaceSelector.matches(view.namespaceLabels(ns))) namespaces.add(ns);
  }
  return { ...term, namespaces, namespaceSelector: NOTHING };
}

/** PreFilterState is the filter's per-cycle counts; preemption clones it per node it tries. */
export class PreFilterState implements Cloneable {
  constructor(
    readonly affinityTerms: AffinityTerm[],
    readonly antiAffinityTerms: AffinityTerm[],
    readonly namespaceLabels: Labels,
    readonly existingAntiAffinityCounts: TopologyCounts,
    readonly affinityCounts: TopologyCounts,
    readonly antiAffinityCounts: TopologyCounts,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(
      this.affinityTerms,
      this.antiAffinityTerms,
      this.namespaceLabels,
      new Map(this.existingAntiAffinityCounts),
      new Map(this.affinityCounts),
      new Map(this.antiAffinityCounts),
    );
  }

  /** updateWithPod is preFilterState.updateWithPod: account for a pod appearing on (+1) or leaving (−1) a node. */
  updateWithPod(incoming: Pod, other: PodInfo, labels: Readonly<Record<string, string>>, delta: number): void {
    for (const t of other.requiredAntiAffinityTerms) {
      if (affinityTermMatches(t, incoming, this.namespaceLabels))
        bump(this.existingAntiAffinityCounts, labels, t.topologyKey, delta);
    }
    if (podMatchesAllAffinityTerms(this.affinityTerms, other.pod)) {
      for (const t of this.affinityTerms) bump(this.affinityCounts, labels, t.topologyKey, delta);
    }
    for (const t of this.antiAffinityTerms) {
      if (affinityTermMatches(t, other.pod, undefined)) bump(this.antiAffinityCounts, labels, t.topologyKey, delta);
    }
  }
}

function computePreFilterState(view: ClusterView, pod: PodInfo): PreFilterState {
  const nsLabels = view.namespaceLabels(pod.namespace);
  const affinityTerms = pod.requiredAffinityTerms.map((t) => mergeNamespaces(t, view));
  const antiAffinityTerms = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(t, view));
  const existing: TopologyCounts = new Map();
  for (const ni of view.nodesWithRequiredAntiAffinity()) {
    if (ni.node === undefined) continue;
    for (const other of ni.podsWithRequiredAntiAffinity) {
      for (const t of other.requiredAntiAffinityTerms) {
        if (affinityTermMatches(t, pod.pod, nsLabels)) bump(existing, ni.labels, t.topologyKey, 1);
      }
    }
  }
  const affinity: TopologyCounts = new Map();
  const anti: TopologyCounts = new Map();
  if (affinityTerms.length > 0 || antiAffinityTerms.length > 0) {
    for (const ni of view.nodeInfos) {
      for (const other of ni.pods) {
        if (podMatchesAllAffinityTerms(affinityTerms, other.pod)) {
          for (const t of affinityTerms) bump(affinity, ni.labels, t.topologyKey, 1);
        }
        for (const t of antiAffinityTerms) {
          if (affinityTermMatches(t, other.pod, undefined)) bump(anti, ni.labels, t.topologyKey, 1);
        }
      }
    }
  }
  return new PreFilterState(affinityTerms, antiAffinityTerms, nsLabels, existing, affinity, anti);
}

/** satisfyExistingPodsAntiAffinity: no pod in any of the node's topologies has anti-affinity against the incoming pod. */
function satisfyExistingPodsAntiAffinity(s: PreFilterState, labels: Readonly<Record<string, string>>): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const key in labels)
    if ((s.existingAntiAffinityCounts.get(pair(key, labels[key] as string)) ?? 0) > 0) return false;
  return true;
}

/** satisfyPodAntiAffinity: none of the pod's anti-affinity terms finds a match in the node's topology. */
function satisfyPodAntiAffinity(s: PreFilterState, labels: Readonly<Record<string, string>>): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const t of s.antiAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

/**
 * satisfyPodAffinity: every affinity term finds a match in the node's topology, which must carry every topology
 * key. The first pod of a group with affinity to itself is let through when no pod matches anywhere yet.
 */
function satisfyPodAffinity(s: PreFilterState, pod: Pod, labels: Readonly<Record<string, string>>): boolean {
  let podsExist = true;
  for (const t of s.affinityTerms) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (!podsExist) return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(s.affinityTerms, pod);
  return true;
}

/** fits runs the three checks in the real order and returns the failing reason, or undefined when the node passes. */
export function fits(s: PreFilterState, pod: Pod, labels: Readonly<Record<string, string>>): string | undefined {
  if (!satisfyPodAffinity(s, pod, labels)) return ERR_REASON_AFFINITY;
  if (!satisfyPodAntiAffinity(s, labels)) return ERR_REASON_ANTI_AFFINITY;
  if (!satisfyExistingPodsAntiAffinity(s, labels)) return ERR_REASON_EXISTING_ANTI_AFFINITY;
  return undefined;
}

/** TopologyScore is scoreMap: topology key → value → summed weights. */
type TopologyScore = Map<string, Map<string, number>>;

function addScore(m: TopologyScore, key: string, value: string, delta: number): void {
  let values = m.get(key);
  if (values === undefined) {
    values = new Map();
    m.set(key, values);
  }
  values.set(value, (values.get(value) ?? 0) + delta);
}

function processTerms(
  m: TopologyScore,
  terms: readonly WeightedAffinityTerm[],
  pod: Pod,
  nsLabels: Labels,
  labels: Readonly<Record<string, string>>,
  sign: number,
): void {
  for (const w of terms) processTerm(m, w.term, w.weight, pod, nsLabels, labels, sign);
}

function processTerm(
  m: TopologyScore,
  term: AffinityTerm,
  weight: number,
  pod: Pod,
  nsLabels: Labels,
  labels: Readonly<Record<string, string>>,
  sign: number,
): void {
  if (!affinityTermMatches(term, pod, nsLabels)) return;
  const v = labels[term.topologyKey];
  if (v !== undefined) addScore(m, term.topologyKey, v, weight * sign);
}

/**
 * preScore is InterPodAffinity.PreScore: the incoming pod's preferred (anti-)affinity against existing pods,
 * plus existing pods' required affinity (weight 1) and preferred (anti-)affinity towards the incoming pod,
 * summed per topology value. Without preferred terms only nodes hosting pods with affinity are visited.
 */
function computeTopologyScore(view: ClusterView, pod: PodInfo): TopologyScore | undefined {
  const preferredAffinity = pod.preferredAffinityTerms.map((w) => ({ ...w, term: mergeNamespaces(w.term, view) }));
  const preferredAnti = pod.preferredAntiAffinityTerms.map((w) => ({ ...w, term: mergeNamespaces(w.term, view) }));
  const hasConstraints = preferredAffinity.length > 0 || preferredAnti.length > 0;
  const nsLabels = view.namespaceLabels(pod.namespace);
  const m: TopologyScore = new Map();
  const nodes: Iterable<NodeInfo> = hasConstraints ? view.nodeInfos : view.nodesWithPodAffinity();
  for (const ni of nodes) {
    if (ni.node === undefined) continue;
    const labels = ni.labels;
    if (Object.keys(labels).length === 0) continue;
    for (const other of hasConstraints ? ni.pods : ni.podsWithAffinity) {
      processTerms(m, preferredAffinity, other.pod, undefined, labels, 1);
      processTerms(m, preferredAnti, other.pod, undefined, labels, -1);
      for (const t of other.requiredAffinityTerms) {
        processTerm(m, t, HARD_POD_AFFINITY_WEIGHT, pod.pod, nsLabels, labels, 1);
      }
      processTerms(m, other.preferredAffinityTerms, pod.pod, nsLabels, labels, 1);
      processTerms(m, other.preferredAntiAffinityTerms, pod.pod, nsLabels, labels, -1);
    }
  }
  return m.size === 0 ? undefined : m;
}

function stateOf(cycle: CycleState): PreFilterState | undefined {
  return cycle.read<PreFilterState>(preFilterKey);
}

/**
 * createInterPodAffinity builds the pod (anti-)affinity filter and score. Failing the pod's own affinity is
 * unresolvable (evicting pods cannot create the pod it wants to join); anti-affinity clashes are unschedulable,
 * since evicting the clashing pod would help.
 */
export function createInterPodAffinity(args: { weight?: number } = {}): FilterPlugin & ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 2,
    preFilter: (cycle, pod) => {
      const s = computePreFilterState(cycle.cluster, pod);
      if (s.existingAntiAffinityCounts.size === 0 && s.affinityTerms.length === 0 && s.antiAffinityTerms.length === 0) {
        return SKIP;
      }
      cycle.write(preFilterKey, s);
      return undefined;
    },
    filter: (cycle, pod, nodeInfo) => {
      const s = stateOf(cycle) ?? computePreFilterState(cycle.cluster, pod);
      const reason = fits(s, pod.pod, nodeInfo.labels);
      if (reason === undefined) return undefined;
      return reason === ERR_REASON_AFFINITY ? unresolvable(reason) : unschedulable(reason);
    },
    addPod: (cycle, pod, podToAdd, nodeInfo) => stateOf(cycle)?.updateWithPod(pod.pod, podToAdd, nodeInfo.labels, 1),
    removePod: (cycle, pod, podToRemove, nodeInfo) =>
      stateOf(cycle)?.updateWithPod(pod.pod, podToRemove, nodeInfo.labels, -1),
    preScore: (cycle, pod) => {
      const m = computeTopologyScore(cycle.cluster, pod);
      if (m === undefined) return SKIP;
      cycle.write(preScoreKey, m);
      return undefined;
    },
    score: (cycle, _pod, nodeInfo) => {
      const m = cycle.read<TopologyScore>(preScoreKey);
      if (m === undefined) return 0;
      const labels = nodeInfo.labels;
      let score = 0;
      for (const [key, values] of m) {
        const v = labels[key];
        if (v !== undefined) score += values.get(v) ?? 0;
      }
      return score;
    },
    normalize: (cycle, _pod, scores) => {
      if (cycle.read<TopologyScore>(preScoreKey) === undefined) return;
      let min = Infinity;
      let max = -Infinity;
      for (const s of scores) {
        if (s > max) max = s;
        if (s < min) min = s;
      }
      const diff = max - min;
      for (let i = 0; i < scores.length; i++) {
        scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * (((scores[i] ?? 0) - min) / diff)) : 0;
      }
    },
  };
}
