import type { Pod } from 'kubernetes-types/core/v1';
import { objectPath, parseDuration, type KubeObject } from '../../../../engine/index.ts';
import type { Info } from '../../builder.ts';
import { isStatus } from '../../../../engine/index.ts';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../../flags.ts';
import { DRY_RUN_FLAG, parseDryRun, type DryRun } from '../../mutation.ts';
import { pause, Stream } from '../../stream.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { cordonNodes, nodeTargets } from './cordon.ts';

/**
 * `kubectl drain` (pkg/cmd/drain, pkg/drain): cordon the node, refuse or warn about the pods it
 * cannot move (DaemonSet pods, emptyDir data, pods without a controller), then evict the rest
 * through the eviction subresource — retrying every 5 s while a PodDisruptionBudget says no — and
 * wait for them to go. Waiting moves simulated time.
 */
const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'pod-selector', type: 'string' },
  { name: 'force', type: 'bool' },
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'delete-local-data', type: 'bool' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
  { name: 'chunk-size', type: 'int', default: 500 },
  DRY_RUN_FLAG,
];

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
/** RETRY_MS is how long drain waits before asking again when a disruption budget refuses. */
const RETRY_MS = 5000;
/** UNBOUNDED_MS stands for "no --timeout" when nothing can interrupt the command. */
const UNBOUNDED_MS = 5 * 60_000;

type Verdict = { delete: true; warning?: string } | { delete: false; warning?: string; error?: string; skip?: true };

interface Options {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDir: boolean;
}

async function filterPod(ctx: KubectlContext, pod: Pod, options: Options): Promise<Verdict> {
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const controller = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller);
  let verdict: Verdict = { delete: true };
  if (controller?.kind === 'DaemonSet' && !finished) {
    const ds = await ctx.client.request({
      verb: 'GET',
      path: objectPath(
        { group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true },
        pod.metadata?.namespace,
        controller.name,
      ),
    });
    if (ds.status >= 400) {
      const message = isStatus(ds.body) ? (ds.body.message ?? '') : '';
      if (ds.status === 404 && options.force) verdict = { delete: true, warning: message };
      else return { delete: false, error: message };
    } else if (!options.ignoreDaemonSets) return { delete: false, error: DAEMONSET_FATAL };
    else return { delete: false, warning: DAEMONSET_WARNING };
  }
  if (pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined) return { delete: false, skip: true };
  if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir) && !finished) {
    if (!options.deleteEmptyDir) return { delete: false, error: LOCAL_STORAGE_FATAL };
    verdict = { delete: true, warning: LOCAL_STORAGE_WARNING };
  }
  if (!finished && !controller) {
    if (!options.force) return { delete: false, error: UNMANAGED_FATAL };
    verdict = { delete: true, warning: UNMANAGED_WARNING };
  }
  return verdict;
}

interface PodList {
  pods: Pod[];
  warnings: string;
  errors: string[];
}

/** podsForDeletion is GetPodsForDeletion: the node's pods through the filters, grouped messages. */
async function podsForDeletion(
  ctx: KubectlContext,
  node: string,
  podSelector: string | undefined,
  options: Options,
): Promise<PodList> {
  const list = await ctx.client.request<{ items?: Pod[] }>({
    verb: 'GET',
    path: '/api/v1/pods',
    query: { fieldSelector: `spec.nodeName=${node}`, ...(podSelector ? { labelSelector: podSelector } : {}) },
  });
  const pods: Pod[] = [];
  const warnings = new Map<string, string[]>();
  const failures = new Map<string, string[]>();
  for (const pod of list.body.items ?? []) {
    const verdict = await filterPod(ctx, pod, options);
    const ref = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    if (verdict.delete) pods.push(pod);
    if ('error' in verdict && verdict.error !== undefined)
      failures.set(verdict.error, [...(failures.get(verdict.error) ?? []), ref]);
    else if (verdict.warning) warnings.set(verdict.warning, [...(warnings.get(verdict.warning) ?? []), ref]);
  }
  return {
    pods,
    warnings: [...warnings].map(([message, refs]) => `${message}: ${refs.join(', ')}`).join('; '),
    errors: [...failures].map(([message, refs]) => `cannot delete ${message}: ${refs.join(', ')}`),
  };
}

/** evictPods asks the eviction subresource for each pod, then waits until they are gone. */
async function evictPods(
  ctx: KubectlContext,
  stream: Stream,
  pods: Pod[],
  flags: ParsedFlags,
  dryRun: DryRun,
  timeoutMs: number,
): Promise<string[]> {
  const errors: string[] = [];
  const grace = flags.int('grace-period') ?? -1;
  const useEviction = !flags.bool('disable-eviction');
  const pending = new Set<Pod>(pods);
  let waited = 0;
  const outOfTime = () => !ctx.advance || waited >= timeoutMs || stream.aborted;
  const refused = new Set<Pod>(pods);
  while (refused.size > 0) {
    for (const pod of [...refused]) {
      const namespace = pod.metadata?.namespace ?? '';
      const name = pod.metadata?.name ?? '';
      stream.out(`evicting pod ${namespace}/${name}${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
      if (waited > 0 && outOfTime()) {
        errors.push(
          `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: global timeout reached: ${goDuration(timeoutMs)}`,
        );
        refused.delete(pod);
        pending.delete(pod);
        continue;
      }
      const response = useEviction
        ? await ctx.client.request({
            verb: 'POST',
            path: `/api/v1/namespaces/${namespace}/pods/${name}/eviction`,
            body: {
              kind: 'Eviction',
              apiVersion: 'policy/v1',
              metadata: { name, namespace },
              ...(grace >= 0 || dryRun === 'server'
                ? {
                    deleteOptions: {
                      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
                      ...(dryRun === 'server' ? { dryRun: ['All'] } : {}),
                    },
                  }
                : {}),
            },
            ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
          })
        : await ctx.client.request({
            verb: 'DELETE',
            path: `/api/v1/namespaces/${namespace}/pods/${name}`,
            body: { kind: 'DeleteOptions', apiVersion: 'v1', ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) },
            ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
          });
      if (response.status < 400 || response.status === 404) {
        refused.delete(pod);
        if (response.status === 404 || dryRun === 'server') pending.delete(pod);
        continue;
      }
      const message = isStatus(response.body) ? (response.body.message ?? '') : String(response.body);
      if (response.status === 429) {
        stream.err(
          `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after 5s): ${message}\n`,
        );
        continue;
      }
      errors.push(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${message}`);
      refused.delete(pod);
      pending.delete(pod);
    }
    if (refused.size === 0) break;
    if (ctx.advance) await ctx.advance(RETRY_MS);
    waited += RETRY_MS;
    if (ctx.onOutput) await pause(50);
  }
  const verb = useEviction ? 'evicted' : 'deleted';
  while (pending.size > 0) {
    for (const pod of [...pending]) {
      const check = await ctx.client.request<KubeObject>({
        verb: 'GET',
        path: `/api/v1/namespaces/${pod.metadata?.namespace ?? ''}/pods/${pod.metadata?.name ?? ''}`,
      });
      if (check.status === 404 || check.body.metadata.uid !== pod.metadata?.uid) {
        stream.out(`pod/${pod.metadata?.name ?? ''} ${verb}\n`);
        pending.delete(pod);
      }
    }
    if (pending.size === 0 || outOfTime()) break;
    await ctx.advance?.(1000);
    waited += 1000;
    if (ctx.onOutput) await pause();
  }
  for (const pod of pending)
    errors.push(
      `error when waiting for pod ${JSON.stringify(pod.metadata?.name ?? '')} in namespace ${JSON.stringify(pod.metadata?.namespace ?? '')} to terminate: global timeout reached: ${goDuration(timeoutMs)}`,
    );
  return errors;
}

function goDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** drainError is how several pod errors print once drain gives up on a node. */
function joined(errors: string[]): string {
  return errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`;
}

export async function drainCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const timeoutText = flags.string('timeout') ?? '0s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined)
    return fail(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  const targets = await nodeTargets(ctx, flags, 'drain');
  if (!('nodes' in targets)) return targets;
  const stream = new Stream(ctx);
  stream.err(dry.warning);
  const cordoned = await cordonNodes(ctx, targets.nodes, true, dry.dryRun);
  stream.out(cordoned.stdout);
  const firstErrors = [...targets.errors, ...cordoned.errors];
  if (firstErrors.length) {
    stream.err(firstErrors.map((e) => (e.endsWith('\n') ? e : `error: ${e}\n`)).join(''));
    return stream.result(1);
  }
  const options: Options = {
    force: flags.bool('force'),
    ignoreDaemonSets: flags.bool('ignore-daemonsets'),
    deleteEmptyDir: flags.bool('delete-emptydir-data') || flags.bool('delete-local-data'),
  };
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of targets.nodes as Info[]) {
    const list = await podsForDeletion(ctx, node.name, flags.string('pod-selector'), options);
    let errors = list.errors;
    if (errors.length === 0) {
      if (list.warnings) stream.err(`Warning: ${list.warnings}\n`);
      if (dry.dryRun === 'client') {
        for (const pod of list.pods)
          stream.out(`evicting pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''} (dry run)\n`);
      } else {
        errors = await evictPods(ctx, stream, list.pods, flags, dry.dryRun, timeout > 0 ? timeout : UNBOUNDED_MS);
        if (errors.length) {
          const pendingPods = (await podsForDeletion(ctx, node.name, flags.string('pod-selector'), options)).pods;
          if (pendingPods.length) {
            stream.err(
              `There are pending pods in node ${JSON.stringify(node.name)} when an error occurred: ${joined(errors)}\n`,
            );
            for (const pod of pendingPods) stream.err(`pod/${pod.metadata?.name ?? ''}\n`);
          }
        }
      }
    }
    if (errors.length === 0) {
      stream.out(
        `node/${node.name} drained${dry.dryRun === 'client' ? ' (dry run)' : dry.dryRun === 'server' ? ' (server dry run)' : ''}\n`,
      );
      continue;
    }
    stream.err(
      `error: unable to drain node ${JSON.stringify(node.name)} due to error: ${joined(errors)}, continuing command...\n`,
    );
    fatal.push(errors);
    remaining.push(node.name);
  }
  if (remaining.length > 0) {
    stream.err('There are pending nodes to be drained:\n');
    for (const name of remaining) stream.err(` ${name}\n`);
    const lines = fatal.length === 1 ? (fatal[0] as string[]) : fatal.map(joined);
    stream.err(lines.map((l) => `${l}\n`).join(''));
    return stream.result(1);
  }
  return stream.result(0);
}
