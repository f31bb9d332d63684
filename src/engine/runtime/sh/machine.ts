import type { ContainerContext, LogLine, ProcessState } from '../types.ts';
import type { NetClient } from './program.ts';
import type { Frame, IoSet, OutTarget, Scope, ThreadState } from './state.ts';

/**
 * Machine is the transient view of one run: the process being advanced, the container's main
 * process (whose servers answer localhost; the same object except during exec), the context and the
 * log lines produced. Nothing here is snapshotted except `proc`.
 */
export interface Machine {
  proc: ProcessState;
  host: ProcessState;
  ctx: ContainerContext;
  net: NetClient;
  out: LogLine[];
  instructions: number;
  /** instructions since a thread last waited on time, for busy-loop detection */
  sinceWait: number;
}

/** Budgets: a run stops after MAX_INSTRUCTIONS; a thread that runs BUSY_INSTRUCTIONS without waiting is CPU-bound. */
export const MAX_INSTRUCTIONS = 100_000;
export const BUSY_INSTRUCTIONS = 10_000;
/** a CPU-bound thread is parked this long after each busy slice, so a `while :; do :; done` costs little */
export const BUSY_SLICE_MS = 2000;
export const INSTRUCTIONS_PER_MS = 1000;
/** tail -f polls its file this often */
export const FOLLOW_POLL_MS = 1000;

export function topFrame(t: ThreadState): Frame | undefined {
  return t.frames[t.frames.length - 1];
}

/** scopeOf is the innermost process scope (variables, cwd, functions, traps) of a thread. */
export function scopeOf(t: ThreadState): Scope {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const scope = t.frames[i]?.scope;
    if (scope) return scope;
  }
  throw new Error('thread without a scope');
}

export function lookupVar(t: ThreadState, name: string): string | undefined {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const f = t.frames[i];
    if (!f) continue;
    if (f.locals && Object.hasOwn(f.locals, name)) return f.locals[name];
    if (f.scope) return Object.hasOwn(f.scope.vars, name) ? f.scope.vars[name] : undefined;
  }
  return undefined;
}

export function assignVar(t: ThreadState, name: string, value: string): void {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const f = t.frames[i];
    if (!f) continue;
    if (f.locals && Object.hasOwn(f.locals, name)) {
      f.locals[name] = value;
      return;
    }
    if (f.scope) {
      f.scope.vars[name] = value;
      return;
    }
  }
}

export function positionalOf(t: ThreadState): string[] {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const p = t.frames[i]?.positional;
    if (p) return p;
  }
  return [];
}

export function setPositional(t: ThreadState, values: string[]): void {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const f = t.frames[i];
    if (f?.positional) {
      f.positional = values;
      return;
    }
  }
}

/** processFrameIndex finds the frame `exit` unwinds to. */
export function processFrameIndex(t: ThreadState): number {
  for (let i = t.frames.length - 1; i >= 0; i--) if (t.frames[i]?.process) return i;
  return 0;
}

/** exportedEnv is the environment a child process gets. */
export function exportedEnv(t: ThreadState): Record<string, string> {
  const scope = scopeOf(t);
  const env: Record<string, string> = {};
  for (const key of Object.keys(scope.exported)) {
    const value = lookupVar(t, key);
    if (value !== undefined) env[key] = value;
  }
  return env;
}

export function newBuffer(t: ThreadState, data = ''): number {
  const id = t.nextBuffer++;
  t.buffers[String(id)] = { data, pos: 0 };
  return id;
}

export function freeBuffer(t: ThreadState, id: number | undefined): void {
  if (id !== undefined) delete t.buffers[String(id)];
}

/** readAll drains what is left of a stdin source (programs read to EOF). */
export function readAll(t: ThreadState, io: IoSet): string | undefined {
  if (io.stdin.kind === 'none') return undefined;
  const buf = t.buffers[String(io.stdin.id)];
  if (!buf) return '';
  const rest = buf.data.slice(buf.pos);
  buf.pos = buf.data.length;
  return rest;
}

/** readLine takes one line from stdin for `read`; undefined at EOF. */
export function readLine(t: ThreadState, io: IoSet): string | undefined {
  if (io.stdin.kind === 'none') return undefined;
  const buf = t.buffers[String(io.stdin.id)];
  if (!buf || buf.pos >= buf.data.length) return undefined;
  const nl = buf.data.indexOf('\n', buf.pos);
  const end = nl === -1 ? buf.data.length : nl;
  const line = buf.data.slice(buf.pos, end);
  buf.pos = nl === -1 ? buf.data.length : nl + 1;
  return line;
}

/** write sends output to where a descriptor points, stamped `at` when it reaches the log. */
export function write(m: Machine, t: ThreadState, target: OutTarget, text: string, at: number): void {
  if (text === '') return;
  switch (target.kind) {
    case 'log':
      appendLog(m, target.stream, text, at);
      return;
    case 'capture':
      if (t.capture) t.capture[target.stream] += text;
      else appendLog(m, target.stream, text, at);
      return;
    case 'file':
      m.ctx.fs.writeFile(target.path, text, { append: true, now: at });
      return;
    case 'buffer': {
      const buf = t.buffers[String(target.id)];
      if (buf) buf.data += text;
      return;
    }
    case 'null':
      return;
  }
}

/** appendLog splits text into log lines; a line without its newline waits for the rest. */
export function appendLog(m: Machine, stream: 'stdout' | 'stderr', text: string, at: number): void {
  const joined = m.proc.partial[stream] + text;
  const lines = joined.split('\n');
  m.proc.partial[stream] = lines.pop() ?? '';
  for (const line of lines) m.out.push({ at, stream, text: line });
}

/** flushPartial emits unterminated output when the process ends, as the log driver does. */
export function flushPartial(m: Machine, at: number): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const rest = m.proc.partial[stream];
    if (rest) m.out.push({ at, stream, text: rest });
    m.proc.partial[stream] = '';
  }
}

/** newThread creates a thread whose root frame runs the given code. */
export function newThread(m: Machine, root: Omit<Frame, 'loops' | 'pipes' | 'pc'>, pid?: number): ThreadState {
  const t: ThreadState = {
    id: m.proc.nextThreadId++,
    pid: pid ?? m.proc.nextPid++,
    frames: [{ ...root, pc: 0, loops: [], pipes: [] }],
    status: 0,
    buffers: {},
    nextBuffer: 1,
  };
  return t;
}
