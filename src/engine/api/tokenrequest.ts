import { rfc3339 } from '../clock/clock.ts';
import type { Clock } from '../clock/clock.ts';
import type { SeededRandom } from '../random.ts';
import { base64 } from './base64.ts';
import { ApiError, fieldErrors, invalid, methodNotAllowed, notFound, type FieldError } from './errors.ts';
import type { ResourcePath } from './paths.ts';
import type { ApiServer } from './server.ts';
import type { ApiRequest, ApiResponse } from './types.ts';

/**
 * The serviceaccounts/token subresource (pkg/registry/core/serviceaccount/storage/token.go), what
 * `kubectl create token` asks: a TokenRequest in, the same TokenRequest back with a signed JWT in
 * status.token and its expiry. Claims follow kube-apiserver's bound service account tokens (issuer
 * and audience `https://kubernetes.default.svc.cluster.local`, as kubeadm and kind set them); the
 * signature is random bytes — the lab checks no tokens, but the token reads like a real one.
 */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
const DEFAULT_EXPIRATION_S = 3600;
const MIN_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 2 ** 32;

interface TokenRequestBody {
  spec?: {
    audiences?: string[] | null;
    expirationSeconds?: number;
    boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null;
  };
}

function base64url(text: string): string {
  return base64(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function randomBase64url(random: SeededRandom, bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return random.string(Math.ceil((bytes * 4) / 3), alphabet);
}

const BOUND_KINDS: Record<string, string> = { Pod: 'pods', Secret: 'secrets', Node: 'nodes' };

export function registerTokenRequest(server: ApiServer, clock: Clock, random: SeededRandom): void {
  // The key id is the hash of the cluster's signing key: one per cluster, drawn once.
  let kid: string | undefined;
  server.subresourceHandlers.set('serviceaccounts/token', (request: ApiRequest, path: ResourcePath): ApiResponse => {
    if (request.verb !== 'POST') throw new ApiError(methodNotAllowed());
    const namespace = path.namespace ?? '';
    const name = path.name ?? '';
    const account = server.store.get('serviceaccounts', namespace, name);
    if (!account) throw new ApiError(notFound({ group: '', resource: 'serviceaccounts' }, name));
    const body = (request.body ?? {}) as TokenRequestBody;
    const spec = body.spec ?? {};
    const expirationSeconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_S;
    const audiences = spec.audiences && spec.audiences.length > 0 ? spec.audiences : [SERVICE_ACCOUNT_ISSUER];
    const problems: FieldError[] = [];
    if (expirationSeconds < MIN_EXPIRATION_S)
      problems.push(
        fieldErrors.invalid(
          'spec.expirationSeconds',
          expirationSeconds,
          'may not specify a duration less than 10 minutes',
        ),
      );
    if (expirationSeconds > MAX_EXPIRATION_S)
      problems.push(
        fieldErrors.invalid(
          'spec.expirationSeconds',
          expirationSeconds,
          'may not specify a duration larger than 2^32 seconds',
        ),
      );
    if (problems.length > 0) throw new ApiError(invalid('TokenRequest', 'authentication.k8s.io', name, problems));
    const claims: Record<string, unknown> = {};
    const bound = spec.boundObjectRef ?? undefined;
    if (bound?.kind) {
      const resource = BOUND_KINDS[bound.kind];
      if (!resource)
        throw new ApiError(
          invalid('TokenRequest', 'authentication.k8s.io', name, [
            fieldErrors.notSupported('spec.boundObjectRef.kind', bound.kind, Object.keys(BOUND_KINDS)),
          ]),
        );
      const target = server.store.get(resource, bound.kind === 'Node' ? '' : namespace, bound.name ?? '');
      if (!target) throw new ApiError(notFound({ group: '', resource }, bound.name ?? ''));
      const ref = { name: target.metadata.name, uid: target.metadata.uid };
      if (bound.kind === 'Pod') {
        claims.pod = ref;
        const nodeName = (target.spec as { nodeName?: string } | undefined)?.nodeName;
        const node = nodeName ? server.store.get('nodes', '', nodeName) : undefined;
        if (node) claims.node = { name: node.metadata.name, uid: node.metadata.uid };
      } else if (bound.kind === 'Secret') claims.secret = ref;
      else claims.node = ref;
    }
    const issuedAt = Math.floor(clock.now / 1000);
    const expiresAt = issuedAt + expirationSeconds;
    kid ??= randomBase64url(random, 32);
    const payload = {
      aud: audiences,
      exp: expiresAt,
      iat: issuedAt,
      iss: SERVICE_ACCOUNT_ISSUER,
      jti: random.uuid(),
      'kubernetes.io': {
        namespace,
        ...claims,
        serviceaccount: { name, uid: account.metadata.uid },
      },
      nbf: issuedAt,
      sub: `system:serviceaccount:${namespace}:${name}`,
    };
    const token = [
      base64url(JSON.stringify({ alg: 'RS256', kid })),
      base64url(JSON.stringify(payload)),
      randomBase64url(random, 256),
    ].join('.');
    return {
      status: 201,
      body: {
        kind: 'TokenRequest',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { name, namespace, creationTimestamp: null },
        spec: { audiences, expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
        status: { token, expirationTimestamp: rfc3339(expiresAt * 1000) },
      },
    };
  });
}
