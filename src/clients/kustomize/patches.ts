/**
 * The patch transformers: patchesStrategicMerge (files or inline, each patch finds its target by
 * id), patches (a file or inline text that is either a strategic merge patch or a JSON 6902 list,
 * with an optional target selector) and patchesJson6902 (always with a target).
 */
import { parseAllDocuments } from 'yaml';
import { jsonPatch, parseLabelSelector, requirementsMatch, type JsonPatchOperation } from '../../engine/index.ts';
import { parseManifests } from '../kubectl/manifests.ts';
import { goQuote, KustomizeError } from './errors.ts';
import { readRooted, type GeneratorContext } from './generators.ts';
import type { Patch, Selector } from './kustomization.ts';
import { toKubectlYaml } from '../kubectl/printers/yaml.ts';
import {
  curId,
  groupVersion,
  idEquals,
  idString,
  isClusterScoped,
  isObject,
  kindOf,
  nameOf,
  namespaceOf,
  orgId,
  storePreviousId,
  type KObject,
  type ResId,
  type Resource,
} from './resource.ts';
import { strategicMerge } from './strategicmerge.ts';

/** anyIdMatches is GetMatchingResourcesByAnyId(id.Equals): the current id or any earlier one. */
export function matchingAnyId(resources: Resource[], id: ResId): Resource[] {
  return resources.filter((r) => idEquals(curId(r), id) || r.prevIds.some((p) => idEquals(p, id)));
}

function idOfPatch(patch: KObject): ResId {
  const { group, version } = groupVersion(patch);
  return { group, version, kind: kindOf(patch), name: nameOf(patch), namespace: namespaceOf(patch) };
}

/** getById is ResMap.GetById: exactly one resource must answer to the patch's id. */
function getById(resources: Resource[], id: ResId, what: string): Resource {
  const matches = matchingAnyId(resources, id);
  if (matches.length === 1) return matches[0] as Resource;
  if (matches.length === 0)
    throw new KustomizeError(
      `no resource matches ${what} "${idString(id)}": no matches for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`,
    );
  throw new KustomizeError(
    `multiple matches for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`,
  );
}

function documents(text: string, source: string): KObject[] {
  const parsed = parseManifests(text, source);
  if (!parsed.ok) throw new KustomizeError(parsed.error.replace(/^error: /, ''));
  return parsed.manifests.map((m) => m.object as unknown as KObject);
}

/** applySmPatch is Resource.ApplySmPatch: name, kind and namespace survive unless the options allow. */
function applySm(resources: Resource[], target: Resource, patch: KObject, options: Record<string, boolean> = {}): void {
  const name = nameOf(target.object);
  const namespace = namespaceOf(target.object);
  const kind = kindOf(target.object);
  if (options.allowNameChange || options.allowKindChange) storePreviousId(target);
  const merged = strategicMerge(target.object, patch);
  if (merged === undefined || Object.keys(merged).length === 0) {
    resources.splice(resources.indexOf(target), 1);
    return;
  }
  target.object = merged;
  if (!options.allowKindChange) merged.kind = kind;
  const meta = isObject(merged.metadata) ? merged.metadata : (merged.metadata = {});
  if (!options.allowNameChange) (meta as KObject).name = name;
  if (namespace === '') delete (meta as KObject).namespace;
  else (meta as KObject).namespace = namespace;
}

function regexFor(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined || pattern === '') return undefined;
  return new RegExp(`^(?:${pattern})$`);
}

function matchesSelector(labels: unknown, selector: string | undefined): boolean {
  if (selector === undefined || selector === '') return true;
  const map = isObject(labels) ? (labels as Record<string, string>) : {};
  return requirementsMatch(parseLabelSelector(selector), map);
}

/** select is ResMap.Select: names and namespaces match the original or current id, as regexes. */
export function select(resources: Resource[], selector: Selector): Resource[] {
  const name = regexFor(selector.name);
  const namespace = regexFor(selector.namespace);
  const group = regexFor(selector.group);
  const version = regexFor(selector.version);
  const kind = regexFor(selector.kind);
  const effective = (id: ResId) => (id.namespace === '' && !isClusterScoped(id) ? 'default' : id.namespace);
  return resources.filter((r) => {
    const cur = curId(r);
    const org = orgId(r);
    if (namespace && !namespace.test(effective(org)) && !namespace.test(effective(cur))) return false;
    if (name && !name.test(org.name) && !name.test(cur.name)) return false;
    if (group && !group.test(cur.group)) return false;
    if (version && !version.test(cur.version)) return false;
    if (kind && !kind.test(cur.kind)) return false;
    const meta = isObject(r.object.metadata) ? r.object.metadata : {};
    if (!matchesSelector(meta.labels, selector.labelSelector)) return false;
    if (!matchesSelector(meta.annotations, selector.annotationSelector)) return false;
    return true;
  });
}

/** patchText reads a patch's file or inline text. */
function patchText(ctx: GeneratorContext, patch: Patch, what: string): string {
  if (patch.path === undefined && patch.patch === undefined) {
    throw new KustomizeError(`must specify one of patch and path in\n${toKubectlYaml(patch)}`);
  }
  if (patch.path !== undefined && patch.patch !== undefined)
    throw new KustomizeError(`patch and path can't be set at the same time\n${toKubectlYaml(patch)}`);
  if (patch.path !== undefined) {
    try {
      return readRooted(ctx, patch.path);
    } catch (error) {
      throw new KustomizeError(
        `trouble configuring builtin ${what} with config: \`\n${toKubectlYaml(patch)}\`: failed to get the patch file from path(${patch.path}): ${(error as Error).message}`,
      );
    }
  }
  return patch.patch as string;
}

/** patchConfig prints a patch entry as kustomize's error does: `[path: "p.yaml"]` or `[patch: "…"]`. */
function patchConfig(patch: Patch): string {
  return patch.path !== undefined ? `[path: ${goQuote(patch.path)}]` : `[patch: ${goQuote(patch.patch ?? '')}]`;
}

/** json6902Ops parses a JSON 6902 patch written in JSON or YAML; undefined when it is not a list. */
function json6902Ops(text: string): JsonPatchOperation[] | undefined {
  try {
    const docs = parseAllDocuments(text);
    const first = Array.isArray(docs) ? docs[0] : docs;
    const value = first?.toJS() as unknown;
    return Array.isArray(value) ? (value as JsonPatchOperation[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * replaceAsAdd reproduces evanphx/json-patch v4, which kustomize uses: `replace` of a key missing
 * from an existing object sets it instead of failing.
 */
function replaceAsAdd(doc: unknown, op: JsonPatchOperation): JsonPatchOperation {
  if (op.op !== 'replace' || typeof op.path !== 'string' || !op.path.startsWith('/')) return op;
  const parts = op.path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cursor: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cursor)) cursor = cursor[Number(part)];
    else if (isObject(cursor)) cursor = cursor[part];
    else return op;
  }
  const last = parts[parts.length - 1] as string;
  return isObject(cursor) && !(last in cursor) ? { ...op, op: 'add' } : op;
}

function applyJson6902(resources: Resource[], ops: JsonPatchOperation[], target: Selector): void {
  for (const resource of select(resources, target)) {
    storePreviousId(resource);
    try {
      let doc: unknown = resource.object;
      for (const op of ops) doc = jsonPatch(doc, [replaceAsAdd(doc, op)]);
      resource.object = doc as KObject;
    } catch (error) {
      throw new KustomizeError(`${(error as Error).message}`);
    }
  }
}

/** patchesStrategicMerge: each entry a file (or inline YAML), each document patching the resource of its id. */
export function applyPatchesStrategicMerge(ctx: GeneratorContext, resources: Resource[], entries: string[]): void {
  const patches: KObject[] = [];
  for (const entry of entries) {
    let text: string;
    try {
      text = readRooted(ctx, entry);
    } catch (error) {
      if (!entry.includes('\n') && !entry.includes(':')) throw error;
      text = entry;
    }
    patches.push(...documents(text, entry));
  }
  for (const patch of patches) {
    const target = getById(resources, idOfPatch(patch), 'strategic merge patch');
    applySm(resources, target, patch);
  }
}

/** patches: strategic merge or JSON 6902, by what the text parses as. */
export function applyPatches(ctx: GeneratorContext, resources: Resource[], patches: Patch[]): void {
  for (const patch of patches) {
    const text = patchText(ctx, patch, 'PatchTransformer');
    const ops = json6902Ops(text);
    if (ops) {
      if (!patch.target) throw new KustomizeError(`must specify a target for JSON patch ${patchConfig(patch)}`);
      applyJson6902(resources, ops, patch.target);
      continue;
    }
    const docs = documents(text, patch.path ?? 'patch');
    if (docs.length === 0) throw new KustomizeError(`unable to parse SM or JSON patch from ${text}`);
    if (!patch.target) {
      for (const doc of docs)
        applySm(resources, getById(resources, idOfPatch(doc), 'strategic merge patch'), doc, patch.options);
      continue;
    }
    for (const target of select(resources, patch.target)) {
      for (const doc of docs) {
        if (!resources.includes(target)) break;
        applySm(resources, target, doc, patch.options);
      }
    }
  }
}

/** patchesJson6902: a target and a JSON 6902 patch in a file (or inline). */
export function applyPatchesJson6902(ctx: GeneratorContext, resources: Resource[], patches: Patch[]): void {
  for (const patch of patches) {
    const text = patchText(ctx, patch, 'PatchJson6902Transformer');
    const ops = json6902Ops(text);
    if (!ops) throw new KustomizeError(`unable to parse SM or JSON patch from ${text}`);
    if (!patch.target) throw new KustomizeError(`must specify a target for JSON patch ${text}`);
    applyJson6902(resources, ops, patch.target);
  }
}
