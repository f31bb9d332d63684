import { groupVersion, objectPath, type KubeObject, type ResourceType } from '../../../engine/index.ts';
import { discover } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { tabulate } from '../printers/tabwriter.ts';
import { selectResources } from '../resources.ts';
import { readManifestSources, typeOf } from '../sources.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import './kinds.ts';
import { DescribeWriter } from './common.ts';
import { describeGeneric } from './generic.ts';
import { describerFor } from './registry.ts';

const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'chunk-size', type: 'int' },
];

export { registerDescriber } from './registry.ts';

/** describeObject describes one object with its kind's layout (or the generic one), aligned by the tabwriter. */
export async function describeObject(object: KubeObject, ctx: KubectlContext, showEvents: boolean): Promise<string> {
  const w = new DescribeWriter();
  const describer = describerFor(object.apiVersion ?? '', object.kind) ?? describeGeneric;
  await describer(object, w, { client: ctx.client, now: ctx.now(), showEvents });
  return tabulate(w.text, 2);
}

/**
 * describeCommand is `kubectl describe TYPE [NAME | -l selector] | TYPE/NAME …`, following kubectl's
 * DescribeOptions.Run: every object found is described (blank lines between them) and the errors come
 * after; a lone `TYPE NAME` that is not found is tried as a name prefix (DescribeMatchingResources).
 */
export async function describeCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, DESCRIBE_FLAGS);
  if (flags.strings('filename').length > 0 || flags.string('kustomize'))
    return describeFiles(flags.strings('filename'), flags, ctx);
  if (flags.positional.length === 0) {
    return fail(
      `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples`,
    );
  }
  const registry = await discover(ctx.client);
  const selection = selectResources(registry, flags.positional);
  if (!selection.ok) return fail(selection.error);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const allNamespaces = flags.bool('all-namespaces');
  const showEvents = flags.bool('show-events');
  const found: KubeObject[] = [];
  const errors: { status: number; text: string }[] = [];
  for (const { type, names } of selection.selections) {
    const ns = type.namespaced && !allNamespaces ? namespace : undefined;
    if (names.length > 0) {
      for (const name of names) {
        const exact = await ctx.client.request<KubeObject>({
          verb: 'GET',
          path: objectPath(type, ns ?? namespace, name),
        });
        if (exact.status < 300) found.push(exact.body);
        else errors.push(await notFoundError(ctx, type, ns, exact));
      }
      continue;
    }
    const query = flags.string('selector') ? { labelSelector: flags.string('selector') as string } : undefined;
    const list = await ctx.client.request<{ items?: KubeObject[] }>({
      verb: 'GET',
      path: objectPath(type, ns),
      ...(query ? { query } : {}),
    });
    const error = responseError(list);
    if (error) errors.push({ status: list.status, text: error });
    else
      for (const object of list.body.items ?? [])
        found.push({ ...object, kind: type.kind, apiVersion: groupVersion(type) });
  }
  const [onlySelection] = selection.selections;
  if (
    errors.length === 1 &&
    errors[0]?.status === 404 &&
    flags.positional.length === 2 &&
    !flags.positional.some((a) => a.includes('/')) &&
    selection.selections.length === 1 &&
    onlySelection
  ) {
    return describeMatching(
      onlySelection.type,
      onlySelection.names[0] ?? '',
      namespace,
      errors[0].text,
      ctx,
      showEvents,
    );
  }
  const blocks: string[] = [];
  for (const object of found) blocks.push(await describeObject(object, ctx, showEvents));
  const stderr = errors.map((e) => e.text).join('');
  if (found.length === 0 && errors.length === 0)
    return {
      stdout: '',
      stderr: allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`,
      exitCode: 0,
    };
  return { stdout: blocks.join('\n\n'), stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

/**
 * describeFiles is `kubectl describe -f FILE`: each manifest names an object, which is read from the
 * cluster (not from the file) and described; missing ones are reported after the others.
 */
async function describeFiles(filenames: string[], flags: ParsedFlags, ctx: KubectlContext): Promise<CommandResult> {
  const read = readManifestSources(ctx, {
    filenames,
    kustomize: flags.string('kustomize'),
    recursive: flags.bool('recursive'),
  });
  if (!read.ok) return fail(`${read.warnings}${read.error}`);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const blocks: string[] = [];
  let stderr = '';
  for (const manifest of read.manifests) {
    const found = typeOf(registry, manifest);
    if (!found.ok) {
      stderr += `${found.error}\n`;
      continue;
    }
    const ns = found.type.namespaced ? (manifest.object.metadata?.namespace ?? namespace) : undefined;
    const response = await ctx.client.request<KubeObject>({
      verb: 'GET',
      path: objectPath(found.type, ns, manifest.object.metadata?.name ?? ''),
    });
    if (response.status >= 300) stderr += (await notFoundError(ctx, found.type, ns, response)).text;
    else blocks.push(await describeObject(response.body, ctx, flags.bool('show-events')));
  }
  return { stdout: blocks.join('\n\n'), stderr: read.warnings + stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * notFoundError is the error kubectl's resource builder reports for a missing object: when the object's
 * namespace is missing too, it reports the namespace instead (`namespaces "x" not found`).
 */
async function notFoundError(
  ctx: KubectlContext,
  type: ResourceType,
  namespace: string | undefined,
  response: { status: number; body: unknown },
): Promise<{ status: number; text: string }> {
  if (response.status === 404 && type.namespaced && namespace) {
    const ns = await ctx.client.request({ verb: 'GET', path: `/api/v1/namespaces/${namespace}` });
    if (ns.status === 404) return { status: 404, text: responseError(ns) ?? '' };
  }
  return { status: response.status, text: responseError(response) ?? '' };
}

/**
 * describeMatching is DescribeMatchingResources: every object of the type whose name starts with the
 * prefix, each description followed by a newline; the list's own error, or the original not-found one.
 */
async function describeMatching(
  type: ResourceType,
  prefix: string,
  namespace: string,
  originalError: string,
  ctx: KubectlContext,
  showEvents: boolean,
): Promise<CommandResult> {
  const list = await ctx.client.request<{ items?: KubeObject[] }>({
    verb: 'GET',
    path: objectPath(type, type.namespaced ? namespace : undefined),
  });
  const listError = responseError(list);
  if (listError) return { stdout: '', stderr: listError, exitCode: 1 };
  let stdout = '';
  for (const object of list.body.items ?? []) {
    if (!(object.metadata.name ?? '').startsWith(prefix)) continue;
    stdout += `${await describeObject({ ...object, kind: type.kind, apiVersion: groupVersion(type) }, ctx, showEvents)}\n`;
  }
  if (stdout === '') return { stdout: '', stderr: originalError, exitCode: 1 };
  return { stdout, stderr: '', exitCode: 0 };
}
