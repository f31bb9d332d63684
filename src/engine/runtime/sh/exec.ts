import { errnoText, normalizePath } from '../vfs.ts';
import type { Redirect } from './ast.ts';
import type { Instr, PipeRole } from './compile.ts';
import { expandString, expandWords, type ExpandEnv } from './expand.ts';
import { expandEnv, type ExpansionCost } from './expand-env.ts';
import {
  exportedEnv,
  freeBuffer,
  lookupVar,
  newBuffer,
  processFrameIndex,
  readAll,
  scopeOf,
  write,
  type Machine,
} from './machine.ts';
import * as msg from './messages.ts';
import { ExpansionError } from './messages.ts';
import { compileScript } from './compile.ts';
import { parseScript, ShSyntaxError } from './parse.ts';
import type { ProgramResult } from './program.ts';
import { PROGRAMS, REGULAR_BUILTINS } from './builtins/registry.ts';
import { resolveExecutable } from './resolve.ts';
import { SPECIAL_BUILTINS } from './special.ts';
import { childScope, copyScope, newScope, type Frame, type IoSet, type OutTarget, type ShellFlavor, type ThreadState } from './state.ts';
import { launchServer } from './servers.ts';

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

function setVar(t: ThreadState, name: string, value: string): void {
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

/** dispatch runs a command: special builtin, function, builtin, or a program found in PATH. */
export function dispatch(m: Machine, t: ThreadState, f: Frame, launch: Launch): void {
  const name = launch.argv[0] ?? '';
  if (f.flavor !== 'exec') {
    const special = SPECIAL_BUILTINS[name];
    if (special) {
      for (const [k, v] of launch.assigns) setVar(t, k, v);
      special(m, t, f, launch);
      for (const id of launch.owned) freeBuffer(t, id);
      return;
    }
    const fn = scopeOf(t).functions[name];
    if (fn) {
      const locals: Record<string, string> = {};
      for (const [k, v] of launch.assigns) locals[k] = v;
      t.frames.push({
        code: fn,
        pc: 0,
        flavor: f.flavor,
        name: f.name,
        process: false,
        pid1: false,
        kind: 'function',
        locals,
        positional: launch.argv.slice(1),
        io: launch.io,
        loops: [],
        pipes: [],
        owned: launch.owned,
      });
      waitUntil(m, t, launch.at);
      return;
    }
    if (REGULAR_BUILTINS.has(name)) {
      runProgram(m, t, f, launch, name, name);
      return;
    }
  }
  const scope = scopeOf(t);
  const pathVar = lookupVar(t, 'PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const found = resolveExecutable(m.ctx.fs, name, pathVar, scope.cwd);
  switch (found.kind) {
    case 'program':
      runProgram(m, t, f, launch, found.id, found.path);
      return;
    case 'shebang':
      runProgram(m, t, f, { ...launch, argv: [...found.argv, ...launch.argv.slice(1)] }, '', found.argv[0] ?? '');
      return;
    case 'text':
      if (f.flavor === 'exec') return startError(t, launch, `exec format error`);
      runScriptFile(m, t, f, launch, shellFlavor(f), found.path);
      return;
    case 'denied':
      if (f.flavor === 'exec') return startError(t, launch, `exec: "${name}": permission denied`);
      return commandFailed(m, t, f, launch, msg.permissionDenied(shellFlavor(f), f.name, launch.line, name), 126);
    case 'notFound':
      if (f.flavor === 'exec') {
        const detail = name.includes('/')
          ? `exec: "${name}": stat ${name}: no such file or directory`
          : `exec: "${name}": executable file not found in $PATH`;
        return startError(t, launch, detail);
      }
      return commandFailed(m, t, f, launch, msg.notFound(shellFlavor(f), f.name, launch.line, name), 127);
  }
}

function startError(t: ThreadState, launch: Launch, detail: string): void {
  for (const id of launch.owned) freeBuffer(t, id);
  t.startError = detail;
  t.status = 128;
  t.frames.length = 0;
  t.done = 128;
}

function commandFailed(m: Machine, t: ThreadState, f: Frame, launch: Launch, text: string, status: number): void {
  write(m, t, launch.io.stderr, text + '\n', launch.at);
  for (const id of launch.owned) freeBuffer(t, id);
  t.status = status;
  waitUntil(m, t, launch.at);
  void f;
}

function runScriptFile(m: Machine, t: ThreadState, f: Frame, launch: Launch, flavor: ShellName, path: string): void {
  const read = m.ctx.fs.readFile(path);
  const source = read.ok ? read.value : '';
  pushScript(m, t, f, launch, { source, name: launch.argv[0] ?? path, args: launch.argv.slice(1), flavor }, launch.at);
}

function pid1Eligible(t: ThreadState, f: Frame, launch: Launch): boolean {
  return launch.tail && f.pid1 && Object.keys(scopeOf(t).traps).length === 0;
}

/** runProgram invokes a program, follows its exec chain, and applies what it asked for. */
function runProgram(m: Machine, t: ThreadState, f: Frame, launch: Launch, id: string, path: string): void {
  let argv = launch.argv;
  let env: Record<string, string> = { ...exportedEnv(t) };
  for (const [k, v] of launch.assigns) env[k] = v;
  let at = launch.at;
  let programId = id;
  const stdin = readAll(t, launch.io);
  for (let hop = 0; ; hop++) {
    if (programId === '') {
      const found = resolveExecutable(m.ctx.fs, argv[0] ?? '', env['PATH'] ?? '', scopeOf(t).cwd);
      if (found.kind === 'program') programId = found.id;
      else if (found.kind === 'shebang' && hop < 8) {
        argv = [...found.argv, ...argv.slice(1)];
        continue;
      } else {
        write(m, t, launch.io.stderr, `${path}: exec: ${argv[0] ?? ''}: not found\n`, at);
        return finish(m, t, f, launch, { status: 127 }, at);
      }
    }
    const program = PROGRAMS[programId];
    if (!program) return finish(m, t, f, launch, { status: 127, stderr: `${argv[0] ?? ''}: not implemented\n` }, at);
    const result = program({
      argv,
      env,
      stdin: hop === 0 ? stdin : undefined,
      cwd: scopeOf(t).cwd,
      now: at,
      fs: m.ctx.fs,
      ctx: m.ctx,
      proc: m.proc,
      host: m.host,
      net: m.net,
      flavor: f.flavor,
    });
    at += result.durationMs ?? 0;
    write(m, t, launch.io.stdout, result.stdout ?? '', at);
    write(m, t, launch.io.stderr, result.stderr ?? '', at);
    if (result.exec && hop < 16) {
      argv = result.exec;
      env = { ...env, ...(result.execEnv ?? {}) };
      programId = '';
      path = argv[0] ?? '';
      continue;
    }
    finish(m, t, f, launch, result, at);
    return;
  }
}

function finish(m: Machine, t: ThreadState, f: Frame, launch: Launch, result: ProgramResult, at: number): void {
  if (result.script) {
    pushScript(m, t, f, launch, result.script, at);
    return;
  }
  for (const id of launch.owned) freeBuffer(t, id);
  if (result.server) {
    const server = launchServer(m, t, launch.io, result.server, at, pid1Eligible(t, f, launch));
    if (result.server.daemon) {
      t.status = 0;
      waitUntil(m, t, at);
    } else t.wait = { kind: 'server', id: server.id };
    return;
  }
  if (result.block) {
    if (result.block.kind === 'forever') t.wait = { kind: 'forever' };
    else {
      const b = result.block;
      t.wait = { kind: 'follow', path: b.path, offset: b.offset, next: at, out: launch.io.stdout, retry: b.retry, name: b.name };
    }
    return;
  }
  t.status = result.status ?? 0;
  waitUntil(m, t, at);
  if (t.status !== 0 && scopeOf(t).errexit && f.flavor !== 'exec') {
    const next = f.code[f.pc];
    const conditional = next && (next.op === 'jumpIfFail' || next.op === 'jumpIfOk' || next.op === 'negate');
    if (!conditional) exitShell(t, t.status);
  }
}

function pushScript(m: Machine, t: ThreadState, f: Frame, launch: Launch, script: NonNullable<ProgramResult['script']>, at: number): void {
  let code: Instr[];
  try {
    code = compileScript(parseScript(script.source), true);
  } catch (e) {
    if (!(e instanceof ShSyntaxError)) throw e;
    write(m, t, launch.io.stderr, msg.syntaxError(script.flavor, script.name, e) + '\n', at);
    for (const id of launch.owned) freeBuffer(t, id);
    t.status = 2;
    waitUntil(m, t, at);
    return;
  }
  const env: Record<string, string> = exportedEnv(t);
  for (const [k, v] of launch.assigns) env[k] = v;
  const scope = f.flavor === 'exec' ? newScope(env, scopeOf(t).cwd) : { ...childScope(scopeOf(t)), ...newScope(env, scopeOf(t).cwd) };
  t.frames.push({
    code,
    pc: 0,
    flavor: script.flavor,
    name: script.name,
    process: true,
    pid1: pid1Eligible(t, f, launch),
    kind: 'script',
    scope,
    positional: script.args,
    io: launch.io,
    loops: [],
    pipes: [],
    owned: launch.owned,
  });
  waitUntil(m, t, at);
}

const SELF_STREAMS: Record<string, OutTarget> = {
  '/proc/1/fd/1': { kind: 'log', stream: 'stdout' },
  '/proc/1/fd/2': { kind: 'log', stream: 'stderr' },
  '/dev/null': { kind: 'null' },
};

/** resolveIo applies a pipeline role and redirections to a frame's descriptors. */
export function resolveIo(
  m: Machine,
  t: ThreadState,
  f: Frame,
  pipe: PipeRole | undefined,
  redirects: Redirect[],
  env: ExpandEnv,
  owned: number[],
  line: number,
): { ok: true; io: IoSet } | { ok: false; message: string } {
  const io: IoSet = { ...f.io };
  const p = f.pipes[f.pipes.length - 1];
  if (pipe && p) {
    if (pipe !== 'first' && p.input !== undefined) io.stdin = { kind: 'buffer', id: p.input };
    if (pipe !== 'last') io.stdout = { kind: 'buffer', id: p.output };
  }
  const flavor = shellFlavor(f);
  for (const r of redirects) {
    const target = expandString(r.target, env);
    if (r.op === '>&' || r.op === '<&') {
      const source = target === '1' ? io.stdout : target === '2' ? io.stderr : target === '-' ? ({ kind: 'null' } as const) : undefined;
      if (!source) continue;
      if (r.fd === 1) io.stdout = source;
      else if (r.fd === 2) io.stderr = source;
      continue;
    }
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc ? expandString(r.heredoc, env) : '';
      const id = newBuffer(t, body);
      owned.push(id);
      if (r.fd === 0) io.stdin = { kind: 'buffer', id };
      continue;
    }
    const path = normalizePath(target, scopeOf(t).cwd);
    if (r.op === '<' || r.op === '<>') {
      const read = m.ctx.fs.readFile(path);
      if (!read.ok) return { ok: false, message: msg.cannotOpen(flavor, f.name, line, target, errnoText[read.errno]) };
      const id = newBuffer(t, read.value);
      owned.push(id);
      if (r.fd === 0) io.stdin = { kind: 'buffer', id };
      continue;
    }
    let out: OutTarget | undefined = SELF_STREAMS[path];
    if (path === '/dev/stdout' || path === '/proc/self/fd/1') out = io.stdout;
    if (path === '/dev/stderr' || path === '/proc/self/fd/2') out = io.stderr;
    if (!out) {
      const append = r.op === '>>' || (r.op === '&>' && false);
      const exists = m.ctx.fs.exists(path);
      const created = append && exists ? { ok: true as const } : m.ctx.fs.writeFile(path, '', { now: m.proc.clock });
      if (!created.ok) return { ok: false, message: msg.cannotCreate(flavor, f.name, line, target, errnoText[created.errno]) };
      out = { kind: 'file', path };
    }
    if (r.op === '&>') {
      io.stdout = out;
      io.stderr = out;
    } else if (r.fd === 1) io.stdout = out;
    else if (r.fd === 2) io.stderr = out;
  }
  return { ok: true, io };
}
