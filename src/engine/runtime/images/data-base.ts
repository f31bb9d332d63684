import type { RepositorySpec, TagGroup } from './types.ts';

export const MiB = 1024 * 1024;

/** server is shorthand for a server ImageBehavior. */
export function server(
  name: Extract<RepositorySpec['behavior'], { kind: 'server' }>['server'],
  startupMs: number,
  memoryMiB: number,
  ports: number[],
  cpuMillis = 1,
): RepositorySpec['behavior'] {
  return { kind: 'server', server: name, startupMs, memoryBytes: Math.round(memoryMiB * MiB), cpuMillis, ports };
}

/** DEFAULT_PATH is the PATH Docker's official images set. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * release builds a TagGroup the way Docker Official Images tag their builds: the full version,
 * its major.minor, and any aliases (latest, 1, alpine …). With a variant, the version tags carry
 * the suffix (`1.27-alpine`).
 */
export function release(version: string, aliases: string[] = [], variant?: 'alpine' | 'slim'): TagGroup {
  const suffix = variant ? `-${variant}` : '';
  const parts = version.split('.');
  const tags = [version + suffix];
  if (parts.length >= 3) tags.push(parts.slice(0, 2).join('.') + suffix);
  for (const alias of aliases) if (!tags.includes(alias)) tags.push(alias);
  return variant ? { tags, version, variant } : { tags, version };
}

/** exact lists tags literally (for images not tagged by semver, like ubuntu's codenames). */
export function exact(version: string, tags: string[], variant?: 'alpine' | 'slim'): TagGroup {
  return variant ? { tags, version, variant } : { tags, version };
}

/** BASE_REPOSITORIES are distributions and language runtimes: no server, a shell or REPL as CMD. */
export const BASE_REPOSITORIES: RepositorySpec[] = [
  {
    names: ['docker.io/library/busybox'],
    builds: [
      release('1.37.0', ['latest', 'stable', '1', 'musl', 'glibc', 'uclibc', '1.37.0-glibc', '1.37.0-musl']),
      release('1.36.1', ['1.36.1-glibc', '1.36.1-musl']),
      release('1.35.0'),
      release('1.34.1'),
      release('1.33.1'),
      release('1.32.1'),
      release('1.31.1'),
      release('1.30.1'),
      release('1.29.3'),
      release('1.28.4', ['1.28']),
      release('1.27.2'),
      release('1.26.2'),
      release('1.25.1'),
      release('1.24.2'),
    ],
    os: 'busybox',
    sizeMB: 2.2,
    entrypoint: [],
    cmd: ['sh'],
    env: {},
    behavior: { kind: 'shell', shell: 'sh' },
  },
  {
    names: ['registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'],
    builds: [exact('1.27.2', ['latest', '1.27', '1.27.2']), exact('1.24.0', ['1.24'])],
    os: 'busybox',
    sizeMB: 1.3,
    entrypoint: [],
    cmd: ['sh'],
    env: {},
    behavior: { kind: 'shell', shell: 'sh' },
  },
  {
    names: ['docker.io/library/alpine'],
    builds: [
      release('3.22.2', ['latest', '3']),
      release('3.21.5'),
      release('3.20.8'),
      release('3.19.9'),
      release('3.18.12'),
      release('3.17.10'),
      release('3.16.9'),
      release('3.15.11'),
      exact('20250108', ['edge']),
    ],
    os: 'alpine',
    sizeMB: 3.6,
    entrypoint: [],
    cmd: ['/bin/sh'],
    env: {},
    behavior: { kind: 'shell', shell: 'sh' },
  },
  {
    names: ['docker.io/library/ubuntu'],
    builds: [
      exact('24.04', ['latest', '24.04', 'noble', 'noble-20251001', 'rolling']),
      exact('25.10', ['25.10', 'questing']),
      exact('25.04', ['25.04', 'plucky']),
      exact('22.04', ['22.04', 'jammy']),
      exact('20.04', ['20.04', 'focal']),
      exact('18.04', ['18.04', 'bionic']),
    ],
    os: 'ubuntu',
    sizeMB: 29.7,
    entrypoint: [],
    cmd: ['/bin/bash'],
    env: {},
    behavior: { kind: 'shell', shell: 'bash' },
  },
  {
    names: ['docker.io/library/debian'],
    builds: [
      exact('13', ['latest', '13', 'trixie', '13.1']),
      exact('13', ['13-slim', 'trixie-slim', 'stable-slim'], 'slim'),
      exact('12', ['12', 'bookworm', '12.12']),
      exact('12', ['12-slim', 'bookworm-slim'], 'slim'),
      exact('11', ['11', 'bullseye', '11.11']),
      exact('11', ['11-slim', 'bullseye-slim'], 'slim'),
      exact('10', ['10', 'buster']),
    ],
    os: 'debian',
    sizeMB: 48.5,
    slimSizeMB: 28.2,
    entrypoint: [],
    cmd: ['bash'],
    env: {},
    behavior: { kind: 'shell', shell: 'bash' },
  },
  {
    names: ['docker.io/library/fedora'],
    builds: [
      exact('43', ['latest', '43']),
      exact('42', ['42']),
      exact('41', ['41']),
      exact('40', ['40']),
      exact('44', ['rawhide', '44']),
    ],
    os: 'fedora',
    sizeMB: 62.4,
    entrypoint: [],
    cmd: ['/bin/bash'],
    env: { DISTTAG: 'f{version}container', FGC: 'f{version}', FBR: 'f{version}' },
    behavior: { kind: 'shell', shell: 'bash' },
  },
  {
    names: ['docker.io/library/centos', 'quay.io/centos/centos'],
    builds: [
      exact('7.9.2009', ['latest', '7', 'centos7', '7.9.2009']),
      exact('8.4.2105', ['8', 'centos8', '8.4.2105']),
    ],
    os: 'centos',
    sizeMB: 72.6,
    entrypoint: [],
    cmd: ['/bin/bash'],
    env: {},
    behavior: { kind: 'shell', shell: 'bash' },
  },
  {
    names: ['docker.io/library/python'],
    builds: [
      release('3.14.0', ['latest', '3', '3.14', 'bookworm', 'trixie']),
      release('3.14.0', ['slim', '3-slim'], 'slim'),
      release('3.14.0', ['alpine', '3-alpine'], 'alpine'),
      release('3.13.9'),
      release('3.13.9', [], 'slim'),
      release('3.13.9', [], 'alpine'),
      release('3.12.12'),
      release('3.12.12', [], 'slim'),
      release('3.12.12', [], 'alpine'),
      release('3.11.14'),
      release('3.11.14', [], 'slim'),
      release('3.10.19'),
      release('3.9.24'),
    ],
    os: 'debian',
    sizeMB: 392,
    slimSizeMB: 44.8,
    alpineSizeMB: 17.4,
    entrypoint: [],
    cmd: ['python3'],
    env: { LANG: 'C.UTF-8', PYTHON_VERSION: '{version}' },
    behavior: { kind: 'interpreter', language: 'python' },
    executables: {
      '/usr/local/bin/python3': 'python',
      '/usr/local/bin/python': 'python',
      '/usr/local/bin/pip': 'pip',
      '/usr/bin/curl': 'curl',
      '/usr/bin/wget': 'wget',
    },
  },
  {
    names: ['docker.io/library/node'],
    builds: [
      release('25.1.0', ['latest', 'current', '25']),
      release('25.1.0', ['alpine', 'current-alpine', '25-alpine'], 'alpine'),
      release('24.11.0', ['lts', '24', 'krypton']),
      release('24.11.0', ['lts-alpine', '24-alpine'], 'alpine'),
      release('24.11.0', ['lts-slim', '24-slim'], 'slim'),
      release('22.21.0', ['22', 'jod']),
      release('22.21.0', ['22-alpine'], 'alpine'),
      release('22.21.0', ['22-slim'], 'slim'),
      release('20.19.5', ['20', 'iron']),
      release('20.19.5', ['20-alpine'], 'alpine'),
      release('18.20.8', ['18', 'hydrogen']),
      release('18.20.8', ['18-alpine'], 'alpine'),
    ],
    os: 'debian',
    sizeMB: 398,
    slimSizeMB: 74.3,
    alpineSizeMB: 55.1,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
    env: { NODE_VERSION: '{version}', YARN_VERSION: '1.22.22' },
    behavior: { kind: 'interpreter', language: 'node' },
    executables: {
      '/usr/local/bin/docker-entrypoint.sh': 'node-entrypoint',
      '/usr/local/bin/node': 'node',
      '/usr/local/bin/npm': 'npm',
      '/usr/bin/curl': 'curl',
      '/usr/bin/wget': 'wget',
    },
  },
  {
    names: ['docker.io/curlimages/curl'],
    builds: [exact('8.16.0', ['latest', '8.16.0']), exact('8.11.1', ['8.11.1']), exact('8.5.0', ['8.5.0'])],
    os: 'alpine',
    sizeMB: 10.2,
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    env: { CURL_VERSION: '{version}' },
    behavior: { kind: 'oneshot' },
    executables: { '/entrypoint.sh': 'exec-args', '/usr/bin/curl': 'curl' },
  },
  {
    names: ['docker.io/nicolaka/netshoot'],
    builds: [exact('0.14', ['latest', 'v0.14']), exact('0.13', ['v0.13'])],
    os: 'alpine',
    sizeMB: 201,
    entrypoint: [],
    cmd: ['zsh'],
    env: {},
    behavior: { kind: 'shell', shell: 'bash' },
    executables: {
      '/bin/bash': 'bash',
      '/bin/zsh': 'bash',
      '/usr/bin/curl': 'curl',
      '/usr/bin/dig': 'nslookup',
      '/usr/bin/nslookup': 'nslookup',
      '/usr/bin/nc': 'nc',
    },
  },
  {
    names: ['docker.io/library/hello-world'],
    builds: [exact('1.0', ['latest', 'linux'])],
    os: 'scratch',
    sizeMB: 0.013,
    entrypoint: [],
    cmd: ['/hello'],
    env: {},
    behavior: { kind: 'oneshot' },
    executables: { '/hello': 'hello' },
  },
  {
    names: ['registry.k8s.io/pause', 'k8s.gcr.io/pause'],
    builds: ['3.10.1', '3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.4.1', '3.3', '3.2', '3.1'].map((v, i) =>
      exact(v, i === 0 ? ['latest', v] : [v]),
    ),
    os: 'scratch',
    sizeMB: 0.32,
    entrypoint: ['/pause'],
    cmd: [],
    env: {},
    behavior: { kind: 'pause' },
    executables: { '/pause': 'pause' },
  },
  {
    names: ['docker.io/polinux/stress'],
    builds: [exact('1.0.4', ['latest', '1.0.4'])],
    os: 'alpine',
    sizeMB: 4.2,
    entrypoint: ['stress'],
    cmd: [],
    env: {},
    behavior: { kind: 'stress', flavor: 'polinux' },
    executables: { '/usr/local/bin/stress': 'stress' },
  },
  {
    names: ['docker.io/vish/stress'],
    builds: [exact('0.1', ['latest'])],
    os: 'scratch',
    sizeMB: 1.5,
    entrypoint: ['/stress', '-logtostderr'],
    cmd: [],
    env: {},
    behavior: { kind: 'stress', flavor: 'vish' },
    executables: { '/stress': 'vish-stress' },
  },
];
