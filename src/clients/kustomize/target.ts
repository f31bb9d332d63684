/**
 * KustTarget: one kustomization folder accumulated into a resource list — its resources (files and
 * nested kustomizations, recursively), generators, components, then its transformers in kustomize's
 * order (patchesStrategicMerge, patches, namespace, prefix/suffix, labels, annotations,
 * patchesJson6902, replicas, images). Errors wrap on the way up in kustomize's words.
 */
import { parseManifests } from '../kubectl/manifests.ts';
import { evalSymlinkFailure, goQuote, KustomizeError, wrapError } from './errors.ts';
import { isDirectory, isUnder, joinPath, type FileAccess } from './files.ts';
import { generate, mergeOptions, type GeneratorContext } from './generators.ts';
import { loadKustomization, type Kustomization } from './kustomization.ts';
import { applyPatches, applyPatchesJson6902, applyPatchesStrategicMerge } from './patches.ts';
import {
  curId,
  idEquals,
  idString,
  isObject,
  kindOf,
  makeResource,
  metadataOf,
  type KObject,
  type ResId,
  type Resource,
} from './resource.ts';
import { addAnnotations, addLabels, addPrefixSuffix, setImages, setNamespace, setReplicas } from './transformers.ts';

/** Loader is kustomize's file loader for one root: where it reads, how it prints it, who opened it. */
export interface Loader {
  files: FileAccess;
  root: string;
  shownRoot: string;
  referrer?: Loader;
  warnings: string[];
}

export interface Accumulated {
  resources: Resource[];
  kustomization: Kustomization;
}

const REMOTE = /^(https?:\/\/|git@|ssh:\/\/|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/;

function goMapString(value: unknown): string {
  const map = isObject(value) ? value : {};
  const keys = Object.keys(map).sort();
  return `map[${keys.map((k) => `${k}:${String(map[k])}`).join(' ')}]`;
}

/** resourcesFromText is resource.Factory.SliceFromBytes: documents, List items, kind and name required. */
function resourcesFromText(text: string, path: string): Resource[] {
  const parsed = parseManifests(text, path);
  if (!parsed.ok) {
    const marker = 'error converting YAML to JSON: ';
    const at = parsed.error.indexOf(marker);
    const detail = at >= 0 ? parsed.error.slice(at + marker.length) : parsed.error.replace(/^error: /, '');
    throw new MalformedYaml(`MalformedYAMLError: ${detail} in File: ${path}`);
  }
  return parsed.manifests.map((m) => {
    const object = m.object as unknown as KObject;
    const meta = isObject(object.metadata) ? object.metadata : {};
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
    if (!kindOf(object) || typeof meta.name !== 'string' || meta.name === '') {
      const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
      const name = typeof meta.name === 'string' ? meta.name : '';
      const what = !kindOf(object) ? 'missing kind in object' : 'missing metadata.name in object';
      throw new KustomizeError(
        `${what} {{${apiVersion} ${kindOf(object)}} {{${name} ${ns}} ${goMapString(meta.labels)} ${goMapString(meta.annotations)}}}`,
      );
    }
    return makeResource(object);
  });
}

class MalformedYaml extends KustomizeError {}

/** append is ResMap.Append: no two resources may share a current id. */
function appendAll(into: Resource[], more: Resource[]): void {
  for (const resource of more) {
    const id = curId(resource);
    if (into.some((r) => idEquals(curId(r), id)))
      throw new KustomizeError(`may not add resource with an already registered id: ${idString(id)}`);
    into.push(resource);
  }
}

function goResId(id: ResId): string {
  return `resid.ResId{Gvk:resid.Gvk{Group:${goQuote(id.group)}, Version:${goQuote(id.version)}, Kind:${goQuote(id.kind)}, isClusterScoped:false}, Name:${goQuote(id.name)}, Namespace:${goQuote(id.namespace)}}`;
}

/** absorb is appendReplaceOrMerge: a generated resource meets the one of its id per its behavior. */
function absorb(into: Resource[], resource: Resource): void {
  const id = curId(resource);
  const matches = into.filter((r) => idEquals(curId(r), id) || r.prevIds.some((p) => idEquals(p, id)));
  if (matches.length === 0) {
    if (resource.behavior === 'merge' || resource.behavior === 'replace')
      throw new KustomizeError(`id ${goResId(id)} does not exist; cannot merge or replace`);
    into.push(resource);
    return;
  }
  if (matches.length > 1) throw new KustomizeError(`found multiple objects that could accept merge of ${idString(id)}`);
  const old = matches[0] as Resource;
  if (resource.behavior !== 'merge' && resource.behavior !== 'replace')
    throw new KustomizeError(`id ${goResId(id)} exists; behavior must be merge or replace`);
  const oldMeta = metadataOf(old.object);
  const meta = metadataOf(resource.object);
  for (const field of ['labels', 'annotations'] as const) {
    const merged = {
      ...(isObject(oldMeta[field]) ? oldMeta[field] : {}),
      ...(isObject(meta[field]) ? meta[field] : {}),
    };
    if (Object.keys(merged).length > 0) meta[field] = merged;
    else delete meta[field];
  }
  meta.name = oldMeta.name;
  if (oldMeta.namespace !== undefined) meta.namespace = oldMeta.namespace;
  else delete meta.namespace;
  if (resource.behavior === 'merge') {
    for (const field of ['data', 'binaryData'] as const) {
      const merged = {
        ...(isObject(old.object[field]) ? old.object[field] : {}),
        ...(isObject(resource.object[field]) ? resource.object[field] : {}),
      };
      if (Object.keys(merged).length > 0) resource.object[field] = merged;
    }
  }
  resource.prevIds = old.prevIds;
  resource.prefixes = old.prefixes;
  resource.suffixes = old.suffixes;
  resource.needsHash = resource.needsHash || old.needsHash;
  into[into.indexOf(old)] = resource;
}

/** newLoader is fileloader.New: the folder must exist, be a folder, and not contain a root already open. */
function newLoader(parent: Loader, path: string): Loader {
  const root = joinPath(parent.root, path);
  const shownRoot = joinPath(parent.shownRoot, path);
  if (!isDirectory(parent.files, root)) {
    if (parent.files.readFile(root) !== undefined)
      throw new KustomizeError(`must build at directory: '${shownRoot}': file is not directory`);
    throw new KustomizeError(
      `must build at directory: not a valid directory: ${evalSymlinkFailure(shownRoot, shownRoot)}`,
    );
  }
  for (let l: Loader | undefined = parent; l; l = l.referrer) {
    if (isUnder(l.root, root))
      throw new KustomizeError(`cycle detected: candidate root '${shownRoot}' contains visited root '${l.shownRoot}'`);
  }
  return { files: parent.files, root, shownRoot, referrer: parent, warnings: parent.warnings };
}

function remoteError(url: string): KustomizeError {
  const host =
    url
      .replace(/^[a-z+]+:\/\//, '')
      .replace(/^git@/, '')
      .split(/[/:]/)[0] ?? url;
  return new KustomizeError(
    `accumulation err='accumulating resources from '${url}': Get "${url}": dial tcp: lookup ${host}: no such host': git clone of '${url}' failed: the lab has no network access`,
  );
}

function accumulateFile(loader: Loader, into: Resource[], path: string): void {
  const full = joinPath(loader.root, path);
  const shown = joinPath(loader.shownRoot, path);
  let resources: Resource[];
  try {
    if (!isUnder(full, loader.root))
      throw new KustomizeError(`security; file '${shown}' is not in or below '${loader.shownRoot}'`);
    if (isDirectory(loader.files, full)) throw new KustomizeError(`'${shown}' must resolve to a file`);
    const text = loader.files.readFile(full);
    if (text === undefined) throw new KustomizeError(evalSymlinkFailure(shown, shown));
    resources = resourcesFromText(text, path);
  } catch (error) {
    const wrapped = wrapError(error, `accumulating resources from '${path}'`);
    throw error instanceof MalformedYaml ? new MalformedYaml(wrapped.message) : wrapped;
  }
  try {
    appendAll(into, resources);
  } catch (error) {
    throw wrapError(error, `merging resources from '${path}'`);
  }
}

function accumulateResources(loader: Loader, into: Resource[], paths: string[]): void {
  for (const path of paths) {
    if (REMOTE.test(path)) throw remoteError(path);
    let fileError: KustomizeError;
    try {
      accumulateFile(loader, into, path);
      continue;
    } catch (error) {
      fileError = error as KustomizeError;
    }
    let child: Loader;
    try {
      child = newLoader(loader, path);
    } catch (error) {
      if (fileError instanceof MalformedYaml) throw fileError;
      throw wrapError(error, `accumulation err='${fileError.message}'`);
    }
    try {
      accumulateDirectory(child, into, false);
    } catch (error) {
      throw wrapError(error, `accumulation err='${fileError.message}'`);
    }
  }
}

function accumulateComponents(loader: Loader, into: Resource[], paths: string[]): Resource[] {
  let current = into;
  for (const path of paths) {
    let child: Loader;
    try {
      child = newLoader(loader, path);
    } catch (error) {
      throw new KustomizeError(`loader.New ${goQuote((error as Error).message)}`);
    }
    try {
      current = accumulateDirectory(child, current, true);
    } catch (error) {
      throw new KustomizeError(`accumulateDirectory: ${goQuote((error as Error).message)}`);
    }
  }
  return current;
}

function accumulateDirectory(loader: Loader, into: Resource[], isComponent: boolean): Resource[] {
  let k: Kustomization;
  try {
    const loaded = loadKustomization(loader.files, loader.root, loader.shownRoot);
    loader.warnings.push(...loaded.warnings);
    k = loaded.kustomization;
  } catch (error) {
    throw wrapError(error, `couldn't make target for path '${loader.shownRoot}'`);
  }
  if (isComponent && k.kind !== 'Component')
    throw new KustomizeError(`expected kind 'Component' for path '${loader.shownRoot}' but got '${k.kind ?? ''}'`);
  if (!isComponent && k.kind === 'Component')
    throw new KustomizeError(`expected kind != 'Component' for path '${loader.shownRoot}'`);
  let result: Resource[];
  try {
    result = accumulateTarget(loader, k, isComponent ? into : []);
  } catch (error) {
    throw wrapError(error, `recursed accumulation of path '${loader.shownRoot}'`);
  }
  if (isComponent) return result;
  try {
    appendAll(into, result);
  } catch (error) {
    throw wrapError(error, `recursed merging from path '${loader.shownRoot}'`);
  }
  return into;
}

/** accumulateTarget builds kustomization k of loader's folder on top of the resources in `into`. */
export function accumulateTarget(loader: Loader, k: Kustomization, into: Resource[]): Resource[] {
  let resources = into;
  try {
    accumulateResources(loader, resources, k.resources ?? []);
  } catch (error) {
    throw wrapError(error, 'accumulating resources');
  }
  const ctx: GeneratorContext = { files: loader.files, dir: loader.root, shownDir: loader.shownRoot };
  for (const [kind, list] of [
    ['ConfigMap', k.configMapGenerator],
    ['Secret', k.secretGenerator],
  ] as const) {
    for (const args of list ?? []) {
      const generated = generate(ctx, kind, args, mergeOptions(args.options, k.generatorOptions));
      try {
        absorb(resources, generated);
      } catch (error) {
        throw wrapError(error, `merging from generator &{0xc000281e10 <nil>}`);
      }
    }
  }
  try {
    resources = accumulateComponents(loader, resources, k.components ?? []);
  } catch (error) {
    throw wrapError(error, 'accumulating components');
  }
  if (k.patchesStrategicMerge?.length) applyPatchesStrategicMerge(ctx, resources, k.patchesStrategicMerge);
  if (k.patches?.length) applyPatches(ctx, resources, k.patches);
  setNamespace(resources, k.namespace);
  addPrefixSuffix(resources, k.namePrefix, k.nameSuffix);
  addLabels(resources, k.labels, k.commonLabels);
  addAnnotations(resources, k.commonAnnotations);
  if (k.patchesJson6902?.length) applyPatchesJson6902(ctx, resources, k.patchesJson6902);
  setReplicas(resources, k.replicas);
  setImages(resources, k.images);
  return resources;
}
