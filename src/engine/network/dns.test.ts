import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../api/store.ts';
import type { KubeObject } from '../api/types.ts';
import { candidates, lookup, resolveName, resolvConfFor, searchList } from './dns.ts';

function put(store: ObjectStore, resource: string, object: object): void {
  store.put(resource, object as KubeObject);
}

function cluster(): ObjectStore {
  const store = new ObjectStore();
  for (const name of ['default', 'shop', 'kube-system'])
    put(store, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const service = (namespace: string, name: string, spec: object) =>
    put(store, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec });
  service('default', 'kubernetes', { clusterIP: '10.96.0.1' });
  service('default', 'web', { clusterIP: '10.96.12.34' });
  service('shop', 'web', { clusterIP: '10.96.50.5' });
  service('shop', 'db', { clusterIP: 'None' });
  service('default', 'ext', { type: 'ExternalName', externalName: 'web.shop.svc.cluster.local' });
  service('default', 'outside', { type: 'ExternalName', externalName: 'database.example.com' });
  put(store, 'endpointslices.discovery.k8s.io', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'db-x7k2p', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db' } },
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.1.7'], hostname: 'db-0', conditions: { ready: true } },
      { addresses: ['10.244.2.9'], hostname: 'db-1', conditions: { ready: true } },
      { addresses: ['10.244.2.11'], hostname: 'db-2', conditions: { ready: false } },
    ],
  });
  return store;
}

describe('CoreDNS records', () => {
  const store = cluster();
  it.each([
    ['a ClusterIP Service', 'web.default.svc.cluster.local', ['10.96.12.34']],
    ['the same name in another namespace', 'web.shop.svc.cluster.local', ['10.96.50.5']],
    ['names are case-insensitive, a trailing dot is allowed', 'WEB.default.svc.cluster.local.', ['10.96.12.34']],
    ['a headless Service answers with its ready endpoints', 'db.shop.svc.cluster.local', ['10.244.1.7', '10.244.2.9']],
    ['a StatefulSet pod by hostname.subdomain', 'db-1.db.shop.svc.cluster.local', ['10.244.2.9']],
    ['a not-ready pod has no record', 'db-2.db.shop.svc.cluster.local', undefined],
    ['a pod A record (pods insecure)', '10-244-1-7.shop.pod.cluster.local', ['10.244.1.7']],
    ['a missing Service', 'nope.default.svc.cluster.local', undefined],
    ['outside the cluster domain', 'example.com', undefined],
  ])('%s: %s', (_name, fqdn, ips) => {
    const answer = lookup(store, fqdn);
    expect(answer?.type === 'A' ? answer.ips : undefined).toEqual(ips);
  });

  it('an ExternalName Service is a CNAME', () => {
    expect(lookup(store, 'outside.default.svc.cluster.local')).toEqual({
      type: 'CNAME',
      name: 'outside.default.svc.cluster.local',
      target: 'database.example.com',
    });
  });
});

describe('the resolver search list (ndots:5)', () => {
  it('tries the namespace first, then svc, then the cluster domain, then the name itself', () => {
    expect(candidates('web', searchList('default'))).toEqual([
      'web.default.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
  });

  it('a name with five dots is tried as is first; a trailing dot means absolute', () => {
    expect(candidates('a.b.c.d.e.f', ['x'])[0]).toBe('a.b.c.d.e.f');
    expect(candidates('web.default.svc.cluster.local.', ['x'])).toEqual(['web.default.svc.cluster.local']);
  });

  const store = cluster();
  it.each([
    ['web', 'default', '10.96.12.34', 'web.default.svc.cluster.local'],
    ['web', 'shop', '10.96.50.5', 'web.shop.svc.cluster.local'],
    ['web.shop', 'default', '10.96.50.5', 'web.shop.svc.cluster.local'],
    ['web.shop.svc', 'default', '10.96.50.5', 'web.shop.svc.cluster.local'],
    ['web.shop.svc.cluster.local', 'default', '10.96.50.5', 'web.shop.svc.cluster.local'],
    ['kubernetes.default', 'shop', '10.96.0.1', 'kubernetes.default.svc.cluster.local'],
    ['db-0.db', 'shop', '10.244.1.7', 'db-0.db.shop.svc.cluster.local'],
    ['ext', 'default', '10.96.50.5', 'ext.default.svc.cluster.local'],
    ['10.244.9.9', 'default', '10.244.9.9', '10.244.9.9'],
  ])('%s from a pod in %s → %s', (name, namespace, ip, answered) => {
    const resolution = resolveName(store, name, namespace);
    expect(resolution?.ips[0]).toBe(ip);
    expect(resolution?.name).toBe(answered);
  });

  it.each([['web.nope'], ['db'], ['outside'], ['google.com']])('%s from default does not resolve', (name) => {
    expect(resolveName(store, name, 'default')).toBeUndefined();
  });
});

describe('resolv.conf by dnsPolicy', () => {
  const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
    metadata: { name: 'p', namespace: 'shop' },
    spec: { containers: [], ...spec },
  });

  it('ClusterFirst: the cluster DNS and the namespace search path', () => {
    expect(resolvConfFor(pod({}))).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('None with dnsConfig: only what the pod says', () => {
    expect(
      resolvConfFor(
        pod({
          dnsPolicy: 'None',
          dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.local'], options: [{ name: 'ndots', value: '2' }] },
        }),
      ),
    ).toBe('search corp.local\nnameserver 1.1.1.1\noptions ndots:2\n');
  });

  it('ClusterFirst with dnsConfig options overrides ndots', () => {
    expect(resolvConfFor(pod({ dnsConfig: { options: [{ name: 'ndots', value: '1' }, { name: 'edns0' }] } }))).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:1 edns0\n',
    );
  });

  it('hostNetwork pods with ClusterFirst fall back to the node resolver', () => {
    expect(resolvConfFor(pod({ hostNetwork: true }))).toBe('nameserver 172.18.0.1\noptions ndots:0\n');
  });
});
