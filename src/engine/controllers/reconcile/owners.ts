import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { requirementsMatch, selectorRequirements } from '../../api/selectors.ts';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { Action } from './actions.ts';
import type { Resource } from './resources.ts';

/** controllerRefOf is metav1.GetControllerOf: the owner reference with controller: true. */
export function controllerRefOf(object: { metadata?: KubeObject['metadata'] }): OwnerReference | undefined {
  return (object.metadata?.ownerReferences ?? []).find((o) => o.controller === true);
}

/** newControllerRef is metav1.NewControllerRef: the owner as controller, blocking its foreground deletion. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isControlledBy(object: { metadata?: KubeObject['metadata'] }, owner: KubeObject): boolean {
  return controllerRefOf(object)?.uid === owner.metadata.uid;
}

/** isEmptySelector is true for `selector: {}`, which selects everything and which controllers refuse to act on. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    selector !== undefined &&
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

/**
 * claimObjects is the ControllerRefManager (pkg/controller/controller_ref_manager.go): of the
 * candidates, keep those this owner controls and still selects, adopt matching orphans, and release
 * controlled objects that no longer match. Objects controlled by someone else are left alone.
 */
export function claimObjects<T extends { metadata?: KubeObject['metadata'] }>(
  owner: KubeObject,
  selector: LabelSelector | undefined,
  candidates: readonly T[],
  resource: Resource,
): { claimed: T[]; actions: Action[] } {
  const claimed: T[] = [];
  const actions: Action[] = [];
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  const requirements = selector ? selectorRequirements(selector) : undefined;
  for (const candidate of candidates) {
    const meta = candidate.metadata ?? {};
    const matches = requirements !== undefined && requirementsMatch(requirements, meta.labels ?? {});
    const ref = controllerRefOf(candidate);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches || ownerDeleting) {
        claimed.push(candidate);
        continue;
      }
      const remaining = (meta.ownerReferences ?? []).filter((o) => o.uid !== owner.metadata.uid);
      actions.push({
        type: 'patch',
        resource,
        namespace: meta.namespace ?? '',
        name: meta.name ?? '',
        patch: { metadata: { ownerReferences: remaining.length ? remaining : null } },
      });
      continue;
    }
    if (!matches || ownerDeleting || meta.deletionTimestamp) continue;
    const refs = [...(meta.ownerReferences ?? []), newControllerRef(owner)];
    actions.push({
      type: 'patch',
      resource,
      namespace: meta.namespace ?? '',
      name: meta.name ?? '',
      patch: { metadata: { ownerReferences: refs } },
    });
    const adopted = structuredClone(candidate);
    adopted.metadata = { ...(adopted.metadata ?? {}), ownerReferences: refs };
    claimed.push(adopted);
  }
  return { claimed, actions };
}
