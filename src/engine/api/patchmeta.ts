/**
 * Patch metadata: which fields of the built-in types merge by key, merge as sets of scalars, or
 * keep only the keys a patch names (`retainKeys`) — the `patchStrategy` / `patchMergeKey` tags of
 * the Kubernetes Go types, which strategic merge patches and `kubectl apply` follow. Fields not
 * listed here are plain: maps merge key by key and lists are replaced whole.
 */
export interface PatchMeta {
  /** strategies from the tag: `merge`, `retainKeys`, `replace`, or none. */
  strategies: readonly string[];
  mergeKey?: string;
}

export interface PatchSchema {
  /** field gives the schema of a field's value (for a list, of its elements) and its patch metadata. */
  field(name: string): { schema: PatchSchema; meta: PatchMeta };
}

interface FieldSpec {
  type?: string;
  strategies?: readonly string[];
  mergeKey?: string;
}

const MERGE = ['merge'] as const;
const MERGE_RETAIN = ['merge', 'retainKeys'] as const;
const RETAIN = ['retainKeys'] as const;

const byKey = (mergeKey: string, type?: string): FieldSpec => ({
  strategies: MERGE,
  mergeKey,
  ...(type ? { type } : {}),
});
const conditions = { conditions: byKey('type') };

/** TYPES holds the structs on the way to a tagged field, by a name of our choosing. */
const TYPES: Record<string, Record<string, FieldSpec>> = {
  ObjectMeta: { finalizers: { strategies: MERGE }, ownerReferences: byKey('uid') },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  PodSpec: {
    volumes: { strategies: MERGE_RETAIN, mergeKey: 'name' },
    initContainers: byKey('name', 'Container'),
    containers: byKey('name', 'Container'),
    ephemeralContainers: byKey('name', 'Container'),
    imagePullSecrets: byKey('name'),
    hostAliases: byKey('ip'),
    topologySpreadConstraints: byKey('topologyKey'),
    resourceClaims: { strategies: MERGE_RETAIN, mergeKey: 'name' },
    schedulingGates: byKey('name'),
  },
  Container: {
    ports: byKey('containerPort'),
    env: byKey('name'),
    volumeMounts: byKey('mountPath'),
    volumeDevices: byKey('devicePath'),
  },
  PodStatus: { ...conditions, podIPs: byKey('ip'), hostIPs: byKey('ip'), resourceClaimStatuses: byKey('name') },
  Conditions: conditions,
  WithTemplate: { template: { type: 'PodTemplateSpec' } },
  DeploymentSpec: { template: { type: 'PodTemplateSpec' }, strategy: { strategies: RETAIN } },
  CronJobSpec: { jobTemplate: { type: 'JobTemplateSpec' } },
  JobTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'WithTemplate' } },
  ServiceSpec: { ports: byKey('port') },
  NodeSpec: { podCIDRs: { strategies: MERGE } },
  NodeStatus: { ...conditions, addresses: byKey('type') },
};

/** KINDS gives each kind's spec and status structs (metadata is ObjectMeta for all). */
const KINDS: Record<string, { spec?: string; status?: string; extra?: Record<string, FieldSpec> }> = {
  Pod: { spec: 'PodSpec', status: 'PodStatus' },
  PodTemplate: { extra: { template: { type: 'PodTemplateSpec' } } },
  Deployment: { spec: 'DeploymentSpec', status: 'Conditions' },
  ReplicaSet: { spec: 'WithTemplate', status: 'Conditions' },
  ReplicationController: { spec: 'WithTemplate', status: 'Conditions' },
  StatefulSet: { spec: 'WithTemplate', status: 'Conditions' },
  DaemonSet: { spec: 'WithTemplate', status: 'Conditions' },
  Job: { spec: 'WithTemplate', status: 'Conditions' },
  CronJob: { spec: 'CronJobSpec' },
  Service: { spec: 'ServiceSpec', status: 'Conditions' },
  Node: { spec: 'NodeSpec', status: 'NodeStatus' },
  Namespace: { status: 'Conditions' },
  PersistentVolumeClaim: { status: 'Conditions' },
  HorizontalPodAutoscaler: { status: 'Conditions' },
  PodDisruptionBudget: { status: 'Conditions' },
  ServiceAccount: { extra: { secrets: byKey('name') } },
};

const PLAIN: PatchMeta = { strategies: [] };

class StructSchema implements PatchSchema {
  constructor(private readonly fields: Record<string, FieldSpec>) {}
  field(name: string): { schema: PatchSchema; meta: PatchMeta } {
    const spec = this.fields[name];
    if (!spec) return { schema: ANY, meta: PLAIN };
    return {
      schema: spec.type ? named(spec.type) : ANY,
      meta: { strategies: spec.strategies ?? [], ...(spec.mergeKey ? { mergeKey: spec.mergeKey } : {}) },
    };
  }
}

/** ANY is the schema of everything untagged: no field below it has a strategy. */
const ANY: PatchSchema = { field: () => ({ schema: ANY, meta: PLAIN }) };

const cache = new Map<string, PatchSchema>();

function named(type: string): PatchSchema {
  let schema = cache.get(type);
  if (!schema) cache.set(type, (schema = new StructSchema(TYPES[type] ?? {})));
  return schema;
}

/** patchSchemaFor gives the schema of a whole object of a kind; unknown kinds (CRDs) are all plain. */
export function patchSchemaFor(kind: string | undefined): PatchSchema {
  const key = `kind:${kind ?? ''}`;
  let schema = cache.get(key);
  if (!schema) {
    const shape = kind ? KINDS[kind] : undefined;
    const fields: Record<string, FieldSpec> = { metadata: { type: 'ObjectMeta' }, ...(shape?.extra ?? {}) };
    if (shape?.spec) fields.spec = { type: shape.spec };
    if (shape?.status) fields.status = { type: shape.status };
    cache.set(key, (schema = new StructSchema(fields)));
  }
  return schema;
}
