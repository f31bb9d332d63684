import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { cordonTaints, evictionDecision, type EvictionDecision } from './taints.ts';

const taint: Taint = { key: 'maintenance', value: 'now', effect: 'NoExecute' };

describe('taint eviction', () => {
  it.each([
    ['no NoExecute taint', [], [], { type: 'cancel' }],
    ['not tolerated', [taint], [], { type: 'now' }],
    [
      'tolerated forever',
      [taint],
      [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute' }],
      { type: 'cancel' },
    ],
    [
      'tolerated for 60s',
      [taint],
      [{ key: 'maintenance', operator: 'Exists', tolerationSeconds: 60 }],
      { type: 'after', ms: 60_000 },
    ],
    ['zero seconds is now', [taint], [{ operator: 'Exists', tolerationSeconds: 0 }], { type: 'now' }],
    ['wrong value', [taint], [{ key: 'maintenance', value: 'later' }], { type: 'now' }],
  ] as [string, Taint[], Toleration[], EvictionDecision][])('processPodOnNode: %s', (_n, taints, tolerations, want) => {
    expect(evictionDecision(taints, tolerations)).toEqual(want);
  });

  it('cordon adds the unschedulable taint once and uncordon removes it', () => {
    const cordoned: Node = { spec: { unschedulable: true } };
    const taints = cordonTaints(cordoned, '2026-01-05T09:00:00Z');
    expect(taints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-05T09:00:00Z' },
    ]);
    expect(cordonTaints({ spec: { unschedulable: true, taints: taints ?? [] } }, '')).toBeUndefined();
    expect(cordonTaints({ spec: { taints: taints ?? [] } }, '')).toEqual([]);
  });
});
