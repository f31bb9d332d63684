import { objectPath } from '../../api/paths.ts';
import { resourceKey } from '../../api/registry.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import { controllerClient, type Controller } from '../controller.ts';

/**
 * NamespaceController empties a namespace that is being deleted — every namespaced object in it,
 * through the API — and removes the namespace once nothing is left (pods may take their grace period).
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private queue = new Set<string>();
  private readonly request;

  constructor(private readonly server: ApiServer) {
    this.request = controllerClient(server, 'namespace-controller');
  }

  observe(change: StoredChange): void {
    if (change.resource === 'namespaces') {
      if (change.type !== 'DELETED' && change.object.metadata.deletionTimestamp)
        this.queue.add(change.object.metadata.name ?? '');
      return;
    }
    const namespace = change.object.metadata.namespace;
    if (
      change.type === 'DELETED' &&
      namespace &&
      this.server.store.get('namespaces', '', namespace)?.metadata.deletionTimestamp
    ) {
      this.queue.add(namespace);
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
