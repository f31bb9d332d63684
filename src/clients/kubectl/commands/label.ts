import { objectPath, type KubeObject } from '../../../engine/index.ts';
import { sortedJson } from './apply.ts';
import { buildInfos } from '../builder.ts';
import { discover } from '../discovery.ts';
import { aggregateErrors, responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import {
  DRY_RUN_FLAG,
  mergePatchBetween,
  parseDryRun,
  parseObjectOutput,
  printChanged,
  PRINT_FLAGS,
  templateOptions,
} from '../mutation.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl label` and `kubectl annotate` (pkg/cmd/label, pkg/cmd/annotate): `key=value` sets,
 * `key-` removes, `--overwrite` guards existing values, and each object is merge-patched and
 * reported as labeled / not labeled / unlabeled, or annotated.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'field-manager', type: 'string' },
  DRY_RUN_FLAG,
];

type Mode = 'label' | 'annotate';

/** splitPairs is cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` changes. */
function splitPairs(args: string[], mode: Mode): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0) return `error: all resources must be specified before ${mode} changes: ${arg}\n`;
    else resources.push(arg);
  }
  return { resources, pairs };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parseChanges(pairs: string[], mode: Mode): { set: Map<string, string>; remove: string[] } | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const noun = mode === 'label' ? 'label' : 'annotation';
  for (const spec of pairs) {
    if (spec.includes('=')) {
      if (mode === 'label') {
        const parts = spec.split('=');
        if (parts.length !== 2) return `error: invalid label spec: ${spec}\n`;
        const value = parts[1] as string;
        if (value.length > 63 || !LABEL_VALUE.test(value)) {
          const problems = [
            ...(value.length > 63 ? ['must be no more than 63 characters'] : []),
            ...(!LABEL_VALUE.test(value)
              ? [
                  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
                ]
              : []),
          ];
          return `error: invalid label value: ${JSON.stringify(spec)}: ${problems.join(';')}\n`;
        }
        set.set(parts[0] as string, value);
      } else {
        const eq = spec.indexOf('=');
        if (eq === 0) return `error: invalid annotation spec: ${spec}\n`;
        set.set(spec.slice(0, eq), spec.slice(eq + 1));
      }
    } else remove.push(spec.slice(0, -1));
  }
  if (remove.some((key) => set.has(key)))
    return `error: can not both modify and remove ${mode === 'label' ? 'a label' : 'an annotation'} in the same command\n`;
  void noun;
  return { set, remove };
}

function overwriteError(mode: Mode, existing: Record<string, string>, set: Map<string, string>): string | undefined {
  if (mode === 'label') {
    const errors = [...set.keys()]
      .filter((key) => key in existing && existing[key] !== set.get(key))
      .map((key) => `'${key}' already has a value (${existing[key] ?? ''}), and --overwrite is false`);
    if (errors.length === 0) return undefined;
    return errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`;
  }
  const found = [...set.entries()]
    .filter(([key, value]) => key !== 'kubernetes.io/change-cause' && key in existing && existing[key] !== value)
    .map(([key]) => `'${key}' already has a value (${existing[key] ?? ''})`);
  if (found.length === 0) return undefined;
  return `--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`;
}

export function labelCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  return changeMetadata('label', args, ctx);
}

export function annotateCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  return changeMetadata('annotate', args, ctx);
}

async function changeMetadata(mode: Mode, args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const split = splitPairs(flags.positional, mode);
  if (typeof split === 'string') return fail(split);
  const changes = parseChanges(split.pairs, mode);
  if (typeof changes === 'string') return fail(changes);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  const list = flags.bool('list');
  if (list && flags.string('output')) return fail('error: --list and --output may not be specified together');
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  if (flags.bool('all') && flags.string('selector'))
    return fail('error: cannot set --all and --selector at the same time');
  const filenames = flags.strings('filename');
  if (split.resources.length === 0 && filenames.length === 0)
    return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (changes.set.size === 0 && changes.remove.length === 0 && !list)
    return fail(`error: at least one ${mode === 'label' ? 'label' : 'annotation'} update is required`);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const built = await buildInfos(ctx, registry, {
    args: split.resources,
    filenames,
    recursive: flags.bool('recursive'),
    selector: flags.string('selector'),
    fieldSelector: flags.string('field-selector'),
    all: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return fail(built.error);
  if (!built.single && flags.string('resource-version'))
    return fail('error: --resource-version may only be used with a single resource');
  let stdout = '';
  let stderr = dry.warning;
  const errors: string[] = [];
  const field = mode === 'label' ? 'labels' : 'annotations';
  for (const info of built.infos) {
    const before = structuredClone(info.object);
    if (flags.string('resource-version')) delete before.metadata.resourceVersion;
    const object = structuredClone(before);
    const existing = { ...(object.metadata[field] ?? {}) };
    const live = !(dry.dryRun === 'client' || flags.bool('local') || list);
    if (live && mode === 'label')
      for (const key of changes.remove) if (!(key in existing)) stdout += `label ${JSON.stringify(key)} not found.\n`;
    if (!flags.bool('overwrite')) {
      const problem = overwriteError(mode, existing, changes.set);
      if (problem) {
        errors.push(problem);
        continue;
      }
    }
    const next: Record<string, string> = { ...existing };
    for (const [key, value] of changes.set) next[key] = value;
    for (const key of changes.remove) delete next[key];
    object.metadata = { ...object.metadata, [field]: next };
    if (mode === 'annotate' && Object.keys(next).length === 0 && !before.metadata.annotations)
      delete object.metadata.annotations;
    const resourceVersion = flags.string('resource-version');
    if (resourceVersion) object.metadata.resourceVersion = resourceVersion;
    const oldJson = sortedJson(before);
    const newJson = sortedJson(object);
    let message = 'annotated';
    if (mode === 'label') {
      message = 'not labeled';
      if (oldJson !== newJson)
        message = !flags.bool('overwrite') && newJson.length < oldJson.length ? 'unlabeled' : 'labeled';
    }
    let printedObject = object;
    if (live) {
      const patched = await ctx.client.request<KubeObject>({
        verb: 'PATCH',
        path: objectPath(info.type, info.namespace, info.name),
        headers: { 'content-type': 'application/merge-patch+json' },
        body: mergePatchBetween(before, object),
        query: {
          fieldManager: flags.string('field-manager') ?? `kubectl-${mode}`,
          ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
        },
      });
      const error = responseError(patched);
      if (error) {
        errors.push(error);
        continue;
      }
      // annotate prints the server's answer; label prints the object it changed locally.
      if (mode === 'annotate') printedObject = patched.body;
    }
    if (list) {
      const indent = built.single ? '' : ' ';
      if (!built.single) stdout += `Listing ${field} for ${info.type.kind}.${info.type.group}/${info.name}:\n`;
      for (const [key, value] of Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        stdout += `${indent}${key}=${value}\n`;
      continue;
    }
    // kubectl builds the printer after the change is made, so a bad -o still changes the object.
    if (typeof output === 'string') {
      errors.push(output);
      continue;
    }
    const printed = printChanged(output, info.type, printedObject, message, dry.dryRun);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  errors.push(...built.errors);
  stderr += aggregateErrors(errors);
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}
