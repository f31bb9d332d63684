import { parseSleep } from '../sh/builtins/core.ts';
import { ok, type Program } from '../sh/program.ts';
import { launch, LogBuilder, MiB, option } from './common.ts';

const UNITS: Record<string, number> = {
  '': 1,
  b: 512,
  k: 1024,
  K: 1024,
  m: MiB,
  M: MiB,
  g: 1024 * MiB,
  G: 1024 * MiB,
  Ki: 1024,
  Mi: MiB,
  Gi: 1024 * MiB,
  KB: 1000,
  MB: 1e6,
  GB: 1e9,
};

/** parseQuantityBytes reads sizes as stress (`150M`, binary) and Kubernetes (`150Mi`) write them. */
export function parseQuantityBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text.trim());
  if (!m) return 0;
  return Math.round(Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1));
}

const USAGE = `\`stress' imposes certain types of compute stress on your system

Usage: stress [OPTION [ARG]] ...
 -?, --help         show this help statement
     --version      show version statement
 -v, --verbose      be verbose
 -q, --quiet        be quiet
 -n, --dry-run      show what would have been done
 -t, --timeout N    timeout after N seconds
     --backoff N    wait factor of N microseconds before work starts
 -c, --cpu N        spawn N workers spinning on sqrt()
 -i, --io N         spawn N workers spinning on sync()
 -m, --vm N         spawn N workers spinning on malloc()/free()
     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)
     --vm-stride B  touch a byte every B bytes (default is 4096)
     --vm-hang N    sleep N secs before free (default none, 0 is inf)
     --vm-keep      redirty memory instead of freeing and reallocating
 -d, --hdd N        spawn N workers spinning on write()/unlink()
     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)

Example: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s

Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).
`;

/** stress is polinux/stress (stress 1.0.4): CPU workers, and vm workers that hold memory. */
const stress: Program = (inv) => {
  const args = inv.argv.slice(1);
  if (args.length === 0 || args.includes('--help') || args.includes('-?')) return ok(USAGE);
  if (args.includes('--version')) return ok('stress 1.0.4\n');
  const num = (...names: string[]): number => Number(option(args, ...names) ?? 0) || 0;
  const cpu = num('--cpu', '-c');
  const io = num('--io', '-i');
  const vm = num('--vm', '-m');
  const hdd = num('--hdd', '-d');
  const bytes = parseQuantityBytes(option(args, '--vm-bytes') ?? '256M');
  const timeout = option(args, '--timeout', '-t');
  const parsedTimeout = timeout ? parseSleep([timeout]) : undefined;
  const timeoutMs = parsedTimeout && 'ms' in parsedTimeout ? parsedTimeout.ms : undefined;
  const log = new LogBuilder(inv.now);
  log.out(0, `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd`);
  const memoryBytes = vm * bytes + 512 * 1024;
  const fields = {
    ports: [],
    memoryBytes,
    memoryAfterMs: vm > 0 ? 150 + Math.round(((vm * bytes) / (1024 * MiB)) * 1000) : 0,
    cpuMillis: (cpu + vm + io + hdd) * 1000,
    sigterm: 'ignore' as const,
  };
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
    log.out(timeoutMs, `stress: info: [1] successful run completed in ${Math.round(timeoutMs / 1000)}s`);
    return launch('stress', log.logs, { ...fields, exitAfterMs: timeoutMs, exitCode: 0 });
  }
  return launch('stress', log.logs, fields);
};

/** vishStress is the vish/stress image from the CPU-limits docs: -cpus and -mem-total. */
const vishStress: Program = (inv) => {
  const args = inv.argv.slice(1);
  const cpus = Number(option(args, '-cpus', '--cpus') ?? 0) || 0;
  const total = parseQuantityBytes(option(args, '-mem-total', '--mem-total') ?? '0');
  const chunk = parseQuantityBytes(option(args, '-mem-alloc-size', '--mem-alloc-size') ?? '4Ki') || 4096;
  const sleepText = option(args, '-mem-alloc-sleep', '--mem-alloc-sleep') ?? '1ms';
  const sleep = parseSleep([sleepText.replace(/ms$/, '')]);
  const stepMs = sleepText.endsWith('ms') ? Number(sleepText.slice(0, -2)) : 'ms' in sleep ? sleep.ms : 1;
  const log = new LogBuilder(inv.now);
  const glog = (t: number, text: string): void =>
    void log.err(
      t,
      `${log.at(t, 'I%m%d %H:%M:%S.')}${String((inv.now + t) % 1000).padStart(3, '0')}000       1 main.go:26] ${text}`,
    );
  glog(
    0,
    `Allocating "${option(args, '-mem-total') ?? '0'}" memory, in "${option(args, '-mem-alloc-size') ?? '4Ki'}" chunks, with a ${sleepText} sleep between allocations`,
  );
  for (let i = 0; i < cpus; i++) glog(1, 'Spawning a thread to consume CPU');
  const rampMs = total > 0 ? Math.round((total / chunk) * stepMs) : 0;
  if (total > 0) glog(rampMs, `Allocated "${option(args, '-mem-total') ?? ''}" memory`);
  return launch('stress', log.logs, {
    ports: [],
    memoryBytes: total + 2 * MiB,
    memoryAfterMs: rampMs,
    cpuMillis: cpus * 1000,
    sigterm: 'ignore',
  });
};

export const STRESS_PROGRAMS: Record<string, Program> = { stress, 'vish-stress': vishStress };
