import type { NetworkAccess } from '../runtime/index.ts';
import { Network, type NetworkDeps, type NetworkSource } from './network.ts';

/**
 * The cluster network for simulated processes: DNS, kube-proxy Service routing, NetworkPolicy,
 * Ingress and HTTP between containers. See CONTEXT.md.
 */
export type NetworkFactory = (from: NetworkSource) => NetworkAccess;

/**
 * createNetwork builds the data plane once per cluster and returns, for each pod, the
 * NetworkAccess its containers use (wget, curl, nc, nslookup and servers that call out).
 */
export function createNetwork(deps: NetworkDeps): NetworkFactory {
  const network = new Network(deps);
  return (from) => network.access(from);
}

/** createOutsideNetwork is the network seen from the Docker host (node IPs, NodePorts, load balancers). */
export function createOutsideNetwork(deps: NetworkDeps): NetworkAccess {
  return new Network(deps).outside();
}

export { Network, OUTSIDE_IP, type NetworkDeps, type NetworkSource } from './network.ts';
export { CLUSTER_DNS_IP, CLUSTER_DOMAIN, lookup, resolveName, resolvConfFor, searchList } from './dns.ts';
export { evaluate as evaluateNetworkPolicy, type Peer, type Traffic } from './policy.ts';
export { matchIngress, prefixMatches, hostMatches } from './ingress.ts';
export { ingressControllerOf, readyControllers, INGRESS_NGINX_CONTROLLER } from './ingress-controller.ts';
export { ingressNginxManifests } from '../controllers/ingress/manifests.ts';
