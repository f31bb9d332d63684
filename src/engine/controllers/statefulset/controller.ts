import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { claimObjects, controllerRefOf } from '../reconcile/owners.ts';
import { CONTROLLER_REVISIONS, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS, keyOf } from '../reconcile/resources.ts';
import { reconcileStatefulSet } from './sync.ts';

/**
 * StatefulSetController keeps each StatefulSet's ordinal pods, their claims and its revision
 * history. It wakes for the set, its pods, its ControllerRevisions and claims in its namespace.
 */
export class StatefulSetController extends KeyedController {
  readonly name = 'statefulset-controller';
  protected readonly component = 'statefulset-controller';
  protected readonly primary = STATEFUL_SETS;

  observe(change: StoredChange): void {
    const resource = change.resource;
    if (resource === STATEFUL_SETS.key) {
      this.enqueue(keyOf(change.object));
      return;
    }
    if (resource === PODS.key || resource === CONTROLLER_REVISIONS.key) {
      for (const object of [change.object, change.previous]) {
        const ref = object ? controllerRefOf(object) : undefined;
        if (ref?.kind === 'StatefulSet') this.enqueue(`${object?.metadata.namespace ?? ''}/${ref.name}`);
      }
      return;
    }
    if (resource === PERSISTENT_VOLUME_CLAIMS.key) {
      const namespace = change.object.metadata.namespace ?? '';
      for (const set of this.deps.server.store.list(STATEFUL_SETS.key, namespace)) {
        if ((set as unknown as StatefulSet).spec?.volumeClaimTemplates?.length) this.enqueue(keyOf(set));
      }
    }
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const set = store.get(STATEFUL_SETS.key, namespace, name) as unknown as StatefulSet | undefined;
    if (!set) return [];
    const owner = set as unknown as KubeObject;
    const pods = claimObjects(owner, set.spec?.selector, store.list(PODS.key, namespace) as unknown as Pod[], PODS);
    const revisions = claimObjects(
      owner,
      set.spec?.selector,
      store.list(CONTROLLER_REVISIONS.key, namespace) as unknown as ControllerRevision[],
      CONTROLLER_REVISIONS,
    );
    const claims = new Map<string, PersistentVolumeClaim>();
    for (const claim of store.list(PERSISTENT_VOLUME_CLAIMS.key, namespace))
      claims.set(claim.metadata.name ?? '', claim as unknown as PersistentVolumeClaim);
    return [
      ...pods.actions,
      ...revisions.actions,
      ...reconcileStatefulSet({ set, pods: pods.claimed, revisions: revisions.claimed, claims }, now),
    ];
  }
}
