/**
 * The protobuf schema of the kinds the lab serves, transcribed from Kubernetes' generated.proto
 * files (k8s.io/api and k8s.io/apimachinery) into a compact notation, one string per message:
 *
 *   `name/number[/type]` per field, space-separated; the type defaults to `s` (string).
 *   Scalars: s string, i int32, l int64, b bool, d double, f float, y bytes (base64 in JSON).
 *   apimachinery types with their own JSON: Q resource.Quantity, IS intstr.IntOrString, T metav1.Time,
 *   MT metav1.MicroTime, D metav1.Duration, R runtime.RawExtension, F metav1.FieldsV1.
 *   Anything else names a message. `X[]` is repeated, `{X}` a map<string, X>.
 *   `!` before the type keeps an explicitly encoded zero (pointer fields, or no omitempty); on a
 *   repeated field it means no omitempty, so an empty list is `null` as Go's encoding/json writes it.
 *   `^` before the name inlines the message's fields into its parent (Go's `json:",inline"`).
 *   A message written `@items/1/...` is a named slice (ExtraValue): its JSON is the bare list.
 */
import { APPS, BATCH, POLICY } from './apps.ts';
import { CORE } from './core.ts';
import { CORE_POD } from './pod.ts';
import { GROUPS } from './groups.ts';
import { META } from './meta.ts';

export interface FieldType {
  kind: 'scalar' | 'message';
  name: string;
}

export interface Field {
  name: string;
  type: FieldType;
  repeated: boolean;
  map: boolean;
  keepZero: boolean;
  inline: boolean;
}

export interface MessageSchema {
  fields: Map<number, Field>;
  /** list names the only field of a named slice type, whose JSON is that list. */
  list?: string;
}

const SCALARS = new Set(['s', 'i', 'l', 'b', 'd', 'f', 'y']);
const TOKEN = /^(\^?)(\w+)\/(\d+)(?:\/(!?)(\{?)(\w+)\}?(\[\])?)?$/;

function parseMessage(name: string, spec: string): MessageSchema {
  const fields = new Map<number, Field>();
  let list: string | undefined;
  for (let token of spec.trim().split(/\s+/)) {
    if (token.startsWith('@')) {
      token = token.slice(1);
      list = token.split('/')[0];
    }
    const match = TOKEN.exec(token);
    if (!match) throw new Error(`protobuf schema ${name}: bad field "${token}"`);
    const [, inline, fieldName, number, keep, map, type, repeated] = match;
    const typeName = type ?? 's';
    fields.set(Number(number), {
      name: fieldName as string,
      type: { kind: SCALARS.has(typeName) ? 'scalar' : 'message', name: typeName },
      repeated: repeated === '[]',
      map: map === '{',
      keepZero: keep === '!',
      inline: inline === '^',
    });
  }
  return list ? { fields, list } : { fields };
}

const SOURCES: Record<string, string>[] = [META, CORE, CORE_POD, APPS, BATCH, POLICY, GROUPS];

/** SCHEMA holds every message by name (names are unique across the groups transcribed). */
export const SCHEMA: Record<string, MessageSchema> = {};
for (const source of SOURCES) {
  for (const [name, spec] of Object.entries(source)) {
    if (SCHEMA[name]) throw new Error(`protobuf schema: ${name} defined twice`);
    SCHEMA[name] = parseMessage(name, spec);
  }
}

/** KIND_MESSAGES maps "group/Kind" (core group "") to the message a body of that kind holds. */
export const KIND_MESSAGES: Record<string, string> = {
  'events.k8s.io/Event': 'EventsV1Event',
  'discovery.k8s.io/EndpointSlice': 'EndpointSlice',
};
const GROUP_KINDS: Record<string, string[]> = {
  '': [
    'Binding',
    'ComponentStatus',
    'ConfigMap',
    'Endpoints',
    'Event',
    'LimitRange',
    'Namespace',
    'Node',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'Pod',
    'PodTemplate',
    'ReplicationController',
    'ResourceQuota',
    'Secret',
    'ServiceAccount',
    'Service',
  ],
  apps: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'authentication.k8s.io': ['SelfSubjectReview', 'TokenRequest', 'TokenReview'],
  'authorization.k8s.io': [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
  ],
  autoscaling: ['HorizontalPodAutoscaler', 'Scale'],
  batch: ['CronJob', 'Job'],
  'coordination.k8s.io': ['Lease'],
  'networking.k8s.io': ['IngressClass', 'Ingress', 'NetworkPolicy'],
  policy: ['Eviction', 'PodDisruptionBudget'],
  'rbac.authorization.k8s.io': ['ClusterRoleBinding', 'ClusterRole', 'RoleBinding', 'Role'],
  'scheduling.k8s.io': ['PriorityClass'],
  'storage.k8s.io': ['StorageClass', 'VolumeAttachment'],
  __meta: ['DeleteOptions'],
};
for (const [group, kinds] of Object.entries(GROUP_KINDS)) {
  for (const kind of kinds) KIND_MESSAGES[`${group}/${kind}`] ??= kind;
}
// DeleteOptions travels under any group version (meta.k8s.io/v1, v1, policy/v1 …).
for (const group of Object.keys(GROUP_KINDS)) KIND_MESSAGES[`${group}/DeleteOptions`] = 'DeleteOptions';
KIND_MESSAGES['meta.k8s.io/DeleteOptions'] = 'DeleteOptions';
for (const [key, message] of Object.entries(KIND_MESSAGES)) {
  if (!SCHEMA[message]) throw new Error(`protobuf schema: ${key} needs message ${message}`);
}
