import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { HostPort, PodInfo } from './pod-info.ts';
import { nodeAllocatable, type NodeResources, type Resources } from './resources.ts';

const noLabels: Readonly<Record<string, string>> = Object.freeze({});
const noTaints: readonly Taint[] = Object.freeze([]);

/**
 * NodeInfo is framework.NodeInfo: a node with the pods bound to it and running totals, kept up to date
 * incrementally so that a filter on one node is a handful of number comparisons, not a walk over its pods.
 * A NodeInfo may exist without its Node for a while (pods bound to a node that was deleted or not yet seen).
 */
export class NodeInfo {
  // Hot fields first and flat: a filter touches hundreds of NodeInfos per cycle, so everything it reads sits in
  // this one object rather than behind nested Resources objects (which cost a cache miss each at 5,000 nodes).
  allocatableMilliCPU = 0;
  allocatableMemory = 0;
  allocatableEphemeralStorage = 0;
  allowedPodNumber = 0;
  requestedMilliCPU = 0;
  requestedMemory = 0;
  requestedEphemeralStorage = 0;
  /** nonZero* count missing cpu/memory requests as 100m/200Mi; scoring uses them, fitting does not. */
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  allocatableScalar: Record<string, number> | undefined = undefined;
  requestedScalar: Record<string, number> | undefined = undefined;
  unschedulable = false;
  labels: Readonly<Record<string, string>> = noLabels;
  taints: readonly Taint[] = noTaints;
  node: Node | undefined = undefined;
  pods: PodInfo[] = [];
  /** podsWithAffinity are the pods with any pod (anti-)affinity, the only ones InterPodAffinity scoring visits. */
  podsWithAffinity: PodInfo[] = [];
  /** podsWithRequiredAntiAffinity are the pods whose hard anti-affinity may reject incoming pods. */
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** usedPorts maps "TCP/80" to the host IPs bound to it, with a count per IP. */
  usedPorts = new Map<string, Map<string, number>>();
  /** imageSizes maps each image name the node reports to its size in bytes. */
  imageSizes = new Map<string, number>();

  constructor(
    readonly name: string,
    node?: Node,
  ) {
    if (node !== undefined) this.setNode(node);
  }

  /** allocatable is NodeInfo.Allocatable as one object, for display and tests. */
  get allocatable(): NodeResources {
    return {
      milliCPU: this.allocatableMilliCPU,
      memory: this.allocatableMemory,
      ephemeralStorage: this.allocatableEphemeralStorage,
      scalar: this.allocatableScalar,
      allowedPodNumber: this.allowedPodNumber,
    };
  }

  /** requested is NodeInfo.Requested as one object: the sum of the bound pods' requests. */
  get requested(): Resources {
    return {
      milliCPU: this.requestedMilliCPU,
      memory: this.requestedMemory,
      ephemeralStorage: this.requestedEphemeralStorage,
      scalar: this.requestedScalar,
    };
  }

  /** nonZeroRequested is NodeInfo.NonZeroRequested as one object. */
  get nonZeroRequested(): Resources {
    return { milliCPU: this.nonZeroMilliCPU, memory: this.nonZeroMemory, ephemeralStorage: 0, scalar: undefined };
  }

  /** setNode is NodeInfo.SetNode: allocatable, labels, taints and images follow the node; pod totals stay. */
  setNode(node: Node): void {
    this.node = node;
    const a = nodeAllocatable(node);
    this.allocatableMilliCPU = a.milliCPU;
    this.allocatableMemory = a.memory;
    this.allocatableEphemeralStorage = a.ephemeralStorage;
    this.allowedPodNumber = a.allowedPodNumber;
    this.allocatableScalar = a.scalar;
    this.unschedulable = node.spec?.unschedulable === true;
    this.labels = node.metadata?.labels ?? noLabels;
    this.taints = node.spec?.taints ?? noTaints;
    this.imageSizes = new Map();
    for (const image of node.status?.images ?? []) {
      for (const name of image.names ?? []) this.imageSizes.set(name, image.sizeBytes ?? 0);
    }
  }

  /** clearNode is what remains when the Node object is deleted while pods are still bound to it. */
  clearNode(): void {
    this.node = undefined;
    this.labels = noLabels;
    this.taints = noTaints;
    this.unschedulable = false;
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** removePod takes a pod off by key and returns it, or undefined when it was not on this node. */
  removePod(key: string): PodInfo | undefined {
    const i = this.pods.findIndex((p) => p.key === key);
    if (i < 0) return undefined;
    const pi = this.pods[i] as PodInfo;
    this.pods.splice(i, 1);
    if (pi.hasAffinity) removeFrom(this.podsWithAffinity, pi);
    if (pi.requiredAntiAffinityTerms.length > 0) removeFrom(this.podsWithRequiredAntiAffinity, pi);
    this.update(pi, -1);
    return pi;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    const r = pi.requests;
    this.requestedMilliCPU += sign * r.milliCPU;
    this.requestedMemory += sign * r.memory;
    this.requestedEphemeralStorage += sign * r.ephemeralStorage;
    if (r.scalar !== undefined) {
      const scalar = (this.requestedScalar ??= {});
      for (const name in r.scalar) scalar[name] = (scalar[name] ?? 0) + sign * (r.scalar[name] ?? 0);
    }
    this.nonZeroMilliCPU += sign * pi.nonZeroRequests.milliCPU;
    this.nonZeroMemory += sign * pi.nonZeroRequests.memory;
    for (const hp of pi.hostPorts) {
      const key = `${hp.protocol}/${hp.hostPort}`;
      let ips = this.usedPorts.get(key);
      if (ips === undefined) {
        if (sign < 0) continue;
        ips = new Map();
        this.usedPorts.set(key, ips);
      }
      const n = (ips.get(hp.hostIP) ?? 0) + sign;
      if (n > 0) ips.set(hp.hostIP, n);
      else ips.delete(hp.hostIP);
      if (ips.size === 0) this.usedPorts.delete(key);
    }
  }

  /**
   * portConflict is HostPortInfo.CheckConflict: 0.0.0.0 clashes with the same protocol/port on any IP, and a
   * specific IP clashes with itself and with 0.0.0.0.
   */
  portConflict(hp: HostPort): boolean {
    if (hp.hostPort <= 0) return false;
    const ips = this.usedPorts.get(`${hp.protocol}/${hp.hostPort}`);
    if (ips === undefined) return false;
    if (hp.hostIP === '0.0.0.0') return ips.size > 0;
    return ips.has('0.0.0.0') || ips.has(hp.hostIP);
  }

  /** clone is NodeInfo.Snapshot: a copy preemption can take pods off without touching the cache. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.allocatableMilliCPU = this.allocatableMilliCPU;
    c.allocatableMemory = this.allocatableMemory;
    c.allocatableEphemeralStorage = this.allocatableEphemeralStorage;
    c.allowedPodNumber = this.allowedPodNumber;
    c.requestedMilliCPU = this.requestedMilliCPU;
    c.requestedMemory = this.requestedMemory;
    c.requestedEphemeralStorage = this.requestedEphemeralStorage;
    c.nonZeroMilliCPU = this.nonZeroMilliCPU;
    c.nonZeroMemory = this.nonZeroMemory;
    c.allocatableScalar = this.allocatableScalar;
    c.requestedScalar = this.requestedScalar && { ...this.requestedScalar };
    c.unschedulable = this.unschedulable;
    c.labels = this.labels;
    c.taints = this.taints;
    c.node = this.node;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.usedPorts = new Map([...this.usedPorts].map(([k, v]) => [k, new Map(v)]));
    c.imageSizes = this.imageSizes;
    return c;
  }
}

function removeFrom(list: PodInfo[], pi: PodInfo): void {
  const i = list.indexOf(pi);
  if (i >= 0) list.splice(i, 1);
}
