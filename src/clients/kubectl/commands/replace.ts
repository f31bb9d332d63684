import { objectPath, type KubeObject } from '../../../engine/index.ts';
import { discover, qualifiedKind } from '../discovery.ts';
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
import { readManifestSources, typeOf } from '../sources.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl replace -f` (pkg/cmd/replace): PUT each object from the files, with the live
 * resourceVersion filled in; `--force` deletes each object, waits until it is gone (moving simulated
 * time, as a pod's grace period needs) and creates it again.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'timeout', type: 'string' },
  { name: 'wait', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'save-config', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'field-manager', type: 'string' },
  DRY_RUN_FLAG,
];

const WAIT_STEP_MS = 1000;
const WAIT_LIMIT_MS = 5 * 60_000;

export async function replaceCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const filenames = flags.strings('filename');
  const kustomize = flags.string('kustomize');
  if (filenames.length === 0 && !kustomize) return fail('error: must specify one of -f and -k');
  const force = flags.bool('force');
  if (force && dry.dryRun !== 'none') return fail('error: --dry-run can not be used when --force is set');
  const read = readManifestSources(ctx, { filenames, kustomize, recursive: flags.bool('recursive') });
  if (!read.ok) return fail(`${read.warnings}${read.error}`);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  let stdout = '';
  const errors: string[] = [];
  const replaced: { path: string; object: KubeObject; type: ReturnType<typeof registry.all>[number]; label: string }[] =
    [];
  for (const manifest of read.manifests) {
    const found = typeOf(registry, manifest);
    if (!found.ok) {
      errors.push(found.error);
      continue;
    }
    const object = structuredClone(manifest.object);
    object.metadata ??= {};
    if (found.type.namespaced) object.metadata.namespace ||= namespace;
    const label = manifest.source === '-' ? 'STDIN' : manifest.source;
    replaced.push({
      path: objectPath(found.type, object.metadata.namespace, object.metadata.name),
      object,
      type: found.type,
      label,
    });
  }
  if (force) {
    for (const item of replaced) {
      const response = await ctx.client.request({
        verb: 'DELETE',
        path: item.path,
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
      });
      const error = responseError(response);
      if (error) {
        errors.push(error);
        continue;
      }
      stdout += `${qualifiedKind(item.type)} "${item.object.metadata.name ?? ''}" deleted${item.type.namespaced ? ` from ${item.object.metadata.namespace ?? ''} namespace` : ''}\n`;
    }
    for (let waited = 0; waited < WAIT_LIMIT_MS && ctx.advance; waited += WAIT_STEP_MS) {
      let remaining = 0;
      for (const item of replaced)
        if ((await ctx.client.request({ verb: 'GET', path: item.path })).status !== 404) remaining++;
      if (remaining === 0) break;
      await ctx.advance(WAIT_STEP_MS);
    }
  }
  for (const item of replaced) {
    const { object, type } = item;
    let response;
    if (force) {
      delete object.metadata.resourceVersion;
      response = await ctx.client.request<KubeObject>({
        verb: 'POST',
        path: objectPath(type, object.metadata.namespace),
        body: object,
      });
    } else {
      if (dry.dryRun === 'client') {
        const printed = printChanged(output, type, object, 'replaced', dry.dryRun);
        if (printed.ok) stdout += printed.text;
        else {
          stdout += printed.stdout ?? '';
          errors.push(printed.error);
        }
        continue;
      }
      if (!object.metadata.resourceVersion) {
        const live = await ctx.client.request<KubeObject>({ verb: 'GET', path: item.path });
        if (live.status < 400 && live.body.metadata.resourceVersion)
          object.metadata.resourceVersion = live.body.metadata.resourceVersion;
      }
      response = await ctx.client.request<KubeObject>({
        verb: 'PUT',
        path: item.path,
        body: object,
        ...(dry.dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
      });
    }
    const error = responseError(response, { verb: 'replacing', file: item.label });
    if (error) {
      errors.push(error);
      continue;
    }
    const printed = printChanged(output, type, response.body, 'replaced', dry.dryRun);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  return { stdout, stderr: read.warnings + dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
