import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError, forbidden } from '../api/errors.ts';
import type { AdmissionPlugin } from '../api/server.ts';
import type { SeededRandom } from '../random.ts';

/**
 * serviceAccountAdmission is the ServiceAccount admission plugin: a pod without a service account
 * runs as `default`, and gets the projected `kube-api-access-xxxxx` volume mounted at
 * /var/run/secrets/kubernetes.io/serviceaccount in every container.
 */
export function serviceAccountAdmission(
  random: SeededRandom,
  serviceAccountExists: (namespace: string, name: string) => boolean,
): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    admit(operation, type, object) {
      if (operation !== 'CREATE' || type.kind !== 'Pod') return;
      // Mirror pods of static pods (the control plane) are not admitted against service accounts.
      if (object.metadata.annotations?.['kubernetes.io/config.mirror']) return;
      const pod = object as unknown as Pod & {
        spec: { serviceAccountName?: string; volumes?: unknown[]; automountServiceAccountToken?: boolean };
      };
      const spec = pod.spec;
      spec.serviceAccountName ??= (spec as { serviceAccount?: string }).serviceAccount ?? 'default';
      (spec as { serviceAccount?: string }).serviceAccount = spec.serviceAccountName;
      const namespace = object.metadata.namespace ?? 'default';
      if (!serviceAccountExists(namespace, spec.serviceAccountName)) {
        throw new ApiError(
          forbidden(
            `pods "${object.metadata.name ?? ''}" is forbidden: error looking up service account ${namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
            {
              name: object.metadata.name ?? '',
              kind: 'pods',
            },
          ),
        );
      }
      if (spec.automountServiceAccountToken === false) return;
      const volumes = (spec.volumes ?? []) as { name: string }[];
      if (volumes.some((v) => v.name.startsWith('kube-api-access-'))) return;
      const name = `kube-api-access-${random.string(5)}`;
      volumes.push({
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            {
              downwardAPI: {
                items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
              },
            },
          ],
        },
      } as { name: string });
      spec.volumes = volumes as never;
      const mount = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true };
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as { volumeMounts?: unknown[] }[]) {
        c.volumeMounts = [...(c.volumeMounts ?? []), mount];
      }
    },
  };
}
