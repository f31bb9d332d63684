/**
 * klogWarning formats a warning line as kubectl's logger (klog) prints it:
 * `W1123 15:06:01.337917   12345 helpers.go:719] message` — month and day, time with microseconds
 * (from the simulated clock), a process id, and the Go source location that logged it.
 */
export function klogWarning(now: number, location: string, message: string): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  return `W${stamp}   12345 ${location}] ${message}\n`;
}

/** KLOG_HEADER matches a klog line's header, for tests that compare everything after it. */
export const KLOG_HEADER = /^([WEI])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ /gm;
