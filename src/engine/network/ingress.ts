import type { HTTPIngressPath, Ingress, IngressBackend } from 'kubernetes-types/networking/v1';

/**
 * Ingress request matching, as the Ingress spec and ingress-nginx define it. Hosts: an exact host
 * wins over a `*.example.com` wildcard (which covers exactly one label), which wins over rules
 * without a host. Paths within the chosen host: Exact is case-sensitive and literal; Prefix matches
 * whole path elements (`/aaa/bb` does not match `/aaa/bbb`), ignores trailing slashes, and `/`
 * matches everything; ImplementationSpecific is a plain string prefix (nginx `location`); ingresses
 * with `use-regex` or `rewrite-target` treat paths as case-insensitive regexes anchored at the
 * start. The longest matching path wins, Exact over Prefix on a tie. Nothing matching falls to a
 * default backend, else the controller's 404.
 */
export const REWRITE_TARGET = 'nginx.ingress.kubernetes.io/rewrite-target';
export const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex';
export const SSL_REDIRECT = 'nginx.ingress.kubernetes.io/ssl-redirect';

export type IngressMatch =
  | {
      kind: 'backend';
      ingress: Ingress;
      backend: IngressBackend;
      /** the rule path that matched; absent for a default backend */
      path?: HTTPIngressPath;
      /** the path sent upstream (after rewrite-target) */
      upstreamPath: string;
    }
  | { kind: 'none' };

/** normalizeHost drops a port and a trailing dot and lowercases, as nginx's server_name matching does. */
export function normalizeHost(host: string): string {
  return host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
}

/** hostMatches: exact equality, or a wildcard covering exactly one more label. */
export function hostMatches(ruleHost: string, host: string): boolean {
  const rule = ruleHost.toLowerCase();
  if (!rule.startsWith('*.')) return rule === host;
  const suffix = rule.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, -suffix.length);
  return label.length > 0 && !label.includes('.');
}

/** prefixMatches is the element-wise Prefix rule of the Ingress spec. */
export function prefixMatches(rulePath: string, requestPath: string): boolean {
  const rule = rulePath.replace(/\/+$/, '');
  if (rule === '') return true;
  const request = requestPath.replace(/\/+$/, '');
  return request === rule || request.startsWith(`${rule}/`);
}

function isRegexIngress(ingress: Ingress): boolean {
  const annotations = ingress.metadata?.annotations ?? {};
  return annotations[USE_REGEX] === 'true' || annotations[REWRITE_TARGET] !== undefined;
}

function regexFor(ingress: Ingress, path: string): RegExp | undefined {
  const annotations = ingress.metadata?.annotations ?? {};
  const literal = annotations[USE_REGEX] !== 'true' && !(annotations[REWRITE_TARGET] ?? '').includes('$');
  const source = literal ? path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : path;
  try {
    return new RegExp(`^${source}`, 'i');
  } catch {
    return undefined;
  }
}

interface Candidate {
  ingress: Ingress;
  path: HTTPIngressPath;
  /** how the path was matched, for precedence */
  exact: boolean;
  length: number;
}

function pathMatches(ingress: Ingress, path: HTTPIngressPath, requestPath: string): boolean {
  const rulePath = path.path ?? '/';
  if (isRegexIngress(ingress) && path.pathType !== 'Exact')
    return regexFor(ingress, rulePath)?.test(requestPath) ?? false;
  switch (path.pathType) {
    case 'Exact':
      return rulePath === requestPath;
    case 'Prefix':
      return prefixMatches(rulePath, requestPath);
    default:
      return requestPath.startsWith(rulePath === '' ? '/' : rulePath);
  }
}

/** rewrite applies rewrite-target: the whole URI becomes the target with `$1`… filled from the path regex. */
export function rewrite(ingress: Ingress, path: HTTPIngressPath | undefined, requestPath: string): string {
  const target = ingress.metadata?.annotations?.[REWRITE_TARGET];
  if (target === undefined || !path) return requestPath;
  const match = regexFor(ingress, path.path ?? '/')?.exec(requestPath);
  if (!match) return requestPath;
  const out = target.replace(/\$(\d)/g, (_all, n: string) => match[Number(n)] ?? '');
  return out.startsWith('/') ? out : `/${out}`;
}

/** serverRules picks the rules of the host a request is for: exact host, else wildcard, else host-less. */
function serverRules(ingresses: readonly Ingress[], host: string) {
  const rules = ingresses.flatMap((ingress) => (ingress.spec?.rules ?? []).map((rule) => ({ ingress, rule })));
  const exact = rules.filter((r) => r.rule.host && !r.rule.host.startsWith('*.') && r.rule.host.toLowerCase() === host);
  if (exact.length) return exact;
  const wildcard = rules.filter((r) => r.rule.host?.startsWith('*.') && hostMatches(r.rule.host, host));
  if (wildcard.length) {
    const longest = Math.max(...wildcard.map((r) => (r.rule.host ?? '').length));
    return wildcard.filter((r) => (r.rule.host ?? '').length === longest);
  }
  return rules.filter((r) => !r.rule.host);
}

function creationOrder(a: Ingress, b: Ingress): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** matchIngress routes one request among the ingresses a controller serves. */
export function matchIngress(ingresses: readonly Ingress[], rawHost: string, rawPath: string): IngressMatch {
  const host = normalizeHost(rawHost);
  const requestPath = (rawPath.split(/[?#]/)[0] ?? '/') || '/';
  const ordered = [...ingresses].sort(creationOrder);
  const candidates: Candidate[] = [];
  for (const { ingress, rule } of serverRules(ordered, host)) {
    for (const path of rule.http?.paths ?? []) {
      if (!pathMatches(ingress, path, requestPath)) continue;
      const rulePath = path.path ?? '/';
      const length = path.pathType === 'Prefix' ? rulePath.replace(/\/+$/, '').length || 1 : rulePath.length;
      candidates.push({ ingress, path, exact: path.pathType === 'Exact', length });
    }
  }
  candidates.sort((a, b) => b.length - a.length || Number(b.exact) - Number(a.exact));
  const best = candidates[0];
  if (best) {
    const query = rawPath.includes('?') ? rawPath.slice(rawPath.indexOf('?')) : '';
    return {
      kind: 'backend',
      ingress: best.ingress,
      backend: best.path.backend,
      path: best.path,
      upstreamPath: rewrite(best.ingress, best.path, requestPath) + query,
    };
  }
  const fallback = ordered.find((i) => i.spec?.defaultBackend);
  if (fallback?.spec?.defaultBackend)
    return { kind: 'backend', ingress: fallback, backend: fallback.spec.defaultBackend, upstreamPath: rawPath || '/' };
  return { kind: 'none' };
}

/** tlsSecretFor names the TLS secret an ingress set configures for a host, if any. */
export function tlsSecretFor(
  ingresses: readonly Ingress[],
  rawHost: string,
): { ingress: Ingress; secretName?: string } | undefined {
  const host = normalizeHost(rawHost);
  for (const ingress of [...ingresses].sort(creationOrder))
    for (const tls of ingress.spec?.tls ?? [])
      if ((tls.hosts ?? []).some((h) => hostMatches(h, host)))
        return { ingress, ...(tls.secretName ? { secretName: tls.secretName } : {}) };
  return undefined;
}
