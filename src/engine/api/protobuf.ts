/**
 * Kubernetes' protobuf wire format (`application/vnd.kubernetes.protobuf`): the real kubectl sends
 * request bodies this way through its typed clients (`create deployment`, `run`, `expose`, `drain`,
 * `create token` …). The HTTP servers turn such bodies into the JSON the API server would read for
 * the same object: what Go's encoding/json makes of the decoded struct. The schema (field numbers,
 * names and types from Kubernetes' generated.proto files) lives in protobuf/schema/; this decoder
 * is generic. Fields the schema does not know are skipped.
 *
 * Zero values: gogo-protobuf writes every non-pointer scalar, so a zero there means "unset" and is
 * left out as `omitempty` would; fields marked `!` in the schema (pointers such as `replicas`, or
 * fields without omitempty such as `containerPort`) keep an explicitly encoded zero.
 */
import { bytesToBase64, Reader } from './protobuf/wire.ts';
import { KIND_MESSAGES, SCHEMA, type Field, type FieldType } from './protobuf/schema/index.ts';

const text = new TextDecoder();

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Go's time.Time in JSON: RFC 3339 in UTC; MicroTime keeps six fractional digits. */
function formatTime(seconds: number, nanos: number, micro: boolean): string {
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (!micro) return `${iso}Z`;
  return `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

/** Go's time.Duration.String(): 1h2m3s, 1.5s, 300ms, 0s. */
export function formatGoDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  let n = Math.abs(nanos);
  if (n < 1e9) {
    const [unit, size] = n < 1e3 ? ['ns', 1] : n < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return `${sign}${trimFraction(n / (size as number))}${unit as string}`;
  }
  const hours = Math.floor(n / 3.6e12);
  n -= hours * 3.6e12;
  const minutes = Math.floor(n / 6e10);
  n -= minutes * 6e10;
  const seconds = trimFraction(n / 1e9);
  if (hours) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

function trimFraction(value: number): string {
  return value.toFixed(9).replace(/\.?0+$/, '');
}

function decodeTime(bytes: Uint8Array, micro: boolean): string | undefined {
  let seconds = 0;
  let nanos = 0;
  const reader = new Reader(bytes);
  while (!reader.done) {
    const key = reader.length();
    if (key === 8) seconds = reader.int();
    else if (key === 16) nanos = reader.int();
    else reader.skip(key & 7);
  }
  // A zero time.Time marshals as an empty message (and JSON leaves it out).
  if (bytes.length === 0 || (seconds === -62135596800 && nanos === 0)) return undefined;
  return formatTime(seconds, nanos, micro);
}

/** decodeSpecial handles the apimachinery types whose JSON is not an object of their fields. */
function decodeSpecial(type: string, bytes: Uint8Array): Json | undefined {
  switch (type) {
    case 'Q': {
      const fields = decodeMessage(bytes, '__quantity') as Record<string, Json>;
      return (fields.string as string | undefined) ?? '0';
    }
    case 'IS': {
      const fields = decodeMessage(bytes, '__intOrString') as Record<string, Json>;
      return fields.type === 1
        ? ((fields.strVal as string | undefined) ?? '')
        : ((fields.intVal as number | undefined) ?? 0);
    }
    case 'T':
      return decodeTime(bytes, false);
    case 'MT':
      return decodeTime(bytes, true);
    case 'D': {
      const fields = decodeMessage(bytes, '__duration') as Record<string, Json>;
      return formatGoDuration((fields.duration as number | undefined) ?? 0);
    }
    case 'R':
    case 'F': {
      const inner = rawBytes(bytes);
      if (inner === undefined) return type === 'F' ? {} : null;
      const nested = decodeKubernetesProtobuf(inner);
      if (nested) return nested as Json;
      try {
        return JSON.parse(text.decode(inner)) as Json;
      } catch {
        return bytesToBase64(inner);
      }
    }
    default:
      return undefined;
  }
}

/** rawBytes reads field 1 (bytes) of a runtime.RawExtension or metav1.FieldsV1. */
function rawBytes(bytes: Uint8Array): Uint8Array | undefined {
  const reader = new Reader(bytes);
  let raw: Uint8Array | undefined;
  while (!reader.done) {
    const key = reader.length();
    if (key === 10) raw = reader.chunk();
    else reader.skip(key & 7);
  }
  return raw;
}

const SPECIAL = new Set(['Q', 'IS', 'T', 'MT', 'D', 'R', 'F']);

function isZero(value: Json | undefined): boolean {
  return value === '' || value === 0 || value === false;
}

/** readScalar reads one value of a scalar type at the reader's position. */
function readScalar(reader: Reader, type: string, wireType: number): Json {
  switch (type) {
    case 'i':
    case 'l':
      return reader.int();
    case 'b':
      return reader.int() !== 0;
    case 'd':
      return wireType === 1 ? reader.fixed(8).getFloat64(0, true) : reader.int();
    case 'f':
      return wireType === 5 ? reader.fixed(4).getFloat32(0, true) : reader.int();
    case 'y':
      return bytesToBase64(reader.chunk());
    default:
      return text.decode(reader.chunk());
  }
}

function isNumeric(type: string): boolean {
  return type === 'i' || type === 'l' || type === 'b' || type === 'd' || type === 'f';
}

/** readValue reads a field's value (a scalar, a special type or a message). */
function readValue(reader: Reader, type: FieldType, wireType: number): Json | undefined {
  if (type.kind === 'scalar') return readScalar(reader, type.name, wireType);
  const bytes = reader.chunk();
  if (SPECIAL.has(type.name)) return decodeSpecial(type.name, bytes);
  return decodeMessage(bytes, type.name);
}

function decodeMapEntry(bytes: Uint8Array, value: FieldType): [string, Json | undefined] {
  const reader = new Reader(bytes);
  let key = '';
  let out: Json | undefined =
    value.kind === 'scalar' ? (value.name === 'y' || value.name === 's' ? '' : 0) : value.name === 'Q' ? '0' : {};
  while (!reader.done) {
    const tag = reader.length();
    const number = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (number === 1) key = text.decode(reader.chunk());
    else if (number === 2) out = readValue(reader, value, wireType);
    else reader.skip(wireType);
  }
  return [key, out];
}

/** decodeMessage turns one message into its JSON form following SCHEMA[name]. */
export function decodeMessage(bytes: Uint8Array, name: string): Json {
  const schema = SCHEMA[name];
  const reader = new Reader(bytes);
  const out: Record<string, Json> = {};
  while (!reader.done) {
    const key = reader.length();
    const number = Math.floor(key / 8);
    const wireType = key & 7;
    const field: Field | undefined = schema?.fields.get(number);
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    if (field.map) {
      const [k, v] = decodeMapEntry(reader.chunk(), field.type);
      const map = (out[field.name] as Record<string, Json> | undefined) ?? {};
      if (v !== undefined) map[k] = v;
      out[field.name] = map;
      continue;
    }
    if (field.repeated) {
      const list = (out[field.name] as Json[] | undefined) ?? [];
      if (field.type.kind === 'scalar' && isNumeric(field.type.name) && wireType === 2) {
        const packed = new Reader(reader.chunk());
        while (!packed.done) list.push(readScalar(packed, field.type.name, field.type.name === 'd' ? 1 : 0));
      } else {
        const value = readValue(reader, field.type, wireType);
        list.push(value === undefined ? null : value);
      }
      out[field.name] = list;
      continue;
    }
    const value = readValue(reader, field.type, wireType);
    if (value === undefined) {
      delete out[field.name];
      continue;
    }
    if (field.inline && value && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(out, value);
      continue;
    }
    if (!field.keepZero && field.type.kind === 'scalar' && isZero(value)) {
      delete out[field.name];
      continue;
    }
    out[field.name] = value;
  }
  if (schema?.list) return (out[schema.list] as Json[] | undefined) ?? [];
  // A nil slice without omitempty is `null` in Go's JSON (ClusterRole.rules, PolicyRule.verbs …).
  for (const field of schema?.fields.values() ?? []) if (field.repeated && field.keepZero) out[field.name] ??= null;
  return out;
}

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** isKubernetesProtobuf tells a request's content type asks for this decoder. */
export function isKubernetesProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('application/vnd.kubernetes.protobuf');
}

/**
 * decodeKubernetesProtobuf turns a `k8s\0`-prefixed body (a runtime.Unknown envelope) into the
 * object's JSON form, or returns undefined when it is not one of the kinds the schema knows.
 */
export function decodeKubernetesProtobuf(bytes: Uint8Array): Record<string, unknown> | undefined {
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) return undefined;
  try {
    const reader = new Reader(bytes.subarray(4));
    let apiVersion = '';
    let kind = '';
    let raw: Uint8Array | undefined;
    while (!reader.done) {
      const key = reader.length();
      if (key === 10) {
        const meta = decodeMessage(reader.chunk(), '__typeMeta') as Record<string, Json>;
        apiVersion = (meta.apiVersion as string | undefined) ?? '';
        kind = (meta.kind as string | undefined) ?? '';
      } else if (key === 18) raw = reader.chunk();
      else reader.skip(key & 7);
    }
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const message = KIND_MESSAGES[`${group}/${kind}`];
    if (!message || !raw) return undefined;
    const object = decodeMessage(raw, message) as Record<string, Json>;
    return { apiVersion, kind, ...object };
  } catch {
    return undefined;
  }
}
