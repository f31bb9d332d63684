import { objectPath, type KubeObject } from '../../../../engine/index.ts';
import { buildInfos, type Info } from '../../builder.ts';
import { discover } from '../../discovery.ts';
import { aggregateErrors, responseError } from '../../errors.ts';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../../flags.ts';
import { DRY_RUN_FLAG, dryRunSuffix, parseDryRun, type DryRun } from '../../mutation.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';

/**
 * `kubectl cordon` and `uncordon` (pkg/cmd/drain, pkg/drain/cordon.go): set or clear
 * spec.unschedulable on the named nodes (or those matching -l), saying `already cordoned` when
 * there is nothing to do.
 */
export const CORDON_FLAGS: FlagSpec[] = [{ name: 'selector', short: 'l', type: 'string' }, DRY_RUN_FLAG];

export interface NodeTargets {
  nodes: Info[];
  errors: string[];
}

/** nodeTargets reads the nodes a cordon/drain command names, or kubectl's usage error. */
export async function nodeTargets(
  ctx: KubectlContext,
  flags: ParsedFlags,
  command: string,
): Promise<NodeTargets | CommandResult> {
  const selector = flags.string('selector');
  if (flags.positional.length === 0 && !selector)
    return fail(`error: USAGE: ${command} NODE [flags]\nSee 'kubectl ${command} -h' for help and examples`);
  const registry = await discover(ctx.client);
  const built = await buildInfos(ctx, registry, {
    args: selector ? ['nodes'] : ['nodes', ...flags.positional],
    selector,
    namespace: ctx.namespace,
  });
  if (!built.ok) return fail(built.error);
  return { nodes: built.infos, errors: built.errors };
}

/** cordonNodes changes each node's schedulability and says what it did, one line per node. */
export async function cordonNodes(
  ctx: KubectlContext,
  nodes: Info[],
  desired: boolean,
  dryRun: DryRun,
): Promise<{ stdout: string; errors: string[] }> {
  let stdout = '';
  const errors: string[] = [];
  const word = desired ? 'cordoned' : 'uncordoned';
  for (const node of nodes) {
    const current = (node.object.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    if (current === desired) {
      stdout += `node/${node.name} already ${word}\n`;
      continue;
    }
    if (dryRun !== 'client') {
      const response = await ctx.client.request<KubeObject>({
        verb: 'PATCH',
        path: objectPath(node.type, undefined, node.name),
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: { spec: { unschedulable: desired ? true : null } },
        ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
      });
      const error = responseError(response);
      if (error) {
        errors.push(error);
        continue;
      }
    }
    stdout += `node/${node.name} ${word}${dryRunSuffix(dryRun)}\n`;
  }
  return { stdout, errors };
}

function cordonCommand(
  desired: boolean,
  command: string,
): (args: string[], ctx: KubectlContext) => Promise<CommandResult> {
  return async (args, ctx) => {
    const flags = parseFlags(args, CORDON_FLAGS);
    const dry = parseDryRun(flags, ctx.now);
    if (typeof dry === 'string') return fail(dry);
    const targets = await nodeTargets(ctx, flags, command);
    if (!('nodes' in targets)) return targets;
    const { stdout, errors } = await cordonNodes(ctx, targets.nodes, desired, dry.dryRun);
    const all = [...targets.errors, ...errors];
    return { stdout, stderr: dry.warning + aggregateErrors(all), exitCode: all.length ? 1 : 0 };
  };
}

export const cordonCommandImpl = cordonCommand(true, 'cordon');
export const uncordonCommandImpl = cordonCommand(false, 'uncordon');
