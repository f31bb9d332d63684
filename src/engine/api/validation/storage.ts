import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import { isQuantity, parseQuantity } from '../quantity.ts';

/**
 * PersistentVolume, PersistentVolumeClaim and StorageClass validation in the words of
 * pkg/apis/core/validation (ValidatePersistentVolume*, ValidatePersistentVolumeClaim*) and
 * pkg/apis/storage/validation (ValidateStorageClass*).
 */
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const CLASS_RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const QUANTITY_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** VOLUME_SOURCES are the PersistentVolumeSource fields; exactly one must be set. */
const VOLUME_SOURCES = [
  'hostPath',
  'local',
  'nfs',
  'csi',
  'iscsi',
  'fc',
  'cephfs',
  'rbd',
  'glusterfs',
  'awsElasticBlockStore',
  'gcePersistentDisk',
  'azureDisk',
  'azureFile',
  'cinder',
  'flexVolume',
  'flocker',
  'portworxVolume',
  'quobyte',
  'scaleIO',
  'storageos',
  'vsphereVolume',
  'photonPersistentDisk',
];

function accessModeErrors(modes: readonly string[] | undefined, field: string, requireDetail: string): FieldError[] {
  const errors: FieldError[] = [];
  if ((modes ?? []).length === 0) errors.push(fieldErrors.required(field, requireDetail));
  for (const mode of modes ?? [])
    if (!ACCESS_MODES.includes(mode)) errors.push(fieldErrors.notSupported(field, mode, ACCESS_MODES));
  if ((modes ?? []).includes('ReadWriteOncePod') && (modes ?? []).length > 1)
    errors.push(fieldErrors.forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  return errors;
}

function quantityErrors(value: unknown, field: string): FieldError[] {
  if (value === undefined) return [fieldErrors.required(field)];
  if (!isQuantity(value)) return [fieldErrors.invalid(field, value, QUANTITY_MESSAGE)];
  if ((parseQuantity(value as string) ?? 0) < 0)
    return [fieldErrors.invalid(field, value, 'must be greater than or equal to 0')];
  return [];
}

export function validatePersistentVolume(pv: PersistentVolume, old: PersistentVolume | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const spec = (pv.spec ?? {}) as Record<string, unknown> & NonNullable<PersistentVolume['spec']>;
  errors.push(...accessModeErrors(spec.accessModes, 'spec.accessModes', ''));
  if (!spec.capacity || Object.keys(spec.capacity).length === 0) errors.push(fieldErrors.required('spec.capacity'));
  else {
    for (const key of Object.keys(spec.capacity))
      if (key !== 'storage') errors.push(fieldErrors.notSupported('spec.capacity', key, ['storage']));
    if (spec.capacity.storage !== undefined)
      errors.push(...quantityErrors(spec.capacity.storage, 'spec.capacity[storage]'));
  }
  const sources = VOLUME_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  if (sources.length === 0) errors.push(fieldErrors.required('spec', 'must specify a volume type'));
  for (const extra of sources.slice(1))
    errors.push(fieldErrors.forbidden(`spec.${extra}`, 'may not specify more than 1 volume type'));
  if (spec.hostPath && !spec.hostPath.path) errors.push(fieldErrors.required('spec.hostPath.path'));
  if (spec.local) {
    if (!spec.local.path) errors.push(fieldErrors.required('spec.local.path'));
    if (!spec.nodeAffinity)
      errors.push(fieldErrors.required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (
    spec.persistentVolumeReclaimPolicy !== undefined &&
    !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)
  )
    errors.push(
      fieldErrors.notSupported(
        'spec.persistentVolumeReclaimPolicy',
        spec.persistentVolumeReclaimPolicy,
        RECLAIM_POLICIES,
      ),
    );
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode))
    errors.push(fieldErrors.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (old) {
    const source = (s: Record<string, unknown>) => JSON.stringify(VOLUME_SOURCES.map((k) => s[k] ?? null));
    if (source(spec) !== source((old.spec ?? {}) as Record<string, unknown>))
      errors.push(
        fieldErrors.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'),
      );
    if (old.spec?.volumeMode !== undefined && spec.volumeMode !== old.spec.volumeMode)
      errors.push(fieldErrors.invalid('spec.volumeMode', spec.volumeMode ?? null, 'field is immutable'));
  }
  return errors;
}

export function validatePersistentVolumeClaim(
  pvc: PersistentVolumeClaim,
  old: PersistentVolumeClaim | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const spec = pvc.spec ?? {};
  errors.push(...accessModeErrors(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required'));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errors.push(fieldErrors.required('spec.resources[storage]'));
  else errors.push(...quantityErrors(storage, 'spec.resources[storage]'));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode))
    errors.push(fieldErrors.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (!old || errors.length > 0) return errors;
  const oldSpec = old.spec ?? {};
  const bound = (oldSpec.volumeName ?? '') !== '';
  // The binder sets volumeName on an unbound claim; requests may change only once the claim is bound.
  const strip = (s: typeof spec) => {
    const copy = structuredClone(s) as typeof spec;
    delete copy.resources;
    delete copy.volumeAttributesClassName;
    if (!bound) delete copy.volumeName;
    // Retroactive default StorageClass assignment may fill a class the claim was created without.
    if (oldSpec.storageClassName === undefined) delete copy.storageClassName;
    return JSON.stringify(copy);
  };
  const resourcesChanged = JSON.stringify(spec.resources ?? {}) !== JSON.stringify(oldSpec.resources ?? {});
  if (strip(spec) !== strip(oldSpec) || (resourcesChanged && !bound)) {
    errors.push(
      fieldErrors.forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    );
    return errors;
  }
  if (resourcesChanged && storage !== undefined) {
    const now = parseQuantity(String(storage)) ?? 0;
    const capacity = old.status?.capacity?.storage ?? oldSpec.resources?.requests?.storage;
    if (capacity !== undefined && now < (parseQuantity(String(capacity)) ?? 0))
      errors.push(
        fieldErrors.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'),
      );
  }
  return errors;
}

export function validateStorageClass(sc: StorageClass, old: StorageClass | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!sc.provisioner) errors.push(fieldErrors.required('provisioner'));
  if (sc.reclaimPolicy !== undefined && !CLASS_RECLAIM_POLICIES.includes(sc.reclaimPolicy))
    errors.push(fieldErrors.notSupported('reclaimPolicy', sc.reclaimPolicy, CLASS_RECLAIM_POLICIES));
  if (sc.volumeBindingMode !== undefined && !BINDING_MODES.includes(sc.volumeBindingMode))
    errors.push(fieldErrors.notSupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES));
  if (!old) return errors;
  if (JSON.stringify(sc.parameters ?? {}) !== JSON.stringify(old.parameters ?? {}))
    errors.push(fieldErrors.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner)
    errors.push(fieldErrors.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if ((sc.reclaimPolicy ?? 'Delete') !== (old.reclaimPolicy ?? 'Delete'))
    errors.push(fieldErrors.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if ((sc.volumeBindingMode ?? 'Immediate') !== (old.volumeBindingMode ?? 'Immediate'))
    errors.push(fieldErrors.invalid('volumeBindingMode', sc.volumeBindingMode ?? 'Immediate', 'field is immutable'));
  return errors;
}
