import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterResult, ScorePlugin } from '../../framework/interface.ts';
import { defaultNormalizeScore } from '../../framework/normalize.ts';
import { NodeSelectorMatcher, RequiredNodeAffinity } from '../../framework/selectors.ts';
import { SKIP, unresolvable, type PluginStatus } from '../../framework/status.ts';

/** NAME is the plugin's name in profiles and in ScheduleResult. */
export const NAME = 'NodeAffinity';

/** ERR_REASON_POD is the filter reason when nodeSelector or required node affinity does not match. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

/** ERR_REASON_CONFLICT is the PreFilter reason when every term pins metadata.name to disjoint sets of nodes. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const preFilterKey = `PreFilter${NAME}`;
const preScoreKey = `PreScore${NAME}`;

/** PreferredTerm is a compiled preferredDuringScheduling term with its weight. */
interface PreferredTerm {
  weight: number;
  matches: (node: Node) => boolean;
}

/** fits is the filter's rule: the pod's nodeSelector and required node affinity terms match the node. */
export function fits(pod: Pod, node: Node): boolean {
  return new RequiredNodeAffinity(pod).matches(node);
}

/**
 * nodeNamesFromTerms is PreFilter's shortcut: when every term pins metadata.name with In, only those nodes
 * can match, so the others need not be filtered. An empty result means the terms contradict each other.
 */
function nodeNamesFromTerms(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms.length === 0) return undefined;
  let union: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)));
    }
    // A term without a metadata.name restriction may match any node, since terms are ORed.
    if (termNames === undefined) return undefined;
    union = new Set([...(union ?? []), ...termNames]);
  }
  return union;
}

function preferredTerms(pod: Pod): PreferredTerm[] {
  const out: PreferredTerm[] = [];
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (p.weight === 0) continue;
    const matches = NodeSelectorMatcher.term(p.preference);
    if (matches !== undefined) out.push({ weight: p.weight, matches });
  }
  return out;
}

/** createNodeAffinity builds the nodeSelector / node affinity filter and the preferred-terms score. */
export function createNodeAffinity(args: { weight?: number } = {}): FilterPlugin & ScorePlugin {
  return {
    name: NAME,
    weight: args.weight ?? 2,
    preFilter: (cycle, pod): PluginStatus | PreFilterResult | undefined => {
      const required = new RequiredNodeAffinity(pod.pod);
      if (required.isEmpty) return SKIP;
      cycle.write(preFilterKey, required);
      const names = nodeNamesFromTerms(pod.pod);
      if (names === undefined) return undefined;
      if (names.size === 0) return unresolvable(ERR_REASON_CONFLICT);
      return { nodeNames: names };
    },
    filter: (cycle, pod, nodeInfo) => {
      const required = cycle.read<RequiredNodeAffinity>(preFilterKey) ?? new RequiredNodeAffinity(pod.pod);
      return nodeInfo.node !== undefined && required.matches(nodeInfo.node) ? undefined : unresolvable(ERR_REASON_POD);
    },
    preScore: (cycle, pod) => {
      const terms = preferredTerms(pod.pod);
      if (pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution === undefined) {
        return SKIP;
      }
      cycle.write(preScoreKey, terms);
      return undefined;
    },
    score: (cycle, _pod, nodeInfo) => {
      const node = nodeInfo.node;
      if (node === undefined) return 0;
      let count = 0;
      for (const t of cycle.read<PreferredTerm[]>(preScoreKey) ?? []) if (t.matches(node)) count += t.weight;
      return count;
    },
    normalize: (_cycle, _pod, scores) => defaultNormalizeScore(scores, false),
  };
}
