import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Action } from '../reconcile/actions.ts';
import { KeyedController } from '../reconcile/loop.ts';
import { claimObjects, controllerRefOf } from '../reconcile/owners.ts';
import { JOBS, PODS, keyOf } from '../reconcile/resources.ts';
import { reconcileJob } from './sync.ts';

/**
 * JobController runs Jobs to completion. Instead of the batch.kubernetes.io/job-tracking finalizer,
 * it remembers which finished pods it has already counted into status; that memory is rebuilt on
 * restore from the pods that had finished by then, all of which were counted (the cluster settles
 * before every snapshot).
 */
export class JobController extends KeyedController {
  readonly name = 'job-controller';
  protected readonly component = 'job-controller';
  protected readonly primary = JOBS;
  private readonly counted = new Map<string, Set<string>>();

  observe(change: StoredChange): void {
    if (change.resource === JOBS.key) {
      if (change.type === 'DELETED') this.counted.delete(change.object.metadata.uid ?? '');
      else this.enqueue(keyOf(change.object));
      return;
    }
    if (change.resource !== PODS.key) return;
    for (const pod of [change.object, change.previous]) {
      const ref = pod ? controllerRefOf(pod) : undefined;
      if (ref?.kind === 'Job') this.enqueue(`${pod?.metadata.namespace ?? ''}/${ref.name}`);
    }
  }

  protected sync(namespace: string, name: string, now: number): Action[] {
    const store = this.deps.server.store;
    const job = store.get(JOBS.key, namespace, name) as unknown as Job | undefined;
    if (!job) return [];
    const uid = job.metadata?.uid ?? '';
    const claim = claimObjects(
      job as unknown as KubeObject,
      job.spec?.selector,
      store.list(PODS.key, namespace) as unknown as Pod[],
      PODS,
    );
    const counted = this.counted.get(uid) ?? new Set<string>();
    const result = reconcileJob({ job, pods: claim.claimed, counted }, now);
    if (result.counted.length) {
      for (const podUid of result.counted) counted.add(podUid);
      this.counted.set(uid, counted);
    }
    return [...claim.actions, ...result.actions];
  }

  override rebuild(): void {
    super.rebuild();
    this.counted.clear();
    const store = this.deps.server.store;
    for (const object of store.list(PODS.key)) {
      const pod = object as unknown as Pod;
      const ref = controllerRefOf(object);
      if (ref?.kind !== 'Job') continue;
      if (pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') continue;
      const set = this.counted.get(ref.uid) ?? new Set<string>();
      set.add(object.metadata.uid ?? '');
      this.counted.set(ref.uid, set);
    }
  }
}
