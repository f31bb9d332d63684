import type { Instr } from './compile.ts';

/**
 * ShellFlavor is which shell runs a frame: busybox ash (busybox, alpine), dash (Debian's /bin/sh),
 * bash, or `exec` for the container's own argv, which no shell interprets (no builtins, and a
 * missing binary is a StartError rather than `sh: foo: not found`).
 */
export type ShellFlavor = 'exec' | 'ash' | 'dash' | 'bash';

/** Scope is what a shell process owns and a subshell copies: variables, cwd, functions, traps. */
export interface Scope {
  vars: Record<string, string>;
  exported: Record<string, true>;
  cwd: string;
  functions: Record<string, Instr[]>;
  traps: Record<string, string>;
  errexit?: true;
}

/** OutTarget is where a file descriptor writes. */
export type OutTarget =
  | { kind: 'log'; stream: 'stdout' | 'stderr' }
  | { kind: 'capture'; stream: 'stdout' | 'stderr' }
  | { kind: 'file'; path: string }
  | { kind: 'buffer'; id: number }
  | { kind: 'null' };

export type InSource = { kind: 'none' } | { kind: 'buffer'; id: number };

export interface IoSet {
  stdout: OutTarget;
  stderr: OutTarget;
  stdin: InSource;
}

export interface LoopState {
  breakTo: number;
  continueTo: number;
  /** status of the last completed body, the loop's own status when it ends */
  last: number;
  items?: string[];
  index?: number;
}

/** Frame is one activation: a script, a function call or a compound command with its own I/O. */
export interface Frame {
  code: Instr[];
  pc: number;
  flavor: ShellFlavor;
  /** $0, and the name shells put in front of their error messages */
  name: string;
  /** a process boundary: `exit` unwinds to here; subshells and child shells */
  process: boolean;
  /** code here runs as PID 1, so a command in tail position replaces it (exec) */
  pid1: boolean;
  kind: 'script' | 'block' | 'function' | 'trap';
  scope?: Scope;
  locals?: Record<string, string>;
  positional?: string[];
  io: IoSet;
  loops: LoopState[];
  pipes: { input?: number; output: number }[];
  /** stdin buffers opened for this frame (`done < file`), freed when it ends */
  owned?: number[];
}

/** Wait is why a thread is not runnable right now. */
export type Wait =
  | { kind: 'sleep'; until: number }
  | { kind: 'forever' }
  | { kind: 'server'; id: number }
  | { kind: 'follow'; path: string; offset: number; next: number; out: OutTarget; retry: boolean; name: string }
  | { kind: 'join'; threads: number[] };

export interface Buffer {
  data: string;
  pos: number;
}

/** ThreadState is one line of execution: the main script, or a job started with `&`. */
export interface ThreadState {
  id: number;
  pid: number;
  frames: Frame[];
  status: number;
  wait?: Wait;
  buffers: Record<string, Buffer>;
  nextBuffer: number;
  capture?: { stdout: string; stderr: string };
  done?: number;
  /** CPU-bound until this time (a loop that never sleeps) */
  busyUntil?: number;
  /** the runtime could not exec the thread's command (runc's detail, e.g. `exec: "foo": executable file not found in $PATH`) */
  startError?: string;
  /** the last job started with `&`, for $! */
  lastBackground?: number;
}

/** newScope builds a fresh process scope from an environment (every variable exported). */
export function newScope(env: Record<string, string>, cwd: string): Scope {
  const exported: Record<string, true> = {};
  for (const key of Object.keys(env)) exported[key] = true;
  return { vars: { ...env }, exported, cwd, functions: {}, traps: {} };
}

/** copyScope is fork(): a subshell gets a copy of everything. */
export function copyScope(scope: Scope): Scope {
  return JSON.parse(JSON.stringify(scope)) as Scope;
}

/** childScope is exec() of a new shell: only exported variables survive. */
export function childScope(scope: Scope): Scope {
  const env: Record<string, string> = {};
  for (const key of Object.keys(scope.exported)) {
    const value = scope.vars[key];
    if (value !== undefined) env[key] = value;
  }
  return newScope(env, scope.cwd);
}
