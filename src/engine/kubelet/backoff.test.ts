import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextCrashBackOff, nextPullBackOff } from './backoff.ts';

describe('crash back-off (kubelet backOffPeriod 10s, MaxContainerBackOff 5m)', () => {
  it('restarts at once after the first crash, then waits 10s, 20s, 40s, 1m20s, 2m40s and 5m0s', () => {
    const waits: number[] = [];
    let current = 0;
    for (let restartCount = 0; restartCount < 8; restartCount++) {
      current = nextCrashBackOff(current, 1000, restartCount);
      waits.push(current / 1000);
    }
    expect(waits).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('starts over after a container ran for ten minutes', () => {
    expect(nextCrashBackOff(MAX_BACKOFF_MS, 10 * 60_000, 7)).toBe(0);
    expect(nextCrashBackOff(MAX_BACKOFF_MS, 10 * 60_000 - 1, 7)).toBe(MAX_BACKOFF_MS);
  });

  it('backs image pulls off from 10s doubling to 5m', () => {
    const waits: number[] = [];
    let current = 0;
    for (let i = 0; i < 7; i++) waits.push((current = nextPullBackOff(current)) / 1000);
    expect(waits).toEqual([10, 20, 40, 80, 160, 300, 300]);
  });
});
