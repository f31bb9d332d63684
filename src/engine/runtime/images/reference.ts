/**
 * ImageRef is an image name after Docker's normalisation (distribution/reference's
 * ParseNormalizedNamed): the registry, the full repository path, the tag and an optional digest.
 * `tag` is empty only for a digest-only reference.
 */
export interface ImageRef {
  registry: string;
  repository: string;
  tag: string;
  digest?: string;
  normalized: string;
}

export type ImageRefResult = { ok: true; ref: ImageRef } | { ok: false; message: string };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

// The grammar from github.com/distribution/reference (regexp.go).
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const referenceRegexp = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const anchoredIdentifier = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

/** splitDockerDomain is distribution/reference's rule for telling a registry host from a path. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** referenceError reproduces ParseNormalizedNamed's error for a name it refuses. */
function referenceError(text: string): string | undefined {
  if (anchoredIdentifier.test(text)) {
    return `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`;
  }
  const { domain, remainder } = splitDockerDomain(text);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    return `invalid reference format: repository name (${remoteName}) must be lowercase`;
  }
  const full = `${domain}/${remainder}`;
  const match = referenceRegexp.exec(full);
  if (!match) {
    if (text === '') return 'repository name must have at least one component';
    return 'invalid reference format';
  }
  if ((match[1] ?? '').length > NAME_TOTAL_LENGTH_MAX) {
    return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  }
  return undefined;
}

/**
 * parseImageReference normalises an image name as containerd does before a pull (`nginx` is
 * `docker.io/library/nginx:latest`). A refused name comes back with the kubelet's full
 * InvalidImageName message, `Failed to apply default image tag "NGINX": couldn't parse image name …`.
 */
export function parseImageReference(text: string): ImageRefResult {
  const error = referenceError(text);
  if (error !== undefined) {
    return {
      ok: false,
      message: `Failed to apply default image tag ${JSON.stringify(text)}: couldn't parse image name ${JSON.stringify(text)}: ${error}`,
    };
  }
  const { domain, remainder } = splitDockerDomain(text);
  const match = referenceRegexp.exec(`${domain}/${remainder}`);
  const name = match?.[1] ?? `${domain}/${remainder}`;
  const repository = name.slice(domain.length + 1);
  const digest = match?.[3];
  const tag = match?.[2] ?? (digest ? '' : 'latest');
  const normalized = `${domain}/${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  const ref: ImageRef = { registry: domain, repository, tag, normalized };
  if (digest) ref.digest = digest;
  return { ok: true, ref };
}

/** familiarName is how docker and kubectl show a Docker Hub image: `nginx:1.27`, not the full path. */
export function familiarName(ref: ImageRef): string {
  let name = `${ref.registry}/${ref.repository}`;
  if (ref.registry === DEFAULT_DOMAIN) {
    name = ref.repository.startsWith(OFFICIAL_REPO_PREFIX)
      ? ref.repository.slice(OFFICIAL_REPO_PREFIX.length)
      : ref.repository;
  }
  return `${name}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
