/**
 * The content hash kustomize appends to generated ConfigMap and Secret names (api/hasher): SHA-256
 * over a JSON encoding of kind, data (and binaryData, or type and stringData for Secrets), its first
 * ten hex digits with 0, 1, 3, a and e swapped for consonants. The name is looked up with the path
 * "metadata/name" as one field, which never exists, so it always encodes as "".
 */
import { sha256Hex } from '../kubectl/commands/create/hash.ts';
import { marshalGoJson } from '../kubectl/printers/json.ts';
import { isObject, kindOf, type KObject } from './resource.ts';

/** encodeHash keeps 10 hex digits and swaps 0, 1, 3, a, e so no words form. */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** fieldValue is getNodeValues: a map as JSON, a scalar as its text, a missing field as "". */
function fieldValue(object: KObject, field: string): unknown {
  const value = object[field];
  if (value === undefined || value === null) return '';
  if (isObject(value) || Array.isArray(value)) return value;
  return String(value);
}

/** hashResource is Hasher.Hash for a ConfigMap, a Secret or any other object. */
export function hashResource(object: KObject): string {
  let encoded: string;
  switch (kindOf(object)) {
    case 'ConfigMap': {
      const m: KObject = { kind: 'ConfigMap', name: '', data: fieldValue(object, 'data') };
      if (isObject(object.binaryData)) m.binaryData = object.binaryData;
      encoded = marshalGoJson(m);
      break;
    }
    case 'Secret': {
      const m: KObject = {
        kind: 'Secret',
        type: fieldValue(object, 'type'),
        name: '',
        data: fieldValue(object, 'data'),
      };
      if (isObject(object.stringData)) m.stringData = object.stringData;
      encoded = marshalGoJson(m);
      break;
    }
    default:
      encoded = marshalGoJson(object);
  }
  return encodeHash(sha256Hex(encoded));
}
