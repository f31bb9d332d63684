import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ObjectStore } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import { isDefaultClass } from '../../api/printing/networking.ts';

/** Annotations the binder, the scheduler's volume binder and the provisioners read and write. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

export const PVCS = 'persistentvolumeclaims';
export const PVS = 'persistentvolumes';
export const STORAGE_CLASSES = 'storageclasses.storage.k8s.io';

/** claimNames lists the claims a pod's volumes name (ephemeral volumes' generated claims included). */
export function claimNames(pod: Pod): string[] {
  const names: string[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    if (volume.persistentVolumeClaim?.claimName) names.push(volume.persistentVolumeClaim.claimName);
    else if (volume.ephemeral) names.push(`${pod.metadata?.name ?? ''}-${volume.name}`);
  }
  return names;
}

/** podIsTerminated: a Succeeded or Failed pod no longer uses its claims (pvc-protection's podIsShutDown). */
export function podIsTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** defaultStorageClass is the newest class annotated as default, as the DefaultStorageClass admission picks it. */
export function defaultStorageClass(store: ObjectStore): StorageClass | undefined {
  const defaults = store.list(STORAGE_CLASSES).filter((c) => isDefaultClass(c as KubeObject));
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return defaults[0] as unknown as StorageClass | undefined;
}

export type ClaimMountStatus = { ready: true } | { ready: false; unmounted: string[]; reasons: string[] };

/**
 * claimMountStatus is the kubelet's volume-manager check before it starts a pod's containers:
 * every persistentVolumeClaim volume needs its claim to exist, not be terminating, and be Bound.
 * The kubelet keeps the pod in ContainerCreating until this says ready; after two minutes it
 * reports FailedMount with `Unable to attach or mount volumes: unmounted volumes=[...], ...`.
 */
export function claimMountStatus(store: ObjectStore, pod: Pod): ClaimMountStatus {
  const namespace = pod.metadata?.namespace ?? '';
  const unmounted: string[] = [];
  const reasons: string[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const claim = store.get(PVCS, namespace, claimName) as unknown as PersistentVolumeClaim | undefined;
    let reason: string | undefined;
    if (!claim) reason = `persistentvolumeclaim "${claimName}" not found`;
    else if (claim.metadata?.deletionTimestamp)
      reason = `error processing PVC ${namespace}/${claimName}: PVC is being deleted`;
    else if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName)
      reason = `error processing PVC ${namespace}/${claimName}: PVC is not bound`;
    if (reason) {
      unmounted.push(volume.name);
      reasons.push(reason);
    }
  }
  return unmounted.length === 0 ? { ready: true } : { ready: false, unmounted, reasons };
}

/** claimDataKey is where the kubelet should keep a bound claim's files: with its PersistentVolume. */
export function claimDataKey(store: ObjectStore, namespace: string, claimName: string): string {
  const claim = store.get(PVCS, namespace, claimName) as unknown as PersistentVolumeClaim | undefined;
  const volume = claim?.spec?.volumeName;
  return volume ? `pv/${volume}` : `${namespace}/${claimName}`;
}

/** failedMountMessage is the kubelet's FailedMount warning after two minutes of waiting for volumes. */
export function failedMountMessage(pod: Pod, unmounted: string[]): string {
  const all = (pod.spec?.volumes ?? []).map((v) => v.name);
  return `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(' ')}], unattached volumes=[${all.join(' ')}]: timed out waiting for the condition`;
}
