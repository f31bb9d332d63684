import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../api/equal.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { claimObjects, controllerRefOf } from '../reconcile/owners.ts';
import { CONTROLLER_REVISIONS, DAEMON_SETS, NODES_KEY, PODS, keyOf } from '../reconcile/resources.ts';
import { reconcileDaemonSet } from './sync.ts';

/**
 * DaemonSetController runs one pod per eligible node. It wakes for the set, its pods and revisions,
 * and for nodes that appear, disappear or change labels, taints or schedulability.
 */
export class DaemonSetController extends KeyedController {
  readonly name = 'daemon-set-controller';
  protected readonly component = 'daemonset-controller';
  protected readonly primary = DAEMON_SETS;

  observe(change: StoredChange): void {
    const resource = change.resource;
    if (resource === DAEMON_SETS.key) {
      this.enqueue(keyOf(change.object));
      return;
    }
    if (resource === PODS.key || resource === CONTROLLER_REVISIONS.key) {
      for (const object of [change.object, change.previous]) {
        const ref = object ? controllerRefOf(object) : undefined;
        if (ref?.kind === 'DaemonSet') this.enqueue(`${object?.metadata.namespace ?? ''}/${ref.name}`);
      }
      return;
    }
    if (resource === NODES_KEY) {
      const before = change.previous as unknown as Node | undefined;
      const after = change.object as unknown as Node;
      if (
        change.type === 'MODIFIED' &&
        before &&
        deepEqual(before.metadata?.labels, after.metadata?.labels) &&
        deepEqual(before.spec, after.spec)
      )
        return;
      for (const ds of this.deps.server.store.list(DAEMON_SETS.key)) this.enqueue(keyOf(ds));
    }
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const ds = store.get(DAEMON_SETS.key, namespace, name) as unknown as DaemonSet | undefined;
    if (!ds) return [];
    const owner = ds as unknown as KubeObject;
    const pods = claimObjects(owner, ds.spec?.selector, store.list(PODS.key, namespace) as unknown as Pod[], PODS);
    const revisions = claimObjects(
      owner,
      ds.spec?.selector,
      store.list(CONTROLLER_REVISIONS.key, namespace) as unknown as ControllerRevision[],
      CONTROLLER_REVISIONS,
    );
    const nodes = store.list(NODES_KEY) as unknown as Node[];
    return [
      ...pods.actions,
      ...revisions.actions,
      ...reconcileDaemonSet({ ds, nodes, pods: pods.claimed, revisions: revisions.claimed }, now),
    ];
  }
}
