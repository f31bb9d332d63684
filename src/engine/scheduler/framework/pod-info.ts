import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { compileLabelSelector, NOTHING, type Labels, type Selector } from './selectors.ts';
import { podRequests, type Resources } from './resources.ts';

/**
 * AffinityTerm is fwk.AffinityTerm: a pod (anti-)affinity term with its selectors compiled. A term with neither
 * namespaces nor a namespaceSelector applies to the pod's own namespace.
 */
export interface AffinityTerm {
  namespaces: Set<string>;
  selector: Selector;
  topologyKey: string;
  namespaceSelector: Selector;
}

/** WeightedAffinityTerm is a preferred term with its weight (1–100). */
export interface WeightedAffinityTerm {
  term: AffinityTerm;
  weight: number;
}

/** HostPort is a container port bound on the node, the unit NodePorts checks for conflicts. */
export interface HostPort {
  hostIP: string;
  protocol: string;
  hostPort: number;
}

/** affinityTermMatches is AffinityTerm.Matches: namespace first (by name or by the namespace's labels), then labels. */
export function affinityTermMatches(term: AffinityTerm, pod: Pod, namespaceLabels: Labels): boolean {
  const ns = pod.metadata?.namespace ?? 'default';
  if (term.namespaces.has(ns) || term.namespaceSelector.matches(namespaceLabels)) {
    return term.selector.matches(pod.metadata?.labels);
  }
  return false;
}

function newAffinityTerm(pod: Pod, t: PodAffinityTerm): AffinityTerm {
  const ns = pod.metadata?.namespace ?? 'default';
  const namespaces = new Set<string>();
  if ((t.namespaces === undefined || t.namespaces.length === 0) && t.namespaceSelector == null) namespaces.add(ns);
  else for (const n of t.namespaces ?? []) namespaces.add(n);
  let selector = compileLabelSelector(t.labelSelector);
  // matchLabelKeys merges the incoming pod's own label values into the selector (KEP-3633).
  const keys = t.matchLabelKeys ?? [];
  const mismatch = t.mismatchLabelKeys ?? [];
  if ((keys.length > 0 || mismatch.length > 0) && t.labelSelector != null) {
    const labels = pod.metadata?.labels ?? {};
    const base = selector;
    const match = keys.filter((k) => k in labels);
    const differ = mismatch.filter((k) => k in labels);
    selector = {
      empty: false,
      nothing: base.nothing,
      matches: (l) =>
        base.matches(l) &&
        match.every((k) => l !== undefined && l[k] === labels[k]) &&
        differ.every((k) => l === undefined || l[k] !== labels[k]),
    };
  }
  return {
    namespaces,
    selector,
    topologyKey: t.topologyKey,
    namespaceSelector: t.namespaceSelector == null ? NOTHING : compileLabelSelector(t.namespaceSelector),
  };
}

function terms(pod: Pod, list: readonly PodAffinityTerm[] | undefined): AffinityTerm[] {
  return (list ?? []).map((t) => newAffinityTerm(pod, t));
}

function weightedTerms(pod: Pod, list: readonly WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (list ?? []).map((w) => ({ term: newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight }));
}

/** podKey is how the cache names pods: namespace/name. */
export function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

/**
 * PodInfo is framework.PodInfo: a pod with everything the plugins read on every node computed once — requests,
 * non-zero requests for scoring, parsed (anti-)affinity terms, host ports and priority.
 */
export class PodInfo {
  readonly key: string;
  readonly namespace: string;
  readonly priority: number;
  readonly requests: Resources;
  readonly nonZeroRequests: Resources;
  readonly requiredAffinityTerms: AffinityTerm[];
  readonly requiredAntiAffinityTerms: AffinityTerm[];
  readonly preferredAffinityTerms: WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: WeightedAffinityTerm[];
  readonly hostPorts: HostPort[];
  /** hasAffinity is podWithAffinity: any pod (anti-)affinity stanza, which InterPodAffinity scoring must visit. */
  readonly hasAffinity: boolean;

  constructor(readonly pod: Pod) {
    this.key = podKey(pod);
    this.namespace = pod.metadata?.namespace ?? 'default';
    this.priority = pod.spec?.priority ?? 0;
    this.requests = podRequests(pod, false);
    this.nonZeroRequests = podRequests(pod, true);
    const affinity = pod.spec?.affinity;
    this.requiredAffinityTerms = terms(pod, affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinityTerms = terms(
      pod,
      affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    );
    this.preferredAffinityTerms = weightedTerms(
      pod,
      affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    );
    this.preferredAntiAffinityTerms = weightedTerms(
      pod,
      affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    );
    this.hasAffinity = affinity?.podAffinity != null || affinity?.podAntiAffinity != null;
    this.hostPorts = hostPorts(pod);
  }
}

/**
 * hostPorts lists the ports a pod binds on its node (schedutil.GetHostPorts): app containers and sidecars,
 * only those with a hostPort, with hostIP defaulting to 0.0.0.0 and protocol to TCP.
 */
function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const containers = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
  ];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (p.hostPort === undefined || p.hostPort <= 0) continue;
      out.push({ hostIP: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', hostPort: p.hostPort });
    }
  }
  return out;
}
