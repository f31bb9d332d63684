import type { Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../clock/clock.ts';
import type { ApiServer } from '../api/server.ts';
import type { StoredChange } from '../api/store.ts';
import type { KubeObject } from '../api/types.ts';
import type { EventRecorder } from '../events.ts';
import type { SeededRandom } from '../random.ts';
import type { Controller } from '../controllers/controller.ts';
import { SchedulerCache } from './framework/cache.ts';
import type { ScheduleResult } from './framework/interface.ts';
import { scheduledMessage } from './framework/message.ts';
import { schedulePod, type SchedulingState } from './index.ts';

const SCHEDULER = { username: 'system:kube-scheduler', groups: ['system:authenticated'] };

/**
 * SchedulingQueue is kube-scheduler's loop around the framework: it keeps the cache in step with
 * the API, takes pending pods in priority order, binds them or reports FailedScheduling, and parks
 * unschedulable pods until a node or a pod's departure could change the answer.
 */
export class SchedulingQueue implements Controller {
  readonly name = 'default-scheduler';
  readonly cache = new SchedulerCache();
  private active = new Map<string, true>();
  private unschedulable = new Set<string>();
  /** lastResults keeps each pod's latest decision for "why is my pod Pending / why here?". */
  readonly lastResults = new Map<string, ScheduleResult>();

  constructor(
    private readonly server: ApiServer,
    private readonly events: EventRecorder,
    private readonly random: SeededRandom,
    readonly state: SchedulingState,
    private readonly now: () => number,
  ) {}

  observe(change: StoredChange): void {
    const object = change.object;
    switch (change.resource) {
      case 'nodes': {
        if (change.type === 'DELETED') this.cache.removeNode(object.metadata.name ?? '');
        else if (change.type === 'ADDED') this.cache.addNode(object as unknown as Node);
        else this.cache.updateNode(object as unknown as Node);
        this.retryUnschedulable();
        return;
      }
      case 'namespaces':
        if (change.type === 'DELETED') this.cache.removeNamespace(object.metadata.name ?? '');
        else this.cache.setNamespace(object as unknown as Namespace);
        return;
      case 'pods':
        this.observePod(change);
        return;
    }
  }

  private observePod(change: StoredChange): void {
    const pod = change.object as unknown as Pod;
    const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    if (change.type === 'DELETED') {
      this.cache.removePod(pod);
      this.active.delete(key);
      this.unschedulable.delete(key);
      this.lastResults.delete(key);
      if (pod.spec?.nodeName) this.retryUnschedulable();
      return;
    }
    if (pod.spec?.nodeName) {
      const wasCounted = this.cache.podNode(pod) !== undefined;
      if (wasCounted) this.cache.updatePod(pod);
      else this.cache.addPod(pod);
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        this.cache.removePod(pod);
        this.retryUnschedulable();
      }
      return;
    }
    if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler' || pod.metadata?.deletionTimestamp)
      return;
    if ((pod.spec?.schedulingGates ?? []).length > 0) return;
    const wasGated =
      ((change.previous?.spec as { schedulingGates?: unknown[] } | undefined)?.schedulingGates ?? []).length > 0;
    if (change.type === 'ADDED' || wasGated) this.active.set(key, true);
  }

  private retryUnschedulable(): void {
    for (const key of this.unschedulable) this.active.set(key, true);
    this.unschedulable.clear();
  }

  get pending(): boolean {
    return this.active.size > 0;
  }

  /** flush moves parked pods back to the active queue, as podMaxInUnschedulablePodsDuration does every five minutes. */
  flush(): void {
    this.retryUnschedulable();
  }

  run(): void {
    const keys = [...this.active.keys()];
    this.active.clear();
    const pods: Pod[] = [];
    for (const key of keys) {
      const [namespace = '', name = ''] = key.split('/');
      const pod = this.server.store.get('pods', namespace, name) as unknown as Pod | undefined;
      if (pod && !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp) pods.push(pod);
    }
    pods.sort((a, b) => (b.spec?.priority ?? 0) - (a.spec?.priority ?? 0));
    for (const pod of pods) this.scheduleOne(pod);
  }

  private scheduleOne(pod: Pod): void {
    const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    const result = schedulePod(pod, this.cache, { random: () => this.random.next(), state: this.state });
    this.lastResults.set(key, result);
    const object = pod as unknown as KubeObject;
    if (result.nodeName) {
      const response = this.server.handle({
        verb: 'POST',
        path: `/api/v1/namespaces/${pod.metadata?.namespace ?? ''}/pods/${pod.metadata?.name ?? ''}/binding`,
        body: {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name: pod.metadata?.name },
          target: { apiVersion: 'v1', kind: 'Node', name: result.nodeName },
        },
        user: SCHEDULER,
      });
      if (response.status < 300) {
        // Assume the pod on its node at once (the scheduler cache's AssumePod), so the next pod of the
        // same batch sees the resources and affinities it takes, before the binding's watch event arrives.
        const bound = this.server.store.get(
          'pods',
          pod.metadata?.namespace ?? '',
          pod.metadata?.name ?? '',
        ) as unknown as Pod | undefined;
        if (bound && this.cache.podNode(bound) === undefined) this.cache.addPod(bound);
        this.events.record(
          object,
          { component: 'default-scheduler' },
          { type: 'Normal', reason: 'Scheduled', message: scheduledMessage(key, result.nodeName) },
        );
      }
      return;
    }
    this.unschedulable.add(key);
    const message = result.message ?? '';
    this.events.record(
      object,
      { component: 'default-scheduler' },
      { type: 'Warning', reason: 'FailedScheduling', message },
    );
    for (const victim of result.victims ?? []) {
      const [namespace = '', name = ''] = victim.split('/');
      const victimPod = this.server.store.get('pods', namespace, name);
      if (!victimPod) continue;
      this.events.record(
        victimPod,
        { component: 'default-scheduler' },
        {
          type: 'Normal',
          reason: 'Preempted',
          message: `Preempted by pod ${pod.metadata?.uid ?? ''} on node ${result.nominatedNodeName ?? ''}`,
        },
      );
      this.server.handle({ verb: 'DELETE', path: `/api/v1/namespaces/${namespace}/pods/${name}`, user: SCHEDULER });
    }
    const now = this.server.store.get('pods', pod.metadata?.namespace ?? '', pod.metadata?.name ?? '') as unknown as
      Pod | undefined;
    if (!now) return;
    const previous = (now.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
    const condition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime:
        previous?.status === 'False' && previous.lastTransitionTime ? previous.lastTransitionTime : rfc3339(this.now()),
      reason: 'Unschedulable',
      message,
    };
    const status = {
      ...(now.status ?? {}),
      conditions: [...(now.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), condition],
      ...(result.nominatedNodeName ? { nominatedNodeName: result.nominatedNodeName } : {}),
    };
    this.server.handle({
      verb: 'PUT',
      path: `/api/v1/namespaces/${pod.metadata?.namespace ?? ''}/pods/${pod.metadata?.name ?? ''}/status`,
      body: { ...now, status },
      user: SCHEDULER,
    });
  }
}
