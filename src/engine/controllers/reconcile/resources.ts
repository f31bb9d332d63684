import { objectPath } from '../../api/paths.ts';
import type { KubeObject } from '../../api/types.ts';

/** Resource names a REST collection the workload controllers read and write, and how the store keys it. */
export interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: true;
  /** The store's key: "pods", "replicasets.apps". */
  key: string;
}

function resource(group: string, version: string, plural: string, kind: string): Resource {
  return { group, version, plural, kind, namespaced: true, key: group === '' ? plural : `${plural}.${group}` };
}

export const PODS = resource('', 'v1', 'pods', 'Pod');
export const PERSISTENT_VOLUME_CLAIMS = resource('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim');
export const DEPLOYMENTS = resource('apps', 'v1', 'deployments', 'Deployment');
export const REPLICA_SETS = resource('apps', 'v1', 'replicasets', 'ReplicaSet');
export const STATEFUL_SETS = resource('apps', 'v1', 'statefulsets', 'StatefulSet');
export const DAEMON_SETS = resource('apps', 'v1', 'daemonsets', 'DaemonSet');
export const CONTROLLER_REVISIONS = resource('apps', 'v1', 'controllerrevisions', 'ControllerRevision');
export const JOBS = resource('batch', 'v1', 'jobs', 'Job');
export const CRON_JOBS = resource('batch', 'v1', 'cronjobs', 'CronJob');

/** NODES is the one cluster-scoped collection a workload controller reads (the DaemonSet controller). */
export const NODES_KEY = 'nodes';

/** pathOf is the REST path of an object of a resource, optionally of its status subresource. */
export function pathOf(r: Resource, namespace: string, name?: string, subresource?: string): string {
  return objectPath(r, namespace, name, subresource);
}

/** keyOf is the work-queue key of a namespaced object, "namespace/name", as cache.MetaNamespaceKeyFunc makes it. */
export function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

export function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
