import { describe, expect, it } from 'vitest';
import { ObjectStore, type StoredChange } from './store.ts';
import type { KubeObject } from './types.ts';

const pod = (namespace: string, name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name },
});

describe('ObjectStore', () => {
  it('stamps increasing resourceVersions and reports ADDED, MODIFIED and DELETED', () => {
    const store = new ObjectStore();
    const changes: StoredChange[] = [];
    store.subscribe((c) => changes.push(c));
    const a = store.put('pods', pod('default', 'a'));
    const b = store.put('pods', { ...pod('default', 'a'), metadata: { ...a.metadata } });
    store.remove('pods', 'default', 'a');
    expect(changes.map((c) => c.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(store.get('pods', 'default', 'a')).toBeUndefined();
  });

  it('lists by namespace, and all namespaces in namespace then name order', () => {
    const store = new ObjectStore();
    for (const [ns, name] of [
      ['web', 'b'],
      ['default', 'z'],
      ['web', 'a'],
      ['default', 'c'],
    ] as const)
      store.put('pods', pod(ns, name));
    expect(store.list('pods', 'web').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(store.list('pods').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'default/c',
      'default/z',
      'web/a',
      'web/b',
    ]);
    expect(store.count('pods')).toBe(4);
  });

  it('restores from a JSON snapshot with the same objects and resourceVersion', () => {
    const store = new ObjectStore();
    store.put('pods', pod('default', 'a'));
    store.put('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { namespace: 'default', name: 'cm' },
      data: { k: 'v' },
    });
    const restored = ObjectStore.restore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(restored.resourceVersion).toBe(store.resourceVersion);
    expect(restored.get('configmaps', 'default', 'cm')).toEqual(store.get('configmaps', 'default', 'cm'));
  });
});
