import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../../api/selectors.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { claimObjects, controllerRefOf } from '../reconcile/owners.ts';
import { DEPLOYMENTS, PODS, REPLICA_SETS, keyOf } from '../reconcile/resources.ts';
import { reconcileDeployment } from './reconcile.ts';

/**
 * DeploymentController rolls Deployments out through ReplicaSets. It wakes for the Deployment, for
 * ReplicaSets it controls or could adopt, and for deleted pods (a Recreate waits for the last old
 * pod to be gone).
 */
export class DeploymentController extends KeyedController {
  readonly name = 'deployment-controller';
  protected readonly component = 'deployment-controller';
  protected readonly primary = DEPLOYMENTS;

  observe(change: StoredChange): void {
    const store = this.deps.server.store;
    if (change.resource === DEPLOYMENTS.key) {
      this.enqueue(keyOf(change.object));
      return;
    }
    if (change.resource === REPLICA_SETS.key) {
      for (const rs of [change.object, change.previous]) {
        if (!rs) continue;
        const ref = controllerRefOf(rs);
        const namespace = rs.metadata.namespace ?? '';
        if (ref) {
          if (ref.kind === 'Deployment') this.enqueue(`${namespace}/${ref.name}`);
          continue;
        }
        if (change.type === 'DELETED') continue;
        for (const d of store.list(DEPLOYMENTS.key, namespace)) {
          const selector = (d as unknown as Deployment).spec?.selector;
          if (selector && selectorMatches(selector, rs.metadata.labels ?? {})) this.enqueue(keyOf(d));
        }
      }
      return;
    }
    if (change.resource === PODS.key && change.type === 'DELETED') {
      const ref = controllerRefOf(change.object);
      if (ref?.kind !== 'ReplicaSet') return;
      const namespace = change.object.metadata.namespace ?? '';
      const rs = store.get(REPLICA_SETS.key, namespace, ref.name);
      const owner = rs ? controllerRefOf(rs) : undefined;
      if (owner?.kind === 'Deployment') this.enqueue(`${namespace}/${owner.name}`);
    }
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const deployment = store.get(DEPLOYMENTS.key, namespace, name) as unknown as Deployment | undefined;
    if (!deployment) return [];
    const owner = deployment as unknown as KubeObject;
    const candidates = store.list(REPLICA_SETS.key, namespace) as unknown as ReplicaSet[];
    const { claimed, actions } = claimObjects(owner, deployment.spec?.selector, candidates, REPLICA_SETS);
    const uids = new Set(claimed.map((rs) => rs.metadata?.uid));
    // Only Recreate looks at pods (to wait for the old ones to be gone).
    const podsByReplicaSet = new Map<string, Pod[]>();
    if (deployment.spec?.strategy?.type === 'Recreate') {
      for (const pod of store.list(PODS.key, namespace) as unknown as Pod[]) {
        const ref = controllerRefOf(pod);
        if (!ref || !uids.has(ref.uid)) continue;
        if (!deployment.spec.selector || !selectorMatches(deployment.spec.selector, pod.metadata?.labels ?? {}))
          continue;
        const list = podsByReplicaSet.get(ref.uid) ?? [];
        list.push(pod);
        podsByReplicaSet.set(ref.uid, list);
      }
    }
    return [...actions, ...reconcileDeployment({ deployment, replicaSets: claimed, podsByReplicaSet }, now)];
  }
}
