import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/clock.ts';
import { deepEqual } from '../../api/equal.ts';
import { requirementsMatch, selectorRequirements } from '../../api/selectors.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Action } from '../reconcile/actions.ts';
import { claimObjects, controllerRefOf } from '../reconcile/owners.ts';
import {
  availableAt,
  compareForDeletion,
  isPodActive,
  isPodAvailable,
  isPodReady,
  podFromTemplate,
} from '../reconcile/pods.ts';
import { PODS, REPLICA_SETS } from '../reconcile/resources.ts';

/** BURST_REPLICAS caps the pods one sync creates or deletes (the controller's --replicaset-burst). */
export const BURST_REPLICAS = 500;

/** Event reasons of controller.RealPodControl. */
export const SUCCESSFUL_CREATE = 'SuccessfulCreate';
export const FAILED_CREATE = 'FailedCreate';
export const SUCCESSFUL_DELETE = 'SuccessfulDelete';
export const FAILED_DELETE = 'FailedDelete';

/** ReplicaSetView is what one sync of a ReplicaSet reads: the set, the pods of its namespace, and the pods of its siblings. */
export interface ReplicaSetView {
  rs: ReplicaSet;
  pods: readonly Pod[];
  /** Pods of the other ReplicaSets of the same Deployment, to spread deletions (getIndirectlyRelatedPods). */
  relatedPods?: readonly Pod[];
}

/**
 * syncReplicaSet is ReplicaSetController.syncReplicaSet: claim the pods the selector picks, create or
 * delete pods until the active count is spec.replicas, then report the counts in status.
 */
export function syncReplicaSet(view: ReplicaSetView, now: number): Action[] {
  const rs = view.rs;
  const owner = rs as unknown as KubeObject;
  const actions: Action[] = [];
  const active = view.pods.filter(isPodActive);
  const { claimed, actions: claimActions } = claimObjects(owner, rs.spec?.selector, active, PODS);
  actions.push(...claimActions);
  const desired = rs.spec?.replicas ?? 1;
  const diff = claimed.length - desired;
  if (!rs.metadata?.deletionTimestamp && diff !== 0) actions.push(...manageReplicas(rs, claimed, view, diff));
  const status = calculateStatus(rs, claimed, now, diff !== 0);
  if (!deepEqual(status, rs.status ?? {})) {
    actions.push({ type: 'updateStatus', resource: REPLICA_SETS, object: { ...owner, status } as KubeObject });
  }
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (minReady > 0) {
    const waits = claimed
      .filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, now))
      .map((p) => availableAt(p, minReady) ?? now);
    if (waits.length > 0) actions.push({ type: 'requeue', at: Math.min(...waits) });
  }
  return actions;
}

function manageReplicas(rs: ReplicaSet, pods: Pod[], view: ReplicaSetView, diff: number): Action[] {
  const owner = rs as unknown as KubeObject;
  const actions: Action[] = [];
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < count; i++) {
      actions.push({
        type: 'create',
        resource: PODS,
        object: podFromTemplate(rs.spec?.template, owner) as unknown as KubeObject,
        event: { on: owner, input: { type: 'Normal', reason: SUCCESSFUL_CREATE, message: 'Created pod: {name}' } },
        failure: { on: owner, reason: FAILED_CREATE, prefix: 'Error creating: ' },
      });
    }
    return actions;
  }
  const count = Math.min(diff, BURST_REPLICAS);
  for (const pod of podsToDelete(pods, [...pods, ...(view.relatedPods ?? [])], count)) {
    const name = pod.metadata?.name ?? '';
    actions.push({
      type: 'delete',
      resource: PODS,
      namespace: pod.metadata?.namespace ?? '',
      name,
      event: { on: owner, input: { type: 'Normal', reason: SUCCESSFUL_DELETE, message: `Deleted pod: ${name}` } },
      failure: { on: owner, reason: FAILED_DELETE, prefix: 'Error deleting: ' },
    });
  }
  return actions;
}

/**
 * podsToDelete is getPodsToDelete: rank the pods so the cheapest to lose go first, with pods that
 * share a node with more related pods ranked ahead.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const pod of related) {
    const node = pod.spec?.nodeName;
    if (node && isPodActive(pod)) onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranks = new Map<Pod, number>();
  for (const pod of pods) ranks.set(pod, pod.spec?.nodeName ? (onNode.get(pod.spec.nodeName) ?? 0) : 0);
  return [...pods].sort((a, b) => compareForDeletion(a, b, (p) => ranks.get(p) ?? 0)).slice(0, count);
}

/**
 * calculateStatus is replica_set_utils.calculateStatus. A ReplicaFailure condition stays while the
 * set still has pods to create or delete; it goes once the counts match.
 */
export function calculateStatus(rs: ReplicaSet, pods: readonly Pod[], now: number, busy: boolean): ReplicaSetStatus {
  const templateLabels = selectorRequirements({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} });
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (requirementsMatch(templateLabels, pod.metadata?.labels ?? {})) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const conditions = (rs.status?.conditions ?? []).filter((c) => busy || c.type !== 'ReplicaFailure');
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata?.generation) status.observedGeneration = rs.metadata.generation;
  if (conditions.length) status.conditions = conditions;
  return status;
}

/**
 * replicaFailureStatus is the condition a refused create or delete leaves on the set. Like the real
 * controller it is set once (the first error's words) and stays until the counts match.
 */
export function replicaFailureStatus(rs: ReplicaSet, message: string, now: number): ReplicaSetStatus | undefined {
  if ((rs.status?.conditions ?? []).some((c) => c.type === 'ReplicaFailure')) return undefined;
  const desired = rs.spec?.replicas ?? 1;
  const reason = (rs.status?.replicas ?? 0) < desired ? FAILED_CREATE : FAILED_DELETE;
  const condition: ReplicaSetCondition = {
    type: 'ReplicaFailure',
    status: 'True',
    lastTransitionTime: rfc3339(now),
    reason,
    message,
  };
  return { ...(rs.status ?? { replicas: 0 }), conditions: [...(rs.status?.conditions ?? []), condition] };
}

/** ownerDeploymentOf names the Deployment that controls a ReplicaSet, if one does. */
export function ownerDeploymentOf(rs: { metadata?: KubeObject['metadata'] }): string | undefined {
  const ref = controllerRefOf(rs);
  return ref?.kind === 'Deployment' ? ref.name : undefined;
}
