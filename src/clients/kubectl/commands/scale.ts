import { objectPath } from '../../../engine/index.ts';
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

/**
 * `kubectl scale` (pkg/cmd/scale, pkg/scale): a merge patch of the scale subresource, or — with
 * --current-replicas or --resource-version — a read, a precondition check and an update.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'timeout', type: 'string' },
  DRY_RUN_FLAG,
];

export const RESOURCES_REQUIRED = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

interface Scale {
  metadata: { resourceVersion?: string };
  spec?: { replicas?: number };
}

export async function scaleCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  if (!args.some((a) => a === '--replicas' || a.startsWith('--replicas=')))
    return fail('error: required flag(s) "replicas" not set');
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const filenames = flags.strings('filename');
  if (flags.positional.length === 0 && filenames.length === 0) return fail(RESOURCES_REQUIRED);
  const replicas = flags.int('replicas') ?? -1;
  if (replicas < 0)
    return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames,
    recursive: flags.bool('recursive'),
    selector: flags.string('selector'),
    all: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return fail(built.error);
  const resourceVersion = flags.string('resource-version') ?? '';
  if (resourceVersion && built.infos.length > 1)
    return fail('error: cannot use --resource-version with multiple resources');
  const current = flags.int('current-replicas') ?? -1;
  let stdout = '';
  const errors: string[] = [];
  for (const info of built.infos) {
    if (dry.dryRun !== 'client') {
      const path = objectPath(info.type, info.namespace, info.name, 'scale');
      const query = dry.dryRun === 'server' ? { dryRun: 'All' } : undefined;
      if (current >= 0 || resourceVersion) {
        const read = await ctx.client.request<Scale>({ verb: 'GET', path });
        const readError = responseError(read);
        if (readError) {
          errors.push(readError);
          continue;
        }
        const actual = read.body.spec?.replicas ?? 0;
        if (current >= 0 && actual !== current) {
          errors.push(`Expected replicas to be ${current}, was ${actual}`);
          continue;
        }
        if (resourceVersion && read.body.metadata.resourceVersion !== resourceVersion) {
          errors.push(
            `Expected resource version to be ${resourceVersion}, was ${read.body.metadata.resourceVersion ?? ''}`,
          );
          continue;
        }
        const updated = await ctx.client.request({
          verb: 'PUT',
          path,
          body: { ...read.body, spec: { ...(read.body.spec ?? {}), replicas } },
          ...(query ? { query } : {}),
        });
        const error = responseError(updated);
        if (error) {
          errors.push(error);
          continue;
        }
      } else {
        const patched = await ctx.client.request({
          verb: 'PATCH',
          path,
          headers: { 'content-type': 'application/merge-patch+json' },
          body: { spec: { replicas } },
          ...(query ? { query } : {}),
        });
        const error = responseError(patched);
        if (error) {
          errors.push(error);
          continue;
        }
      }
    }
    const printed = printChanged(output, info.type, info.object, 'scaled', dry.dryRun);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  errors.push(...built.errors);
  return { stdout, stderr: dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
