import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import { podFromTemplate } from '../reconcile/pods.ts';

/**
 * Job pods (pkg/controller/job/job_controller.go, indexed_job_utils.go): "<job>-" names, the
 * completion index of Indexed jobs as annotation, label, hostname suffix and environment, and the
 * times and back-off derived from pods that finished.
 */
export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';

/** DEFAULT_BACKOFF_MS and MAX_BACKOFF_MS bound the delay before a failed pod is replaced (10s doubling, 6 minutes at most). */
export const DEFAULT_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 360_000;

export function isIndexed(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

export function completionIndexOf(pod: Pod): number | undefined {
  const text = pod.metadata?.annotations?.[COMPLETION_INDEX_KEY] ?? pod.metadata?.labels?.[COMPLETION_INDEX_KEY];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** newJobPod makes a pod from the job's template; Indexed jobs get the index everywhere the real controller puts it. */
export function newJobPod(job: Job, index?: number): Pod {
  const pod = podFromTemplate(job.spec?.template, job as unknown as KubeObject);
  if (index === undefined) return pod;
  const meta = pod.metadata ?? {};
  meta.generateName = `${job.metadata?.name ?? ''}-${index}-`;
  meta.annotations = { ...(meta.annotations ?? {}), [COMPLETION_INDEX_KEY]: String(index) };
  meta.labels = { ...(meta.labels ?? {}), [COMPLETION_INDEX_KEY]: String(index) };
  const spec = pod.spec ?? { containers: [] };
  spec.hostname = `${job.metadata?.name ?? ''}-${index}`;
  const env = {
    name: 'JOB_COMPLETION_INDEX',
    valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX_KEY}']` } },
  };
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) c.env = [...(c.env ?? []), env];
  pod.spec = spec;
  return pod;
}

/** finishedAt is when a pod finished: its last container's termination, else its last condition change. */
export function finishedAt(pod: Pod): number {
  let latest = 0;
  for (const s of pod.status?.containerStatuses ?? []) {
    const t = Date.parse(s.state?.terminated?.finishedAt ?? '');
    if (!Number.isNaN(t)) latest = Math.max(latest, t);
  }
  if (latest) return latest;
  for (const c of pod.status?.conditions ?? []) {
    const t = Date.parse(c.lastTransitionTime ?? '');
    if (!Number.isNaN(t)) latest = Math.max(latest, t);
  }
  return latest || Date.parse(pod.metadata?.creationTimestamp ?? '') || 0;
}

/**
 * backoffRemaining is newBackoffRecord + getRemainingTime: after n failures since the last success,
 * the next pod waits 10s·2^(n-1) (at most the maximum) from the last failure.
 */
export function backoffRemaining(pods: readonly Pod[], now: number): number {
  const finished = pods
    .filter((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')
    .sort((a, b) => finishedAt(a) - finishedAt(b));
  let failures = 0;
  let lastFailure = 0;
  for (const pod of finished) {
    if (pod.status?.phase === 'Succeeded') {
      failures = 0;
      continue;
    }
    failures++;
    lastFailure = Math.max(lastFailure, finishedAt(pod));
  }
  if (failures === 0) return 0;
  let delay = DEFAULT_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= MAX_BACKOFF_MS) {
      delay = MAX_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - lastFailure;
  return delay < elapsed ? 0 : delay - elapsed;
}

/** formatIndexes prints a set of indexes as "0-2,5", as status.completedIndexes does. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** parseIndexes reads "0-2,5" back. */
export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}
