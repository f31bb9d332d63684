/**
 * kubectl create works on typed Go objects, and Go's encoding/json prints struct fields in
 * declaration order, maps sorted, and struct-valued fields even when empty (`status: {}`). goOrdered
 * rebuilds a plain object that way from the field order of the k8s.io/api types below, so that
 * `-o json` and the last-applied annotation come out as kubectl's do. Unknown fields follow the
 * known ones, sorted, as if they were map keys.
 */
import { goMap } from '../../printers/json.ts';

/**
 * A field's shape: 'v' a scalar or list of scalars; 'map' a map of scalars; a type name; `[]Type`
 * a list of that type; `map:Type` a map of that type. A trailing '!' marks fields encoding/json
 * always prints (non-pointer structs print `{}`, numbers without omitempty print 0, lists without
 * omitempty print null).
 */
type Shape = string;

const OBJECT_META: [string, Shape][] = [
  ['name', 'v'],
  ['generateName', 'v'],
  ['namespace', 'v'],
  ['selfLink', 'v'],
  ['uid', 'v'],
  ['resourceVersion', 'v'],
  ['generation', 'v'],
  ['creationTimestamp', 'v'],
  ['deletionTimestamp', 'v'],
  ['deletionGracePeriodSeconds', 'v'],
  ['labels', 'map'],
  ['annotations', 'map'],
  ['ownerReferences', '[]OwnerReference'],
  ['finalizers', 'v'],
  ['managedFields', '[]ManagedFieldsEntry'],
];

const TOP = (spec: [string, Shape][]): [string, Shape][] => [
  ['kind', 'v'],
  ['apiVersion', 'v'],
  ['metadata', 'ObjectMeta!'],
  ...spec,
];

const TYPES: Record<string, [string, Shape][]> = {
  ObjectMeta: OBJECT_META,
  OwnerReference: [
    ['apiVersion', 'v'],
    ['kind', 'v'],
    ['name', 'v'],
    ['uid', 'v'],
    ['controller', 'v'],
    ['blockOwnerDeletion', 'v'],
  ],
  ManagedFieldsEntry: [
    ['manager', 'v'],
    ['operation', 'v'],
    ['apiVersion', 'v'],
    ['time', 'v'],
    ['fieldsType', 'v'],
    ['fieldsV1', 'Raw'],
    ['subresource', 'v'],
  ],
  LabelSelector: [
    ['matchLabels', 'map'],
    ['matchExpressions', '[]LabelSelectorRequirement'],
  ],
  LabelSelectorRequirement: [
    ['key', 'v'],
    ['operator', 'v'],
    ['values', 'v'],
  ],

  Deployment: TOP([
    ['spec', 'DeploymentSpec!'],
    ['status', 'DeploymentStatus!'],
  ]),
  DeploymentSpec: [
    ['replicas', 'v'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec!'],
    ['strategy', 'DeploymentStrategy!'],
    ['minReadySeconds', 'v'],
    ['revisionHistoryLimit', 'v'],
    ['paused', 'v'],
    ['progressDeadlineSeconds', 'v'],
  ],
  DeploymentStrategy: [
    ['type', 'v'],
    ['rollingUpdate', 'RollingUpdate'],
  ],
  RollingUpdate: [
    ['maxUnavailable', 'v'],
    ['maxSurge', 'v'],
  ],
  DeploymentStatus: [
    ['observedGeneration', 'v'],
    ['replicas', 'v'],
    ['updatedReplicas', 'v'],
    ['readyReplicas', 'v'],
    ['availableReplicas', 'v'],
    ['unavailableReplicas', 'v'],
    ['terminatingReplicas', 'v'],
    ['conditions', '[]Condition'],
    ['collisionCount', 'v'],
  ],
  Condition: [
    ['type', 'v'],
    ['status', 'v'],
    ['observedGeneration', 'v'],
    ['lastProbeTime', 'v'],
    ['lastUpdateTime', 'v'],
    ['lastTransitionTime', 'v'],
    ['reason', 'v'],
    ['message', 'v'],
  ],

  PodTemplateSpec: [
    ['metadata', 'ObjectMeta!'],
    ['spec', 'PodSpec!'],
  ],
  PodSpec: [
    ['volumes', 'v'],
    ['initContainers', '[]Container'],
    ['containers', '[]Container!'],
    ['ephemeralContainers', 'v'],
    ['restartPolicy', 'v'],
    ['terminationGracePeriodSeconds', 'v'],
    ['activeDeadlineSeconds', 'v'],
    ['dnsPolicy', 'v'],
    ['nodeSelector', 'map'],
    ['serviceAccountName', 'v'],
    ['serviceAccount', 'v'],
    ['automountServiceAccountToken', 'v'],
    ['nodeName', 'v'],
    ['hostNetwork', 'v'],
    ['hostPID', 'v'],
    ['hostIPC', 'v'],
    ['shareProcessNamespace', 'v'],
    ['securityContext', 'v'],
    ['imagePullSecrets', 'v'],
    ['hostname', 'v'],
    ['subdomain', 'v'],
    ['affinity', 'v'],
    ['schedulerName', 'v'],
    ['tolerations', 'v'],
    ['hostAliases', 'v'],
    ['priorityClassName', 'v'],
    ['priority', 'v'],
    ['dnsConfig', 'v'],
    ['readinessGates', 'v'],
    ['runtimeClassName', 'v'],
    ['enableServiceLinks', 'v'],
    ['preemptionPolicy', 'v'],
    ['overhead', 'map'],
    ['topologySpreadConstraints', 'v'],
    ['setHostnameAsFQDN', 'v'],
    ['os', 'v'],
    ['hostUsers', 'v'],
    ['schedulingGates', 'v'],
    ['resourceClaims', 'v'],
    ['resources', 'ResourceRequirements'],
    ['hostnameOverride', 'v'],
  ],
  Container: [
    ['name', 'v!'],
    ['image', 'v'],
    ['command', 'v'],
    ['args', 'v'],
    ['workingDir', 'v'],
    ['ports', '[]ContainerPort'],
    ['envFrom', 'v'],
    ['env', '[]EnvVar'],
    ['resources', 'ResourceRequirements!'],
    ['resizePolicy', 'v'],
    ['restartPolicy', 'v'],
    ['restartPolicyRules', 'v'],
    ['volumeMounts', '[]VolumeMount'],
    ['volumeDevices', 'v'],
    ['livenessProbe', 'v'],
    ['readinessProbe', 'v'],
    ['startupProbe', 'v'],
    ['lifecycle', 'v'],
    ['terminationMessagePath', 'v'],
    ['terminationMessagePolicy', 'v'],
    ['imagePullPolicy', 'v'],
    ['securityContext', 'v'],
    ['stdin', 'v'],
    ['stdinOnce', 'v'],
    ['tty', 'v'],
  ],
  ContainerPort: [
    ['name', 'v'],
    ['hostPort', 'v'],
    ['containerPort', 'v!'],
    ['protocol', 'v'],
    ['hostIP', 'v'],
  ],
  EnvVar: [
    ['name', 'v!'],
    ['value', 'v'],
    ['valueFrom', 'v'],
  ],
  ResourceRequirements: [
    ['limits', 'map'],
    ['requests', 'map'],
    ['claims', 'v'],
  ],
  VolumeMount: [
    ['name', 'v!'],
    ['readOnly', 'v'],
    ['recursiveReadOnly', 'v'],
    ['mountPath', 'v!'],
    ['subPath', 'v'],
    ['mountPropagation', 'v'],
    ['subPathExpr', 'v'],
  ],

  Service: TOP([
    ['spec', 'ServiceSpec!'],
    ['status', 'ServiceStatus!'],
  ]),
  ServiceSpec: [
    ['ports', '[]ServicePort'],
    ['selector', 'map'],
    ['clusterIP', 'v'],
    ['clusterIPs', 'v'],
    ['type', 'v'],
    ['externalIPs', 'v'],
    ['sessionAffinity', 'v'],
    ['loadBalancerIP', 'v'],
    ['loadBalancerSourceRanges', 'v'],
    ['externalName', 'v'],
    ['externalTrafficPolicy', 'v'],
    ['healthCheckNodePort', 'v'],
    ['publishNotReadyAddresses', 'v'],
    ['sessionAffinityConfig', 'v'],
    ['ipFamilies', 'v'],
    ['ipFamilyPolicy', 'v'],
    ['allocateLoadBalancerNodePorts', 'v'],
    ['loadBalancerClass', 'v'],
    ['internalTrafficPolicy', 'v'],
    ['trafficDistribution', 'v'],
  ],
  ServicePort: [
    ['name', 'v'],
    ['protocol', 'v'],
    ['appProtocol', 'v'],
    ['port', 'v!'],
    ['targetPort', 'v'],
    ['nodePort', 'v'],
  ],
  ServiceStatus: [
    ['loadBalancer', 'LoadBalancerStatus!'],
    ['conditions', '[]Condition'],
  ],
  LoadBalancerStatus: [['ingress', 'v']],

  ConfigMap: TOP([
    ['immutable', 'v'],
    ['data', 'map'],
    ['binaryData', 'map'],
  ]),
  Secret: TOP([
    ['immutable', 'v'],
    ['data', 'map'],
    ['stringData', 'map'],
    ['type', 'v'],
  ]),
  Namespace: TOP([
    ['spec', 'NamespaceSpec!'],
    ['status', 'NamespaceStatus!'],
  ]),
  NamespaceSpec: [['finalizers', 'v']],
  NamespaceStatus: [
    ['phase', 'v'],
    ['conditions', '[]Condition'],
  ],
  ServiceAccount: TOP([
    ['secrets', 'v'],
    ['imagePullSecrets', 'v'],
    ['automountServiceAccountToken', 'v'],
  ]),

  Job: TOP([
    ['spec', 'JobSpec!'],
    ['status', 'JobStatus!'],
  ]),
  JobSpec: [
    ['parallelism', 'v'],
    ['completions', 'v'],
    ['activeDeadlineSeconds', 'v'],
    ['podFailurePolicy', 'v'],
    ['successPolicy', 'v'],
    ['backoffLimit', 'v'],
    ['backoffLimitPerIndex', 'v'],
    ['maxFailedIndexes', 'v'],
    ['selector', 'LabelSelector'],
    ['manualSelector', 'v'],
    ['template', 'PodTemplateSpec!'],
    ['ttlSecondsAfterFinished', 'v'],
    ['completionMode', 'v'],
    ['suspend', 'v'],
    ['podReplacementPolicy', 'v'],
    ['managedBy', 'v'],
  ],
  JobStatus: [
    ['conditions', '[]Condition'],
    ['startTime', 'v'],
    ['completionTime', 'v'],
    ['active', 'v'],
    ['succeeded', 'v'],
    ['failed', 'v'],
    ['terminating', 'v'],
    ['completedIndexes', 'v'],
    ['failedIndexes', 'v'],
    ['uncountedTerminatedPods', 'v'],
    ['ready', 'v'],
  ],
  CronJob: TOP([
    ['spec', 'CronJobSpec!'],
    ['status', 'CronJobStatus!'],
  ]),
  CronJobSpec: [
    ['schedule', 'v!'],
    ['timeZone', 'v'],
    ['startingDeadlineSeconds', 'v'],
    ['concurrencyPolicy', 'v'],
    ['suspend', 'v'],
    ['jobTemplate', 'JobTemplateSpec!'],
    ['successfulJobsHistoryLimit', 'v'],
    ['failedJobsHistoryLimit', 'v'],
  ],
  JobTemplateSpec: [
    ['metadata', 'ObjectMeta!'],
    ['spec', 'JobSpec!'],
  ],
  CronJobStatus: [
    ['active', 'v'],
    ['lastScheduleTime', 'v'],
    ['lastSuccessfulTime', 'v'],
  ],

  Role: TOP([['rules', '[]PolicyRule!']]),
  ClusterRole: TOP([
    ['rules', '[]PolicyRule!'],
    ['aggregationRule', 'AggregationRule'],
  ]),
  PolicyRule: [
    ['verbs', 'v!'],
    ['apiGroups', 'v'],
    ['resources', 'v'],
    ['resourceNames', 'v'],
    ['nonResourceURLs', 'v'],
  ],
  AggregationRule: [['clusterRoleSelectors', '[]LabelSelector']],
  RoleBinding: TOP([
    ['subjects', '[]Subject'],
    ['roleRef', 'RoleRef!'],
  ]),
  ClusterRoleBinding: TOP([
    ['subjects', '[]Subject'],
    ['roleRef', 'RoleRef!'],
  ]),
  Subject: [
    ['kind', 'v!'],
    ['apiGroup', 'v'],
    ['name', 'v!'],
    ['namespace', 'v'],
  ],
  RoleRef: [
    ['apiGroup', 'v!'],
    ['kind', 'v!'],
    ['name', 'v!'],
  ],

  ResourceQuota: TOP([
    ['spec', 'ResourceQuotaSpec!'],
    ['status', 'ResourceQuotaStatus!'],
  ]),
  ResourceQuotaSpec: [
    ['hard', 'map'],
    ['scopes', 'v'],
    ['scopeSelector', 'v'],
  ],
  ResourceQuotaStatus: [
    ['hard', 'map'],
    ['used', 'map'],
  ],

  PodDisruptionBudget: TOP([
    ['spec', 'PodDisruptionBudgetSpec!'],
    ['status', 'PodDisruptionBudgetStatus!'],
  ]),
  PodDisruptionBudgetSpec: [
    ['minAvailable', 'v'],
    ['selector', 'LabelSelector'],
    ['maxUnavailable', 'v'],
    ['unhealthyPodEvictionPolicy', 'v'],
  ],
  PodDisruptionBudgetStatus: [
    ['observedGeneration', 'v'],
    ['disruptedPods', 'map'],
    ['disruptionsAllowed', 'v!'],
    ['currentHealthy', 'v!'],
    ['desiredHealthy', 'v!'],
    ['expectedPods', 'v!'],
    ['conditions', '[]Condition'],
  ],
  PriorityClass: TOP([
    ['value', 'v!'],
    ['globalDefault', 'v'],
    ['description', 'v'],
    ['preemptionPolicy', 'v'],
  ]),

  Ingress: TOP([
    ['spec', 'IngressSpec!'],
    ['status', 'IngressStatus!'],
  ]),
  IngressSpec: [
    ['ingressClassName', 'v'],
    ['defaultBackend', 'IngressBackend'],
    ['tls', '[]IngressTLS'],
    ['rules', '[]IngressRule'],
  ],
  IngressBackend: [
    ['service', 'IngressServiceBackend'],
    ['resource', 'v'],
  ],
  IngressServiceBackend: [
    ['name', 'v!'],
    ['port', 'ServiceBackendPort!'],
  ],
  ServiceBackendPort: [
    ['name', 'v'],
    ['number', 'v'],
  ],
  IngressTLS: [
    ['hosts', 'v'],
    ['secretName', 'v'],
  ],
  IngressRule: [
    ['host', 'v'],
    ['http', 'HTTPIngressRuleValue'],
  ],
  HTTPIngressRuleValue: [['paths', '[]HTTPIngressPath!']],
  HTTPIngressPath: [
    ['path', 'v'],
    ['pathType', 'v'],
    ['backend', 'IngressBackend!'],
  ],
  IngressStatus: [['loadBalancer', 'IngressLoadBalancerStatus!']],
  IngressLoadBalancerStatus: [['ingress', 'v']],

  TokenRequest: TOP([
    ['spec', 'TokenRequestSpec!'],
    ['status', 'TokenRequestStatus!'],
  ]),
  TokenRequestSpec: [
    ['audiences', 'v!'],
    ['expirationSeconds', 'v'],
    ['boundObjectRef', 'v'],
  ],
  TokenRequestStatus: [
    ['token', 'v!'],
    ['expirationTimestamp', 'v!'],
  ],
};

/** ZERO is what encoding/json prints for an always-printed scalar or list that is unset. */
const ZERO: Record<string, unknown> = {
  'Container.name': '',
  'ContainerPort.containerPort': 0,
  'EnvVar.name': '',
  'VolumeMount.name': '',
  'VolumeMount.mountPath': '',
  'ServicePort.port': 0,
  'CronJobSpec.schedule': '',
  'PolicyRule.verbs': null,
  'Subject.kind': '',
  'Subject.name': '',
  'RoleRef.apiGroup': '',
  'RoleRef.kind': '',
  'RoleRef.name': '',
  'PodDisruptionBudgetStatus.disruptionsAllowed': 0,
  'PodDisruptionBudgetStatus.currentHealthy': 0,
  'PodDisruptionBudgetStatus.desiredHealthy': 0,
  'PodDisruptionBudgetStatus.expectedPods': 0,
  'PriorityClass.value': 0,
  'IngressServiceBackend.name': '',
  'TokenRequestSpec.audiences': null,
  'TokenRequestStatus.token': '',
  'TokenRequestStatus.expirationTimestamp': null,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** sortedMap copies a Go map, marked so the JSON printer sorts its keys. */
function sortedMap(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return goMap(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isRecord(v) ? sortedMap(v) : v])));
}

function order(value: unknown, shape: Shape): unknown {
  const type = shape.replace(/!$/, '');
  if (value === undefined) return undefined;
  if (type === 'v') return value;
  if (type === 'map' || type === 'Raw') return sortedMap(value);
  if (type.startsWith('[]')) return Array.isArray(value) ? value.map((item) => order(item, type.slice(2))) : value;
  if (type.startsWith('map:')) {
    if (!isRecord(value)) return value;
    return goMap(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, order(v, type.slice(4))])));
  }
  return orderStruct(value, type);
}

function orderStruct(value: unknown, type: string): unknown {
  const fields = TYPES[type];
  if (!fields || !isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, shape] of fields) {
    if (value[name] !== undefined) {
      out[name] = order(value[name], shape);
      continue;
    }
    if (!shape.endsWith('!')) continue;
    const inner = shape.slice(0, -1);
    if (inner === 'v' || inner.startsWith('[]')) out[name] = ZERO[`${type}.${name}`] ?? null;
    else out[name] = orderStruct({}, inner);
  }
  const known = new Set(fields.map(([name]) => name));
  for (const key of Object.keys(value)
    .filter((k) => !known.has(k))
    .sort()) {
    if (value[key] !== undefined) out[key] = sortedMap(value[key]);
  }
  return out;
}

/** goOrdered lays a built-in object out as kubectl's typed Go object would print. */
export function goOrdered(object: Record<string, unknown>): Record<string, unknown> {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (!TYPES[kind] || kind === 'ObjectMeta') return object;
  return orderStruct(object, kind) as Record<string, unknown>;
}
