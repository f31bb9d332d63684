/**
 * The built-in transformers a kustomization configures by its fields: namespace, namePrefix and
 * nameSuffix, commonLabels and labels, commonAnnotations, replicas and images (api/internal/builtins).
 */
import { KustomizeError } from './errors.ts';
import {
  applyToFields,
  COMMON_ANNOTATIONS,
  COMMON_LABELS,
  REPLICAS,
  selects,
  TEMPLATE_LABELS,
  type FieldSpec,
} from './fieldspecs.ts';
import type { Image, Label } from './kustomization.ts';
import {
  curId,
  gvkString,
  isClusterScoped,
  isObject,
  kindOf,
  metadataOf,
  orgId,
  storePreviousId,
  type KObject,
  type Resource,
} from './resource.ts';

/** setNamespace is the NamespaceTransformer: metadata.namespace, Namespace names, default subjects. */
export function setNamespace(resources: Resource[], namespace: string | undefined): void {
  if (!namespace) return;
  for (const resource of resources) {
    storePreviousId(resource);
    const object = resource.object;
    const kind = kindOf(object);
    if (kind === 'Namespace') metadataOf(object).name = namespace;
    else if (!isClusterScoped({ kind })) metadataOf(object).namespace = namespace;
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && Array.isArray(object.subjects)) {
      for (const subject of object.subjects) {
        if (isObject(subject) && subject.name === 'default') subject.namespace = namespace;
      }
    }
    const id = curId(resource);
    const clashes = resources.filter((r) => {
      const other = curId(r);
      return (
        other.kind === id.kind &&
        other.group === id.group &&
        other.version === id.version &&
        other.name === id.name &&
        other.namespace === id.namespace
      );
    });
    if (clashes.length !== 1) throw new KustomizeError('namespace transformation produces ID conflict');
  }
}

const PREFIX_SKIP = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

/** addPrefixSuffix is the PrefixSuffixTransformer on metadata/name. */
export function addPrefixSuffix(resources: Resource[], prefix = '', suffix = ''): void {
  for (const resource of resources) {
    const id = orgId(resource);
    if (PREFIX_SKIP.some((s) => (s.group === undefined || s.group === id.group) && s.kind === id.kind)) continue;
    if (prefix !== '') resource.prefixes.push(prefix);
    if (suffix !== '') resource.suffixes.push(suffix);
    if (prefix === '' && suffix === '') continue;
    storePreviousId(resource);
    const meta = metadataOf(resource.object);
    meta.name = `${prefix}${typeof meta.name === 'string' ? meta.name : ''}${suffix}`;
  }
}

function setPairs(resources: Resource[], pairs: Record<string, string> | undefined, specs: FieldSpec[]): void {
  if (!pairs || Object.keys(pairs).length === 0) return;
  for (const resource of resources) {
    applyToFields(resource.object, specs, (parent, key) => {
      let map = parent[key];
      if (!isObject(map)) {
        map = {};
        parent[key] = map;
      }
      for (const [k, v] of Object.entries(pairs)) (map as KObject)[k] = v === null || v === undefined ? '' : String(v);
    });
  }
}

/** addLabels runs the LabelTransformer for each `labels` entry, then for commonLabels. */
export function addLabels(
  resources: Resource[],
  labels: Label[] | undefined,
  commonLabels: Record<string, string> | undefined,
): void {
  for (const label of labels ?? []) {
    const custom: FieldSpec[] = (label.fields ?? []).map((f) => ({ ...f }));
    let specs: FieldSpec[];
    if (label.includeSelectors) specs = [...custom, ...COMMON_LABELS];
    else {
      specs = [...custom];
      if (label.includeTemplates) specs.push(...TEMPLATE_LABELS);
      specs.push({ path: 'metadata/labels', create: true });
    }
    setPairs(resources, label.pairs, specs);
  }
  setPairs(resources, commonLabels, COMMON_LABELS);
}

export function addAnnotations(resources: Resource[], annotations: Record<string, string> | undefined): void {
  setPairs(resources, annotations, COMMON_ANNOTATIONS);
}

/** setReplicas is the ReplicaCountTransformer: any resource once or now named so, of a scalable kind. */
export function setReplicas(resources: Resource[], replicas: { name?: string; count?: number }[] | undefined): void {
  for (const replica of replicas ?? []) {
    let found = false;
    for (const spec of REPLICAS) {
      for (const resource of resources) {
        const ids = [curId(resource), ...resource.prevIds];
        if (
          !ids.some(
            (id) =>
              id.name === replica.name &&
              selects(spec, { apiVersion: id.group ? `${id.group}/${id.version}` : id.version, kind: id.kind }),
          )
        )
          continue;
        found = true;
        applyToFields(resource.object, [spec], (parent, key) => {
          parent[key] = replica.count ?? 0;
        });
      }
    }
    if (!found) {
      const gvks = REPLICAS.map((s) =>
        gvkString({ group: s.group ?? '', version: s.version ?? '', kind: s.kind ?? '' }),
      );
      throw new KustomizeError(
        `resource with name ${replica.name ?? ''} does not match a config with the following GVK [${gvks.join(' ')}]`,
      );
    }
  }
}

/** splitImage is image.Split: name, tag and digest, a registry's port not taken for a tag. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  let search = image;
  let slash = image.indexOf('/');
  if (slash > 0) search = image.slice(slash);
  else slash = 0;
  let id = search.indexOf('@');
  let ic = search.indexOf(':');
  if (ic < 0 && id < 0) return { name: image, tag: '', digest: '' };
  if (id >= 0 && (id < ic || ic < 0)) {
    id += slash;
    return { name: image.slice(0, id), tag: '', digest: image.slice(id + 1) };
  }
  if (id >= 0 && ic >= 0) {
    id += slash;
    ic += slash;
    return { name: image.slice(0, ic), tag: image.slice(ic + 1, id), digest: image.slice(id + 1) };
  }
  ic += slash;
  return { name: image.slice(0, ic), tag: image.slice(ic + 1), digest: '' };
}

/** updateImage is the image tag updater for one `images` entry; the value unchanged when it does not match. */
export function updateImage(value: string, image: Image): string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^${image.name ?? ''}(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$`);
  } catch {
    return value;
  }
  if (!pattern.test(value)) return value;
  let { name, tag, digest } = splitImage(value);
  if (image.newName) name = image.newName;
  if (image.newTag && image.digest) {
    tag = image.newTag;
    digest = image.digest;
  } else if (image.newTag) {
    tag = image.newTag;
    digest = '';
  } else if (image.digest) {
    tag = '';
    digest = image.digest;
  }
  if (tag) name += `:${tag}`;
  if (digest) name += `@${digest}`;
  return name;
}

/** setImages is the ImageTagTransformer: every containers and initContainers list, wherever it is. */
export function setImages(resources: Resource[], images: Image[] | undefined): void {
  for (const image of images ?? []) {
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(visit);
        return;
      }
      if (!isObject(node)) return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
          for (const container of value) {
            if (isObject(container) && typeof container.image === 'string')
              container.image = updateImage(container.image, image);
          }
        } else visit(value);
      }
    };
    for (const resource of resources) visit(resource.object);
  }
}
