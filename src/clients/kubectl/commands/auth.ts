import { breakdownRule, combineResourceGroup } from '../describe/role.ts';
import type { KubeObject, ResourceRegistry } from '../../../engine/index.ts';
import { discover } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags } from '../flags.ts';
import { parseObjectOutput, printChanged, PRINT_FLAGS, templateOptions } from '../mutation.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import { dispatchSubcommand } from '../subcommands.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl auth can-i` and `kubectl auth whoami` (pkg/cmd/auth): the answers come from the API's
 * SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview, so `--as` shows what the
 * impersonated user may do; `--list` prints the rules as kubectl compacts and sorts them.
 */
const RESOURCE_VERBS = new Set([
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'use',
  'bind',
  'impersonate',
  '*',
  'approve',
  'sign',
  'escalate',
  'attest',
]);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

function warning(message: string): string {
  return `Warning: ${message}\n`;
}

/** resourceFor is CanIOptions.resourceFor: the group/resource a `TYPE` argument names, with its warning. */
function resourceFor(registry: ResourceRegistry, arg: string): { group: string; resource: string; warning: string } {
  if (arg === '*') return { group: '', resource: '*', warning: '' };
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const resource = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : '';
  const type = registry.resolve(lower);
  if (type) return { group: type.group, resource: type.plural, warning: '' };
  if (lower === 'users' || lower === 'groups') return { group: '', resource: arg, warning: '' };
  const message = group
    ? `the server doesn't have a resource type '${resource}' in group '${group}'\n`
    : `the server doesn't have a resource type '${resource}'\n`;
  return { group: '', resource: arg, warning: warning(message) };
}

function goList(values: string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** ruleString is PolicyRule.String(), which kubectl sorts the --list rows by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** compact is rbac.CompactRules: rules for one group/resource/name gather their verbs. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const rule of rules) {
    const isSimple =
      (rule.resourceNames ?? []).length <= 1 &&
      (rule.nonResourceURLs ?? []).length === 0 &&
      (rule.apiGroups ?? []).length === 1 &&
      (rule.resources ?? []).length === 1;
    if (!isSimple) {
      out.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? []]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...rule.verbs];
    else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...out, ...simple.values()];
}

async function canI(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'list', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
  ]);
  const list = flags.bool('list');
  const namespace = flags.bool('all-namespaces') ? '' : (flags.string('namespace') ?? ctx.namespace);
  if (list) {
    if (flags.positional.length !== 0) return fail('error: list option must be specified with no arguments');
    if (flags.bool('quiet') || flags.bool('all-namespaces') || flags.string('subresource'))
      return fail("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    const response = await ctx.client.request<{
      status?: { resourceRules?: Rule[]; nonResourceRules?: Rule[]; incomplete?: boolean; evaluationError?: string };
    }>({
      verb: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
      body: {
        kind: 'SelfSubjectRulesReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: {},
        spec: { namespace },
      },
    });
    const error = responseError(response);
    if (error) return { stdout: '', stderr: error, exitCode: 1 };
    const status = response.body.status ?? {};
    const stderr = status.incomplete ? warning(`the list may be incomplete: ${status.evaluationError ?? ''}`) : '';
    const rules = [
      ...(status.resourceRules ?? []).map((r) => ({
        verbs: r.verbs,
        apiGroups: r.apiGroups ?? [],
        resources: r.resources ?? [],
        ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
      })),
      ...(status.nonResourceRules ?? []).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] })),
    ];
    const compacted = compact(rules.flatMap(breakdownRule));
    const sorted = compacted
      .map((rule, index) => ({ rule, index, key: ruleString(rule) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
      .map((e) => e.rule);
    const writer = new TabWriter(3, 6);
    if (!flags.bool('no-headers')) writer.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    for (const r of sorted)
      writer.write(
        `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`,
      );
    return { stdout: writer.flush(), stderr, exitCode: 0 };
  }
  if (flags.positional.length !== 2)
    return fail(
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
    );
  const [verb = '', target = ''] = flags.positional;
  let stderr = '';
  let body: object;
  if (target.startsWith('/')) {
    if (flags.string('subresource')) return fail('error: --subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.has(verb)) stderr += warning(`verb '${verb}' is not a known verb\n`);
    body = { nonResourceAttributes: { verb, path: target } };
  } else {
    const registry = await discover(ctx.client);
    const slash = target.indexOf('/');
    const typeWord = slash >= 0 ? target.slice(0, slash) : target;
    const name = slash >= 0 ? target.slice(slash + 1) : '';
    const resolved = resourceFor(registry, typeWord);
    stderr += resolved.warning;
    if (!flags.bool('all-namespaces') && resolved.resource !== '*') {
      const type = registry.all().find((t) => t.group === resolved.group && t.plural === resolved.resource);
      if (type && !type.namespaced)
        stderr += warning(
          resolved.group
            ? `resource '${resolved.resource}' is not namespace scoped in group '${resolved.group}'\n`
            : `resource '${resolved.resource}' is not namespace scoped\n`,
        );
    }
    if (!RESOURCE_VERBS.has(verb)) stderr += warning(`verb '${verb}' is not a known verb\n`);
    body = {
      resourceAttributes: {
        ...(namespace ? { namespace } : {}),
        verb,
        ...(resolved.group ? { group: resolved.group } : {}),
        resource: resolved.resource,
        ...(flags.string('subresource') ? { subresource: flags.string('subresource') } : {}),
        ...(name ? { name } : {}),
      },
    };
  }
  if (flags.bool('no-headers'))
    return { stdout: '', stderr: `${stderr}error: --no-headers cannot be set without --list specified\n`, exitCode: 1 };
  const response = await ctx.client.request<{
    status?: { allowed?: boolean; reason?: string; evaluationError?: string };
  }>({
    verb: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec: body },
  });
  const error = responseError(response);
  if (error) return { stdout: '', stderr: stderr + error, exitCode: 1 };
  const status = response.body.status ?? {};
  let stdout = '';
  if (status.allowed) stdout = 'yes\n';
  else {
    stdout = 'no';
    if (status.reason) stdout += ` - ${status.reason}`;
    if (status.evaluationError) stdout += ` - ${status.evaluationError}`;
    stdout += '\n';
  }
  return { stdout: flags.bool('quiet') ? '' : stdout, stderr, exitCode: status.allowed ? 0 : 1 };
}

async function whoami(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, PRINT_FLAGS);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const response = await ctx.client.request<
    KubeObject & {
      status?: { userInfo?: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> } };
    }
  >({
    verb: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {} },
  });
  const error = responseError(response);
  if (error) return { stdout: '', stderr: error, exitCode: 1 };
  if (output.kind !== 'operation') {
    const registry = await discover(ctx.client);
    const type = registry.byKind('authentication.k8s.io/v1', 'SelfSubjectReview');
    if (!type) return fail('error: the server does not serve SelfSubjectReview');
    // kubectl decodes the answer into its typed SelfSubjectReview, so JSON keeps Go's field order.
    const info = response.body.status?.userInfo ?? {};
    const typed = {
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: response.body.metadata,
      status: {
        userInfo: {
          ...(info.username ? { username: info.username } : {}),
          ...(info.uid ? { uid: info.uid } : {}),
          ...(info.groups ? { groups: info.groups } : {}),
          ...(info.extra ? { extra: info.extra } : {}),
        },
      },
    } as KubeObject;
    const printed = printChanged(output, type, typed, '', 'none', true);
    return printed.ok
      ? { stdout: printed.text, stderr: '', exitCode: 0 }
      : { stdout: printed.stdout ?? '', stderr: printed.error, exitCode: 1 };
  }
  const info = response.body.status?.userInfo ?? {};
  const writer = new TabWriter(3, 6);
  writer.write('ATTRIBUTE\tVALUE\n');
  writer.write(`Username\t${info.username ?? ''}\n`);
  if (info.uid) writer.write(`UID\t${info.uid}\n`);
  if ((info.groups ?? []).length) writer.write(`Groups\t${goList(info.groups)}\n`);
  for (const key of Object.keys(info.extra ?? {}).sort()) writer.write(`Extra: ${key}\t${goList(info.extra?.[key])}\n`);
  return { stdout: writer.flush(), stderr: '', exitCode: 0 };
}

export const authCommand = dispatchSubcommand('auth', { 'can-i': canI, whoami });
