import { exact, server } from './data-base.ts';
import type { RepositorySpec, TagGroup } from './types.ts';

/** KUBE_PATCHES is the newest patch release of each Kubernetes minor the registry holds. */
const KUBE_PATCHES: [minor: number, lastPatch: number][] = [
  [33, 7],
  [34, 3],
  [35, 2],
];

/** kubeBuilds tags each release `v1.35.0`, as registry.k8s.io does (no `latest`, no `v1.35`). */
function kubeBuilds(): TagGroup[] {
  const out: TagGroup[] = [];
  for (const [minor, last] of KUBE_PATCHES)
    for (let patch = last; patch >= 0; patch--) out.push(exact(`1.${minor}.${patch}`, [`v1.${minor}.${patch}`]));
  return out;
}

/** etcdBuilds are kubeadm's etcd images, tagged with the image revision: `3.6.5-0`. */
function etcdBuilds(): TagGroup[] {
  const out: TagGroup[] = [];
  for (const [minor, last] of [
    [6, 6],
    [5, 24],
  ] as const)
    for (let patch = last; patch >= 0; patch--) out.push(exact(`3.${minor}.${patch}`, [`3.${minor}.${patch}-0`]));
  return out;
}

/** kube is a control-plane component image: a Go binary on distroless, no shell, no ports declared. */
function kube(
  name: 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kube-proxy',
  sizeMB: number,
  behavior: RepositorySpec['behavior'],
): RepositorySpec {
  return {
    names: [`registry.k8s.io/${name}`],
    builds: kubeBuilds(),
    os: 'scratch',
    sizeMB,
    entrypoint: [`/usr/local/bin/${name}`],
    cmd: [],
    env: {},
    behavior,
    executables: { [`/usr/local/bin/${name}`]: name, '/go-runner': 'go-runner' },
  };
}

/**
 * SYSTEM_REPOSITORIES are the images of the cluster's own pods in kube-system: etcd, the control
 * plane, kube-proxy and CoreDNS. Sizes are compressed, as `crictl images` and node.status.images show.
 */
export const SYSTEM_REPOSITORIES: RepositorySpec[] = [
  {
    names: ['registry.k8s.io/etcd'],
    builds: etcdBuilds(),
    os: 'scratch',
    sizeMB: 23.6,
    entrypoint: ['etcd'],
    cmd: [],
    env: {},
    ports: [2379, 2380],
    behavior: server('etcd', 800, 30, [2379, 2380, 2381], 15),
    executables: { '/usr/local/bin/etcd': 'etcd', '/usr/local/bin/etcdctl': 'etcdctl' },
  },
  kube('kube-apiserver', 29.1, server('kube-apiserver', 1800, 250, [6443], 40)),
  kube('kube-controller-manager', 26.9, server('kube-controller-manager', 1000, 50, [10257], 10)),
  kube('kube-scheduler', 21.0, server('kube-scheduler', 900, 20, [10259], 3)),
  kube('kube-proxy', 31.2, server('kube-proxy', 600, 15, [10249, 10256], 1)),
  {
    names: ['registry.k8s.io/coredns/coredns'],
    builds: [exact('1.12.1', ['v1.12.1']), exact('1.12.0', ['v1.12.0']), exact('1.11.3', ['v1.11.3'])],
    os: 'scratch',
    sizeMB: 22.4,
    entrypoint: ['/coredns'],
    cmd: [],
    env: {},
    ports: [53],
    behavior: server('coredns', 500, 15, [53, 8080, 8181, 9153], 2),
    executables: { '/coredns': 'coredns' },
  },
];
