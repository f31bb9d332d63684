import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { newControllerRef } from './owners.ts';

/**
 * Pod helpers of kube-controller-manager (pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go):
 * which pods count as active, ready and available, and how a controller turns its template into a pod.
 */

/** isPodActive is controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function isPodTerminating(pod: Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined;
}

function readyCondition(pod: Pod) {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

/** isPodReady is podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** readySince is when the pod's Ready condition last turned True, in ms, if it is ready. */
export function readySince(pod: Pod): number | undefined {
  const condition = readyCondition(pod);
  if (condition?.status !== 'True' || !condition.lastTransitionTime) return undefined;
  return Date.parse(condition.lastTransitionTime);
}

/**
 * isPodAvailable is podutil.IsPodAvailable: ready, and ready for longer than minReadySeconds
 * (strictly: "LastTransitionTime + minReadySeconds before now").
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** availableAt is the first instant the pod counts as available, so a controller can wake up then. */
export function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const since = readySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/**
 * podFromTemplate is controller.GetPodFromTemplate: the template's labels, annotations, finalizers
 * and spec, a generateName of "<owner>-" and the owner as controller.
 */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: KubeObject): Pod {
  const meta = template?.metadata ?? {};
  const ownerRef: OwnerReference = newControllerRef(owner);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name ?? ''}-`,
      namespace: owner.metadata.namespace ?? '',
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [ownerRef],
    },
    spec: structuredClone(template?.spec ?? { containers: [] }),
  };
  return pod;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function restarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/**
 * compareForDeletion is controller.ActivePodsWithRanks.Less: the pod to delete first sorts first —
 * unscheduled before scheduled, Pending before Unknown before Running, not ready before ready, more
 * doubled-up on its node before less, ready for less time before longer, more restarts before fewer,
 * newer before older.
 */
export function compareForDeletion(a: Pod, b: Pod, rank: (pod: Pod) => number = () => 0): number {
  const aNode = a.spec?.nodeName ?? '';
  const bNode = b.spec?.nodeName ?? '';
  if ((aNode === '') !== (bNode === '')) return aNode === '' ? -1 : 1;
  const aPhase = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
  const bPhase = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
  if (aPhase !== bPhase) return aPhase - bPhase;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  if (isPodReady(a) && isPodReady(b)) {
    const aSince = readySince(a) ?? 0;
    const bSince = readySince(b) ?? 0;
    if (aSince !== bSince) return bSince - aSince;
  }
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const aCreated = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const bCreated = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (aCreated !== bCreated) return bCreated - aCreated;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? 1 : -1;
}

/** byCreation sorts oldest first, then by name, as controller.ReplicaSetsByCreationTimestamp and friends do. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const at = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const bt = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (at !== bt) return at - bt;
  const an = a.metadata.name ?? '';
  const bn = b.metadata.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}
