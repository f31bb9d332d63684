import { defaultTolerationSeconds } from './admission/defaulttolerations.ts';
import { priorityAdmission } from './admission/priority.ts';
import { serviceAccountAdmission } from './admission/serviceaccount.ts';
import { serviceAllocation } from './admission/services.ts';
import { ResourceRegistry } from './api/registry.ts';
import { registerEviction } from './api/eviction.ts';
import { registerTokenRequest } from './api/tokenrequest.ts';
import { registerMetricsApi } from './api/metrics.ts';
import { installRbac } from './api/rbac/index.ts';
import { ApiServer, type AuditRecord } from './api/server.ts';
import { ObjectStore, type StoreState, type StoredChange } from './api/store.ts';
import type { ApiRequest, ApiResponse, ClusterClient, KubeObject } from './api/types.ts';
import type { WatchStreamEvent } from './api/watch.ts';
import { bootstrapRequests, DEFAULT_NODES, type NodeShape } from './bootstrap.ts';
import { Clock, DEFAULT_EPOCH, type ClockEvent, type ClockState } from './clock/clock.ts';
import type { Controller } from './controllers/controller.ts';
import { createControllers } from './controllers/index.ts';
import { EventRecorder } from './events.ts';
import { KUBELET_EVENT, podObject, type KubeletContext } from './kubelet/context.ts';
import { containerContext } from './kubelet/volumes.ts';
import { createNetwork } from './network/index.ts';
import { storageAdmission } from './admission/storage.ts';
import { limitRanger } from './admission/limitranger/limitranger.ts';
import { resourceQuotaAdmission } from './admission/resourcequota/admission.ts';
import { Kubelet } from './kubelet/kubelet.ts';
import { emptyKubeletState, type KubeletState } from './kubelet/state.ts';
import { SeededRandom, type RandomState } from './random.ts';
import { SchedulingQueue } from './scheduler/loop.ts';
import type { SchedulingState } from './scheduler/index.ts';
import type { ScheduleResult } from './scheduler/framework/interface.ts';

/** ClusterSpec shapes a new cluster: its seed, its machines and where simulated time starts. */
export interface ClusterSpec {
  seed?: number;
  nodes?: NodeShape[];
  start?: number;
  /** How long the cluster has been up when the learner arrives, so system pods are Running with a realistic AGE. */
  warmUpMs?: number;
}

export interface ClusterSnapshot {
  format: 'kubelab/cluster';
  version: 1;
  clock: ClockState;
  random: RandomState;
  store: StoreState;
  kubelet: KubeletState;
  scheduling: SchedulingState;
  audit: AuditRecord[];
  eventSeq: number;
}

const SCHEDULER_FLUSH = 'scheduler-flush';
const FLUSH_INTERVAL_MS = 5 * 60_000;
const SETTLE_ROUNDS = 10_000;

/**
 * Cluster wires the simulated control plane and nodes together behind one door. Requests and clock
 * events change objects; settle() lets every control loop react until nothing is left to do, so
 * what a request returns is consistent with what the controllers did at that instant.
 */
export class Cluster implements ClusterClient {
  readonly server: ApiServer;
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly scheduler: SchedulingQueue;
  private readonly kubelet: Kubelet;
  private readonly kubeletState: KubeletState;
  private readonly controllers: Controller[];
  private readonly events: EventRecorder;
  private changes: StoredChange[] = [];
  private listeners = new Set<() => void>();
  private changeListeners = new Set<(changes: StoredChange[]) => void>();
  private batch: StoredChange[] = [];
  private revision = 0;

  private constructor(
    store: ObjectStore,
    clock: Clock,
    random: SeededRandom,
    kubeletState: KubeletState,
    scheduling: SchedulingState,
  ) {
    this.clock = clock;
    this.random = random;
    this.kubeletState = kubeletState;
    const registry = new ResourceRegistry();
    this.server = new ApiServer({ clock, random, store, registry });
    this.server.authorizer = installRbac(this.server, () => clock.now);
    this.events = new EventRecorder(this.server, () => clock.now);
    this.server.admission.push(
      serviceAccountAdmission(random, (ns, name) => store.get('serviceaccounts', ns, name) !== undefined),
      priorityAdmission(
        (name) =>
          store.get('priorityclasses.scheduling.k8s.io', '', name) as
            { value?: number; preemptionPolicy?: string } | undefined,
      ),
      defaultTolerationSeconds(),
      serviceAllocation(store, random),
      storageAdmission(store),
      limitRanger(store),
      resourceQuotaAdmission(store),
    );
    this.scheduler = new SchedulingQueue(this.server, this.events, random, scheduling, () => clock.now);
    registerMetricsApi(this.server, kubeletState, () => clock.now);
    registerEviction(this.server);
    registerTokenRequest(this.server, clock, random);
    const kubeletContext: KubeletContext = {
      server: this.server,
      clock,
      events: this.events,
      random,
      state: kubeletState,
      network: undefined,
    };
    kubeletContext.network = createNetwork({
      server: this.server,
      clock,
      kubeletState,
      random,
      containerContext: (runtime, container) => {
        const pod = podObject(kubeletContext, runtime);
        return pod ? containerContext(kubeletContext, pod, runtime, container) : undefined;
      },
    });
    this.kubelet = new Kubelet(kubeletContext);
    this.controllers = createControllers({ server: this.server, events: this.events, clock, random });
    store.subscribe((change) => {
      this.changes.push(change);
      this.batch.push(change);
      this.revision++;
    });
  }

  static create(spec: ClusterSpec = {}): Cluster {
    const clock = new Clock(spec.start ?? DEFAULT_EPOCH);
    const cluster = new Cluster(new ObjectStore(), clock, new SeededRandom(spec.seed ?? 1), emptyKubeletState(), {
      nextStartNodeIndex: 0,
    });
    clock.schedule(clock.now + FLUSH_INTERVAL_MS, SCHEDULER_FLUSH, '');
    for (const phase of bootstrapRequests(spec.nodes ?? DEFAULT_NODES, clock.now)) {
      for (const request of phase) cluster.handle(request);
    }
    cluster.advanceSync(spec.warmUpMs ?? 5 * 60_000);
    cluster.batch = [];
    return cluster;
  }

  static restore(snapshot: ClusterSnapshot): Cluster {
    if (snapshot?.format !== 'kubelab/cluster' || snapshot.version !== 1)
      throw new Error('not a kubelab cluster snapshot');
    const store = ObjectStore.restore(snapshot.store);
    const cluster = new Cluster(
      store,
      Clock.restore(snapshot.clock),
      new SeededRandom(snapshot.random),
      structuredClone(snapshot.kubelet),
      { ...snapshot.scheduling },
    );
    cluster.server.audit = structuredClone(snapshot.audit);
    cluster.events.counter = snapshot.eventSeq;
    for (const resource of ['namespaces', 'nodes', 'pods']) {
      for (const object of store.list(resource)) cluster.scheduler.observe({ type: 'ADDED', resource, object });
    }
    for (const controller of cluster.controllers) controller.rebuild?.();
    cluster.changes = [];
    return cluster;
  }

  snapshot(): ClusterSnapshot {
    return {
      format: 'kubelab/cluster',
      version: 1,
      clock: this.clock.snapshot(),
      random: this.random.state,
      store: this.server.store.snapshot(),
      kubelet: structuredClone(this.kubeletState),
      scheduling: { ...this.scheduler.state },
      audit: structuredClone(this.server.audit),
      eventSeq: this.events.counter,
    };
  }

  /** request is the one door: every client — kubectl, the UI, lessons — goes through it. */
  async request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const response = this.handle(request);
    this.notify();
    return response as ApiResponse<T>;
  }

  /** handle is the synchronous door for code inside the engine and for tests. */
  handle(request: ApiRequest): ApiResponse {
    const response = this.server.handle(request);
    this.settle();
    return response;
  }

  async advance(ms: number): Promise<void> {
    this.advanceSync(ms);
    this.notify();
  }

  /** advanceSync jumps from event to event up to now + ms, letting the control loops settle after each. */
  advanceSync(ms: number): void {
    const until = this.clock.now + Math.max(0, ms);
    this.settle();
    for (;;) {
      const event = this.clock.popDue(until);
      if (!event) break;
      this.dispatch(event);
      // Events due at the same instant are taken together before the control loops react, as a
      // real controller's work queue coalesces a burst of updates into one sync.
      while (this.clock.peekTime() === this.clock.now) {
        const next = this.clock.popDue(until);
        if (!next) break;
        this.dispatch(next);
      }
      this.settle();
    }
    this.clock.now = until;
    this.revision++;
  }

  now(): number {
    return this.clock.now;
  }

  private dispatch(event: ClockEvent): void {
    if (event.type === KUBELET_EVENT) this.kubelet.handleEvent(event);
    else if (event.type.startsWith('controller:')) {
      const name = event.type.slice('controller:'.length);
      this.controllers.find((c) => c.name === name)?.handleTimer?.(event.ref);
    } else if (event.type === SCHEDULER_FLUSH) {
      this.scheduler.flush();
      this.clock.schedule(this.clock.now + FLUSH_INTERVAL_MS, SCHEDULER_FLUSH, '');
    }
  }

  /** settle runs the control loops until none has work left: the cluster's instant reactions. */
  private settle(): void {
    const components: Controller[] = [this.scheduler, ...this.controllers];
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const changes = this.changes;
      this.changes = [];
      for (const change of changes) {
        this.scheduler.observe(change);
        this.kubelet.observe(change);
        for (const controller of this.controllers) controller.observe(change);
      }
      let worked = false;
      for (const component of components) {
        if (component.pending) {
          component.run();
          worked = true;
        }
      }
      if (this.kubelet.pending) {
        this.kubelet.syncDirty();
        worked = true;
      }
      if (!worked && this.changes.length === 0) return;
    }
  }

  /** subscribe is called after every request or advance that changed something (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** watchChanges hears the typed diffs of each batch, for the diagram's transitions. */
  watchChanges(listener: (changes: StoredChange[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * watch is the REST watch (`GET path?watch=true&…`): the request's selectors, resourceVersion,
   * `sendInitialEvents` and Table `Accept` header are honoured as the API server does. It gives the
   * stop function, or the error answer (404, 403, 400, 422) when the watch cannot be opened.
   */
  watch(
    request: Omit<ApiRequest, 'verb'>,
    listener: (event: WatchStreamEvent) => void,
  ): { stop: () => void } | ApiResponse {
    return this.server.watch({ ...request, verb: 'GET', query: { ...request.query, watch: 'true' } }, listener);
  }

  version(): number {
    return this.revision;
  }

  /** list reads objects synchronously for rendering; they are the stored objects and must not be changed. */
  list(kind: string, namespace?: string): readonly KubeObject[] {
    const type = this.server.registry.all().find((t) => t.kind === kind);
    if (!type) return [];
    return this.server.store.list(type.group === '' ? type.plural : `${type.plural}.${type.group}`, namespace);
  }

  /** scheduleResult explains the scheduler's latest decision about a pod. */
  scheduleResult(namespace: string, name: string): ScheduleResult | undefined {
    return this.scheduler.lastResults.get(`${namespace}/${name}`);
  }

  get audit(): readonly AuditRecord[] {
    return this.server.audit;
  }

  private notify(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length > 0) for (const listener of this.changeListeners) listener(batch);
    for (const listener of this.listeners) listener();
  }
}

export function createCluster(spec?: ClusterSpec): Cluster {
  return Cluster.create(spec);
}

export function restoreCluster(snapshot: ClusterSnapshot): Cluster {
  return Cluster.restore(snapshot);
}
