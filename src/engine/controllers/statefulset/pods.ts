import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { isPodAvailable, isPodReady, podFromTemplate } from '../reconcile/pods.ts';

/**
 * Stateful pod identity (pkg/controller/statefulset/stateful_set_utils.go): ordinal names, the
 * pod-name and pod-index labels, hostname and subdomain for DNS, and one claim per template per
 * ordinal, "<template>-<set>-<ordinal>".
 */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

/** ordinalOf parses "<set>-<n>"; -1 when the name is not one of the set's. */
export function ordinalOf(set: StatefulSet, pod: Pod): number {
  const prefix = `${set.metadata?.name ?? ''}-`;
  const name = pod.metadata?.name ?? '';
  if (!name.startsWith(prefix)) return -1;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

export function claimName(set: StatefulSet, template: string, ordinal: number): string {
  return `${template}-${set.metadata?.name ?? ''}-${ordinal}`;
}

export function revisionOfPod(pod: Pod): string {
  return pod.metadata?.labels?.[REVISION_LABEL] ?? '';
}

/** claimsFor is getPersistentVolumeClaims: one claim per volumeClaimTemplate, labelled with the set's selector. */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((template) => {
    const claim = structuredClone(template) as PersistentVolumeClaim;
    const name = claimName(set, template.metadata?.name ?? '', ordinal);
    const labels = { ...(claim.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    delete (claim as { status?: unknown }).status;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...(claim.metadata ?? {}),
        name,
        namespace: set.metadata?.namespace ?? '',
        ...(Object.keys(labels).length ? { labels } : {}),
      },
      spec: claim.spec ?? {},
    };
  });
}

/** newStatefulPod is newVersionedStatefulSetPod for one template and revision. */
export function newStatefulPod(
  set: StatefulSet,
  template: PodTemplateSpec,
  revisionName: string,
  ordinal: number,
): Pod {
  const pod = podFromTemplate(template, set as unknown as KubeObject);
  const meta = pod.metadata ?? {};
  delete meta.generateName;
  const name = podName(set, ordinal);
  meta.name = name;
  meta.labels = {
    ...(meta.labels ?? {}),
    [POD_NAME_LABEL]: name,
    [POD_INDEX_LABEL]: String(ordinal),
    [REVISION_LABEL]: revisionName,
  };
  pod.metadata = meta;
  const spec = pod.spec ?? { containers: [] };
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = new Map<string, string>(
    (set.spec?.volumeClaimTemplates ?? []).map((t) => [
      t.metadata?.name ?? '',
      claimName(set, t.metadata?.name ?? '', ordinal),
    ]),
  );
  const volumes: Volume[] = [...claims].map(([volume, claim]) => ({
    name: volume,
    persistentVolumeClaim: { claimName: claim },
  }));
  for (const volume of spec.volumes ?? []) if (!claims.has(volume.name)) volumes.push(volume);
  if (volumes.length) spec.volumes = volumes;
  pod.spec = spec;
  return pod;
}

export function isCreated(pod: Pod): boolean {
  return (pod.status?.phase ?? '') !== '';
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
}

export function isTerminating(pod: Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined;
}

export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

export function ownerRefTo(owner: {
  apiVersion?: string;
  kind?: string;
  metadata?: KubeObject['metadata'];
}): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
  };
}
