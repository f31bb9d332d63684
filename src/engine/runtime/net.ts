import { serveHttp, type HttpReply } from './servers/http.ts';
import { listeningPorts, serverOnPort } from './sh/servers.ts';
import type { NetClient } from './sh/program.ts';
import type { ContainerContext, HttpOutcome, LogLine, ProcessState, ServerState } from './types.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0', 'localhost.localdomain']);

/** REQUEST_BUCKET_MS is the width of the buckets a server's request CPU is counted in (kubectl top). */
export const REQUEST_BUCKET_MS = 10_000;

export interface LocalRequest {
  method?: string;
  headers?: Record<string, string>;
  remoteAddr?: string;
}

export type LocalHttpResult =
  | { ok: true; status: number; body: string; headers: Record<string, string>; logs: LogLine[] }
  | { ok: false; error: 'refused' | 'reset' };

function recordLoad(server: ServerState, now: number, cpuMs: number): void {
  const bucket = Math.floor(now / REQUEST_BUCKET_MS);
  server.load ??= [];
  const last = server.load[server.load.length - 1];
  if (last && last.bucket === bucket) last.ms += cpuMs;
  else server.load.push({ bucket, ms: cpuMs });
  while (server.load.length > 0 && (server.load[0]?.bucket ?? bucket) < bucket - 6) server.load.shift();
}

/**
 * localHttp delivers an HTTP request to a container's own servers (probes, localhost, and the
 * network layer's deliveries). It records the CPU the request cost on the server, which is how
 * load reaches kubectl top and the HPA.
 */
export function localHttp(
  state: ProcessState,
  port: number,
  path: string,
  ctx: ContainerContext,
  request: LocalRequest = {},
): LocalHttpResult {
  if (state.exit) return { ok: false, error: 'refused' };
  const server = serverOnPort(state.servers, port, ctx.now);
  if (!server) return { ok: false, error: 'refused' };
  const req = {
    method: request.method ?? 'GET',
    path: path.startsWith('/') ? path : '/' + path,
    headers: {
      Host: `${ctx.podIP ?? 'localhost'}:${port}`,
      'User-Agent': 'curl/8.16.0',
      Accept: '*/*',
      ...(request.headers ?? {}),
    },
    remoteAddr: request.remoteAddr ?? '127.0.0.1',
    port,
  };
  const r: HttpReply = serveHttp(server, req, {
    fs: ctx.fs,
    hostname: ctx.hostname,
    now: ctx.now,
    podIP: ctx.podIP,
    network: ctx.network,
    image: state.image,
  });
  if (r.kind === 'reset') return { ok: false, error: 'reset' };
  recordLoad(server, ctx.now, r.cpuMs);
  if (server.kind === 'netcat') server.exitAfterMs = ctx.now - server.startedAt;
  const logs = (r.logs ?? []).flatMap((l) =>
    l.text.split('\n').map((text) => ({ at: ctx.now, stream: l.stream, text })),
  );
  return { ok: true, status: r.status, body: req.method === 'HEAD' ? '' : r.body, headers: r.headers, logs };
}

function splitUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:https?:\/\/)?([^/:?#]+|\[[^\]]+\])(?::(\d+))?([/?#].*)?$/i.exec(url);
  if (!m || !m[1]) return undefined;
  return { host: m[1], port: m[2] ? Number(m[2]) : url.startsWith('https') ? 443 : 80, path: m[3] ?? '/' };
}

/**
 * netClient is the network as seen from inside a container: localhost and the pod's own names go to
 * the container's servers; everything else goes through the network layer, when there is one.
 */
export function netClient(host: ProcessState, ctx: ContainerContext, onLogs?: (logs: LogLine[]) => void): NetClient {
  const isLocal = (name: string): boolean =>
    LOCAL_HOSTS.has(name) || name === ctx.hostname || (ctx.podIP !== undefined && name === ctx.podIP);
  return {
    http(url, options): HttpOutcome & { durationMs: number } {
      const target = splitUrl(url);
      if (!target) return { ok: false, error: 'unresolved', message: `bad url ${url}`, durationMs: 0 };
      if (isLocal(target.host)) {
        const request: LocalRequest = {};
        if (options.method) request.method = options.method;
        if (options.headers)
          request.headers = {
            Host: `${target.host}${target.port === 80 ? '' : ':' + target.port}`,
            ...options.headers,
          };
        const r = localHttp(host, target.port, target.path, ctx, request);
        if (!r.ok) return { ok: false, error: 'refused', message: 'connection refused', durationMs: 0 };
        onLogs?.(r.logs);
        return { ok: true, status: r.status, body: r.body, headers: r.headers, durationMs: 1 };
      }
      if (!ctx.network)
        return { ok: false, error: 'unresolved', message: `lookup ${target.host}: no such host`, durationMs: 3 };
      const r = ctx.network.http(url, options);
      const durationMs = r.ok ? 2 : r.error === 'timeout' ? options.timeoutMs : r.error === 'unresolved' ? 3 : 1;
      return { ...r, durationMs };
    },
    resolve(name) {
      if (LOCAL_HOSTS.has(name)) return '127.0.0.1';
      if (name === ctx.hostname) return ctx.podIP ?? '127.0.0.1';
      if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
      return ctx.network?.resolve(name);
    },
    tcp(name, port, timeoutMs) {
      if (isLocal(name)) return listeningPorts(host.servers, ctx.now).includes(port) ? 'open' : 'refused';
      if (!ctx.network) return 'unresolved';
      if (ctx.network.tcp) return ctx.network.tcp(name, port, { timeoutMs });
      const r = ctx.network.http(`http://${name}:${port}/`, { timeoutMs });
      return r.ok ? 'open' : r.error;
    },
  };
}
