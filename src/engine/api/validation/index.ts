import type { ConfigMap, PersistentVolume, PersistentVolumeClaim, Pod, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { deepEqual } from '../equal.ts';
import { fieldErrors, type FieldError } from '../errors.ts';
import { validateCronJob } from './cronjob.ts';
import { validateDaemonSet } from './daemonset.ts';
import { validateDeployment, validateReplicaSet } from './deployment.ts';
import { validateJob } from './job.ts';
import { validateStatefulSet } from './statefulset.ts';
import type { ResourceType } from '../registry.ts';
import type { KubeObject } from '../types.ts';
import { nameErrors, validateLabels, type NameRule } from './names.ts';
import { validateIngress, validateIngressClass } from './ingress.ts';
import { validateNetworkPolicy } from './networkpolicy.ts';
import { validatePodSpec } from './pod.ts';
import { validateService } from './service.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage.ts';

/** Validator checks one kind's own fields; metadata is checked for every kind by validateObject. */
export type Validator = (object: KubeObject, old: KubeObject | undefined) => FieldError[];

const NAME_RULES: Record<string, NameRule> = {
  Namespace: 'dns1123Label',
  Service: 'dns1035Label',
  Role: 'path',
  ClusterRole: 'path',
  RoleBinding: 'path',
  ClusterRoleBinding: 'path',
};

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function validateConfigData(object: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const section of ['data', 'binaryData', 'stringData'] as const) {
    const data = (object as Record<string, unknown>)[section];
    if (data === undefined || data === null) continue;
    for (const key of Object.keys(data as object)) {
      if (!CONFIG_KEY.test(key)) errors.push(fieldErrors.invalid(`${section}[${key}]`, key, CONFIG_KEY_MESSAGE));
    }
  }
  return errors;
}

const VALIDATORS: Record<string, Validator> = {
  Ingress: (object) => validateIngress(object as unknown as Ingress),
  IngressClass: (object, old) =>
    validateIngressClass(object as unknown as IngressClass, old as unknown as IngressClass | undefined),
  NetworkPolicy: (object) => validateNetworkPolicy(object as unknown as NetworkPolicy),
  PersistentVolume: (object, old) =>
    validatePersistentVolume(object as unknown as PersistentVolume, old as unknown as PersistentVolume | undefined),
  PersistentVolumeClaim: (object, old) =>
    validatePersistentVolumeClaim(
      object as unknown as PersistentVolumeClaim,
      old as unknown as PersistentVolumeClaim | undefined,
    ),
  StorageClass: (object, old) =>
    validateStorageClass(object as unknown as StorageClass, old as unknown as StorageClass | undefined),
  Pod: (object, old) => {
    const pod = object as unknown as Pod;
    const errors = validatePodSpec(pod.spec, 'spec');
    if (old && errors.length === 0) errors.push(...validatePodUpdate(pod, old as unknown as Pod));
    return errors;
  },
  ConfigMap: (object) => validateConfigData(object as unknown as ConfigMap as unknown as KubeObject),
  Secret: (object) => {
    const errors = validateConfigData(object);
    const type = (object as { type?: string }).type;
    if (type === 'kubernetes.io/tls') {
      const data = {
        ...((object as { data?: object }).data ?? {}),
        ...((object as { stringData?: object }).stringData ?? {}),
      };
      for (const key of ['tls.crt', 'tls.key']) if (!(key in data)) errors.push(fieldErrors.required(`data[${key}]`));
    }
    return errors;
  },
  Service: (object, old) => validateService(object as unknown as Service, old as unknown as Service | undefined),
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
};

function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const strip = (p: Pod) => {
    const spec = structuredClone(p.spec ?? {}) as Record<string, unknown> & {
      containers?: { image?: string }[];
      initContainers?: { image?: string }[];
    };
    for (const c of spec.containers ?? []) delete c.image;
    for (const c of spec.initContainers ?? []) delete c.image;
    delete spec.activeDeadlineSeconds;
    delete spec.tolerations;
    delete spec.terminationGracePeriodSeconds;
    return spec;
  };
  // Compared as values, not as JSON text: an edited or replaced object may list its keys in another order.
  if (deepEqual(strip(pod), strip(old))) return [];
  return [
    fieldErrors.forbidden(
      'spec',
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ),
  ];
}

/** validateObject checks metadata for every kind, then the kind's own validator when it has one. */
export function validateObject(type: ResourceType, object: KubeObject, old?: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const meta = object.metadata;
  const name = meta.name;
  if (!name) errors.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  else if (!old) {
    for (const message of nameErrors(name, NAME_RULES[type.kind] ?? 'dns1123Subdomain')) {
      errors.push(fieldErrors.invalid('metadata.name', name, message));
    }
  }
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  const annotationsSize = Object.entries(meta.annotations ?? {}).reduce(
    (sum, [k, v]) => sum + k.length + String(v).length,
    0,
  );
  if (annotationsSize > 256 * 1024) {
    errors.push({
      type: 'FieldValueTooLong',
      field: 'metadata.annotations',
      message: 'Too long: may not be more than 262144 bytes',
    });
  }
  const validator = VALIDATORS[type.kind];
  if (validator) errors.push(...validator(object, old));
  return errors;
}

export { validatePodSpec };
