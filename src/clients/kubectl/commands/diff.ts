import { objectPath, rfc3339, type KubeObject, type ResourceType } from '../../../engine/index.ts';
import { discover } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { FlagError, parseFlags } from '../flags.ts';
import { toKubectlYaml } from '../printers/yaml.ts';
import { readManifestSources, typeOf } from '../sources.ts';
import { threeWayPatch } from '../threeway.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import { unidiffFiles } from './diff-files.ts';
import { LAST_APPLIED } from './apply.ts';

/**
 * `kubectl diff -f` (pkg/cmd/diff): for each object, the live version against what `apply` would
 * make of it (a server dry-run of the same patch or create), both as YAML without managedFields,
 * shown as `diff -u -N` of two temporary folders. Exit code 1 means there are differences.
 */
function fileName(type: ResourceType, object: KubeObject): string {
  const gv = type.group ? `${type.group}.${type.version}` : type.version;
  const namespace = object.metadata.namespace ? `.${object.metadata.namespace}` : '';
  return `${gv}.${type.kind}${namespace}.${object.metadata.name ?? ''}`;
}

function shown(object: KubeObject | undefined): string {
  if (!object) return '';
  const copy = structuredClone(object);
  delete copy.metadata.managedFields;
  return toKubectlYaml(copy);
}

export async function diffCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  try {
    return await runDiff(args, ctx);
  } catch (error) {
    // diff reports a bad command line with exit code 2, as it does every error (1 means "differs").
    if (error instanceof FlagError)
      return {
        stdout: '',
        stderr: `error: ${error.message}\nSee 'kubectl diff -h' for help and examples\n`,
        exitCode: 2,
      };
    throw error;
  }
}

async function runDiff(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'prune-allowlist', type: 'strings' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'prune', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'concurrency', type: 'int', default: 1 },
    { name: 'show-managed-fields', type: 'bool' },
  ]);
  const filenames = flags.strings('filename');
  const kustomize = flags.string('kustomize');
  if (filenames.length === 0 && !kustomize) return fail('error: must specify one of -f and -k', 2);
  const read = readManifestSources(ctx, { filenames, kustomize, recursive: flags.bool('recursive') });
  if (!read.ok) return fail(`${read.warnings}${read.error}`, 2);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const stamp = ctx.now();
  const liveDir = `/tmp/LIVE-${String(stamp).slice(-9)}`;
  const mergedDir = `/tmp/MERGED-${String(stamp + 1).slice(-9)}`;
  const files: { name: string; text: string }[] = [];
  let stderr = '';
  for (const manifest of read.manifests) {
    const found = typeOf(registry, manifest);
    if (!found.ok) {
      stderr += `${found.error}\n`;
      continue;
    }
    const object = structuredClone(manifest.object);
    object.metadata ??= {};
    if (found.type.namespaced) object.metadata.namespace ||= namespace;
    // kubectl diff patches with the manifest as GetModifiedConfiguration(annotate=false) gives it:
    // an annotations map, but no new last-applied-configuration.
    const annotated = structuredClone(object);
    annotated.metadata.annotations = { ...(annotated.metadata.annotations ?? {}) };
    const path = objectPath(found.type, object.metadata.namespace, object.metadata.name);
    const current = await ctx.client.request<KubeObject>({ verb: 'GET', path });
    let live: KubeObject | undefined;
    let merged: KubeObject;
    if (current.status === 404) {
      const created = await ctx.client.request<KubeObject>({
        verb: 'POST',
        path: objectPath(found.type, object.metadata.namespace),
        body: object,
        query: { dryRun: 'All' },
      });
      const error = responseError(created);
      if (error) {
        stderr += error;
        continue;
      }
      merged = created.body;
    } else {
      const error = responseError(current);
      if (error) {
        stderr += error;
        continue;
      }
      live = current.body;
      const original = live.metadata.annotations?.[LAST_APPLIED];
      let previous: unknown;
      try {
        previous = original ? JSON.parse(original) : undefined;
      } catch {
        previous = undefined;
      }
      const patch = threeWayPatch(previous, annotated, live);
      if (!patch) continue;
      const patched = await ctx.client.request<KubeObject>({
        verb: 'PATCH',
        path,
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: patch,
        query: { dryRun: 'All' },
      });
      const patchError = responseError(patched);
      if (patchError) {
        stderr += patchError;
        continue;
      }
      merged = patched.body;
    }
    const name = fileName(found.type, object);
    files.push({
      name,
      text: unidiffFiles(`${liveDir}/${name}`, shown(live), `${mergedDir}/${name}`, shown(merged), rfc3339(stamp)),
    });
  }
  // diff compares two folders, so the files come in name order.
  const stdout = files
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => f.text)
    .join('');
  if (stderr) return { stdout, stderr: read.warnings + stderr, exitCode: stdout ? 1 : 2 };
  return { stdout, stderr: read.warnings, exitCode: stdout ? 1 : 0 };
}
