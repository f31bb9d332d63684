/** OsFamily is the base an image was built on; it decides which shell and tools exist inside. */
export type OsFamily = 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'fedora' | 'centos' | 'oraclelinux' | 'scratch';

/** ServerKind names a long-running program the runtime knows how to imitate (logs, ports, HTTP). */
export type ServerKind =
  | 'nginx'
  | 'httpd'
  | 'redis'
  | 'mysql'
  | 'mariadb'
  | 'postgres'
  | 'mongo'
  | 'wordpress'
  | 'elasticsearch'
  | 'kibana'
  | 'jenkins'
  | 'registry'
  | 'whoami'
  | 'http-echo'
  | 'hello-app'
  | 'echoserver'
  | 'agnhost'
  | 'php-apache'
  | 'prometheus'
  | 'grafana'
  | 'python-http'
  | 'filebeat'
  | 'stress'
  | 'netcat'
  | 'pause'
  | 'node-http'
  | 'hello'
  | 'etcd'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'kube-proxy'
  | 'coredns';

/**
 * ImageBehavior says what the image does when run with its own ENTRYPOINT and CMD, so lessons can
 * rely on the classic outcomes: servers come up and listen, base images exit at once without a TTY,
 * stress allocates memory.
 */
export type ImageBehavior =
  /** a server: ready after startupMs, then listening on ports with a steady footprint */
  | { kind: 'server'; server: ServerKind; startupMs: number; memoryBytes: number; cpuMillis: number; ports: number[] }
  /** a base image whose CMD is a shell: without a TTY it reads EOF and exits 0 */
  | { kind: 'shell'; shell: 'sh' | 'bash' }
  /** a language image whose CMD is a REPL: without a TTY it exits 0 as the shell does */
  | { kind: 'interpreter'; language: 'python' | 'node' }
  /** a load tool (polinux/stress, vish/stress): what it does depends on its arguments */
  | { kind: 'stress'; flavor: 'polinux' | 'vish' }
  /** a long-running agent without ports (filebeat) */
  | { kind: 'agent'; server: ServerKind; memoryBytes: number; cpuMillis: number }
  /** a program that prints and exits (hello-world, curl) */
  | { kind: 'oneshot' }
  /** the pause container: sleeps forever, holds the pod's namespaces */
  | { kind: 'pause' };

/**
 * ImageInfo is what the registry knows about one image: size and pull time for the kubelet, the
 * config (entrypoint, cmd, env, workingDir, exposed ports) for the runtime, and the executables the
 * image adds to its base OS (path → program id).
 */
export interface ImageInfo {
  /** the normalized reference, e.g. docker.io/library/nginx:1.27 */
  name: string;
  /** `docker.io/library/nginx@sha256:…`, what status.containerStatuses[].imageID shows */
  imageID: string;
  /** the software version inside (nginx 1.27.5 for nginx:1.27), used in start-up logs */
  version: string;
  os: OsFamily;
  sizeBytes: number;
  pullMs: number;
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir: string;
  ports: number[];
  behavior: ImageBehavior;
  executables: Record<string, string>;
}

/** TagGroup is one build of a repository and every tag that points at it. */
export interface TagGroup {
  tags: string[];
  version: string;
  /** variant builds (alpine, slim) change the base OS and size */
  variant?: 'alpine' | 'slim';
}

/** RepositorySpec describes a repository in the simulated registries. */
export interface RepositorySpec {
  /** normalized names, e.g. docker.io/library/nginx; more than one when mirrored */
  names: string[];
  builds: TagGroup[];
  os: OsFamily;
  sizeMB: number;
  alpineSizeMB?: number;
  slimSizeMB?: number;
  entrypoint: string[];
  cmd: string[];
  /** environment; `{version}` is replaced by the build's version */
  env: Record<string, string>;
  workingDir?: string;
  ports?: number[];
  behavior: ImageBehavior;
  executables?: Record<string, string>;
}
