import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch.ts';

describe('patches', () => {
  it('JSON merge patch replaces lists and deletes with null (RFC 7386)', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] })).toEqual({
      a: { b: 1, d: 3 },
      l: [3],
    });
  });

  it('strategic merge patch merges containers by name and keeps the others', () => {
    const spec = {
      containers: [
        { name: 'app', image: 'nginx:1.26', ports: [{ containerPort: 80 }] },
        { name: 'log', image: 'busybox' },
      ],
    };
    const patched = strategicMergePatch(
      { kind: 'Pod', spec },
      { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    ) as {
      spec: typeof spec;
    };
    expect(patched.spec.containers).toEqual([
      { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
      { name: 'log', image: 'busybox' },
    ]);
  });

  it('strategic merge patch removes list entries marked $patch: delete', () => {
    const container = (env: unknown) => ({ kind: 'Pod', spec: { containers: [{ name: 'c', env }] } });
    const patched = strategicMergePatch(
      container([
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ]),
      { spec: { containers: [{ name: 'c', env: [{ name: 'A', $patch: 'delete' }] }] } },
    );
    expect(patched).toEqual(container([{ name: 'B', value: '2' }]));
  });

  it('JSON patch applies add, replace, remove and test in order', () => {
    const doc = { spec: { replicas: 1, list: ['a'] } };
    expect(
      jsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'add', path: '/spec/list/-', value: 'b' },
        { op: 'test', path: '/spec/replicas', value: 3 },
        { op: 'remove', path: '/spec/list/0' },
      ]),
    ).toEqual({ spec: { replicas: 3, list: ['b'] } });
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 9 }])).toThrow();
  });
});
