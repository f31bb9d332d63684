import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { base64 } from '../base64.ts';
import type { KubeObject } from '../types.ts';
import { NETWORKING_DEFAULTERS } from './networking.ts';
import { defaultPodSpec } from './pod.ts';
import { WORKLOADS_DEFAULTERS } from './workloads.ts';

/** Defaulter fills a kind's defaults in place, before validation, as the API server does on create and update. */
export type Defaulter = (object: KubeObject) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  ...NETWORKING_DEFAULTERS,
  ...WORKLOADS_DEFAULTERS,
  Pod: (object) => {
    const pod = object as unknown as Pod;
    pod.spec ??= { containers: [] };
    defaultPodSpec(pod.spec);
  },
  Service: (object) => {
    const service = object as unknown as Service;
    service.spec ??= {};
    const spec = service.spec;
    spec.type ??= 'ClusterIP';
    if (spec.type !== 'ExternalName') {
      spec.sessionAffinity ??= 'None';
      spec.ipFamilyPolicy ??= 'SingleStack';
      spec.ipFamilies ??= ['IPv4'];
      spec.internalTrafficPolicy ??= 'Cluster';
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    for (const port of spec.ports ?? []) {
      port.protocol ??= 'TCP';
      port.targetPort ??= port.port;
    }
  },
  Deployment: (object) => {
    const deployment = object as unknown as Deployment;
    deployment.spec ??= { selector: {}, template: {} };
    const spec = deployment.spec;
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= {};
    spec.strategy.type ??= 'RollingUpdate';
    if (spec.strategy.type === 'RollingUpdate') {
      spec.strategy.rollingUpdate ??= {};
      spec.strategy.rollingUpdate.maxSurge ??= '25%';
      spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    }
    spec.template ??= {};
    spec.template.metadata ??= {};
    if (spec.template.spec) defaultPodSpec(spec.template.spec);
  },
  ReplicaSet: (object) => {
    const rs = object as unknown as Deployment;
    rs.spec ??= { selector: {}, template: {} };
    rs.spec.replicas ??= 1;
    if (rs.spec.template?.spec) defaultPodSpec(rs.spec.template.spec);
  },
  Namespace: (object) => {
    const ns = object as { spec?: { finalizers?: string[] }; status?: { phase?: string } };
    ns.spec ??= { finalizers: ['kubernetes'] };
    ns.status = { phase: ns.status?.phase === 'Terminating' ? 'Terminating' : 'Active' };
  },
  PriorityClass: (object) => {
    const pc = object as { preemptionPolicy?: string };
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  Secret: (object) => {
    const secret = object as { type?: string; stringData?: Record<string, string>; data?: Record<string, string> };
    secret.type ??= 'Opaque';
    if (secret.stringData) {
      secret.data ??= {};
      for (const [key, value] of Object.entries(secret.stringData)) secret.data[key] = base64(value);
      delete secret.stringData;
    }
  },
};

export function applyDefaults(object: KubeObject): void {
  DEFAULTERS[object.kind]?.(object);
}
