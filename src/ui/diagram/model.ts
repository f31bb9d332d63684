import type { KubeObject } from '../../engine/api/types.ts';
import type { NamespaceFilter } from '../store/index.ts';
import { podTone } from './statusTone.ts';
import type { Tone } from './statusTone.ts';
import { naturalOrder } from './naturalOrder.ts';

/** DiagramModel is what the diagram draws, read from API objects: no positions yet (see layout.ts). */
export interface DiagramModel {
  nodes: NodeItem[];
  pods: PodItem[];
  services: ServiceItem[];
}

export interface NodeItem {
  kind: 'Node';
  key: string;
  name: string;
  role: string;
  ready: boolean;
  schedulable: boolean;
}

export interface PodItem {
  kind: 'Pod';
  key: string;
  name: string;
  namespace: string;
  /** nodeName is null while the pod is not bound to a node the diagram shows (the Pending lane). */
  nodeName: string | null;
  phase: string;
  status: string;
  tone: Tone;
  dimmed: boolean;
}

export interface ServiceItem {
  kind: 'Service';
  key: string;
  name: string;
  namespace: string;
  type: string;
  podKeys: string[];
  dimmed: boolean;
}

export interface ModelSource {
  nodes: readonly KubeObject[];
  pods: readonly KubeObject[];
  services: readonly KubeObject[];
  statusText(pod: KubeObject): string;
}

export function objectKey(kind: string, name: string, namespace?: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

/** isSystemNamespace: kube-system, kube-public and kube-node-lease hold the cluster's own machinery. */
export function isSystemNamespace(namespace: string): boolean {
  return namespace.startsWith('kube-');
}

function namespaceVisible(namespace: string, filter: NamespaceFilter): boolean {
  switch (filter.type) {
    case 'all':
      return true;
    case 'user':
      return !isSystemNamespace(namespace);
    case 'only':
      return namespace === filter.namespace;
  }
}

function field<T>(object: KubeObject, section: 'spec' | 'status'): Partial<T> {
  const value = object[section];
  return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
}

function nodeRole(node: KubeObject): string {
  const labels = node.metadata.labels ?? {};
  const roles = Object.keys(labels)
    .filter((label) => label.startsWith('node-role.kubernetes.io/'))
    .map((label) => label.slice('node-role.kubernetes.io/'.length))
    .filter((role) => role.length > 0);
  return roles.length > 0 ? roles.sort().join(',') : 'worker';
}

function nodeReady(node: KubeObject): boolean {
  const conditions = field<{ conditions: { type: string; status: string }[] }>(node, 'status').conditions ?? [];
  const ready = conditions.find((condition) => condition.type === 'Ready');
  return ready === undefined || ready.status === 'True';
}

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector);
  if (entries.length === 0) return false; // a Service without selector has hand-made endpoints, not pods
  return entries.every(([key, value]) => labels?.[key] === value);
}

const byName = (a: { name: string }, b: { name: string }) => naturalOrder(a.name, b.name);

/** buildDiagramModel turns API objects into diagram items, applying the namespace filter. */
export function buildDiagramModel(source: ModelSource, filter: NamespaceFilter): DiagramModel {
  const nodes: NodeItem[] = source.nodes
    .map((node) => {
      const name = node.metadata.name ?? '';
      return {
        kind: 'Node' as const,
        key: objectKey('Node', name),
        name,
        role: nodeRole(node),
        ready: nodeReady(node),
        schedulable: field<{ unschedulable: boolean }>(node, 'spec').unschedulable !== true,
      };
    })
    .sort(
      (a, b) => Number(b.role.includes('control-plane')) - Number(a.role.includes('control-plane')) || byName(a, b),
    );
  const nodeNames = new Set(nodes.map((node) => node.name));

  const visiblePods = source.pods.filter((pod) => namespaceVisible(pod.metadata.namespace ?? 'default', filter));
  const pods: PodItem[] = visiblePods.map((pod) => {
    const name = pod.metadata.name ?? '';
    const namespace = pod.metadata.namespace ?? 'default';
    const nodeName = field<{ nodeName: string }>(pod, 'spec').nodeName;
    const phase = field<{ phase: string }>(pod, 'status').phase ?? 'Pending';
    const status = source.statusText(pod);
    return {
      kind: 'Pod' as const,
      key: objectKey('Pod', name, namespace),
      name,
      namespace,
      nodeName: nodeName !== undefined && nodeNames.has(nodeName) ? nodeName : null,
      phase,
      status,
      tone: podTone(status, phase),
      dimmed: filter.type === 'all' && isSystemNamespace(namespace),
    };
  });

  const services: ServiceItem[] = source.services
    .filter((service) => namespaceVisible(service.metadata.namespace ?? 'default', filter))
    .map((service) => {
      const name = service.metadata.name ?? '';
      const namespace = service.metadata.namespace ?? 'default';
      const spec = field<{ selector: Record<string, string>; type: string }>(service, 'spec');
      const selector = spec.selector ?? {};
      const podKeys = visiblePods
        .filter((pod) => (pod.metadata.namespace ?? 'default') === namespace && selects(selector, pod.metadata.labels))
        .map((pod) => objectKey('Pod', pod.metadata.name ?? '', namespace));
      return {
        kind: 'Service' as const,
        key: objectKey('Service', name, namespace),
        name,
        namespace,
        type: spec.type ?? 'ClusterIP',
        podKeys,
        dimmed: filter.type === 'all' && isSystemNamespace(namespace),
      };
    });

  return { nodes, pods, services };
}
