import type { ServerLaunch, ServerState } from '../types.ts';
import { write, type Machine } from './machine.ts';
import type { IoSet, ThreadState } from './state.ts';

/**
 * launchServer records a long-running program in the process and schedules its start-up logs, so
 * they appear in `kubectl logs` at their offsets; its ports open at readyAfterMs.
 */
export function launchServer(
  m: Machine,
  t: ThreadState,
  io: IoSet,
  launch: ServerLaunch,
  at: number,
  pid1: boolean,
): ServerState {
  const server: ServerState = {
    ...launch,
    id: m.proc.nextServerId++,
    startedAt: at,
    pid: pid1 ? 1 : m.proc.nextPid++,
    pid1,
  };
  m.proc.servers.push(server);
  for (const log of launch.logs) {
    write(m, t, log.stream === 'stdout' ? io.stdout : io.stderr, log.text + '\n', at + log.afterMs);
  }
  return server;
}

/** listeningPorts are the ports open at a time: servers past their start-up that have not exited. */
export function listeningPorts(servers: ServerState[], at: number): number[] {
  const ports = new Set<number>();
  for (const s of servers) {
    if (s.exitedAt !== undefined && s.exitedAt <= at) continue;
    if (s.readyAfterMs === undefined || s.startedAt + s.readyAfterMs > at) continue;
    for (const p of s.ports) ports.add(p);
  }
  return [...ports].sort((a, b) => a - b);
}

/** serverOnPort finds the server answering a port at a time. */
export function serverOnPort(servers: ServerState[], port: number, at: number): ServerState | undefined {
  return servers.find(
    (s) =>
      (s.exitedAt === undefined || s.exitedAt > at) &&
      s.readyAfterMs !== undefined &&
      s.startedAt + s.readyAfterMs <= at &&
      s.ports.includes(port),
  );
}
