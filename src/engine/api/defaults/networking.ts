import type { Endpoints, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../types.ts';

/**
 * Defaults of the networking and storage kinds (pkg/apis/core/v1/defaults.go,
 * pkg/apis/networking/v1/defaults.go, pkg/apis/storage/v1/defaults.go), filled in place before validation.
 */
export const NETWORKING_DEFAULTERS: Record<string, (object: KubeObject) => void> = {
  NetworkPolicy(object) {
    const policy = object as unknown as NetworkPolicy;
    policy.spec ??= { podSelector: {} };
    const spec = policy.spec;
    spec.podSelector ??= {};
    for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])])
      for (const port of rule.ports ?? []) port.protocol ??= 'TCP';
    if ((spec.policyTypes ?? []).length === 0) {
      spec.policyTypes = ['Ingress'];
      if ((spec.egress ?? []).length > 0) spec.policyTypes.push('Egress');
    }
  },
  PersistentVolume(object) {
    const pv = object as unknown as PersistentVolume;
    pv.spec ??= {};
    pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    pv.spec.volumeMode ??= 'Filesystem';
    if (pv.spec.hostPath) pv.spec.hostPath.type ??= '';
  },
  PersistentVolumeClaim(object) {
    const pvc = object as unknown as PersistentVolumeClaim;
    pvc.spec ??= {};
    pvc.spec.volumeMode ??= 'Filesystem';
  },
  StorageClass(object) {
    const sc = object as unknown as StorageClass;
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  Endpoints(object) {
    for (const subset of (object as unknown as Endpoints).subsets ?? [])
      for (const port of subset.ports ?? []) port.protocol ??= 'TCP';
  },
  EndpointSlice(object) {
    for (const port of (object as unknown as EndpointSlice).ports ?? []) port.protocol ??= 'TCP';
  },
};
