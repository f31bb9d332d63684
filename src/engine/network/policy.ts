import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { selectorMatches } from '../api/selectors.ts';
import { cidrContains } from './ip.ts';

/**
 * NetworkPolicy as the network plugin enforces it (networking.k8s.io/v1 semantics): a pod selected
 * by any policy with the Ingress type accepts only what some ingress rule of those policies allows,
 * and likewise for Egress; pods no policy selects are open. Rules are unions; an empty `from`/`to`
 * or `ports` means everything; peers are podSelector (in the policy's namespace), namespaceSelector,
 * both together (pods matching in matching namespaces), or ipBlock (cidr minus except). Named ports
 * are looked up on the destination pod. hostNetwork pods are outside the pod network and unaffected.
 */
export interface Peer {
  ip: string;
  /** the pod behind the address, when it is one (undefined for nodes and the outside world) */
  pod?: Pod | undefined;
  /** labels of the pod's namespace, for namespaceSelector */
  namespaceLabels?: Record<string, string> | undefined;
}

export interface Traffic {
  from: Peer;
  to: Peer;
  port: number;
  protocol?: string;
}

export type PolicyDecision =
  { allowed: true } | { allowed: false; direction: 'ingress' | 'egress'; policies: string[] };

function inPodNetwork(peer: Peer): peer is Peer & { pod: Pod } {
  return peer.pod !== undefined && peer.pod.spec?.hostNetwork !== true;
}

/** policyTypes are the declared types, or the API server's defaults (Ingress, plus Egress when egress rules exist). */
export function policyTypes(policy: NetworkPolicy): string[] {
  const declared = policy.spec?.policyTypes ?? [];
  if (declared.length > 0) return declared;
  return (policy.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** policiesFor lists the policies of a pod's namespace that select it for one direction. */
export function policiesFor(policies: readonly NetworkPolicy[], pod: Pod, type: 'Ingress' | 'Egress'): NetworkPolicy[] {
  const namespace = pod.metadata?.namespace ?? '';
  return policies.filter(
    (p) =>
      (p.metadata?.namespace ?? '') === namespace &&
      policyTypes(p).includes(type) &&
      selectorMatches(p.spec?.podSelector ?? {}, pod.metadata?.labels ?? {}),
  );
}

/** peerMatches tells whether a rule peer, read in the policy's namespace, covers an address. */
export function peerMatches(rulePeer: NetworkPolicyPeer, policyNamespace: string, peer: Peer): boolean {
  if (rulePeer.ipBlock) {
    if (!cidrContains(rulePeer.ipBlock.cidr, peer.ip)) return false;
    return !(rulePeer.ipBlock.except ?? []).some((except) => cidrContains(except, peer.ip));
  }
  if (!inPodNetwork(peer)) return false;
  const podNamespace = peer.pod.metadata?.namespace ?? '';
  if (rulePeer.namespaceSelector) {
    if (!selectorMatches(rulePeer.namespaceSelector, peer.namespaceLabels ?? {})) return false;
  } else if (podNamespace !== policyNamespace) return false;
  if (rulePeer.podSelector) return selectorMatches(rulePeer.podSelector, peer.pod.metadata?.labels ?? {});
  return true;
}

/** namedPort finds a container port of a pod by name and protocol. */
function namedPort(pod: Pod | undefined, name: string, protocol: string): number | undefined {
  for (const container of [...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])])
    for (const port of container.ports ?? [])
      if (port.name === name && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  return undefined;
}

/** portMatches tells whether a rule port covers the destination port (numbers, ranges with endPort, names). */
export function portMatches(
  rulePort: NetworkPolicyPort,
  port: number,
  protocol: string,
  destination: Pod | undefined,
): boolean {
  if ((rulePort.protocol ?? 'TCP') !== protocol) return false;
  if (rulePort.port === undefined || rulePort.port === null) return true;
  if (typeof rulePort.port === 'number' || /^\d+$/.test(rulePort.port)) {
    const start = Number(rulePort.port);
    const end = rulePort.endPort ?? start;
    return port >= start && port <= end;
  }
  return namedPort(destination, rulePort.port, protocol) === port;
}

function rulesAllow(
  policies: NetworkPolicy[],
  direction: 'ingress' | 'egress',
  remote: Peer,
  port: number,
  protocol: string,
  destination: Pod | undefined,
): boolean {
  for (const policy of policies) {
    const namespace = policy.metadata?.namespace ?? '';
    const rules = direction === 'ingress' ? (policy.spec?.ingress ?? []) : (policy.spec?.egress ?? []);
    for (const rule of rules) {
      const peers =
        direction === 'ingress'
          ? ((rule as { from?: NetworkPolicyPeer[] }).from ?? [])
          : ((rule as { to?: NetworkPolicyPeer[] }).to ?? []);
      const ports = rule.ports ?? [];
      const peerOk = peers.length === 0 || peers.some((p) => peerMatches(p, namespace, remote));
      const portOk = ports.length === 0 || ports.some((p) => portMatches(p, port, protocol, destination));
      if (peerOk && portOk) return true;
    }
  }
  return false;
}

/** evaluate decides one connection: the sender's egress policies first, then the receiver's ingress policies. */
export function evaluate(policies: readonly NetworkPolicy[], traffic: Traffic): PolicyDecision {
  const protocol = traffic.protocol ?? 'TCP';
  const { from, to, port } = traffic;
  if (inPodNetwork(from)) {
    const egress = policiesFor(policies, from.pod, 'Egress');
    if (egress.length > 0 && !rulesAllow(egress, 'egress', to, port, protocol, to.pod))
      return { allowed: false, direction: 'egress', policies: egress.map((p) => p.metadata?.name ?? '') };
  }
  if (inPodNetwork(to)) {
    const ingress = policiesFor(policies, to.pod, 'Ingress');
    if (ingress.length > 0 && !rulesAllow(ingress, 'ingress', from, port, protocol, to.pod))
      return { allowed: false, direction: 'ingress', policies: ingress.map((p) => p.metadata?.name ?? '') };
  }
  return { allowed: true };
}
