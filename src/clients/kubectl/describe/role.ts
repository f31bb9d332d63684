import type { PolicyRule, Role } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, L1, goStringList, printAnnotationsMultiline, printLabelsMultiline, stableSort } from './common.ts';
import { registerDescriber } from './registry.ts';

/**
 * describeRole is RoleDescriber (and ClusterRoleDescriber): rules are broken down to one verb each, then
 * compacted back per group/resource/name (rbac.BreakdownRule, rbac.CompactRules) and sorted by their Go
 * String(), which is why `kubectl describe role` lists verbs in a different shape from the YAML.
 */
export function describeRole(object: KubeObject, w: DescribeWriter): void {
  const role = object as unknown as Role;
  const rules = compactRules((role.rules ?? []).flatMap(breakdownRule));
  const sorted = stableSort(rules, (a, b) => {
    const x = ruleString(a);
    const y = ruleString(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  w.line(L0, `Name:\t${role.metadata?.name ?? ''}`);
  printLabelsMultiline(w, 'Labels', role.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
  w.line(L0, 'PolicyRule:');
  w.line(L1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs');
  w.line(L1, '---------\t-----------------\t--------------\t-----');
  for (const r of sorted)
    w.line(
      L1,
      `${combineResourceGroup(r.resources, r.apiGroups)}\t${goStringList(r.nonResourceURLs)}\t${goStringList(r.resourceNames)}\t${goStringList(r.verbs)}`,
    );
}

/** breakdownRule is rbac.BreakdownRule: one rule per group × resource × verb (× name). */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs) {
        if ((rule.resourceNames ?? []).length > 0)
          for (const name of rule.resourceNames ?? [])
            out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
  for (const url of rule.nonResourceURLs ?? [])
    for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** compactRules is rbac.CompactRules: simple rules for the same group, resource and name share one verb list. */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple =
      (rule.resourceNames ?? []).length <= 1 &&
      (rule.nonResourceURLs ?? []).length === 0 &&
      (rule.apiGroups ?? []).length === 1 &&
      (rule.resources ?? []).length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups?.[0], rule.resources?.[0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing) {
      for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
    } else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** ruleString is the generated PolicyRule.String(), the sort key kubectl uses. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goStringList(r.verbs)},APIGroups:${goStringList(r.apiGroups)},Resources:${goStringList(r.resources)},ResourceNames:${goStringList(r.resourceNames)},NonResourceURLs:${goStringList(r.nonResourceURLs)},}`;
}

/** combineResourceGroup is CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
export function combineResourceGroup(
  resources: readonly string[] | undefined,
  groups: readonly string[] | undefined,
): string {
  const first = resources?.[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let combined = slash >= 0 ? first.slice(0, slash) : first;
  const group = groups?.[0];
  if (group) combined += `.${group}`;
  if (slash >= 0) combined += `/${first.slice(slash + 1)}`;
  return combined;
}

registerDescriber('Role', describeRole, 'rbac.authorization.k8s.io');
