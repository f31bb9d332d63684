import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/clock.ts';
import { deepEqual } from '../../api/equal.ts';
import { scaledValue } from '../reconcile/intstr.ts';
import { byCreation } from '../reconcile/pods.ts';
import type { KubeObject } from '../../api/types.ts';

/**
 * The Deployment controller's vocabulary (pkg/controller/deployment/util/deployment_util.go):
 * annotations, condition reasons and messages, the surge and unavailability arithmetic, and the
 * small predicates over ReplicaSets that sync, rolling, recreate and rollback share.
 */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The longest revision-history annotation kept (the controller's maxRevHistoryLengthInChars). */
export const MAX_REVISION_HISTORY_CHARS = 2000;

/** Condition reasons (deployment_util.go). */
export const Reason = {
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  RollbackRevisionNotFound: 'DeploymentRollbackRevisionNotFound',
  RollbackTemplateUnchanged: 'DeploymentRollbackTemplateUnchanged',
  RollbackDone: 'DeploymentRollback',
} as const;

const ANNOTATIONS_NOT_COPIED = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

export function replicasOf(object: { spec?: { replicas?: number } }): number {
  return object.spec?.replicas ?? 0;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** resolveFenceposts turns maxSurge and maxUnavailable into numbers; both 0 would deadlock, so unavailable becomes 1. */
export function resolveFenceposts(
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  desired: number,
): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d))[0];
}

export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const unavailable = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)[1];
  return Math.min(unavailable, replicas);
}

/** revisionOf reads deployment.kubernetes.io/revision; unparsable or missing is 0. */
export function revisionOf(object: { metadata?: KubeObject['metadata'] }): number {
  const text = object.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined || !/^\d+$/.test(text)) return 0;
  return Number(text);
}

export function maxRevision(rsList: readonly ReplicaSet[]): number {
  return rsList.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** lastRevision is the second highest revision: what `rollout undo` without --to-revision returns to. */
export function lastRevision(rsList: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rsList) {
    const v = revisionOf(rs);
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

function withoutHash(template: PodTemplateSpec | undefined): unknown {
  const copy = structuredClone(template ?? {}) as PodTemplateSpec;
  copy.metadata ??= {};
  if (copy.metadata.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  if (copy.metadata.annotations && Object.keys(copy.metadata.annotations).length === 0)
    delete copy.metadata.annotations;
  return copy;
}

/** equalIgnoreHash compares two pod templates as the controller does: the pod-template-hash label does not count. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

/** findNewReplicaSet is the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList]
    .sort((a, b) => byCreation(a as unknown as KubeObject, b as unknown as KubeObject))
    .find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function filterActive(rsList: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rsList.filter((rs): rs is ReplicaSet => rs !== undefined && replicasOf(rs) > 0);
}

export function sortByCreation(rsList: ReplicaSet[]): ReplicaSet[] {
  return rsList.sort((a, b) => byCreation(a as unknown as KubeObject, b as unknown as KubeObject));
}

export const sumSpecReplicas = (rsList: readonly (ReplicaSet | undefined)[]) =>
  rsList.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
export const sumStatusReplicas = (rsList: readonly (ReplicaSet | undefined)[]) =>
  rsList.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
export const sumReadyReplicas = (rsList: readonly (ReplicaSet | undefined)[]) =>
  rsList.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
export const sumAvailableReplicas = (rsList: readonly (ReplicaSet | undefined)[]) =>
  rsList.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);

/** newRSNewReplicas is how far the new ReplicaSet may grow now: all at once for Recreate, within maxSurge otherwise. */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge ?? 0, replicasOf(d), true);
  const current = sumSpecReplicas(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}

function annotationNumber(rs: ReplicaSet, key: string): number | undefined {
  const text = rs.metadata?.annotations?.[key];
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return annotationNumber(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** isSaturated: the new ReplicaSet has all the Deployment's replicas and all are available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  return (
    replicasOf(rs) === replicasOf(d) &&
    desired === replicasOf(d) &&
    (rs.status?.availableReplicas ?? 0) === replicasOf(d)
  );
}

/** findActiveOrLatest is the one ReplicaSet to scale when only one is active (or the newest when none is). */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = sortByCreation([...oldRSs]).reverse();
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** replicaSetProportion is GetReplicaSetProportion: this set's share of a proportional scale. */
export function replicaSetProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentMax = replicasOf(d) + maxSurge(d);
  const before = annotationNumber(rs, MAX_REPLICAS_ANNOTATION);
  if (before === undefined || before === 0) return replicasOf(rs);
  const scaled = (replicasOf(rs) * deploymentMax) / before;
  return goRound(scaled) - replicasOf(rs);
}

/** goRound is math.Round: halves away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** setReplicasAnnotations records the Deployment's size and ceiling on a ReplicaSet; true when they changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const meta = (rs.metadata ??= {});
  const annotations = (meta.annotations ??= {});
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata?.annotations ?? {};
  return (
    annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

/**
 * setNewReplicaSetAnnotations copies the Deployment's own annotations (change-cause among them) to the
 * new ReplicaSet and raises its revision; a set that already had a revision keeps the old ones in
 * revision-history, which is how a rollback shows.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: number,
  exists: boolean,
): boolean {
  const meta = (rs.metadata ??= {});
  const annotations = (meta.annotations ??= {});
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_NOT_COPIED.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const oldText = annotations[REVISION_ANNOTATION];
  const hadRevision = oldText !== undefined;
  if (oldText !== undefined && oldText !== '' && !/^\d+$/.test(oldText)) return changed;
  const oldRevision = oldText ? Number(oldText) : 0;
  if (oldRevision < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (hadRevision && oldText !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      if (!history) annotations[REVISION_HISTORY_ANNOTATION] = oldText;
      else {
        let parts = history.split(',');
        let total = history.length + oldText.length + 1;
        while (total > MAX_REVISION_HISTORY_CHARS && parts.length > 0) {
          total -= (parts[0]?.length ?? 0) + 1;
          parts = parts.slice(1);
        }
        if (total <= MAX_REVISION_HISTORY_CHARS)
          annotations[REVISION_HISTORY_ANNOTATION] = [...parts, oldText].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** setDeploymentRevision records the new ReplicaSet's revision on the Deployment; true when it changed. */
export function setDeploymentRevision(d: Deployment, revision: string | undefined): boolean {
  if (revision === undefined) return false;
  const meta = (d.metadata ??= {});
  const annotations = (meta.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  annotations[REVISION_ANNOTATION] = revision;
  return true;
}

/** setDeploymentAnnotationsTo gives a rolled-back Deployment the annotations of the revision it returns to. */
export function setDeploymentAnnotationsTo(d: Deployment, rs: ReplicaSet): void {
  const meta = (d.metadata ??= {});
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta.annotations ?? {}))
    if (ANNOTATIONS_NOT_COPIED.has(key)) kept[key] = value;
  for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {}))
    if (!ANNOTATIONS_NOT_COPIED.has(key)) kept[key] = value;
  meta.annotations = kept;
}

// Conditions.

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return (status?.conditions ?? []).find((c) => c.type === type);
}

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const at = rfc3339(now);
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}

/** setCondition is SetDeploymentCondition: the same status and reason change nothing; the same status keeps its transition time. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status && current.lastTransitionTime)
    next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  const left = (status.conditions ?? []).filter((c) => c.type !== type);
  if (left.length) status.conditions = left;
  else delete status.conditions;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = d.spec?.progressDeadlineSeconds;
  return seconds !== undefined && seconds !== 2147483647;
}

/** deploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/** deploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** deploymentTimedOut: the Progressing condition has not moved for progressDeadlineSeconds. */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(status, 'Progressing');
  if (!condition) return false;
  if (condition.reason === Reason.NewReplicaSetAvailable) return false;
  if (condition.reason === Reason.ProgressDeadlineExceeded) return true;
  const from = Date.parse(condition.lastUpdateTime ?? '');
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now;
}
