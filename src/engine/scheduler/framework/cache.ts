import type { Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import { NodeInfo } from './node-info.ts';
import { PodInfo, podKey } from './pod-info.ts';
import type { Labels } from './selectors.ts';

/**
 * ClusterView is what plugins may read about the cluster beyond the node at hand (the real framework's
 * SharedLister and namespace lister): every node, namespace labels, and how widely an image has spread.
 */
export interface ClusterView {
  /** nodeInfos are the nodes that exist, in the stable order the scheduler walks them. */
  readonly nodeInfos: readonly NodeInfo[];
  nodeInfo(name: string): NodeInfo | undefined;
  namespaceLabels(namespace: string): Labels;
  namespaceNames(): Iterable<string>;
  /** imageNodeCount is ImageStateSummary.NumNodes: on how many nodes an image is present. */
  imageNodeCount(image: string): number;
  /** nodesWithPodAffinity are the nodes hosting a pod with any pod (anti-)affinity (HavePodsWithAffinityList). */
  nodesWithPodAffinity(): Iterable<NodeInfo>;
  /** nodesWithRequiredAntiAffinity are the nodes hosting a pod with hard anti-affinity. */
  nodesWithRequiredAntiAffinity(): Iterable<NodeInfo>;
}

/**
 * countsOnNode tells whether a pod occupies its node: from the moment it is bound (spec.nodeName set) until it
 * is deleted or finishes. Succeeded and Failed pods free their resources, as in the real scheduler cache.
 */
export function countsOnNode(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.spec?.nodeName) && phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * SchedulerCache is the scheduler's own view of nodes and bound pods (pkg/scheduler/backend/cache), updated
 * incrementally from watch events. Every operation is O(1) or O(pods on one node), so it stays fast at
 * thousands of nodes; nothing is rebuilt per scheduling cycle.
 */
export class SchedulerCache implements ClusterView {
  private readonly byName = new Map<string, NodeInfo>();
  private readonly list: NodeInfo[] = [];
  private readonly podNodes = new Map<string, NodeInfo>();
  private readonly images = new Map<string, number>();
  private readonly namespaces = new Map<string, Readonly<Record<string, string>>>();
  private readonly withAffinity = new Set<NodeInfo>();
  private readonly withAntiAffinity = new Set<NodeInfo>();

  get nodeInfos(): readonly NodeInfo[] {
    return this.list;
  }

  get numNodes(): number {
    return this.list.length;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    const ni = this.byName.get(name);
    return ni?.node === undefined ? undefined : ni;
  }

  /** podNode names the node a pod is counted on, if any. */
  podNode(pod: Pod | string): string | undefined {
    return this.podNodes.get(typeof pod === 'string' ? pod : podKey(pod))?.name;
  }

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const existing = this.byName.get(name);
    if (existing?.node !== undefined) {
      this.updateNode(node);
      return;
    }
    const ni = existing ?? new NodeInfo(name);
    ni.setNode(node);
    this.byName.set(name, ni);
    this.list.push(ni);
    this.countImages(ni, 1);
  }

  updateNode(node: Node): void {
    const ni = this.byName.get(node.metadata?.name ?? '');
    if (ni?.node === undefined) {
      this.addNode(node);
      return;
    }
    this.countImages(ni, -1);
    ni.setNode(node);
    this.countImages(ni, 1);
  }

  /** removeNode forgets a node; pods still bound to it keep a placeholder until they are removed too. */
  removeNode(node: Node | string): void {
    const name = typeof node === 'string' ? node : (node.metadata?.name ?? '');
    const ni = this.byName.get(name);
    if (ni?.node === undefined) return;
    this.countImages(ni, -1);
    const i = this.list.indexOf(ni);
    if (i >= 0) this.list.splice(i, 1);
    ni.clearNode();
    if (ni.pods.length === 0) this.byName.delete(name);
  }

  addPod(pod: Pod): void {
    const key = podKey(pod);
    if (this.podNodes.has(key)) this.removePod(key);
    if (!countsOnNode(pod)) return;
    const nodeName = pod.spec?.nodeName ?? '';
    let ni = this.byName.get(nodeName);
    if (ni === undefined) {
      ni = new NodeInfo(nodeName);
      this.byName.set(nodeName, ni);
    }
    ni.addPod(new PodInfo(pod));
    this.podNodes.set(key, ni);
    this.trackAffinity(ni);
  }

  /** updatePod replaces the previous version: binding, finishing, relabelling and resizing all go through here. */
  updatePod(pod: Pod): void {
    this.addPod(pod);
  }

  removePod(pod: Pod | string): void {
    const key = typeof pod === 'string' ? pod : podKey(pod);
    const ni = this.podNodes.get(key);
    if (ni === undefined) return;
    ni.removePod(key);
    this.podNodes.delete(key);
    this.trackAffinity(ni);
    if (ni.node === undefined && ni.pods.length === 0) this.byName.delete(ni.name);
  }

  /** setNamespace records a namespace's labels, which namespaceSelector in pod affinity terms matches against. */
  setNamespace(ns: Namespace): void {
    this.namespaces.set(ns.metadata?.name ?? '', ns.metadata?.labels ?? {});
  }

  removeNamespace(name: string): void {
    this.namespaces.delete(name);
  }

  namespaceLabels(namespace: string): Labels {
    return this.namespaces.get(namespace);
  }

  namespaceNames(): Iterable<string> {
    return this.namespaces.keys();
  }

  imageNodeCount(image: string): number {
    return this.images.get(image) ?? 0;
  }

  nodesWithPodAffinity(): Iterable<NodeInfo> {
    return this.withAffinity;
  }

  nodesWithRequiredAntiAffinity(): Iterable<NodeInfo> {
    return this.withAntiAffinity;
  }

  private countImages(ni: NodeInfo, delta: number): void {
    for (const name of ni.imageSizes.keys()) {
      const n = (this.images.get(name) ?? 0) + delta;
      if (n > 0) this.images.set(name, n);
      else this.images.delete(name);
    }
  }

  private trackAffinity(ni: NodeInfo): void {
    if (ni.podsWithAffinity.length > 0) this.withAffinity.add(ni);
    else this.withAffinity.delete(ni);
    if (ni.podsWithRequiredAntiAffinity.length > 0) this.withAntiAffinity.add(ni);
    else this.withAntiAffinity.delete(ni);
  }
}
