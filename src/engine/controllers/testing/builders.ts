import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Container, Pod, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../clock/clock.ts';
import { DEFAULT_EPOCH } from '../../clock/clock.ts';

/**
 * Fluent builders for controller tests, in the spirit of the scheduler's testing wrappers:
 * `deployment('web').replicas(3).image('nginx:1.27').obj()`. Every call returns the builder; obj()
 * hands out a fresh plain object.
 */

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function template(app: string, image: string, extra: Partial<PodSpec> = {}): PodTemplateSpec {
  return {
    metadata: { labels: { app } },
    spec: { containers: [{ name: app, image }], ...extra },
  };
}

abstract class Builder<T> {
  protected abstract readonly o: T;
  obj(): T {
    return structuredClone(this.o);
  }
}

export class DeploymentBuilder extends Builder<Deployment> {
  protected readonly o: Deployment;
  constructor(name: string) {
    super();
    this.o = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: template(name, 'nginx:1.27') },
    };
  }
  private get spec() {
    return this.o.spec as NonNullable<Deployment['spec']>;
  }
  replicas(n: number): this {
    this.spec.replicas = n;
    return this;
  }
  image(image: string): this {
    ((this.spec.template.spec as PodSpec).containers[0] as Container).image = image;
    return this;
  }
  recreate(): this {
    this.spec.strategy = { type: 'Recreate' };
    return this;
  }
  rolling(maxSurge: number | string, maxUnavailable: number | string): this {
    this.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } };
    return this;
  }
  minReadySeconds(n: number): this {
    this.spec.minReadySeconds = n;
    return this;
  }
  progressDeadlineSeconds(n: number): this {
    this.spec.progressDeadlineSeconds = n;
    return this;
  }
  revisionHistoryLimit(n: number): this {
    this.spec.revisionHistoryLimit = n;
    return this;
  }
  paused(p = true): this {
    this.spec.paused = p;
    return this;
  }
  annotate(key: string, value: string): this {
    const meta = (this.o.metadata ??= {});
    meta.annotations = { ...(meta.annotations ?? {}), [key]: value };
    return this;
  }
}

export class StatefulSetBuilder extends Builder<StatefulSet> {
  protected readonly o: StatefulSet;
  constructor(name: string) {
    super();
    this.o = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: 'default' },
      spec: {
        replicas: 1,
        serviceName: name,
        selector: { matchLabels: { app: name } },
        template: template(name, 'nginx:1.27'),
      },
    };
  }
  private get spec() {
    return this.o.spec as NonNullable<StatefulSet['spec']>;
  }
  replicas(n: number): this {
    this.spec.replicas = n;
    return this;
  }
  image(image: string): this {
    ((this.spec.template.spec as PodSpec).containers[0] as Container).image = image;
    return this;
  }
  parallel(): this {
    this.spec.podManagementPolicy = 'Parallel';
    return this;
  }
  partition(n: number): this {
    this.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: n } };
    return this;
  }
  onDelete(): this {
    this.spec.updateStrategy = { type: 'OnDelete' };
    return this;
  }
  claim(name: string, size = '1Gi'): this {
    this.spec.volumeClaimTemplates = [
      ...(this.spec.volumeClaimTemplates ?? []),
      { metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } },
    ];
    return this;
  }
  retention(whenDeleted: string, whenScaled: string): this {
    this.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted, whenScaled };
    return this;
  }
}

export class DaemonSetBuilder extends Builder<DaemonSet> {
  protected readonly o: DaemonSet;
  constructor(name: string) {
    super();
    this.o = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name, namespace: 'default' },
      spec: { selector: { matchLabels: { app: name } }, template: template(name, 'fluentd:v1') },
    };
  }
  private get podSpec(): PodSpec {
    return (this.o.spec as NonNullable<DaemonSet['spec']>).template.spec as PodSpec;
  }
  image(image: string): this {
    (this.podSpec.containers[0] as Container).image = image;
    return this;
  }
  tolerateControlPlane(): this {
    this.podSpec.tolerations = [
      ...(this.podSpec.tolerations ?? []),
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ];
    return this;
  }
  nodeSelector(selector: Record<string, string>): this {
    this.podSpec.nodeSelector = selector;
    return this;
  }
}

export class JobBuilder extends Builder<Job> {
  protected readonly o: Job;
  constructor(name: string) {
    super();
    this.o = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, namespace: 'default' },
      spec: {
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name, image: 'busybox', command: ['sh', '-c', 'sleep 5'] }] },
        },
      },
    };
  }
  private get spec() {
    return this.o.spec as NonNullable<Job['spec']>;
  }
  completions(n: number): this {
    this.spec.completions = n;
    return this;
  }
  parallelism(n: number): this {
    this.spec.parallelism = n;
    return this;
  }
  backoffLimit(n: number): this {
    this.spec.backoffLimit = n;
    return this;
  }
  activeDeadlineSeconds(n: number): this {
    this.spec.activeDeadlineSeconds = n;
    return this;
  }
  ttlSecondsAfterFinished(n: number): this {
    this.spec.ttlSecondsAfterFinished = n;
    return this;
  }
  restartPolicy(policy: string): this {
    (this.spec.template.spec as PodSpec).restartPolicy = policy;
    return this;
  }
  indexed(): this {
    this.spec.completionMode = 'Indexed';
    return this;
  }
  suspend(s = true): this {
    this.spec.suspend = s;
    return this;
  }
}

export class CronJobBuilder extends Builder<CronJob> {
  protected readonly o: CronJob;
  constructor(name: string, schedule: string) {
    super();
    this.o = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name, namespace: 'default' },
      spec: {
        schedule,
        jobTemplate: {
          spec: {
            template: {
              spec: { restartPolicy: 'OnFailure', containers: [{ name, image: 'busybox', command: ['date'] }] },
            },
          },
        },
      },
    };
  }
  private get spec() {
    return this.o.spec as NonNullable<CronJob['spec']>;
  }
  concurrencyPolicy(policy: string): this {
    this.spec.concurrencyPolicy = policy;
    return this;
  }
  suspend(s = true): this {
    this.spec.suspend = s;
    return this;
  }
  timeZone(tz: string): this {
    this.spec.timeZone = tz;
    return this;
  }
  startingDeadlineSeconds(n: number): this {
    this.spec.startingDeadlineSeconds = n;
    return this;
  }
  historyLimits(successful: number, failed: number): this {
    this.spec.successfulJobsHistoryLimit = successful;
    this.spec.failedJobsHistoryLimit = failed;
    return this;
  }
}

/** PodBuilder makes pods as a controller would see them, for the pure reconcile tests. */
export class PodBuilder extends Builder<Pod> {
  protected readonly o: Writable<Pod>;
  constructor(name: string) {
    super();
    this.o = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: rfc3339(DEFAULT_EPOCH) },
      spec: { containers: [{ name: 'app', image: 'nginx' }] },
      status: { phase: 'Pending' },
    };
  }
  labels(labels: Record<string, string>): this {
    const meta = this.o.metadata as NonNullable<Pod['metadata']>;
    meta.labels = { ...(meta.labels ?? {}), ...labels };
    return this;
  }
  ownedBy(kind: string, name: string, uid: string, apiVersion = 'apps/v1'): this {
    (this.o.metadata as NonNullable<Pod['metadata']>).ownerReferences = [
      { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true },
    ];
    return this;
  }
  node(name: string): this {
    (this.o.spec as PodSpec).nodeName = name;
    return this;
  }
  created(ms: number): this {
    (this.o.metadata as Writable<NonNullable<Pod['metadata']>>).creationTimestamp = rfc3339(ms);
    return this;
  }
  running(readySince?: number): this {
    this.o.status = {
      phase: 'Running',
      conditions: [
        readySince === undefined
          ? { type: 'Ready', status: 'False' }
          : { type: 'Ready', status: 'True', lastTransitionTime: rfc3339(readySince) },
      ],
      containerStatuses: [
        { name: 'app', image: 'nginx', imageID: '', ready: readySince !== undefined, restartCount: 0 },
      ],
    };
    return this;
  }
  phase(phase: string): this {
    this.o.status = { ...(this.o.status ?? {}), phase };
    return this;
  }
  restarts(n: number): this {
    for (const s of this.o.status?.containerStatuses ?? []) (s as Writable<typeof s>).restartCount = n;
    return this;
  }
  deleting(at = DEFAULT_EPOCH): this {
    (this.o.metadata as Writable<NonNullable<Pod['metadata']>>).deletionTimestamp = rfc3339(at);
    return this;
  }
}

export class ReplicaSetBuilder extends Builder<ReplicaSet> {
  protected readonly o: Writable<ReplicaSet>;
  constructor(name: string) {
    super();
    this.o = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: 'default',
        uid: `uid-${name}`,
        generation: 1,
        creationTimestamp: rfc3339(DEFAULT_EPOCH),
      },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('web', 'nginx:1.27') },
      status: { replicas: 0 },
    };
  }
  replicas(n: number): this {
    (this.o.spec as NonNullable<ReplicaSet['spec']>).replicas = n;
    return this;
  }
  minReadySeconds(n: number): this {
    (this.o.spec as NonNullable<ReplicaSet['spec']>).minReadySeconds = n;
    return this;
  }
  status(status: NonNullable<ReplicaSet['status']>): this {
    this.o.status = status;
    return this;
  }
}

export const deployment = (name: string) => new DeploymentBuilder(name);
export const statefulSet = (name: string) => new StatefulSetBuilder(name);
export const daemonSet = (name: string) => new DaemonSetBuilder(name);
export const job = (name: string) => new JobBuilder(name);
export const cronJob = (name: string, schedule: string) => new CronJobBuilder(name, schedule);
export const pod = (name: string) => new PodBuilder(name);
export const replicaSet = (name: string) => new ReplicaSetBuilder(name);
