import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  decodeKubernetesProtobuf,
  isKubernetesProtobuf,
  loadOpenApiDescriptions,
  parseDuration,
  type ApiRequest,
  type Cluster,
} from '../engine/index.ts';
import { loadState, saveState } from './state.ts';

/**
 * serve puts the simulated cluster behind a real HTTP Kubernetes API on 127.0.0.1, so the real
 * kubectl and helm can talk to it — which is how tests compare our output with theirs. Without
 * --paused, simulated time follows the wall clock; POST /lab/advance?duration=60s jumps ahead.
 */
export interface ServeOptions {
  port: number;
  paused: boolean;
}

function parseOptions(args: string[]): ServeOptions | string {
  const options: ServeOptions = { port: 8080, paused: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--paused') options.paused = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice(7) : args[++i];
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `kubelab serve: invalid port "${value ?? ''}"`;
      options.port = port;
    } else return `kubelab serve: unknown flag "${arg}"`;
  }
  return options;
}

/** readBody reads a request body as text, or as the JSON form of a protobuf body (the real kubectl's typed clients). */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const decoded = isKubernetesProtobuf(request.headers['content-type'])
        ? decodeKubernetesProtobuf(bytes)
        : undefined;
      resolve(decoded ? JSON.stringify(decoded) : bytes.toString('utf8'));
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  response.end(text);
}

export interface ApiHttpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * startApiServer serves a cluster over HTTP on 127.0.0.1 (port 0 picks a free one). Without
 * `paused`, simulated time follows the wall clock; `onChange` hears about writes (for saving state).
 */
export async function startApiServer(
  cluster: Cluster,
  options: ServeOptions,
  onChange: () => void = () => {},
): Promise<ApiHttpServer> {
  // The OpenAPI documents carry field descriptions (kubectl explain reads them); they load lazily,
  // so load them before the first client can ask.
  await loadOpenApiDescriptions();
  let wall = performance.now();
  const catchUp = async () => {
    if (options.paused) return;
    const now = performance.now();
    const elapsed = Math.floor(now - wall);
    if (elapsed > 0) {
      wall += elapsed;
      await cluster.advance(elapsed);
    }
  };
  const watches = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const query = Object.fromEntries(url.searchParams.entries());
        if (url.pathname === '/lab/advance' && request.method === 'POST') {
          const ms = parseDuration(query.duration ?? '');
          if (ms === undefined) return send(response, 400, { error: `invalid duration "${query.duration ?? ''}"` });
          await cluster.advance(ms);
          onChange();
          return send(response, 200, { now: new Date(cluster.now()).toISOString() });
        }
        if (url.pathname === '/healthz' || url.pathname === '/readyz' || url.pathname === '/livez')
          return send(response, 200, 'ok');
        await catchUp();
        const text = await readBody(request);
        let body: unknown;
        if (text.length > 0) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        const verb = (request.method ?? 'GET').toUpperCase() as ApiRequest['verb'];
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(request.headers))
          if (typeof value === 'string') headers[key.toLowerCase()] = value;
        if (verb === 'GET' && (query.watch === 'true' || query.watch === '1')) {
          const pending: string[] = [];
          let open = false;
          const opened = cluster.watch({ path: url.pathname, query, headers }, (event) => {
            const line = `${JSON.stringify(event)}\n`;
            if (open) response.write(line);
            else pending.push(line);
          });
          if ('status' in opened) return send(response, opened.status, opened.body);
          response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
          response.flushHeaders();
          open = true;
          for (const line of pending) response.write(line);
          watches.add(response);
          // As the API server does, a missing or zero timeoutSeconds means the default (at most 30 minutes).
          const seconds = Number(query.timeoutSeconds ?? 0);
          const timeout = setTimeout(() => response.end(), (seconds > 0 ? Math.min(seconds, 1800) : 1800) * 1000);
          request.on('close', () => {
            clearTimeout(timeout);
            opened.stop();
            watches.delete(response);
          });
          return;
        }
        const answer = await cluster.request({
          verb,
          path: url.pathname,
          query,
          ...(body !== undefined ? { body } : {}),
          headers,
        });
        if (verb !== 'GET') onChange();
        for (const warning of answer.warnings ?? [])
          response.appendHeader('Warning', `299 - ${JSON.stringify(warning)}`);
        send(response, answer.status, answer.body);
      } catch (error) {
        send(response, 500, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `Internal error occurred: ${(error as Error).message}`,
          reason: 'InternalError',
          code: 500,
        });
      }
    })();
  });
  const ticker = options.paused ? undefined : setInterval(() => void catchUp(), 1000);
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (ticker) clearInterval(ticker);
        for (const watch of watches) watch.end();
        server.close(() => resolve());
      }),
  };
}

export async function serve(args: string[], statePath: string): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 1;
  }
  const loaded = loadState(statePath);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    return 1;
  }
  const { cluster, namespace } = loaded;
  let dirty = false;
  const persist = () => {
    if (!dirty) return;
    dirty = false;
    saveState(statePath, cluster, namespace);
  };
  const http = await startApiServer(cluster, options, () => {
    dirty = true;
  });
  const saver = setInterval(persist, 500);
  process.stdout.write(
    `kubelab: serving the Kubernetes API on http://127.0.0.1:${http.port}${options.paused ? ' (time paused)' : ''}\n`,
  );
  process.stdout.write(`  kubectl --server http://127.0.0.1:${http.port} get nodes\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(saver);
      persist();
      void http.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
