import type { HttpOutcome, ContainerContext, ProcessState, ServerLaunch } from '../types.ts';
import type { ContainerFileSystem } from '../vfs.ts';
import type { ShellFlavor } from './state.ts';

/** NetClient is the network as a program inside the container sees it: localhost included. */
export interface NetClient {
  http(
    url: string,
    options: { timeoutMs: number; method?: string; headers?: Record<string, string> },
  ): HttpOutcome & { durationMs: number };
  resolve(host: string): string | undefined;
  tcp(host: string, port: number, timeoutMs: number): 'open' | 'refused' | 'timeout' | 'unresolved';
}

/** Invocation is everything a program gets when it starts: argv, env, stdin, cwd and the world. */
export interface Invocation {
  argv: string[];
  env: Record<string, string>;
  /** undefined when stdin is not connected (no TTY, no pipe): shells and REPLs read EOF */
  stdin: string | undefined;
  cwd: string;
  now: number;
  fs: ContainerFileSystem;
  ctx: ContainerContext;
  /** the process the program runs in */
  proc: ProcessState;
  /** the container's main process (PID 1); differs from proc during exec */
  host: ProcessState;
  net: NetClient;
  /** the shell that started the program, for error wording; `exec` when it is the container's argv */
  flavor: ShellFlavor;
}

export type Block =
  { kind: 'forever' } | { kind: 'follow'; path: string; offset: number; retry: boolean; name: string };

/**
 * ProgramResult is what a program did. Output is written when it finishes (after durationMs);
 * `exec` continues as another argv in the same process (entrypoint scripts, tini); `script` asks
 * the interpreter to run shell source; `server` starts a long-running program.
 */
export interface ProgramResult {
  status?: number;
  stdout?: string;
  stderr?: string;
  durationMs?: number;
  block?: Block;
  exec?: string[];
  /** environment changes that go with `exec` (an entrypoint exporting defaults) */
  execEnv?: Record<string, string>;
  script?: { source: string; name: string; args: string[]; flavor: Exclude<ShellFlavor, 'exec'> };
  server?: ServerLaunch;
}

export type Program = (inv: Invocation) => ProgramResult;

/** fail prints an error line and exits with a status (1 unless told). */
export function fail(stderr: string, status = 1): ProgramResult {
  return { status, stderr: stderr.endsWith('\n') ? stderr : stderr + '\n' };
}

/** ok prints to stdout and exits 0. */
export function ok(stdout = ''): ProgramResult {
  return { status: 0, stdout };
}

/** resolvePath makes a path absolute against the program's cwd. */
export function resolvePath(inv: Invocation, path: string): string {
  if (path.startsWith('/')) return path;
  return (inv.cwd.endsWith('/') ? inv.cwd : inv.cwd + '/') + path;
}

/** baseName is the command's own name as it prints it in messages (`cat`, not `/bin/cat`). */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? path : path.slice(i + 1);
}

/** isGnu tells coreutils systems (Debian, Ubuntu, Fedora …) from busybox ones, whose messages differ. */
export function isGnu(inv: Invocation): boolean {
  const os = inv.proc.image.os;
  return os !== 'busybox' && os !== 'alpine' && os !== 'scratch';
}
