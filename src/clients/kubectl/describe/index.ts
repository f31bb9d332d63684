import { groupVersion, objectPath, type KubeObject, type ResourceType } from '../../../engine/index.ts';
import { discover } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { tabulate } from '../printers/tabwriter.ts';
import { selectResources } from '../resources.ts';
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
 * describeCommand is `kubectl describe TYPE [NAME_PREFIX]`: with a name it describes objects whose
 * names start with it (as kubectl does), without one every object of the type, separated by blank lines.
 */
export async function describeCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, DESCRIBE_FLAGS);
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
  const found: { type: ResourceType; object: KubeObject }[] = [];
  let stderr = '';
  let exitCode = 0;
  for (const { type, names } of selection.selections) {
    const ns = type.namespaced && !allNamespaces ? namespace : undefined;
    if (names.length > 0) {
      for (const name of names) {
        const exact = await ctx.client.request<KubeObject>({
          verb: 'GET',
          path: objectPath(type, ns ?? namespace, name),
        });
        if (exact.status < 300) {
          found.push({ type, object: exact.body });
          continue;
        }
        const list = await ctx.client.request<{ items?: KubeObject[] }>({ verb: 'GET', path: objectPath(type, ns) });
        const prefixed = (list.body.items ?? []).filter((o) => (o.metadata.name ?? '').startsWith(name));
        if (prefixed.length === 0) {
          stderr += responseError(exact) ?? '';
          exitCode = 1;
        }
        for (const object of prefixed)
          found.push({ type, object: { ...object, kind: type.kind, apiVersion: groupVersion(type) } });
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
    if (error) {
      stderr += error;
      exitCode = 1;
      continue;
    }
    for (const object of list.body.items ?? [])
      found.push({ type, object: { ...object, kind: type.kind, apiVersion: groupVersion(type) } });
  }
  if (found.length === 0 && exitCode === 0) {
    return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  }
  const blocks: string[] = [];
  for (const { object } of found) blocks.push(await describeObject(object, ctx, flags.bool('show-events')));
  return { stdout: blocks.join('\n\n'), stderr, exitCode };
}
