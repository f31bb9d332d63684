import type { Container, Pod } from 'kubernetes-types/core/v1';
import { goDuration } from '../clock/duration.ts';
import {
  lookupImage,
  parseImageReference,
  pullErrorMessage,
  resumeProcess,
  startProcess,
  terminateProcess,
  type ImageInfo,
  type ProcessStep,
} from '../runtime/index.ts';
import { nextCrashBackOff, nextPullBackOff } from './backoff.ts';
import { containerContext } from './volumes.ts';
import { containerSpec, hex64, hostIPOf, recordPodEvent, schedule, type KubeletContext } from './context.ts';
import { resolveEnvironment } from './env.ts';
import { startProbes } from './probes.ts';
import type { ContainerRuntime, PodRuntime } from './state.ts';

/**
 * Container lifecycle as the kubelet's SyncPod runs it: make sure the image is there (pulling with
 * back-off), build the environment, create and start the container, and when it exits decide
 * whether and when it starts again.
 */
const LOG_LIMIT = 2000;
/** POD_WORKER_BACKOFF_MS is how long the kubelet's pod worker waits before syncing a pod whose last sync failed. */
const POD_WORKER_BACKOFF_MS = 10_000;

function imageFor(
  container: Container,
):
  | { ok: true; image: ImageInfo; name: string }
  | { ok: false; reason: 'InvalidImageName' | 'NotFound'; message: string; name?: string } {
  const parsed = parseImageReference(container.image ?? '');
  if (!parsed.ok) return { ok: false, reason: 'InvalidImageName', message: parsed.message };
  const image = lookupImage(parsed.ref);
  if (!image)
    return {
      ok: false,
      reason: 'NotFound',
      message: pullErrorMessage(container.image ?? '', parsed.ref),
      name: parsed.ref.normalized,
    };
  return { ok: true, image, name: parsed.ref.normalized };
}

/** ensureStarted moves a container that should run one step further: pull, configure, start. */
export function ensureStarted(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, c: ContainerRuntime): void {
  const now = ctx.clock.now;
  if (c.phase === 'running' || c.phase === 'stopping' || c.phase === 'pulling') return;
  if ((c.phase === 'exited' || c.phase === 'pullBackOff') && c.nextAttemptAt !== undefined && c.nextAttemptAt > now)
    return;
  if (c.phase === 'exited' && c.nextAttemptAt === undefined) return;
  const spec = containerSpec(pod, c.name);
  if (!spec) return;
  const node = ctx.state.nodes[runtime.node];
  if (!node) return;
  const resolved = imageFor(spec);
  const imageText = spec.image ?? '';
  if (!resolved.ok && resolved.reason === 'InvalidImageName') {
    if (c.waitingReason !== 'InvalidImageName') {
      recordPodEvent(ctx, pod, runtime, 'Warning', 'InspectFailed', resolved.message, c);
      recordPodEvent(ctx, pod, runtime, 'Warning', 'Failed', 'Error: InvalidImageName', c);
    }
    setWaiting(c, 'InvalidImageName', resolved.message);
    c.phase = 'configError';
    return;
  }
  const normalized = resolved.ok ? resolved.name : (resolved.name ?? imageText);
  const present = node.images.includes(normalized);
  const policy = spec.imagePullPolicy ?? 'IfNotPresent';
  const needsPull = policy === 'Always' || (policy === 'IfNotPresent' && !present);
  if (policy === 'Never' && !present) {
    const message = `Container image "${imageText}" is not present with pull policy of Never`;
    if (c.waitingReason !== 'ErrImageNeverPull') {
      recordPodEvent(ctx, pod, runtime, 'Warning', 'ErrImageNeverPull', message, c);
      recordPodEvent(ctx, pod, runtime, 'Warning', 'Failed', 'Error: ErrImageNeverPull', c);
    }
    setWaiting(c, 'ErrImageNeverPull', message);
    c.phase = 'configError';
    return;
  }
  if (needsPull && c.pullDoneAt === undefined) {
    recordPodEvent(ctx, pod, runtime, 'Normal', 'Pulling', `Pulling image "${imageText}"`, c);
    const inFlight = node.pulls[normalized];
    let doneAt: number;
    if (!resolved.ok) doneAt = now + 800 + ctx.random.int(700);
    else if (inFlight !== undefined && inFlight > now) doneAt = inFlight;
    else doneAt = now + (present ? 400 + ctx.random.int(400) : resolved.image.pullMs);
    if (resolved.ok) node.pulls[normalized] = doneAt;
    c.phase = 'pulling';
    c.pullDoneAt = doneAt;
    c.nextAttemptAt = now;
    // While pulling again, the status keeps showing the last error (ImagePullBackOff, CreateContainerConfigError …).
    const showingError =
      c.waitingReason !== undefined && !['ContainerCreating', 'PodInitializing'].includes(c.waitingReason);
    if (!showingError) {
      const initializing = c.kind === 'main' && runtime.containers.some((x) => x.kind !== 'main') && !c.last;
      setWaiting(c, initializing ? 'PodInitializing' : 'ContainerCreating');
    }
    schedule(ctx, runtime, c, 'pulled', doneAt);
    return;
  }
  if (!resolved.ok) return;
  if (!needsPull && c.pullDoneAt === undefined) {
    recordPodEvent(
      ctx,
      pod,
      runtime,
      'Normal',
      'Pulled',
      `Container image "${imageText}" already present on machine`,
      c,
    );
  }
  c.pullDoneAt = undefined;
  createAndStart(ctx, pod, runtime, c, spec, resolved.image, resolved.name);
}

/** pullFinished is the clock's answer to a pull: the image is there, or the registry said no. */
export function pullFinished(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, c: ContainerRuntime): void {
  const now = ctx.clock.now;
  const spec = containerSpec(pod, c.name);
  const node = ctx.state.nodes[runtime.node];
  if (!spec || !node || c.phase !== 'pulling') return;
  const imageText = spec.image ?? '';
  const resolved = imageFor(spec);
  const startedAt = c.nextAttemptAt ?? now;
  c.nextAttemptAt = undefined;
  if (!resolved.ok) {
    const message = `Failed to pull image "${imageText}": ${resolved.message}`;
    recordPodEvent(ctx, pod, runtime, 'Warning', 'Failed', message, c);
    recordPodEvent(ctx, pod, runtime, 'Warning', 'Failed', 'Error: ErrImagePull', c);
    c.phase = 'pullBackOff';
    c.pullDoneAt = undefined;
    setWaiting(c, 'ErrImagePull', resolved.message);
    c.pullError = resolved.message;
    c.pullBackOffMs = nextPullBackOff(c.pullBackOffMs);
    // The pod worker syncs again after its error back-off (about 10 s) and then reports ImagePullBackOff;
    // the next pull happens once the image back-off has passed after that.
    c.nextAttemptAt = now + POD_WORKER_BACKOFF_MS + c.pullBackOffMs;
    schedule(ctx, runtime, c, 'retry', now + POD_WORKER_BACKOFF_MS);
    return;
  }
  delete node.pulls[resolved.name];
  if (!node.images.includes(resolved.name)) node.images.push(resolved.name);
  const took = Math.max(now - startedAt, 1);
  const pulledFor = goDuration(Math.round(took));
  recordPodEvent(
    ctx,
    pod,
    runtime,
    'Normal',
    'Pulled',
    `Successfully pulled image "${imageText}" in ${pulledFor} (${pulledFor} including waiting). Image size: ${resolved.image.sizeBytes} bytes.`,
    c,
  );
  c.pullBackOffMs = 0;
  c.pullDoneAt = now;
  createAndStart(ctx, pod, runtime, c, spec, resolved.image, resolved.name);
  c.pullDoneAt = undefined;
}

/** pullBackOffTick shows ImagePullBackOff one beat after ErrImagePull, then retries when the back-off ends. */
export function pullRetry(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, c: ContainerRuntime): void {
  const spec = containerSpec(pod, c.name);
  if (!spec || c.phase !== 'pullBackOff') return;
  const now = ctx.clock.now;
  if (c.waitingReason === 'ErrImagePull') {
    recordPodEvent(ctx, pod, runtime, 'Normal', 'BackOff', `Back-off pulling image "${spec.image ?? ''}"`, c);
    recordPodEvent(ctx, pod, runtime, 'Warning', 'Failed', 'Error: ImagePullBackOff', c);
    setWaiting(
      c,
      'ImagePullBackOff',
      `Back-off pulling image "${spec.image ?? ''}": ErrImagePull: ${c.pullError ?? ''}`,
    );
  }
  if (c.nextAttemptAt !== undefined && c.nextAttemptAt > now) {
    schedule(ctx, runtime, c, 'retry', c.nextAttemptAt);
    return;
  }
  c.phase = 'pending';
  c.nextAttemptAt = undefined;
  c.pullDoneAt = undefined;
  ensureStarted(ctx, pod, runtime, c);
}

function setWaiting(c: ContainerRuntime, reason: string, message?: string): void {
  c.waitingReason = reason;
  if (message) c.waitingMessage = message;
  else delete c.waitingMessage;
}

function createAndStart(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  spec: Container,
  image: ImageInfo,
  imageName: string,
): void {
  const now = ctx.clock.now;
  const hostIP = hostIPOf(ctx, runtime.node);
  const env = resolveEnvironment(pod, spec, ctx.server.store, image.env, hostIP);
  if (!env.ok) {
    if (c.waitingReason !== 'CreateContainerConfigError' || c.waitingMessage !== env.message) {
      recordPodEvent(ctx, pod, runtime, 'Warning', 'Failed', `Error: ${env.message}`, c);
    }
    setWaiting(c, 'CreateContainerConfigError', env.message);
    c.phase = 'configError';
    schedule(ctx, runtime, c, 'sync', now + 10_000);
    return;
  }
  c.imageName = imageName;
  c.imageID = `${imageName.replace(/:[^:/]+$/, '')}@sha256:${hex64(imageName)}`;
  c.containerID = `containerd://${hex64(`${runtime.uid}/${c.name}/${ctx.state.containerSeq++}`)}`;
  c.epoch++;
  c.env = env.env;
  const context = containerContext(ctx, pod, runtime, c, spec);
  recordPodEvent(ctx, pod, runtime, 'Normal', 'Created', `Created container: ${c.name}`, c);
  const step = startProcess(
    {
      image,
      ...(spec.command ? { command: spec.command.map((a) => expandArg(a, env.env)) } : {}),
      ...(spec.args ? { args: spec.args.map((a) => expandArg(a, env.env)) } : {}),
      ...(spec.workingDir ? { workingDir: spec.workingDir } : {}),
      ...(spec.stdin ? { stdinOpen: true } : {}),
    },
    context,
  );
  recordPodEvent(ctx, pod, runtime, 'Normal', 'Started', `Started container ${c.name}`, c);
  c.phase = 'running';
  c.startedAt = now;
  c.waitingReason = undefined;
  c.waitingMessage = undefined;
  c.exitCode = undefined;
  c.terminatedReason = undefined;
  c.finishedAt = undefined;
  c.nextAttemptAt = undefined;
  const hasStartup = spec.startupProbe !== undefined;
  c.started = !hasStartup;
  c.ready = spec.readinessProbe === undefined && !hasStartup;
  c.probes = {};
  applyStep(ctx, pod, runtime, c, step);
  if (c.phase === 'running') startProbes(ctx, pod, runtime, c, spec);
}

function expandArg(arg: string, env: Record<string, string>): string {
  return arg.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string | undefined) =>
    match === '$$' ? '$' : name !== undefined && name in env ? (env[name] as string) : match,
  );
}

/** applyStep takes in what the process did: its log lines, and whether it sleeps, runs on or exited. */
export function applyStep(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  step: ProcessStep,
): void {
  c.logs.push(...step.logs);
  if (c.logs.length > LOG_LIMIT) c.logs.splice(0, c.logs.length - LOG_LIMIT);
  if (step.status === 'running') {
    c.process = step.state;
    c.listening = step.listening;
    c.memoryBytes = step.memoryBytes;
    c.cpuMillis = step.cpuMillis;
    if (step.wakeAt !== undefined) schedule(ctx, runtime, c, 'wake', step.wakeAt);
    return;
  }
  containerExited(ctx, pod, runtime, c, step.exitCode, step.reason, step.message);
}

export function wake(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, c: ContainerRuntime): void {
  if (c.phase !== 'running' || !c.process) return;
  const spec = containerSpec(pod, c.name);
  if (!spec) return;
  const context = containerContext(ctx, pod, runtime, c, spec);
  applyStep(ctx, pod, runtime, c, resumeProcess(c.process, context));
}

/** containerExited records the exit and applies the restart policy with the crash back-off. */
export function containerExited(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  exitCode: number,
  reason: string,
  message?: string,
): void {
  const now = ctx.clock.now;
  c.phase = 'exited';
  c.exitCode = exitCode;
  c.terminatedReason = reason;
  c.terminatedMessage = message;
  if (reason === 'StartError' && message) {
    recordPodEvent(
      ctx,
      pod,
      runtime,
      'Warning',
      'Failed',
      `Error: failed to create containerd task: failed to create shim task: ${message}`,
      c,
    );
  }
  c.finishedAt = now;
  c.process = undefined;
  c.listening = [];
  c.memoryBytes = 0;
  c.ready = false;
  c.epoch++;
  c.nextAttemptAt = undefined;
  if (runtime.terminating) return;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let restart: boolean;
  if (c.kind === 'sidecar') restart = true;
  else if (c.stopReason === 'liveness' || c.stopReason === 'startup') restart = policy !== 'Never';
  else if (c.kind === 'init') restart = exitCode !== 0 && policy !== 'Never';
  else restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  c.stopReason = undefined;
  if (!restart) return;
  const ranFor = now - (c.startedAt ?? now);
  const delay = nextCrashBackOff(c.backOffMs, ranFor, c.restartCount);
  c.backOffMs = delay;
  if (delay === 0) {
    beginRestart(c, now);
    return;
  }
  c.nextAttemptAt = now + delay;
  const podRef = `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`;
  c.waitingReason = 'CrashLoopBackOff';
  c.waitingMessage = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podRef}`;
  recordPodEvent(
    ctx,
    pod,
    runtime,
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${c.name} in pod ${podRef}`,
    c,
  );
  schedule(ctx, runtime, c, 'retry', c.nextAttemptAt);
}

/** beginRestart keeps the finished run as lastState and readies the container to start again. */
export function beginRestart(c: ContainerRuntime, now: number): void {
  c.last = {
    exitCode: c.exitCode ?? 0,
    reason: c.terminatedReason ?? 'Completed',
    startedAt: c.startedAt ?? now,
    finishedAt: c.finishedAt ?? now,
  };
  c.restartCount++;
  c.previousLogs = c.logs;
  c.logs = [];
  // A restarted container is a new container from the image: its writable layer starts empty.
  c.rootfs = undefined;
  c.phase = 'pending';
  c.nextAttemptAt = undefined;
  c.pullDoneAt = undefined;
}

/** stopContainer sends SIGTERM and arranges the SIGKILL after the grace period, as killContainer does. */
export function stopContainer(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  graceSeconds: number,
  message: string,
): void {
  const now = ctx.clock.now;
  if (c.phase !== 'running') {
    if (c.phase !== 'stopping' && c.phase !== 'exited') {
      c.phase = 'exited';
      c.nextAttemptAt = undefined;
      c.epoch++;
    }
    return;
  }
  recordPodEvent(ctx, pod, runtime, 'Normal', 'Killing', message, c);
  c.phase = 'stopping';
  c.epoch++;
  const spec = containerSpec(pod, c.name);
  const answer =
    c.process && spec
      ? terminateProcess(c.process, 'SIGTERM', containerContext(ctx, pod, runtime, c, spec))
      : undefined;
  if (answer && answer.exitsAfterMs <= graceSeconds * 1000) {
    const exitAt = now + answer.exitsAfterMs;
    c.killAt = exitAt;
    c.exitCode = answer.exitCode;
    schedule(ctx, runtime, c, 'exit', exitAt);
  } else {
    const killAt = now + graceSeconds * 1000;
    c.killAt = killAt;
    c.exitCode = 137;
    schedule(ctx, runtime, c, 'kill', killAt);
  }
}

export function stopFinished(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, c: ContainerRuntime): void {
  if (c.phase !== 'stopping') return;
  const code = c.exitCode ?? 137;
  const spec = containerSpec(pod, c.name);
  if (c.process && spec && code !== 137) {
    const step = resumeProcess(c.process, containerContext(ctx, pod, runtime, c, spec));
    c.logs.push(...step.logs);
  }
  c.phase = 'running';
  containerExited(ctx, pod, runtime, c, code, code === 0 ? 'Completed' : 'Error');
}
