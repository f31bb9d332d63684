import { objectPath } from '../../api/paths.ts';
import { resourceKey } from '../../api/registry.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { Clock } from '../../clock/clock.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';

const NAME = 'namespace-controller';

/**
 * SYNC_DELAY_MS is how long after a namespace is marked for deletion the controller starts emptying
 * it: the namespace shows Terminating meanwhile, and a `kubectl delete -f` that lists the namespace
 * before its contents still finds them, as on a real cluster.
 */
export const SYNC_DELAY_MS = 1000;

/**
 * NamespaceController empties a namespace that is being deleted — every namespaced object in it,
 * through the API — and removes the namespace once nothing is left (pods may take their grace period).
 */
export class NamespaceController implements Controller {
  readonly name = NAME;
  private queue = new Set<string>();
  /** started holds the terminating namespaces whose emptying has begun. */
  private started = new Set<string>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
  ) {
    this.request = controllerClient(server, NAME);
  }

  observe(change: StoredChange): void {
    if (change.resource === 'namespaces') {
      const name = change.object.metadata.name ?? '';
      if (change.type === 'DELETED') this.started.delete(name);
      else if (change.object.metadata.deletionTimestamp && !change.previous?.metadata.deletionTimestamp)
        this.clock.schedule(this.clock.now + SYNC_DELAY_MS, timerType(NAME), name);
      else if (change.object.metadata.deletionTimestamp && this.started.has(name)) this.queue.add(name);
      return;
    }
    const namespace = change.object.metadata.namespace;
    if (change.type === 'DELETED' && namespace && this.started.has(namespace)) this.queue.add(namespace);
  }

  handleTimer(name: string): void {
    if (!this.server.store.get('namespaces', '', name)?.metadata.deletionTimestamp) return;
    this.started.add(name);
    this.queue.add(name);
  }

  /** rebuild, after a restore, takes every terminating namespace as begun (its timer may have fired before). */
  rebuild(): void {
    for (const ns of this.server.store.list('namespaces')) {
      if (!ns.metadata.deletionTimestamp) continue;
      this.started.add(ns.metadata.name ?? '');
      this.queue.add(ns.metadata.name ?? '');
    }
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const names = [...this.queue];
    this.queue.clear();
    for (const name of names) {
      const ns = this.server.store.get('namespaces', '', name);
      if (!ns?.metadata.deletionTimestamp) continue;
      let remaining = 0;
      for (const type of this.server.registry.all()) {
        if (!type.namespaced || !type.verbs.includes('delete')) continue;
        for (const object of this.server.store.list(resourceKey(type), name)) {
          remaining++;
          if (object.metadata.deletionTimestamp) continue;
          this.request({ verb: 'DELETE', path: objectPath(type, name, object.metadata.name ?? '') });
        }
      }
      const left = this.server.registry
        .all()
        .some((t) => t.namespaced && this.server.store.count(resourceKey(t), name) > 0);
      if (!left || remaining === 0) this.server.store.remove('namespaces', '', name);
    }
  }
}
