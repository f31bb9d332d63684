import { BASE_REPOSITORIES, DEFAULT_PATH } from './data-base.ts';
import { SERVER_REPOSITORIES } from './data-servers.ts';
import { SYSTEM_REPOSITORIES } from './data-system.ts';
import { WEB_REPOSITORIES } from './data-web.ts';
import type { ImageRef } from './reference.ts';
import type { ImageInfo, OsFamily, RepositorySpec, TagGroup } from './types.ts';

/** REPOSITORIES is every repository the simulated registries hold. */
export const REPOSITORIES: RepositorySpec[] = [
  ...BASE_REPOSITORIES,
  ...WEB_REPOSITORIES,
  ...SERVER_REPOSITORIES,
  ...SYSTEM_REPOSITORIES,
];

const byName = new Map<string, RepositorySpec>();
for (const spec of REPOSITORIES) for (const name of spec.names) byName.set(name, spec);

/** PULL_BASE_MS and PULL_BYTES_PER_MS make pull time grow with size: ~1 s of set-up plus 12.5 MB/s. */
export const PULL_BASE_MS = 1000;
export const PULL_BYTES_PER_MS = 12_500;

/** pullDuration is how long the kubelet waits for a pull of this many (compressed) bytes. */
export function pullDuration(sizeBytes: number): number {
  return Math.round(PULL_BASE_MS + sizeBytes / PULL_BYTES_PER_MS);
}

/** fakeDigest is a stable sha256-looking digest, so imageID never changes between runs. */
export function fakeDigest(seed: string): string {
  let out = '';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < seed.length; i++) {
      h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (seed.charCodeAt(i) + round), 0x5bd1e995) >>> 0;
    }
    h1 = Math.imul(h1 ^ (h2 >>> 13), 0x85ebca6b) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}

/** repositoryExists tells "no such repository" from "no such tag", which containerd reports differently. */
export function repositoryExists(ref: ImageRef): boolean {
  return byName.has(`${ref.registry}/${ref.repository}`);
}

/** knownRegistry is true for hosts the simulated network can reach. */
export function knownRegistry(registry: string): boolean {
  for (const spec of REPOSITORIES) for (const name of spec.names) if (name.startsWith(registry + '/')) return true;
  return registry === 'docker.io' || registry === 'registry.k8s.io' || registry === 'quay.io' || registry === 'ghcr.io';
}

function findBuild(spec: RepositorySpec, name: string, ref: ImageRef): TagGroup | undefined {
  if (ref.digest) return spec.builds.find((b) => buildDigest(spec.names[0] ?? name, b) === ref.digest);
  return spec.builds.find((b) => b.tags.includes(ref.tag));
}

function buildDigest(canonicalName: string, build: TagGroup): string {
  return fakeDigest(`${canonicalName}@${build.version}${build.variant ? `-${build.variant}` : ''}`);
}

function fill(template: string, version: string): string {
  const parts = version.split('.');
  return template
    .replaceAll('{version}', version)
    .replaceAll('{major}', parts[0] ?? version)
    .replaceAll('{minor}', parts.slice(0, 2).join('.'));
}

function variantOs(spec: RepositorySpec, build: TagGroup): OsFamily {
  if (build.variant === 'alpine') return 'alpine';
  return spec.os;
}

function variantSizeMB(spec: RepositorySpec, build: TagGroup): number {
  if (build.variant === 'alpine') return spec.alpineSizeMB ?? spec.sizeMB;
  if (build.variant === 'slim') return spec.slimSizeMB ?? spec.sizeMB;
  return spec.sizeMB;
}

/**
 * lookupImage answers as the registry would: the image for a known repository and tag (or digest),
 * undefined when the registry does not have it (an unknown repository, or `nginx:1.99`).
 */
export function lookupImage(ref: ImageRef): ImageInfo | undefined {
  const fullName = `${ref.registry}/${ref.repository}`;
  const spec = byName.get(fullName);
  if (!spec) return undefined;
  const build = findBuild(spec, fullName, ref);
  if (!build) return undefined;
  const canonical = spec.names[0] ?? fullName;
  const digest = buildDigest(canonical, build);
  const sizeBytes = Math.round(variantSizeMB(spec, build) * 1_000_000);
  const env: Record<string, string> = { PATH: DEFAULT_PATH };
  for (const [key, value] of Object.entries(spec.env)) env[key] = fill(value, build.version);
  if (canonical === 'docker.io/library/postgres' && Number(build.version.split('.')[0]) >= 18) {
    env['PGDATA'] = `/var/lib/postgresql/${build.version.split('.')[0]}/docker`;
  }
  const info: ImageInfo = {
    name: ref.normalized,
    imageID: `${fullName}@${digest}`,
    version: build.version,
    os: variantOs(spec, build),
    sizeBytes,
    pullMs: pullDuration(sizeBytes),
    entrypoint: [...spec.entrypoint],
    cmd: [...spec.cmd],
    env,
    workingDir: spec.workingDir ?? '/',
    ports: [...(spec.ports ?? [])],
    behavior: structuredCloneJson(spec.behavior),
    executables: { ...(spec.executables ?? {}) },
  };
  return info;
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * pullErrorMessage is what follows `Failed to pull image "x": ` in the kubelet's event, in
 * containerd's words: a tag the repository lacks is NotFound; a repository Docker Hub does not
 * have is "pull access denied" (an Unknown error, which the kubelet prints without the rpc prefix);
 * an unreachable registry fails on DNS.
 */
export function pullErrorMessage(refText: string, ref: ImageRef): string {
  void refText;
  const name = ref.normalized;
  const prefix = `failed to pull and unpack image "${name}": failed to resolve reference "${name}"`;
  if (!knownRegistry(ref.registry)) {
    const host = ref.registry;
    const path = ref.digest ?? ref.tag;
    return (
      `${prefix}: failed to do request: Head "https://${host}/v2/${ref.repository}/manifests/${path}": ` +
      `dial tcp: lookup ${host.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host`
    );
  }
  if (ref.registry === 'docker.io' && !repositoryExists(ref)) {
    return `${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = ${prefix}: ${name}: not found`;
}
