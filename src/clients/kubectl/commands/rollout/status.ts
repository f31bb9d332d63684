import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import { objectPath, parseDuration, type KubeObject } from '../../../../engine/index.ts';
import { buildInfos } from '../../builder.ts';
import { discover } from '../../discovery.ts';
import { responseError } from '../../errors.ts';
import { parseFlags } from '../../flags.ts';
import { pause, Stream } from '../../stream.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { REVISION_ANNOTATION } from './revisions.ts';
import { ROLLOUT_FLAGS } from './flags.ts';

/**
 * `kubectl rollout status` (pkg/cmd/rollout/rollout_status.go, polymorphichelpers/rollout_status.go):
 * the status viewer's line for every change of the object until the rollout is done. Waiting moves
 * simulated time one second at a time; without --timeout it gives up after WAIT_LIMIT_MS.
 */
const STEP_MS = 1000;
const WAIT_LIMIT_MS = 15 * 60_000;

type Viewed = { message: string; done: boolean } | { error: string };

function deploymentStatus(d: Deployment, revision: number): Viewed {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const current = Number(d.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0');
    if (current !== revision)
      return { error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = (status.conditions ?? []).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded')
      return { error: `deployment ${JSON.stringify(name)} exceeded its progress deadline` };
    const replicas = d.spec?.replicas;
    const updated = status.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas)
      return {
        message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
        done: false,
      };
    if ((status.replicas ?? 0) > updated)
      return {
        message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`,
        done: false,
      };
    if ((status.availableReplicas ?? 0) < updated)
      return {
        message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function daemonSetStatus(ds: DaemonSet): Viewed {
  const name = ds.metadata?.name ?? '';
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = ds.status ?? {
    currentNumberScheduled: 0,
    desiredNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
  };
  if ((ds.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const desired = status.desiredNumberScheduled ?? 0;
    if ((status.updatedNumberScheduled ?? 0) < desired)
      return {
        message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${status.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    if ((status.numberAvailable ?? 0) < desired)
      return {
        message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${status.numberAvailable ?? 0} of ${desired} updated pods are available...\n`,
        done: false,
      };
    return { message: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statefulSetStatus(sts: StatefulSet): Viewed {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = sts.status ?? { replicas: 0 };
  if (!status.observedGeneration || (sts.metadata?.generation ?? 0) > status.observedGeneration)
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (status.readyReplicas ?? 0) < replicas)
    return { message: `Waiting for ${replicas - (status.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (status.updatedReplicas ?? 0) < replicas - partition)
      return {
        message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    return {
      message: `partitioned roll out complete: ${status.updatedReplicas ?? 0} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status.updateRevision !== status.currentRevision)
    return {
      message: `waiting for statefulset rolling update to complete ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision ?? ''}...\n`,
      done: false,
    };
  return {
    message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`,
    done: true,
  };
}

export function viewStatus(object: KubeObject, revision: number): Viewed | undefined {
  switch (object.kind) {
    case 'Deployment':
      return deploymentStatus(object as unknown as Deployment, revision);
    case 'DaemonSet':
      return daemonSetStatus(object as unknown as DaemonSet);
    case 'StatefulSet':
      return statefulSetStatus(object as unknown as StatefulSet);
    default:
      return undefined;
  }
}

export async function rolloutStatusCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    ...ROLLOUT_FLAGS,
    { name: 'watch', short: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int', default: 0 },
    { name: 'timeout', type: 'string', default: '0s' },
  ]);
  if (flags.positional.length === 0 && flags.strings('filename').length === 0)
    return fail('error: required resource not specified');
  const timeoutText = flags.string('timeout') ?? '0s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined)
    return fail(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  const registry = await discover(ctx.client);
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames: flags.strings('filename'),
    selector: flags.string('selector'),
    namespace: flags.string('namespace') ?? ctx.namespace,
  });
  if (!built.ok) return fail(built.error);
  if (built.errors.length > 0) return { stdout: '', stderr: built.errors.join(''), exitCode: 1 };
  if (built.infos.length !== 1)
    return fail(
      `error: rollout status is only supported on individual resources and resource collections, but ${built.infos.length} resources were found`,
    );
  const info = built.infos[0] as (typeof built.infos)[number];
  if (!viewStatus(info.object, 0)) return fail(`error: no status viewer has been implemented for ${info.object.kind}`);
  const stream = new Stream(ctx);
  const revision = flags.int('revision') ?? 0;
  const limit = timeout > 0 ? timeout : WAIT_LIMIT_MS;
  let lastVersion: string | undefined;
  for (let waited = 0; ; waited += STEP_MS) {
    const response = await ctx.client.request<KubeObject>({
      verb: 'GET',
      path: objectPath(info.type, info.namespace, info.name),
    });
    if (response.status === 404) {
      stream.err('error: object has been deleted\n');
      return stream.result(1);
    }
    const error = responseError(response);
    if (error) {
      stream.err(error);
      return stream.result(1);
    }
    const viewed = viewStatus(response.body, revision) as Viewed;
    if ('error' in viewed) {
      stream.err(`error: ${viewed.error}\n`);
      return stream.result(1);
    }
    if (response.body.metadata.resourceVersion !== lastVersion) {
      stream.out(viewed.message);
      lastVersion = response.body.metadata.resourceVersion;
    }
    if (viewed.done || !flags.bool('watch')) return stream.result(0);
    if (stream.aborted) return stream.result(130);
    if (waited >= limit || !ctx.advance) {
      stream.err('error: timed out waiting for the condition\n');
      return stream.result(1);
    }
    await ctx.advance(STEP_MS);
    if (ctx.onOutput) await pause();
  }
}
