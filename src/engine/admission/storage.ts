import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { ApiError, forbidden } from '../api/errors.ts';
import { claimClass, isDefaultClass } from '../api/printing/networking.ts';
import type { AdmissionPlugin } from '../api/server.ts';
import type { ObjectStore } from '../api/store.ts';
import type { KubeObject } from '../api/types.ts';
import {
  defaultStorageClass,
  PV_PROTECTION_FINALIZER,
  PVC_PROTECTION_FINALIZER,
  STORAGE_CLASSES,
} from '../controllers/pvbinder/claims.ts';
import { storageBytes } from '../controllers/pvbinder/matching.ts';

/**
 * The storage and ingress admission plugins kube-apiserver enables by default:
 * DefaultStorageClass (a claim without storageClassName gets the default class),
 * StorageObjectInUseProtection (the pvc-/pv-protection finalizers), PersistentVolumeClaimResize
 * (only classes with allowVolumeExpansion may grow claims) and DefaultIngressClass.
 */
export function storageAdmission(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'StorageAdmission',
    admit(operation, type, object, old) {
      if (operation === 'DELETE') return;
      if (type.kind === 'PersistentVolumeClaim') {
        const claim = object as unknown as PersistentVolumeClaim;
        if (operation === 'CREATE') {
          claim.spec ??= {};
          if (
            claim.spec.storageClassName === undefined &&
            !claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class']
          ) {
            const fallback = defaultStorageClass(store);
            if (fallback?.metadata?.name) claim.spec.storageClassName = fallback.metadata.name;
          }
          addFinalizer(object, PVC_PROTECTION_FINALIZER);
          return;
        }
        const before = old as unknown as PersistentVolumeClaim | undefined;
        const grown =
          storageBytes(claim.spec?.resources?.requests?.storage) >
          storageBytes(before?.spec?.resources?.requests?.storage);
        if (!grown || !before?.spec?.volumeName) return;
        const storageClass = store.get(STORAGE_CLASSES, '', claimClass(claim)) as unknown as StorageClass | undefined;
        if (storageClass?.allowVolumeExpansion !== true) {
          throw new ApiError(
            forbidden(
              `persistentvolumeclaims "${object.metadata.name ?? ''}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`,
              { name: object.metadata.name ?? '', kind: 'persistentvolumeclaims' },
            ),
          );
        }
        return;
      }
      if (type.kind === 'PersistentVolume' && operation === 'CREATE') {
        addFinalizer(object, PV_PROTECTION_FINALIZER);
        return;
      }
      if (type.kind === 'Ingress' && operation === 'CREATE') {
        const ingress = object as unknown as Ingress;
        ingress.spec ??= {};
        if (ingress.spec.ingressClassName || ingress.metadata?.annotations?.['kubernetes.io/ingress.class']) return;
        const defaults = store
          .list('ingressclasses.networking.k8s.io')
          .filter((c) => isDefaultClass(c, 'ingressclass.kubernetes.io/is-default-class'))
          .sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? 1 : -1));
        const chosen = defaults[0]?.metadata.name;
        if (chosen) ingress.spec.ingressClassName = chosen;
      }
    },
  };
}

function addFinalizer(object: KubeObject, finalizer: string): void {
  const finalizers = object.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) object.metadata.finalizers = [...finalizers, finalizer];
}
