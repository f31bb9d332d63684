import type { Node, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectStore } from '../api/store.ts';

/**
 * kube-proxy's view: which Service an address and port belong to (ClusterIP, a NodePort on any
 * node, a LoadBalancer ingress IP or an externalIP), which of its EndpointSlice endpoints may take
 * the connection (ready ones; serving-terminating ones when none is ready; the local node's only
 * under a Local traffic policy), and which one does (ClientIP affinity sticks, otherwise a random
 * pick as iptables' statistic module makes).
 */
export interface ServiceHit {
  service: Service;
  servicePort: ServicePort;
  /** how the address reached the Service, which decides the traffic policy that applies */
  via: 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP';
  /** for nodePort: the node whose address was used */
  node?: string | undefined;
}

export interface Backend {
  ip: string;
  port: number;
  nodeName?: string | undefined;
  podName?: string | undefined;
  namespace?: string | undefined;
}

export type ServiceRoute =
  | { kind: 'backend'; hit: ServiceHit; backend: Backend }
  /** the Service has no usable endpoint: kube-proxy REJECTs (Connection refused) */
  | { kind: 'reject'; hit: ServiceHit }
  /** nothing answers (a ClusterIP port the Service does not have, eTP=Local without a local endpoint) */
  | { kind: 'drop'; hit?: ServiceHit };

const SLICES = 'endpointslices.discovery.k8s.io';

export function nodeAddresses(store: ObjectStore): { name: string; ip: string }[] {
  return (store.list('nodes') as unknown as Node[]).flatMap((node) =>
    (node.status?.addresses ?? [])
      .filter((a) => a.type === 'InternalIP')
      .map((a) => ({ name: node.metadata?.name ?? '', ip: a.address })),
  );
}

/**
 * findService maps a destination to a Service. `undefined` means the address is not a Service
 * address at all (a pod, a node's own port); `{ kind: 'drop' }` that it is a ClusterIP without that port.
 */
export function findService(
  store: ObjectStore,
  ip: string,
  port: number,
  protocol = 'TCP',
): ServiceHit | { kind: 'drop' } | undefined {
  const services = store.list('services') as unknown as Service[];
  const portOf = (service: Service) =>
    (service.spec?.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
  for (const service of services) {
    const spec = service.spec ?? {};
    if (spec.type === 'ExternalName') continue;
    if (spec.clusterIP && spec.clusterIP !== 'None' && (spec.clusterIPs ?? [spec.clusterIP]).includes(ip)) {
      const servicePort = portOf(service);
      return servicePort ? { service, servicePort, via: 'clusterIP' } : { kind: 'drop' };
    }
  }
  for (const service of services) {
    const spec = service.spec ?? {};
    const servicePort = portOf(service);
    if (!servicePort || spec.type === 'ExternalName') continue;
    if (spec.type === 'LoadBalancer' && (service.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip))
      return { service, servicePort, via: 'loadBalancer' };
    if ((spec.externalIPs ?? []).includes(ip)) return { service, servicePort, via: 'externalIP' };
  }
  const node = nodeAddresses(store).find((n) => n.ip === ip || ip === '127.0.0.1');
  if (node) {
    for (const service of services) {
      const spec = service.spec ?? {};
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') continue;
      const servicePort = (spec.ports ?? []).find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === protocol);
      if (servicePort) return { service, servicePort, via: 'nodePort', node: node.name };
    }
  }
  return undefined;
}

/** usableEndpoints lists a Service port's endpoints kube-proxy would program for this hit. */
export function usableEndpoints(store: ObjectStore, hit: ServiceHit, clientNode: string | undefined): Backend[] {
  const namespace = hit.service.metadata?.namespace ?? '';
  const name = hit.service.metadata?.name ?? '';
  const portName = hit.servicePort.name ?? '';
  const ready: Backend[] = [];
  const terminating: Backend[] = [];
  for (const slice of store.list(SLICES, namespace) as unknown as EndpointSlice[]) {
    if (slice.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
    const port = (slice.ports ?? []).find(
      (p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === (hit.servicePort.protocol ?? 'TCP'),
    );
    if (!port || port.port === undefined || port.port === null) continue;
    for (const endpoint of slice.endpoints ?? []) {
      const list = bucket(endpoint, ready, terminating);
      if (!list) continue;
      for (const ip of endpoint.addresses ?? [])
        list.push({
          ip,
          port: port.port,
          nodeName: endpoint.nodeName ?? undefined,
          podName: endpoint.targetRef?.kind === 'Pod' ? endpoint.targetRef.name : undefined,
          namespace: endpoint.targetRef?.namespace ?? namespace,
        });
    }
  }
  const pool = ready.length > 0 ? ready : terminating;
  const local = localRestriction(hit, clientNode);
  return local === null ? pool : pool.filter((b) => b.nodeName === local);
}

/**
 * localRestriction is the node a Local traffic policy limits endpoints to (null when any will do):
 * internalTrafficPolicy for ClusterIP traffic, externalTrafficPolicy for NodePort traffic. A cloud
 * load balancer only sends to nodes that have local endpoints, so LoadBalancer traffic is not limited.
 */
function localRestriction(hit: ServiceHit, clientNode: string | undefined): string | undefined | null {
  const spec = hit.service.spec ?? {};
  if (hit.via === 'clusterIP') return spec.internalTrafficPolicy === 'Local' ? clientNode : null;
  if (hit.via === 'nodePort') return spec.externalTrafficPolicy === 'Local' ? hit.node : null;
  return null;
}

function bucket(endpoint: Endpoint, ready: Backend[], terminating: Backend[]): Backend[] | undefined {
  const c = endpoint.conditions ?? {};
  if (c.ready !== false) return ready;
  if (c.serving === true && c.terminating === true) return terminating;
  return undefined;
}

/** hashText is a small stable hash (FNV-1a) for ClientIP affinity. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * routeService finds where a connection to a Service address goes. `pick(n)` chooses among n
 * endpoints when no affinity applies.
 */
export function routeService(
  store: ObjectStore,
  hit: ServiceHit,
  clientIp: string,
  clientNode: string | undefined,
  pick: (n: number, key: string) => number,
): ServiceRoute {
  const pool = usableEndpoints(store, hit, clientNode);
  if (pool.length === 0)
    return localRestriction(hit, clientNode) === null ? { kind: 'reject', hit } : { kind: 'drop', hit };
  const key = `${hit.service.metadata?.namespace ?? ''}/${hit.service.metadata?.name ?? ''}:${hit.servicePort.port}`;
  const sorted = [...pool].sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  const index =
    hit.service.spec?.sessionAffinity === 'ClientIP'
      ? hashText(`${clientIp}|${hit.service.metadata?.uid ?? ''}`) % sorted.length
      : pick(sorted.length, key);
  return { kind: 'backend', hit, backend: sorted[index] ?? (sorted[0] as Backend) };
}
