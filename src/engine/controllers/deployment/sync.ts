import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import { computeHash } from '../reconcile/hash.ts';
import { newControllerRef } from '../reconcile/owners.ts';
import { byCreation } from '../reconcile/pods.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Plan } from './plan.ts';
import {
  POD_TEMPLATE_HASH_LABEL,
  Reason,
  REVISION_ANNOTATION,
  filterActive,
  findActiveOrLatest,
  findNewReplicaSet,
  getCondition,
  hasProgressDeadline,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  replicaSetProportion,
  replicasOf,
  revisionOf,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  sumAvailableReplicas,
  sumReadyReplicas,
  sumSpecReplicas,
  sumStatusReplicas,
} from './util.ts';

/** oldReplicaSets are every ReplicaSet of the Deployment but the new one. */
export function splitReplicaSets(plan: Plan): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const newRS = findNewReplicaSet(plan.d, plan.rsList);
  const oldRSs = plan.rsList.filter((rs) => rs !== newRS);
  return { newRS, oldRSs };
}

/**
 * getAllReplicaSetsAndSyncRevision finds the new ReplicaSet (creating it when asked) with its
 * revision one above the old ones, and copies that revision onto the Deployment.
 */
export function getAllReplicaSetsAndSyncRevision(
  plan: Plan,
  createIfNotExisted: boolean,
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const { newRS: existing, oldRSs } = splitReplicaSets(plan);
  const d = plan.d;
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const annotationsUpdated = setNewReplicaSetAnnotations(d, existing, newRevision, true);
    const minReadyChanged = (existing.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyChanged) {
      existing.spec = { ...(existing.spec ?? { selector: {} }), minReadySeconds: d.spec?.minReadySeconds ?? 0 };
      if (!existing.spec.minReadySeconds) delete existing.spec.minReadySeconds;
      plan.updateReplicaSet(existing);
    }
    if (setDeploymentRevision(d, existing.metadata?.annotations?.[REVISION_ANNOTATION])) plan.markMetaChanged();
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      setCondition(
        d.status ?? {},
        newCondition(
          'Progressing',
          'True',
          Reason.FoundNewReplicaSet,
          `Found new replica set "${existing.metadata?.name ?? ''}"`,
          plan.now,
        ),
      );
      plan.markStatusChanged();
    }
    return { newRS: existing, oldRSs };
  }
  if (!createIfNotExisted) return { newRS: undefined, oldRSs };
  return { newRS: createNewReplicaSet(plan, oldRSs, newRevision), oldRSs };
}

function createNewReplicaSet(plan: Plan, oldRSs: ReplicaSet[], newRevision: number): ReplicaSet | undefined {
  const d = plan.d;
  const template = structuredClone(d.spec?.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata?.name ?? ''}-${hash}`;
  const taken = plan.rsList.find((rs) => rs.metadata?.name === name);
  if (taken) {
    // A ReplicaSet of that name with another template: a hash collision. Count it and try again next sync.
    d.status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
    plan.markStatusChanged();
    return undefined;
  }
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata?.namespace ?? '',
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d as unknown as KubeObject)],
    },
    spec: {
      replicas: 0,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector,
      template,
    },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec = { ...(rs.spec ?? { selector }), replicas };
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  plan.createReplicaSet(
    rs,
    replicas > 0
      ? { type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} from 0 to ${replicas}` }
      : undefined,
  );
  if (setDeploymentRevision(d, String(newRevision))) plan.markMetaChanged();
  if (hasProgressDeadline(d)) {
    setCondition(
      d.status ?? {},
      newCondition('Progressing', 'True', Reason.NewReplicaSetCreated, `Created new replica set "${name}"`, plan.now),
    );
    plan.markStatusChanged();
  }
  return rs;
}

/** sync reconciles a paused Deployment or a scaling event: scale, clean up history, report status. */
export function sync(plan: Plan): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  scale(plan, newRS, oldRSs);
  cleanupDeployment(plan, oldRSs);
  syncDeploymentStatus(plan, [...oldRSs, newRS], newRS);
}

export function syncStatusOnly(plan: Plan): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  syncDeploymentStatus(plan, [...oldRSs, newRS], newRS);
}

/**
 * scale handles a change of spec.replicas: one active ReplicaSet takes the whole size; otherwise the
 * change is spread over the active sets in proportion to their size (biggest first), leftovers to the
 * largest.
 */
export function scale(plan: Plan, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const d = plan.d;
  const only = findActiveOrLatest(newRS, oldRSs);
  if (only) {
    if (replicasOf(only) !== replicasOf(d)) plan.scaleReplicaSet(only, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) plan.scaleReplicaSet(old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const active = filterActive([...oldRSs, newRS]);
  const current = sumSpecReplicas(active);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - current;
  let operation: 'up' | 'down' | undefined;
  const created = (rs: ReplicaSet) => Date.parse(rs.metadata?.creationTimestamp ?? '') || 0;
  if (toAdd > 0) {
    active.sort((a, b) => replicasOf(b) - replicasOf(a) || created(b) - created(a));
    operation = 'up';
  } else if (toAdd < 0) {
    active.sort((a, b) => replicasOf(b) - replicasOf(a) || created(a) - created(b));
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<ReplicaSet, number>();
  for (const rs of active) {
    if (toAdd !== 0) {
      const proportion = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs, replicasOf(rs) + proportion);
      added += proportion;
    } else sizes.set(rs, replicasOf(rs));
  }
  active.forEach((rs, i) => {
    let size = sizes.get(rs) ?? 0;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    plan.scaleReplicaSet(rs, size, operation);
  });
}

/** cleanupDeployment deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(plan: Plan, oldRSs: ReplicaSet[]): void {
  const limit = plan.d.spec?.revisionHistoryLimit;
  if (limit === undefined) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const byRevision = [...cleanable].sort(
    (a, b) => revisionOf(a) - revisionOf(b) || byCreation(a as unknown as KubeObject, b as unknown as KubeObject),
  );
  for (const rs of byRevision.slice(0, diff)) {
    if (
      (rs.status?.replicas ?? 0) !== 0 ||
      replicasOf(rs) !== 0 ||
      (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)
    )
      continue;
    plan.deleteReplicaSet(rs);
  }
}

/** calculateStatus is the Deployment's status from its ReplicaSets' (sync.go calculateStatus). */
export function calculateStatus(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  now: number,
): DeploymentStatus {
  const available = sumAvailableReplicas(allRSs);
  const total = sumSpecReplicas(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: DeploymentStatus = {};
  if (d.metadata?.generation) status.observedGeneration = d.metadata.generation;
  const replicas = sumStatusReplicas(allRSs);
  const updated = sumStatusReplicas([newRS]);
  const ready = sumReadyReplicas(allRSs);
  if (replicas) status.replicas = replicas;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (unavailable) status.unavailableReplicas = unavailable;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions?.length) status.conditions = structuredClone(d.status.conditions);
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(
      status,
      newCondition('Available', 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now),
    );
  } else {
    setCondition(
      status,
      newCondition(
        'Available',
        'False',
        Reason.MinimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        now,
      ),
    );
  }
  return status;
}

export function syncDeploymentStatus(
  plan: Plan,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): void {
  plan.setStatus(calculateStatus(plan.d, allRSs, newRS, plan.now));
}
