import { objectPath, rfc3339, type KubeObject } from '../../../../engine/index.ts';
import { buildInfos, type Info } from '../../builder.ts';
import { discover, qualifiedPlural } from '../../discovery.ts';
import { aggregateErrors, responseError } from '../../errors.ts';
import { parseFlags, type FlagSpec } from '../../flags.ts';
import { DRY_RUN_FLAG, parseDryRun, parseObjectOutput, printChanged, templateOptions } from '../../mutation.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { ROLLOUT_FLAGS } from './flags.ts';
import { REVISION_ANNOTATION, revisionsOf, templateOf } from './revisions.ts';

/**
 * `kubectl rollout undo|restart|pause|resume` (pkg/cmd/rollout, polymorphichelpers): each reads the
 * objects, works out a patch (or refuses with kubectl's reason) and reports `rolled back`,
 * `restarted`, `paused` or `resumed`.
 */
type Outcome = { patch: { type: string; body: unknown }; operation: string } | { skipped: string } | { error: string };

interface Action {
  flags: FlagSpec[];
  act: (ctx: KubectlContext, info: Info, flags: ReturnType<typeof parseFlags>) => Promise<Outcome>;
}

const STRATEGIC = 'application/strategic-merge-patch+json';
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function isPaused(object: KubeObject): boolean {
  return (object.spec as { paused?: boolean } | undefined)?.paused === true;
}

function named(info: Info, message: string): { error: string } {
  return { error: `error: ${qualifiedPlural(info.type)} ${JSON.stringify(info.name)} ${message}` };
}

const undo: Action = {
  flags: [{ name: 'to-revision', type: 'int', default: 0 }, DRY_RUN_FLAG],
  async act(ctx, info, flags) {
    if (info.object.kind !== 'Deployment')
      return { error: `no rollbacker has been implemented for ${JSON.stringify(info.object.kind)}` };
    if (isPaused(info.object))
      return {
        error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      };
    const toRevision = flags.int('to-revision') ?? 0;
    const revisions = await revisionsOf(ctx, info.object);
    let target;
    if (toRevision > 0) {
      target = revisions.find((r) => r.revision === toRevision);
      if (!target) return { error: `unable to find specified revision ${toRevision} in history` };
    } else {
      target = revisions.length >= 2 ? revisions[revisions.length - 2] : undefined;
      if (!target) return { error: `no rollout history found for deployment ${JSON.stringify(info.name)}` };
    }
    const template = structuredClone(templateOf(target) ?? {}) as { metadata?: { labels?: Record<string, string> } };
    const current = (info.object.spec as { template?: unknown } | undefined)?.template;
    const withoutHash = structuredClone(template);
    if (withoutHash.metadata?.labels) delete withoutHash.metadata.labels['pod-template-hash'];
    if (JSON.stringify(sortKeys(withoutHash)) === JSON.stringify(sortKeys(current)))
      return { skipped: `skipped rollback (current template already matches revision ${target.revision})` };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(info.object.metadata.annotations ?? {}))
      if (SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.object.metadata.annotations ?? {}))
      if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
    return {
      patch: {
        type: 'application/json-patch+json',
        body: [
          { op: 'replace', path: '/spec/template', value: withoutHash },
          { op: 'replace', path: '/metadata/annotations', value: annotations },
        ],
      },
      operation: 'rolled back',
    };
  },
};

const restart: Action = {
  flags: [],
  act(ctx, info) {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(info.object.kind))
      return Promise.resolve(named(info, `restarting is not supported`));
    if (info.object.kind === 'Deployment' && isPaused(info.object))
      return Promise.resolve(named(info, "can't restart paused deployment (run rollout resume first)"));
    return Promise.resolve({
      patch: {
        type: STRATEGIC,
        body: {
          spec: {
            template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.now()) } } },
          },
        },
      },
      operation: 'restarted',
    });
  },
};

function pauser(pause: boolean): Action {
  return {
    flags: [],
    act(_ctx, info) {
      if (info.object.kind !== 'Deployment')
        return Promise.resolve(named(info, `${pause ? 'pausing' : 'resuming'} is not supported`));
      if (isPaused(info.object) === pause)
        return Promise.resolve(named(info, pause ? 'is already paused' : 'is not paused'));
      return Promise.resolve({
        patch: { type: STRATEGIC, body: { spec: { paused: pause ? true : null } } },
        operation: pause ? 'paused' : 'resumed',
      });
    },
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function actionCommand(action: Action): (args: string[], ctx: KubectlContext) => Promise<CommandResult> {
  return async (args, ctx) => {
    const flags = parseFlags(args, [...ROLLOUT_FLAGS, ...action.flags]);
    if (flags.positional.length === 0 && flags.strings('filename').length === 0)
      return fail('error: required resource not specified');
    const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
    if (typeof output === 'string') return fail(output);
    const dry = parseDryRun(flags, ctx.now);
    if (typeof dry === 'string') return fail(dry);
    const registry = await discover(ctx.client);
    const built = await buildInfos(ctx, registry, {
      args: flags.positional,
      filenames: flags.strings('filename'),
      selector: flags.string('selector'),
      namespace: flags.string('namespace') ?? ctx.namespace,
    });
    if (!built.ok) return fail(built.error);
    let stdout = '';
    const errors: string[] = [...built.errors];
    for (const info of built.infos) {
      const outcome = await action.act(ctx, info, flags);
      if ('error' in outcome) {
        errors.push(outcome.error);
        continue;
      }
      if ('skipped' in outcome) {
        const printed = printChanged(output, info.type, info.object, outcome.skipped, 'none');
        if (printed.ok) stdout += printed.text;
        continue;
      }
      let shown = info.object;
      if (dry.dryRun !== 'client') {
        const response = await ctx.client.request<KubeObject>({
          verb: 'PATCH',
          path: objectPath(info.type, info.namespace, info.name),
          headers: { 'content-type': outcome.patch.type },
          body: outcome.patch.body,
          query: {
            fieldManager: flags.string('field-manager') ?? 'kubectl-rollout',
            ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
          },
        });
        const error = responseError(response);
        if (error) {
          errors.push(error);
          continue;
        }
        shown = response.body;
      }
      const printed = printChanged(output, info.type, shown, outcome.operation, dry.dryRun);
      if (printed.ok) stdout += printed.text;
      else {
        stdout += printed.stdout ?? '';
        errors.push(printed.error);
      }
    }
    return { stdout, stderr: dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
  };
}

export const rolloutUndoCommand = actionCommand(undo);
export const rolloutRestartCommand = actionCommand(restart);
export const rolloutPauseCommand = actionCommand(pauser(true));
export const rolloutResumeCommand = actionCommand(pauser(false));
