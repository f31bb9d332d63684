import type { PolicyRule } from 'kubernetes-types/rbac/v1';

/**
 * The rule matching of pkg/apis/rbac/v1/evaluation_helpers.go: a rule allows a request when its
 * verb, API group, resource (as `resource/subresource`) and name all match; `*` matches all.
 */
export interface RequestAttributes {
  verb: string;
  /** resource requests carry a resource; non-resource requests (`/healthz`) carry a path. */
  resourceRequest: boolean;
  apiGroup: string;
  resource: string;
  subresource: string;
  name: string;
  namespace: string;
  path: string;
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === group);
}

/**
 * resourceMatches compares `pods/log` as a whole: `pods` does not match it, `*\/log` does (when the
 * request has that subresource), and `*` matches everything.
 */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const resource of rule.resources ?? []) {
    if (resource === '*' || resource === combined) return true;
    if (subresource === '') continue;
    if (resource.length === subresource.length + 2 && resource.startsWith('*/') && resource.endsWith(subresource))
      return true;
  }
  return false;
}

/** resourceNameMatches: no names match all; a non-empty list never matches a request without a name. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  if (names.length === 0) return true;
  return names.includes(name);
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs ?? []) {
    if (url === '*' || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))) return true;
  }
  return false;
}

export function ruleAllows(request: RequestAttributes, rule: PolicyRule): boolean {
  if (request.resourceRequest) {
    const combined = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
    return (
      verbMatches(rule, request.verb) &&
      apiGroupMatches(rule, request.apiGroup) &&
      resourceMatches(rule, combined, request.subresource) &&
      resourceNameMatches(rule, request.name)
    );
  }
  return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
}
