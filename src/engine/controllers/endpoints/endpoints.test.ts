import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { desiredSlices } from '../endpointslice/endpointslice.ts';
import { desiredSubsets } from './endpoints.ts';
import { findPort } from './pods.ts';

/** Builders: pods with an IP, readiness and named ports; a Service selecting app=web. */
function pod(
  name: string,
  ip: string | undefined,
  options: {
    ready?: boolean;
    phase?: string;
    deleting?: boolean;
    node?: string;
    hostname?: string;
    subdomain?: string;
  } = {},
): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: { app: 'web' },
      ...(options.deleting ? { deletionTimestamp: '2026-01-05T09:00:30Z' } : {}),
    },
    spec: {
      nodeName: options.node ?? 'worker-1',
      ...(options.hostname ? { hostname: options.hostname } : {}),
      ...(options.subdomain ? { subdomain: options.subdomain } : {}),
      containers: [
        {
          name: 'app',
          ports: [
            { name: 'http', containerPort: 8080 },
            { name: 'metrics', containerPort: 9090 },
          ],
        },
      ],
    },
    status: {
      phase: options.phase ?? 'Running',
      ...(ip ? { podIP: ip } : {}),
      conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }],
    },
  };
}

function service(ports: ServicePort[], extra: Record<string, unknown> = {}): Service {
  return {
    metadata: { name: 'web', namespace: 'default', uid: 'svc' },
    spec: { selector: { app: 'web' }, ports, ...extra },
  } as Service;
}

const http = service([{ port: 80, targetPort: 'http', protocol: 'TCP' }]);

describe('findPort (podutil.FindPort)', () => {
  it.each([
    ['a number is used as is', 8443, 8443],
    ['a name is looked up among container ports', 'metrics', 9090],
    ['an unknown name does not resolve', 'grpc', undefined],
  ] as [string, number | string, number | undefined][])('%s', (_name, targetPort, port) => {
    expect(findPort(pod('a', '10.0.0.1'), { port: 80, targetPort })).toBe(port);
  });
});

describe('Endpoints subsets (endpoints_controller.go syncService)', () => {
  it('ready pods go to addresses, the rest to notReadyAddresses, sorted by IP', () => {
    const subsets = desiredSubsets(http, [
      pod('b', '10.244.2.3'),
      pod('a', '10.244.1.5'),
      pod('c', '10.244.1.10', { ready: false, node: 'worker-2' }),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [
          {
            ip: '10.244.1.5',
            nodeName: 'worker-1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
          },
          {
            ip: '10.244.2.3',
            nodeName: 'worker-1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' },
          },
        ],
        notReadyAddresses: [
          {
            ip: '10.244.1.10',
            nodeName: 'worker-2',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'c', uid: 'uid-c' },
          },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it.each([
    ['a pod without an IP stays out', pod('a', undefined)],
    ['a Succeeded pod stays out', pod('a', '10.0.0.1', { phase: 'Succeeded' })],
    ['a terminating pod stays out', pod('a', '10.0.0.1', { deleting: true })],
  ])('%s', (_name, p) => {
    expect(desiredSubsets(http, [p])).toEqual([]);
  });

  it('publishNotReadyAddresses puts every pod in addresses', () => {
    const subsets = desiredSubsets(service([{ port: 80, targetPort: 'http' }], { publishNotReadyAddresses: true }), [
      pod('a', '10.0.0.1', { ready: false }),
    ]);
    expect(subsets[0]?.addresses?.[0]?.ip).toBe('10.0.0.1');
    expect(subsets[0]?.notReadyAddresses).toBeUndefined();
  });

  it('named service ports keep their names; a pod without the named port is skipped for it', () => {
    const svc = service([
      { name: 'web', port: 80, targetPort: 'http' },
      { name: 'grpc', port: 90, targetPort: 'grpc' },
    ]);
    expect(desiredSubsets(svc, [pod('a', '10.0.0.1')])[0]?.ports).toEqual([
      { name: 'web', port: 8080, protocol: 'TCP' },
    ]);
  });

  it('a pod whose subdomain is the Service gets its hostname', () => {
    const subsets = desiredSubsets(http, [pod('db-0', '10.0.0.1', { hostname: 'db-0', subdomain: 'web' })]);
    expect(subsets[0]?.addresses?.[0]?.hostname).toBe('db-0');
  });
});

describe('EndpointSlice endpoints (the endpointslice reconciler)', () => {
  it('carries ready / serving / terminating conditions and keeps terminating pods', () => {
    const [group] = desiredSlices(http, [
      pod('a', '10.0.0.1'),
      pod('b', '10.0.0.2', { ready: false }),
      pod('c', '10.0.0.3', { deleting: true }),
    ]);
    expect(group?.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(group?.endpoints.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['10.0.0.1', { ready: true, serving: true, terminating: false }],
      ['10.0.0.2', { ready: false, serving: false, terminating: false }],
      ['10.0.0.3', { ready: false, serving: true, terminating: true }],
    ]);
  });

  it('no pods: no groups (the controller writes a placeholder slice)', () => {
    expect(desiredSlices(http, [])).toEqual([]);
  });
});

describe('EndpointSlice size', () => {
  it('packs at most 100 endpoints per slice', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(`p${i}`, `10.0.${Math.floor(i / 200)}.${i % 200}`));
    expect(desiredSlices(http, pods).map((g) => g.endpoints.length)).toEqual([100, 100, 50]);
  });
});
