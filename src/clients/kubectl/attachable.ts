import type { Pod, Service } from 'kubernetes-types/core/v1';
import { objectPath, type KubeObject } from '../../engine/index.ts';
import { discover } from './discovery.ts';
import { responseError } from './errors.ts';
import { goSort } from './gosort.ts';
import type { KubectlContext } from './types.ts';

/**
 * attachablePod is how kubectl logs, exec and port-forward find the pod behind `TYPE/NAME`
 * (polymorphichelpers.AttachablePodForObject): a pod by name, or for a Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, Job, ReplicationController or Service the "most active" pod its selector
 * matches — assigned, Running, Ready the longest, fewest restarts, oldest — in the order kubectl's
 * ActivePods sort (reversed) leaves them.
 */
export type Attachable =
  { ok: true; pod: Pod; service?: Service; matching: number; pods: Pod[] } | { ok: false; error: string };

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** selectorText turns a LabelSelector into the query syntax (`a=b,c in (d,e),!f`). */
function selectorText(selector: LabelSelector): string {
  const terms = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (operator === 'In') terms.push(`${key} in (${[...values].sort().join(',')})`);
    else if (operator === 'NotIn') terms.push(`${key} notin (${[...values].sort().join(',')})`);
    else if (operator === 'Exists') terms.push(key);
    else if (operator === 'DoesNotExist') terms.push(`!${key}`);
  }
  return terms.join(',');
}

const time = (stamp: string | undefined) => (stamp ? Date.parse(stamp) : undefined);

function readySince(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? (time(ready.lastTransitionTime) ?? 0) : undefined;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** afterOrZero is podutils' rule: an unset time counts as after any other. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** activeLess is podutils.ActivePods' Less: i is "less active" than j. */
function activeLess(i: Pod, j: Pod): boolean {
  const ni = i.spec?.nodeName ?? '';
  const nj = j.spec?.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  const pi = PHASE_RANK[i.status?.phase ?? ''] ?? 0;
  const pj = PHASE_RANK[j.status?.phase ?? ''] ?? 0;
  if (pi !== pj) return pi < pj;
  const ri = readySince(i);
  const rj = readySince(j);
  if ((ri !== undefined) !== (rj !== undefined)) return ri === undefined;
  if (ri !== undefined && rj !== undefined && ri !== rj) return afterOrZero(ri, rj);
  if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
  const ci = time(i.metadata?.creationTimestamp);
  const cj = time(j.metadata?.creationTimestamp);
  if (ci !== cj) return afterOrZero(ci, cj);
  return false;
}

export async function attachablePod(ctx: KubectlContext, namespace: string, target: string): Promise<Attachable> {
  const registry = await discover(ctx.client);
  const slash = target.indexOf('/');
  const typeWord = slash >= 0 ? target.slice(0, slash) : 'pod';
  const name = slash >= 0 ? target.slice(slash + 1) : target;
  const type = registry.resolve(typeWord);
  if (!type) return { ok: false, error: `error: the server doesn't have a resource type "${typeWord}"\n` };
  const response = await ctx.client.request<KubeObject>({ verb: 'GET', path: objectPath(type, namespace, name) });
  const error = responseError(response);
  if (error) return { ok: false, error };
  if (type.kind === 'Pod') {
    const pod = response.body as unknown as Pod;
    return { ok: true, pod, matching: 1, pods: [pod] };
  }
  let selector: string;
  let service: Service | undefined;
  if (type.kind === 'Service' || type.kind === 'ReplicationController') {
    const plain = (response.body.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (type.kind === 'Service') service = response.body as unknown as Service;
    if (!plain || Object.keys(plain).length === 0)
      return {
        ok: false,
        error:
          type.kind === 'Service'
            ? `error: cannot attach to *v1.Service: invalid service '${name}': Service is defined without a selector\n`
            : `error: cannot attach to *v1.${type.kind}: selector for *v1.${type.kind} not implemented\n`,
      };
    selector = selectorText({ matchLabels: plain });
  } else if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(type.kind)) {
    selector = selectorText((response.body.spec as { selector?: LabelSelector } | undefined)?.selector ?? {});
  } else {
    return {
      ok: false,
      error: `error: cannot attach to *v1.${type.kind}: selector for *v1.${type.kind} not implemented\n`,
    };
  }
  const pods = await ctx.client.request<{ items?: Pod[] }>({
    verb: 'GET',
    path: `/api/v1/namespaces/${namespace}/pods`,
    query: { labelSelector: selector },
  });
  const items = pods.body.items ?? [];
  if (items.length === 0) return { ok: false, error: 'error: timed out waiting for the condition\n' };
  const sorted = goSort([...items], (a, b) => activeLess(b, a));
  return { ok: true, pod: sorted[0] as Pod, ...(service ? { service } : {}), matching: items.length, pods: items };
}
