/**
 * The whole of `kustomize build` / `kubectl kustomize DIR`: accumulate the target, add content
 * hashes to generated names, fix name references, sort in kustomize's legacy order and print the
 * documents as sigs.k8s.io/yaml does (keys sorted, `---` between documents).
 */
import { compareGoStrings } from '../kubectl/printers/json.ts';
import { toKubectlYaml } from '../kubectl/printers/yaml.ts';
import { KustomizeError } from './errors.ts';
import { absPath, cleanPath, isDirectory, type FileAccess } from './files.ts';
import { hashResource } from './hasher.ts';
import { loadKustomization } from './kustomization.ts';
import { fixNameReferences } from './namereference.ts';
import {
  curId,
  gvkString,
  isClusterScoped,
  metadataOf,
  storePreviousId,
  type KObject,
  type ResId,
  type Resource,
} from './resource.ts';
import { accumulateTarget, type Loader } from './target.ts';

export type BuildResult =
  { ok: true; objects: KObject[]; warnings: string[] } | { ok: false; error: string; warnings: string[] };

/** ORDER_FIRST and ORDER_LAST are resid's legacy kind order: what must exist before what uses it. */
const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function kindOrder(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

/** legacyLess orders ids by kind order, then GVK text, then namespace and name. */
export function legacyCompare(a: ResId, b: ResId): number {
  const ga = gvkString(a);
  const gb = gvkString(b);
  if (ga !== gb) {
    const oa = kindOrder(a.kind);
    const ob = kindOrder(b.kind);
    if (oa !== ob) return oa - ob;
    return compareGoStrings(ga, gb);
  }
  const na = effectiveNamespace(a);
  const nb = effectiveNamespace(b);
  if (na !== nb) return compareGoStrings(na, nb);
  return compareGoStrings(a.name, b.name);
}

/** effectiveNamespace is ResId.EffectiveNamespace: "default" for a namespaced object without one. */
function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id)) return '_non_namespaceable_';
  return id.namespace === '' ? 'default' : id.namespace;
}

function addHashes(resources: Resource[]): void {
  for (const resource of resources) {
    if (!resource.needsHash) continue;
    const hash = hashResource(resource.object);
    storePreviousId(resource);
    const meta = metadataOf(resource.object);
    meta.name = `${typeof meta.name === 'string' ? meta.name : ''}-${hash}`;
  }
}

/** buildKustomization runs kustomize on the folder dir (as typed on the command line). */
export function buildKustomization(files: FileAccess, dir: string): BuildResult {
  const warnings: string[] = [];
  try {
    const root = absPath(files, dir);
    if (!isDirectory(files, root)) {
      if (files.readFile(root) !== undefined)
        throw new KustomizeError(`must build at directory: '${cleanPath(dir)}': file is not directory`);
      throw new KustomizeError(
        `must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${root}: no such file or directory`,
      );
    }
    const loader: Loader = { files: cachedFiles(files), root, shownRoot: root, warnings };
    const loaded = loadKustomization(loader.files, root, root);
    warnings.push(...loaded.warnings);
    const resources = accumulateTarget(loader, loaded.kustomization, []);
    addHashes(resources);
    fixNameReferences(resources);
    if (loaded.kustomization.sortOptions?.order !== 'fifo') resources.sort((a, b) => legacyCompare(curId(a), curId(b)));
    return { ok: true, objects: resources.map((r) => r.object), warnings };
  } catch (error) {
    if (error instanceof KustomizeError) return { ok: false, error: error.message, warnings };
    throw error;
  }
}

/** cachedFiles remembers folder listings for one build, since the CLI walks the disk for each. */
function cachedFiles(files: FileAccess): FileAccess {
  const listings = new Map<string, string[] | undefined>();
  return {
    readFile: (path) => files.readFile(path),
    listDir: (path) => {
      if (!listings.has(path)) listings.set(path, files.listDir(path));
      return listings.get(path);
    },
    ...(files.cwd !== undefined ? { cwd: files.cwd } : {}),
  };
}

/** kustomizeYaml prints built objects as `kubectl kustomize` does. */
export function kustomizeYaml(objects: KObject[]): string {
  return objects.map((o) => toKubectlYaml(o)).join('---\n');
}
