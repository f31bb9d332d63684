/**
 * Strategic merge as kustomize does it (kyaml's merge2 walker), which differs from the API
 * server's in list order: the merged list holds the patch's elements first, in the patch's order,
 * then the target's elements the patch did not name. Lists merge by the key the Kubernetes schema
 * declares (containers by name, container ports by containerPort, Service ports by port …); lists
 * of kinds kyaml has no schema for merge when every element carries one of kyaml's associative
 * keys; other lists are replaced. `$patch: delete|replace` and null values delete or replace.
 */
import { isObject, type KObject } from './resource.ts';

/** SCHEMA_KEYS: patchMergeKey of list fields in the built-in Kubernetes types, by field name. */
const SCHEMA_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  ports: 'containerPort',
};

/** ASSOCIATIVE_KEYS is kyaml's AssociativeSequenceKeys, tried in order for schema-less lists. */
const ASSOCIATIVE_KEYS = ['mountPath', 'devicePath', 'ip', 'type', 'topologyKey', 'name', 'containerPort'];

/** BUILT_IN_GROUPS: kinds of these API groups have a schema in kyaml; others (CRDs) do not. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'apiextensions.k8s.io',
  'admissionregistration.k8s.io',
  'apiregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
]);

function hasSchema(object: KObject): boolean {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return BUILT_IN_GROUPS.has(group);
}

function inferredKey(dest: unknown[], patch: unknown[]): string | undefined {
  const all = [...dest, ...patch];
  if (all.length === 0 || !all.every(isObject)) return undefined;
  return ASSOCIATIVE_KEYS.find((key) => all.every((item) => (item as KObject)[key] !== undefined));
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => !(isObject(item) && item.$patch === 'delete')).map((item) => stripDirectives(item));
  }
  if (isObject(value)) {
    const out: KObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) continue;
      if (v === null) continue;
      out[k] = stripDirectives(v);
    }
    return out;
  }
  return value;
}

interface Ctx {
  schema: boolean;
  service: boolean;
}

function mergeKeyFor(field: string, path: string[], ctx: Ctx): string | undefined {
  if (!ctx.schema) return undefined;
  if (field === 'ports' && ctx.service && path.join('.') === 'spec') return 'port';
  return SCHEMA_KEYS[field];
}

function mergeList(dest: unknown[], patch: unknown[], key: string, path: string[], ctx: Ctx): unknown[] {
  const keyOf = (item: unknown) => (isObject(item) ? item[key] : undefined);
  const out: unknown[] = [];
  const used = new Set<number>();
  for (const item of patch) {
    const k = keyOf(item);
    const index = k === undefined ? -1 : dest.findIndex((d, i) => !used.has(i) && keyOf(d) === k);
    if (index >= 0) used.add(index);
    if (isObject(item) && item.$patch === 'delete') continue;
    if (isObject(item) && item.$patch === 'replace') {
      out.push(stripDirectives(item));
      continue;
    }
    out.push(index >= 0 ? mergeValue(dest[index], item, path, ctx) : stripDirectives(item));
  }
  dest.forEach((item, i) => {
    if (!used.has(i)) out.push(item);
  });
  return out;
}

function mergeValue(dest: unknown, patch: unknown, path: string[], ctx: Ctx): unknown {
  if (isObject(patch)) {
    if (patch.$patch === 'replace') return stripDirectives(patch);
    if (!isObject(dest)) return stripDirectives(patch);
    return mergeMap(dest, patch, path, ctx);
  }
  return structuredClone(patch);
}

function mergeMap(dest: KObject, patch: KObject, path: string[], ctx: Ctx): KObject {
  const out: KObject = { ...dest };
  for (const [field, value] of Object.entries(patch)) {
    if (field.startsWith('$')) continue;
    if (value === null) {
      delete out[field];
      continue;
    }
    if (isObject(value) && value.$patch === 'delete') {
      delete out[field];
      continue;
    }
    const current = out[field];
    if (Array.isArray(value) && Array.isArray(current)) {
      const key = mergeKeyFor(field, path, ctx) ?? (ctx.schema ? undefined : inferredKey(current, value));
      out[field] = key ? mergeList(current, value, key, [...path, field], ctx) : stripDirectives(value);
      continue;
    }
    out[field] = current === undefined ? stripDirectives(value) : mergeValue(current, value, [...path, field], ctx);
  }
  return out;
}

/**
 * strategicMerge applies patch to object; undefined means the patch deleted the object
 * (`$patch: delete` at the top).
 */
export function strategicMerge(object: KObject, patch: KObject): KObject | undefined {
  if (patch.$patch === 'delete') return undefined;
  const ctx: Ctx = { schema: hasSchema(object), service: object.kind === 'Service' };
  if (patch.$patch === 'replace') return stripDirectives(patch) as KObject;
  return mergeMap(object, patch, [], ctx);
}
