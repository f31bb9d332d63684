/**
 * Back-off schedules of the kubelet (pkg/kubelet/kubelet.go: backOffPeriod 10s, MaxContainerBackOff 300s).
 * A container that crashes restarts at once the first time, then after 10s, 20s, 40s … 5m; a
 * container that ran for 10 minutes before crashing starts over. Image pulls back off the same way.
 */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;
export const BACKOFF_RESET_MS = 10 * 60_000;

/** nextCrashBackOff is the wait before the next restart, given the current back-off and how long the container ran. */
export function nextCrashBackOff(currentMs: number, ranForMs: number, restartCount: number): number {
  if (ranForMs >= BACKOFF_RESET_MS) return 0;
  if (restartCount === 0) return 0;
  if (currentMs === 0) return INITIAL_BACKOFF_MS;
  return Math.min(currentMs * 2, MAX_BACKOFF_MS);
}

export function nextPullBackOff(currentMs: number): number {
  if (currentMs === 0) return INITIAL_BACKOFF_MS;
  return Math.min(currentMs * 2, MAX_BACKOFF_MS);
}
