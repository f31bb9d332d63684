/**
 * `kubectl create role NAME --verb=… --resource=…` (create_role.go). Resources are resolved through
 * discovery the way kubectl's REST mapper does (short names, singulars, group prefixes), which is
 * why even a client dry run asks the server.
 */
import type { ResourceRegistry } from '../../../../engine/index.ts';
import { discover } from '../../discovery.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate, type CreateOptions } from './options.ts';
import { apiVersion, objectMeta, ROLE } from './types.ts';

/** VALID_RESOURCE_VERBS are the verbs kubectl knows; others only earn a warning. */
export const VALID_RESOURCE_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];

/** SPECIAL_VERBS only apply to these group/resources. */
const SPECIAL_VERBS: Record<string, { group: string; resource: string }[]> = {
  use: [
    { group: 'policy', resource: 'podsecuritypolicies' },
    { group: 'extensions', resource: 'podsecuritypolicies' },
  ],
  bind: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  escalate: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  impersonate: [
    { group: '', resource: 'users' },
    { group: '', resource: 'serviceaccounts' },
    { group: '', resource: 'groups' },
    { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

export interface ResourceOption {
  group: string;
  resource: string;
  subresource: string;
}

/** RuleInput is what role and clusterrole collect before building rules. */
export interface RuleInput {
  verbs: string[];
  resources: ResourceOption[];
  resourceNames: string[];
}

export const ROLE_FLAGS = [
  { name: 'verb', type: 'strings' as const },
  { name: 'resource', type: 'strings' as const },
];

/** completeRules is the rule part of CreateRoleOptions.Complete: verbs and names deduplicated, `*` wins. */
export function completeRules(o: CreateOptions, resourceNames: string[]): RuleInput {
  let verbs: string[] = [];
  for (const v of o.flags.strings('verb')) {
    if (v === '*') {
      verbs = ['*'];
      break;
    }
    if (!verbs.includes(v)) verbs.push(v);
  }
  let resources: ResourceOption[] = [];
  for (const r of o.flags.strings('resource')) {
    const slash = r.indexOf('/');
    const head = slash >= 0 ? r.slice(0, slash) : r;
    const subresource = slash >= 0 ? r.slice(slash + 1) : '';
    const dot = head.indexOf('.');
    const resource: ResourceOption = {
      resource: dot >= 0 ? head.slice(0, dot) : head,
      group: dot >= 0 ? head.slice(dot + 1) : '',
      subresource,
    };
    if (resource.resource === '*' && dot < 0 && slash < 0) {
      resources = [resource];
      break;
    }
    resources.push(resource);
  }
  return { verbs, resources, resourceNames: [...new Set(resourceNames)] };
}

type Mapped = { ok: true; group: string; resource: string } | { ok: false; error: string };

/** resourceFor is the REST mapper's ResourceFor behind kubectl's shortcut expander. */
export function resourceFor(registry: ResourceRegistry, input: { group: string; resource: string }): Mapped {
  const all = registry.all();
  let { group, resource } = { group: input.group, resource: input.resource.toLowerCase() };
  const exact = all.some(
    (t) => (group === '' || t.group === group) && (t.plural === resource || t.singular === resource),
  );
  if (!exact) {
    const short =
      all.find((t) => (group === '' || t.group === group) && t.shortNames.includes(resource)) ??
      (group === '' ? undefined : all.find((t) => t.group.startsWith(group) && t.shortNames.includes(resource)));
    if (short) [group, resource] = [short.group, short.plural];
  }
  const matches = (t: (typeof all)[number]) => t.plural === resource || t.singular === resource;
  let found = all.filter((t) => (group === '' || t.group === group) && matches(t));
  if (found.length === 0 && group !== '') found = all.filter((t) => t.group.startsWith(group) && matches(t));
  const match = found[0];
  if (!match) {
    return {
      ok: false,
      error: group
        ? `the server doesn't have a resource type "${resource}" in group "${group}"\n`
        : `the server doesn't have a resource type "${resource}"\n`,
    };
  }
  return { ok: true, group: match.group, resource: match.plural };
}

/** validateResources is CreateRoleOptions.validateResource: special verbs, then unknown resources. */
export function validateResources(registry: ResourceRegistry, input: RuleInput): string | undefined {
  for (const r of input.resources) {
    if (r.resource === '') return 'error: resource must be specified if apiGroup/subresource specified\n';
    if (r.resource === '*') return undefined;
    const mapped = resourceFor(registry, r);
    const resolved = mapped.ok
      ? { group: mapped.group, resource: mapped.resource }
      : { group: r.group, resource: r.resource };
    for (const verb of input.verbs) {
      const allowed = SPECIAL_VERBS[verb];
      if (allowed && !allowed.some((a) => a.group === resolved.group && a.resource === resolved.resource)) {
        return `error: can not perform '${verb}' on '${resolved.resource}' in group '${resolved.group}'\n`;
      }
    }
    if (!mapped.ok && !input.verbs.some((v) => SPECIAL_VERBS[v])) return mapped.error;
  }
  return undefined;
}

/** policyRules is generateResourcePolicyRules: one rule per API group, groups sorted, then the URLs. */
export function policyRules(
  registry: ResourceRegistry,
  input: RuleInput,
  nonResourceURLs: string[],
): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const r of input.resources) {
    const mapped = resourceFor(registry, r);
    const group = mapped.ok ? mapped.group : r.group;
    let resource = mapped.ok ? mapped.resource : r.resource;
    if (r.subresource) resource = `${resource}/${r.subresource}`;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((group) => ({
    verbs: input.verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    ...(input.resourceNames.length ? { resourceNames: input.resourceNames } : {}),
  }));
  if (nonResourceURLs.length) rules.push({ verbs: input.verbs, nonResourceURLs });
  return rules;
}

/** verbWarnings are the `Warning: 'x' is not a standard resource verb` lines. */
export function verbWarnings(verbs: string[]): string[] {
  return verbs
    .filter((v) => !VALID_RESOURCE_VERBS.includes(v))
    .map((v) => `Warning: '${v}' is not a standard resource verb\n`);
}

export async function createRole(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, { path: 'create role', flags: ROLE_FLAGS, arrayFlags: ['resource-name'] });
  if (!done.ok) return done.result;
  const o = done.options;
  const input = completeRules(o, done.arrays.get('resource-name') ?? []);
  if (input.verbs.length === 0) return fail('error: at least one verb must be specified\n');
  o.warnings.push(...verbWarnings(input.verbs));
  if (input.resources.length === 0)
    return fail(`${o.warnings.join('')}error: at least one resource must be specified\n`);
  const registry = await discover(ctx.client);
  const invalid = validateResources(registry, input);
  if (invalid) return fail(`${o.warnings.join('')}${invalid}`);
  const role = {
    kind: 'Role',
    apiVersion: apiVersion(ROLE),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined),
    rules: policyRules(registry, input, []),
  };
  return finishCreate(ctx, o, ROLE, role, 'raw');
}
