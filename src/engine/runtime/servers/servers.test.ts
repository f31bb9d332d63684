import { describe, expect, it } from 'vitest';
import { httpGet, tcpOpen } from '../process.ts';
import { Container, T0, emptyDir } from '../testkit.ts';
import type { NetworkAccess } from '../types.ts';
import { newDirectory } from '../vfs.ts';

const MiB = 1024 * 1024;

function get(c: Container, port: number, path: string): { status: number; body: string } | string {
  const r = httpGet(c.state!, port, path, c.ctx());
  return r.ok ? { status: r.status, body: r.body } : r.error;
}

describe('nginx', () => {
  it('logs like the official image and listens on 80 after start-up', () => {
    const c = new Container('nginx:1.27.3');
    c.start();
    expect(tcpOpen(c.state!, 80, T0 + 100)).toBe(false);
    expect(get(c, 80, '/')).toBe('refused');
    c.advance(1000);
    expect(c.last).toMatchObject({ status: 'running', listening: [80] });
    expect(c.text('stdout').split('\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(c.text('stdout')).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(c.text('stderr')).toContain('[notice] 1#1: nginx/1.27.3');
    expect(c.text('stderr')).toContain('[notice] 1#1: start worker processes');
  });

  it.each([
    ['/', 200, '<h1>Welcome to nginx!</h1>'],
    ['/index.html', 200, '<h1>Welcome to nginx!</h1>'],
    ['/missing', 404, '<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.3</center>'],
    ['/50x.html', 200, 'An error occurred.'],
  ])('GET %s → %i', (path, status, fragment) => {
    const c = new Container('nginx');
    c.start();
    c.advance(1000);
    const r = httpGet(c.state!, 80, path, c.ctx(), {
      remoteAddr: '10.244.0.1',
      headers: { 'User-Agent': 'kube-probe/1.35' },
    });
    expect(r.ok && r.status).toBe(status);
    expect(r.ok && r.body).toContain(fragment);
    expect(r.ok && r.logs.at(-1)?.text).toMatch(
      new RegExp(
        `^10\\.244\\.0\\.1 - - \\[05/Jan/2026:09:00:01 \\+0000\\] "GET ${path.replace('.', '\\.')} HTTP/1\\.1" ${status} \\d+ "-" "kube-probe/1\\.35" "-"$`,
      ),
    );
  });

  it('serves a mounted ConfigMap page, and curl inside the pod sees it', () => {
    const html = newDirectory();
    html.entries['index.html'] = { type: 'file', mode: 0o644, content: '<h1>Hello from a ConfigMap</h1>\n' };
    const c = new Container('nginx', { mounts: [{ path: '/usr/share/nginx/html', tree: html, readOnly: true }] });
    c.start();
    c.advance(1000);
    expect(get(c, 80, '/')).toEqual({ status: 200, body: '<h1>Hello from a ConfigMap</h1>\n' });
    expect(c.exec(['curl', '-s', 'http://localhost/'])).toMatchObject({
      exitCode: 0,
      stdout: '<h1>Hello from a ConfigMap</h1>\n',
    });
  });

  it('without "daemon off" forks into the background and the container completes', () => {
    const c = new Container('nginx');
    expect(c.start(['nginx'])).toMatchObject({ status: 'exited', exitCode: 0, reason: 'Completed' });
  });

  it('kill 1 from kubectl exec stops it', () => {
    const c = new Container('nginx');
    c.start();
    c.advance(1000);
    c.exec(['kill', '1']);
    c.advance(1000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 0 });
  });
});

describe('other web servers', () => {
  it('httpd answers It works!', () => {
    const c = new Container('httpd');
    c.start();
    c.advance(1000);
    expect(get(c, 80, '/')).toEqual({ status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' });
    expect(c.text('stderr')).toContain(
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name",
    );
  });

  it('whoami describes the request', () => {
    const c = new Container('traefik/whoami', { podIP: '10.244.1.7', hostname: 'whoami-abc' });
    c.start();
    c.advance(1000);
    const r = get(c, 80, '/');
    expect(typeof r === 'object' && r.body).toContain('Hostname: whoami-abc\r\n');
    expect(typeof r === 'object' && r.body).toContain('IP: 10.244.1.7\r\n');
  });

  it('http-echo answers its -text and needs one', () => {
    const c = new Container('hashicorp/http-echo');
    c.start(undefined, ['-text=apple']);
    c.advance(1000);
    expect(get(c, 5678, '/')).toEqual({ status: 200, body: 'apple\n' });
    expect(new Container('hashicorp/http-echo').start()).toMatchObject({ status: 'exited', exitCode: 127 });
  });

  it('agnhost liveness is healthy for 10 s, then 500', () => {
    const c = new Container('registry.k8s.io/e2e-test-images/agnhost:2.40');
    c.start(undefined, ['liveness']);
    c.advance(5000);
    expect(get(c, 8080, '/healthz')).toEqual({ status: 200, body: 'ok' });
    c.advance(10_000);
    const r = get(c, 8080, '/healthz');
    expect(typeof r === 'object' && r.status).toBe(500);
  });

  it('python -m http.server lists the working directory', () => {
    const c = new Container('python:3.12-slim');
    c.ctx().fs.mkdir('/srv/site', { parents: true });
    c.ctx().fs.writeFile('/srv/site/a.txt', 'A');
    c.start(['sh', '-c', 'cd /srv/site && exec python -m http.server 8000']);
    c.advance(1000);
    const r = get(c, 8000, '/');
    expect(typeof r === 'object' && r.body).toContain('<li><a href="a.txt">a.txt</a></li>');
    expect(get(c, 8000, '/a.txt')).toEqual({ status: 200, body: 'A' });
    expect(c.text('stdout')).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...');
  });

  it('the HPA example burns CPU per request', () => {
    const c = new Container('registry.k8s.io/hpa-example');
    c.start();
    c.advance(2000);
    const idle = c.last?.status === 'running' ? c.last.cpuMillis : -1;
    for (let i = 0; i < 3000; i++) httpGet(c.state!, 80, '/', c.ctx());
    c.advance(1);
    const busy = c.last?.status === 'running' ? c.last.cpuMillis : -1;
    expect(get(c, 80, '/')).toEqual({ status: 200, body: 'OK!' });
    expect(busy).toBeGreaterThan(idle + 400);
  });
});

describe('databases', () => {
  it('mysql without a root password logs the entrypoint error and exits 1', () => {
    const c = new Container('mysql:8.4');
    c.start();
    c.advance(5000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 1, reason: 'Error' });
    expect(c.text('stdout')).toBe(
      [
        '2026-01-05 09:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.7-1.el9 started.',
        "2026-01-05 09:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        '2026-01-05 09:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.7-1.el9 started.',
      ].join('\n'),
    );
    expect(c.text('stderr')).toBe(
      '2026-01-05 09:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
    );
  });

  it('mysql with a password initialises, listens on 3306 and answers mysqladmin ping', () => {
    const data = emptyDir();
    const c = new Container('mysql:8.4', {
      env: { MYSQL_ROOT_PASSWORD: 'secret', MYSQL_DATABASE: 'shop' },
      mounts: [{ path: '/var/lib/mysql', tree: data, readOnly: false }],
    });
    c.start();
    c.advance(5000);
    expect(tcpOpen(c.state!, 3306)).toBe(false);
    c.advance(15_000);
    expect(tcpOpen(c.state!, 3306)).toBe(true);
    expect(c.text()).toContain('[Entrypoint]: Creating database shop');
    expect(c.text()).toContain('[Server] /usr/sbin/mysqld: ready for connections.');
    expect(c.exec(['mysqladmin', 'ping', '-uroot', '-psecret'])).toMatchObject({
      exitCode: 0,
      stdout: 'mysqld is alive\n',
    });
    const again = new Container('mysql:8.4', { mounts: [{ path: '/var/lib/mysql', tree: data, readOnly: false }] });
    again.start();
    again.advance(6000);
    expect(again.last?.status).toBe('running');
    expect(again.text()).not.toContain('Initializing database files');
  });

  it('mariadb without a password (MARIADB_* or MYSQL_* names) exits 1', () => {
    const c = new Container('mariadb');
    c.start();
    c.advance(2000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 1 });
    expect(c.text('stderr')).toBe(
      '2026-01-05 09:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
    );
    const ok = new Container('mariadb', { env: { MYSQL_ROOT_PASSWORD: 'x' } });
    ok.start();
    ok.advance(10_000);
    expect(ok.last?.status).toBe('running');
  });

  it('postgres without POSTGRES_PASSWORD prints its error block and exits 1', () => {
    const c = new Container('postgres:17');
    c.start();
    c.advance(1000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 1, reason: 'Error' });
    expect(c.text('stderr')).toBe(
      'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html',
    );
  });

  it('postgres with a password initialises once, then skips initialisation', () => {
    const data = emptyDir();
    const c = new Container('postgres:17', {
      env: { POSTGRES_PASSWORD: 'pw' },
      mounts: [{ path: '/var/lib/postgresql/data', tree: data, readOnly: false }],
    });
    c.start();
    c.advance(4000);
    expect(c.last).toMatchObject({ status: 'running', listening: [5432] });
    expect(c.text()).toContain('PostgreSQL init process complete; ready for start up.');
    expect(c.text()).toContain('LOG:  database system is ready to accept connections');
    expect(c.exec(['pg_isready'])).toMatchObject({
      exitCode: 0,
      stdout: '/var/run/postgresql:5432 - accepting connections\n',
    });
    const again = new Container('postgres:17', {
      mounts: [{ path: '/var/lib/postgresql/data', tree: data, readOnly: false }],
    });
    again.start();
    again.advance(2000);
    expect(again.text()).toContain(
      'PostgreSQL Database directory appears to contain a database; Skipping initialization',
    );
  });

  it('redis prints its banner', () => {
    const c = new Container('redis:7.4');
    c.start();
    c.advance(500);
    expect(c.text()).toContain('1:C 05 Jan 2026 09:00:00.001 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    expect(c.text()).toContain('* Ready to accept connections tcp');
  });
});

describe('elasticsearch', () => {
  it('fails its bootstrap checks without discovery.type=single-node (exit 78)', () => {
    const c = new Container('docker.elastic.co/elasticsearch/elasticsearch:8.17.0');
    c.start();
    c.advance(60_000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 78 });
    expect(c.text()).toContain(
      'bootstrap check failure [1] of [2]: max virtual memory areas vm.max_map_count [65530] is too low',
    );
  });

  it('starts in about 30 s as a single node', () => {
    const c = new Container('elasticsearch:8.17.0', {
      env: { 'discovery.type': 'single-node', 'xpack.security.enabled': 'false' },
    });
    c.start();
    c.advance(20_000);
    expect(tcpOpen(c.state!, 9200)).toBe(false);
    c.advance(15_000);
    const r = get(c, 9200, '/');
    expect(typeof r === 'object' && r.body).toContain('"tagline" : "You Know, for Search"');
  });

  it('is OOMKilled with a 512Mi limit', () => {
    const c = new Container('elasticsearch:8.17.0', {
      env: { 'discovery.type': 'single-node' },
      memoryLimitBytes: 512 * MiB,
    });
    c.start();
    c.advance(10_000);
    expect(c.last).toMatchObject({ status: 'exited', reason: 'OOMKilled', exitCode: 137 });
  });
});

describe('network tools against the network layer', () => {
  const network: NetworkAccess = {
    resolve: (host) =>
      ({ web: '10.96.0.20', 'web.default.svc.cluster.local': '10.96.0.20', down: '10.96.0.21', slow: '10.96.0.22' })[
        host
      ],
    http: (url) => {
      if (url.includes('//web')) return { ok: true, status: 200, body: 'hello from web\n' };
      if (url.includes('//down')) return { ok: false, error: 'refused', message: 'connection refused' };
      if (url.includes('//slow')) return { ok: false, error: 'timeout', message: 'i/o timeout' };
      return { ok: false, error: 'unresolved', message: 'no such host' };
    },
  };

  it.each([
    ['wget -q -O- http://web', 0, 'hello from web\n', ''],
    ['wget -q -O- http://down', 1, '', "wget: can't connect to remote host (10.96.0.21): Connection refused\n"],
    ['wget -q -O- -T 2 http://slow', 1, '', 'wget: download timed out\n'],
    ['wget -q -O- http://nowhere', 1, '', "wget: bad address 'nowhere'\n"],
    [
      'nslookup web',
      0,
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.20\n\n',
      '',
    ],
    [
      'nslookup nowhere',
      1,
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n',
      "** server can't find nowhere: NXDOMAIN\n\n",
    ],
  ])('busybox %s', (cmd, exitCode, stdout, stderr) => {
    const c = new Container('busybox', { network });
    c.start(['sleep', 'infinity']);
    expect(c.exec(cmd.split(' '))).toMatchObject({ exitCode, stdout, stderr });
  });

  it.each([
    ['curl -s http://web', 0, 'hello from web\n', ''],
    ['curl -s http://nowhere', 6, '', ''],
    ['curl -sS http://nowhere', 6, '', 'curl: (6) Could not resolve host: nowhere\n'],
    ['curl http://down', 7, '', "curl: (7) Failed to connect to down port 80 after 1 ms: Couldn't connect to server\n"],
    ['curl -s -o /dev/null -w %{http_code} http://web', 0, '200', ''],
  ])('curl %s', (cmd, exitCode, stdout, stderr) => {
    const c = new Container('nginx', { network });
    c.start();
    expect(c.exec(cmd.split(' '))).toMatchObject({ exitCode, stdout, stderr });
  });

  it('a load-generator loop reaches the network in virtual time', () => {
    let requests = 0;
    const counting: NetworkAccess = { ...network, http: (url, o) => (requests++, network.http(url, o)) };
    const c = new Container('busybox:1.28', { network: counting });
    c.start(['/bin/sh', '-c', 'while sleep 0.01; do wget -q -O- http://web; done']);
    c.advance(1000);
    expect(requests).toBeGreaterThan(50);
    expect(requests).toBeLessThan(110);
  });
});
