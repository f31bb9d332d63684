import { objectPath } from '../../api/paths.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { controllerClient, type Controller } from '../controller.ts';

interface Dependent {
  resource: string;
  namespace: string;
  name: string;
}

/**
 * GarbageCollector deletes objects whose owners are gone (background propagation) and finishes
 * foreground deletions once an owner's blocking dependents are gone, using an owner-uid index.
 */
export class GarbageCollector implements Controller {
  readonly name = 'generic-garbage-collector';
  private dependents = new Map<string, Map<string, Dependent>>();
  private deletedOwners = new Set<string>();
  private foreground = new Map<string, Dependent>();
  private readonly request;

  constructor(private readonly server: ApiServer) {
    this.request = controllerClient(server, 'generic-garbage-collector');
  }

  private key(d: Dependent): string {
    return `${d.resource}|${d.namespace}|${d.name}`;
  }

  observe(change: StoredChange): void {
    const object = change.object;
    const self: Dependent = {
      resource: change.resource,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
    };
    const previousOwners = change.previous?.metadata.ownerReferences ?? [];
    for (const owner of previousOwners) this.dependents.get(owner.uid)?.delete(this.key(self));
    if (change.type === 'DELETED') {
      const uid = object.metadata.uid ?? '';
      if (this.dependents.get(uid)?.size) this.deletedOwners.add(uid);
      for (const owner of previousOwners) {
        const waiting = this.foreground.get(owner.uid);
        if (waiting) this.deletedOwners.add(`fg:${owner.uid}`);
      }
      return;
    }
    for (const owner of object.metadata.ownerReferences ?? ([] as OwnerReference[])) {
      let set = this.dependents.get(owner.uid);
      if (!set) this.dependents.set(owner.uid, (set = new Map()));
      set.set(this.key(self), self);
    }
    if (object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).includes('foregroundDeletion')) {
      this.foreground.set(object.metadata.uid ?? '', self);
      this.deletedOwners.add(object.metadata.uid ?? '');
    }
  }

  get pending(): boolean {
    return this.deletedOwners.size > 0;
  }

  run(): void {
    const owners = [...this.deletedOwners];
    this.deletedOwners.clear();
    for (const entry of owners) {
      const uid = entry.startsWith('fg:') ? entry.slice(3) : entry;
      const dependents = [...(this.dependents.get(uid)?.values() ?? [])];
      for (const d of dependents) this.deleteDependent(d, uid);
      this.finishForeground(uid);
    }
  }

  private deleteDependent(d: Dependent, ownerUid: string): void {
    const object = this.server.store.get(d.resource, d.namespace, d.name);
    if (!object || object.metadata.deletionTimestamp) return;
    const remaining = (object.metadata.ownerReferences ?? []).filter(
      (o) => o.uid !== ownerUid && this.ownerExists(o, d.namespace),
    );
    if (remaining.length > 0) return;
    const type = this.server.registry
      .all()
      .find((t) => (t.group === '' ? t.plural : `${t.plural}.${t.group}`) === d.resource);
    if (!type) return;
    const foregroundOwner = this.foreground.has(ownerUid);
    this.request({
      verb: 'DELETE',
      path: objectPath(type, d.namespace, d.name),
      body: { propagationPolicy: foregroundOwner ? 'Foreground' : 'Background' },
    });
  }

  private ownerExists(owner: OwnerReference, namespace: string): boolean {
    for (const type of this.server.registry.all()) {
      if (type.kind !== owner.kind) continue;
      const found = this.server.store.get(
        type.group === '' ? type.plural : `${type.plural}.${type.group}`,
        type.namespaced ? namespace : '',
        owner.name,
      );
      if (found && found.metadata.uid === owner.uid) return true;
    }
    return false;
  }

  private finishForeground(uid: string): void {
    const owner = this.foreground.get(uid);
    if (!owner) return;
    const left = [...(this.dependents.get(uid)?.values() ?? [])].filter((d) =>
      this.server.store.get(d.resource, d.namespace, d.name),
    );
    if (left.length > 0) return;
    this.foreground.delete(uid);
    const object = this.server.store.get(owner.resource, owner.namespace, owner.name) as KubeObject | undefined;
    if (!object) return;
    const type = this.server.registry
      .all()
      .find((t) => (t.group === '' ? t.plural : `${t.plural}.${t.group}`) === owner.resource);
    if (!type) return;
    const finalizers = (object.metadata.finalizers ?? []).filter((f) => f !== 'foregroundDeletion');
    this.request({
      verb: 'PATCH',
      path: objectPath(type, owner.namespace, owner.name),
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { metadata: { finalizers: finalizers.length ? finalizers : null } },
    });
  }

  /** rebuild fills the owner index from the store after restore(). */
  rebuild(): void {
    this.dependents.clear();
    for (const type of this.server.registry.all()) {
      const resource = type.group === '' ? type.plural : `${type.plural}.${type.group}`;
      for (const object of this.server.store.list(resource)) this.observe({ type: 'ADDED', resource, object });
    }
    this.deletedOwners.clear();
  }
}
