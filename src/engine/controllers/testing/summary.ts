import type { Action } from '../reconcile/actions.ts';

/**
 * summarize turns a reconcile's actions into short lines a table-driven test can compare:
 * `create ReplicaSet web-abc replicas=1`, `scale web-abc 4→3`, `event ScalingReplicaSet: …`,
 * `delete Pod web-abc-x`, `status Deployment web`, `requeue +10s`.
 */
export function summarize(actions: readonly Action[], now = 0): string[] {
  const lines: string[] = [];
  for (const action of actions) {
    switch (action.type) {
      case 'create': {
        const meta = action.object.metadata;
        const name = meta.name ?? `${meta.generateName ?? ''}*`;
        const replicas = (action.object.spec as { replicas?: number } | undefined)?.replicas;
        lines.push(
          `create ${action.object.kind} ${name}${replicas !== undefined && action.object.kind === 'ReplicaSet' ? ` replicas=${replicas}` : ''}`,
        );
        if (action.event) lines.push(`event ${action.event.input.reason}: ${action.event.input.message}`);
        break;
      }
      case 'update': {
        const spec = action.object.spec as { replicas?: number } | undefined;
        lines.push(
          `update ${action.object.kind} ${action.object.metadata.name}${
            action.object.kind === 'ReplicaSet' && spec?.replicas !== undefined ? ` replicas=${spec.replicas}` : ''
          }`,
        );
        if (action.event) lines.push(`event ${action.event.input.reason}: ${action.event.input.message}`);
        break;
      }
      case 'updateStatus':
        lines.push(`status ${action.object.kind} ${action.object.metadata.name}`);
        break;
      case 'patch':
        lines.push(`patch ${action.resource.kind} ${action.name}`);
        break;
      case 'delete':
        lines.push(`delete ${action.resource.kind} ${action.name}`);
        if (action.event) lines.push(`event ${action.event.input.reason}: ${action.event.input.message}`);
        break;
      case 'event':
        lines.push(`event ${action.input.reason}: ${action.input.message}`);
        break;
      case 'requeue':
        lines.push(`requeue +${(action.at - now) / 1000}s`);
        break;
    }
  }
  return lines;
}

/** statusOf finds the last status a reconcile writes for a kind. */
export function statusOf<T = Record<string, unknown>>(actions: readonly Action[], kind: string): T | undefined {
  let status: unknown;
  for (const a of actions) if (a.type === 'updateStatus' && a.object.kind === kind) status = a.object.status;
  return status as T | undefined;
}
