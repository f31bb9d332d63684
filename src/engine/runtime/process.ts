import { EXEC_IN_STOPPED_CONTAINER, execStartErrorMessage, startErrorMessage } from './errors.ts';
import { DEFAULT_PATH } from './images/data-base.ts';
import type { ImageInfo } from './images/types.ts';
import { localHttp, netClient, REQUEST_BUCKET_MS, type LocalRequest } from './net.ts';
import { stableHex } from './servers/common.ts';
import { sigtermLogs } from './servers/signals.ts';
import { literalWord } from './sh/ast.ts';
import type { Instr } from './sh/compile.ts';
import { baseMemory, nextEvent, runMachine } from './sh/interpret.ts';
import { runSync } from './sh/sync.ts';
import { flushPartial, scopeOf, type Machine } from './sh/machine.ts';
import { listeningPorts } from './sh/servers.ts';
import { newScope, type IoSet, type ThreadState } from './sh/state.ts';
import type { ContainerContext, LogLine, ProcessState, ProcessStep } from './types.ts';

/** TERM_LOOKAHEAD_MS is how far terminateProcess looks ahead for a trap handler to finish. */
const TERM_LOOKAHEAD_MS = 10 * 60 * 1000;
/** DEFAULT_EXEC_TIMEOUT_MS bounds an exec that never ends (kubectl exec … -- tail -f). */
const DEFAULT_EXEC_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * containerArgv applies Kubernetes' rule: `command` replaces ENTRYPOINT and, when set without
 * `args`, drops the image's CMD too; `args` alone replaces CMD.
 */
export function containerArgv(image: ImageInfo, command?: string[], args?: string[]): string[] {
  const hasCommand = command !== undefined && command.length > 0;
  const entrypoint = hasCommand ? command : image.entrypoint;
  const cmd = args !== undefined && args.length > 0 ? args : hasCommand ? [] : image.cmd;
  return [...entrypoint, ...cmd];
}

/** containerEnv adds what the runtime itself sets: PATH, HOSTNAME and HOME. */
function containerEnv(image: ImageInfo, ctx: ContainerContext): Record<string, string> {
  return { PATH: image.env['PATH'] ?? DEFAULT_PATH, HOSTNAME: ctx.hostname, HOME: '/root', ...ctx.env };
}

function rootThread(argv: string[], env: Record<string, string>, cwd: string, io: IoSet, pid: number): ThreadState {
  const code: Instr[] = [
    {
      op: 'simple',
      cmd: { type: 'simple', line: 1, assigns: [], words: argv.map(literalWord), redirects: [] },
      tail: true,
    },
  ];
  return {
    id: 0,
    pid,
    frames: [
      {
        code,
        pc: 0,
        flavor: 'exec',
        name: argv[0] ?? '',
        process: true,
        pid1: true,
        kind: 'script',
        scope: newScope(env, cwd),
        io,
        loops: [],
        pipes: [],
      },
    ],
    status: 0,
    buffers: {},
    nextBuffer: 1,
  };
}

function newProcess(image: ImageInfo, argv: string[], ctx: ContainerContext): ProcessState {
  return {
    v: 1,
    image,
    argv,
    hostname: ctx.hostname,
    startedAt: ctx.now,
    clock: ctx.now,
    instructionCarry: 0,
    threads: [],
    nextThreadId: 1,
    nextPid: 7,
    servers: [],
    nextServerId: 1,
    pending: [],
    partial: { stdout: '', stderr: '' },
  };
}

function machine(proc: ProcessState, host: ProcessState, ctx: ContainerContext): Machine {
  const m: Machine = { proc, host, ctx, net: undefined as never, out: [], instructions: 0, sinceWait: 0 };
  m.net = netClient(host, ctx, (logs) => host.pending.push(...logs));
  return m;
}

/** memoryOf is the process's resident memory now: its shells plus servers (ramping up until their allocation is done). */
function memoryOf(m: Machine, now: number): number {
  let total = baseMemory(m);
  for (const s of m.proc.servers) {
    if (s.exitedAt !== undefined && s.exitedAt <= now) continue;
    total += now >= s.startedAt + (s.memoryAfterMs ?? 0) ? s.memoryBytes : Math.round(s.memoryBytes * 0.3);
  }
  return total;
}

/** cpuOf is the process's CPU use now in millicores: steady server load, busy loops and request work. */
function cpuOf(m: Machine, now: number): number {
  let millis = 0;
  for (const t of m.proc.threads)
    if (t.done === undefined && t.busyUntil !== undefined && t.busyUntil >= now) millis += 1000;
  const window = 3 * REQUEST_BUCKET_MS;
  const firstBucket = Math.floor((now - window) / REQUEST_BUCKET_MS);
  for (const s of m.proc.servers) {
    if (s.exitedAt !== undefined && s.exitedAt <= now) continue;
    const starting = s.readyAfterMs !== undefined && now < s.startedAt + s.readyAfterMs;
    millis += starting ? s.cpuMillis + 200 : s.cpuMillis;
    const busyMs = (s.load ?? []).filter((b) => b.bucket > firstBucket).reduce((sum, b) => sum + b.ms, 0);
    millis += (busyMs / window) * 1000;
  }
  return Math.round(millis);
}

/**
 * processUsage is what a process uses at `now` — steady load plus the requests it served recently — for
 * the metrics API (kubectl top, the HPA), without running it.
 */
export function processUsage(state: ProcessState, now: number): { cpuMillis: number; memoryBytes: number } {
  const m = { proc: state } as Machine;
  if (state.exit) return { cpuMillis: 0, memoryBytes: 0 };
  return { cpuMillis: cpuOf(m, now), memoryBytes: memoryOf(m, now) };
}

/** collect turns a run into a ProcessStep: due log lines out, later ones kept, and when to come back. */
function collect(m: Machine): ProcessStep {
  const { proc, ctx } = m;
  const all = [...proc.pending, ...m.out].sort((a, b) => a.at - b.at);
  const cutoff = proc.exit ? proc.exit.at : ctx.now;
  const logs = all.filter((l) => l.at <= cutoff);
  proc.pending = proc.exit ? [] : all.filter((l) => l.at > cutoff);
  if (proc.exit) {
    const step: ProcessStep = {
      status: 'exited',
      exitCode: proc.exit.code,
      reason: proc.exit.reason,
      logs,
      state: proc,
    };
    if (proc.exit.message !== undefined) step.message = proc.exit.message;
    return step;
  }
  proc.clock = Math.max(proc.clock, ctx.now);
  const candidates: number[] = [];
  const ev = nextEvent(m);
  if (ev) candidates.push(ev.at);
  const firstPending = proc.pending[0];
  if (firstPending) candidates.push(firstPending.at);
  for (const s of proc.servers) {
    if (s.exitedAt !== undefined) continue;
    if (s.readyAfterMs !== undefined) candidates.push(s.startedAt + s.readyAfterMs);
    candidates.push(s.startedAt + (s.memoryAfterMs ?? 0));
  }
  const future = candidates.filter((t) => t > ctx.now);
  const step: ProcessStep = {
    status: 'running',
    state: proc,
    logs,
    listening: listeningPorts(proc.servers, ctx.now),
    memoryBytes: memoryOf(m, ctx.now),
    cpuMillis: cpuOf(m, ctx.now),
  };
  if (future.length > 0) step.wakeAt = Math.min(...future);
  return step;
}

function advance(proc: ProcessState, ctx: ContainerContext): ProcessStep {
  const m = machine(proc, proc, ctx);
  runMachine(m);
  return collect(m);
}

/**
 * startProcess starts a container's main process from its image and the pod's command/args, and
 * runs it up to ctx.now. A missing executable is a StartError (exit 128), as runc reports it.
 */
export function startProcess(
  input: {
    image: ImageInfo;
    command?: string[] | undefined;
    args?: string[] | undefined;
    workingDir?: string | undefined;
    /** stdinOpen is a container with `stdin: true` (kubectl run -i): something may still type into it. */
    stdinOpen?: boolean | undefined;
  },
  ctx: ContainerContext,
): ProcessStep {
  const image = input.image;
  let argv = containerArgv(image, input.command, input.args);
  // A bare shell whose stdin stays open waits for input instead of reading end-of-file and exiting:
  // it is modelled as a shell that idles, so the container keeps running for `kubectl run -it`.
  const shell = argv.length === 1 ? (argv[0] ?? '').split('/').pop() : undefined;
  if (input.stdinOpen && shell && ['sh', 'ash', 'bash', 'dash'].includes(shell))
    argv = [argv[0] as string, '-c', 'while :; do sleep 86400; done'];
  const proc = newProcess(image, argv, ctx);
  if (argv.length === 0) {
    proc.exit = { code: 128, reason: 'StartError', at: ctx.now, message: startErrorMessage('no command specified') };
    return {
      status: 'exited',
      exitCode: 128,
      reason: 'StartError',
      message: proc.exit.message ?? '',
      logs: [],
      state: proc,
    };
  }
  const cwd = input.workingDir || image.workingDir || '/';
  ctx.fs.mkdir(cwd, { parents: true });
  proc.threads.push(
    rootThread(
      argv,
      containerEnv(image, ctx),
      cwd,
      { stdout: { kind: 'log', stream: 'stdout' }, stderr: { kind: 'log', stream: 'stderr' }, stdin: { kind: 'none' } },
      1,
    ),
  );
  return advance(proc, ctx);
}

/** resumeProcess runs the process on to ctx.now; call it at the wakeAt the last step gave. */
export function resumeProcess(state: ProcessState, ctx: ContainerContext): ProcessStep {
  if (state.exit) {
    const step: ProcessStep = {
      status: 'exited',
      exitCode: state.exit.code,
      reason: state.exit.reason,
      logs: [],
      state,
    };
    if (state.exit.message !== undefined) step.message = state.exit.message;
    return step;
  }
  return advance(state, ctx);
}

/**
 * terminateProcess delivers SIGTERM to PID 1. A server that handles it says when it will exit
 * (its goodbye lines are queued for the next resume). A shell or sleep as PID 1 has no handler
 * and the kernel drops the signal: undefined, so the kubelet waits out the grace period and
 * SIGKILLs (exit 137). A shell with a TERM trap runs it between commands; the answer comes from
 * looking ahead on a copy of the process.
 */
export function terminateProcess(
  state: ProcessState,
  signal: 'SIGTERM',
  ctx: ContainerContext,
): { exitsAfterMs: number; exitCode: number } | undefined {
  void signal;
  if (state.exit) return { exitsAfterMs: 0, exitCode: state.exit.code };
  const pid1 = state.servers.find((s) => s.pid1 && s.exitedAt === undefined);
  if (pid1) {
    if (pid1.sigterm === 'ignore') return undefined;
    const { afterMs, code } = pid1.sigterm;
    pid1.exitAfterMs = ctx.now - pid1.startedAt + afterMs;
    pid1.exitCode = code;
    state.pending.push(...sigtermLogs(pid1, ctx.now, state));
    return { exitsAfterMs: afterMs, exitCode: code };
  }
  const main = state.threads[0];
  if (!main || main.done !== undefined || main.frames.length === 0) return undefined;
  const trap = scopeOf(main).traps['TERM'];
  if (trap === undefined || trap === '') return undefined;
  state.signal = { name: 'TERM', at: ctx.now };
  const copy = JSON.parse(JSON.stringify(state)) as ProcessState;
  const ahead = advance(copy, { ...ctx, fs: ctx.fs.clone(), now: ctx.now + TERM_LOOKAHEAD_MS, network: undefined });
  if (ahead.status !== 'exited' || !copy.exit) return undefined;
  return { exitsAfterMs: Math.max(0, copy.exit.at - ctx.now), exitCode: copy.exit.code };
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** the runtime could not run the command at all (no such executable, stopped container) */
  error?: string;
}

/**
 * execInProcess runs a command inside a running container, as `kubectl exec` and exec probes do:
 * the image's environment (not PID 1's shell variables), the container's files, localhost reaching
 * its servers. Time passes virtually through sleeps, bounded by timeoutMs.
 */
export function execInProcess(
  state: ProcessState | undefined,
  argv: string[],
  ctx: ContainerContext,
  options: { stdin?: string | undefined; timeoutMs?: number | undefined } = {},
): ExecResult {
  const failed = (error: string, exitCode = 126): ExecResult => ({
    exitCode,
    stdout: '',
    stderr: '',
    durationMs: 0,
    timedOut: false,
    error,
  });
  if (!state || state.exit) return failed(EXEC_IN_STOPPED_CONTAINER);
  if (argv.length === 0) return failed('exec command is empty');
  const proc = newProcess(state.image, argv, ctx);
  proc.nextPid = state.nextPid + 50;
  const m = machine(proc, state, ctx);
  const thread = rootThread(
    argv,
    containerEnv(state.image, ctx),
    state.image.workingDir || '/',
    {
      stdout: { kind: 'capture', stream: 'stdout' },
      stderr: { kind: 'capture', stream: 'stderr' },
      stdin: { kind: 'none' },
    },
    proc.nextPid++,
  );
  thread.capture = { stdout: '', stderr: '' };
  if (options.stdin !== undefined) {
    thread.buffers['1'] = { data: options.stdin, pos: 0 };
    thread.nextBuffer = 2;
    const root = thread.frames[0];
    if (root) root.io = { ...root.io, stdin: { kind: 'buffer', id: 1 } };
  }
  proc.threads.push(thread);
  const result = runSync(m, thread, options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS);
  flushPartial(m, m.proc.clock);
  const toHost: LogLine[] = m.out;
  if (toHost.length > 0) state.pending.push(...toHost);
  if (thread.startError !== undefined) {
    const id = stableHex(`${argv.join(' ')}@${ctx.now}`, 64);
    return failed(execStartErrorMessage(id, thread.startError), thread.startError.includes('not found') ? 127 : 126);
  }
  return {
    exitCode: result.timedOut ? 124 : result.status,
    stdout: thread.capture.stdout,
    stderr: thread.capture.stderr,
    durationMs: Math.max(0, m.proc.clock - ctx.now),
    timedOut: result.timedOut,
  };
}

export type HttpGetResult =
  | { ok: true; status: number; body: string; headers: Record<string, string>; logs: LogLine[] }
  | { ok: false; error: 'refused' | 'reset' };

/**
 * httpGet sends an HTTP request to a port of the container (httpGet probes, and the network layer
 * delivering Service traffic). `logs` are the access-log lines the server wrote; append them to the
 * container's log. 'reset' means the port speaks another protocol (the client sees EOF).
 */
export function httpGet(
  state: ProcessState,
  port: number,
  path: string,
  ctx: ContainerContext,
  request: LocalRequest = {},
): HttpGetResult {
  return localHttp(state, port, path, ctx, request);
}

/** tcpOpen tells whether a port accepts connections (tcpSocket probes), as of `now` or the last run. */
export function tcpOpen(state: ProcessState, port: number, now?: number): boolean {
  if (state.exit) return false;
  return listeningPorts(state.servers, now ?? state.clock).includes(port);
}
