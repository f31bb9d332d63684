import { compileScript } from './compile.ts';
import { execBlock, execSimple, reportError } from './exec.ts';
import { expandPattern, expandString, expandWords } from './expand.ts';
import { matchGlob } from './glob.ts';
import {
  assignVar,
  BUSY_INSTRUCTIONS,
  BUSY_SLICE_MS,
  flushPartial,
  FOLLOW_POLL_MS,
  freeBuffer,
  INSTRUCTIONS_PER_MS,
  MAX_INSTRUCTIONS,
  newBuffer,
  positionalOf,
  scopeOf,
  topFrame,
  write,
  type Machine,
} from './machine.ts';
import { ExpansionError } from './messages.ts';
import { parseScript, ShSyntaxError } from './parse.ts';
import type { ThreadState } from './state.ts';
import { expandEnv } from './expand-env.ts';
import type { ExitReason, ServerState } from '../types.ts';
import { startErrorMessage } from '../errors.ts';

/**
 * The interpreter's main loop. A process is a set of threads (the main script and `&` jobs) and
 * servers; runMachine takes events in time order — a thread becoming runnable, a sleep ending, a
 * server exiting, memory crossing the limit — until the next one lies after ctx.now. Each thread
 * runs instruction by instruction, so it can stop anywhere and its state stays plain JSON.
 */
export function runMachine(m: Machine): void {
  for (;;) {
    if (m.proc.exit) return;
    const ev = nextEvent(m);
    if (!ev || ev.at > m.ctx.now) return;
    m.proc.clock = Math.max(m.proc.clock, ev.at);
    if (ev.kind === 'oom') {
      exitProcess(m, 137, 'OOMKilled');
      return;
    }
    if (ev.kind === 'server') serverExited(m, ev.server);
    else {
      if (m.instructions >= MAX_INSTRUCTIONS) {
        parkRunnable(m);
        return;
      }
      if (!wakeThread(m, ev.thread)) continue;
      if (ev.thread === m.proc.threads[0] && m.proc.signal && m.proc.signal.at <= m.proc.clock)
        deliverSignal(m, ev.thread);
      runThread(m, ev.thread);
    }
    const main = m.proc.threads[0];
    if (main?.startError !== undefined) exitProcess(m, 128, 'StartError', startErrorMessage(main.startError));
    else if (main && main.done !== undefined) exitProcess(m, main.done, main.done === 0 ? 'Completed' : 'Error');
  }
}

/**
 * deliverSignal runs PID 1's trap for a pending signal. A shell handles a trapped signal only
 * between commands — after a foreground `sleep` ends — but `wait` is interrupted at once (status
 * 143), which is why `sleep infinity & wait` is the idiom for shells that must stop promptly.
 */
function deliverSignal(m: Machine, t: ThreadState): void {
  const signal = m.proc.signal;
  if (!signal) return;
  delete m.proc.signal;
  const action = scopeOf(t).traps[signal.name];
  if (action === undefined || action === '') return;
  if (t.wait?.kind === 'join') {
    delete t.wait;
    t.status = 143;
  }
  const top = topFrame(t);
  if (!top) return;
  const compiled = compileSource(action);
  if (!compiled.ok) return;
  t.frames.push({
    code: compiled.code,
    pc: 0,
    flavor: top.flavor,
    name: top.name,
    process: false,
    pid1: false,
    kind: 'trap',
    io: top.io,
    loops: [],
    pipes: [],
  });
}

type MachineEvent =
  | { at: number; kind: 'oom' }
  | { at: number; kind: 'server'; server: ServerState }
  | { at: number; kind: 'thread'; thread: ThreadState };

/** nextEvent is the earliest thing that will happen in the process. */
export function nextEvent(m: Machine): MachineEvent | undefined {
  let best: MachineEvent | undefined;
  const consider = (ev: MachineEvent): void => {
    if (!best || ev.at < best.at) best = ev;
  };
  const oom = oomTime(m);
  if (oom !== undefined) consider({ at: oom, kind: 'oom' });
  for (const s of m.proc.servers) {
    if (s.exitedAt === undefined && s.exitAfterMs !== undefined)
      consider({ at: s.startedAt + s.exitAfterMs, kind: 'server', server: s });
  }
  for (const t of m.proc.threads) {
    const at = readyTime(m, t);
    if (at !== undefined) consider({ at, kind: 'thread', thread: t });
  }
  return best;
}

function readyTime(m: Machine, t: ThreadState): number | undefined {
  if (t.done !== undefined) return undefined;
  const w = t.wait;
  if (!w) return m.proc.clock;
  switch (w.kind) {
    case 'sleep':
      return w.until;
    case 'follow':
      return w.next;
    case 'join':
      if (t === m.proc.threads[0] && m.proc.signal) return Math.max(m.proc.clock, m.proc.signal.at);
      return w.threads.every((id) => m.proc.threads.find((x) => x.id === id)?.done !== undefined)
        ? m.proc.clock
        : undefined;
    case 'server':
    case 'forever':
      return undefined;
  }
}

/** oomTime is when the process's memory first exceeds the container's limit. */
export function oomTime(m: Machine): number | undefined {
  const limit = m.ctx.memoryLimitBytes;
  if (limit === undefined || limit <= 0) return undefined;
  const live = m.proc.servers
    .filter((s) => s.exitedAt === undefined)
    .map((s) => ({ at: s.startedAt + (s.memoryAfterMs ?? 0), bytes: s.memoryBytes }))
    .sort((a, b) => a.at - b.at);
  let total = baseMemory(m);
  for (const s of live) {
    total += s.bytes;
    if (total > limit) return s.at;
  }
  return undefined;
}

/** baseMemory is the footprint of the shells themselves (about half a MiB each). */
export function baseMemory(m: Machine): number {
  return m.proc.threads.filter((t) => t.done === undefined).length * 512 * 1024;
}

export function wakeThread(m: Machine, t: ThreadState): boolean {
  const w = t.wait;
  if (!w) return true;
  if (w.kind === 'follow') {
    const read = m.ctx.fs.readFile(w.path);
    if (read.ok) {
      const content = read.value;
      if (content.length < w.offset) w.offset = 0;
      if (content.length > w.offset) write(m, t, w.out, content.slice(w.offset), m.proc.clock);
      w.offset = content.length;
    }
    w.next = m.proc.clock + FOLLOW_POLL_MS;
    return false;
  }
  delete t.wait;
  return true;
}

function parkRunnable(m: Machine): void {
  const until = Math.max(m.proc.clock, m.ctx.now) + BUSY_SLICE_MS;
  for (const t of m.proc.threads) {
    if (t.done === undefined && !t.wait) {
      t.wait = { kind: 'sleep', until };
      t.busyUntil = until;
    }
  }
}

export function serverExited(m: Machine, s: ServerState): void {
  s.exitedAt = m.proc.clock;
  for (const t of m.proc.threads) {
    if (t.wait?.kind === 'server' && t.wait.id === s.id) {
      delete t.wait;
      t.status = s.exitCode ?? 0;
    }
  }
}

/** exitProcess ends the container's process; everything it started dies with it. */
export function exitProcess(m: Machine, code: number, reason: ExitReason, message?: string): void {
  if (m.proc.exit) return;
  const at = m.proc.clock;
  flushPartial(m, at);
  for (const s of m.proc.servers) if (s.exitedAt === undefined) s.exitedAt = at;
  for (const t of m.proc.threads) if (t.done === undefined) t.done = code;
  m.proc.exit = message === undefined ? { code, reason, at } : { code, reason, at, message };
}

/** runThread executes a thread until it waits, ends, or uses up its budget. */
export function runThread(m: Machine, t: ThreadState): void {
  m.sinceWait = 0;
  while (!t.wait && t.done === undefined) {
    if (m.instructions >= MAX_INSTRUCTIONS || m.sinceWait >= BUSY_INSTRUCTIONS) {
      const until = Math.max(m.proc.clock, m.ctx.now) + BUSY_SLICE_MS;
      t.wait = { kind: 'sleep', until };
      t.busyUntil = until;
      return;
    }
    m.instructions++;
    m.sinceWait++;
    if (++m.proc.instructionCarry >= INSTRUCTIONS_PER_MS) {
      m.proc.instructionCarry = 0;
      m.proc.clock += 1;
    }
    step(m, t);
  }
}

/** popFrame ends the innermost frame with a status. */
export function popFrame(t: ThreadState, status: number): void {
  const f = t.frames.pop();
  for (const p of f?.pipes ?? []) {
    freeBuffer(t, p.input);
    freeBuffer(t, p.output);
  }
  for (const id of f?.owned ?? []) freeBuffer(t, id);
  t.status = status;
  if (t.frames.length === 0) t.done = status;
}

function step(m: Machine, t: ThreadState): void {
  const f = topFrame(t);
  if (!f) {
    t.done = t.status;
    return;
  }
  const ins = f.code[f.pc];
  if (!ins) {
    popFrame(t, t.status);
    return;
  }
  switch (ins.op) {
    case 'simple':
      execSimple(m, t, f, ins);
      return;
    case 'block':
      execBlock(m, t, f, ins);
      return;
    case 'function':
      scopeOf(t).functions[ins.name] = ins.code;
      t.status = 0;
      f.pc++;
      return;
    case 'jump':
      f.pc = ins.to;
      return;
    case 'jumpIfFail':
      f.pc = t.status !== 0 ? ins.to : f.pc + 1;
      return;
    case 'jumpIfOk':
      f.pc = t.status === 0 ? ins.to : f.pc + 1;
      return;
    case 'negate':
      t.status = t.status === 0 ? 1 : 0;
      f.pc++;
      return;
    case 'setStatus':
      t.status = ins.code;
      f.pc++;
      return;
    case 'pipeOpen':
      f.pipes.push({ output: newBuffer(t) });
      f.pc++;
      return;
    case 'pipeShift': {
      const p = f.pipes[f.pipes.length - 1];
      if (p) {
        freeBuffer(t, p.input);
        p.input = p.output;
        p.output = newBuffer(t);
      }
      f.pc++;
      return;
    }
    case 'pipeClose': {
      const p = f.pipes.pop();
      freeBuffer(t, p?.input);
      freeBuffer(t, p?.output);
      f.pc++;
      return;
    }
    case 'loopEnter':
      f.loops.push({ breakTo: ins.breakTo, continueTo: ins.continueTo, last: 0 });
      f.pc++;
      return;
    case 'forEnter': {
      let items: string[];
      try {
        items = ins.words ? expandWords(ins.words, expandEnv(m, t)) : [...positionalOf(t)];
      } catch (e) {
        if (e instanceof ExpansionError) {
          reportError(m, t, f, 0, e.message);
          return;
        }
        throw e;
      }
      f.loops.push({ breakTo: ins.breakTo, continueTo: ins.continueTo, last: 0, items, index: 0 });
      f.pc++;
      return;
    }
    case 'forNext': {
      const loop = f.loops[f.loops.length - 1];
      const items = loop?.items ?? [];
      const index = loop?.index ?? 0;
      if (loop && index < items.length) {
        assignVar(t, ins.name, items[index] ?? '');
        loop.index = index + 1;
        f.pc++;
      } else f.pc = ins.exitTo;
      return;
    }
    case 'loopRecord': {
      const loop = f.loops[f.loops.length - 1];
      if (loop) loop.last = t.status;
      f.pc++;
      return;
    }
    case 'loopLeave': {
      const loop = f.loops.pop();
      t.status = loop?.last ?? 0;
      f.pc++;
      return;
    }
    case 'caseMatch': {
      const env = expandEnv(m, t);
      const subject = expandString(ins.subject, env);
      for (const arm of ins.arms) {
        if (arm.patterns.some((p) => matchGlob(expandPattern(p, env), subject))) {
          f.pc = arm.to;
          return;
        }
      }
      f.pc = ins.endTo;
      return;
    }
  }
}

/** parseForShell parses source for a shell frame, reporting syntax errors in that shell's words. */
export function compileSource(
  source: string,
): { ok: true; code: ReturnType<typeof compileScript> } | { ok: false; error: ShSyntaxError } {
  try {
    return { ok: true, code: compileScript(parseScript(source), true) };
  } catch (e) {
    if (e instanceof ShSyntaxError) return { ok: false, error: e };
    throw e;
  }
}
