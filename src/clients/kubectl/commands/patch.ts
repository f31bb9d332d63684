import { parse as parseYaml } from 'yaml';
import {
  deepEqual,
  jsonPatch,
  mergePatch,
  objectPath,
  strategicMergePatch,
  type JsonPatchOperation,
  type KubeObject,
} from '../../../engine/index.ts';
import { buildInfos } from '../builder.ts';
import { discover } from '../discovery.ts';
import { aggregateErrors, responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import {
  DRY_RUN_FLAG,
  parseDryRun,
  parseObjectOutput,
  printChanged,
  PRINT_FLAGS,
  templateOptions,
} from '../mutation.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import { RESOURCES_REQUIRED } from './scale.ts';

/**
 * `kubectl patch` (pkg/cmd/patch): a strategic merge (default), JSON merge or JSON patch given with
 * -p (JSON or YAML) or --patch-file, sent to the server — or applied locally for --dry-run=client —
 * and reported as `patched` or `patched (no change)`.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'local', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  DRY_RUN_FLAG,
];

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

function patchOperation(changed: boolean): string {
  return changed ? 'patched' : 'patched (no change)';
}

export async function patchCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const patchText = flags.string('patch') ?? '';
  const patchFile = flags.string('patch-file') ?? '';
  if (patchText && patchFile) return fail('error: cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile)
    return fail('error: must specify --patch or --patch-file containing the contents of the patch');
  const type = (flags.string('type') ?? 'strategic').toLowerCase();
  if (!CONTENT_TYPES[type])
    return fail(
      `error: --type must be one of [json merge strategic], not ${JSON.stringify(flags.string('type') ?? '')}`,
    );
  let raw = patchText;
  if (patchFile) {
    const text = ctx.readFile?.(patchFile);
    if (text === undefined)
      return fail(`error: unable to read patch file: open ${patchFile}: no such file or directory`);
    raw = text;
  }
  let patch: unknown;
  try {
    patch = parseYaml(raw);
  } catch (error) {
    return fail(`error: unable to parse ${JSON.stringify(patchText)}: ${(error as Error).message}`);
  }
  const filenames = flags.strings('filename');
  if (flags.positional.length === 0 && filenames.length === 0) return fail(RESOURCES_REQUIRED);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames,
    recursive: flags.bool('recursive'),
    namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return fail(built.error);
  let stdout = '';
  const errors: string[] = [];
  for (const info of built.infos) {
    let result: KubeObject;
    if (dry.dryRun !== 'client') {
      const subresource = flags.string('subresource');
      const response = await ctx.client.request<KubeObject>({
        verb: 'PATCH',
        path: objectPath(info.type, info.namespace, info.name, subresource),
        headers: { 'content-type': CONTENT_TYPES[type] as string },
        body: patch,
        query: {
          fieldManager: flags.string('field-manager') ?? 'kubectl-patch',
          ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
        },
      });
      const error = responseError(response);
      if (error) {
        errors.push(error);
        continue;
      }
      result = response.body;
    } else {
      try {
        result =
          type === 'json'
            ? (jsonPatch(info.object, patch as JsonPatchOperation[]) as KubeObject)
            : type === 'merge'
              ? (mergePatch(info.object, patch) as KubeObject)
              : (strategicMergePatch(info.object, patch) as KubeObject);
      } catch (error) {
        errors.push((error as Error).message);
        continue;
      }
    }
    const printed = printChanged(output, info.type, result, patchOperation(!deepEqual(info.object, result)), 'none');
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  errors.push(...built.errors);
  if (built.infos.length === 0 && built.errors.length === 0) errors.push('no objects passed to patch');
  return { stdout, stderr: dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
