import { fail, ok, type Invocation, type Program } from '../sh/program.ts';
import { imageDefaults, launch, LogBuilder, MiB, option, stableHex, versionAtLeast } from './common.ts';
import { NGINX_DEFAULT_CONF } from './pages.ts';

/** nginxConfig reads what the runtime honours from the nginx config: listen ports and the root. */
export function nginxConfig(inv: Pick<Invocation, 'fs'>): { ports: number[]; root: string } {
  const ports = new Set<number>();
  let root = '/usr/share/nginx/html';
  const dir = inv.fs.readdir('/etc/nginx/conf.d');
  const files = dir.ok ? dir.value.filter((n) => n.endsWith('.conf')).map((n) => `/etc/nginx/conf.d/${n}`) : [];
  for (const path of ['/etc/nginx/nginx.conf', ...files]) {
    const read = inv.fs.readFile(path);
    if (!read.ok) continue;
    const text = read.value.replace(/#.*$/gm, '');
    for (const m of text.matchAll(/^\s*listen\s+(?:[\w.*]+:)?(\d+)/gm)) ports.add(Number(m[1]));
    const r = /^\s*root\s+([^;\s]+)\s*;/m.exec(text);
    if (r?.[1]) root = r[1];
  }
  return { ports: ports.size ? [...ports].sort((a, b) => a - b) : [80], root };
}

const nginxEntrypoint: Program = (inv) => {
  const args = inv.argv.slice(1);
  const first = args[0] ?? '';
  const quiet = inv.env['NGINX_ENTRYPOINT_QUIET_LOGS'];
  if ((first !== 'nginx' && first !== 'nginx-debug') || quiet || !versionAtLeast(inv.proc.image.version, '1.19')) {
    return { exec: args.length ? args : ['nginx'] };
  }
  const lines = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  ];
  const path = '/etc/nginx/conf.d/default.conf';
  const conf = inv.fs.readFile(path);
  const ipv6 = '10-listen-on-ipv6-by-default.sh: info:';
  if (!conf.ok) lines.push(`${ipv6} ${path} is not a file or does not exist`);
  else if (!inv.fs.touch(path, inv.now).ok) lines.push(`${ipv6} can not modify ${path} (read-only file system?)`);
  else if (conf.value.includes('listen  [::]:80;')) lines.push(`${ipv6} IPv6 listen already enabled`);
  else if (conf.value !== NGINX_DEFAULT_CONF) {
    lines.push(`${ipv6} Getting the checksum of ${path}`, `${ipv6} ${path} differs from the packaged version`);
  } else {
    inv.fs.writeFile(
      path,
      conf.value.replace('    listen       80;\n', '    listen       80;\n    listen  [::]:80;\n'),
      { now: inv.now },
    );
    lines.push(`${ipv6} Getting the checksum of ${path}`, `${ipv6} Enabled listen on IPv6 in ${path}`);
  }
  if (versionAtLeast(inv.proc.image.version, '1.25.3'))
    lines.push('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
  lines.push(
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  );
  return { stdout: lines.join('\n') + '\n', durationMs: 40, exec: args };
};

function gccLine(inv: Invocation): string {
  const v = inv.proc.image.version;
  if (inv.proc.image.os === 'alpine')
    return versionAtLeast(v, '1.27')
      ? 'built by gcc 14.2.0 (Alpine 14.2.0) '
      : 'built by gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ';
  if (versionAtLeast(v, '1.29')) return 'built by gcc 14.2.0 (Debian 14.2.0-19) ';
  if (versionAtLeast(v, '1.23.4')) return 'built by gcc 12.2.0 (Debian 12.2.0-14) ';
  return 'built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
}

const nginx: Program = (inv) => {
  const args = inv.argv.slice(1);
  const version =
    inv.proc.image.behavior.kind === 'server' && inv.proc.image.behavior.server === 'nginx'
      ? inv.proc.image.version
      : '1.29.3';
  if (args.includes('-v')) return { status: 0, stderr: `nginx version: nginx/${version}\n` };
  if (args.includes('-V')) return { status: 0, stderr: `nginx version: nginx/${version}\n${gccLine(inv).trim()}\n` };
  if (args.includes('-t') || args.includes('-T')) {
    return {
      status: 0,
      stderr:
        'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    };
  }
  if (args.includes('-s')) {
    const running = inv.host.servers.some((s) => s.kind === 'nginx' && s.exitedAt === undefined);
    if (!running)
      return fail(
        `${new LogBuilder(inv.now).at(0, '%Y/%m/%d %H:%M:%S')} [notice] 1#1: signal process started\n${new LogBuilder(inv.now).at(0, '%Y/%m/%d %H:%M:%S')} [error] 1#1: open() "/run/nginx.pid" failed (2: No such file or directory)`,
      );
    return {
      status: 0,
      stderr: `${new LogBuilder(inv.now).at(0, '%Y/%m/%d %H:%M:%S')} [notice] 1#1: signal process started\n`,
    };
  }
  const daemonOff =
    args.some((a, i) => args[i - 1] === '-g' && /daemon\s+off/.test(a)) || inv.env['NGINX_DAEMON_OFF'] !== undefined;
  const d = imageDefaults(inv, 'nginx', { startupMs: 500, memoryBytes: 3.6 * MiB, cpuMillis: 1 });
  const { ports, root } = nginxConfig(inv);
  const log = new LogBuilder(inv.now);
  const t = d.startupMs - 20;
  const ts = log.at(t, '%Y/%m/%d %H:%M:%S');
  const pid = daemonOff ? '1#1' : '7#7';
  log.err(t, `${ts} [notice] ${pid}: using the "epoll" event method`);
  log.err(t, `${ts} [notice] ${pid}: nginx/${version}`);
  log.err(t, `${ts} [notice] ${pid}: ${gccLine(inv)}`);
  log.err(t, `${ts} [notice] ${pid}: OS: Linux 6.8.0-1027-gke`);
  log.err(t, `${ts} [notice] ${pid}: getrlimit(RLIMIT_NOFILE): 1048576:1048576`);
  log.err(t, `${ts} [notice] ${pid}: start worker processes`);
  for (let w = 0; w < 4; w++) log.err(t, `${ts} [notice] ${pid}: start worker process ${29 + w}`);
  return launch('nginx', daemonOff ? log.logs : [], {
    readyAfterMs: d.startupMs,
    ports,
    memoryBytes: d.memoryBytes,
    memoryAfterMs: d.startupMs,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 60, code: 0 },
    daemon: !daemonOff,
    config: { root, version },
  });
};

function apacheLines(
  inv: Invocation,
  log: LogBuilder,
  t: number,
  binary: 'httpd' | 'apache2',
  banner: string,
  mpm: string,
): void {
  const ip = inv.ctx.podIP ?? '127.0.1.1';
  const when =
    log.at(t, '%a %b %d %H:%M:%S.') + String((inv.now + t) % 1000).padStart(3, '0') + '123 ' + log.at(t, '%Y');
  const tid = `tid ${140_000_000_000_000 + (Number.parseInt(stableHex(inv.ctx.hostname, 8), 16) % 999_999_999)}`;
  const notice = `AH00558: ${binary}: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
  log.err(t - 5, notice).err(t - 5, notice);
  log.err(
    t,
    `[${when}] [${mpm}:notice] [pid 1:${tid}] ${mpm === 'mpm_event' ? 'AH00489' : 'AH00163'}: ${banner} configured -- resuming normal operations`,
  );
  log.err(t, `[${when}] [core:notice] [pid 1:${tid}] AH00094: Command line: '${binary} -D FOREGROUND'`);
}

const httpd: Program = (inv) => {
  if (inv.argv.includes('-v'))
    return ok(`Server version: Apache/${inv.proc.image.version} (Unix)\nServer built:   Jul 23 2025 12:00:00\n`);
  const d = imageDefaults(inv, 'httpd', { startupMs: 400, memoryBytes: 6.8 * MiB, cpuMillis: 1 });
  const log = new LogBuilder(inv.now);
  apacheLines(inv, log, d.startupMs - 10, 'httpd', `Apache/${inv.proc.image.version} (Unix)`, 'mpm_event');
  return launch('httpd', log.logs, {
    readyAfterMs: d.startupMs,
    ports: [80],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: d.startupMs,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 100, code: 0 },
    config: { root: '/usr/local/apache2/htdocs' },
  });
};

const apache2Foreground: Program = (inv) => {
  const image = inv.proc.image;
  const kind = image.behavior.kind === 'server' && image.behavior.server === 'php-apache' ? 'php-apache' : 'wordpress';
  const d = imageDefaults(inv, kind, { startupMs: 1500, memoryBytes: 24 * MiB, cpuMillis: 2 });
  const log = new LogBuilder(inv.now);
  apacheLines(
    inv,
    log,
    d.startupMs - 10,
    'apache2',
    `Apache/2.4.65 (Debian) PHP/${inv.env['PHP_VERSION'] ?? '8.3.26'}`,
    'mpm_prefork',
  );
  return launch(kind, log.logs, {
    readyAfterMs: d.startupMs,
    ports: [80],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: d.startupMs,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 150, code: 0 },
    config: { root: '/var/www/html', dbHost: inv.env['WORDPRESS_DB_HOST'] ?? 'mysql' },
  });
};

const wordpressEntrypoint: Program = (inv) => {
  const args = inv.argv.slice(1);
  if (args[0] !== 'apache2-foreground' || inv.fs.exists('/var/www/html/wp-config.php')) return { exec: args };
  inv.fs.writeFile(
    '/var/www/html/wp-config.php',
    `<?php\ndefine( 'DB_HOST', '${inv.env['WORDPRESS_DB_HOST'] ?? 'mysql'}' );\n`,
    { now: inv.now },
  );
  return {
    stdout: `WordPress not found in /var/www/html - copying now...\nComplete! WordPress has been successfully copied to /var/www/html\nNo 'wp-config.php' found in /var/www/html, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (${
      Object.keys(inv.env)
        .filter((k) => k.startsWith('WORDPRESS_'))
        .join(' ') || 'WORDPRESS_DB_HOST'
    })\n`,
    durationMs: 400,
    exec: args,
  };
};

const goServer = (
  kind: 'whoami' | 'http-echo' | 'hello-app' | 'registry' | 'prometheus' | 'grafana' | 'echoserver' | 'agnhost',
): Program => {
  return (inv) => {
    const args = inv.argv.slice(1);
    const d = imageDefaults(inv, kind, { startupMs: 50, memoryBytes: 2 * MiB, cpuMillis: 1 });
    const log = new LogBuilder(inv.now);
    const t = d.startupMs;
    const goTime = log.at(t, '%Y/%m/%d %H:%M:%S');
    switch (kind) {
      case 'whoami': {
        const port = Number(option(args, '--port', '-port') ?? inv.env['WHOAMI_PORT_NUMBER'] ?? 80);
        log.out(t, `${goTime} Starting up on port ${port}`);
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [port],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 1, code: 2 },
          config: { name: inv.env['WHOAMI_NAME'] ?? '' },
        });
      }
      case 'http-echo': {
        const text = option(args, '-text', '--text') ?? inv.env['ECHO_TEXT'];
        if (text === undefined) return fail('Missing -text option!', 127);
        const listen = option(args, '-listen', '--listen') ?? ':5678';
        const port = Number(listen.split(':').pop() || 5678);
        log.err(t, `${goTime} [INFO] server is listening on ${listen}`);
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [port],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 10, code: 0 },
          config: { text },
        });
      }
      case 'hello-app': {
        const port = Number(inv.env['PORT'] ?? 8080);
        log.err(t, `${goTime} Server listening on port ${port}`);
        const version =
          inv.proc.image.behavior.kind === 'server' && inv.proc.image.behavior.server === 'hello-app'
            ? inv.proc.image.version
            : '1.0.0';
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [port],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 1, code: 2 },
          config: { version },
        });
      }
      case 'echoserver': {
        log
          .out(t - 40, 'Generating self-signed cert')
          .out(t - 30, 'Generating a 2048 bit RSA private key')
          .out(t - 20, '..............+++')
          .out(t - 10, "writing new private key to '/certs/privateKey.key'")
          .out(t - 10, '-----')
          .out(t, 'Starting nginx');
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [8080, 8443],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 50, code: 0 },
        });
      }
      case 'agnhost': {
        const mode = args[0] ?? 'pause';
        if (mode === 'pause') {
          log.out(0, 'Paused');
          return launch(kind, log.logs, {
            ports: [],
            memoryBytes: d.memoryBytes,
            cpuMillis: 0,
            sigterm: { afterMs: 1, code: 0 },
            config: { mode },
          });
        }
        const port = Number(option(args, '--http-port', '--port') ?? (mode === 'serve-hostname' ? 9376 : 8080));
        if (mode === 'serve-hostname') log.err(t, `${goTime} Serving on port ${port}.`);
        if (mode === 'netexec')
          log.err(t, `${log.at(t, 'I%m%d %H:%M:%S.000000')}       1 log.go:245] Started HTTP server on port ${port}`);
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [port],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 1, code: 0 },
          config: { mode },
        });
      }
      case 'registry': {
        log.err(
          t,
          `time="${log.iso(t)}" level=info msg="redis not configured" go.version=go1.23.7 instance.id=${stableHex(inv.ctx.hostname, 8)}-${stableHex(inv.ctx.hostname + 'r', 4)} service=registry version=3.0.0`,
        );
        log.err(
          t,
          `time="${log.iso(t)}" level=info msg="Starting upload purge in 53m0s" go.version=go1.23.7 service=registry version=3.0.0`,
        );
        log.err(
          t,
          `time="${log.iso(t)}" level=info msg="listening on [::]:5000" go.version=go1.23.7 service=registry version=3.0.0`,
        );
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [5000],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 20, code: 0 },
        });
      }
      case 'prometheus': {
        log.err(
          0,
          `time=${log.iso(0)} level=INFO source=main.go:690 msg="No time or size retention was set so using the default time retention" duration=15d`,
        );
        log.err(
          0,
          `time=${log.iso(0)} level=INFO source=main.go:741 msg="Starting Prometheus Server" mode=server version="(version=${inv.proc.image.version}, branch=HEAD)"`,
        );
        log.err(t, `time=${log.iso(t)} level=INFO source=main.go:1493 msg="Server is ready to receive web requests."`);
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [9090],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 200, code: 0 },
        });
      }
      case 'grafana': {
        log.out(
          0,
          `logger=settings t=${log.iso(0)} level=info msg="Starting Grafana" version=${inv.proc.image.version} commit=00000000 branch=HEAD compiled=${log.iso(0)}`,
        );
        log.out(
          t,
          `logger=http.server t=${log.iso(t)} level=info msg="HTTP Server Listen" address=[::]:3000 protocol=http subUrl= socket=`,
        );
        return launch(kind, log.logs, {
          readyAfterMs: t,
          ports: [3000],
          memoryBytes: d.memoryBytes,
          cpuMillis: d.cpuMillis,
          sigterm: { afterMs: 300, code: 0 },
        });
      }
    }
  };
};

export const WEB_PROGRAMS: Record<string, Program> = {
  'nginx-entrypoint': nginxEntrypoint,
  nginx,
  httpd,
  'apache2-foreground': apache2Foreground,
  'wordpress-entrypoint': wordpressEntrypoint,
  whoami: goServer('whoami'),
  'http-echo': goServer('http-echo'),
  'hello-app': goServer('hello-app'),
  echoserver: goServer('echoserver'),
  agnhost: goServer('agnhost'),
  registry: (inv) => (inv.argv[1] === 'garbage-collect' ? ok('') : goServer('registry')(inv)),
  prometheus: goServer('prometheus'),
  grafana: goServer('grafana'),
};
