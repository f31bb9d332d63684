import type { ImageInfo } from '../images/types.ts';
import { formatDate } from '../sh/builtins/date.ts';
import { HTTP_REASONS } from '../sh/builtins/net.ts';
import type { NetworkAccess, ServerState } from '../types.ts';
import { utf8Length, type ContainerFileSystem } from '../vfs.ts';
import { stableHex } from './common.ts';
import { serveSystemHttp } from './system.ts';
import { apacheErrorPage, nginxErrorPage, WORDPRESS_DB_ERROR } from './pages.ts';

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  remoteAddr: string;
  /** the container port the request arrived on, for servers that answer differently per port */
  port?: number;
}

export interface HttpEnv {
  fs: ContainerFileSystem;
  hostname: string;
  now: number;
  podIP: string | undefined;
  network: NetworkAccess | undefined;
  image: ImageInfo;
}

/** HttpReply is a server's answer, the CPU it cost, and the access-log line it writes (if any). */
export type HttpReply =
  | {
      kind: 'response';
      status: number;
      body: string;
      headers: Record<string, string>;
      cpuMs: number;
      logs?: { stream: 'stdout' | 'stderr'; text: string }[];
    }
  /** the port speaks another protocol: the HTTP client sees the connection close (curl: Empty reply) */
  | { kind: 'reset' };

const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  json: 'application/json',
  css: 'text/css',
  js: 'application/javascript',
  png: 'image/png',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
  xml: 'text/xml',
};

function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

function reply(status: number, body: string, headers: Record<string, string> = {}, cpuMs = 0.2): HttpReply {
  return { kind: 'response', status, body, headers: { 'Content-Length': String(utf8Length(body)), ...headers }, cpuMs };
}

function httpDate(now: number): string {
  return formatDate(now, '%a, %d %b %Y %H:%M:%S GMT');
}

/** staticFile resolves a URL path under a document root the way nginx and Apache do. */
function staticFile(
  env: HttpEnv,
  root: string,
  urlPath: string,
):
  { kind: 'file'; path: string; content: string } | { kind: 'redirect' } | { kind: 'forbidden' } | { kind: 'missing' } {
  const clean = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const path = `${root.replace(/\/$/, '')}${clean}`;
  const st = env.fs.stat(path);
  if (!st.ok) return { kind: 'missing' };
  if (st.value.type === 'dir') {
    if (!clean.endsWith('/')) return { kind: 'redirect' };
    for (const index of ['index.html', 'index.htm']) {
      const file = env.fs.readFile(`${path.replace(/\/$/, '')}/${index}`);
      if (file.ok) return { kind: 'file', path: `${path}${index}`, content: file.value };
    }
    return { kind: 'forbidden' };
  }
  const file = env.fs.readFile(path);
  return file.ok ? { kind: 'file', path, content: file.value } : { kind: 'missing' };
}

function combinedLog(req: HttpRequest, env: HttpEnv, status: number, bytes: number, nginxStyle: boolean): string {
  const when = formatDate(env.now, '%d/%b/%Y:%H:%M:%S +0000');
  const line = `${req.remoteAddr} - - [${when}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes}`;
  if (!nginxStyle) return line;
  return `${line} "-" "${req.headers['User-Agent'] ?? '-'}" "-"`;
}

function nginx(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply {
  const version = server.config?.['version'] ?? env.image.version;
  const base = { Server: `nginx/${version}`, Date: httpDate(env.now), Connection: 'keep-alive' };
  const found = staticFile(env, server.config?.['root'] ?? '/usr/share/nginx/html', req.path);
  let r: HttpReply;
  if (found.kind === 'file') {
    r = reply(200, req.method === 'HEAD' ? '' : found.content, {
      ...base,
      'Content-Type': contentType(found.path),
      'Last-Modified': httpDate(env.now - 86_400_000),
      ETag: `"${stableHex(found.content, 8)}-${utf8Length(found.content).toString(16)}"`,
      'Accept-Ranges': 'bytes',
    });
    if (r.kind === 'response') r.headers['Content-Length'] = String(utf8Length(found.content));
  } else if (found.kind === 'redirect') {
    r = reply(301, nginxErrorPage(301, 'Moved Permanently', version), {
      ...base,
      'Content-Type': 'text/html',
      Location: `http://${req.headers['Host'] ?? 'localhost'}${req.path}/`,
    });
  } else if (found.kind === 'forbidden')
    r = reply(403, nginxErrorPage(403, 'Forbidden', version), { ...base, 'Content-Type': 'text/html' });
  else r = reply(404, nginxErrorPage(404, 'Not Found', version), { ...base, 'Content-Type': 'text/html' });
  if (r.kind !== 'response') return r;
  r.logs = [];
  if (found.kind === 'missing') {
    const path = `${server.config?.['root'] ?? '/usr/share/nginx/html'}${req.path.split('?')[0] ?? ''}`;
    r.logs.push({
      stream: 'stderr',
      text: `${formatDate(env.now, '%Y/%m/%d %H:%M:%S')} [error] 29#29: *1 open() "${path}" failed (2: No such file or directory), client: ${req.remoteAddr}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers['Host'] ?? 'localhost'}"`,
    });
  }
  r.logs.push({
    stream: 'stdout',
    text: combinedLog(req, env, r.status, Number(r.headers['Content-Length'] ?? 0), true),
  });
  return r;
}

function apache(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply {
  const base = { Server: 'Apache/2.4.65 (Unix)', Date: httpDate(env.now) };
  const found = staticFile(env, server.config?.['root'] ?? '/usr/local/apache2/htdocs', req.path);
  let r: HttpReply;
  if (found.kind === 'file') r = reply(200, found.content, { ...base, 'Content-Type': contentType(found.path) });
  else if (found.kind === 'redirect')
    r = reply(
      301,
      apacheErrorPage(301, 'Moved Permanently', `The document has moved <a href="${req.path}/">here</a>.`),
      { ...base, Location: `${req.path}/` },
    );
  else if (found.kind === 'forbidden')
    r = reply(403, apacheErrorPage(403, 'Forbidden', "You don't have permission to access this resource."), base);
  else r = reply(404, apacheErrorPage(404, 'Not Found', 'The requested URL was not found on this server.'), base);
  if (r.kind === 'response')
    r.logs = [
      { stream: 'stdout', text: combinedLog(req, env, r.status, Number(r.headers['Content-Length'] ?? 0), false) },
    ];
  return r;
}

function directoryListing(env: HttpEnv, root: string, urlPath: string): HttpReply {
  const path = `${root.replace(/\/$/, '')}${urlPath.split('?')[0] ?? '/'}`;
  const st = env.fs.stat(path);
  if (st.ok && st.value.type === 'file') {
    const file = env.fs.readFile(path);
    return reply(200, file.ok ? file.value : '', {
      'Content-type': contentType(path),
      Server: 'SimpleHTTP/0.6 Python/3.14.0',
    });
  }
  const list = env.fs.readdir(path);
  if (!list.ok)
    return reply(
      404,
      `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n`,
      { 'Content-Type': 'text/html;charset=utf-8' },
    );
  const title = `Directory listing for ${urlPath}`;
  const items = list.value.map((n) => {
    const dir = env.fs.isDirectory(`${path.replace(/\/$/, '')}/${n}`);
    return `<li><a href="${n}${dir ? '/' : ''}">${n}${dir ? '/' : ''}</a></li>`;
  });
  return reply(
    200,
    `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n${items.join('\n')}\n</ul>\n<hr>\n</body>\n</html>\n`,
    { 'Content-type': 'text/html; charset=utf-8', Server: 'SimpleHTTP/0.6 Python/3.14.0' },
  );
}

function whoami(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply {
  const lines = [`Hostname: ${env.hostname}`];
  if (server.config?.['name']) lines.push(`Name: ${server.config['name']}`);
  lines.push('IP: 127.0.0.1', 'IP: ::1');
  if (env.podIP) lines.push(`IP: ${env.podIP}`);
  lines.push(`RemoteAddr: ${req.remoteAddr}:${40000 + (env.now % 20000)}`, `${req.method} ${req.path} HTTP/1.1`);
  for (const [k, v] of Object.entries({ Host: req.headers['Host'] ?? 'localhost', ...req.headers }))
    if (k !== 'Host' || v) lines.push(`${k}: ${v}`);
  return reply(200, [...new Set(lines)].join('\r\n') + '\r\n\r\n', {
    'Content-Type': 'text/plain; charset=utf-8',
    Date: httpDate(env.now),
  });
}

function echoserver(req: HttpRequest, env: HttpEnv): HttpReply {
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `\t${k.toLowerCase()}=${v}`)
    .join('\n');
  const body = `\n\nHostname: ${env.hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.remoteAddr}\n\tmethod=${req.method}\n\treal path=${req.path.split('?')[0]}\n\tquery=${req.path.split('?')[1] ?? ''}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${req.headers['Host'] ?? 'localhost'}:8080${req.path}\n\nRequest Headers:\n${headers}\n\nRequest Body:\n\t-no body in request-\n\n`;
  return reply(200, body, { 'Content-Type': 'text/plain', Server: 'echoserver' });
}

function agnhost(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply {
  const mode = server.config?.['mode'] ?? 'netexec';
  const [path = '/', query = ''] = req.path.split('?');
  if (mode === 'liveness') {
    const age = (env.now - server.startedAt) / 1000;
    if (path === '/healthz' && age > 10) return reply(500, `error: ${age.toFixed(6)}s`);
    return reply(200, 'ok');
  }
  if (mode === 'serve-hostname') return reply(200, env.hostname);
  if (path === '/hostname') return reply(200, env.hostname);
  if (path === '/clientip') return reply(200, `${req.remoteAddr}:${40000 + (env.now % 20000)}`);
  if (path === '/echo') return reply(200, decodeURIComponent(/(?:^|&)msg=([^&]*)/.exec(query)?.[1] ?? ''));
  if (path === '/healthz') return reply(200, '');
  return reply(200, `NOW: ${new Date(env.now).toISOString()}`);
}

function elasticsearch(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply {
  const json = { 'Content-Type': 'application/json', 'X-elastic-product': 'Elasticsearch' };
  if (server.config?.['security'] === 'on') {
    const reason = `missing authentication credentials for REST request [${req.path}]`;
    const header = { 'WWW-Authenticate': ['Basic realm="security", charset="UTF-8"', 'ApiKey'] };
    return reply(
      401,
      JSON.stringify({
        error: {
          root_cause: [{ type: 'security_exception', reason, header }],
          type: 'security_exception',
          reason,
          header,
        },
        status: 401,
      }),
      json,
      1,
    );
  }
  const node = server.config?.['node'] ?? env.hostname;
  const version = server.config?.['version'] ?? env.image.version;
  if (req.path.startsWith('/_cluster/health')) {
    return reply(
      200,
      JSON.stringify({
        cluster_name: 'docker-cluster',
        status: 'green',
        timed_out: false,
        number_of_nodes: 1,
        number_of_data_nodes: 1,
        active_primary_shards: 0,
        active_shards: 0,
        relocating_shards: 0,
        initializing_shards: 0,
        unassigned_shards: 0,
        delayed_unassigned_shards: 0,
        number_of_pending_tasks: 0,
        number_of_in_flight_fetch: 0,
        task_max_waiting_in_queue_millis: 0,
        active_shards_percent_as_number: 100.0,
      }),
      json,
      1,
    );
  }
  const body = `{\n  "name" : "${node}",\n  "cluster_name" : "docker-cluster",\n  "cluster_uuid" : "${btoa(stableHex(node, 16)).slice(0, 22)}",\n  "version" : {\n    "number" : "${version}",\n    "build_flavor" : "default",\n    "build_type" : "docker",\n    "lucene_version" : "10.2.2",\n    "minimum_wire_compatibility_version" : "8.19.0",\n    "minimum_index_compatibility_version" : "8.0.0"\n  },\n  "tagline" : "You Know, for Search"\n}\n`;
  return reply(200, body, json, 1);
}

function reachable(env: HttpEnv, url: string): boolean {
  const r = env.network?.http(url, { timeoutMs: 1000 });
  return r?.ok === true;
}

/**
 * serveHttp answers an HTTP request to a listening server, in that server's manner: nginx and Apache
 * serve files from their document roots, echo servers describe the request, databases reset.
 */
export function serveHttp(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply {
  const path = req.path.split('?')[0] ?? '/';
  const system = serveSystemHttp(server, req, env);
  if (system) return system;
  switch (server.kind) {
    case 'nginx':
      return nginx(server, req, env);
    case 'httpd':
      return apache(server, req, env);
    case 'php-apache':
      return path === '/' || path === '/index.php'
        ? reply(200, 'OK!', { 'Content-Type': 'text/html; charset=UTF-8', 'X-Powered-By': 'PHP/5.6.19' }, 5)
        : apache(server, req, env);
    case 'wordpress': {
      const db = server.config?.['dbHost'] ?? 'mysql';
      const [host = 'mysql', port = '3306'] = db.split(':');
      const up = env.network?.tcp
        ? env.network.tcp(host, Number(port), { timeoutMs: 1000 }) === 'open'
        : reachable(env, `http://${host}:${port}/`);
      if (!up) return reply(500, WORDPRESS_DB_ERROR, { 'Content-Type': 'text/html; charset=utf-8' }, 3);
      return reply(
        302,
        '',
        { Location: `http://${req.headers['Host'] ?? 'localhost'}/wp-admin/install.php`, 'X-Redirect-By': 'WordPress' },
        3,
      );
    }
    case 'python-http':
      return directoryListing(env, server.config?.['root'] ?? '/', req.path);
    case 'whoami':
      return whoami(server, req, env);
    case 'http-echo':
      return path === '/health'
        ? reply(200, '{"status":"ok"}')
        : reply(200, `${server.config?.['text'] ?? ''}\n`, {
            'Content-Type': 'text/plain; charset=utf-8',
            'X-App-Name': 'http-echo',
            'X-App-Version': '1.0.0',
          });
    case 'hello-app':
      return reply(
        200,
        `Hello, world!\nVersion: ${server.config?.['version'] ?? '1.0.0'}\nHostname: ${env.hostname}\n`,
        { 'Content-Type': 'text/plain; charset=utf-8' },
      );
    case 'echoserver':
      return echoserver(req, env);
    case 'agnhost':
      return agnhost(server, req, env);
    case 'node-http':
      return reply(200, server.config?.['body'] ?? 'Hello World', { 'Content-Type': 'text/plain' }, 0.5);
    case 'netcat': {
      const raw = server.config?.['response'] ?? '';
      const [head = '', ...rest] = raw.replace(/\r/g, '').split('\n\n');
      const status = Number(/^HTTP\/\S+\s+(\d+)/.exec(head)?.[1] ?? 200);
      return reply(status, rest.join('\n\n'), {}, 0.1);
    }
    case 'elasticsearch':
      return elasticsearch(server, req, env);
    case 'kibana': {
      if (path.startsWith('/api/status'))
        return reply(200, JSON.stringify({ name: env.hostname, status: { overall: { level: 'available' } } }), {
          'Content-Type': 'application/json',
        });
      const es = server.config?.['elasticsearch'] ?? 'http://elasticsearch:9200';
      if (!reachable(env, es)) return reply(503, 'Kibana server is not ready yet', { 'Content-Type': 'text/plain' });
      return reply(302, '', { Location: '/app/home' });
    }
    case 'jenkins':
      if (path === '/login')
        return reply(
          200,
          '<!DOCTYPE html><html><head><title>Sign in [Jenkins]</title></head><body></body></html>',
          { 'Content-Type': 'text/html;charset=utf-8', 'X-Jenkins': env.image.version },
          2,
        );
      return reply(
        403,
        `<html><head><meta http-equiv='refresh' content='1;url=/login?from=%2F'/><script id='redirect' data-redirect-url='/login?from=%2F' src='/static/00000000/scripts/redirect.js'></script></head><body style='background-color:white; color:white;'>\nAuthentication required\n</body></html>\n`,
        { 'Content-Type': 'text/html;charset=utf-8', 'X-Jenkins': env.image.version },
        2,
      );
    case 'registry':
      if (path === '/v2/_catalog') return reply(200, '{"repositories":[]}\n', { 'Content-Type': 'application/json' });
      return path.startsWith('/v2')
        ? reply(200, '{}', { 'Content-Type': 'application/json', 'Docker-Distribution-Api-Version': 'registry/2.0' })
        : reply(200, '');
    case 'prometheus':
      if (path === '/-/healthy') return reply(200, 'Prometheus Server is Healthy.\n');
      if (path === '/-/ready') return reply(200, 'Prometheus Server is Ready.\n');
      return reply(302, '<a href="/query">Found</a>.\n\n', { Location: '/query' });
    case 'grafana':
      if (path === '/api/health')
        return reply(200, JSON.stringify({ database: 'ok', version: env.image.version, commit: '00000000' }, null, 2), {
          'Content-Type': 'application/json',
        });
      return reply(302, '<a href="/login">Found</a>.\n\n', { Location: '/login' });
    case 'mongo':
      return reply(200, 'It looks like you are trying to access MongoDB over HTTP on the native driver port.\n', {
        'Content-Type': 'text/plain',
      });
    default:
      return { kind: 'reset' };
  }
}

export { HTTP_REASONS };
