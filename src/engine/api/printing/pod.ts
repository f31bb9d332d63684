import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../clock/duration.ts';

/**
 * podSummary computes READY, STATUS and RESTARTS exactly as kubectl's printPod does
 * (pkg/printers/internalversion/printers.go): init containers first, then main containers from
 * last to first so the first container's reason wins, then Terminating over everything.
 */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
  restartCount: number;
}

function isRestartableInit(pod: Pod, name: string): boolean {
  return (pod.spec?.initContainers ?? []).some((c) => c.name === name && c.restartPolicy === 'Always');
}

function finishedAt(status: ContainerStatus): number | undefined {
  const at = status.lastState?.terminated?.finishedAt;
  return at ? Date.parse(at) : undefined;
}

export function podSummary(pod: Pod, now: number): PodSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined) =>
    a === undefined ? b : b === undefined ? a : Math.max(a, b);

  const phase = status.phase ?? '';
  let reason = status.reason ? status.reason : phase;
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initCount = (spec.initContainers ?? []).length;
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') totalContainers++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i] as ContainerStatus;
    restarts += container.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedAt(container));
    const restartable = isRestartableInit(pod, container.name);
    if (restartable) {
      restartableInitRestarts += container.restartCount ?? 0;
      lastRestartableInitRestart = later(lastRestartableInitRestart, finishedAt(container));
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else reason = `Init:${terminated.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i] as ContainerStatus;
      restarts += container.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedAt(container));
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (terminated && terminated.reason) reason = terminated.reason;
      else if (terminated)
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined)
    restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return {
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts: restartsText,
    restartCount: restarts,
  };
}

/** podStatusText is the STATUS column alone, for the diagram and lesson goals. */
export function podStatusText(pod: Pod, now = 0): string {
  return podSummary(pod, now).status;
}
