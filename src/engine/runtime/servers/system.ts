import type { ServerKind } from '../images/types.ts';
import { formatDate } from '../sh/builtins/date.ts';
import { fail, ok, resolvePath, type Invocation, type Program } from '../sh/program.ts';
import type { ProcessState, ServerState } from '../types.ts';
import { utf8Length } from '../vfs.ts';
import { imageDefaults, launch, LogBuilder, MiB, option, stableHex } from './common.ts';
import type { HttpEnv, HttpReply, HttpRequest } from './http.ts';

/**
 * The cluster's own components as kube-system runs them: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler, kube-proxy and CoreDNS. Each comes up in a second or two,
 * logs the way the real binary does (klog for Kubernetes, zap JSON for etcd, CoreDNS's banner),
 * listens on its real ports and answers the health endpoints probes and curious students hit.
 */

export type SystemKind = Extract<
  ServerKind,
  'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kube-proxy' | 'coredns'
>;

const SYSTEM_KINDS: readonly ServerKind[] = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
  'coredns',
];

export function isSystemKind(kind: ServerKind): kind is SystemKind {
  return SYSTEM_KINDS.includes(kind);
}

// ---------------------------------------------------------------------------------------------
// Versions and build facts

const DEFAULT_VERSION: Record<SystemKind, string> = {
  etcd: '3.6.5',
  'kube-apiserver': '1.35.0',
  'kube-controller-manager': '1.35.0',
  'kube-scheduler': '1.35.0',
  'kube-proxy': '1.35.0',
  coredns: '1.12.1',
};

/** versionOf is the image's version when the program is the image's own server, else the default. */
function versionOf(inv: Invocation, kind: SystemKind): string {
  const b = inv.proc.image.behavior;
  return b.kind === 'server' && b.server === kind ? inv.proc.image.version : DEFAULT_VERSION[kind];
}

function parts(version: string): [number, number, number] {
  const [a = 0, b = 0, c = 0] = version.split('.').map((n) => parseInt(n, 10) || 0);
  return [a, b, c];
}

/** kubeGoVersion is the Go toolchain a Kubernetes patch release was built with (close enough). */
function kubeGoVersion(version: string): string {
  const [, minor, patch] = parts(version);
  if (minor >= 35) return `go1.25.${5 + patch}`;
  if (minor === 34) return `go1.24.${6 + patch}`;
  return `go1.24.${2 + patch}`;
}

/** kubeBuildDate: 1.33.0 in April 2025, a minor every ~4 months, a patch every ~4 weeks. */
function kubeBuildDate(version: string): string {
  const [, minor, patch] = parts(version);
  const releases: Record<number, number> = {
    33: Date.UTC(2025, 3, 23, 9, 12, 41),
    34: Date.UTC(2025, 7, 27, 10, 4, 18),
    35: Date.UTC(2025, 11, 17, 11, 22, 6),
  };
  const base = releases[minor] ?? Date.UTC(2025, 11, 17, 11, 22, 6);
  return new Date(base + patch * 28 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

function etcdGoVersion(version: string): string {
  const [, minor, patch] = parts(version);
  if (minor >= 6) return `go1.24.${Math.min(3 + patch, 11)}`;
  return patch >= 18 ? `go1.23.${patch - 15}` : `go1.22.${Math.min(patch, 12)}`;
}

const COREDNS_BUILDS: Record<string, [go: string, commit: string]> = {
  '1.12.1': ['go1.24.1', '707c7c1'],
  '1.12.0': ['go1.23.3', '51e11f1'],
  '1.11.3': ['go1.21.11', 'a6338e9'],
};

function corednsBuild(version: string): [string, string] {
  return COREDNS_BUILDS[version] ?? ['go1.24.1', stableHex(`coredns-${version}`, 7)];
}

// ---------------------------------------------------------------------------------------------
// Log formats

/**
 * Stamps hands out microsecond timestamps with realistic sub-millisecond digits that never go
 * backwards within one stream of lines, and never change between runs.
 */
class Stamps {
  private last = -1;

  us(ms: number, seed: string): number {
    const jitter = parseInt(stableHex(seed, 4), 16);
    let us = ms * 1000 + (jitter % 1000);
    if (us <= this.last) us = this.last + 11 + (jitter % 240);
    this.last = us;
    return us;
  }
}

function stampText(us: number, format: string): string {
  return `${formatDate(Math.floor(us / 1000), format)}.${String(us % 1_000_000).padStart(6, '0')}`;
}

/** klogLine is one klog header line: `I0105 09:00:03.123456       1 server.go:123] msg`. */
export function klogLine(us: number, severity: 'I' | 'W' | 'E', source: string, message: string): string {
  return `${severity}${stampText(us, '%m%d %H:%M:%S')}       1 ${source}] ${message}`;
}

/** Klog writes klog lines (to stderr, as klog does) at offsets from launch. */
class Klog {
  private readonly stamps = new Stamps();
  constructor(
    private readonly log: LogBuilder,
    private readonly start: number,
  ) {}

  line(afterMs: number, severity: 'I' | 'W' | 'E', source: string, message: string): this {
    const us = this.stamps.us(this.start + afterMs, source + message);
    this.log.err(afterMs, klogLine(us, severity, source, message));
    return this;
  }
}

/** zapLine is one line of etcd's JSON log (zap): level, ts, logger, caller, msg, then fields. */
function zapLine(
  us: number,
  caller: string,
  msg: string,
  fields: Record<string, unknown> = {},
  options: { level?: 'info' | 'warn' | 'error'; logger?: string } = {},
): string {
  const head: Record<string, unknown> = {
    level: options.level ?? 'info',
    ts: `${stampText(us, '%Y-%m-%dT%H:%M:%S')}Z`,
  };
  if (options.logger) head['logger'] = options.logger;
  return JSON.stringify({ ...head, caller, msg, ...fields });
}

/** Zap stamps etcd's lines in order, from a base time. */
class Zap {
  private readonly stamps = new Stamps();
  constructor(private readonly start: number) {}

  line(
    afterMs: number,
    caller: string,
    msg: string,
    fields?: Record<string, unknown>,
    options?: { level?: 'info' | 'warn' | 'error'; logger?: string },
  ): string {
    return zapLine(this.stamps.us(this.start + afterMs, caller + msg), caller, msg, fields, options);
  }
}

/** goTime is Go's time.Time.String() for a UTC instant, with the monotonic reading since start. */
function goTime(at: number, start: number): string {
  const frac =
    String((at % 1000) * 1000 + (parseInt(stableHex(`go-time${at}`, 4), 16) % 1000)).padStart(6, '0') + '123';
  const mono = ((at - start) / 1000).toFixed(3);
  return `${formatDate(at, '%Y-%m-%d %H:%M:%S')}.${frac} +0000 UTC m=+${mono}${frac.slice(3, 9)}`;
}

function uuid(seed: string): string {
  const h = stableHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const GOLANG_SETTINGS = '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""';

function nodeIP(inv: Invocation): string {
  return inv.ctx.podIP ?? '127.0.0.1';
}

/** hostPort turns `https://127.0.0.1:2379` into `127.0.0.1:2379` (localhost → 127.0.0.1). */
function hostPort(url: string): string {
  const m = /^(?:\w+:\/\/)?([^/]+)/.exec(url);
  return (m?.[1] ?? url).replace(/^localhost(?=:|$)/, '127.0.0.1');
}

function portOf(address: string, fallback: number): number {
  const m = /:(\d+)\/?$/.exec(address.trim());
  return m?.[1] ? Number(m[1]) : fallback;
}

function servingAddress(bindAddress: string | undefined, port: number): string {
  return !bindAddress || bindAddress === '0.0.0.0' || bindAddress === '::' ? `[::]:${port}` : `${bindAddress}:${port}`;
}

function versionFlag(args: string[]): boolean {
  return args.some((a) => a === '--version' || a === '-version' || a === '--version=true');
}

// ---------------------------------------------------------------------------------------------
// etcd

const DEFAULT_MEMBER_ID = '8e9e05c52164694d';
const DEFAULT_CLUSTER_ID = 'cdf818194e3a8c32';

function etcdVersionText(version: string): string {
  return `etcd Version: ${version}\nGit SHA: ${stableHex(`etcd-${version}`, 7)}\nGo Version: ${etcdGoVersion(version)}\nGo OS/Arch: linux/amd64\n`;
}

const etcd: Program = (inv) => {
  const args = inv.argv.slice(1);
  const version = versionOf(inv, 'etcd');
  if (versionFlag(args)) return ok(etcdVersionText(version));
  const d = imageDefaults(inv, 'etcd', { startupMs: 800, memoryBytes: 30 * MiB, cpuMillis: 15 });
  const flag = (name: string): string | undefined => option(args, `--${name}`, `-${name}`);
  const urls = (name: string, fallback: string): string[] =>
    (flag(name) ?? fallback)
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
  const name = flag('name') ?? 'default';
  const dataDir = flag('data-dir') ?? `${name}.etcd`;
  const listenClient = urls('listen-client-urls', 'http://localhost:2379');
  const listenPeer = urls('listen-peer-urls', 'http://localhost:2380');
  const listenMetrics = urls('listen-metrics-urls', 'http://127.0.0.1:2381');
  const advertiseClient = urls('advertise-client-urls', 'http://localhost:2379');
  const advertisePeer = urls('initial-advertise-peer-urls', 'http://localhost:2380');
  const ports = [
    ...new Set([
      ...listenClient.map((u) => portOf(u, 2379)),
      ...listenPeer.map((u) => portOf(u, 2380)),
      ...listenMetrics.map((u) => portOf(u, 2381)),
    ]),
  ];
  const isDefault = name === 'default' && advertisePeer.join(',') === 'http://localhost:2380';
  const memberId = isDefault ? DEFAULT_MEMBER_ID : stableHex(`etcd-member:${name}:${advertisePeer.join(',')}`, 16);
  const clusterId = isDefault ? DEFAULT_CLUSTER_ID : stableHex(`etcd-cluster:${memberId}`, 16);
  const memberDir = resolvePath(inv, `${dataDir}/member`);
  const initialized = inv.fs.isDirectory(memberDir);
  if (!initialized) {
    inv.fs.mkdir(`${memberDir}/wal`, { parents: true, mode: 0o700 });
    inv.fs.mkdir(`${memberDir}/snap`, { parents: true, mode: 0o700 });
    inv.fs.padFile(`${memberDir}/snap/db`, 20_480, inv.now);
  }
  const term = initialized ? 3 : 2;
  const S = d.startupMs;
  const log = new LogBuilder(inv.now);
  const zap = new Zap(inv.now);
  const z = (t: number, caller: string, msg: string, fields?: Record<string, unknown>, logger?: string): void =>
    void log.err(t, zap.line(t, caller, msg, fields, logger ? { logger } : {}));
  const raft = (t: number, caller: string, msg: string): void => z(t, `v3@v3.6.0/${caller}`, msg, {}, 'raft');
  const [major, minor] = parts(version);
  z(0, 'etcdmain/etcd.go:64', 'Running: ', { args: inv.argv });
  if (initialized)
    z(1, 'etcdmain/etcd.go:105', 'server has already been initialized', { 'data-dir': dataDir, dir_type: 'member' });
  z(2, 'embed/etcd.go:138', 'configuring socket options', { 'reuse-address': true, 'reuse-port': true });
  z(3, 'embed/etcd.go:144', 'configuring peer listeners', { 'listen-peer-urls': listenPeer });
  z(4, 'embed/etcd.go:152', 'configuring client listeners', { 'listen-client-urls': listenClient });
  z(5, 'embed/etcd.go:323', 'starting an etcd server', {
    'etcd-version': version,
    'git-sha': stableHex(`etcd-${version}`, 7),
    'go-version': etcdGoVersion(version),
    'go-os': 'linux',
    'go-arch': 'amd64',
    'max-cpu-set': 4,
    'max-cpu-available': 4,
    'member-initialized': initialized,
    name,
    'data-dir': dataDir,
    'wal-dir': '',
    'wal-dir-dedicated': '',
    'member-dir': `${dataDir}/member`,
    'force-new-cluster': false,
    'heartbeat-interval': '100ms',
    'election-timeout': '1s',
    'initial-election-tick-advance': true,
    'snapshot-count': Number(flag('snapshot-count') ?? 10000),
    'max-wals': 5,
    'max-snapshots': 5,
    'initial-advertise-peer-urls': advertisePeer,
    'listen-peer-urls': listenPeer,
    'advertise-client-urls': advertiseClient,
    'listen-client-urls': listenClient,
    'listen-metrics-urls': listenMetrics,
    'initial-cluster': initialized ? '' : (flag('initial-cluster') ?? `${name}=${advertisePeer[0] ?? ''}`),
    'initial-cluster-state': flag('initial-cluster-state') ?? 'new',
    'quota-backend-bytes': 2147483648,
    'max-request-bytes': 1572864,
    'pre-vote': true,
  });
  z(40, 'backend/backend.go:186', 'Opened backend db', {
    path: `${dataDir}/member/snap/db`,
    took: `${(0.8 + (parseInt(stableHex(`${dataDir}@${inv.now}`, 4), 16) % 4000) / 1000).toFixed(6)}ms`,
  });
  if (initialized) {
    z(60, 'etcdserver/bootstrap.go:481', 'restarting local member', {
      'cluster-id': clusterId,
      'local-member-id': memberId,
      'commit-index': 1843,
    });
    raft(61, 'raft.go:1981', `${memberId} switched to configuration voters=()`);
    raft(61, 'raft.go:897', `${memberId} became follower at term ${term - 1}`);
  } else {
    z(60, 'etcdserver/bootstrap.go:530', 'starting local member', {
      'local-member-id': memberId,
      'cluster-id': clusterId,
    });
    raft(61, 'raft.go:1981', `${memberId} switched to configuration voters=()`);
    raft(61, 'raft.go:897', `${memberId} became follower at term 0`);
    raft(
      61,
      'raft.go:493',
      `newRaft ${memberId} [peers: [], term: 0, commit: 0, applied: 0, lastindex: 0, lastterm: 0]`,
    );
    raft(62, 'raft.go:897', `${memberId} became follower at term 1`);
    z(90, 'membership/cluster.go:445', 'added member', {
      'cluster-id': clusterId,
      'local-member-id': memberId,
      'added-peer-id': memberId,
      'added-peer-peer-urls': advertisePeer,
    });
  }
  for (const url of listenPeer) z(100, 'embed/etcd.go:640', 'serving peer traffic', { address: hostPort(url) });
  for (const url of listenMetrics) z(100, 'embed/etcd.go:898', 'serving metrics', { address: url });
  const prev = term - 1;
  raft(S - 60, 'raft.go:988', `${memberId} is starting a new election at term ${prev}`);
  raft(S - 60, 'raft.go:930', `${memberId} became pre-candidate at term ${prev}`);
  raft(S - 60, 'raft.go:1077', `${memberId} received MsgPreVoteResp from ${memberId} at term ${prev}`);
  raft(S - 59, 'raft.go:912', `${memberId} became candidate at term ${term}`);
  raft(S - 59, 'raft.go:1077', `${memberId} received MsgVoteResp from ${memberId} at term ${term}`);
  raft(S - 59, 'raft.go:970', `${memberId} became leader at term ${term}`);
  raft(S - 59, 'node.go:370', `raft.node: ${memberId} elected leader ${memberId} at term ${term}`);
  if (!initialized)
    z(S - 40, 'etcdserver/server.go:2425', 'setting up initial cluster version using v3 API', {
      'cluster-version': `${major}.${minor}`,
    });
  z(S - 20, 'etcdserver/server.go:1820', 'published local member to cluster through raft', {
    'local-member-id': memberId,
    'local-member-attributes': `{Name:${name} ClientURLs:[${advertiseClient.join(' ')}]}`,
    'cluster-id': clusterId,
    'publish-timeout': '7s',
  });
  z(S, 'embed/serve.go:138', 'ready to serve client requests');
  z(S, 'etcdmain/main.go:44', 'notifying init daemon');
  z(S, 'etcdmain/main.go:50', 'successfully notified init daemon');
  for (const url of listenClient) {
    const secure = url.startsWith('https');
    z(
      S + 1,
      'embed/serve.go:' + (secure ? '223' : '190'),
      secure ? 'serving client traffic securely' : 'serving client traffic insecurely; this is strongly discouraged!',
      { traffic: 'grpc+http', address: hostPort(url) },
    );
  }
  return launch('etcd', log.logs, {
    readyAfterMs: S,
    ports,
    memoryBytes: d.memoryBytes,
    memoryAfterMs: S,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 100, code: 0 },
    config: {
      version,
      name,
      dataDir,
      memberId,
      clusterId,
      advertisePeer: JSON.stringify(advertisePeer),
      advertiseClient: JSON.stringify(advertiseClient),
      peerAddress: hostPort(listenPeer[0] ?? 'http://localhost:2380'),
    },
  });
};

// ---------------------------------------------------------------------------------------------
// etcdctl (the client in the etcd image, for `kubectl exec etcd-… -- etcdctl …`)

const ETCDCTL_VALUE_FLAGS = new Set([
  '--endpoints',
  '--cacert',
  '--cert',
  '--key',
  '--user',
  '--password',
  '-w',
  '--write-out',
  '--command-timeout',
  '--dial-timeout',
]);

function runningEtcd(proc: ProcessState): ServerState | undefined {
  return proc.servers.find((s) => s.kind === 'etcd' && s.exitedAt === undefined);
}

const etcdctl: Program = (inv) => {
  const args = inv.argv.slice(1);
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('-')) {
      if (ETCDCTL_VALUE_FLAGS.has(a)) i++;
      continue;
    }
    positional.push(a);
  }
  const version = versionOf(inv, 'etcd');
  const [major, minor] = parts(version);
  const endpoints = (option(args, '--endpoints') ?? inv.env['ETCDCTL_ENDPOINTS'] ?? '127.0.0.1:2379')
    .split(',')
    .filter(Boolean);
  const server = runningEtcd(inv.host);
  const reachable = (endpoint: string): boolean => {
    const [host = '127.0.0.1', port = '2379'] = hostPort(endpoint).split(':');
    return inv.net.tcp(host, Number(port), 5000) === 'open' && server !== undefined;
  };
  const zap = new Zap(inv.now);
  const refused = (endpoint: string): string =>
    zap.line(
      5000,
      `v3@v${version}/retry_interceptor.go:65`,
      'retrying of unary invoker failed',
      {
        target: `etcd-endpoints://0xc000${stableHex(endpoint, 6)}/${hostPort(endpoint)}`,
        attempt: 0,
        error: `rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = "transport: Error while dialing: dial tcp ${hostPort(endpoint)}: connect: connection refused"`,
      },
      { level: 'warn', logger: 'client' },
    );
  const [cmd = '', sub = ''] = positional;
  if (cmd === '')
    return ok(
      `NAME:\n\tetcdctl - A simple command line client for etcd3.\n\nUSAGE:\n\tetcdctl [flags]\n\nVERSION:\n\t${version}\n\nAPI VERSION:\n\t${major}.${minor}\n`,
    );
  if (cmd === 'version') return ok(`etcdctl version: ${version}\nAPI version: ${major}.${minor}\n`);
  if (cmd === 'endpoint' && sub === 'health') {
    const out: string[] = [];
    const err: string[] = [];
    for (const ep of endpoints) {
      if (reachable(ep)) {
        out.push(
          `${ep} is healthy: successfully committed proposal: took = ${(2 + (parseInt(stableHex(ep + inv.now, 3), 16) % 9000) / 1000).toFixed(6)}ms`,
        );
      } else {
        err.push(refused(ep), `${ep} is unhealthy: failed to commit proposal: context deadline exceeded`);
      }
    }
    if (err.length > 0) err.push('Error: unhealthy cluster');
    return {
      status: err.length > 0 ? 1 : 0,
      stdout: out.length ? out.join('\n') + '\n' : '',
      stderr: err.length ? err.join('\n') + '\n' : '',
      durationMs: err.length > 0 ? 5000 : 10,
    };
  }
  const ep = endpoints[0] ?? '127.0.0.1:2379';
  const deadline = (): { status: number; stderr: string; durationMs: number } => ({
    status: 1,
    stderr: `${refused(ep)}\nError: context deadline exceeded\n`,
    durationMs: 5000,
  });
  if (cmd === 'member' && sub === 'list') {
    if (!reachable(ep) || !server) return deadline();
    const c = server.config ?? {};
    const peers = (JSON.parse(c['advertisePeer'] ?? '[]') as string[]).join(',');
    const clients = (JSON.parse(c['advertiseClient'] ?? '[]') as string[]).join(',');
    return ok(
      `${c['memberId'] ?? DEFAULT_MEMBER_ID}, started, ${c['name'] ?? 'default'}, ${peers}, ${clients}, false\n`,
    );
  }
  if (cmd === 'snapshot' && sub === 'save') {
    const target = positional[2];
    if (!target) return fail('Error: snapshot save expects one argument');
    if (!reachable(ep)) return deadline();
    const path = resolvePath(inv, target);
    const created = inv.fs.writeFile(path, '', { now: inv.now });
    if (!created.ok) {
      const why = created.errno === 'EROFS' ? 'read-only file system' : 'no such file or directory';
      return fail(`Error: could not open ${target}.part (open ${target}.part: ${why})`);
    }
    const size = 4_194_304 + (parseInt(stableHex(`${inv.now}`, 4), 16) % 1_048_576);
    inv.fs.padFile(path, size, inv.now);
    const mb = `${(size / 1_000_000).toFixed(1)} MB`;
    const client = { logger: 'client' };
    const lines = [
      zap.line(0, 'snapshot/v3_snapshot.go:65', 'created temporary db file', { path: `${target}.part` }),
      zap.line(2, `v3@v${version}/maintenance.go:212`, 'opened snapshot stream; downloading', {}, client),
      zap.line(2, 'snapshot/v3_snapshot.go:73', 'fetching snapshot', { endpoint: ep }),
      zap.line(40, `v3@v${version}/maintenance.go:220`, 'completed snapshot read; closing', {}, client),
      zap.line(40, 'snapshot/v3_snapshot.go:88', 'fetched snapshot', { endpoint: ep, size: mb, took: 'now' }),
      zap.line(40, 'snapshot/v3_snapshot.go:97', 'saved', { path: target }),
    ];
    return { status: 0, stdout: `Snapshot saved at ${target}\n`, stderr: lines.join('\n') + '\n', durationMs: 45 };
  }
  return fail(`Error: unknown command "${cmd}" for "etcdctl"\nRun 'etcdctl --help' for usage.`);
};

// ---------------------------------------------------------------------------------------------
// Kubernetes control plane

const kubeApiserver: Program = (inv) => {
  const args = inv.argv.slice(1);
  const version = versionOf(inv, 'kube-apiserver');
  if (versionFlag(args)) return ok(`Kubernetes v${version}\n`);
  const d = imageDefaults(inv, 'kube-apiserver', { startupMs: 1800, memoryBytes: 250 * MiB, cpuMillis: 40 });
  const port = Number(option(args, '--secure-port') ?? 6443);
  const ip = option(args, '--advertise-address') ?? nodeIP(inv);
  const S = d.startupMs;
  const log = new LogBuilder(inv.now);
  const k = new Klog(log, inv.now);
  k.line(0, 'I', 'options.go:263', `external host was not specified, using ${ip}`)
    .line(2, 'I', 'server.go:150', `Version: v${version}`)
    .line(2, 'I', 'server.go:152', GOLANG_SETTINGS)
    .line(
      Math.round(S * 0.1),
      'I',
      'shared_informer.go:349',
      '"Waiting for caches to sync" controller="node_authorizer"',
    )
    .line(
      Math.round(S * 0.1) + 8,
      'I',
      'plugins.go:157',
      'Loaded 14 mutating admission controller(s) successfully in the following order: NamespaceLifecycle,LimitRanger,ServiceAccount,NodeRestriction,TaintNodesByCondition,Priority,DefaultTolerationSeconds,DefaultStorageClass,StorageObjectInUseProtection,RuntimeClass,DefaultIngressClass,PodTopologySpread,MutatingAdmissionPolicy,MutatingAdmissionWebhook.',
    )
    .line(
      Math.round(S * 0.1) + 8,
      'I',
      'plugins.go:160',
      'Loaded 13 validating admission controller(s) successfully in the following order: LimitRanger,ServiceAccount,PodSecurity,Priority,PersistentVolumeClaimResize,RuntimeClass,CertificateApproval,CertificateSigning,ClusterTrustBundleAttest,CertificateSubjectRestriction,ValidatingAdmissionPolicy,ValidatingAdmissionWebhook,ResourceQuota.',
    )
    .line(Math.round(S * 0.15), 'I', 'handler.go:288', 'Adding GroupVersion apiextensions.k8s.io v1 to ResourceManager')
    .line(
      Math.round(S * 0.15),
      'W',
      'genericapiserver.go:775',
      'Skipping API apiextensions.k8s.io/v1beta1 because it has no resources.',
    )
    .line(Math.round(S * 0.25), 'I', 'instance.go:239', 'Using reconciler: lease')
    .line(Math.round(S * 0.35), 'I', 'handler.go:288', 'Adding GroupVersion  v1 to ResourceManager')
    .line(Math.round(S * 0.45), 'I', 'handler.go:288', 'Adding GroupVersion apps v1 to ResourceManager')
    .line(Math.round(S * 0.5), 'I', 'handler.go:288', 'Adding GroupVersion batch v1 to ResourceManager')
    .line(Math.round(S * 0.6), 'I', 'handler.go:288', 'Adding GroupVersion networking.k8s.io v1 to ResourceManager')
    .line(
      Math.round(S * 0.7),
      'I',
      'handler.go:288',
      'Adding GroupVersion apiregistration.k8s.io v1 to ResourceManager',
    )
    .line(
      S - 10,
      'I',
      'dynamic_cafile_content.go:161',
      '"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"',
    )
    .line(S, 'I', 'secure_serving.go:211', `Serving securely on [::]:${port}`)
    .line(S, 'I', 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"')
    .line(S + 2, 'I', 'apf_controller.go:377', '"Starting API Priority and Fairness config controller"')
    .line(S + 3, 'I', 'controller.go:142', '"Starting OpenAPI controller"')
    .line(S + 300, 'I', 'shared_informer.go:356', '"Caches are synced" controller="node_authorizer"')
    .line(S + 310, 'I', 'cache.go:39', 'Caches are synced for APIServiceRegistrationController controller')
    .line(S + 400, 'I', 'controller.go:667', 'quota admission added evaluator for: leases.coordination.k8s.io')
    .line(S + 900, 'I', 'controller.go:667', 'quota admission added evaluator for: endpoints');
  return launch('kube-apiserver', log.logs, {
    readyAfterMs: S,
    ports: [port],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: S,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 400, code: 0 },
    config: { version, address: `[::]:${port}` },
  });
};

/** leaderComponent is kube-controller-manager and kube-scheduler: serve, win the lease, get to work. */
function leaderComponent(kind: 'kube-controller-manager' | 'kube-scheduler'): Program {
  return (inv) => {
    const args = inv.argv.slice(1);
    const version = versionOf(inv, kind);
    if (versionFlag(args)) return ok(`Kubernetes v${version}\n`);
    const cm = kind === 'kube-controller-manager';
    const d = imageDefaults(inv, kind, {
      startupMs: cm ? 1000 : 900,
      memoryBytes: (cm ? 50 : 20) * MiB,
      cpuMillis: cm ? 10 : 3,
    });
    const port = Number(option(args, '--secure-port') ?? (cm ? 10257 : 10259));
    const address = servingAddress(option(args, '--bind-address'), port);
    const S = d.startupMs;
    const log = new LogBuilder(inv.now);
    const k = new Klog(log, inv.now);
    const identity = `${inv.ctx.hostname}_${uuid(`${kind}@${inv.ctx.hostname}@${inv.now}`)}`;
    k.line(0, 'I', 'serving.go:386', 'Generated self-signed cert in-memory');
    if (cm)
      k.line(Math.round(S * 0.3), 'I', 'controllermanager.go:191', `"Starting" version="v${version}"`).line(
        Math.round(S * 0.3),
        'I',
        'controllermanager.go:193',
        GOLANG_SETTINGS,
      );
    else
      k.line(Math.round(S * 0.3), 'I', 'server.go:175', `"Starting Kubernetes Scheduler" version="v${version}"`).line(
        Math.round(S * 0.3),
        'I',
        'server.go:177',
        GOLANG_SETTINGS,
      );
    k.line(
      S - 5,
      'I',
      'dynamic_cafile_content.go:161',
      '"Starting controller" name="request-header::/etc/kubernetes/pki/front-proxy-ca.crt"',
    )
      .line(
        S - 5,
        'I',
        'dynamic_cafile_content.go:161',
        '"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"',
      )
      .line(S, 'I', 'secure_serving.go:211', `Serving securely on ${address}`)
      .line(S, 'I', 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"');
    if (!cm)
      k.line(
        S + 4,
        'I',
        'shared_informer.go:356',
        '"Caches are synced" controller="client-ca::kube-system::extension-apiserver-authentication::client-ca-file"',
      );
    k.line(S + 5, 'I', 'leaderelection.go:257', `attempting to acquire leader lease kube-system/${kind}...`).line(
      S + 300,
      'I',
      'leaderelection.go:271',
      `successfully acquired lease kube-system/${kind}`,
    );
    if (cm) {
      k.line(
        S + 300,
        'I',
        'event.go:389',
        `"Event occurred" object="kube-system/${kind}" fieldPath="" kind="Lease" apiVersion="coordination.k8s.io/v1" type="Normal" reason="LeaderElection" message="${identity} became leader"`,
      );
      const controllers = [
        'serviceaccount-token-controller',
        'namespace-controller',
        'garbage-collector-controller',
        'deployment-controller',
        'replicaset-controller',
        'statefulset-controller',
        'daemonset-controller',
        'job-controller',
        'cronjob-controller',
        'endpointslice-controller',
        'node-lifecycle-controller',
        'persistentvolume-binder-controller',
        'horizontal-pod-autoscaler-controller',
      ];
      controllers.forEach((c, i) =>
        k.line(S + 320 + i * 3, 'I', 'controllermanager.go:781', `"Started controller" controller="${c}"`),
      );
      k.line(S + 500, 'I', 'shared_informer.go:356', '"Caches are synced" controller="deployment"').line(
        S + 520,
        'I',
        'shared_informer.go:356',
        '"Caches are synced" controller="garbage collector"',
      );
    }
    return launch(kind, log.logs, {
      readyAfterMs: S,
      ports: [port],
      memoryBytes: d.memoryBytes,
      memoryAfterMs: S,
      cpuMillis: d.cpuMillis,
      sigterm: { afterMs: 50, code: 0 },
      config: { version, address },
    });
  };
}

const kubeProxy: Program = (inv) => {
  const args = inv.argv.slice(1);
  const version = versionOf(inv, 'kube-proxy');
  if (versionFlag(args)) return ok(`Kubernetes v${version}\n`);
  const d = imageDefaults(inv, 'kube-proxy', { startupMs: 600, memoryBytes: 15 * MiB, cpuMillis: 1 });
  const configPath = option(args, '--config');
  const read = configPath ? inv.fs.readFile(resolvePath(inv, configPath)) : undefined;
  const conf = read?.ok ? read.value : '';
  const fromConf = (key: string): string | undefined => {
    const m = new RegExp(`^\\s*${key}:\\s*"?([^"\\n]*)"?\\s*$`, 'm').exec(conf);
    return m?.[1]?.trim() || undefined;
  };
  const mode = (option(args, '--proxy-mode') ?? fromConf('mode') ?? 'iptables').toLowerCase();
  const metricsBind = option(args, '--metrics-bind-address') ?? fromConf('metricsBindAddress') ?? '127.0.0.1:10249';
  const healthzBind = option(args, '--healthz-bind-address') ?? fromConf('healthzBindAddress') ?? '0.0.0.0:10256';
  const metricsPort = portOf(metricsBind, 10249);
  const healthzPort = portOf(healthzBind, 10256);
  const override = option(args, '--hostname-override');
  const node = override && !override.includes('$(') ? override : inv.ctx.hostname;
  const ip = nodeIP(inv);
  const S = d.startupMs;
  const log = new LogBuilder(inv.now);
  const k = new Klog(log, inv.now);
  const proxier = mode === 'ipvs' ? 'ipvs' : mode === 'nftables' ? 'nftables' : 'iptables';
  k.line(0, 'I', 'server_linux.go:53', `"Using ${proxier} proxy"`)
    .line(40, 'I', 'server.go:256', `"Successfully retrieved NodeIPs" NodeIPs=["${ip}"]`)
    .line(
      41,
      'E',
      'server.go:234',
      '"Kube-proxy configuration may be incomplete or incorrect" err="nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`"',
    )
    .line(80, 'I', 'server_linux.go:132', `"Using ${proxier} Proxier"`);
  if (proxier === 'iptables')
    k.line(
      80,
      'I',
      'proxier.go:242',
      '"Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses" ipFamily="IPv4"',
    );
  k.line(100, 'I', 'server.go:527', `"Version info" version="v${version}"`)
    .line(100, 'I', 'server.go:529', GOLANG_SETTINGS)
    .line(130, 'I', 'config.go:200', '"Starting service config controller"')
    .line(130, 'I', 'shared_informer.go:349', '"Waiting for caches to sync" controller="service config"')
    .line(130, 'I', 'config.go:106', '"Starting endpoint slice config controller"')
    .line(130, 'I', 'shared_informer.go:349', '"Waiting for caches to sync" controller="endpoint slice config"')
    .line(131, 'I', 'config.go:329', '"Starting node config controller"')
    .line(131, 'I', 'shared_informer.go:349', '"Waiting for caches to sync" controller="node config"')
    .line(S, 'I', 'shared_informer.go:356', '"Caches are synced" controller="node config"')
    .line(S, 'I', 'shared_informer.go:356', '"Caches are synced" controller="service config"')
    .line(S, 'I', 'shared_informer.go:356', '"Caches are synced" controller="endpoint slice config"');
  return launch('kube-proxy', log.logs, {
    readyAfterMs: S,
    ports: [...new Set([metricsPort, healthzPort])],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: S,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 20, code: 0 },
    config: { version, mode: proxier, node, metricsPort: String(metricsPort), healthzPort: String(healthzPort) },
  });
};

/** goRunner is the kube images' /go-runner: it drops its own flags and runs the rest. */
const goRunner: Program = (inv) => {
  const args = inv.argv.slice(1);
  const i = args.findIndex((a) => !a.startsWith('-'));
  if (i === -1)
    return fail('usage: go-runner [--log-file=FILE] [--also-stdout] [--redirect-stderr] COMMAND [ARG...]', 2);
  return { exec: args.slice(i) };
};

// ---------------------------------------------------------------------------------------------
// CoreDNS

/**
 * DEFAULT_COREFILE is kubeadm's Corefile (without health's lameduck), used when -conf names no file,
 * as when the coredns ConfigMap is not mounted; its server key follows -dns.port.
 */
const DEFAULT_COREFILE = `.:53 {
    errors
    health
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

interface Corefile {
  keys: string[];
  plugins: Set<string>;
  health?: number;
  ready?: number;
  prometheus?: number;
  lameduckMs: number;
}

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text);
  if (!m) return 0;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

/** parseCorefile reads what the simulation honours: server keys, plugins, their ports, lameduck. */
function parseCorefile(text: string, dnsPort: number): Corefile {
  const out: Corefile = { keys: [], plugins: new Set(), lameduckMs: 0 };
  let depth = 0;
  let block = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const words = line.replace(/[{}]/g, ' ').trim().split(/\s+/).filter(Boolean);
    if (depth === 0 && line.endsWith('{')) {
      for (const key of words) {
        const [zone = '.', port = String(dnsPort)] = key.replace(/^dns:\/\//, '').split(':');
        out.keys.push(`${zone.endsWith('.') ? zone : zone + '.'}:${port}`);
      }
    } else if (depth === 1 && words[0]) {
      const [name, arg] = words;
      out.plugins.add(name);
      block = name;
      if (name === 'health') out.health = portOf(arg ?? ':8080', 8080);
      if (name === 'ready') out.ready = portOf(arg ?? ':8181', 8181);
      if (name === 'prometheus') out.prometheus = portOf(arg ?? ':9153', 9153);
    } else if (depth === 2 && block === 'health' && words[0] === 'lameduck') {
      out.lameduckMs = parseDuration(words[1] ?? '');
    }
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
  }
  return out;
}

const coredns: Program = (inv) => {
  const args = inv.argv.slice(1);
  const version = versionOf(inv, 'coredns');
  const [go, commit] = corednsBuild(version);
  const banner = `CoreDNS-${version}\nlinux/amd64, ${go}, ${commit}`;
  if (versionFlag(args)) return ok(banner + '\n');
  const d = imageDefaults(inv, 'coredns', { startupMs: 500, memoryBytes: 15 * MiB, cpuMillis: 2 });
  const dnsPort = Number(option(args, '-dns.port', '--dns.port') ?? 53);
  const conf = option(args, '-conf', '--conf');
  const read = inv.fs.readFile(resolvePath(inv, conf ?? 'Corefile'));
  const text = read.ok ? read.value : DEFAULT_COREFILE.replace('.:53', `.:${dnsPort}`);
  const corefile = parseCorefile(text, dnsPort);
  const keys = corefile.keys.length ? corefile.keys : [`.:${dnsPort}`];
  const dnsPorts = keys.map((k) => portOf(k, dnsPort));
  const httpPorts = [corefile.health, corefile.ready, corefile.prometheus].filter((p): p is number => p !== undefined);
  const S = d.startupMs;
  const log = new LogBuilder(inv.now);
  log.out(S, keys.join('\n'));
  if (corefile.plugins.has('reload'))
    log.out(S, `[INFO] plugin/reload: Running configuration SHA512 = ${stableHex(text, 128)}`);
  log.out(S, banner);
  return launch('coredns', log.logs, {
    readyAfterMs: S,
    ports: [...new Set([...dnsPorts, ...httpPorts])],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: S,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: corefile.lameduckMs + 10, code: 0 },
    config: {
      version,
      health: String(corefile.health ?? ''),
      ready: String(corefile.ready ?? ''),
      metrics: String(corefile.prometheus ?? ''),
      lameduck: String(corefile.lameduckMs),
      go,
      commit,
    },
  });
};

export const SYSTEM_PROGRAMS: Record<string, Program> = {
  etcd,
  etcdctl,
  'kube-apiserver': kubeApiserver,
  'kube-controller-manager': leaderComponent('kube-controller-manager'),
  'kube-scheduler': leaderComponent('kube-scheduler'),
  'kube-proxy': kubeProxy,
  'go-runner': goRunner,
  coredns,
};

// ---------------------------------------------------------------------------------------------
// SIGTERM

/** systemSigtermLines are the goodbye lines of a system component, offsets from the signal. */
export function systemSigtermLines(server: ServerState, now: number): [number, 'stdout' | 'stderr', string][] {
  const c = server.config ?? {};
  const kind = server.kind;
  const stamps = new Stamps();
  const klog = (t: number, source: string, msg: string): [number, 'stderr', string] => [
    t,
    'stderr',
    klogLine(stamps.us(now + t, source + msg), 'I', source, msg),
  ];
  const zap = new Zap(now);
  switch (kind) {
    case 'etcd': {
      const z = (
        t: number,
        caller: string,
        msg: string,
        fields?: Record<string, unknown>,
      ): [number, 'stderr', string] => [t, 'stderr', zap.line(t, caller, msg, fields)];
      const where = {
        name: c['name'] ?? 'default',
        'data-dir': c['dataDir'] ?? 'default.etcd',
        'advertise-peer-urls': JSON.parse(c['advertisePeer'] ?? '[]') as unknown,
        'advertise-client-urls': JSON.parse(c['advertiseClient'] ?? '[]') as unknown,
      };
      const id = c['memberId'] ?? DEFAULT_MEMBER_ID;
      return [
        z(0, 'osutil/interrupt_unix.go:65', 'received signal; shutting down', { signal: 'terminated' }),
        z(0, 'embed/etcd.go:426', 'closing etcd server', where),
        z(30, 'etcdserver/server.go:1546', 'skipped leadership transfer for single voting member cluster', {
          'local-member-id': id,
          'current-leader-member-id': id,
        }),
        z(60, 'embed/etcd.go:670', 'stopping serving peer traffic', { address: c['peerAddress'] ?? '127.0.0.1:2380' }),
        z(70, 'embed/etcd.go:675', 'stopped serving peer traffic', { address: c['peerAddress'] ?? '127.0.0.1:2380' }),
        z(80, 'embed/etcd.go:428', 'closed etcd server', where),
      ];
    }
    case 'kube-apiserver':
      return [
        klog(0, 'genericapiserver.go:553', '"[graceful-termination] shutdown event" name="ShutdownInitiated"'),
        klog(1, 'genericapiserver.go:556', '"[graceful-termination] shutdown event" name="AfterShutdownDelayDuration"'),
        klog(200, 'controller.go:128', 'Shutting down kubernetes service endpoint reconciler'),
        klog(300, 'secure_serving.go:258', `Stopped listening on ${c['address'] ?? '[::]:6443'}`),
        klog(
          300,
          'genericapiserver.go:590',
          '"[graceful-termination] shutdown event" name="HTTPServerStoppedListening"',
        ),
        klog(390, 'genericapiserver.go:640', '"[graceful-termination] shutdown event" name="InFlightRequestsDrained"'),
        klog(395, 'tlsconfig.go:258', '"Shutting down DynamicServingCertificateController"'),
        klog(399, 'genericapiserver.go:702', '"[graceful-termination] apiserver is exiting"'),
      ];
    case 'kube-controller-manager':
    case 'kube-scheduler':
      return [
        klog(0, 'secure_serving.go:258', `Stopped listening on ${c['address'] ?? ''}`),
        klog(1, 'tlsconfig.go:258', '"Shutting down DynamicServingCertificateController"'),
        klog(
          40,
          kind === 'kube-scheduler' ? 'server.go:264' : 'controllermanager.go:351',
          '"Requested to terminate, exiting"',
        ),
      ];
    case 'coredns': {
      const lameduck = Number(c['lameduck'] ?? 0);
      const lines: [number, 'stdout', string][] = [
        [0, 'stdout', '[INFO] SIGTERM: Shutting down servers then terminating'],
      ];
      if (lameduck > 0)
        lines.push([0, 'stdout', `[INFO] plugin/health: Going into lameduck mode for ${lameduck / 1000}s`]);
      return lines;
    }
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

function reply(status: number, body: string, headers: Record<string, string> = {}, cpuMs = 0.2): HttpReply {
  return { kind: 'response', status, body, headers: { 'Content-Length': String(utf8Length(body)), ...headers }, cpuMs };
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const NOT_FOUND = (): HttpReply => reply(404, '404 page not found\n', TEXT);

const APISERVER_CHECKS = [
  'ping',
  'log',
  'etcd',
  'poststarthook/start-apiserver-admission-initializer',
  'poststarthook/generic-apiserver-start-informers',
  'poststarthook/priority-and-fairness-config-consumer',
  'poststarthook/priority-and-fairness-filter',
  'poststarthook/start-apiextensions-informers',
  'poststarthook/start-apiextensions-controllers',
  'poststarthook/crd-informer-synced',
  'poststarthook/start-system-namespaces-controller',
  'poststarthook/bootstrap-controller',
  'poststarthook/rbac/bootstrap-roles',
  'poststarthook/scheduling/bootstrap-system-priority-classes',
  'poststarthook/priority-and-fairness-config-producer',
  'poststarthook/start-cluster-authentication-info-controller',
  'poststarthook/aggregator-reload-proxy-client-cert',
  'poststarthook/apiservice-registration-controller',
  'autoregister-completion',
];

/** healthz answers /healthz, /livez and /readyz the way k8s.io/apiserver does, with ?verbose. */
function healthz(path: string, query: string, checks: string[]): HttpReply | undefined {
  const m = /^\/(healthz|livez|readyz)(?:\/(.*))?$/.exec(path);
  if (!m) return undefined;
  const endpoint = m[1] ?? 'healthz';
  const list =
    endpoint === 'readyz'
      ? [...checks.slice(0, 3), 'etcd-readiness', 'informer-sync', ...checks.slice(3), 'shutdown']
      : checks;
  if (m[2]) return list.includes(m[2]) ? reply(200, 'ok', TEXT) : NOT_FOUND();
  if (!/(^|&)verbose\b/.test(query)) return reply(200, 'ok', TEXT);
  return reply(200, list.map((c) => `[+]${c} ok`).join('\n') + `\n${endpoint} check passed\n`, TEXT);
}

function forbidden(path: string): HttpReply {
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot get path "${path}"`,
    reason: 'Forbidden',
    details: {},
    code: 403,
  };
  return reply(403, JSON.stringify(status, null, 2) + '\n', { ...JSON_TYPE, 'X-Content-Type-Options': 'nosniff' });
}

function kubeVersion(version: string): string {
  const [major, minor] = parts(version);
  return (
    JSON.stringify(
      {
        major: String(major),
        minor: String(minor),
        emulationMajor: String(major),
        emulationMinor: String(minor),
        minCompatibilityMajor: String(major),
        minCompatibilityMinor: String(minor - 1),
        gitVersion: `v${version}`,
        gitCommit: stableHex(`kubernetes-v${version}`, 40),
        gitTreeState: 'clean',
        buildDate: kubeBuildDate(version),
        goVersion: kubeGoVersion(version),
        compiler: 'gc',
        platform: 'linux/amd64',
      },
      null,
      2,
    ) + '\n'
  );
}

function metrics(lines: string[]): HttpReply {
  return reply(200, lines.join('\n') + '\n', { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }, 1);
}

function gauge(name: string, help: string, value: string | number, labels = ''): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name}${labels} ${value}`];
}

/**
 * serveSystemHttp answers HTTP to the cluster components' ports: health and readiness, /version,
 * metrics; anything else as the component would (403 for anonymous users, 404, or a reset on DNS).
 * Undefined for servers that are not system components.
 */
export function serveSystemHttp(server: ServerState, req: HttpRequest, env: HttpEnv): HttpReply | undefined {
  if (!isSystemKind(server.kind)) return undefined;
  const [path = '/', query = ''] = req.path.split('?');
  const c = server.config ?? {};
  const version = c['version'] ?? env.image.version;
  const withDate = (r: HttpReply): HttpReply => {
    if (r.kind === 'response') r.headers['Date'] = formatDate(env.now, '%a, %d %b %Y %H:%M:%S GMT');
    return r;
  };
  switch (server.kind) {
    case 'kube-apiserver': {
      const health = healthz(path, query, APISERVER_CHECKS);
      if (health) return withDate(health);
      if (path === '/version') return withDate(reply(200, kubeVersion(version), JSON_TYPE));
      return withDate(forbidden(path));
    }
    case 'kube-controller-manager':
    case 'kube-scheduler': {
      const health = healthz(path, query, ['ping', 'leaderElection']);
      return withDate(health ?? forbidden(path));
    }
    case 'kube-proxy': {
      if (Number(c['healthzPort']) === serverPort(req, server) && /^\/(healthz|livez)$/.test(path)) {
        const body = `{"lastUpdated": "${goTime(env.now - 250, server.startedAt)}","currentTime": "${goTime(env.now, server.startedAt)}", "nodeEligible": true}`;
        return withDate(reply(200, body, JSON_TYPE));
      }
      if (path === '/proxyMode') return withDate(reply(200, c['mode'] ?? 'iptables', TEXT));
      if (path === '/healthz') return withDate(reply(200, 'ok', TEXT));
      if (path === '/metrics')
        return withDate(
          metrics([
            ...gauge(
              'kubernetes_build_info',
              "[ALPHA] A metric with a constant '1' value labeled by major, minor, git version, git commit, git tree state, build date, Go version, and compiler from which Kubernetes was built, and platform on which it is running.",
              1,
              `{build_date="${kubeBuildDate(version)}",compiler="gc",git_commit="${stableHex(`kubernetes-v${version}`, 40)}",git_tree_state="clean",git_version="v${version}",go_version="${kubeGoVersion(version)}",major="1",minor="${parts(version)[1]}",platform="linux/amd64"}`,
            ),
            ...gauge(
              'kubeproxy_sync_proxy_rules_last_timestamp_seconds',
              '[ALPHA] The last time proxy rules were successfully synced',
              ((env.now - 250) / 1000).toFixed(3),
            ),
          ]),
        );
      return withDate(NOT_FOUND());
    }
    case 'etcd': {
      if (path === '/health') return withDate(reply(200, '{"health":"true","reason":""}', JSON_TYPE));
      if (path === '/livez' || path === '/readyz') return withDate(reply(200, 'ok', TEXT));
      if (path === '/version') {
        const [major, minor] = parts(version);
        return withDate(reply(200, `{"etcdserver":"${version}","etcdcluster":"${major}.${minor}.0"}`, JSON_TYPE));
      }
      if (path === '/metrics')
        return withDate(
          metrics([
            ...gauge('etcd_server_has_leader', 'Whether or not a leader exists. 1 is existence, 0 is not.', 1),
            ...gauge('etcd_server_is_leader', 'Whether or not this member is a leader. 1 if is, 0 otherwise.', 1),
            ...gauge(
              'etcd_server_version',
              "Which version is running. 1 for 'server_version' label with current version.",
              1,
              `{server_version="${version}"}`,
            ),
          ]),
        );
      return withDate(NOT_FOUND());
    }
    case 'coredns': {
      const port = serverPort(req, server);
      if (String(port) === c['health'] && path === '/health') return withDate(reply(200, 'OK', TEXT));
      if (String(port) === c['ready'] && path === '/ready') return withDate(reply(200, 'OK', TEXT));
      if (String(port) === c['metrics'] && path === '/metrics')
        return withDate(
          metrics(
            gauge(
              'coredns_build_info',
              "A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.",
              1,
              `{goversion="${c['go'] ?? ''}",revision="${c['commit'] ?? ''}",version="${version}"}`,
            ),
          ),
        );
      if (port !== undefined && [c['health'], c['ready'], c['metrics']].includes(String(port)))
        return withDate(NOT_FOUND());
      return { kind: 'reset' };
    }
  }
}

/** serverPort is the port a request came in on (or, failing that, what its Host header says). */
function serverPort(req: HttpRequest, server: ServerState): number | undefined {
  if (req.port !== undefined) return req.port;
  const m = /:(\d+)$/.exec(req.headers['Host'] ?? '');
  if (m?.[1]) return Number(m[1]);
  return server.ports.length === 1 ? server.ports[0] : undefined;
}
