import { describe, expect, it } from 'vitest';
import { lookupImage } from '../images/catalog.ts';
import { parseImageReference } from '../images/reference.ts';
import { httpGet, terminateProcess } from '../process.ts';
import { Container, T0, emptyDir } from '../testkit.ts';
import { newDirectory } from '../vfs.ts';

const MiB = 1024 * 1024;
const KLOG = /^[IWE]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} {7}1 [\w.]+\.go:\d+\] \S/;

const IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.6.5-0',
  apiserver: 'registry.k8s.io/kube-apiserver:v1.35.0',
  controllerManager: 'registry.k8s.io/kube-controller-manager:v1.35.0',
  scheduler: 'registry.k8s.io/kube-scheduler:v1.35.0',
  proxy: 'registry.k8s.io/kube-proxy:v1.35.0',
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
};

function lookup(ref: string) {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) throw new Error(parsed.message);
  return lookupImage(parsed.ref);
}

function running(ref: string, options: ConstructorParameters<typeof Container>[1] = {}, command?: string[]) {
  const c = new Container(ref, { podIP: '172.18.0.2', hostname: 'control-plane', ...options });
  c.start(command);
  c.advance(3000);
  return c;
}

describe('system images in the catalog', () => {
  it.each([
    [IMAGES.etcd, 23.6, ['etcd'], 'etcd', '3.6.5'],
    [IMAGES.apiserver, 29.1, ['/usr/local/bin/kube-apiserver'], 'kube-apiserver', '1.35.0'],
    [IMAGES.controllerManager, 26.9, ['/usr/local/bin/kube-controller-manager'], 'kube-controller-manager', '1.35.0'],
    [IMAGES.scheduler, 21.0, ['/usr/local/bin/kube-scheduler'], 'kube-scheduler', '1.35.0'],
    [IMAGES.proxy, 31.2, ['/usr/local/bin/kube-proxy'], 'kube-proxy', '1.35.0'],
    [IMAGES.coredns, 22.4, ['/coredns'], 'coredns', '1.12.1'],
  ])('%s: %f MB, entrypoint %j, a %s server', (ref, sizeMB, entrypoint, server, version) => {
    const info = lookup(ref);
    expect(info).toMatchObject({ sizeBytes: Math.round(sizeMB * 1e6), entrypoint, cmd: [], os: 'scratch', version });
    expect(info?.behavior).toMatchObject({ kind: 'server', server });
  });

  it.each([
    ['registry.k8s.io/kube-apiserver:v1.33.0', true],
    ['registry.k8s.io/kube-controller-manager:v1.34.3', true],
    ['registry.k8s.io/kube-scheduler:v1.35.2', true],
    ['registry.k8s.io/kube-proxy:v1.33.7', true],
    ['registry.k8s.io/etcd:3.5.21-0', true],
    ['registry.k8s.io/etcd:3.6.4-0', true],
    ['registry.k8s.io/coredns/coredns:v1.11.3', true],
    ['registry.k8s.io/coredns/coredns:v1.12.0', true],
    ['registry.k8s.io/kube-apiserver:v1.32.0', false],
    ['registry.k8s.io/kube-apiserver:v1.35.3', false],
    ['registry.k8s.io/kube-apiserver:latest', false],
    ['registry.k8s.io/kube-apiserver:1.35.0', false],
    ['registry.k8s.io/etcd:3.6.5', false],
    ['registry.k8s.io/coredns/coredns:1.12.1', false],
  ])('%s exists: %s', (ref, exists) => {
    expect(lookup(ref) !== undefined).toBe(exists);
  });
});

describe('start-up', () => {
  it.each([
    [IMAGES.etcd, 800, [2379, 2380, 2381], 30, 15],
    [IMAGES.apiserver, 1800, [6443], 250, 40],
    [IMAGES.controllerManager, 1000, [10257], 50, 10],
    [IMAGES.scheduler, 900, [10259], 20, 3],
    [IMAGES.proxy, 600, [10249, 10256], 15, 1],
    [IMAGES.coredns, 500, [53, 8080, 8181, 9153], 15, 2],
  ])('%s listens after %i ms on %j with %i MiB and %im CPU', (ref, startupMs, ports, memoryMiB, cpu) => {
    const c = new Container(ref, { podIP: '172.18.0.2', hostname: 'control-plane' });
    expect(c.start()).toMatchObject({ status: 'running', listening: [] });
    c.advance(startupMs - 1);
    expect(c.last).toMatchObject({ status: 'running', listening: [] });
    c.advance(2000);
    expect(c.last).toMatchObject({ status: 'running', listening: ports, cpuMillis: cpu });
    const memory = c.last?.status === 'running' ? c.last.memoryBytes : 0;
    expect(memory).toBeGreaterThanOrEqual(memoryMiB * MiB);
    expect(memory).toBeLessThan((memoryMiB + 1) * MiB);
  });

  it.each([
    [IMAGES.apiserver, ['Version: v1.35.0', 'Serving securely on [::]:6443', '"Golang settings"']],
    [
      IMAGES.controllerManager,
      [
        '"Starting" version="v1.35.0"',
        'Serving securely on [::]:10257',
        'successfully acquired lease kube-system/kube-controller-manager',
        '"Started controller" controller="deployment-controller"',
      ],
    ],
    [
      IMAGES.scheduler,
      [
        '"Starting Kubernetes Scheduler" version="v1.35.0"',
        'Serving securely on [::]:10259',
        'successfully acquired lease kube-system/kube-scheduler',
      ],
    ],
    [
      IMAGES.proxy,
      [
        '"Using iptables proxy"',
        '"Successfully retrieved NodeIPs" NodeIPs=["172.18.0.2"]',
        '"Caches are synced" controller="service config"',
      ],
    ],
  ])('%s logs klog lines to stderr', (ref, fragments) => {
    const c = running(ref);
    expect(c.text('stdout')).toBe('');
    const lines = c.text('stderr').split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(KLOG);
    expect(lines[0]).toMatch(/^I0105 09:00:00\.\d{6} {7}1 /);
    for (const f of fragments) expect(c.text('stderr')).toContain(f);
    const stamps = lines.map((l) => l.slice(1, 21));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('etcd logs JSON like zap, starting with its argv', () => {
    const c = running(IMAGES.etcd);
    const lines = c.text('stderr').split('\n');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const e of entries) {
      expect(Object.keys(e).slice(0, 2)).toEqual(['level', 'ts']);
      expect(e['ts']).toMatch(/^2026-01-05T09:00:0\d\.\d{6}Z$/);
      expect(e['caller']).toMatch(/\.go:\d+$/);
    }
    expect(lines[0]).toMatch(
      /^\{"level":"info","ts":"2026-01-05T09:00:00\.\d{6}Z","caller":"etcdmain\/etcd\.go:\d+","msg":"Running: ","args":\["etcd"\]\}$/,
    );
    const stamps = entries.map((e) => String(e['ts']));
    expect([...stamps].sort()).toEqual(stamps);
    const msgs = entries.map((e) => e['msg']);
    expect(msgs).toContain('8e9e05c52164694d became leader at term 2');
    expect(msgs).toContain('ready to serve client requests');
    expect(entries.find((e) => e['msg'] === 'starting an etcd server')).toMatchObject({
      'etcd-version': '3.6.5',
      'member-initialized': false,
      name: 'default',
    });
  });

  it('CoreDNS prints its banner on stdout', () => {
    const c = running(IMAGES.coredns, {}, undefined);
    const lines = c.text('stdout').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('.:53');
    expect(lines[1]).toMatch(/^\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}$/);
    expect(lines.slice(2)).toEqual(['CoreDNS-1.12.1', 'linux/amd64, go1.24.1, 707c7c1']);
    expect(running('registry.k8s.io/coredns/coredns:v1.11.3').text('stdout')).toContain(
      'CoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9',
    );
  });

  it('is deterministic: the same start gives the same logs and state', () => {
    for (const ref of Object.values(IMAGES)) {
      const a = running(ref);
      const b = running(ref);
      expect(a.logs).toEqual(b.logs);
      expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    }
  });

  it.each([
    [
      IMAGES.etcd,
      ['etcd', '--version'],
      /^etcd Version: 3\.6\.5\nGit SHA: [0-9a-f]{7}\nGo Version: go1\.24\.\d+\nGo OS\/Arch: linux\/amd64$/,
    ],
    [IMAGES.apiserver, ['/usr/local/bin/kube-apiserver', '--version'], /^Kubernetes v1\.35\.0$/],
    ['registry.k8s.io/kube-proxy:v1.34.1', ['/usr/local/bin/kube-proxy', '--version'], /^Kubernetes v1\.34\.1$/],
    [IMAGES.coredns, ['/coredns', '-version'], /^CoreDNS-1\.12\.1\nlinux\/amd64, go1\.24\.1, 707c7c1$/],
  ])('%s %j prints its version and exits', (ref, command, expected) => {
    const c = new Container(ref);
    expect(c.start(command)).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(c.text('stdout')).toMatch(expected);
  });
});

describe('arguments', () => {
  it('kubeadm-style etcd flags set the name, ports and addresses', () => {
    const c = running(IMAGES.etcd, { mounts: [{ path: '/var/lib/etcd', tree: emptyDir(), readOnly: false }] }, [
      'etcd',
      '--advertise-client-urls=https://172.18.0.2:2379',
      '--data-dir=/var/lib/etcd',
      '--initial-advertise-peer-urls=https://172.18.0.2:2380',
      '--initial-cluster=control-plane=https://172.18.0.2:2380',
      '--listen-client-urls=https://127.0.0.1:2379,https://172.18.0.2:2379',
      '--listen-metrics-urls=http://127.0.0.1:2381',
      '--listen-peer-urls=https://172.18.0.2:2380',
      '--name=control-plane',
    ]);
    expect(c.last).toMatchObject({ status: 'running', listening: [2379, 2380, 2381] });
    expect(c.text()).toContain(
      '"msg":"serving client traffic securely","traffic":"grpc+http","address":"172.18.0.2:2379"',
    );
    expect(c.text()).toContain('"msg":"serving metrics","address":"http://127.0.0.1:2381"');
    expect(c.text()).not.toContain('8e9e05c52164694d');
  });

  it('etcd restarted on the same data dir says it was already initialized', () => {
    const data = emptyDir();
    const args = ['etcd', '--data-dir=/var/lib/etcd'];
    const first = running(IMAGES.etcd, { mounts: [{ path: '/var/lib/etcd', tree: data, readOnly: false }] }, args);
    expect(first.text()).not.toContain('server has already been initialized');
    const second = running(IMAGES.etcd, { mounts: [{ path: '/var/lib/etcd', tree: data, readOnly: false }] }, args);
    expect(second.text()).toContain('"msg":"server has already been initialized"');
    expect(second.text()).toContain('became leader at term 3');
  });

  it.each([
    [['--secure-port=8443'], IMAGES.apiserver, [8443]],
    [['--bind-address=127.0.0.1', '--secure-port=10257'], IMAGES.controllerManager, [10257]],
    [['--metrics-bind-address=0.0.0.0:10249'], IMAGES.proxy, [10249, 10256]],
    [['-dns.port=1053'], IMAGES.coredns, [1053, 8080, 8181, 9153]],
  ])('%j on %s listens on %j', (args, ref, ports) => {
    const c = new Container(ref);
    c.start(undefined, args);
    c.advance(3000);
    expect(c.last).toMatchObject({ status: 'running', listening: ports });
  });

  it('kube-proxy as the DaemonSet runs it: names the node, tolerates a missing config file', () => {
    const c = running(IMAGES.proxy, {}, [
      '/usr/local/bin/kube-proxy',
      '--config=/var/lib/kube-proxy/config.conf',
      '--hostname-override=node-1',
    ]);
    expect(c.last).toMatchObject({ status: 'running', listening: [10249, 10256] });
    const conf = newDirectory();
    conf.entries['config.conf'] = {
      type: 'file',
      mode: 0o644,
      content: 'kind: KubeProxyConfiguration\nmode: "ipvs"\n',
    };
    const ipvs = running(IMAGES.proxy, { mounts: [{ path: '/var/lib/kube-proxy', tree: conf, readOnly: true }] }, [
      '/usr/local/bin/kube-proxy',
      '--config=/var/lib/kube-proxy/config.conf',
    ]);
    expect(ipvs.text()).toContain('"Using ipvs Proxier"');
    expect(httpGet(ipvs.state!, 10249, '/proxyMode', ipvs.ctx())).toMatchObject({ ok: true, body: 'ipvs' });
  });

  it('CoreDNS reads a mounted Corefile: its zones, its plugins, its lameduck', () => {
    const conf = newDirectory();
    conf.entries['Corefile'] = {
      type: 'file',
      mode: 0o644,
      content:
        '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    forward . 8.8.8.8\n}\nexample.org:1053 {\n    whoami\n}\n',
    };
    const c = running(IMAGES.coredns, { mounts: [{ path: '/etc/coredns', tree: conf, readOnly: true }] }, [
      '/coredns',
      '-conf',
      '/etc/coredns/Corefile',
    ]);
    expect(c.text('stdout').split('\n')).toEqual([
      '.:53',
      'example.org.:1053',
      'CoreDNS-1.12.1',
      'linux/amd64, go1.24.1, 707c7c1',
    ]);
    expect(c.last).toMatchObject({ listening: [53, 1053, 8080, 8181] });
    expect(terminateProcess(c.state!, 'SIGTERM', c.ctx())).toEqual({ exitsAfterMs: 5010, exitCode: 0 });
    c.advance(6000);
    expect(c.text('stdout')).toContain('[INFO] plugin/health: Going into lameduck mode for 5s');
  });

  it('/go-runner drops its own flags and runs the component', () => {
    const c = running(IMAGES.scheduler, {}, [
      '/go-runner',
      '--log-file=/var/log/kube-scheduler.log',
      '--also-stdout=false',
      '/usr/local/bin/kube-scheduler',
      '--bind-address=127.0.0.1',
    ]);
    expect(c.last).toMatchObject({ status: 'running', listening: [10259] });
    expect(c.text()).toContain('Serving securely on 127.0.0.1:10259');
  });
});

describe('HTTP', () => {
  it.each([
    [IMAGES.apiserver, 6443, '/livez', 200, 'ok'],
    [IMAGES.apiserver, 6443, '/readyz', 200, 'ok'],
    [IMAGES.apiserver, 6443, '/healthz?verbose', 200, '[+]ping ok\n[+]log ok\n[+]etcd ok\n'],
    [IMAGES.apiserver, 6443, '/readyz?verbose', 200, 'readyz check passed\n'],
    [IMAGES.apiserver, 6443, '/version', 200, '"gitVersion": "v1.35.0"'],
    [
      IMAGES.apiserver,
      6443,
      '/api/v1/pods',
      403,
      'forbidden: User \\"system:anonymous\\" cannot get path \\"/api/v1/pods\\"',
    ],
    [IMAGES.controllerManager, 10257, '/healthz', 200, 'ok'],
    [IMAGES.controllerManager, 10257, '/metrics', 403, '"reason": "Forbidden"'],
    [IMAGES.scheduler, 10259, '/livez', 200, 'ok'],
    [IMAGES.scheduler, 10259, '/readyz', 200, 'ok'],
    [IMAGES.proxy, 10256, '/healthz', 200, '"nodeEligible": true}'],
    [IMAGES.proxy, 10249, '/proxyMode', 200, 'iptables'],
    [IMAGES.proxy, 10249, '/metrics', 200, 'kubernetes_build_info{'],
    [IMAGES.etcd, 2381, '/health', 200, '{"health":"true","reason":""}'],
    [IMAGES.etcd, 2381, '/readyz', 200, 'ok'],
    [IMAGES.etcd, 2379, '/version', 200, '{"etcdserver":"3.6.5","etcdcluster":"3.6.0"}'],
    [IMAGES.etcd, 2381, '/metrics', 200, 'etcd_server_has_leader 1'],
    [IMAGES.etcd, 2381, '/nope', 404, '404 page not found\n'],
    [IMAGES.coredns, 8080, '/health', 200, 'OK'],
    [IMAGES.coredns, 8181, '/ready', 200, 'OK'],
    [
      IMAGES.coredns,
      9153,
      '/metrics',
      200,
      'coredns_build_info{goversion="go1.24.1",revision="707c7c1",version="1.12.1"} 1',
    ],
    [IMAGES.coredns, 8080, '/ready', 404, '404 page not found\n'],
  ])('%s :%i%s → %i', (ref, port, path, status, fragment) => {
    const c = running(ref);
    const r = httpGet(c.state!, port, path, c.ctx());
    expect(r.ok && r.status).toBe(status);
    expect(r.ok && r.body).toContain(fragment);
  });

  it('CoreDNS port 53 does not speak HTTP, and nothing answers before start-up', () => {
    const c = running(IMAGES.coredns);
    expect(httpGet(c.state!, 53, '/', c.ctx())).toEqual({ ok: false, error: 'reset' });
    const early = new Container(IMAGES.apiserver);
    early.start();
    expect(httpGet(early.state!, 6443, '/livez', early.ctx(T0 + 1000))).toEqual({ ok: false, error: 'refused' });
  });
});

describe('SIGTERM', () => {
  it.each([
    [IMAGES.etcd, 100, '"msg":"closed etcd server"'],
    [IMAGES.apiserver, 400, '"[graceful-termination] apiserver is exiting"'],
    [IMAGES.controllerManager, 50, '"Requested to terminate, exiting"'],
    [IMAGES.scheduler, 50, '"Requested to terminate, exiting"'],
    [IMAGES.proxy, 20, undefined],
    [IMAGES.coredns, 10, '[INFO] SIGTERM: Shutting down servers then terminating'],
  ])('%s stops within %i ms with 0', (ref, afterMs, goodbye) => {
    const c = running(ref);
    expect(terminateProcess(c.state!, 'SIGTERM', c.ctx())).toEqual({ exitsAfterMs: afterMs, exitCode: 0 });
    c.advance(afterMs + 10);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 0, reason: 'Completed' });
    if (goodbye) expect(c.logs.at(-1)?.text ?? '').toContain(goodbye);
  });
});

describe('etcdctl inside the etcd container', () => {
  it('reports health, members and its version, and saves a snapshot', () => {
    const c = running(IMAGES.etcd, { mounts: [{ path: '/var/lib/etcd', tree: emptyDir(), readOnly: false }] });
    expect(c.exec(['etcdctl', 'version'])).toMatchObject({
      exitCode: 0,
      stdout: 'etcdctl version: 3.6.5\nAPI version: 3.6\n',
    });
    expect(c.exec(['etcdctl', '--endpoints=127.0.0.1:2379', 'endpoint', 'health']).stdout).toMatch(
      /^127\.0\.0\.1:2379 is healthy: successfully committed proposal: took = \d+\.\d{6}ms\n$/,
    );
    expect(c.exec(['etcdctl', 'member', 'list']).stdout).toBe(
      '8e9e05c52164694d, started, default, http://localhost:2380, http://localhost:2379, false\n',
    );
    const save = c.exec(['etcdctl', 'snapshot', 'save', '/var/lib/etcd/snap.db']);
    expect(save).toMatchObject({ exitCode: 0, stdout: 'Snapshot saved at /var/lib/etcd/snap.db\n' });
    const st = c.ctx().fs.stat('/var/lib/etcd/snap.db');
    expect(st.ok && st.value.size).toBeGreaterThan(4_000_000);
    expect(c.exec(['etcdctl', 'snapshot', 'save', '/backup/snap.db'])).toMatchObject({
      exitCode: 1,
      stderr: 'Error: could not open /backup/snap.db.part (open /backup/snap.db.part: no such file or directory)\n',
    });
  });

  it('a wrong endpoint is unhealthy after the dial timeout', () => {
    const c = running(IMAGES.etcd);
    const r = c.exec(['etcdctl', '--endpoints=127.0.0.1:12379', 'endpoint', 'health']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('127.0.0.1:12379 is unhealthy: failed to commit proposal: context deadline exceeded');
    expect(r.stderr).toContain('Error: unhealthy cluster');
  });

  it('the kube images have no shell to exec into', () => {
    const c = running(IMAGES.apiserver);
    expect(c.exec(['sh'])).toMatchObject({ exitCode: 127 });
  });
});
