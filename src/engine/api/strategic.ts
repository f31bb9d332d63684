import { deepEqual } from './equal.ts';
import { patchSchemaFor, type PatchMeta, type PatchSchema } from './patchmeta.ts';

/**
 * Strategic merge patch as apimachinery's strategicpatch package does it: applying a patch on the
 * server (lists merged by key, `$patch: replace|delete`, `$retainKeys`, `$setElementOrder/…`,
 * `$deleteFromPrimitiveList/…`) and computing the patch `kubectl apply` sends
 * (CreateThreeWayMergePatch: additions and changes from the live object, deletions from the last
 * applied configuration, with the same directives). Keeping both faithful keeps `configured` and
 * `unchanged` where kubectl says them, and the patch texts in its errors.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

export class StrategicMergeError extends Error {}

function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** kindOf is the Go reflect kind a JSON value decodes to, for "types differ" checks. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'slice';
  return typeof value === 'object' ? 'map' : typeof value;
}

/** goString is fmt's %v of a JSON scalar, which the package sorts and compares by. */
function goString(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const text = String(value);
    return text.includes('e') ? text.replace(/e([+-])(\d)$/, 'e$10$2') : text;
  }
  return String(value);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function strategiesOf(meta: PatchMeta): { retainKeys: boolean; strategy: string } {
  const retainKeys = meta.strategies.includes('retainKeys');
  const strategy = meta.strategies.find((s) => s !== 'retainKeys') ?? '';
  return { retainKeys, strategy };
}

/** elementKind is the kind of a list's elements (Go's sliceElementType): map or scalar. */
function elementKind(...lists: Json[][]): 'map' | 'scalar' | undefined {
  let kind: 'map' | 'scalar' | undefined;
  for (const list of lists) {
    for (const item of list) {
      if (item === null) continue;
      if (Array.isArray(item)) throw new StrategicMergeError('lists of lists are not supported');
      const k = isMap(item) ? 'map' : 'scalar';
      if (kind && kind !== k) throw new StrategicMergeError('list elements are not all of the same type');
      kind = k;
    }
  }
  return kind;
}

// ---------------------------------------------------------------- computing a patch (diff)

interface DiffOptions {
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeys: boolean;
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema, options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeys && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key] as Json;
    if (key === DIRECTIVE) {
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (kindOf(originalValue) !== kindOf(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isMap(originalValue)) {
      const { schema: sub, meta } = schema.field(key);
      const { retainKeys: retain, strategy } = strategiesOf(meta);
      if (strategy === 'replace') {
        if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      } else {
        const value = diffMaps(originalValue, modifiedValue as JsonMap, sub, { ...options, buildRetainKeys: retain });
        if (Object.keys(value).length > 0) patch[key] = value;
      }
    } else if (Array.isArray(originalValue)) {
      const { schema: sub, meta } = schema.field(key);
      const { retainKeys: retain, strategy } = strategiesOf(meta);
      if (strategy === 'merge') {
        const [add, remove, order] = diffLists(originalValue, modifiedValue as Json[], sub, meta.mergeKey ?? '', {
          ...options,
          buildRetainKeys: retain,
        });
        if (add.length > 0) patch[key] = add;
        if (remove.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = remove;
        if (order.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = order;
      } else if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
        patch[key] = modifiedValue;
      }
    } else if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
      patch[key] = modifiedValue;
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([key, value]) => value !== null && !(key in modified));
}

function sortScalars<T extends Json>(list: T[]): T[] {
  return [...list].sort((a, b) => compareStrings(goString(a), goString(b)));
}

function diffLists(
  original: Json[],
  modified: Json[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): [Json[], Json[], Json[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = elementKind(original, modified);
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(
      original as JsonMap[],
      modified as JsonMap[],
      schema,
      mergeKey,
      options,
    );
    const patchList: Json[] = [...normalizeSliceOrder(changes, modified, mergeKey, 'map'), ...deletions];
    const orderSame =
      original.length === modified.length &&
      modified.every((item, i) => (original[i] as JsonMap)[mergeKey] === (item as JsonMap)[mergeKey]);
    let order: Json[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && patchList.length > 0))
    ) {
      order = modified.map((item) => ({ [mergeKey]: (item as JsonMap)[mergeKey] as Json }));
    }
    return [patchList, [], order];
  }
  const [additions, deletions] = diffListsOfScalars(original, modified, options);
  const patchList = normalizeSliceOrder(additions, modified, mergeKey, 'scalar');
  let order: Json[] = [];
  if (
    options.setElementOrder &&
    ((!options.ignoreDeletions && deletions.length > 0) ||
      (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
  ) {
    order = modified;
  }
  return [patchList, deletions, order];
}

function diffListsOfScalars(original: Json[], modified: Json[], options: DiffOptions): [Json[], Json[]] {
  const before = sortScalars(original);
  const after = sortScalars(modified);
  const additions: Json[] = [];
  const deletions: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? goString(before[i]) : undefined;
    const b = j < after.length ? goString(after[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!options.ignoreChangesAndAdditions) additions.push(after[j] as Json);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push(before[i] as Json);
      i++;
    }
  }
  return [additions, deduplicateScalars(deletions)];
}

function diffListsOfMaps(
  original: JsonMap[],
  modified: JsonMap[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): [JsonMap[], JsonMap[]] {
  const keyOf = (item: JsonMap) => {
    if (!isMap(item) || !(mergeKey in item))
      throw new StrategicMergeError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
    return goString(item[mergeKey]);
  };
  const sortByKey = (list: JsonMap[]) => [...list].sort((a, b) => compareStrings(keyOf(a), keyOf(b)));
  const before = sortByKey(original);
  const after = sortByKey(modified);
  const patch: JsonMap[] = [];
  const deletions: JsonMap[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const o = before[i];
    const m = after[j];
    const a = o ? keyOf(o) : undefined;
    const b = m ? keyOf(m) : undefined;
    if (o && m && a === b) {
      const value = diffMaps(o, m, schema, options);
      if (Object.keys(value).length > 0) {
        value[mergeKey] = m[mergeKey] as Json;
        patch.push(value);
      }
      i++;
      j++;
    } else if (m && (!o || (a as string) > (b as string))) {
      if (!options.ignoreChangesAndAdditions) patch.push(m);
      j++;
    } else if (o) {
      if (!options.ignoreDeletions) deletions.push({ [DIRECTIVE]: 'delete', [mergeKey]: o[mergeKey] as Json });
      i++;
    }
  }
  return [patch, deletions];
}

// ---------------------------------------------------------------- ordering helpers

function valueIn(item: Json, mergeKey: string, kind: 'map' | 'scalar'): Json | undefined {
  if (kind === 'map') return isMap(item) ? item[mergeKey] : undefined;
  return item;
}

function indexIn(list: Json[], item: Json, mergeKey: string, kind: 'map' | 'scalar'): number {
  const wanted = valueIn(item, mergeKey, kind);
  return list.findIndex((candidate) => valueIn(candidate, mergeKey, kind) === wanted);
}

/** normalizeSliceOrder sorts a list by the order of another (Go's insertion sort, stable), `$patch: delete` items last. */
function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, kind: 'map' | 'scalar'): Json[] {
  let items = [...toSort];
  let deletions: Json[] = [];
  if (kind === 'map') {
    deletions = items.filter((item) => isMap(item) && item[DIRECTIVE] === 'delete');
    items = items.filter((item) => !(isMap(item) && item[DIRECTIVE] === 'delete'));
  }
  const less = (x: Json, y: Json) => {
    const ix = indexIn(order, x, mergeKey, kind);
    if (ix >= 0) {
      const iy = indexIn(order, y, mergeKey, kind);
      if (iy >= 0) return ix < iy;
    }
    return true;
  };
  for (let i = 1; i < items.length; i++) {
    for (let k = i; k > 0 && less(items[k] as Json, items[k - 1] as Json); k--) {
      [items[k], items[k - 1]] = [items[k - 1] as Json, items[k] as Json];
    }
  }
  return [...items, ...deletions];
}

/** mergeSortedSlice interleaves server-only items (left) into the patch's items (right) by the server's order. */
function mergeSortedSlice(
  left: Json[],
  right: Json[],
  serverOrder: Json[],
  mergeKey: string,
  kind: 'map' | 'scalar',
): Json[] {
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++] as Json);
    else if (j >= right.length) out.push(left[i++] as Json);
    else {
      const li = indexIn(serverOrder, left[i] as Json, mergeKey, kind);
      const ri = indexIn(serverOrder, right[j] as Json, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] as Json);
      else out.push(right[j++] as Json);
    }
  }
  return out;
}

function normalizeElementOrder(
  patchItems: Json[],
  serverOnly: Json[],
  patchOrder: Json[],
  serverOrder: Json[],
  mergeKey: string,
  kind: 'map' | 'scalar',
): Json[] {
  const patchSorted = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const serverSorted = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(serverSorted, patchSorted, serverOrder, mergeKey, kind);
}

function partition(merged: Json[], by: Json[], mergeKey: string, kind: 'map' | 'scalar'): [Json[], Json[]] {
  const inPatch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const item of merged) (indexIn(by, item, mergeKey, kind) >= 0 ? inPatch : serverOnly).push(item);
  return [inPatch, serverOnly];
}

/** deduplicateScalars is Go's in-place de-duplication, which moves the last item into a removed one's place. */
function deduplicateScalars(list: Json[]): Json[] {
  const s = [...list];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length] as Json;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------- applying a patch (merge)

interface MergeOptions {
  /** mergeParallelList is true on the server: directives are carried out, not carried along. */
  mergeParallelList: boolean;
  ignoreUnmatchedNulls: boolean;
}

function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: MergeOptions): JsonMap {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      const copy = { ...patch };
      delete copy[DIRECTIVE];
      return copy;
    }
    if (directive === 'delete') return {};
    throw new StrategicMergeError(`Unknown patch type: ${goString(directive)} in map: ${JSON.stringify(patch)}`);
  }
  applyRetainKeys(original, patch, options);
  mergeOrderedLists(original, patch, schema, options);
  for (const [patchKey, patchValue] of Object.entries(patch)) {
    let key = patchKey;
    let isDeleteList = false;
    if (key.startsWith(`${DELETE_FROM_PRIMITIVE_LIST}/`)) {
      if (!options.mergeParallelList) {
        original[key] = patchValue;
        continue;
      }
      key = key.slice(DELETE_FROM_PRIMITIVE_LIST.length + 1);
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!(key in original)) {
      if (!isDeleteList) original[key] = options.ignoreUnmatchedNulls ? withoutNulls(patchValue) : patchValue;
      continue;
    }
    const originalValue = original[key] as Json;
    if (kindOf(originalValue) !== kindOf(patchValue)) {
      if (!isDeleteList) original[key] = options.ignoreUnmatchedNulls ? withoutNulls(patchValue) : patchValue;
      continue;
    }
    const { schema: sub, meta } = schema.field(key);
    const { strategy } = strategiesOf(meta);
    if (isMap(originalValue)) {
      original[key] =
        strategy === 'replace' ? patchValue : mergeMap(originalValue, patchValue as JsonMap, sub, options);
    } else if (Array.isArray(originalValue)) {
      original[key] =
        strategy === 'merge'
          ? mergeSlice(originalValue, patchValue as Json[], sub, meta.mergeKey ?? '', options, isDeleteList)
          : patchValue;
    } else original[key] = patchValue;
  }
  return original;
}

/** withoutNulls is Go's discardNullValuesFromPatch: nulls under a value the server takes whole mean nothing. */
function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

function applyRetainKeys(original: JsonMap, patch: JsonMap, options: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!options.mergeParallelList) {
    if (RETAIN_KEYS in original) {
      if (!deepEqual(original[RETAIN_KEYS], retain))
        throw new StrategicMergeError(
          `${JSON.stringify(original[RETAIN_KEYS])} and ${JSON.stringify(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
    } else original[RETAIN_KEYS] = retain as Json;
    return;
  }
  if (!Array.isArray(retain)) throw new StrategicMergeError('invalid patch: the value of $retainKeys must be a list');
  const kept = new Set(retain.map((k) => String(k)));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!kept.has(key))
      throw new StrategicMergeError(
        "doesn't satisfy the requirements of the retainKeys: the patch contains a field that is not in the $retainKeys list",
      );
  }
  for (const key of Object.keys(original)) if (!kept.has(key)) delete original[key];
}

/** mergeOrderedLists carries out (or, client-side, carries along) `$setElementOrder/<list>` and merges that list. */
function mergeOrderedLists(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(`${SET_ELEMENT_ORDER}/`)) continue;
    const order = patch[key];
    if (!options.mergeParallelList) {
      if (key in original) {
        if (!deepEqual(original[key], order))
          throw new StrategicMergeError('invalid patch: $setElementOrder list in the two patches do not match');
      } else original[key] = order as Json;
    }
    delete patch[key];
    if (!Array.isArray(order))
      throw new StrategicMergeError(`invalid type for $setElementOrder list: ${JSON.stringify(order)}`);
    const field = key.slice(SET_ELEMENT_ORDER.length + 1);
    const originalList = original[field];
    const patchList = patch[field];
    const foundOriginal = Array.isArray(originalList);
    const foundPatch = Array.isArray(patchList);
    if (!foundOriginal && !foundPatch) continue;
    const { schema: sub, meta } = schema.field(field);
    const mergeKey = meta.mergeKey ?? '';
    let merged: Json[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal) merged = (patchList as Json[]).map(stripDirectives);
    else
      merged =
        strategiesOf(meta).strategy === 'merge'
          ? mergeSlice(originalList as Json[], patchList as Json[], sub, mergeKey, options, false)
          : (patchList as Json[]);
    const kind =
      elementKind(foundOriginal ? (originalList as Json[]) : [], foundPatch ? (patchList as Json[]) : []) ?? 'scalar';
    const [inPatch, serverOnly] = partition(merged, order, mergeKey, kind);
    original[field] = normalizeElementOrder(
      inPatch,
      serverOnly,
      order,
      foundOriginal ? (originalList as Json[]) : [],
      mergeKey,
      kind,
    );
    delete patch[field];
  }
}

function mergeSlice(
  original: Json[],
  patch: Json[],
  schema: PatchSchema,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch) ?? 'scalar';
  let merged: Json[];
  let base = original;
  let additions = patch;
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) return original.filter((item) => !patch.includes(item));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new StrategicMergeError('cannot merge lists without merge key');
    [base, additions] = withSpecialElements(original as JsonMap[], patch as JsonMap[], mergeKey);
    merged = [...base];
    for (const item of additions as JsonMap[]) {
      const at = merged.findIndex((candidate) => isMap(candidate) && candidate[mergeKey] === item[mergeKey]);
      if (at >= 0) merged[at] = mergeMap({ ...(merged[at] as JsonMap) }, { ...item }, schema, options);
      else merged.push(item);
    }
  }
  const [inPatch, serverOnly] = partition(merged, additions, mergeKey, kind);
  return normalizeElementOrder(inPatch, serverOnly, additions, base, mergeKey, kind);
}

/** withSpecialElements carries out `$patch: delete` and `$patch: replace` items of a patch list. */
function withSpecialElements(original: JsonMap[], patch: JsonMap[], mergeKey: string): [JsonMap[], JsonMap[]] {
  const plain: JsonMap[] = [];
  let replace = false;
  let base = original;
  for (const item of patch) {
    if (!isMap(item)) throw new StrategicMergeError(`invalid list item: ${JSON.stringify(item)}`);
    if (!(DIRECTIVE in item)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!(mergeKey in item))
        throw new StrategicMergeError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
      base = base.filter((existing) => existing[mergeKey] !== item[mergeKey]);
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge') throw new StrategicMergeError('merging lists cannot yet be specified in the patch');
    else throw new StrategicMergeError(`Unknown patch type: ${goString(directive)} in map: ${JSON.stringify(item)}`);
  }
  return replace ? [plain, []] : [base, plain];
}

/** stripDirectives removes directive keys a patch left behind where it added whole values. */
function stripDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectives(v);
  return out;
}

// ---------------------------------------------------------------- the two entry points

/** strategicMergePatch applies a strategic merge patch to an object of a kind, as the API server does. */
export function strategicMergePatch(target: unknown, patch: unknown, kind?: string): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  const original = isMap(target) ? (structuredClone(target) as JsonMap) : {};
  const kindName = kind ?? (isMap(target) && typeof target.kind === 'string' ? target.kind : undefined);
  const merged = mergeMap(original, structuredClone(patch) as JsonMap, patchSchemaFor(kindName), {
    mergeParallelList: true,
    ignoreUnmatchedNulls: true,
  });
  return stripDirectives(merged);
}

/**
 * threeWayMergePatch is the patch `kubectl apply` sends: the changes and additions that take the
 * live object (current) to the new configuration (modified), plus what the last applied
 * configuration (original) had and the new one dropped. An empty map means `unchanged`.
 */
export function threeWayMergePatch(original: unknown, modified: unknown, current: unknown, kind?: string): JsonMap {
  const schema = patchSchemaFor(kind);
  const asMap = (value: unknown): JsonMap => (isMap(value) ? (structuredClone(value) as JsonMap) : {});
  const delta = diffMaps(asMap(current), asMap(modified), schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: true,
    buildRetainKeys: false,
  });
  const deletions = diffMaps(asMap(original), asMap(modified), schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
    ignoreDeletions: false,
    buildRetainKeys: false,
  });
  return mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

/** twoWayMergePatch takes original to modified (CreateTwoWayMergePatch), as `kubectl set` and `label` send. */
export function twoWayMergePatch(original: unknown, modified: unknown, kind?: string): JsonMap {
  const asMap = (value: unknown): JsonMap => (isMap(value) ? (structuredClone(value) as JsonMap) : {});
  return diffMaps(asMap(original), asMap(modified), patchSchemaFor(kind), {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: false,
    buildRetainKeys: false,
  });
}

/** sortedJson is Go's json.Marshal of a map: keys sorted at every level. */
export function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (!isMap(v)) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = sort(v[key]);
    return out;
  };
  return JSON.stringify(sort(value));
}
