import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, formatGoDuration } from './protobuf.ts';

/** The protobuf bodies the real kubectl sends, decoded to the JSON the API server reads. */
function varint(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function int(number: number, value: number): number[] {
  return [...varint(number * 8), ...signed(value)];
}

/** signed encodes a negative int32/int64 as the 10-byte two's complement varint protobuf uses. */
function signed(value: number): number[] {
  if (value >= 0) return varint(value);
  let n = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (n >= 0x80n) {
    out.push(Number(n & 0x7fn) | 0x80);
    n >>= 7n;
  }
  out.push(Number(n));
  return out;
}

function field(number: number, bytes: number[]): number[] {
  return [...varint(number * 8 + 2), ...varint(bytes.length), ...bytes];
}

function text(number: number, value: string): number[] {
  return field(number, [...new TextEncoder().encode(value)]);
}

function envelope(apiVersion: string, kind: string, raw: number[]): Uint8Array {
  const typeMeta = [...text(1, apiVersion), ...text(2, kind)];
  return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...field(1, typeMeta), ...field(2, raw)]);
}

describe('decodeKubernetesProtobuf', () => {
  it('decodes a SelfSubjectAccessReview as `kubectl auth can-i` sends it', () => {
    const attributes = [...text(1, 'default'), ...text(2, 'get'), ...text(3, ''), ...text(5, 'pods')];
    const body = envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', [
      ...field(1, []),
      ...field(2, field(1, attributes)),
    ]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
    });
  });

  it('decodes an Eviction with its delete options', () => {
    const meta = [...text(1, 'web'), ...text(3, 'default')];
    const options = [...varint(8), ...varint(0)];
    const body = envelope('policy/v1', 'Eviction', [...field(1, meta), ...field(2, options)]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      metadata: { name: 'web', namespace: 'default' },
      deleteOptions: { gracePeriodSeconds: 0 },
    });
  });

  it('leaves kinds it does not know, and non-protobuf bodies, alone', () => {
    expect(decodeKubernetesProtobuf(envelope('example.com/v1', 'Widget', []))).toBeUndefined();
    expect(decodeKubernetesProtobuf(new TextEncoder().encode('{"kind":"Pod"}'))).toBeUndefined();
  });

  it('keeps an explicit zero on pointer fields and drops the zeros gogo writes for plain ones', () => {
    const labels = field(11, [...text(1, 'app'), ...text(2, 'web')]);
    const container = [
      ...text(1, 'nginx'),
      ...text(2, 'nginx'),
      ...field(6, [...int(2, 0), ...int(3, 80)]),
      ...field(8, []),
    ];
    const template = [...field(1, labels), ...field(2, field(2, container))];
    const spec = [
      ...int(1, 0),
      ...field(2, field(1, [...text(1, 'app'), ...text(2, 'web')])),
      ...field(3, template),
      ...field(4, [
        ...text(1, 'RollingUpdate'),
        ...field(2, [...field(1, int(2, 1)), ...field(2, [...int(1, 1), ...text(3, '25%')])]),
      ]),
      ...int(5, 0),
      ...int(7, 0),
    ];
    const body = envelope('apps/v1', 'Deployment', [
      ...field(1, [...text(1, 'web'), ...text(2, ''), ...int(7, 0)]),
      ...field(2, spec),
      ...field(3, []),
    ]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] },
        },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      },
      status: {},
    });
  });

  it('writes Secret bytes as base64, keeps empty ConfigMap values, and reads quantities', () => {
    const secret = envelope('v1', 'Secret', [
      ...field(1, text(1, 's')),
      ...field(2, [...text(1, 'bin'), ...field(2, [0xff, 0x00, 0x41])]),
      ...text(3, 'Opaque'),
    ]);
    expect(decodeKubernetesProtobuf(secret)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { bin: '/wBB' },
      type: 'Opaque',
    });
    const configMap = envelope('v1', 'ConfigMap', [
      ...field(1, text(1, 'c')),
      ...field(2, [...text(1, 'empty'), ...text(2, '')]),
    ]);
    expect(decodeKubernetesProtobuf(configMap)).toMatchObject({ data: { empty: '' } });
    const quota = envelope('v1', 'ResourceQuota', [
      ...field(1, text(1, 'q')),
      ...field(2, [...field(1, [...text(1, 'cpu'), ...field(2, text(1, '500m'))]), ...text(2, 'NotTerminating')]),
    ]);
    expect(decodeKubernetesProtobuf(quota)).toMatchObject({
      spec: { hard: { cpu: '500m' }, scopes: ['NotTerminating'] },
    });
  });

  it('reads times, negative and packed integers, inlined volume sources, and skips unknown fields', () => {
    const created = field(8, [...int(1, 1_700_000_000), ...int(2, 0)]);
    const volume = [...text(1, 'data'), ...field(2, field(2, text(1, 'Memory')))];
    const podSpec = [
      ...field(1, volume),
      ...field(2, text(1, 'app')),
      ...int(25, -5),
      ...field(14, field(4, [...varint(1000), ...varint(2000)])),
      ...int(99, 7),
      ...text(98, 'future field'),
    ];
    const body = envelope('v1', 'Pod', [
      ...field(1, [...text(1, 'p'), ...created, ...field(9, [])]),
      ...field(2, podSpec),
    ]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: '2023-11-14T22:13:20Z' },
      spec: {
        volumes: [{ name: 'data', emptyDir: { medium: 'Memory' } }],
        containers: [{ name: 'app' }],
        priority: -5,
        securityContext: { supplementalGroups: [1000, 2000] },
      },
    });
    const lease = envelope('coordination.k8s.io/v1', 'Lease', [
      ...field(1, text(1, 'l')),
      ...field(2, [...text(1, 'me'), ...field(4, [...int(1, 1_700_000_000), ...int(2, 123_456_789)])]),
    ]);
    expect(decodeKubernetesProtobuf(lease)).toMatchObject({
      spec: { holderIdentity: 'me', renewTime: '2023-11-14T22:13:20.123456Z' },
    });
  });

  it('writes absent lists without omitempty as null, and named slices as lists', () => {
    const role = envelope('rbac.authorization.k8s.io/v1', 'ClusterRole', [
      ...field(1, text(1, 'agg')),
      ...field(3, field(1, field(1, [...text(1, 'team'), ...text(2, 'a')]))),
    ]);
    expect(decodeKubernetesProtobuf(role)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'agg' },
      rules: null,
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { team: 'a' } }] },
    });
    const review = envelope('authorization.k8s.io/v1', 'SubjectAccessReview', [
      ...field(1, []),
      ...field(2, [
        ...text(3, 'ann'),
        ...field(5, [...text(1, 'scopes'), ...field(2, [...text(1, 'a'), ...text(1, 'b')])]),
      ]),
    ]);
    expect(decodeKubernetesProtobuf(review)).toMatchObject({ spec: { user: 'ann', extra: { scopes: ['a', 'b'] } } });
  });

  it("formats durations as Go's time.Duration does", () => {
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(1.5e9)).toBe('1.5s');
    expect(formatGoDuration(3_723e9)).toBe('1h2m3s');
    expect(formatGoDuration(300e6)).toBe('300ms');
    expect(formatGoDuration(-90e9)).toBe('-1m30s');
  });
});
