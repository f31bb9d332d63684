import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import { canonicalJson, hashControllerRevision } from '../reconcile/hash.ts';
import { newControllerRef } from '../reconcile/owners.ts';
import { byCreation } from '../reconcile/pods.ts';

/**
 * ControllerRevisions (pkg/controller/history): the snapshots of a StatefulSet's or DaemonSet's pod
 * template that `kubectl rollout history` lists and `rollout undo` returns to. The data is the patch
 * that puts the template back: {"spec":{"template":{..., "$patch":"replace"}}}.
 */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export interface RevisionData {
  spec: { template: PodTemplateSpec & { $patch?: string } };
}

/** templatePatch is getPatch: the template as a replace patch. */
export function templatePatch(template: PodTemplateSpec | undefined): RevisionData {
  return { spec: { template: { $patch: 'replace', ...structuredClone(template ?? {}) } } };
}

/** templateOf reads the pod template back out of a revision (ApplyRevision). */
export function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const data = revision.data as RevisionData | undefined;
  const { $patch: _patch, ...template } = structuredClone(data?.spec?.template ?? {});
  return template;
}

/** newControllerRevision is history.NewControllerRevision: named "<parent>-<hash>", labelled with the template's labels and the hash. */
export function newControllerRevision(
  parent: KubeObject,
  template: PodTemplateSpec | undefined,
  revision: number,
  collisionCount: number | undefined,
): ControllerRevision {
  const data = templatePatch(template);
  const hash = hashControllerRevision(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${(parent.metadata.name ?? '').slice(0, 223)}-${hash}`,
      namespace: parent.metadata.namespace ?? '',
      labels: { ...(template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ...(parent.metadata.annotations ? { annotations: { ...parent.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(parent)],
    },
    data,
    revision,
  };
}

export function hashOf(revision: ControllerRevision): string {
  return revision.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/** equalRevision compares two revisions' data, as history.EqualRevision does. */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return canonicalJson(a.data ?? null) === canonicalJson(b.data ?? null);
}

/** sortRevisions orders by revision number, then age, then name (history.SortControllerRevisions). */
export function sortRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return revisions.sort(
    (a, b) =>
      (a.revision ?? 0) - (b.revision ?? 0) || byCreation(a as unknown as KubeObject, b as unknown as KubeObject),
  );
}

export function nextRevision(sorted: readonly ControllerRevision[]): number {
  const last = sorted[sorted.length - 1];
  return last ? (last.revision ?? 0) + 1 : 1;
}
