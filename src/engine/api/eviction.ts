import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { ApiError, badRequest, internalError, methodNotAllowed, notFound } from './errors.ts';
import type { ResourcePath } from './paths.ts';
import { selectorMatches } from './selectors.ts';
import type { ApiServer } from './server.ts';
import type { ApiRequest, ApiResponse, KubeObject, Status } from './types.ts';

/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): an eviction deletes
 * the pod unless that would take a PodDisruptionBudget below what it protects, in which case it
 * answers 429 "Cannot evict pod as it would violate the pod's disruption budget." — what
 * `kubectl drain` retries every five seconds. The budget's numbers are worked out from the pods
 * at that moment, as the disruption controller would have them.
 */
const APISERVER = { username: 'system:apiserver', groups: ['system:masters'] };

interface Budget {
  desiredHealthy: number;
  currentHealthy: number;
  disruptionsAllowed: number;
}

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const percent = Number(value.replace(/%$/, ''));
  return Math.ceil((percent * total) / 100);
}

/** expectedScale sums the replicas of the controllers behind the pods (a Deployment over its ReplicaSets). */
function expectedScale(server: ApiServer, pods: Pod[]): number {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller);
    if (!ref) continue;
    const namespace = pod.metadata?.namespace ?? '';
    let owner: KubeObject | undefined;
    if (ref.kind === 'ReplicaSet') {
      owner = server.store.get('replicasets.apps', namespace, ref.name);
      const deployment = (owner?.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'Deployment');
      if (deployment) owner = server.store.get('deployments.apps', namespace, deployment.name) ?? owner;
    } else if (ref.kind === 'StatefulSet') owner = server.store.get('statefulsets.apps', namespace, ref.name);
    else if (ref.kind === 'ReplicationController')
      owner = server.store.get('replicationcontrollers', namespace, ref.name);
    if (!owner) continue;
    seen.set(owner.metadata.uid ?? '', (owner.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  }
  return [...seen.values()].reduce((sum, n) => sum + n, 0);
}

function budgetOf(server: ApiServer, pdb: PodDisruptionBudget, pods: Pod[]): Budget {
  const spec = pdb.spec ?? {};
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined) {
    const expected = expectedScale(server, pods);
    desiredHealthy = Math.max(0, expected - scaled(spec.maxUnavailable, expected));
  } else if (spec.minAvailable !== undefined) {
    desiredHealthy =
      typeof spec.minAvailable === 'number'
        ? spec.minAvailable
        : scaled(spec.minAvailable, expectedScale(server, pods));
  }
  const currentHealthy = pods.filter((p) => !p.metadata?.deletionTimestamp && isReady(p)).length;
  return { desiredHealthy, currentHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

function tooManyRequests(pdbName: string, budget: Budget): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: "Cannot evict pod as it would violate the pod's disruption budget.",
    reason: 'TooManyRequests',
    details: {
      causes: [
        {
          reason: 'DisruptionBudget',
          message: `The disruption budget ${pdbName} needs ${budget.desiredHealthy} healthy pods and has ${budget.currentHealthy} currently`,
        },
      ],
    },
    code: 429,
  };
}

export function registerEviction(server: ApiServer): void {
  server.subresourceHandlers.set('pods/eviction', (request: ApiRequest, path: ResourcePath): ApiResponse => {
    if (request.verb !== 'POST') throw new ApiError(methodNotAllowed());
    const namespace = path.namespace ?? '';
    const name = path.name ?? '';
    const pod = server.store.get('pods', namespace, name) as unknown as Pod | undefined;
    if (!pod) throw new ApiError(notFound({ group: '', resource: 'pods' }, name));
    const eviction = (request.body ?? {}) as { metadata?: { name?: string }; deleteOptions?: Record<string, unknown> };
    if (eviction.metadata?.name && eviction.metadata.name !== name)
      throw new ApiError(badRequest('name in URL does not match name in Eviction object'));
    const phase = pod.status?.phase;
    const ignoresBudgets =
      phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
    if (!ignoresBudgets) {
      const budgets = server.store
        .list('poddisruptionbudgets.policy', namespace)
        .map((o) => o as unknown as PodDisruptionBudget)
        .filter((pdb) => selectorMatches(pdb.spec?.selector, pod.metadata?.labels));
      if (budgets.length > 1)
        throw new ApiError(
          internalError(
            'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
          ),
        );
      const pdb = budgets[0];
      if (pdb) {
        const pods = server.store
          .list('pods', namespace)
          .map((o) => o as unknown as Pod)
          .filter((p) => selectorMatches(pdb.spec?.selector, p.metadata?.labels));
        const budget = budgetOf(server, pdb, pods);
        const unhealthyAllowed =
          !isReady(pod) && budget.currentHealthy >= budget.desiredHealthy && budget.desiredHealthy > 0;
        if (!unhealthyAllowed && budget.disruptionsAllowed <= 0)
          throw new ApiError(tooManyRequests(pdb.metadata?.name ?? '', budget));
      }
    }
    const deleted = server.handle({
      verb: 'DELETE',
      path: `/api/v1/namespaces/${namespace}/pods/${name}`,
      body: { kind: 'DeleteOptions', apiVersion: 'v1', ...(eviction.deleteOptions ?? {}) },
      user: APISERVER,
      ...(request.query?.dryRun ? { query: { dryRun: request.query.dryRun } } : {}),
    });
    if (deleted.status >= 400) return deleted;
    return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  });
}
