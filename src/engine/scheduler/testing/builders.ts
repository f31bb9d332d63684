import type {
  Container,
  ContainerPort,
  Node,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  PodAffinityTerm,
  Taint,
  Toleration,
  TopologySpreadConstraint,
} from 'kubernetes-types/core/v1';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';

/**
 * Fluent builders for scheduler tests, in the spirit of the real scheduler's testing wrappers
 * (st.MakePod().Name("p").Req(...).Obj()): `pod('web').node('worker-1').requests({ cpu: '500m' }).obj()`.
 * Every call returns the builder; `obj()` hands out a fresh plain object.
 */

type ResourceMap = Record<string, string | number>;

/** Writable drops kubernetes-types' readonly marks (status, deletionTimestamp) so tests can set them. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

export interface AffinityTermOptions {
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  matchExpressions?: LabelSelector['matchExpressions'];
}

export class PodBuilder {
  private readonly p: Pod;

  constructor(name: string) {
    this.p = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [] } };
  }

  private get spec(): NonNullable<Pod['spec']> {
    return this.p.spec as NonNullable<Pod['spec']>;
  }

  private get meta(): NonNullable<Pod['metadata']> {
    return this.p.metadata as NonNullable<Pod['metadata']>;
  }

  private firstContainer(): Container {
    if (this.spec.containers.length === 0) this.spec.containers.push({ name: 'app', image: 'nginx' });
    return this.spec.containers[0] as Container;
  }

  namespace(ns: string): this {
    this.meta.namespace = ns;
    return this;
  }

  labels(labels: Record<string, string>): this {
    this.meta.labels = { ...this.meta.labels, ...labels };
    return this;
  }

  label(key: string, value: string): this {
    return this.labels({ [key]: value });
  }

  node(nodeName: string): this {
    this.spec.nodeName = nodeName;
    return this;
  }

  phase(phase: string): this {
    (this.p as Writable<Pod>).status = { ...this.p.status, phase };
    return this;
  }

  priority(priority: number): this {
    this.spec.priority = priority;
    return this;
  }

  preemptionPolicy(policy: 'Never' | 'PreemptLowerPriority'): this {
    this.spec.preemptionPolicy = policy;
    return this;
  }

  startTime(iso: string): this {
    (this.p as Writable<Pod>).status = { ...this.p.status, startTime: iso };
    return this;
  }

  nominatedNode(name: string): this {
    (this.p as Writable<Pod>).status = { ...this.p.status, nominatedNodeName: name };
    return this;
  }

  /** terminating marks the pod as being evicted by preemption (deletionTimestamp + DisruptionTarget). */
  terminating(): this {
    (this.meta as Writable<ObjectMeta>).deletionTimestamp = '2025-01-01T00:00:00Z';
    (this.p as Writable<Pod>).status = {
      ...this.p.status,
      conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }],
    };
    return this;
  }

  /** requests sets requests on the first container (created if needed). */
  requests(requests: ResourceMap): this {
    const c = this.firstContainer();
    c.resources = { ...c.resources, requests: { ...c.resources?.requests, ...(requests as Record<string, string>) } };
    return this;
  }

  limits(limits: ResourceMap): this {
    const c = this.firstContainer();
    c.resources = { ...c.resources, limits: { ...c.resources?.limits, ...(limits as Record<string, string>) } };
    return this;
  }

  /** container adds another app container. */
  container(opts: { name?: string; image?: string; requests?: ResourceMap; ports?: ContainerPort[] } = {}): this {
    this.spec.containers.push({
      name: opts.name ?? `c${this.spec.containers.length}`,
      image: opts.image ?? 'nginx',
      ...(opts.requests && { resources: { requests: opts.requests as Record<string, string> } }),
      ...(opts.ports && { ports: opts.ports }),
    });
    return this;
  }

  /** initContainer adds an init container; `sidecar` makes it restartPolicy: Always. */
  initContainer(opts: { requests?: ResourceMap; image?: string; sidecar?: boolean } = {}): this {
    this.spec.initContainers ??= [];
    this.spec.initContainers.push({
      name: `init${this.spec.initContainers.length}`,
      image: opts.image ?? 'busybox',
      ...(opts.requests && { resources: { requests: opts.requests as Record<string, string> } }),
      ...(opts.sidecar && { restartPolicy: 'Always' }),
    });
    return this;
  }

  overhead(overhead: ResourceMap): this {
    this.spec.overhead = overhead as Record<string, string>;
    return this;
  }

  image(image: string): this {
    this.firstContainer().image = image;
    return this;
  }

  hostPort(hostPort: number, opts: { protocol?: string; hostIP?: string } = {}): this {
    const c = this.firstContainer();
    c.ports = [...(c.ports ?? []), { containerPort: hostPort, hostPort, ...opts }];
    return this;
  }

  toleration(t: Toleration): this {
    this.spec.tolerations = [...(this.spec.tolerations ?? []), t];
    return this;
  }

  nodeSelector(selector: Record<string, string>): this {
    this.spec.nodeSelector = { ...this.spec.nodeSelector, ...selector };
    return this;
  }

  /** requiredNodeAffinity adds an ORed term made of the given ANDed expressions (and optional fields). */
  requiredNodeAffinity(expressions: NodeSelectorRequirement[], fields?: NodeSelectorRequirement[]): this {
    const na = this.nodeAffinity();
    na.requiredDuringSchedulingIgnoredDuringExecution ??= { nodeSelectorTerms: [] };
    const term: NodeSelectorTerm = {};
    if (expressions.length > 0) term.matchExpressions = expressions;
    if (fields) term.matchFields = fields;
    na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.push(term);
    return this;
  }

  preferredNodeAffinity(weight: number, expressions: NodeSelectorRequirement[]): this {
    const na = this.nodeAffinity();
    na.preferredDuringSchedulingIgnoredDuringExecution = [
      ...(na.preferredDuringSchedulingIgnoredDuringExecution ?? []),
      { weight, preference: { matchExpressions: expressions } },
    ];
    return this;
  }

  private nodeAffinity(): NonNullable<NonNullable<NonNullable<Pod['spec']>['affinity']>['nodeAffinity']> {
    this.spec.affinity ??= {};
    this.spec.affinity.nodeAffinity ??= {};
    return this.spec.affinity.nodeAffinity;
  }

  private term(topologyKey: string, matchLabels: Record<string, string>, opts: AffinityTermOptions): PodAffinityTerm {
    return {
      topologyKey,
      labelSelector: { matchLabels, ...(opts.matchExpressions && { matchExpressions: opts.matchExpressions }) },
      ...(opts.namespaces && { namespaces: opts.namespaces }),
      ...(opts.namespaceSelector && { namespaceSelector: opts.namespaceSelector }),
    };
  }

  podAffinity(topologyKey: string, matchLabels: Record<string, string>, opts: AffinityTermOptions = {}): this {
    this.spec.affinity ??= {};
    const pa = (this.spec.affinity.podAffinity ??= {});
    pa.requiredDuringSchedulingIgnoredDuringExecution = [
      ...(pa.requiredDuringSchedulingIgnoredDuringExecution ?? []),
      this.term(topologyKey, matchLabels, opts),
    ];
    return this;
  }

  podAntiAffinity(topologyKey: string, matchLabels: Record<string, string>, opts: AffinityTermOptions = {}): this {
    this.spec.affinity ??= {};
    const pa = (this.spec.affinity.podAntiAffinity ??= {});
    pa.requiredDuringSchedulingIgnoredDuringExecution = [
      ...(pa.requiredDuringSchedulingIgnoredDuringExecution ?? []),
      this.term(topologyKey, matchLabels, opts),
    ];
    return this;
  }

  preferredPodAffinity(weight: number, topologyKey: string, matchLabels: Record<string, string>): this {
    this.spec.affinity ??= {};
    const pa = (this.spec.affinity.podAffinity ??= {});
    pa.preferredDuringSchedulingIgnoredDuringExecution = [
      ...(pa.preferredDuringSchedulingIgnoredDuringExecution ?? []),
      { weight, podAffinityTerm: this.term(topologyKey, matchLabels, {}) },
    ];
    return this;
  }

  preferredPodAntiAffinity(weight: number, topologyKey: string, matchLabels: Record<string, string>): this {
    this.spec.affinity ??= {};
    const pa = (this.spec.affinity.podAntiAffinity ??= {});
    pa.preferredDuringSchedulingIgnoredDuringExecution = [
      ...(pa.preferredDuringSchedulingIgnoredDuringExecution ?? []),
      { weight, podAffinityTerm: this.term(topologyKey, matchLabels, {}) },
    ];
    return this;
  }

  spreadConstraint(
    maxSkew: number,
    topologyKey: string,
    whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway',
    matchLabels: Record<string, string> | undefined,
    extra: Partial<TopologySpreadConstraint> = {},
  ): this {
    this.spec.topologySpreadConstraints = [
      ...(this.spec.topologySpreadConstraints ?? []),
      { maxSkew, topologyKey, whenUnsatisfiable, ...(matchLabels && { labelSelector: { matchLabels } }), ...extra },
    ];
    return this;
  }

  obj(): Pod {
    return structuredClone(this.p);
  }
}

export class NodeBuilder {
  private readonly n: Node;

  constructor(name: string) {
    this.n = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      spec: {},
      status: {},
    };
  }

  private get meta(): NonNullable<Node['metadata']> {
    return this.n.metadata as NonNullable<Node['metadata']>;
  }

  /** capacity sets both capacity and allocatable, like a node without system reservations. */
  capacity(resources: ResourceMap): this {
    const list = Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, String(v)]));
    (this.n as Writable<Node>).status = { ...this.n.status, capacity: list, allocatable: { ...list } };
    return this;
  }

  labels(labels: Record<string, string>): this {
    this.meta.labels = { ...this.meta.labels, ...labels };
    return this;
  }

  label(key: string, value: string): this {
    return this.labels({ [key]: value });
  }

  /** withoutLabel removes a label (the hostname label is set by default, as the kubelet does). */
  withoutLabel(key: string): this {
    const { [key]: _removed, ...rest } = this.meta.labels ?? {};
    this.meta.labels = rest;
    return this;
  }

  taint(key: string, value: string | undefined, effect: Taint['effect']): this {
    const spec = (this.n.spec ??= {});
    spec.taints = [...(spec.taints ?? []), { key, effect, ...(value !== undefined && { value }) }];
    return this;
  }

  unschedulable(): this {
    (this.n.spec ??= {}).unschedulable = true;
    return this;
  }

  image(names: string[], sizeBytes: number): this {
    const status = ((this.n as Writable<Node>).status ??= {});
    status.images = [...(status.images ?? []), { names, sizeBytes }];
    return this;
  }

  obj(): Node {
    return structuredClone(this.n);
  }
}

/** pod starts a pod builder in namespace default with no containers until resources or images are added. */
export function pod(name: string): PodBuilder {
  return new PodBuilder(name);
}

/** node starts a node builder with the kubernetes.io/hostname label. */
export function node(name: string): NodeBuilder {
  return new NodeBuilder(name);
}

/** standardNode is the lab's worker shape: 4 cpu, 8Gi, 110 pods. */
export function standardNode(name: string): NodeBuilder {
  return node(name).capacity({ cpu: '4', memory: '8Gi', pods: 110 });
}
