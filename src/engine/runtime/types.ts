import type { ImageInfo, ServerKind } from './images/types.ts';
import type { ThreadState } from './sh/state.ts';
import type { ContainerFileSystem } from './vfs.ts';

/** LogLine is one line a container wrote, as `kubectl logs` shows it (with --timestamps, `at`). */
export interface LogLine {
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type HttpOutcome =
  | { ok: true; status: number; body: string; headers?: Record<string, string> }
  | { ok: false; error: 'refused' | 'timeout' | 'unresolved'; message: string };

/**
 * NetworkAccess is how a process reaches other pods and Services (wget, curl, nc, nslookup); the
 * network layer implements it. `localhost` never gets here: the runtime answers it from the
 * container's own listening servers.
 */
export interface NetworkAccess {
  http(url: string, options: { timeoutMs: number; method?: string; headers?: Record<string, string> }): HttpOutcome;
  resolve(host: string): string | undefined;
  /** tcp connects without speaking HTTP (nc -z, redis-cli); optional, http() answers when absent */
  tcp?(host: string, port: number, options: { timeoutMs: number }): 'open' | 'refused' | 'timeout' | 'unresolved';
}

/** ContainerContext is what the kubelet hands the runtime at each call: time, env, files, limits, network. */
export interface ContainerContext {
  now: number;
  /** already merged by the kubelet (image env + container env) */
  env: Record<string, string>;
  hostname: string;
  fs: ContainerFileSystem;
  memoryLimitBytes?: number | undefined;
  network?: NetworkAccess | undefined;
  /** the pod's IP, shown by hostname -i and in whoami-style answers */
  podIP?: string | undefined;
}

export type ExitReason = 'Completed' | 'Error' | 'OOMKilled' | 'StartError';

/** ProcessStep is the outcome of running a container's process up to ctx.now. */
export type ProcessStep =
  | {
      status: 'running';
      state: ProcessState;
      /** when to call resumeProcess next; absent = nothing will happen until something external */
      wakeAt?: number;
      logs: LogLine[];
      listening: number[];
      memoryBytes: number;
      cpuMillis: number;
    }
  | {
      status: 'exited';
      exitCode: number;
      /** StartError (exit 128) when the runtime could not start the command; message then says why */
      reason: ExitReason;
      message?: string;
      logs: LogLine[];
      state: ProcessState;
    };

export interface TimedLog {
  afterMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** SigtermBehavior is what a program does on SIGTERM; `ignore` is a PID 1 without a handler. */
export type SigtermBehavior = { afterMs: number; code: number; logs?: TimedLog[] } | 'ignore';

/**
 * ServerLaunch is what a long-running program asks the runtime for when it starts: start-up logs
 * with their offsets, when its ports open, its footprint, and how it ends.
 */
export interface ServerLaunch {
  kind: ServerKind;
  logs: TimedLog[];
  /** ports open this long after start; absent = never listens */
  readyAfterMs?: number;
  ports: number[];
  memoryBytes: number;
  /** when the memory is in use (an allocation ramps up); OOM is checked from then */
  memoryAfterMs?: number;
  cpuMillis: number;
  /** the program ends by itself (a failed start, stress --timeout) */
  exitAfterMs?: number;
  exitCode?: number;
  sigterm: SigtermBehavior;
  /** forks into the background and returns at once (nginx without `daemon off;`) */
  daemon?: boolean;
  /** per-server settings: document root, the text http-echo answers, agnhost's mode … */
  config?: Record<string, string>;
}

export interface ServerState extends ServerLaunch {
  id: number;
  startedAt: number;
  pid: number;
  /** runs as PID 1, so SIGTERM reaches it */
  pid1: boolean;
  exitedAt?: number;
  /** CPU spent on requests, by 10-second bucket, for kubectl top and the HPA */
  load?: { bucket: number; ms: number }[];
}

/**
 * ProcessState is a container's running process as plain JSON: the shell threads, the servers it
 * started, log lines not yet due, and how it ended.
 */
export interface ProcessState {
  v: 1;
  image: ImageInfo;
  /** the command line PID 1 was started with (ps shows it) */
  argv: string[];
  hostname: string;
  startedAt: number;
  /** the time the process has run up to */
  clock: number;
  instructionCarry: number;
  threads: ThreadState[];
  nextThreadId: number;
  nextPid: number;
  servers: ServerState[];
  nextServerId: number;
  /** lines stamped after the last run's now, released as time reaches them */
  pending: LogLine[];
  partial: { stdout: string; stderr: string };
  exit?: { code: number; reason: ExitReason; at: number; message?: string };
  /** a signal PID 1 has a trap for, waiting to be handled */
  signal?: { name: string; at: number };
}
