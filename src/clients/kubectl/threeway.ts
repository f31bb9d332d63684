import { deepEqual, mergeKeyFor } from '../../engine/index.ts';

/**
 * threeWayPatch is the patch `kubectl apply` sends (CreateThreeWayMergePatch, simplified): what the
 * new manifest sets differently from the live object, plus nulls (or `$patch: delete` list
 * entries) for what the last applied manifest had and the new one dropped. Fields the server
 * defaulted are left alone. Undefined means there is nothing to change: `unchanged`.
 */
const NONE = Symbol('none');
type Diff = unknown | typeof NONE;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** covers tells whether everything `wanted` sets is already so in `actual`. */
function covers(wanted: unknown, actual: unknown): boolean {
  if (isObject(wanted)) {
    if (!isObject(actual)) return false;
    return Object.entries(wanted).every(([k, v]) => covers(v, actual[k]));
  }
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    return wanted.every((v, i) => covers(v, actual[i]));
  }
  return deepEqual(wanted, actual);
}

function diff(
  original: unknown,
  modified: unknown,
  current: unknown,
  field: string,
  parent: Record<string, unknown> | undefined,
): Diff {
  if (isObject(modified)) {
    if (!isObject(current)) return modified;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(modified)) {
      const sub = diff(isObject(original) ? original[key] : undefined, value, current[key], key, modified);
      if (sub !== NONE) out[key] = sub;
    }
    if (isObject(original)) {
      for (const key of Object.keys(original)) if (!(key in modified) && current[key] !== undefined) out[key] = null;
    }
    return Object.keys(out).length ? out : NONE;
  }
  if (Array.isArray(modified)) {
    const mergeKey = mergeKeyFor(
      field,
      parent && 'clusterIP' in parent
        ? 'ServiceSpec'
        : parent && 'selector' in parent && 'type' in parent
          ? 'ServiceSpec'
          : undefined,
    );
    if (mergeKey && Array.isArray(current) && modified.every((m) => isObject(m) && mergeKey in m)) {
      const out: unknown[] = [];
      for (const element of modified as Record<string, unknown>[]) {
        const live = current.find((c) => isObject(c) && c[mergeKey] === element[mergeKey]);
        const before = Array.isArray(original)
          ? original.find((o) => isObject(o) && o[mergeKey] === element[mergeKey])
          : undefined;
        const sub = diff(before, element, live, '', element);
        if (sub !== NONE) out.push({ [mergeKey]: element[mergeKey], ...(sub as object) });
      }
      if (Array.isArray(original)) {
        for (const old of original) {
          if (!isObject(old) || !(mergeKey in old)) continue;
          const kept = (modified as Record<string, unknown>[]).some((m) => m[mergeKey] === old[mergeKey]);
          const live = current.some((c) => isObject(c) && c[mergeKey] === old[mergeKey]);
          if (!kept && live) out.push({ [mergeKey]: old[mergeKey], $patch: 'delete' });
        }
      }
      return out.length ? out : NONE;
    }
    return covers(modified, current) ? NONE : modified;
  }
  return deepEqual(modified, current) ? NONE : modified;
}

export function threeWayPatch(
  original: unknown,
  modified: unknown,
  current: unknown,
): Record<string, unknown> | undefined {
  const patch = diff(original, modified, current, '', undefined);
  if (patch === NONE || !isObject(patch)) return undefined;
  return patch;
}
