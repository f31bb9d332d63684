import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import { rfc3339, type Clock } from '../../clock/clock.ts';
import type { EventRecorder } from '../../events.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';
import { cordonTaints, evictionDecision, noExecuteTaints } from './taints.ts';

const LIFECYCLE = 'node-lifecycle-controller';
const EVICTION = 'taint-eviction-controller';
const REASON = 'TaintManagerEviction';

function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

function taintsText(node: Node | undefined): string {
  return JSON.stringify(noExecuteTaints(node));
}

/**
 * NodeLifecycleController is two loops of kube-controller-manager in one: the node lifecycle
 * controller's cordon pass (spec.unschedulable ⇄ the `node.kubernetes.io/unschedulable:NoSchedule`
 * taint) and the taint eviction controller (pkg/controller/tainteviction), which deletes pods that do
 * not tolerate a node's NoExecute taints, at once or after their tolerationSeconds (a clock event).
 * Scheduled evictions live in memory; after a restore they are re-derived from now.
 */
export class NodeLifecycleController implements Controller {
  readonly name = LIFECYCLE;
  private readonly nodes = new Set<string>();
  private readonly pods = new Set<string>();
  /** scheduled maps a pod key to when its eviction was first planned and when it fires. */
  private readonly scheduled = new Map<string, { createdAt: number; at: number; uid: string }>();
  private readonly request;
  private readonly lifecycleRequest;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {
    this.request = controllerClient(server, EVICTION);
    this.lifecycleRequest = controllerClient(server, LIFECYCLE);
  }

  get pending(): boolean {
    return this.nodes.size > 0 || this.pods.size > 0;
  }

  observe(change: StoredChange): void {
    if (change.resource === 'nodes') {
      if (change.type === 'DELETED') return;
      const node = change.object as unknown as Node;
      const before = change.previous as unknown as Node | undefined;
      if (cordonTaints(node, '') !== undefined || taintsText(node) !== taintsText(before)) {
        this.nodes.add(change.object.metadata.name ?? '');
      }
      return;
    }
    if (change.resource !== 'pods') return;
    const key = podKey(change.object);
    if (change.type === 'DELETED') {
      this.scheduled.delete(key);
      return;
    }
    const pod = change.object as unknown as Pod;
    const before = change.previous as unknown as Pod | undefined;
    if (!pod.spec?.nodeName) return;
    const moved = pod.spec.nodeName !== before?.spec?.nodeName;
    const tolerationsChanged = JSON.stringify(pod.spec.tolerations) !== JSON.stringify(before?.spec?.tolerations);
    if (moved || tolerationsChanged) this.pods.add(key);
  }

  run(): void {
    const nodes = [...this.nodes].sort();
    this.nodes.clear();
    for (const name of nodes) {
      const node = this.server.store.get('nodes', '', name) as unknown as Node | undefined;
      if (!node) continue;
      const taints = cordonTaints(node, rfc3339(this.clock.now));
      if (taints !== undefined) {
        this.lifecycleRequest({
          verb: 'PATCH',
          path: `/api/v1/nodes/${name}`,
          headers: { 'content-type': 'application/merge-patch+json' },
          body: { spec: { taints: taints.length > 0 ? taints : null } },
        });
      }
      for (const pod of this.server.store.list('pods')) {
        if ((pod as unknown as Pod).spec?.nodeName === name) this.pods.add(podKey(pod));
      }
    }
    const pods = [...this.pods].sort();
    this.pods.clear();
    for (const key of pods) this.processPod(key);
  }

  handleTimer(ref: string): void {
    const planned = this.scheduled.get(ref);
    if (!planned || planned.at > this.clock.now) return;
    this.scheduled.delete(ref);
    const [namespace = '', name = ''] = ref.split('/');
    const pod = this.server.store.get('pods', namespace, name);
    if (pod?.metadata.uid === planned.uid) this.evict(pod as unknown as Pod);
  }

  rebuild(): void {
    this.scheduled.clear();
    for (const node of this.server.store.list('nodes')) this.nodes.add(node.metadata.name ?? '');
  }

  /** processPod is processPodOnNode: evict now, plan an eviction, or cancel a planned one. */
  private processPod(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.server.store.get('pods', namespace, name) as unknown as Pod | undefined;
    if (!pod?.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const node = this.server.store.get('nodes', '', pod.spec.nodeName) as unknown as Node | undefined;
    const decision = evictionDecision(noExecuteTaints(node), pod.spec.tolerations ?? []);
    const now = this.clock.now;
    if (decision.type === 'cancel') {
      this.cancel(key, pod);
      return;
    }
    if (decision.type === 'now') {
      this.scheduled.delete(key);
      this.evict(pod);
      return;
    }
    // A planned eviction stands once planned (startTime.Add(min).Before(triggerTime) in the real loop).
    const existing = this.scheduled.get(key);
    if (existing && existing.createdAt < now) return;
    const at = now + decision.ms;
    this.scheduled.set(key, { createdAt: existing?.createdAt ?? now, at, uid: pod.metadata?.uid ?? '' });
    this.clock.schedule(at, timerType(this.name), key);
  }

  private cancel(key: string, pod: Pod): void {
    if (!this.scheduled.delete(key)) return;
    this.record(pod, `Cancelling deletion of Pod ${key}`);
  }

  /** evict is the eviction worker: the event, the DisruptionTarget condition, then the delete. */
  private evict(pod: Pod): void {
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    this.record(pod, `Marking for deletion Pod ${namespace}/${name}`);
    const condition: PodCondition = {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastTransitionTime: rfc3339(this.clock.now),
    };
    const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    this.request({
      verb: 'PUT',
      path: `/api/v1/namespaces/${namespace}/pods/${name}/status`,
      body: { ...pod, status: { ...pod.status, conditions: [...others, condition] } },
    });
    this.request({ verb: 'DELETE', path: `/api/v1/namespaces/${namespace}/pods/${name}` });
  }

  private record(pod: Pod, message: string): void {
    this.events.record(
      pod as unknown as KubeObject,
      { component: EVICTION },
      { type: 'Normal', reason: REASON, message },
    );
  }
}
