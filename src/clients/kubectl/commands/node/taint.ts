import { objectPath, type KubeObject, type ResourceType } from '../../../../engine/index.ts';
import { buildInfos } from '../../builder.ts';
import { discover } from '../../discovery.ts';
import { aggregateErrors, responseError } from '../../errors.ts';
import { parseFlags, type FlagSpec } from '../../flags.ts';
import {
  DRY_RUN_FLAG,
  parseDryRun,
  parseObjectOutput,
  printChanged,
  PRINT_FLAGS,
  templateOptions,
} from '../../mutation.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';

/**
 * `kubectl taint` (pkg/cmd/taint): `key=value:Effect` adds, `key:Effect-` or `key-` removes, and
 * the node is reported `tainted`, `untainted` or `modified` as reorganizeTaints decides.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  DRY_RUN_FLAG,
];

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const USAGE_HINT = "\nSee 'kubectl taint -h' for help and examples";

/** qualifiedNameErrors is validation.IsQualifiedName: an optional DNS-subdomain prefix and a name. */
function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.length > 2)
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  const errors: string[] = [];
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  if (name.length > 0 && !NAME.test(name)) errors.push(NAME_MESSAGE);
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(prefix))
      errors.push(
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      );
  }
  return errors;
}

function parseTaint(spec: string): Taint | string {
  const parts = spec.split(':');
  let key: string;
  let value: string | undefined;
  let effect: string | undefined;
  if (parts.length === 1) key = parts[0] as string;
  else if (parts.length === 2) {
    effect = parts[1] as string;
    if (!EFFECTS.includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = (parts[0] as string).split('=');
    if (kv.length > 2) return `invalid taint spec: ${spec}`;
    key = kv[0] as string;
    if (kv.length === 2) {
      value = kv[1] as string;
      if (value.length > 63 || !LABEL_VALUE.test(value)) {
        const problems = [
          ...(value.length > 63 ? ['must be no more than 63 characters'] : []),
          ...(!LABEL_VALUE.test(value)
            ? [
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
              ]
            : []),
        ];
        return `invalid taint spec: ${spec}, ${problems.join('; ')}`;
      }
    }
  } else return `invalid taint spec: ${spec}`;
  const keyErrors = qualifiedNameErrors(key);
  if (keyErrors.length) return `invalid taint spec: ${spec}, ${keyErrors.join('; ')}`;
  return { key, ...(value !== undefined ? { value } : {}), ...(effect !== undefined ? { effect } : {}) };
}

function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && (a.effect ?? '') === (b.effect ?? '');
}

/** reorganizeTaints is taint/utils.go: the new list and whether the node was tainted, untainted or modified. */
function reorganize(
  old: Taint[],
  add: Taint[],
  remove: Taint[],
  overwrite: boolean,
): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => sameTaint(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !sameTaint(r, t) : t.key !== r.key));
    removed = before !== taints.length;
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

export async function taintCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of flags.positional) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) return fail(`error: all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  if (resources.length < 1) return fail('error: one or more resources must be specified as <resource> <name>');
  if (specs.length < 1) return fail('error: at least one taint update is required');
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    const parsed = parseTaint(spec.endsWith('-') ? spec.slice(0, -1) : spec);
    if (typeof parsed === 'string') return fail(`error: ${parsed}${USAGE_HINT}`);
    if (spec.endsWith('-')) remove.push({ key: parsed.key, ...(parsed.effect ? { effect: parsed.effect } : {}) });
    else {
      if (!parsed.effect) return fail(`error: invalid taint spec: ${spec}${USAGE_HINT}`);
      if (add.some((t) => sameTaint(t, parsed)))
        return fail(
          `error: duplicated taints with the same key and effect: {${parsed.key} ${parsed.value ?? ''} ${parsed.effect} <nil>}${USAGE_HINT}`,
        );
      add.push(parsed);
    }
  }
  const registry = await discover(ctx.client);
  const typeWord = (resources[0] as string).toLowerCase();
  const type: ResourceType | undefined = registry.resolve(typeWord);
  if (!type) return fail(`the server doesn't have a resource type "${typeWord}"`);
  if (type.kind !== 'Node') return fail(`error: invalid resource type ${typeWord}, only node types are supported`);
  const conflicts = add.flatMap((a) =>
    remove
      .filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect))
      .map((r) => `${r.key}=${r.effect ?? ''}`),
  );
  if (conflicts.length)
    return fail(
      `error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
    );
  const all = flags.bool('all');
  const selector = flags.string('selector');
  if (all && selector) return fail("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2)
    return fail("error: at least one resource name must be specified since 'all' parameter is not set");
  const built = await buildInfos(ctx, registry, {
    args: all || selector ? ['nodes'] : ['nodes', ...resources.slice(1)],
    selector,
    all,
    namespace: ctx.namespace,
  });
  if (!built.ok) return fail(built.error);
  let stdout = '';
  const errors: string[] = [...built.errors];
  for (const info of built.infos) {
    const old = ((info.object.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
    if (!flags.bool('overwrite')) {
      const existing = add.flatMap((a) => old.filter((o) => o.key === a.key && o.effect === a.effect).map(() => a.key));
      if (existing.length) {
        errors.push(
          `node ${info.name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`,
        );
        continue;
      }
    }
    const result = reorganize(old, add, remove, flags.bool('overwrite'));
    if (result.errors.length) {
      errors.push(result.errors.length === 1 ? (result.errors[0] as string) : `[${result.errors.join(', ')}]`);
      continue;
    }
    const next = structuredClone(info.object);
    (next.spec as { taints?: Taint[] }).taints = result.taints;
    if (result.taints.length === 0) delete (next.spec as { taints?: Taint[] }).taints;
    let shown: KubeObject = next;
    if (dry.dryRun !== 'client') {
      const response = await ctx.client.request<KubeObject>({
        verb: 'PATCH',
        path: objectPath(info.type, undefined, info.name),
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: { spec: { taints: result.taints.length ? result.taints : null } },
        query: {
          fieldManager: flags.string('field-manager') ?? 'kubectl-taint',
          ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
        },
      });
      const error = responseError(response);
      if (error) {
        errors.push(error);
        continue;
      }
      shown = response.body;
    }
    // taint sets the printer's operation after the dry-run suffix was added, so it shows none.
    const printed = printChanged(output, info.type, shown, result.operation, 'none');
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  return { stdout, stderr: dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
