import { isGnu, resolvePath, type Invocation, type Program, type ProgramResult } from '../program.ts';

/** HTTP_REASONS are the reason phrases servers send, for wget's and curl's messages. */
export const HTTP_REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ParsedUrl {
  host: string;
  port: number;
  path: string;
  url: string;
}

/** parseUrl reads http://host[:port]/path (a missing scheme means http, as in wget and curl). */
export function parseUrl(text: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+|\[[^\]]+\])(?::(\d+))?([/?#].*)?$/i.exec(text);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  return {
    host: m[2],
    port,
    path: path.startsWith('/') ? path : '/' + path,
    url: `${scheme}://${m[2]}${m[3] ? ':' + m[3] : ''}${path.startsWith('/') ? path : '/' + path}`,
  };
}

function secondsArg(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n * 1000 : fallback;
}

const wget: Program = (inv) => {
  const args = inv.argv.slice(1);
  let quiet = false;
  let output: string | undefined;
  let timeoutMs = 900_000;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--quiet') quiet = true;
    else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a.startsWith('--timeout=')) timeoutMs = secondsArg(a.slice(10), timeoutMs);
    else if (a === '--spider') spider = true;
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') && a.length > 1) {
      // Short options bundle as getopt allows: -qO- is -q -O -, -qT5 is -q -T 5.
      for (let j = 1; j < a.length; j++) {
        const flag = a[j];
        if (flag === 'q') quiet = true;
        else if (flag === 'O' || flag === 'T' || flag === 'o' || flag === 'P' || flag === 'U' || flag === 'Y') {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (flag === 'O') output = value;
          if (flag === 'T') timeoutMs = secondsArg(value, timeoutMs);
          break;
        }
      }
    } else url = a;
  }
  const gnu = isGnu(inv);
  if (!url)
    return {
      status: 1,
      stderr: gnu
        ? "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n"
        : 'BusyBox v1.37.0 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n',
    };
  const parsed = parseUrl(url);
  if (!parsed) return { status: 1, stderr: `wget: bad address '${url}'\n` };
  const result = inv.net.http(parsed.url, {
    timeoutMs,
    method: spider ? 'HEAD' : 'GET',
    headers: { 'User-Agent': 'Wget' },
  });
  const ip = inv.net.resolve(parsed.host) ?? parsed.host;
  let stderr = quiet
    ? ''
    : `Connecting to ${parsed.host}${parsed.port === 80 ? '' : ':' + parsed.port} (${ip}:${parsed.port})\n`;
  const done = (r: ProgramResult): ProgramResult => ({ ...r, durationMs: result.durationMs });
  if (!result.ok) {
    if (result.error === 'unresolved') return done({ status: 1, stderr: `wget: bad address '${parsed.host}'\n` });
    if (result.error === 'timeout') return done({ status: 1, stderr: stderr + 'wget: download timed out\n' });
    return done({ status: 1, stderr: stderr + `wget: can't connect to remote host (${ip}): Connection refused\n` });
  }
  if (result.status >= 400) {
    return done({
      status: 1,
      stderr: stderr + `wget: server returned error: HTTP/1.1 ${result.status} ${HTTP_REASONS[result.status] ?? ''}\n`,
    });
  }
  if (spider) return done({ status: 0, stderr: quiet ? '' : stderr + 'remote file exists\n' });
  const size = new TextEncoder().encode(result.body).length;
  const bar = `|********************************| ${String(size).padStart(5)}  0:00:00 ETA`;
  if (output === '-') {
    if (!quiet) stderr += `writing to stdout\n-                    100% ${bar}\nwritten to stdout\n`;
    return done({ status: 0, stdout: result.body, stderr });
  }
  const file = output ?? (parsed.path.split('?')[0]?.split('/').pop() || 'index.html');
  const w = inv.fs.writeFile(resolvePath(inv, file), result.body, { now: inv.now });
  if (!w.ok)
    return done({
      status: 1,
      stderr:
        stderr +
        `wget: can't open '${file}': ${w.errno === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`,
    });
  if (!quiet) stderr += `saving to '${file}'\n${file.padEnd(20).slice(0, 20)} 100% ${bar}\n'${file}' saved\n`;
  return done({ status: 0, stderr });
};

const curl: Program = (inv) => {
  const args = inv.argv.slice(1);
  let silent = false;
  let showError = false;
  let failOnError = false;
  let output: string | undefined;
  let timeoutMs = 300_000;
  let headOnly = false;
  let include = false;
  let writeOut: string | undefined;
  let method = 'GET';
  let url: string | undefined;
  const headers: Record<string, string> = { 'User-Agent': 'curl/8.16.0' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout')
      timeoutMs = secondsArg(args[++i], timeoutMs);
    else if (a === '-w' || a === '--write-out') writeOut = args[++i];
    else if (a === '-X' || a === '--request') method = args[++i] ?? 'GET';
    else if (a === '-H' || a === '--header') {
      const [k, ...v] = (args[++i] ?? '').split(':');
      if (k) headers[k.trim()] = v.join(':').trim();
    } else if (a === '-d' || a === '--data' || a === '-A' || a === '-u' || a === '-e') {
      i++;
      if (a === '-d' || a === '--data') method = 'POST';
    } else if (a === '--silent') silent = true;
    else if (a === '--fail') failOnError = true;
    else if (a === '--head') headOnly = true;
    else if (a === '--include') include = true;
    else if (a === '--show-error') showError = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 's') silent = true;
        else if (c === 'S') showError = true;
        else if (c === 'f') failOnError = true;
        else if (c === 'I') headOnly = true;
        else if (c === 'i') include = true;
      }
    } else if (!a.startsWith('-')) url = a;
  }
  if (!url) return { status: 2, stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n" };
  const parsed = parseUrl(url);
  const errors = !silent || showError;
  if (!parsed)
    return { status: 3, stderr: errors ? `curl: (3) URL rejected: Malformed input to a URL function\n` : '' };
  const result = inv.net.http(parsed.url, { timeoutMs, method: headOnly ? 'HEAD' : method, headers });
  const finish = (r: ProgramResult): ProgramResult => ({ ...r, durationMs: result.durationMs });
  const progress = (bytes: number): string =>
    silent || output === undefined
      ? ''
      : `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${String(bytes).padStart(5)}  100 ${String(bytes).padStart(5)}    0     0   ${Math.max(1, Math.round(bytes / 1024))}k      0 --:--:-- --:--:-- --:--:-- ${Math.max(1, Math.round(bytes / 1024))}k\n`;
  if (!result.ok) {
    const ms = result.durationMs;
    const text =
      result.error === 'unresolved'
        ? `curl: (6) Could not resolve host: ${parsed.host}\n`
        : result.error === 'timeout'
          ? `curl: (28) ${timeoutMs < 300_000 ? `Operation timed out after ${ms} milliseconds with 0 bytes received` : `Failed to connect to ${parsed.host} port ${parsed.port} after ${ms} ms: Timeout was reached`}\n`
          : `curl: (7) Failed to connect to ${parsed.host} port ${parsed.port} after ${ms} ms: Couldn't connect to server\n`;
    const code = result.error === 'unresolved' ? 6 : result.error === 'timeout' ? 28 : 7;
    return finish({ status: code, stdout: writeOut ? formatWriteOut(writeOut, 0) : '', stderr: errors ? text : '' });
  }
  if (failOnError && result.status >= 400) {
    return finish({
      status: 22,
      stdout: writeOut ? formatWriteOut(writeOut, result.status) : '',
      stderr: errors ? `curl: (22) The requested URL returned error: ${result.status}\n` : '',
    });
  }
  const headerText =
    `HTTP/1.1 ${result.status} ${HTTP_REASONS[result.status] ?? ''}\r\n` +
    Object.entries(result.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  const body = headOnly ? headerText : (include ? headerText : '') + result.body;
  const extra = writeOut ? formatWriteOut(writeOut, result.status) : '';
  if (output !== undefined && output !== '-') {
    const w = inv.fs.writeFile(resolvePath(inv, output), body, { now: inv.now });
    if (!w.ok) return finish({ status: 23, stderr: `curl: (23) Failure writing output to destination\n` });
    return finish({ status: 0, stdout: extra, stderr: progress(body.length) });
  }
  return finish({ status: 0, stdout: body + extra });
};

function formatWriteOut(format: string, status: number): string {
  return format
    .replace(/%\{http_code\}|%\{response_code\}/g, String(status).padStart(3, '0'))
    .replace(/%\{time_total\}/g, '0.002134')
    .replace(/\\n/g, '\n');
}

const nc: Program = (inv) => {
  const args = inv.argv.slice(1);
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const listen = flags.includes('l');
  const values: string[] = [];
  let listenPort: number | undefined;
  let timeoutMs = 10_000;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-p') listenPort = Number(args[++i]);
    else if (a === '-w') timeoutMs = secondsArg(args[++i], timeoutMs);
    else if (!a.startsWith('-')) values.push(a);
  }
  if (listen) {
    const port = listenPort ?? Number(values[0] ?? 0);
    return {
      server: {
        kind: 'netcat',
        logs: [],
        readyAfterMs: 0,
        ports: [port],
        memoryBytes: 256 * 1024,
        cpuMillis: 0,
        sigterm: 'ignore',
        config: { response: inv.stdin ?? '' },
      },
    };
  }
  const [host = '', portText = ''] = values;
  const port = Number(portText);
  const state = inv.net.tcp(host, port, timeoutMs);
  const verbose = flags.includes('v');
  const ip = inv.net.resolve(host) ?? host;
  if (flags.includes('z')) {
    if (state === 'open') return { status: 0, stderr: verbose ? `${host} (${ip}:${port}) open\n` : '' };
    if (state === 'unresolved') return { status: 1, stderr: `nc: bad address '${host}'\n` };
    return { status: 1, stderr: verbose ? `nc: ${host} (${ip}:${port}): Connection refused\n` : '' };
  }
  if (state === 'unresolved') return { status: 1, stderr: `nc: bad address '${host}'\n` };
  if (state !== 'open') return { status: 1, stderr: `nc: can't connect to remote host (${ip}): Connection refused\n` };
  const input = inv.stdin ?? '';
  const request = /^(GET|HEAD|POST|PUT|DELETE) (\S+)/.exec(input);
  if (request) {
    const r = inv.net.http(`http://${host}:${port}${request[2] ?? '/'}`, { timeoutMs, method: request[1] ?? 'GET' });
    if (r.ok) {
      const head = `HTTP/1.1 ${r.status} ${HTTP_REASONS[r.status] ?? ''}\r\n${Object.entries(r.headers ?? {})
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`;
      return { status: 0, stdout: head + r.body, durationMs: r.durationMs };
    }
  }
  return { status: 0 };
};

/** resolvConf reads the nameserver and search list the kubelet wrote into /etc/resolv.conf. */
function resolvConf(inv: Invocation): { nameserver: string; search: string[] } {
  const r = inv.fs.readFile('/etc/resolv.conf');
  const text = r.ok ? r.value : '';
  const nameserver = /^nameserver\s+(\S+)/m.exec(text)?.[1] ?? '10.96.0.10';
  const search = (/^search\s+(.+)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
  return { nameserver, search };
}

const nslookup: Program = (inv) => {
  const host = inv.argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
  const { nameserver, search } = resolvConf(inv);
  const candidates =
    host.endsWith('.') || host.split('.').length > 4
      ? [host.replace(/\.$/, '')]
      : [...search.map((s) => `${host}.${s}`), host];
  let name: string | undefined;
  let ip: string | undefined;
  for (const c of candidates) {
    const found = inv.net.resolve(c);
    if (found) {
      name = c;
      ip = found;
      break;
    }
  }
  const old = inv.proc.image.os === 'busybox' && /^1\.(2[0-8])\b/.test(inv.proc.image.version);
  if (old) {
    const head = `Server:    ${nameserver}\nAddress 1: ${nameserver} kube-dns.kube-system.svc.cluster.local\n\n`;
    if (!ip || !name) return { status: 1, stdout: head, stderr: `nslookup: can't resolve '${host}'\n`, durationMs: 2 };
    return { status: 0, stdout: `${head}Name:      ${host}\nAddress 1: ${ip} ${name}\n`, durationMs: 2 };
  }
  const head = `Server:\t\t${nameserver}\nAddress:\t${nameserver}#53\n\n`;
  if (!ip || !name)
    return { status: 1, stdout: head, stderr: `** server can't find ${host}: NXDOMAIN\n\n`, durationMs: 2 };
  return { status: 0, stdout: `${head}Name:\t${name}\nAddress: ${ip}\n\n`, durationMs: 2 };
};

export const NET_PROGRAMS: Record<string, Program> = { wget, curl, nc, nslookup };
