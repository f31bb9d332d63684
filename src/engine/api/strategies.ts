import type { Pod } from 'kubernetes-types/core/v1';
import { generateJobSelector } from './defaults/workloads.ts';
import { qosClass } from './qos.ts';
import type { KubeObject } from './types.ts';

/**
 * Strategy is what a kind's REST storage does beyond the generic path (pkg/registry/<group>/<kind>/strategy.go):
 * which part is status, whether writes bump generation, what a new object's status starts as.
 */
export interface Strategy {
  /** hasStatus: the main resource ignores status writes, the /status subresource ignores the rest. */
  hasStatus: boolean;
  /** tracksGeneration: metadata.generation starts at 1 and grows when the spec changes. */
  tracksGeneration: boolean;
  prepareForCreate?(object: KubeObject): void;
}

const STATUS_KINDS = new Set([
  'Pod',
  'Node',
  'Namespace',
  'Service',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'Ingress',
  'PodDisruptionBudget',
  'ResourceQuota',
  'ReplicationController',
  'CustomResourceDefinition',
]);

const PREPARERS: Record<string, (object: KubeObject) => void> = {
  Pod(object) {
    const pod = object as unknown as Pod;
    const gated = (pod.spec?.schedulingGates ?? []).length > 0;
    object.status = {
      phase: 'Pending',
      ...(gated
        ? {
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                lastProbeTime: null,
                lastTransitionTime: object.metadata.creationTimestamp,
                reason: 'SchedulingGated',
                message: 'Scheduling is blocked due to non-empty scheduling gates',
              },
            ],
          }
        : {}),
      qosClass: qosClass(pod),
    };
  },
  Service(object) {
    object.status = { loadBalancer: {} };
  },
  Ingress(object) {
    object.status = { loadBalancer: {} };
  },
  PersistentVolume(object) {
    object.status = { phase: 'Pending', lastPhaseTransitionTime: object.metadata.creationTimestamp };
  },
  PersistentVolumeClaim(object) {
    object.status = { phase: 'Pending' };
  },
  Deployment(object) {
    object.status = {};
  },
  ReplicaSet(object) {
    object.status = { replicas: 0 };
  },
  StatefulSet(object) {
    object.status = { replicas: 0, availableReplicas: 0 };
  },
  DaemonSet(object) {
    object.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
  Job: generateJobSelector,
  CronJob(object) {
    object.status = {};
  },
};

export function strategyFor(kind: string): Strategy {
  const preparer = PREPARERS[kind];
  return {
    hasStatus: STATUS_KINDS.has(kind),
    tracksGeneration: STATUS_KINDS.has(kind) && kind !== 'Namespace' && kind !== 'Node' && kind !== 'Service',
    ...(preparer ? { prepareForCreate: preparer } : {}),
  };
}
