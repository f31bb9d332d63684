/**
 * Resource is one object in kustomize's resource map, with what kustomize keeps beside it: the ids
 * it had before prefixes, suffixes, namespaces and hashes renamed it (the build annotations
 * config.kubernetes.io/previousNames and friends), and a generator's options.
 */
export type KObject = Record<string, unknown>;

export interface ResId {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

export interface Resource {
  object: KObject;
  /** prevIds are the ids the resource had before each rename, oldest first. */
  prevIds: ResId[];
  /** needsHash: a generated ConfigMap or Secret whose name gets the content hash. */
  needsHash: boolean;
  /** behavior of a generated resource: how it meets one of the same id. */
  behavior: 'create' | 'merge' | 'replace' | 'unspecified';
  /** generated: made by a configMapGenerator or secretGenerator. */
  generated: boolean;
  /** prefixes and suffixes applied to the name, innermost first (config.kubernetes.io/prefixes). */
  prefixes: string[];
  suffixes: string[];
}

export function isObject(value: unknown): value is KObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function metadataOf(object: KObject): KObject {
  if (!isObject(object.metadata)) object.metadata = {};
  return object.metadata as KObject;
}

export function nameOf(object: KObject): string {
  const meta = object.metadata;
  return isObject(meta) && typeof meta.name === 'string' ? meta.name : '';
}

export function namespaceOf(object: KObject): string {
  const meta = object.metadata;
  return isObject(meta) && typeof meta.namespace === 'string' ? meta.namespace : '';
}

export function kindOf(object: KObject): string {
  return typeof object.kind === 'string' ? object.kind : '';
}

/** groupVersion splits apiVersion into group and version ("v1" is the core group). */
export function groupVersion(object: KObject): { group: string; version: string } {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function curId(resource: Resource): ResId {
  const { group, version } = groupVersion(resource.object);
  return {
    group,
    version,
    kind: kindOf(resource.object),
    name: nameOf(resource.object),
    namespace: namespaceOf(resource.object),
  };
}

/** orgId is the id the resource was read or generated with. */
export function orgId(resource: Resource): ResId {
  return resource.prevIds[0] ?? curId(resource);
}

/** storePreviousId remembers the current id before a transformer renames the resource. */
export function storePreviousId(resource: Resource): void {
  resource.prevIds.push(curId(resource));
}

/**
 * CLUSTER_SCOPED are the kinds kustomize's built-in OpenAPI schema knows as cluster-scoped; every
 * other kind is treated as namespaced (as kustomize does for kinds it does not know).
 */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'StorageClass',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export function isClusterScoped(id: { kind: string }): boolean {
  return CLUSTER_SCOPED.has(id.kind);
}

/** nsEquals treats "" and "default" as the same namespace, as ResId.IsNsEquals does. */
export function nsEquals(a: string, b: string): boolean {
  const norm = (ns: string) => (ns === '' ? 'default' : ns);
  return norm(a) === norm(b);
}

/** idEquals is ResId.Equals: same group, version, kind, name and namespace. */
export function idEquals(a: ResId, b: ResId): boolean {
  return (
    a.group === b.group &&
    a.version === b.version &&
    a.kind === b.kind &&
    a.name === b.name &&
    nsEquals(a.namespace, b.namespace)
  );
}

/** gvkString is resid.Gvk.String(): `Kind.version.group`, blanks shown as [noKind], [noVer], [noGrp]. */
export function gvkString(id: { group: string; version: string; kind: string }): string {
  const k = id.kind === '' ? '[noKind]' : id.kind;
  const v = id.version === '' ? '[noVer]' : id.version;
  const g = id.group === '' ? '[noGrp]' : id.group;
  return `${k}.${v}.${g}`;
}

/** idString is ResId.String(): `Kind.version.group/name.namespace`, blanks shown as [noGrp] and friends. */
export function idString(id: ResId): string {
  const ns = id.namespace === '' ? '[noNs]' : id.namespace;
  const name = id.name === '' ? '[noName]' : id.name;
  return `${gvkString(id)}/${name}.${ns}`;
}

export function makeResource(object: KObject): Resource {
  return {
    object,
    prevIds: [],
    needsHash: false,
    behavior: 'unspecified',
    generated: false,
    prefixes: [],
    suffixes: [],
  };
}

export function cloneResource(resource: Resource): Resource {
  return {
    object: structuredClone(resource.object),
    prevIds: resource.prevIds.map((id) => ({ ...id })),
    needsHash: resource.needsHash,
    behavior: resource.behavior,
    generated: resource.generated,
    prefixes: [...resource.prefixes],
    suffixes: [...resource.suffixes],
  };
}
