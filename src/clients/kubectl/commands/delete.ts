import { objectPath, type KubeObject, type ResourceType } from '../../../engine/index.ts';
import { discover, qualifiedKind } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { dryRunSuffix, parseDryRun } from '../mutation.ts';
import { selectResources } from '../resources.ts';
import { readManifestSources, typeOf } from '../sources.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'raw', type: 'string' },
];

/** WAIT_STEP_MS is how far simulated time moves per poll while `kubectl delete` waits for the object to go. */
const WAIT_STEP_MS = 1000;
const WAIT_LIMIT_MS = 10 * 60_000;

interface Target {
  type: ResourceType;
  namespace: string;
  name: string;
  /** source is the file a -f/-k target came from, which kubectl names in its errors. */
  source?: string;
}

/**
 * deleteCommand deletes by name, by -f, by -l or --all, and — like kubectl — waits until the objects
 * are really gone, which in the lab means moving simulated time (a `sleep` pod takes its 30 s).
 */
export async function deleteCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, DELETE_FLAGS);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const registry = await discover(ctx.client);
  const targets: Target[] = [];
  let stderr = '';
  let exitCode = 0;
  const filenames = flags.strings('filename');
  const kustomize = flags.string('kustomize');
  if (filenames.length > 0 || kustomize) {
    const read = readManifestSources(ctx, { filenames, kustomize, recursive: flags.bool('recursive') });
    if (!read.ok) return fail(`${read.warnings}${read.error}`);
    stderr += read.warnings;
    for (const manifest of read.manifests) {
      const found = typeOf(registry, manifest);
      if (!found.ok) {
        stderr += `${found.error}\n`;
        exitCode = 1;
        continue;
      }
      targets.push({
        type: found.type,
        namespace: manifest.object.metadata?.namespace ?? namespace,
        name: manifest.object.metadata?.name ?? '',
        source: manifest.source === '-' ? 'STDIN' : manifest.source,
      });
    }
  } else {
    if (flags.positional.length === 0) {
      return fail(
        `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
      );
    }
    const selection = selectResources(registry, flags.positional);
    if (!selection.ok) return fail(selection.error);
    const selector = flags.string('selector');
    const all = flags.bool('all');
    const allNamespaces = flags.bool('all-namespaces');
    for (const { type, names } of selection.selections) {
      if (names.length > 0) {
        for (const name of names) targets.push({ type, namespace, name });
        continue;
      }
      if (!selector && !all && !flags.string('field-selector')) {
        return fail(`error: resource(s) were provided, but no name was specified`);
      }
      const list = await ctx.client.request<{ items?: KubeObject[] }>({
        verb: 'GET',
        path: objectPath(type, type.namespaced && !allNamespaces ? namespace : undefined),
        query: {
          ...(selector ? { labelSelector: selector } : {}),
          ...(flags.string('field-selector') ? { fieldSelector: flags.string('field-selector') } : {}),
        },
      });
      for (const item of list.body.items ?? [])
        targets.push({ type, namespace: item.metadata.namespace ?? namespace, name: item.metadata.name ?? '' });
    }
    if (targets.length === 0) {
      const scope = allNamespaces ? '' : ` in ${namespace} namespace`;
      return { stdout: '', stderr: `No resources found${scope}.\n`, exitCode: 0 };
    }
  }
  const force = flags.bool('force');
  let grace = flags.int('grace-period') ?? -1;
  if (flags.bool('now')) grace = 1;
  if (force && grace < 0) grace = 0;
  const cascade = flags.string('cascade') ?? 'background';
  const propagation = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  let stdout = '';
  const deleted: Target[] = [];
  if (force && grace === 0)
    stderr +=
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
  stderr = dry.warning + stderr;
  const dryRun = dry.dryRun;
  const suffix = dryRunSuffix(dryRun);
  for (const target of targets) {
    const kind = qualifiedKind(target.type);
    if (dryRun === 'client') {
      // A client dry run asks the server nothing about the named objects.
      stdout +=
        flags.string('output') === 'name'
          ? `${kind}/${target.name}\n`
          : `${kind} "${target.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${target.type.namespaced ? ` from ${target.namespace} namespace` : ''}${suffix}\n`;
      continue;
    }
    const response = await ctx.client.request<KubeObject>({
      verb: 'DELETE',
      path: objectPath(target.type, target.namespace, target.name),
      body: {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        propagationPolicy: propagation,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      },
      ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
    });
    if (response.status === 404 && flags.bool('ignore-not-found')) continue;
    const error = responseError(response, target.source ? { verb: 'deleting', file: target.source } : undefined);
    if (error) {
      stderr += error;
      exitCode = 1;
      continue;
    }
    if (flags.string('output') === 'name') stdout += `${kind}/${target.name}\n`;
    else
      stdout += `${kind} "${target.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${target.type.namespaced ? ` from ${target.namespace} namespace` : ''}${suffix}\n`;
    if (dryRun === 'none') deleted.push(target);
  }
  if (flags.bool('wait') && ctx.advance && deleted.length > 0) {
    for (let waited = 0; waited < WAIT_LIMIT_MS; waited += WAIT_STEP_MS) {
      let remaining = 0;
      for (const target of deleted) {
        const check = await ctx.client.request({
          verb: 'GET',
          path: objectPath(target.type, target.namespace, target.name),
        });
        if (check.status !== 404) remaining++;
      }
      if (remaining === 0) break;
      await ctx.advance(WAIT_STEP_MS);
    }
  }
  return { stdout, stderr, exitCode };
}
