import type { Instr } from './compile.ts';
import { dispatch } from './dispatch.ts';
import { expandString, expandWords } from './expand.ts';
import { expandEnv, type ExpansionCost } from './expand-env.ts';
import { freeBuffer, processFrameIndex, scopeOf, write, type Machine } from './machine.ts';
import * as msg from './messages.ts';
import { ExpansionError } from './messages.ts';
import { resolveIo } from './redirect.ts';
import { copyScope, type Frame, type IoSet, type ShellFlavor, type ThreadState } from './state.ts';

export { dispatch } from './dispatch.ts';
export { resolveIo } from './redirect.ts';

/** Launch is one command about to run: its argv, prefix assignments and resolved I/O. */
export interface Launch {
  argv: string[];
  assigns: [string, string][];
  io: IoSet;
  /** in tail position: a PID 1 shell would exec it */
  tail: boolean;
  line: number;
  /** when it starts (after any command substitutions it waited for) */
  at: number;
  owned: number[];
}

type ShellName = Exclude<ShellFlavor, 'exec'>;

function shellFlavor(f: Frame): ShellName {
  return f.flavor === 'exec' ? 'ash' : f.flavor;
}

/** reportError prints a shell error on the frame's stderr and sets the status. */
export function reportError(m: Machine, t: ThreadState, f: Frame, line: number, message: string, status = 1): void {
  write(m, t, f.io.stderr, msg.expansionFailed(shellFlavor(f), f.name, line, message) + '\n', m.proc.clock);
  t.status = status;
  f.pc++;
}

/** waitUntil parks the thread until a time, if it lies ahead. */
export function waitUntil(m: Machine, t: ThreadState, at: number): void {
  if (at > m.proc.clock) t.wait = { kind: 'sleep', until: at };
}

export function execSimple(m: Machine, t: ThreadState, f: Frame, ins: Extract<Instr, { op: 'simple' }>): void {
  const cmd = ins.cmd;
  const cost: ExpansionCost = { elapsedMs: 0 };
  const env = expandEnv(m, t, cost);
  let argv: string[];
  let assigns: [string, string][];
  try {
    argv = expandWords(cmd.words, env);
    assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, env)]);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    write(m, t, f.io.stderr, msg.expansionFailed(shellFlavor(f), f.name, cmd.line, e.message) + '\n', m.proc.clock);
    exitShell(t, e.status);
    return;
  }
  const owned: number[] = [];
  const io = resolveIo(m, t, f, ins.pipe, cmd.redirects, env, owned, cmd.line);
  f.pc++;
  const at = m.proc.clock + cost.elapsedMs;
  if (!io.ok) {
    write(m, t, f.io.stderr, io.message + '\n', m.proc.clock);
    t.status = f.flavor === 'dash' ? 2 : 1;
    for (const id of owned) freeBuffer(t, id);
    waitUntil(m, t, at);
    return;
  }
  if (argv.length === 0) {
    for (const [k, v] of assigns) setVar(t, k, v);
    t.status = cost.status ?? 0;
    for (const id of owned) freeBuffer(t, id);
    waitUntil(m, t, at);
    return;
  }
  dispatch(m, t, f, { argv, assigns, io: io.io, tail: ins.tail === true, line: cmd.line, at, owned });
}

export function setVar(t: ThreadState, name: string, value: string): void {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const fr = t.frames[i];
    if (fr?.locals && Object.hasOwn(fr.locals, name)) {
      fr.locals[name] = value;
      return;
    }
    if (fr?.scope) {
      fr.scope.vars[name] = value;
      return;
    }
  }
}

/** exitShell unwinds to the innermost process frame, as `exit` does. */
export function exitShell(t: ThreadState, status: number): void {
  const idx = processFrameIndex(t);
  for (const fr of t.frames.slice(idx)) for (const id of fr.owned ?? []) freeBuffer(t, id);
  t.frames.length = idx;
  t.status = status;
  if (t.frames.length === 0) t.done = status;
}

export function execBlock(m: Machine, t: ThreadState, f: Frame, ins: Extract<Instr, { op: 'block' }>): void {
  f.pc++;
  const owned: number[] = [];
  const env = expandEnv(m, t, { elapsedMs: 0 });
  const io = resolveIo(m, t, f, ins.pipe, ins.redirects, env, owned, 0);
  if (!io.ok) {
    write(m, t, f.io.stderr, io.message + '\n', m.proc.clock);
    t.status = 1;
    return;
  }
  const frame: Frame = {
    code: ins.code,
    pc: 0,
    flavor: f.flavor,
    name: f.name,
    process: ins.subshell,
    pid1: false,
    kind: 'block',
    io: io.io,
    loops: [],
    pipes: [],
    owned,
  };
  if (ins.subshell) frame.scope = copyScope(scopeOf(t));
  if (ins.background) {
    const positional = [...(t.frames.findLast((x) => x.positional)?.positional ?? [])];
    const job: ThreadState = {
      id: m.proc.nextThreadId++,
      pid: m.proc.nextPid++,
      frames: [{ ...frame, process: true, positional, io: { ...frame.io, stdin: { kind: 'none' } } }],
      status: 0,
      buffers: {},
      nextBuffer: 1,
    };
    if (t.capture) job.capture = t.capture;
    m.proc.threads.push(job);
    t.lastBackground = job.pid;
    t.status = 0;
    return;
  }
  t.frames.push(frame);
}
