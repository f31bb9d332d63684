import { binaryContent } from '../resolve.ts';
import { fail, isGnu, ok, resolvePath, type Invocation, type Program, type ProgramResult } from '../program.ts';
import { formatDate } from './date.ts';

const MiB = 1024 * 1024;

/** shellProgram runs sh/ash/dash/bash: `-c script`, a script file, or commands on stdin. */
function shellProgram(flavor: 'ash' | 'dash' | 'bash'): Program {
  return (inv) => {
    const argv0 = inv.argv[0] ?? 'sh';
    const args = inv.argv.slice(1);
    while (args[0] !== undefined && /^[-+][eilsxuvo]+$/.test(args[0]) && args[0] !== '-c') {
      const opt = args.shift();
      if (opt === '-o' || opt === '+o') args.shift();
    }
    if (args[0] === '-c' || /^-[a-z]*c[a-z]*$/.test(args[0] ?? '')) {
      args.shift();
      const source = args.shift();
      if (source === undefined) {
        if (flavor === 'bash') return fail(`${argv0}: -c: option requires an argument`, 2);
        return fail(`${argv0}: -c requires an argument`, 2);
      }
      const name = args.shift() ?? argv0;
      return { script: { source, name, args, flavor } };
    }
    const file = args.shift();
    if (file !== undefined) {
      const read = inv.fs.readFile(resolvePath(inv, file));
      if (!read.ok) {
        if (flavor === 'bash') return fail(`${argv0}: ${file}: No such file or directory`, 127);
        if (flavor === 'dash') return fail(`${argv0}: 0: cannot open ${file}: No such file`, 2);
        return fail(`${argv0}: can't open '${file}': No such file or directory`, 2);
      }
      return { script: { source: read.value, name: file, args, flavor } };
    }
    if (inv.stdin === undefined || inv.stdin === '') return { status: 0 };
    return { script: { source: inv.stdin, name: argv0, args: [], flavor } };
  };
}

/** procRows lists what ps shows: PID 1, the servers it started, and the caller itself. */
function procRows(inv: Invocation): { pid: number; cmd: string; start: number }[] {
  const host = inv.host;
  const rows = [{ pid: 1, cmd: host.argv.join(' '), start: host.startedAt }];
  for (const s of host.servers)
    if (!s.pid1 && s.exitedAt === undefined) rows.push({ pid: s.pid, cmd: s.kind, start: s.startedAt });
  for (const t of host.threads)
    if (t.pid !== 1 && t.done === undefined) rows.push({ pid: t.pid, cmd: 'sh', start: host.startedAt });
  rows.push({
    pid: inv.proc === host ? host.nextPid : (inv.proc.threads[0]?.pid ?? 99),
    cmd: inv.argv.join(' '),
    start: inv.now,
  });
  return rows;
}

const ps: Program = (inv) => {
  const rows = procRows(inv);
  if (!isGnu(inv)) {
    return ok(
      'PID   USER     TIME  COMMAND\n' +
        rows.map((r) => `${String(r.pid).padStart(5)} root      0:00 ${r.cmd}\n`).join(''),
    );
  }
  if (inv.argv.slice(1).some((a) => /aux|ef|-e/.test(a))) {
    return ok(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        rows
          .map(
            (r) =>
              `root    ${String(r.pid).padStart(8)}  0.0  0.0   2304  1280 ?        Ss   ${formatDate(r.start, '%H:%M')}   0:00 ${r.cmd}\n`,
          )
          .join(''),
    );
  }
  return ok(
    '    PID TTY          TIME CMD\n' +
      rows
        .map((r) => `${String(r.pid).padStart(7)} ?        00:00:00 ${r.cmd.split(' ')[0]?.split('/').pop()}\n`)
        .join(''),
  );
};

const free: Program = (inv) => {
  const totalKiB = 8_137_796;
  const used =
    1_236_200 +
    Math.round(inv.host.servers.reduce((s, x) => s + (x.exitedAt === undefined ? x.memoryBytes : 0), 0) / 1024);
  const cache = 1_889_252;
  const freeKiB = totalKiB - used - cache;
  const scale = (kib: number): string => {
    const args = inv.argv.slice(1).join('');
    if (args.includes('h'))
      return kib > 1024 * 1024 ? `${(kib / 1024 / 1024).toFixed(1)}Gi` : `${Math.round(kib / 1024)}Mi`;
    if (args.includes('m')) return String(Math.round(kib / 1024));
    return String(kib);
  };
  const col = (v: string): string => v.padStart(12);
  return ok(
    `               total        used        free      shared  buff/cache   available\n` +
      `Mem:  ${col(scale(totalKiB))}${col(scale(used))}${col(scale(freeKiB))}${col(scale(4588))}${col(scale(cache))}${col(scale(totalKiB - used))}\n` +
      `Swap: ${col(scale(0))}${col(scale(0))}${col(scale(0))}\n`,
  );
};

const kill: Program = (inv) => {
  const args = inv.argv.slice(1);
  if (args[0] === '-l') return ok('HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM\n');
  const pids = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const signal = (args.find((a) => a.startsWith('-') && !/^-\d+$/.test(a)) ?? '-TERM')
    .replace(/^-(SIG)?/, '')
    .replace(/^s$/, 'TERM');
  const numeric = args.find((a) => /^-\d+$/.test(a));
  let err = '';
  for (const pid of pids) {
    const host = inv.host;
    const server = host.servers.find((s) => s.pid === pid && s.exitedAt === undefined);
    const thread = host.threads.find((t) => t.pid === pid && t.done === undefined);
    if (!server && !thread && pid !== 1) {
      err += isGnu(inv) ? `kill: (${pid}) - No such process\n` : `sh: can't kill pid ${pid}: No such process\n`;
      continue;
    }
    if (numeric === '-0') continue;
    if (server && server.sigterm !== 'ignore' && (signal === 'TERM' || signal === 'INT' || signal === 'QUIT')) {
      server.exitAfterMs = inv.now - server.startedAt + server.sigterm.afterMs;
      server.exitCode = server.sigterm.code;
    } else if (server && !server.pid1 && (signal === 'KILL' || numeric === '-9')) {
      server.exitAfterMs = inv.now - server.startedAt;
      server.exitCode = 137;
    }
  }
  return { status: err ? 1 : 0, stderr: err };
};

function versionFlag(inv: Invocation, text: string): ProgramResult | undefined {
  const a = inv.argv[1];
  if (a === '--version' || a === '-V' || a === '-v') return ok(text + '\n');
  return undefined;
}

/** pythonProgram: a REPL that exits at EOF, `-c "print(…)"`, and `-m http.server` as a server. */
const python: Program = (inv) => {
  const version = inv.proc.image.behavior.kind === 'interpreter' ? inv.proc.image.version : '3.12.3';
  const v = versionFlag(inv, `Python ${version}`);
  if (v) return v;
  const args = inv.argv.slice(1).filter((a) => a !== '-u');
  if (args[0] === '-m' && args[1] === 'http.server') {
    const port = Number(args.find((a, i) => i > 1 && /^\d+$/.test(a)) ?? 8000);
    return {
      server: {
        kind: 'python-http',
        logs: [
          {
            afterMs: 120,
            stream: 'stdout',
            text: `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`,
          },
        ],
        readyAfterMs: 120,
        ports: [port],
        memoryBytes: 12 * MiB,
        cpuMillis: 1,
        sigterm: 'ignore',
        config: { root: inv.cwd },
      },
    };
  }
  if (args[0] === '-c') {
    const code = args[1] ?? '';
    const prints = [...code.matchAll(/print\((['"])(.*?)\1\)/g)].map((m) => m[2] ?? '');
    return ok(prints.map((p) => p + '\n').join(''));
  }
  if (args[0]) {
    const read = inv.fs.readFile(resolvePath(inv, args[0]));
    if (!read.ok)
      return fail(
        `${inv.argv[0]}: can't open file '${resolvePath(inv, args[0])}': [Errno 2] No such file or directory`,
        2,
      );
    return { status: 0, durationMs: 50 };
  }
  return { status: 0 };
};

const node: Program = (inv) => {
  const version = inv.proc.image.behavior.kind === 'interpreter' ? inv.proc.image.version : '22.21.0';
  const v = versionFlag(inv, `v${version}`);
  if (v) return v;
  const args = inv.argv.slice(1);
  if (args[0] === '-e' || args[0] === '--eval') {
    const logs = [...(args[1] ?? '').matchAll(/console\.log\((['"`])(.*?)\1\)/g)].map((m) => m[2] ?? '');
    return ok(logs.map((l) => l + '\n').join(''));
  }
  if (args[0]) {
    const path = resolvePath(inv, args[0]);
    const read = inv.fs.readFile(path);
    if (!read.ok) {
      return fail(
        `node:internal/modules/cjs/loader:1386\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}`,
      );
    }
    const listen = /\.listen\(\s*(\d+)/.exec(read.value);
    if (listen) {
      const body = /\.end\((['"`])(.*?)\1\)/.exec(read.value)?.[2] ?? 'Hello World';
      return {
        server: {
          kind: 'node-http',
          logs: [],
          readyAfterMs: 150,
          ports: [Number(listen[1])],
          memoryBytes: 42 * MiB,
          cpuMillis: 2,
          sigterm: 'ignore',
          config: { body },
        },
      };
    }
    return { status: 0, durationMs: 80 };
  }
  return { status: 0 };
};

/** nodeEntrypoint is node's docker-entrypoint.sh: arguments that are not commands go to node. */
const nodeEntrypoint: Program = (inv) => {
  const args = inv.argv.slice(1);
  const first = args[0];
  if (first === undefined) return { status: 0 };
  if (first.startsWith('-') || first.endsWith('.js') || first.endsWith('.mjs')) return { exec: ['node', ...args] };
  return { exec: args };
};

const tini: Program = (inv) => {
  const args = inv.argv.slice(1);
  while (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '--') args.shift();
  if (args[0] === '--') args.shift();
  if (args.length === 0) return fail('tini (tini version 0.19.0)\nUsage: tini [OPTIONS] PROGRAM -- [ARGS] | --version');
  return { exec: args };
};

const hello: Program = () => ({
  stdout:
    '\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n\nTo generate this message, Docker took the following steps:\n 1. The Docker client contacted the Docker daemon.\n 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n    (amd64)\n 3. The Docker daemon created a new container from that image which runs the\n    executable that produces the output you are currently reading.\n 4. The Docker daemon streamed that output to the Docker client, which sent it\n    to your terminal.\n\nTo try something more ambitious, you can run an Ubuntu container with:\n $ docker run -it ubuntu bash\n\nShare images, automate workflows, and more with a free Docker ID:\n https://hub.docker.com/\n\nFor more examples and ideas, visit:\n https://docs.docker.com/get-started/\n\n',
  status: 0,
});

const pause: Program = () => ({
  server: {
    kind: 'pause',
    logs: [],
    ports: [],
    memoryBytes: 256 * 1024,
    cpuMillis: 0,
    sigterm: { afterMs: 5, code: 0 },
  },
});

/** PACKAGES maps installable package names to the executables they add. */
const PACKAGES: Record<string, Record<string, string>> = {
  curl: { '/usr/bin/curl': 'curl' },
  wget: { '/usr/bin/wget': 'wget' },
  bash: { '/bin/bash': 'bash' },
  'bind-tools': { '/usr/bin/nslookup': 'nslookup', '/usr/bin/dig': 'nslookup' },
  dnsutils: { '/usr/bin/nslookup': 'nslookup', '/usr/bin/dig': 'nslookup' },
  'netcat-openbsd': { '/usr/bin/nc': 'nc' },
  netcat: { '/usr/bin/nc': 'nc' },
  procps: { '/bin/ps': 'ps', '/usr/bin/free': 'free' },
  'iputils-ping': {},
  iputils: {},
  'ca-certificates': {},
  vim: {},
  nano: {},
  jq: {},
  git: {},
  python3: { '/usr/bin/python3': 'python' },
};

function install(inv: Invocation, names: string[]): string[] {
  const unknown = names.filter((n) => !PACKAGES[n]);
  if (unknown.length > 0) return unknown;
  for (const n of names) {
    for (const [path, id] of Object.entries(PACKAGES[n] ?? {})) {
      inv.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
      inv.fs.writeFile(path, binaryContent(id), { mode: 0o755, now: inv.now });
    }
  }
  return [];
}

const apk: Program = (inv) => {
  const [sub, ...rest] = inv.argv.slice(1);
  const names = rest.filter((a) => !a.startsWith('-'));
  const release =
    inv.proc.image.os === 'alpine' ? `v${inv.proc.image.version.split('.').slice(0, 2).join('.')}` : 'v3.22';
  const fetch = `fetch https://dl-cdn.alpinelinux.org/alpine/${release}/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/${release}/community/x86_64/APKINDEX.tar.gz\n`;
  if (sub === 'update')
    return { status: 0, stdout: `${fetch}OK: 26326 distinct packages available\n`, durationMs: 1200 };
  if (sub !== 'add') return { status: 0 };
  const unknown = install(inv, names);
  if (unknown.length > 0) {
    return {
      status: unknown.length,
      stdout: fetch,
      stderr: `ERROR: unable to select packages:\n${unknown.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`,
      durationMs: 1500,
    };
  }
  const lines = names
    .map((n, i) => `(${i + 1}/${names.length}) Installing ${n} (${n === 'curl' ? '8.14.1-r2' : '1.0-r0'})\n`)
    .join('');
  return {
    status: 0,
    stdout: `${fetch}${lines}OK: ${12 + names.length * 3} MiB in ${20 + names.length} packages\n`,
    durationMs: 2500,
  };
};

const aptGet: Program = (inv) => {
  const args = inv.argv.slice(1);
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === 'update') {
    return {
      status: 0,
      stdout:
        'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\nFetched 8943 kB in 2s (4471 kB/s)\nReading package lists...\n',
      durationMs: 2500,
    };
  }
  if (sub !== 'install') return { status: 0 };
  const names = args.filter((a) => !a.startsWith('-') && a !== 'install');
  const yes = args.some((a) => a === '-y' || a === '--yes' || a === '-qy');
  const unknown = names.filter((n) => !PACKAGES[n]);
  if (unknown.length > 0)
    return {
      status: 100,
      stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: `E: Unable to locate package ${unknown[0]}\n`,
      durationMs: 800,
    };
  const head = `Reading package lists...\nBuilding dependency tree...\nReading state information...\nThe following NEW packages will be installed:\n  ${names.join(' ')}\n0 upgraded, ${names.length} newly installed, 0 to remove and 0 not upgraded.\n`;
  if (!yes && inv.stdin === undefined)
    return { status: 1, stdout: head + 'Do you want to continue? [Y/n] Abort.\n', durationMs: 800 };
  install(inv, names);
  return { status: 0, stdout: head + names.map((n) => `Setting up ${n} ...\n`).join(''), durationMs: 4000 };
};

export const PROC_PROGRAMS: Record<string, Program> = {
  sh: shellProgram('ash'),
  ash: shellProgram('ash'),
  dash: shellProgram('dash'),
  bash: shellProgram('bash'),
  ps,
  free,
  kill,
  python,
  node,
  'node-entrypoint': nodeEntrypoint,
  npm: (inv) => versionFlag(inv, '11.6.1') ?? fail('npm error could not determine executable to run'),
  pip: (inv) => versionFlag(inv, 'pip 25.2 from /usr/local/lib/python3/site-packages/pip (python 3)') ?? ok(''),
  tini,
  'exec-args': (inv) => (inv.argv.length > 1 ? { exec: inv.argv.slice(1) } : { status: 0 }),
  hello,
  pause,
  apk,
  'apt-get': aptGet,
  apt: aptGet,
};
