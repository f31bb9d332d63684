/** `kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' [-- command]` (create_cronjob.go). */
import type { CommandResult, KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, CRON_JOB, objectMeta } from './types.ts';

export async function createCronJob(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create cronjob',
    flags: [
      { name: 'image', type: 'string' },
      { name: 'schedule', type: 'string' },
      { name: 'restart', type: 'string' },
    ],
    required: ['image', 'schedule'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const restart = o.flags.string('restart') || 'OnFailure';
  const cronJob = {
    kind: 'CronJob',
    apiVersion: apiVersion(CRON_JOB),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined),
    spec: {
      schedule: o.flags.string('schedule') ?? '',
      jobTemplate: {
        metadata: { name: o.name },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: o.name,
                  image: o.flags.string('image') ?? '',
                  ...(o.command.length ? { command: o.command } : {}),
                },
              ],
              restartPolicy: restart,
            },
          },
        },
      },
    },
  };
  return finishCreate(ctx, o, CRON_JOB, cronJob, { wrap: 'failed to create cronjob: ' });
}
