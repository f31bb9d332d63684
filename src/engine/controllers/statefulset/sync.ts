import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import { equalRevision, newControllerRevision, nextRevision, sortRevisions, templateOf } from '../history/revisions.ts';
import type { Action } from '../reconcile/actions.ts';
import { availableAt, isPodReady } from '../reconcile/pods.ts';
import { CONTROLLER_REVISIONS, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS } from '../reconcile/resources.ts';
import {
  claimsFor,
  isCreated,
  isHealthy,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  newStatefulPod,
  ordinalOf,
  ownerRefTo,
  revisionOfPod,
} from './pods.ts';

/** StatefulSetView is what one sync reads: the set, its pods and revisions (claimed), and the namespace's claims by name. */
export interface StatefulSetView {
  set: StatefulSet;
  pods: readonly Pod[];
  revisions: readonly ControllerRevision[];
  claims: ReadonlyMap<string, PersistentVolumeClaim>;
}

interface Replica {
  pod: Pod;
  /** planned: made this sync, not (yet) in the API. */
  planned: boolean;
}

/**
 * reconcileStatefulSet is defaultStatefulSetControl.UpdateStatefulSet: settle the revisions, then
 * bring pods 0..N-1 into being — one at a time, each after its predecessor is Running and Ready,
 * under OrderedReady; all at once under Parallel — remove ordinals ≥ N from the highest down, and
 * finally roll template changes out from the highest ordinal down to the partition.
 */
export function reconcileStatefulSet(view: StatefulSetView, now: number): Action[] {
  const set = view.set;
  const owner = set as unknown as KubeObject;
  const actions: Action[] = [];
  const { current, update, collisionCount, revisionActions } = settleRevisions(set, view.revisions);
  actions.push(...revisionActions);
  const currentTemplate = templateOf(current);
  const updateTemplate = templateOf(update);
  const replicaCount = set.spec?.replicas ?? 1;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const setName = set.metadata?.name ?? '';

  const replicas: (Replica | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const pod of view.pods) {
    const ordinal = ordinalOf(set, pod);
    if (ordinal < 0) continue;
    if (ordinal < replicaCount) replicas[ordinal] = { pod, planned: false };
    else condemned.push(pod);
  }
  const newPod = (ordinal: number): Replica => {
    const useCurrent = rolling && ordinal < partition;
    return {
      pod: useCurrent
        ? newStatefulPod(set, currentTemplate, current.metadata?.name ?? '', ordinal)
        : newStatefulPod(set, updateTemplate, update.metadata?.name ?? '', ordinal),
      planned: true,
    };
  };
  const filled: Replica[] = replicas.map((r, ordinal) => r ?? newPod(ordinal));
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  let firstUnhealthy: Pod | undefined;
  for (const r of filled) if (!firstUnhealthy && !isHealthy(r.pod)) firstUnhealthy = r.pod;
  for (let i = condemned.length - 1; i >= 0; i--) {
    const pod = condemned[i] as Pod;
    if (!firstUnhealthy && !isHealthy(pod)) firstUnhealthy = pod;
  }

  const status = (): StatefulSetStatus =>
    computeStatus(set, current, update, collisionCount, [...filled.map((r) => r.pod), ...condemned], minReady, now);
  const finish = (): Action[] => {
    const next = status();
    completeRollingUpdate(set, next);
    if (inconsistent(set, next))
      actions.push({ type: 'updateStatus', resource: STATEFUL_SETS, object: { ...owner, status: next } as KubeObject });
    actions.push(...truncateHistory(set, view.pods, view.revisions, current, update));
    const waits = view.pods
      .filter((p) => isPodReady(p) && !isRunningAndAvailable(p, minReady, now))
      .map((p) => availableAt(p, minReady) ?? now);
    if (minReady > 0 && waits.length) actions.push({ type: 'requeue', at: Math.min(...waits) });
    return actions;
  };

  if (set.metadata?.deletionTimestamp) return finish();

  // The living replicas, in ordinal order.
  for (let i = 0; i < filled.length; i++) {
    const replica = filled[i] as Replica;
    let pod = replica.pod;
    if (!replica.planned && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
      const failed = pod.status?.phase === 'Failed';
      actions.push({
        type: 'event',
        on: owner,
        input: failed
          ? {
              type: 'Warning',
              reason: 'RecreatingFailedPod',
              message: `StatefulSet ${set.metadata?.namespace}/${setName} is recreating failed Pod ${pod.metadata?.name}`,
            }
          : {
              type: 'Normal',
              reason: 'RecreatingTerminatedPod',
              message: `StatefulSet ${set.metadata?.namespace}/${setName} is recreating terminated Pod ${pod.metadata?.name}`,
            },
      });
      actions.push(deletePod(set, pod));
      filled[i] = newPod(i);
      pod = (filled[i] as Replica).pod;
    }
    if ((filled[i] as Replica).planned) {
      const blocked = createPod(set, pod, view.claims, actions);
      if (blocked || monotonic) return finish();
      continue;
    }
    if (isTerminating(pod) && monotonic) return finish();
    if (!isRunningAndReady(pod) && monotonic) return finish();
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic) return finish();
  }

  // Claims of condemned pods follow the WhenScaled policy before the pods go.
  if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') {
    for (const pod of condemned) actions.push(...ownClaimsByPod(set, pod, view.claims));
  }

  // Scale down, from the highest ordinal, one at a time under OrderedReady.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return finish();
      continue;
    }
    if (monotonic && pod !== firstUnhealthy && !isRunningAndReady(pod)) return finish();
    if (monotonic && pod !== firstUnhealthy && !isRunningAndAvailable(pod, minReady, now)) return finish();
    actions.push(deletePod(set, pod));
    if (monotonic) return finish();
  }

  if (!rolling) return finish();

  // Roll out: delete the highest-ordinal pod above the partition that is not at the update revision.
  for (let target = filled.length - 1; target >= partition; target--) {
    const replica = filled[target] as Replica;
    if (!replica.planned && revisionOfPod(replica.pod) !== update.metadata?.name && !isTerminating(replica.pod)) {
      actions.push(deletePod(set, replica.pod));
      return finish();
    }
    if (!isHealthy(replica.pod)) return finish();
  }
  return finish();
}

function createPod(
  set: StatefulSet,
  pod: Pod,
  claims: ReadonlyMap<string, PersistentVolumeClaim>,
  actions: Action[],
): boolean {
  const owner = set as unknown as KubeObject;
  const setName = set.metadata?.name ?? '';
  const podName = pod.metadata?.name ?? '';
  const ordinal = ordinalOf(set, pod);
  for (const claim of claimsFor(set, ordinal)) {
    const existing = claims.get(claim.metadata?.name ?? '');
    if (existing) {
      if (existing.metadata?.deletionTimestamp) return true;
      continue;
    }
    if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete')
      (claim.metadata ??= {}).ownerReferences = [ownerRefTo(set)];
    actions.push({
      type: 'create',
      resource: PERSISTENT_VOLUME_CLAIMS,
      object: claim as unknown as KubeObject,
      event: {
        on: owner,
        input: {
          type: 'Normal',
          reason: 'SuccessfulCreate',
          message: `create Claim ${claim.metadata?.name} Pod ${podName} in StatefulSet ${setName} success`,
        },
      },
      failure: {
        on: owner,
        reason: 'FailedCreate',
        prefix: `create Claim ${claim.metadata?.name} for Pod ${podName} in StatefulSet ${setName} failed error: `,
      },
    });
  }
  actions.push({
    type: 'create',
    resource: PODS,
    object: pod as unknown as KubeObject,
    event: {
      on: owner,
      input: {
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `create Pod ${podName} in StatefulSet ${setName} successful`,
      },
    },
    failure: {
      on: owner,
      reason: 'FailedCreate',
      prefix: `create Pod ${podName} in StatefulSet ${setName} failed error: `,
    },
  });
  return false;
}

function deletePod(set: StatefulSet, pod: Pod): Action {
  const owner = set as unknown as KubeObject;
  const setName = set.metadata?.name ?? '';
  const name = pod.metadata?.name ?? '';
  return {
    type: 'delete',
    resource: PODS,
    namespace: pod.metadata?.namespace ?? '',
    name,
    event: {
      on: owner,
      input: {
        type: 'Normal',
        reason: 'SuccessfulDelete',
        message: `delete Pod ${name} in StatefulSet ${setName} successful`,
      },
    },
    failure: {
      on: owner,
      reason: 'FailedDelete',
      prefix: `delete Pod ${name} in StatefulSet ${setName} failed error: `,
    },
  };
}

/** ownClaimsByPod makes a condemned pod own its claims, so the garbage collector removes them with it (whenScaled: Delete). */
function ownClaimsByPod(set: StatefulSet, pod: Pod, claims: ReadonlyMap<string, PersistentVolumeClaim>): Action[] {
  const actions: Action[] = [];
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    const name = `${template.metadata?.name ?? ''}-${set.metadata?.name ?? ''}-${ordinalOf(set, pod)}`;
    const claim = claims.get(name);
    if (!claim || (claim.metadata?.ownerReferences ?? []).some((o) => o.uid === pod.metadata?.uid)) continue;
    actions.push({
      type: 'patch',
      resource: PERSISTENT_VOLUME_CLAIMS,
      namespace: claim.metadata?.namespace ?? '',
      name,
      patch: {
        metadata: {
          ownerReferences: [
            ...(claim.metadata?.ownerReferences ?? []),
            ownerRefTo({ apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata ?? {} }),
          ],
        },
      },
    });
  }
  return actions;
}

/**
 * settleRevisions is getStatefulSetRevisions: the update revision is the current template's
 * revision (an equal older one is brought forward, as a rollback does), the current revision is
 * the one status names, or the update revision for a new set.
 */
function settleRevisions(
  set: StatefulSet,
  stored: readonly ControllerRevision[],
): { current: ControllerRevision; update: ControllerRevision; collisionCount: number; revisionActions: Action[] } {
  const revisions = sortRevisions([...stored]);
  const revisionActions: Action[] = [];
  let collisionCount = set.status?.collisionCount ?? 0;
  const owner = set as unknown as KubeObject;
  let candidate = newControllerRevision(owner, set.spec?.template, nextRevision(revisions), collisionCount);
  const equal = revisions.filter((r) => equalRevision(r, candidate));
  let update: ControllerRevision;
  const last = revisions[revisions.length - 1];
  if (equal.length > 0 && equalRevision(last, equal[equal.length - 1])) {
    update = last as ControllerRevision;
  } else if (equal.length > 0) {
    update = { ...structuredClone(equal[equal.length - 1] as ControllerRevision), revision: candidate.revision };
    revisionActions.push({ type: 'update', resource: CONTROLLER_REVISIONS, object: update as unknown as KubeObject });
  } else {
    while (revisions.some((r) => r.metadata?.name === candidate.metadata?.name)) {
      collisionCount++;
      candidate = newControllerRevision(owner, set.spec?.template, candidate.revision ?? 1, collisionCount);
    }
    update = candidate;
    revisionActions.push({ type: 'create', resource: CONTROLLER_REVISIONS, object: update as unknown as KubeObject });
  }
  const current = revisions.find((r) => r.metadata?.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, revisionActions };
}

function computeStatus(
  set: StatefulSet,
  current: ControllerRevision,
  update: ControllerRevision,
  collisionCount: number,
  pods: readonly Pod[],
  minReady: number,
  now: number,
): StatefulSetStatus {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let currentReplicas = 0;
  let updated = 0;
  for (const pod of pods) {
    if (isCreated(pod)) replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isRunningAndAvailable(pod, minReady, now)) available++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      if (revisionOfPod(pod) === current.metadata?.name) currentReplicas++;
      if (revisionOfPod(pod) === update.metadata?.name) updated++;
    }
  }
  const status: StatefulSetStatus = { replicas, availableReplicas: available };
  if (set.metadata?.generation) status.observedGeneration = set.metadata.generation;
  if (ready) status.readyReplicas = ready;
  if (currentReplicas) status.currentReplicas = currentReplicas;
  if (updated) status.updatedReplicas = updated;
  status.currentRevision = current.metadata?.name ?? '';
  status.updateRevision = update.metadata?.name ?? '';
  status.collisionCount = collisionCount;
  return status;
}

/** completeRollingUpdate: once every pod is updated and ready, the update revision becomes the current one. */
function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): void {
  if (
    (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' &&
    (status.updatedReplicas ?? 0) === status.replicas &&
    (status.readyReplicas ?? 0) === status.replicas
  ) {
    status.currentReplicas = status.updatedReplicas ?? 0;
    if (!status.currentReplicas) delete status.currentReplicas;
    status.currentRevision = status.updateRevision ?? '';
  }
}

function inconsistent(set: StatefulSet, status: StatefulSetStatus): boolean {
  const old = set.status ?? { replicas: 0 };
  return (
    (old.observedGeneration ?? 0) !== (status.observedGeneration ?? 0) ||
    (old.replicas ?? 0) !== status.replicas ||
    (old.currentReplicas ?? 0) !== (status.currentReplicas ?? 0) ||
    (old.readyReplicas ?? 0) !== (status.readyReplicas ?? 0) ||
    (old.updatedReplicas ?? 0) !== (status.updatedReplicas ?? 0) ||
    (old.currentRevision ?? '') !== (status.currentRevision ?? '') ||
    (old.availableReplicas ?? 0) !== (status.availableReplicas ?? 0) ||
    (old.updateRevision ?? '') !== (status.updateRevision ?? '') ||
    old.collisionCount !== status.collisionCount
  );
}

/** truncateHistory deletes revisions no pod uses beyond revisionHistoryLimit, oldest first. */
function truncateHistory(
  set: StatefulSet,
  pods: readonly Pod[],
  revisions: readonly ControllerRevision[],
  current: ControllerRevision,
  update: ControllerRevision,
): Action[] {
  const live = new Set([current.metadata?.name, update.metadata?.name, ...pods.map(revisionOfPod)]);
  const history = sortRevisions(revisions.filter((r) => !live.has(r.metadata?.name)));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  if (history.length <= limit) return [];
  return history.slice(0, history.length - limit).map((r) => ({
    type: 'delete' as const,
    resource: CONTROLLER_REVISIONS,
    namespace: r.metadata?.namespace ?? '',
    name: r.metadata?.name ?? '',
  }));
}
