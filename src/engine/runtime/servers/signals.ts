import { formatDate } from '../sh/builtins/date.ts';
import type { LogLine, ProcessState, ServerState } from '../types.ts';
import { systemSigtermLines } from './system.ts';

/**
 * sigtermLogs are the lines a server prints when SIGTERM arrives and while it shuts down, so
 * `kubectl logs --previous` after a rolling update shows a real goodbye.
 */
export function sigtermLogs(server: ServerState, now: number, proc: ProcessState): LogLine[] {
  const version = proc.image.version;
  const pid = server.pid1 ? 1 : server.pid;
  const stamp = formatDate(now, '%Y/%m/%d %H:%M:%S');
  const lines: [number, 'stdout' | 'stderr', string][] = [];
  switch (server.kind) {
    case 'nginx':
      lines.push([0, 'stderr', `${stamp} [notice] ${pid}#${pid}: signal 15 (SIGTERM) received, exiting`]);
      for (let w = 29; w < 33; w++)
        lines.push(
          [10, 'stderr', `${stamp} [notice] ${w}#${w}: exiting`],
          [10, 'stderr', `${stamp} [notice] ${w}#${w}: exit`],
        );
      for (let w = 29; w < 33; w++)
        lines.push(
          [20, 'stderr', `${stamp} [notice] ${pid}#${pid}: signal 17 (SIGCHLD) received from ${w}`],
          [20, 'stderr', `${stamp} [notice] ${pid}#${pid}: worker process ${w} exited with code 0`],
        );
      lines.push([30, 'stderr', `${stamp} [notice] ${pid}#${pid}: exit`]);
      break;
    case 'redis': {
      const ts = (t: number): string =>
        `${pid}:M ${formatDate(now + t, '%d %b %Y %H:%M:%S.')}${String((now + t) % 1000).padStart(3, '0')}`;
      lines.push([
        0,
        'stdout',
        `${pid}:signal-handler (${Math.floor(now / 1000)}) Received SIGTERM scheduling shutdown...`,
      ]);
      lines.push(
        [50, 'stdout', `${ts(50)} * User requested shutdown...`],
        [50, 'stdout', `${ts(50)} * Saving the final RDB snapshot before exiting.`],
      );
      lines.push(
        [90, 'stdout', `${ts(90)} * DB saved on disk`],
        [95, 'stdout', `${ts(95)} # Redis is now ready to exit, bye bye...`],
      );
      break;
    }
    case 'postgres': {
      const pg = (t: number, p: number, text: string): [number, 'stderr', string] => [
        t,
        'stderr',
        `${formatDate(now + t, '%Y-%m-%d %H:%M:%S.')}${String((now + t) % 1000).padStart(3, '0')} UTC [${p}] LOG:  ${text}`,
      ];
      lines.push(
        pg(0, 1, 'received smart shutdown request'),
        pg(5, 1, 'background worker "logical replication launcher" (PID 70) exited with exit code 1'),
        pg(10, 65, 'shutting down'),
        pg(200, 1, 'database system is shut down'),
      );
      break;
    }
    case 'mysql': {
      const iso = (t: number): string => new Date(now + t).toISOString().replace('Z', '000Z');
      lines.push([
        0,
        'stderr',
        `${iso(0)} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${version}).`,
      ]);
      lines.push([
        1400,
        'stderr',
        `${iso(1400)} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`,
      ]);
      break;
    }
    case 'httpd':
      lines.push([
        0,
        'stderr',
        `[${formatDate(now, '%a %b %d %H:%M:%S.000000 %Y')}] [mpm_event:notice] [pid 1:tid 140000000000001] AH00491: caught SIGTERM, shutting down`,
      ]);
      break;
    case 'http-echo':
      lines.push([0, 'stderr', `${stamp} [INFO] received interrupt, shutting down...`]);
      break;
    default:
      lines.push(...systemSigtermLines(server, now));
      break;
  }
  return lines.map(([t, stream, text]) => ({ at: now + t, stream, text }));
}
