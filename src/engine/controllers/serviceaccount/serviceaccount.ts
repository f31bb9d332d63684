import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import { controllerClient, type Controller } from '../controller.ts';

/** CLUSTER_CA is the PEM the lab's kube-root-ca.crt ConfigMaps carry (a placeholder certificate for a simulated CA). */
export const CLUSTER_CA = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIKubelabSimCA0wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
  'AxMKa3ViZXJuZXRlczAeFw0yNjAxMDUwODU1MDBaFw0zNjAxMDMwOTAwMDBaMBUx',
  'EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

/**
 * ServiceAccountController gives every namespace its `default` ServiceAccount, and the root CA
 * publisher's `kube-root-ca.crt` ConfigMap, as kube-controller-manager does.
 */
export class ServiceAccountController implements Controller {
  readonly name = 'service-account-controller';
  private queue = new Set<string>();
  private readonly request;

  constructor(private readonly server: ApiServer) {
    this.request = controllerClient(server, 'service-account-controller');
  }

  observe(change: StoredChange): void {
    if (change.type === 'DELETED') {
      if (
        (change.resource === 'serviceaccounts' && change.object.metadata.name === 'default') ||
        (change.resource === 'configmaps' && change.object.metadata.name === 'kube-root-ca.crt')
      ) {
        this.queue.add(change.object.metadata.namespace ?? '');
      }
      return;
    }
    if (change.resource === 'namespaces' && change.type === 'ADDED') this.queue.add(change.object.metadata.name ?? '');
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const names = [...this.queue];
    this.queue.clear();
    for (const namespace of names) {
      const ns = this.server.store.get('namespaces', '', namespace);
      if (!ns || ns.metadata.deletionTimestamp) continue;
      if (!this.server.store.get('serviceaccounts', namespace, 'default')) {
        this.request({
          verb: 'POST',
          path: `/api/v1/namespaces/${namespace}/serviceaccounts`,
          body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
        });
      }
      if (!this.server.store.get('configmaps', namespace, 'kube-root-ca.crt')) {
        this.request({
          verb: 'POST',
          path: `/api/v1/namespaces/${namespace}/configmaps`,
          body: {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
              name: 'kube-root-ca.crt',
              annotations: {
                'kubernetes.io/description':
                  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
              },
            },
            data: { 'ca.crt': CLUSTER_CA },
          },
        });
      }
    }
  }
}
