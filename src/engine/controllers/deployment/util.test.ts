import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from '../reconcile/hash.ts';
import { deployment } from '../testing/builders.ts';
import { equalIgnoreHash, lastRevision, maxSurge, maxUnavailable, resolveFenceposts } from './util.ts';

describe('resolveFenceposts (maxSurge rounds up, maxUnavailable rounds down)', () => {
  it.each([
    { surge: '25%', unavailable: '25%', desired: 10, want: [3, 2] },
    { surge: '25%', unavailable: '25%', desired: 4, want: [1, 1] },
    { surge: '25%', unavailable: '25%', desired: 3, want: [1, 0] },
    { surge: '25%', unavailable: '25%', desired: 1, want: [1, 0] },
    { surge: 0, unavailable: 0, desired: 5, want: [0, 1] },
    { surge: '0%', unavailable: '10%', desired: 5, want: [0, 1] },
    { surge: 2, unavailable: 1, desired: 5, want: [2, 1] },
    { surge: '50%', unavailable: '50%', desired: 3, want: [2, 1] },
  ])('maxSurge $surge, maxUnavailable $unavailable of $desired → $want', ({ surge, unavailable, desired, want }) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual(want);
  });

  it('maxUnavailable never exceeds the replicas, and is 0 for Recreate or zero replicas', () => {
    expect(maxUnavailable(deployment('web').replicas(2).rolling(0, 5).obj())).toBe(2);
    expect(maxUnavailable(deployment('web').replicas(0).obj())).toBe(0);
    expect(maxUnavailable(deployment('web').replicas(3).recreate().obj())).toBe(0);
    expect(maxSurge(deployment('web').replicas(3).recreate().obj())).toBe(0);
  });
});

describe('pod-template-hash', () => {
  it('is SafeEncodeString of the decimal FNV-32a sum', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(fnv32a(new TextEncoder().encode(''))).toBe(0x811c9dc5);
    expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    const hash = computeHash({ metadata: { labels: { app: 'web' } } });
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('does not depend on key order, and changes with the collision count', () => {
    expect(computeHash({ a: 1, b: { c: 2, d: 3 } })).toBe(computeHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(computeHash({ a: 1 }, 1)).not.toBe(computeHash({ a: 1 }));
  });

  it('equalIgnoreHash ignores only the pod-template-hash label', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const hashed = { ...t, metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } };
    expect(equalIgnoreHash(t, hashed)).toBe(true);
    expect(equalIgnoreHash(t, { ...t, spec: { containers: [{ name: 'web', image: 'nginx:2' }] } })).toBe(false);
  });
});

describe('lastRevision is what `rollout undo` returns to: the second highest', () => {
  const rs = (revision: number) => ({
    metadata: { annotations: { 'deployment.kubernetes.io/revision': String(revision) } },
  });
  it.each([
    { revisions: [1, 2, 3], want: 2 },
    { revisions: [3, 1, 2], want: 2 },
    { revisions: [5], want: 0 },
    { revisions: [4, 4], want: 4 },
  ])('$revisions → $want', ({ revisions, want }) => {
    expect(lastRevision(revisions.map(rs))).toBe(want);
  });
});
