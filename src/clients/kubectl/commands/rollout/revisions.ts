import { objectPath, type KubeObject } from '../../../../engine/index.ts';
import type { KubectlContext } from '../../types.ts';

/**
 * The revisions of a workload, as kubectl's history viewers find them: the ReplicaSets a Deployment
 * owns (revision in `deployment.kubernetes.io/revision`), or the ControllerRevisions of a
 * DaemonSet or StatefulSet (revision in `.revision`).
 */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

export interface Revision {
  revision: number;
  object: KubeObject;
}

function owned(items: KubeObject[], owner: KubeObject): KubeObject[] {
  return items.filter((item) => (item.metadata.ownerReferences ?? []).some((ref) => ref.uid === owner.metadata.uid));
}

export async function revisionsOf(ctx: KubectlContext, owner: KubeObject): Promise<Revision[]> {
  const namespace = owner.metadata.namespace ?? '';
  if (owner.kind === 'Deployment') {
    const list = await ctx.client.request<{ items?: KubeObject[] }>({
      verb: 'GET',
      path: objectPath({ group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true }, namespace),
    });
    return owned(list.body.items ?? [], owner)
      .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 'NaN'), object: rs }))
      .filter((r) => Number.isInteger(r.revision))
      .sort((a, b) => a.revision - b.revision);
  }
  const list = await ctx.client.request<{ items?: KubeObject[] }>({
    verb: 'GET',
    path: objectPath({ group: 'apps', version: 'v1', plural: 'controllerrevisions', namespaced: true }, namespace),
  });
  return owned(list.body.items ?? [], owner)
    .map((cr) => ({ revision: Number((cr as { revision?: number }).revision ?? 0), object: cr }))
    .sort((a, b) => a.revision - b.revision);
}

/** templateOf is the pod template a revision holds. */
export function templateOf(revision: Revision): Record<string, unknown> | undefined {
  if (revision.object.kind === 'ReplicaSet')
    return (revision.object.spec as { template?: Record<string, unknown> } | undefined)?.template;
  const data = (revision.object as { data?: { spec?: { template?: Record<string, unknown> } } }).data;
  return data?.spec?.template;
}
