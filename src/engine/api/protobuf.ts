/**
 * Kubernetes' protobuf wire format (`application/vnd.kubernetes.protobuf`), decoded for the few
 * request bodies the real kubectl sends that way through its typed clients: access reviews
 * (`auth can-i`, `auth whoami`), evictions (`drain`) and token requests (`create token`). The HTTP
 * servers turn such bodies into the JSON objects the API server reads; anything else is refused.
 */
type FieldType = 'string' | 'int' | 'bool' | 'map' | 'bytes' | { message: string };

interface Field {
  name: string;
  type: FieldType;
  repeated?: boolean;
}

type Schema = Record<number, Field>;

const f = (name: string, type: FieldType, repeated = false): Field => ({ name, type, repeated });

const SCHEMAS: Record<string, Schema> = {
  /** runtime.Unknown, the envelope after the `k8s\0` magic, and its TypeMeta; map entries. */
  __unknown: { 1: f('typeMeta', { message: '__typeMeta' }), 2: f('raw', 'bytes') },
  __typeMeta: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') },
  __entry: { 1: f('key', 'string'), 2: f('value', 'string') },
  ObjectMeta: {
    1: f('name', 'string'),
    2: f('generateName', 'string'),
    3: f('namespace', 'string'),
    5: f('uid', 'string'),
    6: f('resourceVersion', 'string'),
    11: f('labels', 'map'),
    12: f('annotations', 'map'),
  },
  ResourceAttributes: {
    1: f('namespace', 'string'),
    2: f('verb', 'string'),
    3: f('group', 'string'),
    4: f('version', 'string'),
    5: f('resource', 'string'),
    6: f('subresource', 'string'),
    7: f('name', 'string'),
  },
  NonResourceAttributes: { 1: f('path', 'string'), 2: f('verb', 'string') },
  SelfSubjectAccessReviewSpec: {
    1: f('resourceAttributes', { message: 'ResourceAttributes' }),
    2: f('nonResourceAttributes', { message: 'NonResourceAttributes' }),
  },
  SubjectAccessReviewSpec: {
    1: f('resourceAttributes', { message: 'ResourceAttributes' }),
    2: f('nonResourceAttributes', { message: 'NonResourceAttributes' }),
    3: f('user', 'string'),
    4: f('groups', 'string', true),
    6: f('uid', 'string'),
  },
  SelfSubjectRulesReviewSpec: { 1: f('namespace', 'string') },
  SelfSubjectAccessReview: {
    1: f('metadata', { message: 'ObjectMeta' }),
    2: f('spec', { message: 'SelfSubjectAccessReviewSpec' }),
  },
  SubjectAccessReview: {
    1: f('metadata', { message: 'ObjectMeta' }),
    2: f('spec', { message: 'SubjectAccessReviewSpec' }),
  },
  LocalSubjectAccessReview: {
    1: f('metadata', { message: 'ObjectMeta' }),
    2: f('spec', { message: 'SubjectAccessReviewSpec' }),
  },
  SelfSubjectRulesReview: {
    1: f('metadata', { message: 'ObjectMeta' }),
    2: f('spec', { message: 'SelfSubjectRulesReviewSpec' }),
  },
  SelfSubjectReview: { 1: f('metadata', { message: 'ObjectMeta' }) },
  Preconditions: { 1: f('uid', 'string'), 2: f('resourceVersion', 'string') },
  DeleteOptions: {
    1: f('gracePeriodSeconds', 'int'),
    2: f('preconditions', { message: 'Preconditions' }),
    3: f('orphanDependents', 'bool'),
    4: f('propagationPolicy', 'string'),
    5: f('dryRun', 'string', true),
  },
  Eviction: { 1: f('metadata', { message: 'ObjectMeta' }), 2: f('deleteOptions', { message: 'DeleteOptions' }) },
  BoundObjectReference: {
    1: f('kind', 'string'),
    2: f('apiVersion', 'string'),
    3: f('name', 'string'),
    4: f('uid', 'string'),
  },
  TokenRequestSpec: {
    1: f('audiences', 'string', true),
    3: f('boundObjectRef', { message: 'BoundObjectReference' }),
    4: f('expirationSeconds', 'int'),
  },
  TokenRequest: { 1: f('metadata', { message: 'ObjectMeta' }), 2: f('spec', { message: 'TokenRequestSpec' }) },
  Quantity: { 1: f('string', 'string') },
  CrossVersionObjectReference: { 1: f('kind', 'string'), 2: f('name', 'string'), 3: f('apiVersion', 'string') },
  MetricTarget: {
    1: f('type', 'string'),
    2: f('value', { message: 'Quantity' }),
    3: f('averageValue', { message: 'Quantity' }),
    4: f('averageUtilization', 'int'),
  },
  ResourceMetricSource: { 1: f('name', 'string'), 2: f('target', { message: 'MetricTarget' }) },
  MetricSpec: { 1: f('type', 'string'), 4: f('resource', { message: 'ResourceMetricSource' }) },
  HorizontalPodAutoscalerSpec: {
    1: f('scaleTargetRef', { message: 'CrossVersionObjectReference' }),
    2: f('minReplicas', 'int'),
    3: f('maxReplicas', 'int'),
    4: f('metrics', { message: 'MetricSpec' }, true),
  },
  HorizontalPodAutoscaler: {
    1: f('metadata', { message: 'ObjectMeta' }),
    2: f('spec', { message: 'HorizontalPodAutoscalerSpec' }),
  },
};

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new Error('truncated varint');
      const byte = this.bytes[this.pos++] as number;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  }

  chunk(): Uint8Array {
    const length = this.varint();
    if (this.pos + length > this.bytes.length) throw new Error('truncated field');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.chunk();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

const text = new TextDecoder();

function decodeMessage(bytes: Uint8Array, schemaName: string): Record<string, unknown> {
  const schema = SCHEMAS[schemaName] ?? {};
  const out: Record<string, unknown> = {};
  const reader = new Reader(bytes);
  while (!reader.done) {
    const key = reader.varint();
    const number = Math.floor(key / 8);
    const wireType = key & 7;
    const field = schema[number];
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    let value: unknown;
    if (field.type === 'int') value = reader.varint();
    else if (field.type === 'bool') value = reader.varint() !== 0;
    else if (field.type === 'string') value = text.decode(reader.chunk());
    else if (field.type === 'map') {
      const entry = decodeMessage(reader.chunk(), '__entry');
      const map = (out[field.name] as Record<string, string> | undefined) ?? {};
      map[String(entry.key ?? '')] = String(entry.value ?? '');
      out[field.name] = map;
      continue;
    } else if (field.type === 'bytes') value = reader.chunk();
    else if (field.type.message === 'Quantity') value = decodeMessage(reader.chunk(), 'Quantity').string ?? '';
    else value = decodeMessage(reader.chunk(), field.type.message);
    // gogo-protobuf writes empty strings that JSON would omit; the server reads them as unset.
    if (value === '' && !field.repeated) continue;
    if (field.repeated) out[field.name] = [...((out[field.name] as unknown[] | undefined) ?? []), value];
    else out[field.name] = value;
  }
  return out;
}

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** isKubernetesProtobuf tells a request's content type asks for this decoder. */
export function isKubernetesProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('application/vnd.kubernetes.protobuf');
}

/**
 * decodeKubernetesProtobuf turns a `k8s\0`-prefixed body into the object's JSON form, or returns
 * undefined when it is not one of the kinds this decoder knows.
 */
export function decodeKubernetesProtobuf(bytes: Uint8Array): Record<string, unknown> | undefined {
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) return undefined;
  try {
    const unknown = decodeMessage(bytes.subarray(4), '__unknown');
    const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
    const raw = unknown.raw as Uint8Array | undefined;
    if (!typeMeta.kind || !SCHEMAS[typeMeta.kind] || !raw) return undefined;
    const object = decodeMessage(raw, typeMeta.kind);
    return { apiVersion: typeMeta.apiVersion ?? '', kind: typeMeta.kind, ...object };
  } catch {
    return undefined;
  }
}
