import type { Node, Pod, PodCondition, Taint } from 'kubernetes-types/core/v1';
import { ResourceRegistry } from '../../api/registry.ts';
import { ApiServer } from '../../api/server.ts';
import { ObjectStore, type StoredChange } from '../../api/store.ts';
import type { ApiResponse, KubeObject } from '../../api/types.ts';
import { Clock, DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import { EventRecorder } from '../../events.ts';
import { SeededRandom } from '../../random.ts';
import { RequiredNodeAffinity } from '../../scheduler/framework/selectors.ts';
import { toleratesTaint } from '../../scheduler/framework/taints.ts';
import type { Controller } from '../controller.ts';
import type { ControllerDeps } from '../deps.ts';
import { GarbageCollector } from '../garbagecollector/garbagecollector.ts';

/** PodOutcome is what the fake node agent makes of a pod: how long until it is Ready, and whether it ends. */
export interface PodOutcome {
  startMs: number;
  /** When set, the pod's containers exit after runMs with this code (restartPolicy decides what follows). */
  exit?: { afterMs: number; code: number };
  /** A pod that never becomes ready (a failing readiness probe). */
  neverReady?: boolean;
}

export interface HarnessOptions {
  nodes?: { name: string; taints?: Taint[]; labels?: Record<string, string>; unschedulable?: boolean }[];
  outcome?: (pod: Pod) => PodOutcome;
  /** How long a deleted pod stays Terminating. */
  terminationMs?: number;
}

const AGENT = 'harness-agent';

/**
 * Harness is a small cluster for controller tests: the real API server, store, clock, events and
 * garbage collector, the controllers under test, and a fake scheduler and kubelet that bind pods,
 * make them Running and Ready after a start delay, end them as told, and finish deletions — so a
 * controller can be exercised end to end without the container runtime.
 */
export class Harness {
  readonly store = new ObjectStore();
  readonly clock = new Clock(DEFAULT_EPOCH);
  readonly random = new SeededRandom(7);
  readonly server: ApiServer;
  readonly events: EventRecorder;
  readonly controllers: Controller[];
  private changes: StoredChange[] = [];
  private nextNode = 0;
  private readonly options: HarnessOptions;

  constructor(make: (deps: ControllerDeps) => Controller[], options: HarnessOptions = {}) {
    this.options = options;
    this.server = new ApiServer({
      clock: this.clock,
      random: this.random,
      store: this.store,
      registry: new ResourceRegistry(),
    });
    this.events = new EventRecorder(this.server, () => this.clock.now);
    const deps: ControllerDeps = { server: this.server, events: this.events, clock: this.clock, random: this.random };
    this.controllers = [new GarbageCollector(this.server), ...make(deps)];
    this.store.subscribe((change) => this.changes.push(change));
    this.server.handle({ verb: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'default' } } });
    const nodes = options.nodes ?? [
      { name: 'control-plane', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      { name: 'worker-1' },
      { name: 'worker-2' },
    ];
    for (const node of nodes) this.addNode(node.name, node.taints, node.labels, node.unschedulable);
    this.settle();
  }

  addNode(name: string, taints?: Taint[], labels?: Record<string, string>, unschedulable?: boolean): void {
    this.server.handle({
      verb: 'POST',
      path: '/api/v1/nodes',
      body: {
        metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(labels ?? {}) } },
        spec: { ...(taints ? { taints } : {}), ...(unschedulable ? { unschedulable } : {}) },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      },
    });
    this.settle();
  }

  /** request is the admin's door, settling the controllers afterwards like Cluster.handle. */
  request(
    verb: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): ApiResponse {
    const response = this.server.handle({
      verb,
      path,
      ...(body !== undefined ? { body } : {}),
      ...(headers ? { headers } : {}),
    });
    this.settle();
    return response;
  }

  create(path: string, object: unknown): ApiResponse {
    const response = this.request('POST', path, object);
    if (response.status >= 300) throw new Error(`create refused: ${JSON.stringify(response.body)}`);
    return response;
  }

  patch(path: string, patch: unknown): ApiResponse {
    const response = this.request('PATCH', path, patch, { 'content-type': 'application/merge-patch+json' });
    if (response.status >= 300) throw new Error(`patch refused: ${JSON.stringify(response.body)}`);
    return response;
  }

  list<T = KubeObject>(resource: string, namespace = 'default'): T[] {
    return this.store.list(resource, namespace) as unknown as T[];
  }

  get<T = KubeObject>(resource: string, name: string, namespace = 'default'): T | undefined {
    return this.store.get(resource, namespace, name) as unknown as T | undefined;
  }

  /** eventMessages lists "Reason: message" of the events about an object, oldest first. */
  eventMessages(name: string, namespace = 'default'): string[] {
    return this.store
      .list('events', namespace)
      .filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === name)
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => `${(e as unknown as { reason: string }).reason}: ${(e as unknown as { message: string }).message}`);
  }

  advance(ms: number): void {
    const until = this.clock.now + ms;
    this.settle();
    for (;;) {
      const event = this.clock.popDue(until);
      if (!event) break;
      if (event.type === AGENT) this.agentEvent(event.ref);
      else if (event.type.startsWith('controller:')) {
        const name = event.type.slice('controller:'.length);
        this.controllers.find((c) => c.name === name)?.handleTimer?.(event.ref);
      }
      this.settle();
    }
    this.clock.now = until;
  }

  settle(): void {
    for (let round = 0; round < 5000; round++) {
      const changes = this.changes;
      this.changes = [];
      for (const change of changes) {
        for (const controller of this.controllers) controller.observe(change);
        this.agentObserve(change);
      }
      let worked = false;
      for (const controller of this.controllers) {
        if (controller.pending) {
          controller.run();
          worked = true;
        }
      }
      if (!worked && this.changes.length === 0) return;
    }
    throw new Error('controllers did not settle');
  }

  // The fake scheduler and kubelet.

  private agentObserve(change: StoredChange): void {
    if (change.resource === 'nodes' && change.type === 'DELETED') {
      for (const pod of this.store.list('pods')) {
        if ((pod as unknown as Pod).spec?.nodeName === change.object.metadata.name)
          this.store.remove('pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '');
      }
      return;
    }
    if (change.resource !== 'pods' || change.type === 'DELETED') return;
    const pod = change.object as unknown as Pod;
    const ref = `${pod.metadata?.namespace}/${pod.metadata?.name}/${pod.metadata?.uid}`;
    if (pod.metadata?.deletionTimestamp && !change.previous?.metadata.deletionTimestamp) {
      const phase = pod.status?.phase;
      const delay = phase === 'Succeeded' || phase === 'Failed' ? 0 : (this.options.terminationMs ?? 1000);
      this.clock.schedule(this.clock.now + delay, AGENT, `remove:${ref}`);
      return;
    }
    if (change.type === 'ADDED' && !pod.spec?.nodeName) this.clock.schedule(this.clock.now, AGENT, `bind:${ref}`);
  }

  private agentEvent(ref: string): void {
    const [verb, namespace = '', name = '', uid = ''] = ref.split(/[:/]/);
    const stored = this.store.get('pods', namespace, name) as unknown as Pod | undefined;
    if (!stored || stored.metadata?.uid !== uid) return;
    const pod = structuredClone(stored);
    const outcome = this.options.outcome?.(pod) ?? { startMs: 2000 };
    switch (verb) {
      case 'bind': {
        if (pod.spec?.nodeName) return;
        const node = this.pickNode(pod);
        if (!node) return;
        this.server.handle({
          verb: 'POST',
          path: `/api/v1/namespaces/${namespace}/pods/${name}/binding`,
          body: { target: { name: node } },
        });
        this.clock.schedule(this.clock.now + outcome.startMs, AGENT, `start:${namespace}/${name}/${uid}`);
        return;
      }
      case 'start': {
        if (pod.metadata?.deletionTimestamp) return;
        this.writeStatus(pod, 'Running', !outcome.neverReady);
        if (outcome.exit)
          this.clock.schedule(this.clock.now + outcome.exit.afterMs, AGENT, `exit:${namespace}/${name}/${uid}`);
        return;
      }
      case 'exit': {
        if (pod.metadata?.deletionTimestamp) return;
        const code = outcome.exit?.code ?? 0;
        const policy = pod.spec?.restartPolicy ?? 'Always';
        if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) {
          this.writeStatus(pod, code === 0 ? 'Succeeded' : 'Failed', false);
          return;
        }
        const statuses = pod.status?.containerStatuses ?? [];
        for (const s of statuses) s.restartCount = (s.restartCount ?? 0) + 1;
        this.writeStatus(pod, 'Running', !outcome.neverReady, statuses);
        this.clock.schedule(
          this.clock.now + (outcome.exit?.afterMs ?? 1000),
          AGENT,
          `exit:${namespace}/${name}/${uid}`,
        );
        return;
      }
      case 'remove':
        this.store.remove('pods', namespace, name);
        return;
    }
  }

  private pickNode(pod: Pod): string | undefined {
    const affinity = new RequiredNodeAffinity(pod);
    const nodes = (this.store.list('nodes') as unknown as Node[]).filter((node) => {
      if (node.spec?.unschedulable) return false;
      if (!affinity.matches(node)) return false;
      return (node.spec?.taints ?? [])
        .filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
        .every((t) => (pod.spec?.tolerations ?? []).some((tol) => toleratesTaint(tol, t)));
    });
    if (nodes.length === 0) return undefined;
    const node = nodes[this.nextNode++ % nodes.length];
    return node?.metadata?.name;
  }

  private writeStatus(
    pod: Pod,
    phase: string,
    ready: boolean,
    statuses?: NonNullable<Pod['status']>['containerStatuses'],
  ): void {
    const at = rfc3339(this.clock.now);
    const previousReady = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
    const readyCondition: PodCondition = {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      lastTransitionTime:
        previousReady && previousReady.status === (ready ? 'True' : 'False')
          ? (previousReady.lastTransitionTime ?? at)
          : at,
    };
    const status = {
      ...(pod.status ?? {}),
      phase,
      conditions: [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready'), readyCondition],
      containerStatuses:
        statuses ??
        (pod.spec?.containers ?? []).map((c) => ({
          name: c.name,
          image: c.image ?? '',
          imageID: '',
          ready,
          restartCount: 0,
          started: phase === 'Running',
        })),
    };
    this.server.handle({
      verb: 'PUT',
      path: `/api/v1/namespaces/${pod.metadata?.namespace}/pods/${pod.metadata?.name}/status`,
      body: { ...pod, status },
    });
  }
}
