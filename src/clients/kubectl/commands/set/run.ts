import type { PodSpec } from 'kubernetes-types/core/v1';
import { objectPath, type KubeObject } from '../../../../engine/index.ts';
import { buildInfos, type Info } from '../../builder.ts';
import { discover } from '../../discovery.ts';
import { aggregateErrors, responseError } from '../../errors.ts';
import type { FlagSpec, ParsedFlags } from '../../flags.ts';
import {
  DRY_RUN_FLAG,
  parseDryRun,
  parseObjectOutput,
  printChanged,
  PRINT_FLAGS,
  templateOptions,
} from '../../mutation.ts';
import { podSpecOf } from '../../podspec.ts';
import { twoWayPatch } from '../../threeway.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';

/**
 * runSet is what `kubectl set image|env|resources` share (pkg/cmd/set/helper.go CalculatePatches):
 * each object's pod spec is changed locally, the strategic merge patch between before and after is
 * sent, and objects that did not change print nothing.
 */
export const SET_FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  DRY_RUN_FLAG,
];

export const RESOURCES_REQUIRED =
  'error: one or more resources must be specified as <resource> <name> or <resource>/<name>';

/** ChangeResult: an error for this object, text to print (set env --list), a warning to show. */
export interface ChangeResult {
  error?: string;
  stdout?: string;
  stderr?: string;
}

export interface SetRun {
  flags: ParsedFlags;
  resources: string[];
  /** operation is the name printer's word: `image updated`. */
  operation: string;
  /** change edits the copy of an object's pod spec in place. */
  change: (info: Info, spec: PodSpec) => ChangeResult | undefined;
  /** listOnly stops after the changes (set env --list). */
  listOnly?: boolean;
  /** patchError words a failed patch (set env has its own). */
  patchError?: (error: string) => string;
  /** validate runs once the objects are read, as set image and set resources check their flags after. */
  validate?: () => string | undefined;
}

/** kindName is how set's messages name an object: `Deployment/web`. */
export function kindName(info: Info): string {
  return `${info.object.kind}/${info.name}`;
}

export async function runSet(ctx: KubectlContext, run: SetRun): Promise<CommandResult> {
  const { flags } = run;
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const registry = await discover(ctx.client);
  const built = await buildInfos(ctx, registry, {
    args: run.resources,
    filenames: flags.strings('filename'),
    recursive: flags.bool('recursive'),
    selector: flags.string('selector'),
    all: flags.bool('all'),
    namespace: flags.string('namespace') ?? ctx.namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return fail(built.error);
  if (built.errors.length > 0) return { stdout: '', stderr: aggregateErrors(built.errors), exitCode: 1 };
  const invalid = run.validate?.();
  if (invalid) return fail(invalid);
  let stdout = '';
  let stderr = dry.warning;
  const errors: string[] = [];
  const planned: { info: Info; after: KubeObject }[] = [];
  for (const info of built.infos) {
    const after = structuredClone(info.object) as KubeObject;
    const spec = podSpecOf(after);
    if (!spec) {
      errors.push(
        `error: ${info.type.plural}/${info.name} the object is not a pod or does not have a pod template: *unstructured.Unstructured\n`,
      );
      continue;
    }
    const result = run.change(info, spec);
    stdout += result?.stdout ?? '';
    stderr += result?.stderr ?? '';
    if (result?.error !== undefined) {
      errors.push(result.error);
      continue;
    }
    planned.push({ info, after });
  }
  if (run.listOnly) return { stdout, stderr: stderr + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
  for (const { info, after } of planned) {
    const patch = twoWayPatch(info.object, after);
    if (!patch) continue;
    let shown = after;
    if (dry.dryRun !== 'client' && !flags.bool('local')) {
      const response = await ctx.client.request<KubeObject>({
        verb: 'PATCH',
        path: objectPath(info.type, info.namespace, info.name),
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: patch,
        query: {
          fieldManager: flags.string('field-manager') ?? 'kubectl-set',
          ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
        },
      });
      const error = responseError(response);
      if (error) {
        errors.push(run.patchError ? run.patchError(error.replace(/\n$/, '')) : error);
        continue;
      }
      shown = response.body;
    }
    const printed = printChanged(output, info.type, shown, run.operation, dry.dryRun);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  return { stdout, stderr: stderr + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
