import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../api/equal.ts';
import { objectPath } from '../../api/paths.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import { QUOTAS, hardOf } from '../../admission/resourcequota/admission.ts';
import {
  amountOf,
  amountText,
  namespaceUsage,
  storeKeyFor,
  type ResourceList,
} from '../../admission/resourcequota/usage.ts';
import { controllerClient, type Controller } from '../controller.ts';

const NAME = 'resourcequota-controller';
const QUOTA_TYPE = { group: '', version: 'v1', plural: 'resourcequotas', namespaced: true };

/** quotaStatus is what the controller writes: status.hard copies spec.hard, status.used sums the namespace. */
export function quotaStatus(
  quota: ResourceQuota,
  usage: (names: string[]) => ResourceList,
): { hard: Record<string, string>; used: Record<string, string> } {
  const hard = hardOf(quota);
  const names = [...hard.keys()].sort();
  const used = usage(names);
  return {
    hard: Object.fromEntries(names.map((n) => [n, amountText(hard.get(n) ?? amountOf(0))])),
    used: Object.fromEntries(names.map((n) => [n, amountText(used.get(n) ?? amountOf(0))])),
  };
}

/**
 * ResourceQuotaController is pkg/controller/resourcequota: it keeps each quota's status.hard and
 * status.used current whenever something it counts changes in the namespace, so `kubectl describe
 * quota` shows real usage (finished pods free theirs). Admission enforces the limits; this loop reports them.
 */
export class ResourceQuotaController implements Controller {
  readonly name = NAME;
  private readonly queue = new Set<string>();
  private readonly request;

  constructor(private readonly server: ApiServer) {
    this.request = controllerClient(server, NAME);
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  observe(change: StoredChange): void {
    const namespace = change.object.metadata.namespace;
    if (namespace === undefined) return;
    if (change.resource === QUOTAS) {
      if (change.type === 'DELETED') return;
      const quota = change.object as unknown as ResourceQuota;
      const before = change.previous as unknown as ResourceQuota | undefined;
      if (!before || !deepEqual(before.spec ?? null, quota.spec ?? null)) {
        this.queue.add(`${namespace}/${quota.metadata?.name ?? ''}`);
      }
      return;
    }
    for (const quota of this.server.store.list(QUOTAS, namespace) as unknown as ResourceQuota[]) {
      const tracks = Object.keys(quota.spec?.hard ?? {}).some((name) => storeKeyFor(name) === change.resource);
      if (tracks) this.queue.add(`${namespace}/${quota.metadata?.name ?? ''}`);
    }
  }

  run(): void {
    const keys = [...this.queue].sort();
    this.queue.clear();
    for (const key of keys) {
      const slash = key.indexOf('/');
      const namespace = key.slice(0, slash);
      const name = key.slice(slash + 1);
      const quota = this.server.store.get(QUOTAS, namespace, name) as unknown as ResourceQuota | undefined;
      if (!quota || quota.metadata?.deletionTimestamp) continue;
      const status = quotaStatus(quota, (names) => namespaceUsage(this.server.store, namespace, names));
      if (deepEqual(status, quota.status ?? null)) continue;
      this.request({
        verb: 'PUT',
        path: objectPath(QUOTA_TYPE, namespace, name, 'status'),
        body: { ...quota, status },
      });
    }
  }

  rebuild(): void {
    for (const quota of this.server.store.list(QUOTAS)) {
      this.queue.add(`${quota.metadata.namespace ?? ''}/${quota.metadata.name ?? ''}`);
    }
  }
}
