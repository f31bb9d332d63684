import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepEqual, type KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  compareStrings,
  intOrString,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  selectorString,
  stableSort,
} from './common.ts';
import { writeEvents } from './events.ts';
import { describePodTemplate } from './podtemplate.ts';
import { registerDescriber } from './registry.ts';
import { describeReplicaConditions } from './replicaset.ts';

/**
 * semanticPrune drops empty maps and lists, so comparing two templates treats nil and empty alike, as
 * apimachinery's Semantic.DeepEqual does.
 */
function semanticPrune(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(semanticPrune);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const pruned = semanticPrune(v);
      if (pruned !== undefined) out[k] = pruned;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

/** equalIgnoreHash compares pod templates without the pod-template-hash label. */
function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const copy = structuredClone(t ?? {}) as { metadata?: { labels?: Record<string, string> } };
    delete copy.metadata?.labels?.['pod-template-hash'];
    return semanticPrune(copy);
  };
  return deepEqual(strip(a), strip(b));
}

/**
 * replicaSetsOf is deploymentutil.GetAllReplicaSetsInChunks: the ReplicaSets the Deployment controls, oldest
 * first; the first whose template matches is the new one, all others are old (scaled to zero or not).
 */
async function replicaSetsOf(ctx: DescribeContext, d: Deployment): Promise<{ old: ReplicaSet[]; newRS?: ReplicaSet }> {
  const response = await ctx.client.request<{ items?: ReplicaSet[] }>({
    verb: 'GET',
    path: `/apis/apps/v1/namespaces/${d.metadata?.namespace ?? ''}/replicasets`,
    query: { labelSelector: selectorString(d.spec?.selector) },
  });
  if (response.status >= 300) return { old: [] };
  const owned = (response.body.items ?? []).filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === d.metadata?.uid),
  );
  const sorted = stableSort(
    owned,
    (a, b) =>
      Date.parse(a.metadata?.creationTimestamp ?? '') - Date.parse(b.metadata?.creationTimestamp ?? '') ||
      compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? ''),
  );
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const old = sorted.filter((rs) => rs !== newRS);
  return newRS ? { old, newRS } : { old };
}

function replicaSetsText(list: readonly ReplicaSet[]): string {
  const text = list
    .map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`)
    .join(', ');
  return text || '<none>';
}

/** describeDeployment is DeploymentDescriber: replicas, strategy, template, conditions and its ReplicaSets. */
export async function describeDeployment(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const d = object as unknown as Deployment;
  const meta = d.metadata ?? {};
  const spec = d.spec;
  const status = d.status ?? {};
  const { old, newRS } = await replicaSetsOf(ctx, d);
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  w.line(L0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `Selector:\t${selectorString(spec?.selector)}`);
  w.line(
    L0,
    `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable`,
  );
  w.line(L0, `StrategyType:\t${spec?.strategy?.type ?? ''}`);
  w.line(L0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}`);
  const ru = spec?.strategy?.rollingUpdate;
  if (ru) {
    const text = (v: number | string | undefined) => (v === undefined ? '<nil>' : intOrString(v));
    w.line(L0, `RollingUpdateStrategy:\t${text(ru.maxUnavailable)} max unavailable, ${text(ru.maxSurge)} max surge`);
  }
  describePodTemplate(spec?.template, w);
  describeReplicaConditions(status.conditions, w);
  if (old.length > 0 || newRS) {
    w.line(L0, `OldReplicaSets:\t${replicaSetsText(old)}`);
    w.line(L0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}`);
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('Deployment', describeDeployment, 'apps');
