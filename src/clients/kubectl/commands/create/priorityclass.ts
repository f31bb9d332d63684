/** `kubectl create priorityclass NAME --value=VALUE [--global-default] [--description] [--preemption-policy]` (create_priorityclass.go). */
import type { CommandResult, KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, PRIORITY_CLASS } from './types.ts';

export async function createPriorityClass(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create priorityclass',
    flags: [
      { name: 'value', type: 'int', default: 0 },
      { name: 'global-default', type: 'bool' },
      { name: 'description', type: 'string' },
      { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority' },
    ],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const description = o.flags.string('description') ?? '';
  const priorityClass = {
    kind: 'PriorityClass',
    apiVersion: apiVersion(PRIORITY_CLASS),
    metadata: { name: o.name },
    value: o.flags.int('value') ?? 0,
    ...(o.flags.bool('global-default') ? { globalDefault: true } : {}),
    ...(description !== '' ? { description } : {}),
    preemptionPolicy: o.flags.string('preemption-policy') ?? '',
  };
  return finishCreate(ctx, o, PRIORITY_CLASS, priorityClass, { wrap: 'failed to create priorityclass: ' });
}
