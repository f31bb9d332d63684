import { runThread, serverExited, wakeThread } from './interpret.ts';
import type { Machine } from './machine.ts';
import type { ThreadState } from './state.ts';

/**
 * runSync runs a thread to completion outside the event loop (command substitution, exec): time
 * passes virtually through its sleeps; it gives up when it would block forever or exceed maxMs.
 */
export function runSync(
  m: Machine,
  t: ThreadState,
  maxMs: number,
): { status: number; blocked: boolean; timedOut: boolean } {
  const start = m.proc.clock;
  for (let guard = 0; guard < 1_000_000; guard++) {
    runThread(m, t);
    if (t.done !== undefined) return { status: t.done, blocked: false, timedOut: false };
    const w = t.wait;
    if (w?.kind === 'sleep') {
      if (w.until - start > maxMs) {
        m.proc.clock = start + maxMs;
        return { status: t.status, blocked: false, timedOut: true };
      }
      m.proc.clock = Math.max(m.proc.clock, w.until);
      delete t.wait;
      continue;
    }
    if (w?.kind === 'server') {
      const s = m.proc.servers.find((x) => x.id === w.id);
      if (s && s.exitAfterMs !== undefined && s.startedAt + s.exitAfterMs - start <= maxMs) {
        m.proc.clock = Math.max(m.proc.clock, s.startedAt + s.exitAfterMs);
        serverExited(m, s);
        continue;
      }
    }
    if (w?.kind === 'follow' && w.next - start <= maxMs) {
      m.proc.clock = Math.max(m.proc.clock, w.next);
      wakeThread(m, t);
      continue;
    }
    m.proc.clock = start + maxMs;
    return { status: t.status, blocked: true, timedOut: true };
  }
  return { status: t.status, blocked: true, timedOut: true };
}
