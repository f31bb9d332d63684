import type { AggregationRule, ClusterRole, PolicyRule, Role, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import { selectorMatches } from '../selectors.ts';
import type { ObjectStore } from '../store.ts';
import type { UserInfo } from '../types.ts';

/**
 * The rule resolver of pkg/registry/rbac/validation/rule.go: which rules a user holds in a
 * namespace, found by walking ClusterRoleBindings (everywhere) and then the namespace's
 * RoleBindings, each naming the binding that granted them (for SubjectAccessReview reasons).
 */
export const CLUSTER_ROLES = 'clusterroles.rbac.authorization.k8s.io';
export const CLUSTER_ROLE_BINDINGS = 'clusterrolebindings.rbac.authorization.k8s.io';
export const ROLES = 'roles.rbac.authorization.k8s.io';
export const ROLE_BINDINGS = 'rolebindings.rbac.authorization.k8s.io';

interface Binding {
  metadata: { name?: string; namespace?: string };
  roleRef: RoleRef;
  subjects?: Subject[];
}

/** RuleVisitor hears each rule with where it came from, or an error; returning false stops the walk. */
export type RuleVisitor = (
  source: string | undefined,
  rule: PolicyRule | undefined,
  error: string | undefined,
) => boolean;

/** serviceAccountUser is the username a ServiceAccount authenticates as. */
export function serviceAccountUser(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

function appliesTo(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return (user.groups ?? []).includes(subject.name);
    case 'ServiceAccount': {
      const saNamespace = subject.namespace || namespace;
      if (!saNamespace) return false;
      return user.username === serviceAccountUser(saNamespace, subject.name);
    }
    default:
      return false;
  }
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount')
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}

/**
 * aggregatedRules is what the clusterrole-aggregation controller would write into a ClusterRole
 * with an aggregationRule: the rules of every other ClusterRole its selectors match, in name order.
 */
export function aggregatedRules(store: ObjectStore, name: string, rule: AggregationRule): PolicyRule[] {
  const rules: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const selector of rule.clusterRoleSelectors ?? []) {
    for (const object of store.list(CLUSTER_ROLES)) {
      const role = object as unknown as ClusterRole;
      const roleName = role.metadata?.name ?? '';
      if (roleName === name || seen.has(roleName)) continue;
      if (!selectorMatches(selector, role.metadata?.labels)) continue;
      seen.add(roleName);
      for (const r of role.rules ?? []) {
        const key = JSON.stringify(r);
        if (!rules.some((existing) => JSON.stringify(existing) === key)) rules.push(r);
      }
    }
  }
  return rules;
}

/** roleRules resolves a roleRef, with the listers' NotFound text when the role is missing. */
function roleRules(store: ObjectStore, ref: RoleRef, namespace: string): PolicyRule[] | string {
  if (ref.kind === 'ClusterRole') {
    const role = store.get(CLUSTER_ROLES, '', ref.name) as unknown as ClusterRole | undefined;
    if (!role) return `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    if (role.aggregationRule) return aggregatedRules(store, ref.name, role.aggregationRule);
    return role.rules ?? [];
  }
  if (ref.kind === 'Role') {
    const role = store.get(ROLES, namespace, ref.name) as unknown as Role | undefined;
    if (!role) return `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    return role.rules ?? [];
  }
  return `unsupported role reference kind: ${JSON.stringify(ref.kind)}`;
}

/** visitRulesFor walks the rules a user holds in namespace ('' for cluster-scoped requests). */
export function visitRulesFor(store: ObjectStore, user: UserInfo, namespace: string, visitor: RuleVisitor): void {
  for (const object of store.list(CLUSTER_ROLE_BINDINGS)) {
    const binding = object as unknown as Binding;
    const index = (binding.subjects ?? []).findIndex((s) => appliesTo(user, s, ''));
    if (index < 0) continue;
    const rules = roleRules(store, binding.roleRef, '');
    if (typeof rules === 'string') {
      if (!visitor(undefined, undefined, rules)) return;
      continue;
    }
    const subject = (binding.subjects ?? [])[index] as Subject;
    const source = `ClusterRoleBinding ${JSON.stringify(binding.metadata.name ?? '')} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(subject, '')}`;
    for (const rule of rules) if (!visitor(source, rule, undefined)) return;
  }
  if (!namespace) return;
  for (const object of store.list(ROLE_BINDINGS, namespace)) {
    const binding = object as unknown as Binding;
    const index = (binding.subjects ?? []).findIndex((s) => appliesTo(user, s, namespace));
    if (index < 0) continue;
    const rules = roleRules(store, binding.roleRef, namespace);
    if (typeof rules === 'string') {
      if (!visitor(undefined, undefined, rules)) return;
      continue;
    }
    const subject = (binding.subjects ?? [])[index] as Subject;
    const source = `RoleBinding ${JSON.stringify(`${binding.metadata.name ?? ''}/${namespace}`)} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(subject, namespace)}`;
    for (const rule of rules) if (!visitor(source, rule, undefined)) return;
  }
}

/** rulesFor collects every rule a user holds in a namespace, and the errors met on the way. */
export function rulesFor(
  store: ObjectStore,
  user: UserInfo,
  namespace: string,
): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(store, user, namespace, (_source, rule, error) => {
    if (rule) rules.push(rule);
    if (error) errors.push(error);
    return true;
  });
  return { rules, errors };
}
