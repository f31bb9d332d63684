/**
 * The built-in kinds `kubectl create` generates, with what the REST paths and name printer need.
 * kubectl compiles this knowledge in (create subcommands type their objects directly).
 */
import type { BuiltInType } from './options.ts';

const t = (group: string, version: string, kind: string, plural: string, namespaced = true): BuiltInType => ({
  group,
  version,
  kind,
  plural,
  namespaced,
});

export const DEPLOYMENT = t('apps', 'v1', 'Deployment', 'deployments');
export const SERVICE = t('', 'v1', 'Service', 'services');
export const CONFIG_MAP = t('', 'v1', 'ConfigMap', 'configmaps');
export const SECRET = t('', 'v1', 'Secret', 'secrets');
export const NAMESPACE = t('', 'v1', 'Namespace', 'namespaces', false);
export const SERVICE_ACCOUNT = t('', 'v1', 'ServiceAccount', 'serviceaccounts');
export const JOB = t('batch', 'v1', 'Job', 'jobs');
export const CRON_JOB = t('batch', 'v1', 'CronJob', 'cronjobs');
export const ROLE = t('rbac.authorization.k8s.io', 'v1', 'Role', 'roles');
export const CLUSTER_ROLE = t('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false);
export const ROLE_BINDING = t('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings');
export const CLUSTER_ROLE_BINDING = t(
  'rbac.authorization.k8s.io',
  'v1',
  'ClusterRoleBinding',
  'clusterrolebindings',
  false,
);
export const RESOURCE_QUOTA = t('', 'v1', 'ResourceQuota', 'resourcequotas');
export const POD_DISRUPTION_BUDGET = t('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets');
export const PRIORITY_CLASS = t('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false);
export const INGRESS = t('networking.k8s.io', 'v1', 'Ingress', 'ingresses');
export const TOKEN_REQUEST = t('authentication.k8s.io', 'v1', 'TokenRequest', 'tokenrequests');

/** apiVersion is the `group/version` of a kind. */
export function apiVersion(type: BuiltInType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** objectMeta is the metadata every generator starts from: the name, and the namespace only when -n forced it. */
export function objectMeta(
  name: string,
  namespace: string | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, ...(namespace !== undefined ? { namespace } : {}), ...extra };
}
