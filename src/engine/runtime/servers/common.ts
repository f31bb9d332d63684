import type { ServerKind } from '../images/types.ts';
import type { Invocation } from '../sh/program.ts';
import type { ServerLaunch, SigtermBehavior, TimedLog } from '../types.ts';
import { formatDate } from '../sh/builtins/date.ts';

export const MiB = 1024 * 1024;

/** LogBuilder collects a server's start-up lines with their offsets from launch. */
export class LogBuilder {
  readonly logs: TimedLog[] = [];
  constructor(private readonly start: number) {}

  out(afterMs: number, text: string): this {
    for (const line of text.split('\n')) this.logs.push({ afterMs, stream: 'stdout', text: line });
    return this;
  }

  err(afterMs: number, text: string): this {
    for (const line of text.split('\n')) this.logs.push({ afterMs, stream: 'stderr', text: line });
    return this;
  }

  /** at formats the wall time of an offset with a strftime pattern. */
  at(afterMs: number, format: string): string {
    return formatDate(this.start + afterMs, format);
  }

  /** iso is an RFC 3339 UTC timestamp with milliseconds. */
  iso(afterMs: number): string {
    return new Date(this.start + afterMs).toISOString();
  }
}

/**
 * defaults reads the image's own figures (start-up time, memory, CPU) when the program is the
 * image's server, so the catalog stays the one place those numbers live.
 */
export function imageDefaults(
  inv: Invocation,
  kind: ServerKind,
  fallback: { startupMs: number; memoryBytes: number; cpuMillis: number },
) {
  const b = inv.proc.image.behavior;
  if (b.kind === 'server' && b.server === kind)
    return { startupMs: b.startupMs, memoryBytes: b.memoryBytes, cpuMillis: b.cpuMillis };
  return fallback;
}

export function launch(
  kind: ServerKind,
  logs: TimedLog[],
  fields: {
    readyAfterMs?: number;
    ports: number[];
    memoryBytes: number;
    cpuMillis: number;
    sigterm: SigtermBehavior;
  } & Partial<ServerLaunch>,
): { server: ServerLaunch } {
  return { server: { ...fields, kind, logs } };
}

/** versionAtLeast compares dotted versions (1.25.3 ≥ 1.25). */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map((n) => parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** stableHex derives a fixed hex string from text (generated passwords, ids) so runs repeat. */
export function stableHex(seed: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ (seed.charCodeAt(i) + round), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** option reads `--name value`, `--name=value` or `-name=value` style options from argv. */
export function option(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (a.startsWith(n + '=')) return a.slice(n.length + 1);
    }
  }
  return undefined;
}
