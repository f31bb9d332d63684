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
 * itself, for pods it controls, and for orphan pods its selector picks (to adopt them). Like the
 * informer's indexers, it keeps pods indexed by controller uid (and orphans by namespace), so a sync
 * reads its own pods rather than the whole namespace — a 300-replica rollout stays cheap.
 */
export class ReplicaSetController extends KeyedController {
  readonly name = 'replicaset-controller';
  protected readonly component = 'replicaset-controller';
  protected readonly primary = REPLICA_SETS;
  private readonly byOwner = new Map<string, Map<string, Pod>>();
  private readonly orphans = new Map<string, Map<string, Pod>>();

  observe(change: StoredChange): void {
    if (change.resource === REPLICA_SETS.key) {
      this.enqueue(keyOf(change.object));
      return;
    }
    if (change.resource !== PODS.key) return;
    if (change.previous) this.unindex(change.previous as unknown as Pod);
    if (change.type !== 'DELETED') this.index(change.object as unknown as Pod);
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

  private bucket(pod: Pod): Map<string, Map<string, Pod>> {
    return controllerRefOf(pod) ? this.byOwner : this.orphans;
  }

  private bucketKey(pod: Pod): string {
    return controllerRefOf(pod)?.uid ?? pod.metadata?.namespace ?? '';
  }

  private index(pod: Pod): void {
    const bucket = this.bucket(pod);
    const key = this.bucketKey(pod);
    let pods = bucket.get(key);
    if (!pods) bucket.set(key, (pods = new Map()));
    pods.set(keyOf(pod as unknown as KubeObject), pod);
  }

  private unindex(pod: Pod): void {
    const bucket = this.bucket(pod);
    const key = this.bucketKey(pod);
    const pods = bucket.get(key);
    pods?.delete(keyOf(pod as unknown as KubeObject));
    if (pods && pods.size === 0) bucket.delete(key);
  }

  private podsOf(uid: string | undefined): Pod[] {
    return [...(this.byOwner.get(uid ?? '')?.values() ?? [])];
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const rs = store.get(REPLICA_SETS.key, namespace, name) as unknown as ReplicaSet | undefined;
    if (!rs) return [];
    const pods = [...this.podsOf(rs.metadata?.uid), ...(this.orphans.get(namespace)?.values() ?? [])];
    const owner = controllerRefOf(rs);
    const relatedPods: Pod[] = [];
    if (owner) {
      for (const other of store.list(REPLICA_SETS.key, namespace)) {
        if (controllerRefOf(other)?.uid === owner.uid && other.metadata.uid !== rs.metadata?.uid)
          relatedPods.push(...this.podsOf(other.metadata.uid));
      }
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

  override rebuild(): void {
    this.byOwner.clear();
    this.orphans.clear();
    for (const pod of this.deps.server.store.list(PODS.key)) this.index(pod as unknown as Pod);
    super.rebuild();
  }
}
