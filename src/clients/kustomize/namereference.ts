/**
 * The name-reference transformer (api/filters/nameref): after prefixes, suffixes, namespaces and
 * hashes renamed resources, every field that names another resource (a ConfigMap in a pod
 * template, a ServiceAccount in RoleBinding subjects …) is pointed at the referral's new name.
 * The rules are kustomize's nameReference configuration, for the kinds the lab's cluster serves.
 */
import { applyToFields, type FieldSpec } from './fieldspecs.ts';
import { KustomizeError } from './errors.ts';
import {
  curId,
  idString,
  isClusterScoped,
  isObject,
  kindOf,
  nameOf,
  namespaceOf,
  nsEquals,
  type KObject,
  type Resource,
} from './resource.ts';

interface Target {
  kind: string;
  group?: string;
  version?: string;
  fieldSpecs: FieldSpec[];
}

/** POD_TEMPLATE_PREFIXES: where each workload kind keeps its pod spec. */
const POD_SPEC_AT: [string, string][] = [
  ['Pod', 'spec'],
  ['PodTemplate', 'template/spec'],
  ['Deployment', 'spec/template/spec'],
  ['ReplicaSet', 'spec/template/spec'],
  ['DaemonSet', 'spec/template/spec'],
  ['StatefulSet', 'spec/template/spec'],
  ['Job', 'spec/template/spec'],
  ['CronJob', 'spec/jobTemplate/spec/template/spec'],
];

function inPodSpecs(paths: string[], kinds = POD_SPEC_AT): FieldSpec[] {
  return kinds.flatMap(([kind, at]) => paths.map((p) => ({ kind, path: `${at}/${p}` })));
}

const WORKLOADS_WITH_SA: [string, string][] = [
  ['Pod', 'spec'],
  ['StatefulSet', 'spec/template/spec'],
  ['Deployment', 'spec/template/spec'],
  ['ReplicationController', 'spec/template/spec'],
  ['CronJob', 'spec/jobTemplate/spec/template/spec'],
  ['Job', 'spec/template/spec'],
  ['DaemonSet', 'spec/template/spec'],
];

const rbac = 'rbac.authorization.k8s.io';

/** NAME_REFERENCES is builtinpluginconsts/namereference.go. */
export const NAME_REFERENCES: Target[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({
    kind,
    fieldSpecs: [{ kind: 'HorizontalPodAutoscaler', path: 'spec/scaleTargetRef/name' }],
  })),
  {
    kind: 'ConfigMap',
    version: 'v1',
    fieldSpecs: [
      ...inPodSpecs([
        'volumes/configMap/name',
        'containers/env/valueFrom/configMapKeyRef/name',
        'initContainers/env/valueFrom/configMapKeyRef/name',
        'containers/envFrom/configMapRef/name',
        'initContainers/envFrom/configMapRef/name',
        'volumes/projected/sources/configMap/name',
      ]),
      { kind: 'Node', path: 'spec/configSource/configMap' },
      { kind: 'Role', path: 'rules/resourceNames' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap' },
    ],
  },
  {
    kind: 'Secret',
    version: 'v1',
    fieldSpecs: [
      ...inPodSpecs([
        'volumes/secret/secretName',
        'containers/env/valueFrom/secretKeyRef/name',
        'initContainers/env/valueFrom/secretKeyRef/name',
        'containers/envFrom/secretRef/name',
        'initContainers/envFrom/secretRef/name',
        'imagePullSecrets/name',
        'volumes/projected/sources/secret/name',
      ]),
      { kind: 'Ingress', path: 'spec/tls/secretName' },
      { kind: 'Ingress', path: 'metadata/annotations/ingress.kubernetes.io\\/auth-secret' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret' },
      { kind: 'ServiceAccount', path: 'imagePullSecrets/name' },
      { kind: 'StorageClass', path: 'parameters/secretName' },
      { kind: 'StorageClass', path: 'parameters/adminSecretName' },
      { kind: 'StorageClass', path: 'parameters/userSecretName' },
      { kind: 'StorageClass', path: 'parameters/secretRef' },
      { kind: 'Role', path: 'rules/resourceNames' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
      { kind: 'PersistentVolume', path: 'spec/azureFile/secretName' },
    ],
  },
  {
    kind: 'Service',
    version: 'v1',
    fieldSpecs: [
      { kind: 'StatefulSet', group: 'apps', path: 'spec/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/service/name' },
      { kind: 'Ingress', path: 'spec/defaultBackend/service/name' },
      { kind: 'APIService', group: 'apiregistration.k8s.io', path: 'spec/service/name' },
      {
        kind: 'ValidatingWebhookConfiguration',
        group: 'admissionregistration.k8s.io',
        path: 'webhooks/clientConfig/service',
      },
      {
        kind: 'MutatingWebhookConfiguration',
        group: 'admissionregistration.k8s.io',
        path: 'webhooks/clientConfig/service',
      },
      { kind: 'HTTPRoute', path: 'spec/rules/backendRefs/name' },
    ],
  },
  { kind: 'Role', group: rbac, fieldSpecs: [{ kind: 'RoleBinding', group: rbac, path: 'roleRef/name' }] },
  {
    kind: 'ClusterRole',
    group: rbac,
    fieldSpecs: [
      { kind: 'RoleBinding', group: rbac, path: 'roleRef/name' },
      { kind: 'ClusterRoleBinding', group: rbac, path: 'roleRef/name' },
    ],
  },
  {
    kind: 'ServiceAccount',
    version: 'v1',
    fieldSpecs: [
      { kind: 'RoleBinding', group: rbac, path: 'subjects' },
      { kind: 'ClusterRoleBinding', group: rbac, path: 'subjects' },
      ...WORKLOADS_WITH_SA.map(([kind, at]) => ({ kind, path: `${at}/serviceAccountName` })),
    ],
  },
  {
    kind: 'PersistentVolumeClaim',
    version: 'v1',
    fieldSpecs: WORKLOADS_WITH_SA.map(([kind, at]) => ({
      kind,
      path: `${at}/volumes/persistentVolumeClaim/claimName`,
    })),
  },
  {
    kind: 'PersistentVolume',
    version: 'v1',
    fieldSpecs: [
      { kind: 'PersistentVolumeClaim', path: 'spec/volumeName' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
    ],
  },
  {
    kind: 'StorageClass',
    version: 'v1',
    group: 'storage.k8s.io',
    fieldSpecs: [
      { kind: 'PersistentVolume', path: 'spec/storageClassName' },
      { kind: 'PersistentVolumeClaim', path: 'spec/storageClassName' },
      { kind: 'StatefulSet', path: 'spec/volumeClaimTemplates/spec/storageClassName' },
    ],
  },
  {
    kind: 'PriorityClass',
    version: 'v1',
    group: 'scheduling.k8s.io',
    fieldSpecs: WORKLOADS_WITH_SA.map(([kind, at]) => ({ kind, path: `${at}/priorityClassName` })),
  },
  {
    kind: 'IngressClass',
    version: 'v1',
    group: 'networking.k8s.io/v1',
    fieldSpecs: [{ kind: 'Ingress', path: 'spec/ingressClassName' }],
  },
];

function idSelected(
  id: { group: string; version: string; kind: string },
  gvk: { group?: string; version?: string; kind?: string },
) {
  if (gvk.group && gvk.group !== id.group) return false;
  if (gvk.version && gvk.version !== id.version) return false;
  if (gvk.kind && gvk.kind !== id.kind) return false;
  return true;
}

/** sameEndingSubSlice is utils.SameEndingSubSlice: one list ends the other. */
function sameEndingSubSlice(a: string[], b: string[]): boolean {
  if (a.length === 0 && b.length === 0) return true;
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (let i = 1; i <= short.length; i++) if (short[short.length - i] !== long[long.length - i]) return false;
  return true;
}

interface Referrer {
  resource: Resource;
  spec: FieldSpec;
  target: Target;
}

function selectReferral(
  ref: Referrer,
  oldName: string,
  candidates: Resource[],
  container: KObject,
): Resource | undefined {
  let list = candidates.filter((r) => r.prevIds.some((id) => id.name === oldName));
  list = list.filter((r) => r.prevIds.some((id) => idSelected(id, ref.target)));
  if (ref.spec.path.endsWith('roleRef/name')) {
    const roleRef = container;
    if (typeof roleRef.apiGroup === 'string' && typeof roleRef.kind === 'string') {
      const gvk = { group: roleRef.apiGroup, kind: roleRef.kind };
      list = list.filter((r) => r.prevIds.some((id) => idSelected(id, gvk)));
    }
  }
  const referrerId = curId(ref.resource);
  if (!isClusterScoped(referrerId)) {
    list = list.filter(
      (r) =>
        isClusterScoped(curId(r)) ||
        kindOf(r.object) === 'ServiceAccount' ||
        nsEquals(referrerId.namespace, namespaceOf(r.object)),
    );
  }
  if (list.length === 1) return list[0];
  list = list.filter(
    (r) =>
      sameEndingSubSlice(r.prefixes, ref.resource.prefixes) && sameEndingSubSlice(r.suffixes, ref.resource.suffixes),
  );
  if (list.length === 1) return list[0];
  if (list.length === 0) return undefined;
  const first = list[0] as Resource;
  if (list.every((r) => nameOf(r.object) === nameOf(first.object))) return first;
  throw new KustomizeError(` found multiple possible referrals: ${list.map((r) => idString(curId(r))).join(', ')}`);
}

function setMapping(ref: Referrer, node: KObject, all: Resource[]): void {
  if (typeof node.name !== 'string') return;
  let candidates = all;
  if (typeof node.namespace === 'string') {
    const ns = node.namespace;
    const byOriginal = all.filter((r) => (r.prevIds[0]?.namespace ?? namespaceOf(r.object)) === ns);
    candidates = byOriginal.length > 0 ? byOriginal : all.filter((r) => namespaceOf(r.object) === ns);
  }
  const referral = selectReferral(ref, node.name, candidates, node);
  if (!referral) return;
  const name = nameOf(referral.object);
  const namespace = namespaceOf(referral.object);
  if (name === node.name && namespace === '') return;
  node.name = name;
  if (namespace !== '') node.namespace = namespace;
}

function setScalar(ref: Referrer, value: string, all: Resource[], container: KObject): string {
  const referral = selectReferral(ref, value, all, container);
  return referral ? nameOf(referral.object) : value;
}

/** fixNameReferences is ResAccumulator.FixBackReferences with the default nameReference rules. */
export function fixNameReferences(resources: Resource[]): void {
  for (const target of NAME_REFERENCES) {
    for (const resource of resources) {
      applyToFields(resource.object, target.fieldSpecs, (parent, key, spec) => {
        const ref: Referrer = { resource, spec, target };
        const value = parent[key];
        if (value === undefined || value === null) return;
        if (typeof value === 'string') parent[key] = setScalar(ref, value, resources, parent);
        else if (Array.isArray(value)) {
          value.forEach((item, i) => {
            if (typeof item === 'string') value[i] = setScalar(ref, item, resources, parent);
            else if (isObject(item)) setMapping(ref, item, resources);
          });
        } else if (isObject(value)) setMapping(ref, value, resources);
      });
    }
  }
}
