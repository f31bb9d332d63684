import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { accessModesText, formatEndpoints } from './networking.ts';
import { printerFor } from './tables.ts';

/** Cells of the networking and storage printers (printers.go), one table per kind. */
const NOW = Date.parse('2026-01-05T10:00:00Z');
const meta = (name: string, extra: object = {}) => ({ name, creationTimestamp: '2026-01-05T09:59:00Z', ...extra });
const cells = (kind: string, object: object) =>
  printerFor(kind).cells({ kind, apiVersion: 'v1', ...object } as KubeObject, NOW);
const columns = (kind: string) =>
  printerFor(kind)
    .columns.filter((c) => c.priority === 0)
    .map((c) => c.name.toUpperCase());

describe('column headers', () => {
  it.each([
    ['Endpoints', ['NAME', 'ENDPOINTS', 'AGE']],
    ['EndpointSlice', ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']],
    ['Ingress', ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']],
    ['IngressClass', ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE']],
    ['NetworkPolicy', ['NAME', 'POD-SELECTOR', 'AGE']],
    [
      'PersistentVolume',
      [
        'NAME',
        'CAPACITY',
        'ACCESS MODES',
        'RECLAIM POLICY',
        'STATUS',
        'CLAIM',
        'STORAGECLASS',
        'VOLUMEATTRIBUTESCLASS',
        'REASON',
        'AGE',
      ],
    ],
    [
      'PersistentVolumeClaim',
      ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    ],
    ['StorageClass', ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE']],
  ])('%s', (kind, expected) => {
    expect(columns(kind)).toEqual(expected);
  });
});

describe('formatEndpoints', () => {
  const address = (ip: string) => ({ ip });
  it.each([
    ['no subsets', {}, '<none>'],
    [
      'only not-ready addresses print nothing',
      { subsets: [{ notReadyAddresses: [address('10.244.1.5')], ports: [{ port: 80 }] }] },
      '',
    ],
    [
      'ip:port pairs',
      { subsets: [{ addresses: [address('10.244.1.5'), address('10.244.2.3')], ports: [{ port: 80 }] }] },
      '10.244.1.5:80,10.244.2.3:80',
    ],
    [
      'three at most, then + N more...',
      {
        subsets: [
          { addresses: ['1', '2', '3', '4'].map((n) => address(`10.0.0.${n}`)), ports: [{ port: 80 }, { port: 443 }] },
        ],
      },
      '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 5 more...',
    ],
    [
      'a headless Service without ports lists bare IPs',
      { subsets: [{ addresses: [address('10.0.0.1')] }] },
      '10.0.0.1',
    ],
  ])('%s', (_name, endpoints, text) => {
    expect(formatEndpoints(endpoints as never)).toBe(text);
  });
});

describe('rows', () => {
  it('EndpointSlice: ports and addresses, <unset> when empty', () => {
    expect(
      cells('EndpointSlice', { metadata: meta('web-x7k2p'), addressType: 'IPv4', endpoints: null, ports: null }),
    ).toEqual(['web-x7k2p', 'IPv4', '<unset>', '<unset>', '60s']);
    expect(
      cells('EndpointSlice', {
        metadata: meta('web-x7k2p'),
        addressType: 'IPv4',
        ports: [{ name: '', port: 80 }],
        endpoints: ['1', '2', '3', '4'].map((n) => ({ addresses: [`10.244.1.${n}`] })),
      }).slice(2, 4),
    ).toEqual(['80', '10.244.1.1,10.244.1.2,10.244.1.3 + 1 more...']);
  });

  it('Ingress: class, hosts, address and 80, 443 with TLS', () => {
    expect(
      cells('Ingress', {
        metadata: meta('shop'),
        spec: {
          ingressClassName: 'nginx',
          rules: [{ host: 'a.test' }, { host: 'b.test' }, {}],
          tls: [{ hosts: ['a.test'], secretName: 'a-tls' }],
        },
        status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } },
      }),
    ).toEqual(['shop', 'nginx', 'a.test,b.test', '172.18.255.200', '80, 443', '60s']);
    expect(cells('Ingress', { metadata: meta('x'), spec: { rules: [{}] }, status: {} }).slice(1, 5)).toEqual([
      '<none>',
      '*',
      '',
      '80',
    ]);
  });

  it('IngressClass parameters as Kind.group/name', () => {
    expect(
      cells('IngressClass', { metadata: meta('nginx'), spec: { controller: 'k8s.io/ingress-nginx' } }).slice(1, 3),
    ).toEqual(['k8s.io/ingress-nginx', '<none>']);
    expect(
      cells('IngressClass', {
        metadata: meta('lb'),
        spec: {
          controller: 'example.com/lb',
          parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' },
        },
      })[2],
    ).toBe('IngressParameters.k8s.example.com/external-lb');
  });

  it('NetworkPolicy: <none> for the empty selector', () => {
    expect(cells('NetworkPolicy', { metadata: meta('deny'), spec: { podSelector: {} } })[1]).toBe('<none>');
    expect(
      cells('NetworkPolicy', { metadata: meta('allow'), spec: { podSelector: { matchLabels: { app: 'db' } } } })[1],
    ).toBe('app=db');
  });

  it('PersistentVolume and claim', () => {
    expect(
      cells('PersistentVolume', {
        metadata: meta('pv1'),
        spec: {
          capacity: { storage: '1024Mi' },
          accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: { namespace: 'default', name: 'data' },
          storageClassName: 'manual',
        },
        status: { phase: 'Bound' },
      }),
    ).toEqual(['pv1', '1Gi', 'RWO,RWX', 'Retain', 'Bound', 'default/data', 'manual', '<unset>', '', '60s', '<unset>']);
    expect(
      cells('PersistentVolumeClaim', {
        metadata: meta('data'),
        spec: { storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } },
        status: { phase: 'Pending' },
      }).slice(0, 7),
    ).toEqual(['data', 'Pending', '', '', '', 'standard', '<unset>']);
    expect(
      cells('PersistentVolumeClaim', {
        metadata: meta('data', { deletionTimestamp: '2026-01-05T10:00:00Z' }),
        spec: {},
        status: { phase: 'Bound' },
      })[1],
    ).toBe('Terminating');
  });

  it('StorageClass marks the default and shows the defaults', () => {
    expect(
      cells('StorageClass', {
        metadata: meta('standard', { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
        provisioner: 'rancher.io/local-path',
      }),
    ).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '60s']);
  });

  it.each([
    [['ReadWriteOncePod'], 'RWOP'],
    [['ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteOnce'], 'RWO,ROX'],
    [[], ''],
  ])('access modes %j → %s', (modes, text) => {
    expect(accessModesText(modes)).toBe(text);
  });
});
