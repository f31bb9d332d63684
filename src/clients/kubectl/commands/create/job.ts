/**
 * `kubectl create job NAME --image=image [-- command]` and `--from=cronjob/NAME` (create_job.go):
 * the second copies a CronJob's job template, which needs the server even for a client dry run.
 */
import { isStatus, objectPath } from '../../../../engine/index.ts';
import { discover } from '../../discovery.ts';
import { statusMessage } from '../../errors.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, JOB, objectMeta } from './types.ts';

export async function createJob(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create job',
    flags: [
      { name: 'image', type: 'string' },
      { name: 'from', type: 'string' },
    ],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const image = o.flags.string('image') ?? '';
  const from = o.flags.string('from') ?? '';
  if ((image === '' && from === '') || (image !== '' && from !== ''))
    return fail('error: either --image or --from must be specified\n');
  if (o.command.length > 0 && from !== '') return fail('error: cannot specify --from and command\n');
  const namespace = o.enforceNamespace ? o.namespace : undefined;
  if (image !== '') {
    const job = {
      kind: 'Job',
      apiVersion: apiVersion(JOB),
      metadata: objectMeta(o.name, namespace),
      spec: {
        template: {
          spec: {
            containers: [{ name: o.name, image, ...(o.command.length ? { command: o.command } : {}) }],
            restartPolicy: 'Never',
          },
        },
      },
    };
    return finishCreate(ctx, o, JOB, job, { wrap: 'failed to create job: ' });
  }

  const cronJob = await fetchFrom(ctx, from, o.namespace);
  if (!cronJob.ok) return fail(cronJob.error);
  const source = cronJob.object;
  const template = ((source.spec as Record<string, unknown> | undefined)?.jobTemplate ?? {}) as Record<string, unknown>;
  const templateMeta = (template.metadata ?? {}) as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  const sourceMeta = (source.metadata ?? {}) as { name?: string; uid?: string };
  const job = {
    kind: 'Job',
    apiVersion: apiVersion(JOB),
    metadata: objectMeta(o.name, namespace, {
      ...(templateMeta.labels ? { labels: templateMeta.labels } : {}),
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(templateMeta.annotations ?? {}) },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: sourceMeta.name ?? '',
          uid: sourceMeta.uid ?? '',
          controller: true,
        },
      ],
    }),
    spec: template.spec ?? {},
  };
  return finishCreate(ctx, o, JOB, job, { wrap: 'failed to create job: ' });
}

/** fetchFrom resolves `--from=TYPE/NAME` through discovery and reads the object. */
async function fetchFrom(
  ctx: KubectlContext,
  from: string,
  namespace: string,
): Promise<{ ok: true; object: Record<string, unknown> } | { ok: false; error: string }> {
  const slash = from.indexOf('/');
  if (slash <= 0 || slash === from.length - 1) return { ok: false, error: 'error: from must be an existing cronjob\n' };
  const typeName = from.slice(0, slash).toLowerCase();
  const name = from.slice(slash + 1);
  const registry = await discover(ctx.client);
  const [resource = '', ...groupParts] = typeName.split('.');
  const group = groupParts.join('.');
  const type = registry
    .all()
    .find(
      (t) =>
        (t.plural === resource ||
          t.singular === resource ||
          t.shortNames.includes(resource) ||
          t.kind.toLowerCase() === resource) &&
        (group === '' || t.group === group || t.group.startsWith(group)),
    );
  if (!type) return { ok: false, error: `the server doesn't have a resource type "${typeName}"\n` };
  const response = await ctx.client.request({ verb: 'GET', path: objectPath(type, namespace, name) });
  if (response.status >= 400)
    return {
      ok: false,
      error: isStatus(response.body) ? statusMessage(response.body) : `error: ${String(response.body)}\n`,
    };
  const object = response.body as Record<string, unknown>;
  if (object.kind !== 'CronJob')
    return { ok: false, error: `error: unknown object type *${type.version}.${type.kind}\n` };
  return { ok: true, object };
}
