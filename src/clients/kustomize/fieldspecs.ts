/**
 * kustomize's default transformer configuration (api/konfig/builtinpluginconsts): which fields of
 * which kinds the label, annotation, namespace, name-prefix, image and replica transformers touch,
 * and walking such a field path (`spec/template/metadata/labels`) through maps and lists.
 */
import { groupVersion, isObject, kindOf, type KObject } from './resource.ts';

export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  create?: boolean;
}

/** spec builds a FieldSpec from `kind path` shorthand with optional group/version and create. */
function fs(kind: string | undefined, path: string, create: boolean, group?: string, version?: string): FieldSpec {
  return {
    path,
    create,
    ...(kind !== undefined ? { kind } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

/** TEMPLATE_LABELS are metadataLabelsFieldSpecs without metadata/labels itself (labels.includeTemplates). */
export const TEMPLATE_LABELS: FieldSpec[] = [
  fs('ReplicationController', 'spec/template/metadata/labels', true, undefined, 'v1'),
  fs('Deployment', 'spec/template/metadata/labels', true),
  fs('ReplicaSet', 'spec/template/metadata/labels', true),
  fs('DaemonSet', 'spec/template/metadata/labels', true),
  fs('StatefulSet', 'spec/template/metadata/labels', true, 'apps'),
  fs('Job', 'spec/template/metadata/labels', true, 'batch'),
  fs('CronJob', 'spec/jobTemplate/metadata/labels', true, 'batch'),
  fs('CronJob', 'spec/jobTemplate/spec/template/metadata/labels', true, 'batch'),
];

const METADATA_LABELS: FieldSpec[] = [fs(undefined, 'metadata/labels', true), ...TEMPLATE_LABELS];

const AFFINITY_PATHS = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** COMMON_LABELS: commonLabels (and labels with includeSelectors) also reach selectors. */
export const COMMON_LABELS: FieldSpec[] = [
  fs('Service', 'spec/selector', true, undefined, 'v1'),
  fs('ReplicationController', 'spec/selector', true, undefined, 'v1'),
  fs('Deployment', 'spec/selector/matchLabels', true),
  ...AFFINITY_PATHS.map((p) => fs('Deployment', p, false, 'apps')),
  fs('ReplicaSet', 'spec/selector/matchLabels', true),
  fs('DaemonSet', 'spec/selector/matchLabels', true),
  fs('StatefulSet', 'spec/selector/matchLabels', true, 'apps'),
  fs('StatefulSet', 'spec/volumeClaimTemplates[]/metadata/labels', true, 'apps'),
  ...AFFINITY_PATHS.map((p) => fs('StatefulSet', p, false, 'apps')),
  fs('Job', 'spec/selector/matchLabels', false, 'batch'),
  fs('CronJob', 'spec/jobTemplate/spec/selector/matchLabels', false, 'batch'),
  fs('PodDisruptionBudget', 'spec/selector/matchLabels', false, 'policy'),
  fs('NetworkPolicy', 'spec/podSelector/matchLabels', false, 'networking.k8s.io'),
  fs('NetworkPolicy', 'spec/ingress/from/podSelector/matchLabels', false, 'networking.k8s.io'),
  fs('NetworkPolicy', 'spec/egress/to/podSelector/matchLabels', false, 'networking.k8s.io'),
  ...METADATA_LABELS,
];

export const COMMON_ANNOTATIONS: FieldSpec[] = [
  fs(undefined, 'metadata/annotations', true),
  fs('ReplicationController', 'spec/template/metadata/annotations', true, undefined, 'v1'),
  fs('Deployment', 'spec/template/metadata/annotations', true),
  fs('ReplicaSet', 'spec/template/metadata/annotations', true),
  fs('DaemonSet', 'spec/template/metadata/annotations', true),
  fs('StatefulSet', 'spec/template/metadata/annotations', true, 'apps'),
  fs('Job', 'spec/template/metadata/annotations', true, 'batch'),
  fs('CronJob', 'spec/jobTemplate/metadata/annotations', true, 'batch'),
  fs('CronJob', 'spec/jobTemplate/spec/template/metadata/annotations', true, 'batch'),
];

export const REPLICAS: FieldSpec[] = [
  fs('Deployment', 'spec/replicas', true),
  fs('StatefulSet', 'spec/replicas', true),
  fs('ReplicaSet', 'spec/replicas', true),
  fs('ReplicationController', 'spec/replicas', true),
];

/** selects is FieldSpec.Gvk.IsSelected: every field the spec sets must match the object's. */
export function selects(spec: { group?: string; version?: string; kind?: string }, object: KObject): boolean {
  const { group, version } = groupVersion(object);
  if (spec.group !== undefined && spec.group !== '' && spec.group !== group) return false;
  if (spec.version !== undefined && spec.version !== '' && spec.version !== version) return false;
  if (spec.kind !== undefined && spec.kind !== '' && spec.kind !== kindOf(object)) return false;
  return true;
}

/** splitPath splits a field path on `/`, keeping `\/` inside a field name (annotation keys). */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (c === '\\' && path[i + 1] === '/') {
      current += '/';
      i++;
    } else if (c === '/') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => (p.endsWith('[]') ? p.slice(0, -2) : p));
}

/**
 * visitField calls leaf(parent, key) for every place the path reaches in object, going through every
 * element of the lists it meets; with create, missing maps on the way (and the leaf's parent) are made.
 */
export function visitField(
  object: unknown,
  path: string,
  create: boolean,
  leaf: (parent: KObject, key: string) => void,
): void {
  const parts = splitPath(path);
  const walk = (node: unknown, i: number): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, i);
      return;
    }
    if (!isObject(node)) return;
    const key = parts[i] as string;
    if (i === parts.length - 1) {
      if (key in node || create) leaf(node, key);
      return;
    }
    let child = node[key];
    if (child === undefined || child === null) {
      if (!create) return;
      child = {};
      node[key] = child;
    }
    walk(child, i + 1);
  };
  walk(object, 0);
}

/** applyToFields runs leaf on every field that a matching field spec names. */
export function applyToFields(
  object: KObject,
  specs: FieldSpec[],
  leaf: (parent: KObject, key: string, spec: FieldSpec) => void,
): void {
  for (const spec of specs) {
    if (!selects(spec, object)) continue;
    visitField(object, spec.path, spec.create === true, (parent, key) => leaf(parent, key, spec));
  }
}
