import { describe, expect, it } from 'vitest';
import { strategicMergePatch, threeWayMergePatch, twoWayMergePatch } from './strategic.ts';

const pod = (spec: unknown) => ({ kind: 'Pod', spec });

describe('strategic merge patch, applied as the API server does', () => {
  it('orders a merged list by $setElementOrder; server-only items go before the first later patch item', () => {
    const live = pod({ containers: [{ name: 'a' }, { name: 'x' }, { name: 'b' }] });
    const patched = strategicMergePatch(live, {
      spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'b', image: 'i' }] },
    });
    // Go's mergeSortedSlice: x (live index 1) precedes b (live index 2); a follows b as ordered.
    expect(patched).toEqual(pod({ containers: [{ name: 'x' }, { name: 'b', image: 'i' }, { name: 'a' }] }));
  });

  it('keeps only the keys $retainKeys names', () => {
    const live = { kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const patched = strategicMergePatch(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(patched).toEqual({ kind: 'Deployment', spec: { strategy: { type: 'Recreate' } } });
  });

  it('refuses a field the $retainKeys list does not name', () => {
    const live = { kind: 'Deployment', spec: { strategy: {} } };
    expect(() =>
      strategicMergePatch(live, { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }),
    ).toThrow(/retainKeys/);
  });

  it('merges scalar sets (new items first, as Go does) and removes what $deleteFromPrimitiveList lists', () => {
    const live = { kind: 'ConfigMap', metadata: { finalizers: ['a', 'b'] } };
    expect(strategicMergePatch(live, { metadata: { finalizers: ['c'] } })).toEqual({
      kind: 'ConfigMap',
      metadata: { finalizers: ['c', 'a', 'b'] },
    });
    expect(strategicMergePatch(live, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } })).toEqual({
      kind: 'ConfigMap',
      metadata: { finalizers: ['b'] },
    });
  });

  it('replaces a list marked $patch: replace and lists without a merge key', () => {
    const live = pod({ containers: [{ name: 'a' }, { name: 'b' }], tolerations: [{ key: 'x' }] });
    expect(
      strategicMergePatch(live, {
        spec: { containers: [{ name: 'c' }, { $patch: 'replace' }], tolerations: [{ key: 'y' }] },
      }),
    ).toEqual(pod({ containers: [{ name: 'c' }], tolerations: [{ key: 'y' }] }));
  });

  it('merges Service ports by port, an added one first', () => {
    const live = { kind: 'Service', spec: { ports: [{ port: 80, name: 'http' }] } };
    expect(strategicMergePatch(live, { spec: { ports: [{ port: 443, name: 'https' }] } })).toEqual({
      kind: 'Service',
      spec: {
        ports: [
          { port: 443, name: 'https' },
          { port: 80, name: 'http' },
        ],
      },
    });
  });
});

describe('the patches kubectl computes', () => {
  it('apply: additions from the live object, deletions from the last applied configuration', () => {
    const original = pod({
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'y' },
      ],
    });
    const modified = pod({ containers: [{ name: 'a', image: 'z' }] });
    const current = pod({
      containers: [
        { name: 'a', image: 'x', imagePullPolicy: 'Always' },
        { name: 'b', image: 'y' },
      ],
    });
    expect(threeWayMergePatch(original, modified, current, 'Pod')).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }],
        containers: [
          { name: 'a', image: 'z' },
          { name: 'b', $patch: 'delete' },
        ],
      },
    });
  });

  it('apply: a strategy with a defaulted field not in the manifest gets $retainKeys even when nothing changed', () => {
    const manifest = { kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate' } } };
    const live = {
      kind: 'Deployment',
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } },
    };
    expect(threeWayMergePatch(manifest, manifest, live, 'Deployment')).toEqual({
      spec: { strategy: { $retainKeys: ['type'] } },
    });
  });

  it('two-way: removed scalars of a merged set go to $deleteFromPrimitiveList', () => {
    const before = { kind: 'ConfigMap', metadata: { finalizers: ['a', 'b'] } };
    const after = { kind: 'ConfigMap', metadata: { finalizers: ['b'] } };
    expect(twoWayMergePatch(before, after, 'ConfigMap')).toEqual({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['b'] },
    });
  });
});
