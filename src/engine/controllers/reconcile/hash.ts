/**
 * Template hashing as kube-controller-manager does it: an FNV hash of the object, printed in decimal
 * and mapped onto the consonant-and-digit alphabet of apimachinery's rand.SafeEncodeString, so a
 * hash never spells a word. The bytes hashed here are canonical JSON (sorted keys) rather than Go's
 * spew dump, so values differ from a real cluster's, but the format and the stability are the same.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const encoder = new TextEncoder();

/** safeEncodeString is rand.SafeEncodeString: every character becomes one of the 27 safe ones. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE_ALPHABET[(ch.codePointAt(0) ?? 0) % SAFE_ALPHABET.length];
  return out;
}

/** fnv32a is hash/fnv's New32a over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** fnv32 is hash/fnv's New32 (multiply, then xor), which ControllerRevision hashing uses. */
export function fnv32(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (const byte of bytes) {
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash ^= byte;
  }
  return hash >>> 0;
}

/** canonicalJson prints a JSON value with sorted keys and without undefined members, so equal objects hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * computeHash is controller.ComputeHash: the pod-template-hash of a Deployment's template, with the
 * collision count mixed in (as eight little-endian bytes) once the Deployment has had a collision.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const bytes = encoder.encode(canonicalJson(template ?? {}));
  let hash = fnv32a(bytes);
  if (collisionCount !== undefined) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(extra, hash);
  }
  return safeEncodeString(String(hash));
}

/** hashControllerRevision is history.HashControllerRevision: FNV-32 over the revision data plus the collision probe. */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  let hash = fnv32(encoder.encode(canonicalJson(data ?? {})));
  if (collisionCount !== undefined) hash = fnv32(encoder.encode(String(collisionCount)), hash);
  return safeEncodeString(String(hash));
}
