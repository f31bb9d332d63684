import { ShSyntaxError, parseScript } from './parse.ts';
import { compileScript, type Instr } from './compile.ts';
import { exitShell, setVar, waitUntil, type Launch } from './exec.ts';
import { exportedEnv, freeBuffer, lookupVar, readAll, scopeOf, write, type Machine } from './machine.ts';
import * as msg from './messages.ts';
import type { ProgramResult } from './program.ts';
import { PROGRAMS, REGULAR_BUILTINS } from './builtins/registry.ts';
import { resolveExecutable } from './resolve.ts';
import { launchServer } from './servers.ts';
import { SPECIAL_BUILTINS } from './special.ts';
import { newScope, type Frame, type ShellFlavor, type ThreadState } from './state.ts';

type ShellName = Exclude<ShellFlavor, 'exec'>;

function shellFlavor(f: Frame): ShellName {
  return f.flavor === 'exec' ? 'ash' : f.flavor;
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
  let stdin: string | undefined | null = null;
  const readStdin = (): string | undefined => {
    if (stdin === null) stdin = readAll(t, launch.io);
    return stdin;
  };
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
      get stdin() {
        return readStdin();
      },
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
      t.wait = {
        kind: 'follow',
        path: b.path,
        offset: b.offset,
        next: at,
        out: launch.io.stdout,
        retry: b.retry,
        name: b.name,
      };
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

function pushScript(
  m: Machine,
  t: ThreadState,
  f: Frame,
  launch: Launch,
  script: NonNullable<ProgramResult['script']>,
  at: number,
): void {
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
  const scope = newScope(env, scopeOf(t).cwd);
  if (script.flavor === 'bash') scope.vars['BASH_VERSION'] = '5.2.21(1)-release';
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
