import { objectPath, resourceKey, type KubeObject, type ResourceType } from '../../../engine/index.ts';
import { discover, qualifiedKind } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { klogWarning } from '../klog.ts';
import type { Manifest } from '../manifests.ts';
import { parseOutput, printObjects, templateOptions } from '../output.ts';
import { readManifestSources, typeOf } from '../sources.ts';
import { threeWayPatch } from '../threeway.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const APPLY_FLAGS: FlagSpec[] = [
  // Accepted as kubectl accepts them; the lab's apply has no subresources to pick.
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'prune-allowlist', type: 'strings' },
  { name: 'subresource', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'dry-run', type: 'string' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'prune', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'force', type: 'bool' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'grace-period', type: 'int' },
  { name: 'all', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'openapi-patch', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

/** sortedJson is encoding/json of an unstructured object: keys sorted, no spaces. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** lastAppliedOf is the annotation kubectl writes: the manifest as applied, without the annotation itself. */
export function lastAppliedOf(object: KubeObject): string {
  const copy = structuredClone(object);
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}) };
  delete copy.metadata.annotations[LAST_APPLIED];
  return `${sortedJson(copy)}\n`;
}

/**
 * validationDirective is kubectl's GetValidationDirective: --validate (default "strict") becomes the
 * fieldValidation query parameter of create, update and patch requests.
 */
export function validationDirective(flag: string | undefined): 'Strict' | 'Warn' | 'Ignore' | { error: string } {
  const value = flag ?? 'strict';
  if (['1', 't', 'T', 'true', 'TRUE', 'True', 'strict'].includes(value)) return 'Strict';
  if (['0', 'f', 'F', 'false', 'FALSE', 'False', 'ignore'].includes(value)) return 'Ignore';
  if (value === 'warn') return 'Warn';
  return {
    error: `error: invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`,
  };
}

/** warningLines prints the server's warnings as kubectl's warning writer does, each once per command. */
export function warningLines(response: { warnings?: string[] }, seen: Set<string>): string[] {
  const lines: string[] = [];
  for (const warning of response.warnings ?? []) {
    if (seen.has(warning)) continue;
    seen.add(warning);
    lines.push(`Warning: ${warning}`);
  }
  return lines;
}

interface Prepared {
  manifest: Manifest;
  type: ResourceType;
  object: KubeObject;
  namespace: string;
}

function prepare(
  manifests: Manifest[],
  registry: Awaited<ReturnType<typeof discover>>,
  namespace: string,
  explicitNamespace: boolean,
): { prepared: Prepared[]; errors: string[] } {
  const prepared: Prepared[] = [];
  const errors: string[] = [];
  for (const manifest of manifests) {
    const found = typeOf(registry, manifest);
    if (!found.ok) {
      errors.push(found.error);
      continue;
    }
    const object = structuredClone(manifest.object);
    object.metadata ??= {};
    const own = object.metadata.namespace;
    if (found.type.namespaced) {
      if (own && explicitNamespace && own !== namespace) {
        errors.push(
          `error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        );
        continue;
      }
      object.metadata.namespace = own || namespace;
    }
    prepared.push({ manifest, type: found.type, object, namespace: object.metadata.namespace ?? '' });
  }
  return { prepared, errors };
}

/**
 * applyCommand is client-side `kubectl apply`: create what is missing (recording the
 * last-applied-configuration annotation), patch what changed with a three-way merge, and say
 * `created`, `configured` or `unchanged` for each object.
 */
export async function applyCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, APPLY_FLAGS);
  const filenames = flags.strings('filename');
  const kustomize = flags.string('kustomize');
  if (filenames.length === 0 && !kustomize)
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
  const output = parseOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const dryRun = flags.string('dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun))
    return fail(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  const fieldValidation = validationDirective(flags.string('validate'));
  if (typeof fieldValidation !== 'string') return fail(fieldValidation.error);
  if (flags.bool('server-side'))
    return fail(
      'error: server-side apply is not available in this lab: field ownership (managedFields) is not simulated; use kubectl apply without --server-side',
    );
  const pruning = flags.bool('prune') ? pruneOptions(flags) : undefined;
  if (typeof pruning === 'string') return fail(pruning);
  const read = readManifestSources(ctx, { filenames, kustomize, recursive: flags.bool('recursive') });
  if (!read.ok) return fail(`${read.warnings}${read.error}`);
  if (read.manifests.length === 0) return fail(`${read.warnings}error: no objects passed to apply`);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const { prepared, errors } = prepare(read.manifests, registry, namespace, flags.has('namespace'));
  let stdout = '';
  const stderrParts: string[] = [...errors];
  const prunePreamble =
    pruning && pruning.allowlist.length === 0
      ? klogWarning(
          ctx.now(),
          'prune.go:71',
          'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.',
        )
      : '';
  /** visited holds what this apply named, so prune keeps it. */
  const visited = new Set<string>();
  const warned = new Set<string>();
  const printedObjects: { type: ResourceType; object: KubeObject }[] = [];
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  const query = { ...(dryRun === 'server' ? { dryRun: 'All' } : {}), fieldValidation };
  for (const item of prepared) {
    const { type, object } = item;
    const name = object.metadata.name ?? '';
    const label = item.manifest.source === '-' ? 'STDIN' : item.manifest.source;
    if (!name) {
      stderrParts.push(
        `error: error when retrieving current configuration of:\nResource: "${type.group ? `${type.group}/` : ''}${type.version}, Resource=${type.plural}", GroupVersionKind: "${type.group ? `${type.group}/` : ''}${type.version}, Kind=${type.kind}"\nName: "", Namespace: "${item.namespace}"\nfrom server for: "${label}": resource name may not be empty`,
      );
      continue;
    }
    visited.add(`${resourceKey(type)}|${type.namespaced ? item.namespace : ''}|${name}`);
    const annotated = structuredClone(object);
    annotated.metadata.annotations = {
      ...(annotated.metadata.annotations ?? {}),
      [LAST_APPLIED]: lastAppliedOf(object),
    };
    const current = await ctx.client.request<KubeObject>({ verb: 'GET', path: objectPath(type, item.namespace, name) });
    if (current.status === 404) {
      if (dryRun === 'client') {
        stdout += output.kind === 'table' ? `${qualifiedKind(type)}/${name} created${suffix}\n` : '';
        printedObjects.push({ type, object: annotated });
        continue;
      }
      const created = await ctx.client.request<KubeObject>({
        verb: 'POST',
        path: objectPath(type, item.namespace),
        body: annotated,
        query,
      });
      stderrParts.push(...warningLines(created, warned));
      const error = responseError(created, { verb: 'creating', file: label });
      if (error) {
        stderrParts.push(error.trimEnd());
        continue;
      }
      printedObjects.push({ type, object: created.body });
      if (output.kind === 'table') stdout += `${qualifiedKind(type)}/${name} created${suffix}\n`;
      continue;
    }
    const getError = responseError(current);
    if (getError) {
      stderrParts.push(getError.trimEnd());
      continue;
    }
    const live = current.body;
    const original = live.metadata.annotations?.[LAST_APPLIED];
    const originalObject = original ? (safeParse(original) as KubeObject | undefined) : undefined;
    // A client dry run computes no patch, so kubectl calls every existing object configured.
    if (dryRun === 'client') {
      printedObjects.push({ type, object: live });
      if (output.kind === 'table') stdout += `${qualifiedKind(type)}/${name} configured${suffix}\n`;
      continue;
    }
    const patch = threeWayPatch(originalObject, annotated, live);
    if (!patch) {
      printedObjects.push({ type, object: live });
      if (output.kind === 'table') stdout += `${qualifiedKind(type)}/${name} unchanged${suffix}\n`;
      continue;
    }
    const patched = await ctx.client.request<KubeObject>({
      verb: 'PATCH',
      path: objectPath(type, item.namespace, name),
      headers: {
        'content-type':
          type.group === '' ||
          [
            'apps',
            'batch',
            'autoscaling',
            'networking.k8s.io',
            'policy',
            'rbac.authorization.k8s.io',
            'storage.k8s.io',
            'scheduling.k8s.io',
          ].includes(type.group)
            ? 'application/strategic-merge-patch+json'
            : 'application/merge-patch+json',
      },
      body: patch,
      query,
    });
    stderrParts.push(...warningLines(patched, warned));
    const error = responseError(patched, { verb: 'patching', file: label });
    if (error) {
      stderrParts.push(error.trimEnd());
      continue;
    }
    printedObjects.push({ type, object: patched.body });
    if (output.kind === 'table') stdout += `${qualifiedKind(type)}/${name} configured${suffix}\n`;
  }
  let prunedText = '';
  if (pruning) {
    const namespaces = new Set(prepared.filter((p) => p.type.namespaced).map((p) => p.namespace));
    if (namespaces.size === 0) namespaces.add(namespace);
    for (const { type, object } of await pruneCandidates(ctx, registry, pruning, [...namespaces], visited)) {
      if (dryRun !== 'client') {
        const deleted = await ctx.client.request({
          verb: 'DELETE',
          path: objectPath(type, object.metadata.namespace, object.metadata.name ?? ''),
          body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
          ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
        });
        const error = responseError(deleted);
        if (error && deleted.status !== 404) {
          stderrParts.push(error.trimEnd());
          continue;
        }
      }
      const label = `${qualifiedKind(type)}/${object.metadata.name ?? ''}`;
      prunedText += output.kind === 'name' ? `${label}\n` : `${label} pruned${suffix}\n`;
    }
  }
  if (output.kind !== 'table' && printedObjects.length > 0) {
    const printed = printObjects(output, printedObjects, printedObjects.length === 1);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      stderrParts.push(printed.error);
    }
  }
  stdout += prunedText;
  const stderr = read.warnings + prunePreamble + (stderrParts.length ? `${stderrParts.join('\n')}\n` : '');
  return { stdout, stderr, exitCode: stderrParts.length > warned.size ? 1 : 0 };
}

interface PruneOptions {
  selector: string | undefined;
  /** allowlist is --prune-allowlist as [group, version, kind]; empty means kubectl's default list. */
  allowlist: [string, string, string][];
}

/** DEFAULT_PRUNE_KINDS is kubectl's default prune allowlist (pkg/cmd/apply/prune.go). */
const DEFAULT_PRUNE_KINDS: [string, string, string][] = [
  ['', 'v1', 'ConfigMap'],
  ['', 'v1', 'Endpoints'],
  ['', 'v1', 'Namespace'],
  ['', 'v1', 'PersistentVolumeClaim'],
  ['', 'v1', 'PersistentVolume'],
  ['', 'v1', 'Pod'],
  ['', 'v1', 'ReplicationController'],
  ['', 'v1', 'Secret'],
  ['', 'v1', 'Service'],
  ['batch', 'v1', 'Job'],
  ['batch', 'v1', 'CronJob'],
  ['networking.k8s.io', 'v1', 'Ingress'],
  ['apps', 'v1', 'DaemonSet'],
  ['apps', 'v1', 'Deployment'],
  ['apps', 'v1', 'ReplicaSet'],
  ['apps', 'v1', 'StatefulSet'],
];

/** pruneOptions checks --prune's companions as kubectl does. */
function pruneOptions(flags: ParsedFlags): PruneOptions | string {
  const selector = flags.string('selector');
  if (flags.bool('all') && selector) return 'error: cannot set --all and --selector at the same time';
  if (!flags.bool('all') && !selector)
    return 'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector';
  const allowlist: [string, string, string][] = [];
  for (const entry of flags.strings('prune-allowlist')) {
    const parts = entry.split('/');
    if (parts.length !== 3 || parts.some((p) => p === ''))
      return `error: invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`;
    const [group = '', version = '', kind = ''] = parts;
    allowlist.push([group === 'core' ? '' : group, version, kind]);
  }
  return { selector, allowlist };
}

/**
 * pruneCandidates lists what `apply --prune` deletes: objects of the allowed kinds, in the applied
 * namespaces (and cluster-wide for cluster-scoped kinds), that match the selector, were last
 * written by apply (they carry its annotation) and were not in this apply.
 */
async function pruneCandidates(
  ctx: KubectlContext,
  registry: Awaited<ReturnType<typeof discover>>,
  options: PruneOptions,
  namespaces: string[],
  visited: Set<string>,
): Promise<{ type: ResourceType; object: KubeObject }[]> {
  const kinds = options.allowlist.length > 0 ? options.allowlist : DEFAULT_PRUNE_KINDS;
  const types = kinds.flatMap(([group, version, kind]) => {
    const type = registry.all().find((t) => t.group === group && t.version === version && t.kind === kind);
    return type ? [type] : [];
  });
  const found: { type: ResourceType; object: KubeObject }[] = [];
  const scan = async (type: ResourceType, namespace: string | undefined) => {
    const list = await ctx.client.request<{ items?: KubeObject[] }>({
      verb: 'GET',
      path: objectPath(type, namespace),
      ...(options.selector ? { query: { labelSelector: options.selector } } : {}),
    });
    for (const object of list.body.items ?? []) {
      if (!object.metadata.annotations?.[LAST_APPLIED]) continue;
      const key = `${resourceKey(type)}|${type.namespaced ? (object.metadata.namespace ?? '') : ''}|${object.metadata.name ?? ''}`;
      if (!visited.has(key)) found.push({ type, object });
    }
  };
  for (const namespace of namespaces) for (const type of types) if (type.namespaced) await scan(type, namespace);
  for (const type of types) if (!type.namespaced) await scan(type, undefined);
  return found;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** createFromFiles is `kubectl create -f`: POST each object, AlreadyExists is an error. */
export async function createFromFiles(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, APPLY_FLAGS);
  const filenames = flags.strings('filename');
  const kustomize = flags.string('kustomize');
  if (filenames.length === 0 && !kustomize)
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
  const output = parseOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const fieldValidation = validationDirective(flags.string('validate'));
  if (typeof fieldValidation !== 'string') return fail(fieldValidation.error);
  const read = readManifestSources(ctx, { filenames, kustomize, recursive: flags.bool('recursive') });
  if (!read.ok) return fail(`${read.warnings}${read.error}`);
  if (read.manifests.length === 0) return fail(`${read.warnings}error: no objects passed to create`);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const { prepared, errors } = prepare(read.manifests, registry, namespace, flags.has('namespace'));
  const dryRun = flags.string('dry-run') ?? 'none';
  let stdout = '';
  const stderrParts = [...errors];
  const warned = new Set<string>();
  const printedObjects: { type: ResourceType; object: KubeObject }[] = [];
  for (const { type, object, namespace: ns, manifest } of prepared) {
    const label = manifest.source === '-' ? 'STDIN' : manifest.source;
    const body = flags.bool('save-config')
      ? {
          ...object,
          metadata: {
            ...object.metadata,
            annotations: { ...(object.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(object) },
          },
        }
      : object;
    if (dryRun === 'client') {
      printedObjects.push({ type, object: body });
      if (output.kind === 'table') stdout += `${qualifiedKind(type)}/${object.metadata.name ?? ''} created (dry run)\n`;
      continue;
    }
    const created = await ctx.client.request<KubeObject>({
      verb: 'POST',
      path: objectPath(type, ns),
      body,
      query: { ...(dryRun === 'server' ? { dryRun: 'All' } : {}), fieldValidation },
    });
    stderrParts.push(...warningLines(created, warned));
    const error = responseError(created, { verb: 'creating', file: label });
    if (error) {
      stderrParts.push(error.trimEnd());
      continue;
    }
    printedObjects.push({ type, object: created.body });
    if (output.kind === 'table')
      stdout += `${qualifiedKind(type)}/${created.body.metadata.name ?? ''} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`;
  }
  if (output.kind !== 'table' && printedObjects.length > 0) {
    const printed = printObjects(output, printedObjects, printedObjects.length === 1);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      stderrParts.push(printed.error);
    }
  }
  return {
    stdout,
    stderr: read.warnings + (stderrParts.length ? `${stderrParts.join('\n')}\n` : ''),
    exitCode: stderrParts.length > warned.size ? 1 : 0,
  };
}
