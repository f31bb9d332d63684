import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../clock/clock.ts';
import type { ContainerRuntime, PodRuntime } from './state.ts';

/**
 * podStatusFrom turns the kubelet's runtime view into the PodStatus it reports, following
 * kubelet_pods.go (getPhase, convertToAPIContainerStatuses) and the status manager's conditions.
 */
export function podStatusFrom(pod: Pod, runtime: PodRuntime, hostIP: string, now: number): PodStatus {
  const old = pod.status ?? {};
  const spec = pod.spec ?? { containers: [] };
  const inits = runtime.containers.filter((c) => c.kind !== 'main');
  const mains = runtime.containers.filter((c) => c.kind === 'main');
  const initStatuses = inits.map((c) => containerStatus(c, imageOf(pod, c.name)));
  const mainStatuses = mains.map((c) => containerStatus(c, imageOf(pod, c.name)));

  const initsDone = inits.every((c) => (c.kind === 'sidecar' ? c.started : c.phase === 'exited' && c.exitCode === 0));
  const phase = computePhase(pod, runtime, initsDone);
  const containersReady =
    mains.every((c) => c.ready) && inits.filter((c) => c.kind === 'sidecar').every((c) => c.ready);
  const transition = (type: string, status: 'True' | 'False') => {
    const previous = (old.conditions ?? []).find((c) => c.type === type);
    return previous && previous.status === status && previous.lastTransitionTime
      ? previous.lastTransitionTime
      : rfc3339(now);
  };
  const condition = (type: string, ok: boolean, reason?: string, message?: string): PodCondition =>
    ({
      type,
      status: ok ? 'True' : 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: transition(type, ok ? 'True' : 'False'),
      ...(ok || !reason ? {} : { reason }),
      ...(ok || !message ? {} : { message }),
      observedGeneration: pod.metadata?.generation ?? 1,
    }) as PodCondition;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const unready = mains.filter((c) => !c.ready).map((c) => c.name);
  const notInitialized = inits
    .filter((c) => !(c.kind === 'sidecar' ? c.started : c.phase === 'exited' && c.exitCode === 0))
    .map((c) => c.name);
  const readyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', runtime.sandboxReadyAt !== undefined && !runtime.finished),
    condition(
      'Initialized',
      initsDone || terminal,
      'ContainersNotInitialized',
      `containers with incomplete status: [${notInitialized.join(' ')}]`,
    ),
    condition(
      'Ready',
      containersReady && !terminal,
      readyReason,
      terminal ? undefined : `containers with unready status: [${unready.join(' ')}]`,
    ),
    condition(
      'ContainersReady',
      containersReady && !terminal,
      readyReason,
      terminal ? undefined : `containers with unready status: [${unready.join(' ')}]`,
    ),
    ...(old.conditions ?? []).filter((c) => c.type === 'PodScheduled'),
  ];
  if (terminal && inits.length > 0) {
    const init = conditions[1] as PodCondition & { reason?: string };
    if (init.status === 'True' && phase === 'Succeeded') Object.assign(init, { reason: 'PodCompleted' });
  }
  const status: PodStatus = {
    observedGeneration: pod.metadata?.generation ?? 1,
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(runtime.ip ? { podIP: runtime.ip, podIPs: [{ ip: runtime.ip }] } : {}),
    startTime: rfc3339(runtime.startedAt),
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: mainStatuses,
    qosClass: old.qosClass ?? 'BestEffort',
  } as PodStatus;
  void spec;
  return status;
}

function imageOf(pod: Pod, name: string): string {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return all.find((c) => c.name === name)?.image ?? '';
}

function containerStatus(c: ContainerRuntime, image: string): ContainerStatus {
  let state: ContainerStatus['state'];
  if (c.phase === 'running' || c.phase === 'stopping') state = { running: { startedAt: rfc3339(c.startedAt ?? 0) } };
  else if (c.phase === 'exited' && c.nextAttemptAt === undefined) {
    state = {
      terminated: {
        exitCode: c.exitCode ?? 0,
        reason: c.terminatedReason ?? 'Completed',
        ...(c.terminatedMessage ? { message: c.terminatedMessage } : {}),
        startedAt: rfc3339(c.startedAt ?? 0),
        finishedAt: rfc3339(c.finishedAt ?? 0),
        containerID: c.containerID ?? '',
      },
    };
  } else {
    state = {
      waiting: {
        reason: c.waitingReason ?? 'ContainerCreating',
        ...(c.waitingMessage ? { message: c.waitingMessage } : {}),
      },
    };
  }
  const last = c.last
    ? {
        terminated: {
          exitCode: c.last.exitCode,
          reason: c.last.reason,
          startedAt: rfc3339(c.last.startedAt),
          finishedAt: rfc3339(c.last.finishedAt),
          containerID: c.containerID ?? '',
        },
      }
    : {};
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState: last,
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.imageName ?? image,
    imageID: c.imageID ?? '',
    ...(c.containerID && (c.phase === 'running' || c.phase === 'stopping' || c.phase === 'exited')
      ? { containerID: c.containerID }
      : {}),
    started: c.started,
  } as ContainerStatus;
  return status;
}

function computePhase(pod: Pod, runtime: PodRuntime, initsDone: boolean): string {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const inits = runtime.containers.filter((c) => c.kind === 'init');
  const initFailed = inits.some(
    (c) => c.phase === 'exited' && (c.exitCode ?? 0) !== 0 && c.nextAttemptAt === undefined,
  );
  if (initFailed && policy === 'Never') return 'Failed';
  if (!initsDone) return 'Pending';
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  let waiting = 0;
  for (const c of runtime.containers.filter((x) => x.kind === 'main')) {
    if (c.phase === 'running' || c.phase === 'stopping') running++;
    else if (c.phase === 'exited' && c.nextAttemptAt === undefined) {
      stopped++;
      if (c.exitCode === 0) succeeded++;
    } else if (c.last) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
