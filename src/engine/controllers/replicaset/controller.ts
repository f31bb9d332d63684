import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../../api/selectors.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { controllerRefOf } from '../reconcile/owners.ts';
import { PODS, REPLICA_SETS, keyOf } from '../reconcile/resources.ts';
import { replicaFailureStatus, syncReplicaSet } from './sync.ts';

/**
 * ReplicaSetController keeps spec.replicas pods running for each ReplicaSet. It wakes for the set
 * itself, for pods it controls, and for orphan pods its selector picks (to adopt them).
 */
export class ReplicaSetController extends KeyedController {
  readonly name = 'replicaset-controller';
  protected readonly component = 'replicaset-controller';
  protected readonly primary = REPLICA_SETS;

  observe(change: StoredChange): void {
    if (change.resource === REPLICA_SETS.key) {
      this.enqueue(keyOf(change.object));
      return;
    }
    if (change.resource !== PODS.key) return;
    for (const pod of [change.object, change.previous]) {
      if (!pod) continue;
      const ref = controllerRefOf(pod);
      const namespace = pod.metadata.namespace ?? '';
      if (ref) {
        if (ref.kind === 'ReplicaSet') this.enqueue(`${namespace}/${ref.name}`);
        continue;
      }
      if (change.type === 'DELETED') continue;
      for (const rs of this.deps.server.store.list(REPLICA_SETS.key, namespace)) {
        const selector = (rs as unknown as ReplicaSet).spec?.selector;
        if (selector && selectorMatches(selector, pod.metadata.labels ?? {})) this.enqueue(keyOf(rs));
      }
    }
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const rs = store.get(REPLICA_SETS.key, namespace, name) as unknown as ReplicaSet | undefined;
    if (!rs) return [];
    if (!(rs.status?.conditions ?? []).some((c) => c.type === 'ReplicaFailure'))
      this.failures.delete(`${namespace}/${name}`);
    const pods = store.list(PODS.key, namespace) as unknown as Pod[];
    const owner = controllerRefOf(rs);
    let relatedPods: Pod[] = [];
    if (owner) {
      const siblings = new Set(
        store
          .list(REPLICA_SETS.key, namespace)
          .filter((other) => controllerRefOf(other)?.uid === owner.uid && other.metadata.uid !== rs.metadata?.uid)
          .map((other) => other.metadata.uid),
      );
      relatedPods = pods.filter((p) => siblings.has(controllerRefOf(p)?.uid));
    }
    return syncReplicaSet({ rs, pods, relatedPods }, now);
  }

  protected override syncFailed(namespace: string, name: string, message: string, now: number): Action[] {
    const rs = this.deps.server.store.get(REPLICA_SETS.key, namespace, name) as unknown as ReplicaSet | undefined;
    if (!rs) return [];
    const status = replicaFailureStatus(rs, message, now);
    if (!status) return [];
    return [
      {
        type: 'updateStatus',
        resource: REPLICA_SETS,
        object: { ...(rs as unknown as KubeObject), status } as KubeObject,
      },
    ];
  }
}
