import { describe, expect, it } from 'vitest';
import { image } from './testkit.ts';
import { createImageRootFs, kubernetesHostsFile, resolvConf } from './rootfs.ts';
import { ContainerFileSystem, newDirectory, normalizePath, utf8Length } from './vfs.ts';

function fs(readOnlyData = false): { fs: ContainerFileSystem; data: ReturnType<typeof newDirectory> } {
  const data = newDirectory(0o777);
  return { fs: new ContainerFileSystem(newDirectory(), [{ path: '/data', tree: data, readOnly: readOnlyData }]), data };
}

describe('ContainerFileSystem', () => {
  it.each([
    ['/a/b/../c', '/', '/a/c'],
    ['x', '/tmp', '/tmp/x'],
    ['./x//y/', '/srv', '/srv/x/y'],
    ['../..', '/a', '/'],
  ])('normalizePath(%s, %s) = %s', (path, cwd, expected) => expect(normalizePath(path, cwd)).toBe(expected));

  it('writes, appends, reads and lists', () => {
    const { fs: f } = fs();
    expect(f.mkdir('/etc/app', { parents: true }).ok).toBe(true);
    expect(f.writeFile('/etc/app/conf', 'a\n').ok).toBe(true);
    expect(f.writeFile('/etc/app/conf', 'b\n', { append: true }).ok).toBe(true);
    expect(f.readFile('/etc/app/conf')).toEqual({ ok: true, value: 'a\nb\n' });
    expect(f.readdir('/etc/app')).toEqual({ ok: true, value: ['conf'] });
    expect(f.readdir('/')).toEqual({ ok: true, value: ['data', 'etc'] });
  });

  it.each([
    ['read a missing file', (f: ContainerFileSystem) => f.readFile('/nope'), 'ENOENT'],
    ['read a directory', (f: ContainerFileSystem) => f.readFile('/data'), 'EISDIR'],
    ['write under a missing directory', (f: ContainerFileSystem) => f.writeFile('/no/such/file', 'x'), 'ENOENT'],
    ['mkdir an existing directory', (f: ContainerFileSystem) => f.mkdir('/data'), 'EEXIST'],
    ['rm a directory without -r', (f: ContainerFileSystem) => (f.mkdir('/d'), f.rm('/d')), 'EISDIR'],
    ['rm a mount point', (f: ContainerFileSystem) => f.rm('/data', { recursive: true }), 'EBUSY'],
    ['walk through a file', (f: ContainerFileSystem) => (f.writeFile('/f', ''), f.readFile('/f/x')), 'ENOTDIR'],
  ])('fails to %s with %s', (_name, op, errno) => {
    const { fs: f } = fs();
    expect(op(f)).toEqual({ ok: false, errno });
  });

  it('refuses writes to a read-only mount with EROFS', () => {
    const { fs: f, data } = fs(true);
    data.entries['x'] = { type: 'file', mode: 0o644, content: 'keep' };
    expect(f.writeFile('/data/y', 'no')).toEqual({ ok: false, errno: 'EROFS' });
    expect(f.rm('/data/x')).toEqual({ ok: false, errno: 'EROFS' });
    expect(f.readFile('/data/x')).toEqual({ ok: true, value: 'keep' });
  });

  it('shares a volume tree between two containers (an emptyDir)', () => {
    const shared = newDirectory(0o777);
    const writer = new ContainerFileSystem(newDirectory(), [{ path: '/out', tree: shared, readOnly: false }]);
    const reader = new ContainerFileSystem(newDirectory(), [{ path: '/in', tree: shared, readOnly: true }]);
    writer.writeFile('/out/log', 'hello\n', { append: true });
    expect(reader.readFile('/in/log')).toEqual({ ok: true, value: 'hello\n' });
    expect(JSON.parse(JSON.stringify(shared))).toEqual(shared);
  });

  it('discards writes to /dev/null and counts bytes as UTF-8', () => {
    const { fs: f } = fs();
    expect(f.writeFile('/dev/null', 'x').ok).toBe(true);
    expect(f.readFile('/dev/null')).toEqual({ ok: true, value: '' });
    expect(utf8Length('héllo')).toBe(6);
    f.writeFile('/big', '');
    f.padFile('/big', 100 * 1024 * 1024);
    const st = f.stat('/big');
    expect(st.ok && st.value.size).toBe(100 * 1024 * 1024);
  });
});

describe('createImageRootFs', () => {
  it('seeds nginx with its welcome page, config and entrypoint', () => {
    const f = new ContainerFileSystem(createImageRootFs(image('nginx:1.27'), 'web-1'));
    const page = f.readFile('/usr/share/nginx/html/index.html');
    expect(page.ok && page.value).toContain('<title>Welcome to nginx!</title>');
    expect(page.ok && utf8Length(page.value)).toBe(615);
    expect(f.readFile('/etc/hostname')).toEqual({ ok: true, value: 'web-1\n' });
    expect(f.exists('/docker-entrypoint.sh')).toBe(true);
    expect(f.exists('/usr/bin/curl')).toBe(true);
    const release = f.readFile('/etc/os-release');
    expect(release.ok && release.value).toContain('ID=debian');
  });

  it.each([
    ['busybox', '/bin/sh', false],
    ['alpine', '/usr/bin/wget', true],
    ['ubuntu', '/bin/bash', true],
    ['registry.k8s.io/pause', '/pause', false],
  ])('%s has %s', (ref, path, hasOsRelease) => {
    const f = new ContainerFileSystem(createImageRootFs(image(ref), 'p'));
    expect(f.exists(path)).toBe(true);
    expect(f.exists('/etc/os-release')).toBe(hasOsRelease);
  });

  it('leaves bash out of busybox and alpine, and tools out of scratch images', () => {
    expect(new ContainerFileSystem(createImageRootFs(image('alpine'), 'p')).exists('/bin/bash')).toBe(false);
    expect(new ContainerFileSystem(createImageRootFs(image('traefik/whoami'), 'p')).exists('/bin/sh')).toBe(false);
  });

  it('writes the kubelet-managed hosts and resolv.conf formats', () => {
    expect(kubernetesHostsFile('10.244.1.5', 'web-1')).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.5\tweb-1\n',
    );
    expect(resolvConf({ namespace: 'shop' })).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
});
