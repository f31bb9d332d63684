import { normalizePath } from '../vfs.ts';
import { compileScript } from './compile.ts';
import { dispatch, exitShell, waitUntil, type Launch } from './exec.ts';
import { popFrame } from './interpret.ts';
import { lookupVar, positionalOf, readLine, scopeOf, setPositional, write, type Machine } from './machine.ts';
import * as msg from './messages.ts';
import { parseScript, ShSyntaxError } from './parse.ts';
import { PROGRAMS, REGULAR_BUILTINS } from './builtins/registry.ts';
import { resolveExecutable } from './resolve.ts';
import type { Frame, Scope, ShellFlavor, ThreadState } from './state.ts';

/** SpecialBuiltin runs inside the shell: it may change variables, frames and control flow. */
export type SpecialBuiltin = (m: Machine, t: ThreadState, f: Frame, launch: Launch) => void;

type ShellName = Exclude<ShellFlavor, 'exec'>;
const flavorOf = (f: Frame): ShellName => (f.flavor === 'exec' ? 'ash' : f.flavor);

function out(m: Machine, t: ThreadState, launch: Launch, text: string): void {
  write(m, t, launch.io.stdout, text, launch.at);
}

function err(m: Machine, t: ThreadState, f: Frame, launch: Launch, builtin: string, text: string, status = 1): void {
  write(m, t, launch.io.stderr, msg.builtinError(flavorOf(f), f.name, launch.line, builtin, text) + '\n', launch.at);
  t.status = status;
}

function done(m: Machine, t: ThreadState, launch: Launch, status = 0): void {
  t.status = status;
  waitUntil(m, t, launch.at);
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

function loopJump(t: ThreadState, f: Frame, launch: Launch, kind: 'break' | 'continue'): void {
  const n = Math.max(1, Number(launch.argv[1] ?? '1') || 1);
  if (f.loops.length === 0) {
    t.status = 0;
    return;
  }
  const depth = Math.min(n, f.loops.length);
  const target = f.loops[f.loops.length - depth];
  if (!target) return;
  if (kind === 'break') {
    f.loops.length -= depth;
    f.pc = target.breakTo;
  } else {
    f.loops.length -= depth - 1;
    f.pc = target.continueTo;
  }
  t.status = 0;
}

function pushSource(
  m: Machine,
  t: ThreadState,
  f: Frame,
  launch: Launch,
  source: string,
  kind: 'block' | 'function',
  name: string,
): void {
  let code;
  try {
    code = compileScript(parseScript(source));
  } catch (e) {
    if (!(e instanceof ShSyntaxError)) throw e;
    write(m, t, launch.io.stderr, msg.syntaxError(flavorOf(f), name, e) + '\n', launch.at);
    t.status = 2;
    return;
  }
  t.frames.push({
    code,
    pc: 0,
    flavor: f.flavor,
    name: f.name,
    process: false,
    pid1: false,
    kind,
    io: launch.io,
    loops: [],
    pipes: [],
  });
  waitUntil(m, t, launch.at);
}

const SIGNALS: Record<string, string> = { '15': 'TERM', '2': 'INT', '1': 'HUP', '0': 'EXIT', '9': 'KILL', '3': 'QUIT' };

function signalName(s: string): string {
  const up = s.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[up] ?? up;
}

/** SPECIAL_BUILTINS are the builtins that act on the shell itself. */
export const SPECIAL_BUILTINS: Record<string, SpecialBuiltin> = {
  ':': (m, t, _f, launch) => done(m, t, launch),
  exit: (m, t, f, launch) => {
    const arg = launch.argv[1];
    const status = arg === undefined ? t.status : Number(arg) & 255;
    if (arg !== undefined && !/^\d+$/.test(arg)) {
      err(m, t, f, launch, 'exit', `Illegal number: ${arg}`, 2);
      exitShell(t, 2);
      return;
    }
    exitShell(t, status);
  },
  return: (_m, t, _f, launch) => {
    const status = launch.argv[1] === undefined ? t.status : Number(launch.argv[1]) & 255;
    while (t.frames.length > 0) {
      const top = t.frames[t.frames.length - 1];
      if (!top || top.process) break;
      popFrame(t, status);
      if (top.kind === 'function') return;
    }
    t.status = status;
  },
  break: (_m, t, f, launch) => loopJump(t, f, launch, 'break'),
  continue: (_m, t, f, launch) => loopJump(t, f, launch, 'continue'),
  export: (m, t, _f, launch) => {
    const scope = scopeOf(t);
    const args = launch.argv.slice(1).filter((a) => a !== '-n');
    if (args.length === 0 || args[0] === '-p') {
      const lines = Object.keys(scope.exported)
        .sort()
        .map((k) => `export ${k}=${quote(lookupVar(t, k) ?? '')}`);
      out(m, t, launch, lines.map((l) => l + '\n').join(''));
    }
    for (const arg of args) {
      if (arg === '-p') continue;
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (eq !== -1) scope.vars[name] = arg.slice(eq + 1);
      scope.exported[name] = true;
    }
    done(m, t, launch);
  },
  readonly: (m, t, _f, launch) => {
    const scope = scopeOf(t);
    for (const arg of launch.argv.slice(1)) {
      const eq = arg.indexOf('=');
      if (eq !== -1) scope.vars[arg.slice(0, eq)] = arg.slice(eq + 1);
    }
    done(m, t, launch);
  },
  local: (m, t, _f, launch) => {
    const fn = [...t.frames].reverse().find((fr) => fr.kind === 'function');
    for (const arg of launch.argv.slice(1)) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      const value = eq === -1 ? (lookupVar(t, name) ?? '') : arg.slice(eq + 1);
      if (fn) (fn.locals ??= {})[name] = value;
      else scopeOf(t).vars[name] = value;
    }
    done(m, t, launch);
  },
  unset: (m, t, _f, launch) => {
    const scope = scopeOf(t);
    const fnMode = launch.argv[1] === '-f';
    for (const name of launch.argv.slice(1).filter((a) => !a.startsWith('-'))) {
      if (fnMode) delete scope.functions[name];
      else {
        delete scope.vars[name];
        delete scope.exported[name];
        for (const fr of t.frames) if (fr.locals) delete fr.locals[name];
      }
    }
    done(m, t, launch);
  },
  set: (m, t, _f, launch) => {
    const scope = scopeOf(t);
    const args = launch.argv.slice(1);
    if (args.length === 0) {
      const lines = Object.keys(scope.vars)
        .sort()
        .map((k) => `${k}=${quote(scope.vars[k] ?? '')}\n`);
      out(m, t, launch, lines.join(''));
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '--') {
        setPositional(t, args.slice(i + 1));
        break;
      }
      if (a === '-o' || a === '+o') {
        if (args[i + 1] === 'errexit') setErrexit(scope, a === '-o');
        i++;
        continue;
      }
      if (/^[-+][a-z]+$/.test(a)) {
        if (a.includes('e')) setErrexit(scope, a.startsWith('-'));
        continue;
      }
      setPositional(t, args.slice(i));
      break;
    }
    done(m, t, launch);
  },
  shift: (m, t, f, launch) => {
    const n = Number(launch.argv[1] ?? '1');
    const params = positionalOf(t);
    if (n > params.length) return err(m, t, f, launch, 'shift', `can't shift that many`, 1);
    setPositional(t, params.slice(n));
    done(m, t, launch);
  },
  read: (m, t, _f, launch) => {
    const args = launch.argv.slice(1);
    const names: string[] = [];
    let raw = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '-r') raw = true;
      else if (a === '-p' || a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
      else if (!a.startsWith('-')) names.push(a);
    }
    let line = readLine(t, launch.io);
    if (line === undefined) return done(m, t, launch, 1);
    if (!raw) line = line.replace(/\\(.)/g, '$1');
    const vars = names.length > 0 ? names : ['REPLY'];
    const ifs = lookupVar(t, 'IFS') ?? ' \t\n';
    let rest = names.length > 0 ? line.replace(new RegExp(`^[${escapeClass(ifs)}]+`), '') : line;
    const scope = scopeOf(t);
    vars.forEach((name, i) => {
      if (i === vars.length - 1) {
        scope.vars[name] = names.length > 0 ? rest.replace(new RegExp(`[${escapeClass(ifs)}]+$`), '') : rest;
        return;
      }
      const m2 = new RegExp(`^([^${escapeClass(ifs)}]*)[${escapeClass(ifs)}]*`).exec(rest);
      scope.vars[name] = m2?.[1] ?? '';
      rest = rest.slice(m2?.[0].length ?? rest.length);
    });
    done(m, t, launch);
  },
  cd: (m, t, f, launch) => {
    const scope = scopeOf(t);
    const target = launch.argv[1] ?? lookupVar(t, 'HOME') ?? '/';
    const path = normalizePath(target === '-' ? (lookupVar(t, 'OLDPWD') ?? scope.cwd) : target, scope.cwd);
    if (!m.ctx.fs.isDirectory(path)) {
      const reason = m.ctx.fs.exists(path) ? 'Not a directory' : 'No such file or directory';
      if (f.flavor === 'bash') return err(m, t, f, launch, 'cd', `${target}: ${reason}`);
      if (f.flavor === 'dash') return err(m, t, f, launch, 'cd', `can't cd to ${target}`, 2);
      return err(m, t, f, launch, 'cd', `can't cd to ${target}: ${reason}`);
    }
    scope.vars['OLDPWD'] = scope.cwd;
    scope.cwd = path;
    scope.vars['PWD'] = path;
    if (target === '-') out(m, t, launch, path + '\n');
    done(m, t, launch);
  },
  eval: (m, t, f, launch) => pushSource(m, t, f, launch, launch.argv.slice(1).join(' '), 'block', f.name),
  '.': (m, t, f, launch) => sourceFile(m, t, f, launch),
  source: (m, t, f, launch) => sourceFile(m, t, f, launch),
  trap: (m, t, _f, launch) => {
    const scope = scopeOf(t);
    const args = launch.argv.slice(1);
    if (args.length === 0) {
      const lines = Object.entries(scope.traps).map(([sig, action]) => `trap -- ${quote(action)} ${sig}\n`);
      out(m, t, launch, lines.join(''));
      return done(m, t, launch);
    }
    const [action, ...signals] = args;
    for (const s of signals) {
      const name = signalName(s);
      if (action === '-') delete scope.traps[name];
      else scope.traps[name] = action ?? '';
    }
    done(m, t, launch);
  },
  wait: (m, t, _f, launch) => {
    const pids = launch.argv.slice(1).map(Number);
    const jobs = m.proc.threads.filter(
      (x) => x.id !== t.id && x.done === undefined && (pids.length === 0 || pids.includes(x.pid)),
    );
    t.status = 0;
    if (jobs.length > 0) t.wait = { kind: 'join', threads: jobs.map((j) => j.id) };
  },
  exec: (m, t, f, launch) => {
    const argv = launch.argv.slice(1);
    if (argv.length === 0) {
      for (let i = t.frames.length - 1; i >= 0; i--) {
        const fr = t.frames[i];
        if (!fr) continue;
        fr.io = launch.io;
        if (fr.process) break;
      }
      return done(m, t, launch);
    }
    for (let i = t.frames.length - 1; i >= 0; i--) {
      const fr = t.frames[i];
      if (!fr) continue;
      fr.pc = fr.code.length;
      if (fr.process) break;
    }
    dispatch(m, t, f, { ...launch, argv, tail: true });
  },
  command: (m, t, f, launch) => {
    const args = launch.argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      const name = args[1] ?? '';
      const where = describeCommand(m, t, name);
      if (!where) return done(m, t, launch, 1);
      out(m, t, launch, (args[0] === '-v' ? where.short : where.long) + '\n');
      return done(m, t, launch);
    }
    if (args.length === 0) return done(m, t, launch);
    dispatch(m, t, { ...f }, { ...launch, argv: args });
  },
  type: (m, t, f, launch) => {
    let status = 0;
    for (const name of launch.argv.slice(1)) {
      const where = describeCommand(m, t, name);
      if (where) out(m, t, launch, where.long + '\n');
      else {
        write(m, t, launch.io.stderr, `${f.name}: type: ${name}: not found\n`, launch.at);
        status = 1;
      }
    }
    done(m, t, launch, status);
  },
  alias: (m, t, _f, launch) => done(m, t, launch),
  unalias: (m, t, _f, launch) => done(m, t, launch),
  umask: (m, t, _f, launch) => {
    if (launch.argv.length === 1) out(m, t, launch, '0022\n');
    done(m, t, launch);
  },
  ulimit: (m, t, _f, launch) => {
    if (launch.argv.length === 1 || launch.argv[1] === '-n')
      out(m, t, launch, launch.argv[1] === '-n' ? '1048576\n' : 'unlimited\n');
    done(m, t, launch);
  },
  hash: (m, t, _f, launch) => done(m, t, launch),
  times: (m, t, _f, launch) => {
    out(m, t, launch, '0m0.000000s 0m0.000000s\n0m0.000000s 0m0.000000s\n');
    done(m, t, launch);
  },
};

function setErrexit(scope: Scope, on: boolean): void {
  if (on) scope.errexit = true;
  else delete scope.errexit;
}

function sourceFile(m: Machine, t: ThreadState, f: Frame, launch: Launch): void {
  const file = launch.argv[1] ?? '';
  const path = normalizePath(file, scopeOf(t).cwd);
  const read = m.ctx.fs.readFile(path);
  if (!read.ok) {
    write(
      m,
      t,
      launch.io.stderr,
      msg.cannotOpen(flavorOf(f), f.name, launch.line, file, 'No such file or directory') + '\n',
      launch.at,
    );
    t.status = f.flavor === 'bash' ? 1 : 2;
    return;
  }
  pushSource(m, t, f, launch, read.value, 'function', file);
}

function describeCommand(m: Machine, t: ThreadState, name: string): { short: string; long: string } | undefined {
  if (SPECIAL_BUILTINS[name]) return { short: name, long: `${name} is a special shell builtin` };
  if (scopeOf(t).functions[name]) return { short: name, long: `${name} is a function` };
  if (REGULAR_BUILTINS.has(name) && PROGRAMS[name]) return { short: name, long: `${name} is a shell builtin` };
  const found = resolveExecutable(m.ctx.fs, name, lookupVar(t, 'PATH') ?? '', scopeOf(t).cwd);
  if (found.kind === 'program' || found.kind === 'shebang' || found.kind === 'text') {
    return { short: found.path, long: `${name} is ${found.path}` };
  }
  return undefined;
}

function escapeClass(chars: string): string {
  return chars
    .replace(/[\\\]^-]/g, '\\$&')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n');
}
