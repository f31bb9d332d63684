import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import { evaluate, policyTypes, type Peer } from './policy.ts';

/** Builders: pods as peers with labels and named ports, policies by spec. */
function pod(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  ip: string,
  nsLabels: Record<string, string> = {},
): Peer {
  const object: Pod = {
    metadata: { name, namespace, labels },
    spec: {
      containers: [
        {
          name: 'c',
          ports: [
            { name: 'http', containerPort: 8080 },
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
          ],
        },
      ],
    },
  };
  return { ip, pod: object, namespaceLabels: { 'kubernetes.io/metadata.name': namespace, ...nsLabels } };
}

function policy(name: string, namespace: string, spec: NetworkPolicySpec): NetworkPolicy {
  return { metadata: { name, namespace }, spec };
}

const frontend = pod('frontend', 'default', { app: 'frontend' }, '10.244.1.2');
const backend = pod('backend', 'default', { app: 'backend' }, '10.244.1.3');
const other = pod('other', 'default', { app: 'other' }, '10.244.2.4');
const monitor = pod('prom', 'monitoring', { app: 'prometheus' }, '10.244.2.5', { team: 'ops' });
const outsider = pod('x', 'sandbox', { app: 'frontend' }, '10.244.2.6');
const world: Peer = { ip: '203.0.113.99' };

const denyAllIngress = policy('deny-all', 'default', { podSelector: {}, policyTypes: ['Ingress'] });
const denyAllEgress = policy('deny-egress', 'default', { podSelector: {}, policyTypes: ['Egress'] });
const allowFrontend = policy('allow-frontend', 'default', {
  podSelector: { matchLabels: { app: 'backend' } },
  ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 8080 }] }],
});
const allowOpsNamespace = policy('allow-ops', 'default', {
  podSelector: { matchLabels: { app: 'backend' } },
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }],
});
const allowPromInOps = policy('prom-in-ops', 'default', {
  podSelector: { matchLabels: { app: 'backend' } },
  ingress: [
    {
      from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'grafana' } } }],
    },
  ],
});
const allowCidr = policy('allow-cidr', 'default', {
  podSelector: { matchLabels: { app: 'backend' } },
  ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.0/28'] } }] }],
});
const namedPort = policy('named', 'default', {
  podSelector: { matchLabels: { app: 'backend' } },
  ingress: [{ ports: [{ port: 'http' }] }],
});
const portRange = policy('range', 'default', {
  podSelector: { matchLabels: { app: 'backend' } },
  ingress: [{ ports: [{ port: 8000, endPort: 8100 }] }],
});
const egressToBackendOnly = policy('egress-backend', 'default', {
  podSelector: { matchLabels: { app: 'frontend' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ podSelector: { matchLabels: { app: 'backend' } } }] }],
});
const emptyIngressRule = policy('allow-all', 'default', { podSelector: {}, ingress: [{}] });

type Case = [name: string, policies: NetworkPolicy[], from: Peer, to: Peer, port: number, allowed: boolean];
const cases: Case[] = [
  ['no policy: everything is open', [], frontend, backend, 8080, true],
  ['deny-all ingress isolates every pod of the namespace', [denyAllIngress], frontend, backend, 8080, false],
  ['deny-all ingress does not touch other namespaces', [denyAllIngress], backend, monitor, 9090, true],
  ['allow frontend → backend on 8080', [denyAllIngress, allowFrontend], frontend, backend, 8080, true],
  ['…but not on another port', [denyAllIngress, allowFrontend], frontend, backend, 9090, false],
  ['…and not from another pod', [denyAllIngress, allowFrontend], other, backend, 8080, false],
  ["podSelector alone means the policy's namespace only", [allowFrontend], outsider, backend, 8080, false],
  ['a policy selecting backend leaves frontend open', [allowFrontend], other, frontend, 8080, true],
  ['namespaceSelector admits any pod of a matching namespace', [allowOpsNamespace], monitor, backend, 8080, true],
  ['namespaceSelector rejects other namespaces', [allowOpsNamespace], frontend, backend, 8080, false],
  ['namespaceSelector and podSelector together: both must match', [allowPromInOps], monitor, backend, 8080, false],
  ['ipBlock admits an address in the CIDR', [allowCidr], world, backend, 8080, true],
  ['ipBlock except carves addresses out', [allowCidr], { ip: '203.0.113.5' }, backend, 8080, false],
  ['a named port is looked up on the destination pod', [namedPort], other, backend, 8080, true],
  ['a named port does not cover other ports', [namedPort], other, backend, 8081, false],
  ['endPort makes a range', [portRange], other, backend, 8050, true],
  ['outside the range is denied', [portRange], other, backend, 8101, false],
  ['deny-all egress stops the sender', [denyAllEgress], frontend, backend, 8080, false],
  ['egress allowed to backend', [egressToBackendOnly], frontend, backend, 8080, true],
  ['egress to anything else is denied', [egressToBackendOnly], frontend, other, 8080, false],
  ['an empty ingress rule allows everything', [denyAllIngress, emptyIngressRule], world, backend, 1234, true],
  ['a port without protocol is TCP', [denyAllIngress, allowFrontend], frontend, backend, 8080, true],
];

describe('NetworkPolicy evaluation', () => {
  it.each(cases)('%s', (_name, policies, from, to, port, allowed) => {
    expect(evaluate(policies, { from, to, port }).allowed).toBe(allowed);
  });

  it('reports which direction and policies refused', () => {
    expect(evaluate([denyAllIngress, allowFrontend], { from: other, to: backend, port: 8080 })).toEqual({
      allowed: false,
      direction: 'ingress',
      policies: ['deny-all', 'allow-frontend'],
    });
  });

  it('protocols must match: UDP 53 is not allowed by a TCP rule', () => {
    const udp = policy('udp', 'default', { podSelector: {}, ingress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
    expect(evaluate([udp], { from: frontend, to: backend, port: 53, protocol: 'UDP' }).allowed).toBe(false);
    expect(evaluate([udp], { from: frontend, to: backend, port: 53, protocol: 'TCP' }).allowed).toBe(true);
  });

  it('hostNetwork pods are outside the pod network', () => {
    const host = pod('node-agent', 'default', { app: 'backend' }, '172.18.0.3');
    host.pod!.spec!.hostNetwork = true;
    expect(evaluate([denyAllIngress], { from: frontend, to: host, port: 8080 }).allowed).toBe(true);
  });
});

describe('policyTypes defaults', () => {
  it.each([
    ['no egress rules: Ingress', { podSelector: {} }, ['Ingress']],
    ['egress rules: Ingress and Egress', { podSelector: {}, egress: [{}] }, ['Ingress', 'Egress']],
    ['declared types win', { podSelector: {}, policyTypes: ['Egress'] }, ['Egress']],
  ] as [string, NetworkPolicySpec, string[]][])('%s', (_name, spec, types) => {
    expect(policyTypes(policy('p', 'default', spec))).toEqual(types);
  });
});
