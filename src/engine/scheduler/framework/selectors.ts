import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';

/** Labels is a label map as it appears on objects; absent labels are an empty map. */
export type Labels = Readonly<Record<string, string>> | undefined;

/**
 * Selector is a compiled labels.Selector. Scheduling evaluates selectors millions of times at 5,000 nodes, so
 * each is compiled once into closures instead of being re-read from the spec. `empty` is labels.Selector.Empty
 * (a selector with no requirements, which matches everything); `nothing` is labels.Nothing (a nil selector).
 */
export interface Selector {
  readonly empty: boolean;
  readonly nothing: boolean;
  matches(labels: Labels): boolean;
}

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

export const EVERYTHING: Selector = Object.freeze({ empty: true, nothing: false, matches: () => true });
export const NOTHING: Selector = Object.freeze({ empty: false, nothing: true, matches: () => false });

const noLabels: Readonly<Record<string, string>> = Object.freeze({});

function has(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** parseInt64 reads a label or value for Gt/Lt the way strconv.ParseInt does (no decimals, no spaces). */
function parseInt64(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** isLabelValue is validation.IsValidLabelValue: at most 63 characters, alphanumeric at both ends. */
function isLabelValue(v: string): boolean {
  return v.length <= 63 && labelValuePattern.test(v);
}

/**
 * requirement compiles one key/operator/values triple (labels.NewRequirement); undefined marks it invalid —
 * an unknown operator, a missing value, or a value that is not a valid label value — and invalid terms match
 * nothing.
 */
function requirement(key: string, operator: string, values: readonly string[] | undefined): Requirement | undefined {
  const vals = values ?? [];
  if (key === '' || !vals.every(isLabelValue)) return undefined;
  switch (operator) {
    case 'In': {
      if (vals.length === 0) return undefined;
      if (vals.length === 1) {
        const only = vals[0];
        return (l) => has(l, key) && l[key] === only;
      }
      const set = new Set(vals);
      return (l) => has(l, key) && set.has(l[key] as string);
    }
    case 'NotIn': {
      if (vals.length === 0) return undefined;
      const set = new Set(vals);
      return (l) => !has(l, key) || !set.has(l[key] as string);
    }
    case 'Exists':
      return vals.length === 0 ? (l) => has(l, key) : undefined;
    case 'DoesNotExist':
      return vals.length === 0 ? (l) => !has(l, key) : undefined;
    case 'Gt':
    case 'Lt': {
      const bound = vals.length === 1 ? parseInt64(vals[0]) : undefined;
      if (bound === undefined) return undefined;
      return (l) => {
        const v = parseInt64(l[key]);
        return v !== undefined && (operator === 'Gt' ? v > bound : v < bound);
      };
    }
    default:
      return undefined;
  }
}

function fromRequirements(reqs: Requirement[]): Selector {
  if (reqs.length === 0) return EVERYTHING;
  if (reqs.length === 1) {
    const only = reqs[0] as Requirement;
    return { empty: false, nothing: false, matches: (labels) => only(labels ?? noLabels) };
  }
  return {
    empty: false,
    nothing: false,
    matches: (labels) => {
      const l = labels ?? noLabels;
      for (const r of reqs) if (!r(l)) return false;
      return true;
    },
  };
}

/**
 * compileLabelSelector is metav1.LabelSelectorAsSelector: a nil selector selects nothing, an empty one
 * everything. An invalid requirement (unknown operator, In without values) selects nothing, since the real
 * conversion fails and plugins then treat the term as unmatched.
 */
export function compileLabelSelector(selector: LabelSelector | null | undefined): Selector {
  if (selector === null || selector === undefined) return NOTHING;
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push((l) => has(l, key) && l[key] === value);
  }
  for (const expr of selector.matchExpressions ?? []) {
    if (expr.operator === 'Gt' || expr.operator === 'Lt') return NOTHING;
    const r = requirement(expr.key, expr.operator, expr.values);
    if (r === undefined) return NOTHING;
    reqs.push(r);
  }
  return fromRequirements(reqs);
}

/** selectorFromSet is labels.SelectorFromSet: every key must equal its value; an empty set matches everything. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  const entries = Object.entries(set ?? {});
  return fromRequirements(
    entries.map(
      ([key, value]) =>
        (l) =>
          has(l, key) && l[key] === value,
    ),
  );
}

/** andSelectors requires both; used to merge matchLabelKeys into a topology spread constraint's selector. */
export function andSelectors(a: Selector, b: Selector): Selector {
  if (a.nothing || b.nothing) return NOTHING;
  if (a.empty) return b;
  if (b.empty) return a;
  return { empty: false, nothing: false, matches: (labels) => a.matches(labels) && b.matches(labels) };
}

type NodeMatcher = (labels: Readonly<Record<string, string>>, name: string) => boolean;

function fieldRequirement(req: NodeSelectorRequirement): NodeMatcher | undefined {
  if (req.key !== 'metadata.name') return undefined;
  const values = req.values ?? [];
  if (values.length !== 1) return undefined;
  const only = values[0];
  if (req.operator === 'In') return (_l, name) => name === only;
  if (req.operator === 'NotIn') return (_l, name) => name !== only;
  return undefined;
}

/** compileNodeSelectorTerm ANDs a term's label expressions and metadata.name fields; invalid terms match nothing. */
function compileNodeSelectorTerm(term: NodeSelectorTerm): NodeMatcher | undefined {
  const labelReqs: Requirement[] = [];
  const fieldReqs: NodeMatcher[] = [];
  for (const expr of term.matchExpressions ?? []) {
    const r = requirement(expr.key, expr.operator, expr.values);
    if (r === undefined) return () => false;
    labelReqs.push(r);
  }
  for (const field of term.matchFields ?? []) {
    const f = fieldRequirement(field);
    if (f === undefined) return () => false;
    fieldReqs.push(f);
  }
  if (labelReqs.length === 0 && fieldReqs.length === 0) return undefined;
  return (labels, name) => {
    for (const r of labelReqs) if (!r(labels)) return false;
    for (const f of fieldReqs) if (!f(labels, name)) return false;
    return true;
  };
}

/**
 * NodeSelectorMatcher is component-helpers' nodeaffinity.NodeSelector: terms are ORed, a term's requirements
 * ANDed, and a term with no requirements matches no node (so `nodeSelectorTerms: [{}]` selects nothing).
 */
export class NodeSelectorMatcher {
  private readonly terms: NodeMatcher[];

  constructor(terms: readonly NodeSelectorTerm[]) {
    this.terms = [];
    for (const t of terms) {
      const m = compileNodeSelectorTerm(t);
      if (m !== undefined) this.terms.push(m);
    }
  }

  matches(node: Node): boolean {
    const labels = node.metadata?.labels ?? noLabels;
    const name = node.metadata?.name ?? '';
    for (const t of this.terms) if (t(labels, name)) return true;
    return false;
  }

  /** term compiles one preferred scheduling term, so NodeAffinity can score terms one by one; undefined if empty. */
  static term(term: NodeSelectorTerm): ((node: Node) => boolean) | undefined {
    const m = compileNodeSelectorTerm(term);
    if (m === undefined) return undefined;
    return (node) => m(node.metadata?.labels ?? noLabels, node.metadata?.name ?? '');
  }
}

/**
 * RequiredNodeAffinity is nodeaffinity.GetRequiredNodeAffinity: the pod's nodeSelector and its
 * requiredDuringSchedulingIgnoredDuringExecution terms, both of which must hold.
 */
export class RequiredNodeAffinity {
  private readonly selector: Selector | undefined;
  private readonly affinity: NodeSelectorMatcher | undefined;

  constructor(pod: Pod) {
    const nodeSelector = pod.spec?.nodeSelector;
    this.selector = nodeSelector === undefined ? undefined : selectorFromSet(nodeSelector);
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.affinity = required === undefined ? undefined : new NodeSelectorMatcher(required.nodeSelectorTerms ?? []);
  }

  /** isEmpty is true when the pod constrains nothing, so callers can skip the check entirely. */
  get isEmpty(): boolean {
    return this.selector === undefined && this.affinity === undefined;
  }

  matches(node: Node): boolean {
    if (this.selector !== undefined && !this.selector.matches(node.metadata?.labels)) return false;
    if (this.affinity !== undefined && !this.affinity.matches(node)) return false;
    return true;
  }
}
