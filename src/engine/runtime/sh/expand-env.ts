import type { ContainerFileSystem } from '../vfs.ts';
import type { Script } from './ast.ts';
import { compileScript } from './compile.ts';
import type { ExpandEnv } from './expand.ts';
import { hasGlob, matchGlob } from './glob.ts';
import { runSync } from './sync.ts';
import { assignVar, lookupVar, newThread, positionalOf, scopeOf, topFrame, write, type Machine } from './machine.ts';
import { copyScope, type ThreadState } from './state.ts';

/** ExpansionCost collects what command substitutions cost: the time they took and their status. */
export interface ExpansionCost {
  elapsedMs: number;
  status?: number;
}

/** SUBSTITUTION_LIMIT_MS bounds a `$(…)` that would never finish. */
const SUBSTITUTION_LIMIT_MS = 60 * 60 * 1000;

/** expandEnv binds expansion to a running thread: its variables, parameters, files and substitutions. */
export function expandEnv(m: Machine, t: ThreadState, cost: ExpansionCost = { elapsedMs: 0 }): ExpandEnv {
  return {
    lookup: (name) => lookupVar(t, name),
    assign: (name, value) => assignVar(t, name, value),
    positional: () => positionalOf(t),
    special: (name) => specialParam(t, name),
    substitute: (script) => {
      const result = substitute(m, t, script, cost.elapsedMs);
      cost.elapsedMs += result.elapsedMs;
      cost.status = result.status;
      return result.stdout;
    },
    glob: (pattern) => globFiles(m.ctx.fs, scopeOf(t).cwd, pattern),
  };
}

function specialParam(t: ThreadState, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(t.status);
    case '$':
      return String(t.pid);
    case '!':
      return t.lastBackground === undefined ? '' : String(t.lastBackground);
    case '#':
      return String(positionalOf(t).length);
    case '0':
      return topFrame(t)?.name ?? 'sh';
    case '-':
      return scopeOf(t).errexit ? 'e' : '';
    default:
      return undefined;
  }
}

/** substitute runs `$(…)` to completion in a subshell and returns what it printed. */
function substitute(
  m: Machine,
  t: ThreadState,
  script: Script,
  offsetMs: number,
): { stdout: string; status: number; elapsedMs: number } {
  const f = topFrame(t);
  const sub = newThread(
    m,
    {
      code: compileScript(script),
      flavor: f?.flavor === 'exec' || !f ? 'ash' : f.flavor,
      name: f?.name ?? 'sh',
      process: true,
      pid1: false,
      kind: 'script',
      scope: copyScope(scopeOf(t)),
      positional: [...positionalOf(t)],
      io: {
        stdout: { kind: 'capture', stream: 'stdout' },
        stderr: { kind: 'capture', stream: 'stderr' },
        stdin: { kind: 'none' },
      },
    },
    t.pid,
  );
  sub.capture = { stdout: '', stderr: '' };
  const start = m.proc.clock;
  m.proc.clock += offsetMs;
  const result = runSync(m, sub, SUBSTITUTION_LIMIT_MS);
  const elapsedMs = m.proc.clock - start - offsetMs;
  m.proc.clock = start;
  if (f && sub.capture.stderr) write(m, t, f.io.stderr, sub.capture.stderr, start + offsetMs + elapsedMs);
  return { stdout: sub.capture.stdout, status: result.status, elapsedMs };
}

/** globFiles expands a pathname pattern against the filesystem, sorted; no match gives nothing. */
export function globFiles(fs: ContainerFileSystem, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let paths: string[] = [absolute ? '/' : ''];
  for (const seg of segments) {
    if (seg === '') continue;
    const next: string[] = [];
    for (const base of paths) {
      const dir = base === '' ? cwd : base;
      if (!hasGlob(seg)) {
        const candidate = base === '' ? seg : base.endsWith('/') ? base + seg : `${base}/${seg}`;
        const full = candidate.startsWith('/') ? candidate : `${cwd.replace(/\/$/, '')}/${candidate}`;
        if (fs.exists(full)) next.push(candidate);
        continue;
      }
      const listing = fs.readdir(dir);
      if (!listing.ok) continue;
      for (const name of listing.value) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (!matchGlob(seg, name)) continue;
        next.push(base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      }
    }
    paths = next;
  }
  return paths.filter((p) => p !== '' && p !== '/').sort();
}
