import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ApiServer } from '../../api/server.ts';
import { ObjectStore } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import { ingressControllerOf } from '../../network/ingress-controller.ts';
import { publishedAddresses } from './ingress.ts';
import { INGRESS_NGINX_IMAGE, ingressNginxManifests } from './manifests.ts';

/** What ingress-nginx writes into Ingress status, by its flags (internal/ingress/status). */
function setup(args: string[], lbIp?: string) {
  const store = new ObjectStore();
  store.put('nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker-1' },
    status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }] },
  } as KubeObject);
  store.put('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
    spec: { type: 'LoadBalancer' },
    status: { loadBalancer: lbIp ? { ingress: [{ ip: lbIp }] } : {} },
  } as KubeObject);
  const pod: Pod = {
    metadata: { name: 'c', namespace: 'ingress-nginx' },
    spec: { nodeName: 'worker-1', containers: [{ name: 'controller', image: INGRESS_NGINX_IMAGE, args }] },
  };
  const config = ingressControllerOf(pod);
  if (!config) throw new Error('not a controller');
  return publishedAddresses({ store } as unknown as ApiServer, [{ pod, config }]);
}

describe('publishedAddresses', () => {
  it.each([
    [
      '--publish-service with a load balancer publishes its IP',
      ['--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller'],
      '172.18.255.200',
      [{ ip: '172.18.255.200' }],
    ],
    [
      '--publish-service before the cloud answers publishes nothing yet',
      ['--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller'],
      undefined,
      [],
    ],
    [
      '--publish-status-address wins (kind: localhost)',
      ['--publish-status-address=localhost'],
      '172.18.255.200',
      [{ hostname: 'localhost' }],
    ],
    ['no flag: the node the controller runs on', [], '172.18.255.200', [{ ip: '172.18.0.3' }]],
  ] as [string, string[], string | undefined, object[]][])('%s', (_name, args, lb, expected) => {
    expect(setup(args, lb)).toEqual(expected);
  });
});

describe('ingressNginxManifests', () => {
  it('has the namespace, the controller Deployment and Service, and the nginx IngressClass', () => {
    const objects = ingressNginxManifests() as { kind: string; metadata: { name: string }; spec?: { type?: string } }[];
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/ingress-nginx',
      'ServiceAccount/ingress-nginx',
      'ClusterRole/ingress-nginx',
      'ClusterRoleBinding/ingress-nginx',
      'ConfigMap/ingress-nginx-controller',
      'Service/ingress-nginx-controller',
      'Deployment/ingress-nginx-controller',
      'IngressClass/nginx',
    ]);
    expect(objects.find((o) => o.kind === 'Service')?.spec?.type).toBe('LoadBalancer');
    const kind = ingressNginxManifests({ flavor: 'kind' }) as { kind: string; spec?: { type?: string } }[];
    expect(kind.find((o) => o.kind === 'Service')?.spec?.type).toBe('NodePort');
  });

  it('the controller pod it describes is recognised, with its classes', () => {
    const deployment = (ingressNginxManifests() as { kind: string; spec?: { template?: Pod } }[]).find(
      (o) => o.kind === 'Deployment',
    );
    const template = deployment?.spec?.template as Pod;
    const config = ingressControllerOf({ ...template, metadata: { ...template.metadata, namespace: 'ingress-nginx' } });
    expect(config).toMatchObject({
      controllerClass: 'k8s.io/ingress-nginx',
      ingressClass: 'nginx',
      publishService: 'ingress-nginx/ingress-nginx-controller',
      ports: [80, 443],
    });
  });
});
