import { describe, expect, it } from 'vitest';
import { behaviorOf } from './hpa.ts';
import { normalizeWithBehavior, resourceReplicas, type PodSample } from './replicas.ts';

const pod = (usage: number | undefined, ready = true): PodSample => ({ name: 'p', request: 200, usage, ready });

describe('replica calculator', () => {
  it.each([
    ['within tolerance keeps the count', [pod(105), pod(95)], 2, 2],
    ['double the target doubles the pods', [pod(200), pod(200)], 2, 4],
    ['idle scales down', [pod(10), pod(10)], 2, 1],
    ['missing metrics count as 100% on scale-down', [pod(10), pod(undefined)], 2, 2],
    ['missing metrics count as 0% on scale-up', [pod(400), pod(undefined)], 2, 4],
    ['unready pods count as 0% on scale-up', [pod(400), pod(400, false)], 2, 4],
  ])('GetResourceReplicas: %s (target 50%%)', (_name, pods, current, want) => {
    expect(resourceReplicas(current, 50, pods, true)?.replicas).toBe(want);
  });

  it('reports utilization of the pods with metrics', () => {
    expect(resourceReplicas(1, 50, [pod(100)], true)).toEqual({ replicas: 1, utilization: 50, averageValue: 100 });
    expect(resourceReplicas(1, 50, [pod(undefined)], true)).toBeUndefined();
  });
});

describe('behavior normalization', () => {
  const behavior = behaviorOf({ maxReplicas: 10, scaleTargetRef: { kind: 'Deployment', name: 'x' } });

  it('a scale-down waits for the highest recommendation of the last 300 s', () => {
    const n = normalizeWithBehavior(4, 1, [{ at: 0, replicas: 4 }], 100_000, behavior, 1, 10);
    expect(n.replicas).toBe(4);
    expect(n.ableToScale.reason).toBe('ScaleDownStabilized');
    expect(normalizeWithBehavior(4, 1, [{ at: 0, replicas: 4 }], 301_000, behavior, 1, 10).replicas).toBe(1);
  });

  it.each([
    ['max', 8, 20, 10, 'TooManyReplicas'],
    ['rate: 4 pods or 100% per period', 1, 9, 5, 'ScaleUpLimit'],
    ['min', 3, 0, 1, 'TooFewReplicas'],
    ['in range', 3, 5, 5, 'DesiredWithinRange'],
  ])('ScalingLimited: %s', (_name, current, desired, want, reason) => {
    const n = normalizeWithBehavior(current, desired, [], 0, behavior, 1, 10);
    expect([n.replicas, n.limited.reason]).toEqual([want, reason]);
  });
});
