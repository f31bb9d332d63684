import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types.ts';
import { defaultPodSpec } from './pod.ts';

/**
 * Defaults of the workload kinds beyond Deployment and ReplicaSet (pkg/apis/apps/v1/defaults.go,
 * pkg/apis/batch/v1/defaults.go), and the Job selector the API server generates on create
 * (pkg/registry/batch/job/strategy.go).
 */

function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec);
}

export function defaultStatefulSet(object: KubeObject): void {
  const set = object as unknown as StatefulSet;
  set.spec ??= { selector: {}, template: {}, serviceName: '' };
  const spec = set.spec;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate';
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate)
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    const c = claim as typeof claim & { apiVersion?: string; kind?: string };
    c.apiVersion ??= 'v1';
    c.kind ??= 'PersistentVolumeClaim';
    claim.spec ??= {};
    claim.spec.volumeMode ??= 'Filesystem';
    (claim as { status?: { phase?: string } }).status ??= { phase: 'Pending' };
  }
}

export function defaultDaemonSet(object: KubeObject): void {
  const ds = object as unknown as DaemonSet;
  ds.spec ??= { selector: {}, template: {} };
  const spec = ds.spec;
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

export function defaultJob(object: KubeObject): void {
  const job = object as unknown as Job;
  job.spec ??= { template: {} };
  const spec = job.spec;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) {
    (job.metadata as KubeObject['metadata']).labels = { ...labels };
  }
  defaultTemplate(spec.template);
}

export function defaultCronJob(object: KubeObject): void {
  const cj = object as unknown as CronJob;
  cj.spec ??= { schedule: '', jobTemplate: {} };
  const spec = cj.spec;
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultTemplate(spec.jobTemplate?.spec?.template);
}

/** Labels the Job selector generation puts on the pod template. */
export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
} as const;

/**
 * generateJobSelector is the Job strategy's PrepareForCreate: unless manualSelector is set, label the
 * template with the job's name and uid and select on the uid, so its pods are its own. The Job's
 * own labels default to the template's, as reading it back through the defaulter does.
 */
export function generateJobSelector(object: KubeObject): void {
  const job = object as unknown as Job;
  const spec = job.spec;
  object.status = {};
  if (!spec || spec.manualSelector === true) return;
  const uid = object.metadata.uid ?? '';
  const name = object.metadata.name ?? '';
  spec.template ??= {};
  spec.template.metadata ??= {};
  const labels = (spec.template.metadata.labels ??= {});
  labels[JOB_LABELS.controllerUid] ??= uid;
  labels[JOB_LABELS.jobName] ??= name;
  labels[JOB_LABELS.legacyControllerUid] ??= uid;
  labels[JOB_LABELS.legacyJobName] ??= name;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  spec.selector.matchLabels[JOB_LABELS.controllerUid] ??= uid;
  if (Object.keys(object.metadata.labels ?? {}).length === 0) object.metadata.labels = sortedCopy(labels);
  spec.template.metadata.labels = sortedCopy(labels);
}

function sortedCopy(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** WORKLOADS_DEFAULTERS joins the API server's DEFAULTERS (Deployment and ReplicaSet live there). */
export const WORKLOADS_DEFAULTERS: Record<string, (object: KubeObject) => void> = {
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
};
