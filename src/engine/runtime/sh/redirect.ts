import { errnoText, normalizePath } from '../vfs.ts';
import type { Redirect } from './ast.ts';
import type { PipeRole } from './compile.ts';
import { expandString, type ExpandEnv } from './expand.ts';
import { newBuffer, scopeOf, type Machine } from './machine.ts';
import * as msg from './messages.ts';
import type { Frame, IoSet, OutTarget, ThreadState } from './state.ts';

/** SELF_STREAMS are paths that mean a descriptor rather than a file: PID 1's output is the container log. */
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
  const flavor = f.flavor === 'exec' ? 'ash' : f.flavor;
  for (const r of redirects) {
    const target = expandString(r.target, env);
    if (r.op === '>&' || r.op === '<&') {
      const source =
        target === '1'
          ? io.stdout
          : target === '2'
            ? io.stderr
            : target === '-'
              ? ({ kind: 'null' } as const)
              : undefined;
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
      if (!created.ok)
        return { ok: false, message: msg.cannotCreate(flavor, f.name, line, target, errnoText[created.errno]) };
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
