import type {
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
} from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import {
  L0,
  L1,
  L2,
  formatLabelSelector,
  goTimeString,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './common.ts';
import { registerDescriber } from './registry.ts';

/**
 * describeNetworkPolicy is NetworkPolicyDescriber: which pods it selects, then the allowed ingress and egress
 * peers and ports rule by rule (`----------` between rules). It never shows events.
 */
export function describeNetworkPolicy(object: KubeObject, w: DescribeWriter): void {
  const np = object as unknown as NetworkPolicy;
  w.line(L0, `Name:\t${np.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${np.metadata?.namespace ?? ''}`);
  w.line(L0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}`);
  printLabelsMultiline(w, 'Labels', np.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', np.metadata?.annotations);
  describeSpec(np.spec ?? { podSelector: {} }, w);
}

function describeSpec(spec: NetworkPolicySpec, w: DescribeWriter): void {
  w.line(L0, 'Spec:');
  w.write(L1, 'PodSelector: ');
  const selector = spec.podSelector ?? {};
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
    w.line(L2, '<none> (Allowing the specific traffic to all pods in this namespace)');
  else w.line(L2, formatLabelSelector(selector));
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.line(L1, 'Allowing ingress traffic:');
    printRules(
      (spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })),
      'ingress',
      w,
    );
  } else w.line(L1, 'Not affecting ingress traffic');
  if (types.includes('Egress')) {
    w.line(L1, 'Allowing egress traffic:');
    printRules(
      (spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })),
      'egress',
      w,
    );
  } else w.line(L1, 'Not affecting egress traffic');
  w.line(L1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}`);
}

function printRules(
  rules: { ports: NetworkPolicyPort[] | undefined; peers: NetworkPolicyPeer[] | undefined }[],
  direction: 'ingress' | 'egress',
  w: DescribeWriter,
): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.line(L0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)`);
    return;
  }
  const peerTitle = direction === 'ingress' ? 'From' : 'To';
  rules.forEach((rule, i) => {
    if ((rule.ports ?? []).length === 0) w.line(L0, `${indent}To Port: <any> (traffic allowed to all ports)`);
    for (const port of rule.ports ?? []) {
      const proto = port.protocol ?? 'TCP';
      const value = port.port === undefined ? '%!s(<nil>)' : String(port.port);
      if (port.endPort === undefined) w.line(L0, `${indent}To Port: ${value}/${proto}`);
      else w.line(L0, `${indent}To Port Range: ${value}-${port.endPort}/${proto}`);
    }
    if ((rule.peers ?? []).length === 0)
      w.line(
        L0,
        `${indent}${peerTitle}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})`,
      );
    for (const peer of rule.peers ?? []) {
      w.line(L0, `${indent}${peerTitle}:`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.line(L1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
        w.line(L1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      } else if (peer.podSelector) w.line(L1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      else if (peer.namespaceSelector)
        w.line(L1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
      else if (peer.ipBlock) {
        w.line(L1, `${indent}IPBlock:`);
        w.line(L2, `${indent}CIDR: ${peer.ipBlock.cidr}`);
        w.line(L2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}`);
      }
    }
    if (i !== rules.length - 1) w.line(L0, `${indent}----------`);
  });
}

registerDescriber('NetworkPolicy', describeNetworkPolicy, 'networking.k8s.io');
