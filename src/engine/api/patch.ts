/**
 * The three patch types kubectl sends: JSON merge patch (RFC 7386), strategic merge patch (lists of
 * named things merge by their key, as the Kubernetes types declare with patchMergeKey) and JSON patch
 * (RFC 6902).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

export {
  strategicMergePatch,
  threeWayMergePatch,
  twoWayMergePatch,
  sortedJson,
  StrategicMergeError,
} from './strategic.ts';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(target: unknown, operations: JsonPatchOperation[]): unknown {
  let doc = structuredClone(target);
  for (const op of operations) {
    const parts = pointer(op.path);
    const get = (segments: string[]): unknown => {
      let cursor: unknown = doc;
      for (const s of segments) {
        if (cursor === null || typeof cursor !== 'object')
          throw new Error(`doc is missing path: "${op.path}": missing value`);
        cursor = (cursor as Record<string, unknown>)[s];
      }
      if (cursor === undefined) throw new Error(`doc is missing path: "${op.path}": missing value`);
      return cursor;
    };
    const parentOf = (segments: string[]) => get(segments.slice(0, -1)) as Record<string, unknown> | unknown[];
    const last = parts[parts.length - 1] as string;
    switch (op.op) {
      case 'add':
      case 'replace':
      case 'copy':
      case 'move': {
        let value = op.value;
        if (op.op === 'copy' || op.op === 'move') value = structuredClone(get(pointer(op.from ?? '')));
        if (op.op === 'move') {
          const fromParts = pointer(op.from ?? '');
          const parent = get(fromParts.slice(0, -1)) as Record<string, unknown> | unknown[];
          const key = fromParts[fromParts.length - 1] as string;
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        }
        if (parts.length === 0) {
          doc = value;
          break;
        }
        const parent = parentOf(parts);
        if (Array.isArray(parent)) {
          const index = last === '-' ? parent.length : Number(last);
          if (op.op === 'replace') parent[index] = value;
          else parent.splice(index, 0, value);
        } else {
          if (op.op === 'replace' && !(last in parent))
            throw new Error(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
          parent[last] = value;
        }
        break;
      }
      case 'remove': {
        const parent = parentOf(parts);
        get(parts);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
        break;
      }
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(op.value))
          throw new Error(`testing value ${op.path} failed: test failed`);
        break;
    }
  }
  return doc;
}
