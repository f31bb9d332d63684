import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './protobuf.ts';

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
    expect(decodeKubernetesProtobuf(envelope('v1', 'Pod', []))).toBeUndefined();
    expect(decodeKubernetesProtobuf(new TextEncoder().encode('{"kind":"Pod"}'))).toBeUndefined();
  });
});
