import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import { execInProcess, httpGet, tcpOpen } from '../runtime/index.ts';
import {
  containerSpec,
  hostIPOf,
  recordPodEvent,
  schedule,
  type KubeletAction,
  type KubeletContext,
} from './context.ts';
import type { ContainerRuntime, PodRuntime, ProbeState } from './state.ts';
import { containerContext } from './volumes.ts';

/**
 * Probes as pkg/kubelet/prober runs them: each probe has its own worker that waits
 * initialDelaySeconds, then probes every periodSeconds; a result flips only after failureThreshold
 * failures or successThreshold successes. Readiness starts as Failure, liveness as Success, startup
 * as Unknown; liveness and readiness wait until the startup probe has passed.
 */
type ProbeKind = 'liveness' | 'readiness' | 'startup';

const SPEC_FIELD: Record<ProbeKind, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};

const LABEL: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export function startProbes(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  spec: Container,
): void {
  const now = ctx.clock.now;
  for (const kind of ['startup', 'liveness', 'readiness'] as ProbeKind[]) {
    const probe = spec[SPEC_FIELD[kind]];
    if (!probe) continue;
    const initial: ProbeState['result'] =
      kind === 'readiness' ? 'Failure' : kind === 'liveness' ? 'Success' : 'Unknown';
    c.probes[kind] = { result: initial, successes: 0, failures: 0 };
    schedule(ctx, runtime, c, `probe-${kind}` as KubeletAction, now + (probe.initialDelaySeconds ?? 0) * 1000);
  }
  void pod;
}

interface ProbeOutcome {
  ok: boolean;
  detail: string;
  /** errored: the probe could not run at all ("Liveness probe errored: …"), rather than failed. */
  errored?: boolean;
}

function runProbe(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, c: ContainerRuntime, probe: Probe): ProbeOutcome {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  const context = containerContext(ctx, pod, runtime, c);
  const ip = runtime.ip ?? '';
  if (probe.exec) {
    const result = execInProcess(c.process, probe.exec.command ?? [], context, { timeoutMs });
    if (result.error) return { ok: false, detail: result.error, errored: true };
    if (result.timedOut)
      return {
        ok: false,
        detail: `command timed out: "${(probe.exec.command ?? []).join(' ')}" timed out after ${probe.timeoutSeconds ?? 1}s`,
      };
    return { ok: result.exitCode === 0, detail: (result.stdout + result.stderr).replace(/\n$/, '') };
  }
  const port = resolvePort(pod, c.name, probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port ?? 0);
  if (probe.httpGet) {
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${probe.httpGet.host ?? ip}:${port}${path}`;
    if (!c.process) return { ok: false, detail: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
    const hostIP = hostIPOf(ctx, runtime.node);
    const headers: Record<string, string> = { 'User-Agent': `kube-probe/1.35` };
    for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name] = h.value;
    const answer = httpGet(c.process, port, path, context, { headers, ...(hostIP ? { remoteAddr: hostIP } : {}) });
    if (answer.ok) c.logs.push(...answer.logs);
    if (!answer.ok) return { ok: false, detail: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
    if (answer.status >= 200 && answer.status < 400) return { ok: true, detail: '' };
    return { ok: false, detail: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  if (probe.tcpSocket || probe.grpc) {
    const open = c.process ? tcpOpen(c.process, port, ctx.clock.now) : false;
    if (open) return { ok: true, detail: '' };
    if (probe.grpc)
      return {
        ok: false,
        detail: `timeout: failed to connect service "${ip}:${port}" within ${probe.timeoutSeconds ?? 1}s: context deadline exceeded`,
      };
    return { ok: false, detail: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  return { ok: true, detail: '' };
}

function resolvePort(pod: Pod, containerName: string, port: number | string): number {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const spec = containerSpec(pod, containerName);
  return spec?.ports?.find((p) => p.name === port)?.containerPort ?? 0;
}

/** probeTick runs one probe and acts on a result that has crossed its threshold. It returns true when the container was told to stop. */
export function probeTick(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  kind: ProbeKind,
  stop: (message: string, grace: number, reason: 'liveness' | 'startup') => void,
): void {
  const spec = containerSpec(pod, c.name);
  const probe = spec?.[SPEC_FIELD[kind]];
  const state = c.probes[kind];
  if (!probe || !state || c.phase !== 'running') return;
  const now = ctx.clock.now;
  const period = (probe.periodSeconds ?? 10) * 1000;
  const startupPending = kind !== 'startup' && c.probes.startup !== undefined && c.probes.startup.result !== 'Success';
  if (kind === 'startup' && state.result === 'Success') return;
  if (startupPending) {
    schedule(ctx, runtime, c, `probe-${kind}` as KubeletAction, now + period);
    return;
  }
  const outcome = runProbe(ctx, pod, runtime, c, probe);
  if (outcome.ok) {
    state.failures = 0;
    state.successes++;
    if (state.successes >= (probe.successThreshold ?? 1)) state.result = 'Success';
  } else {
    state.successes = 0;
    state.failures++;
    recordPodEvent(
      ctx,
      pod,
      runtime,
      'Warning',
      'Unhealthy',
      `${LABEL[kind]} probe ${outcome.errored ? 'errored' : 'failed'}: ${outcome.detail}`,
      c,
    );
    if (state.failures >= (probe.failureThreshold ?? 3)) state.result = 'Failure';
  }
  state.lastDetail = outcome.detail;
  if (kind === 'readiness') c.ready = state.result === 'Success' && c.started;
  if (kind === 'startup' && state.result === 'Success') {
    c.started = true;
    c.ready = spec?.readinessProbe === undefined;
  }
  const grace = probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if ((kind === 'liveness' || kind === 'startup') && state.result === 'Failure') {
    stop(`Container ${c.name} failed ${kind} probe, will be restarted`, grace, kind);
    return;
  }
  if (kind === 'startup' && state.result === 'Success') return;
  schedule(ctx, runtime, c, `probe-${kind}` as KubeletAction, now + period);
}
