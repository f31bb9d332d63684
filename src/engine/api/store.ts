import type { KubeObject, WatchEventType } from './types.ts';

/** StoredChange is one write to the store: the typed diff that feeds watches, the diagram and rewind. */
export interface StoredChange {
  type: WatchEventType;
  resource: string;
  object: KubeObject;
  /** The object before an update or deletion. */
  previous?: KubeObject;
}

export type ChangeListener = (change: StoredChange) => void;

export interface StoreState {
  resourceVersion: number;
  objects: Record<string, KubeObject[]>;
}

/**
 * ObjectStore keeps every object by resource, namespace and name (the indexes a list or a watch
 * needs) and stamps resourceVersion on each write. It knows nothing of validation or semantics.
 * Objects handed out are the stored ones: callers clone before they change anything.
 */
export class ObjectStore {
  private byResource = new Map<string, Map<string, Map<string, KubeObject>>>();
  private listeners = new Set<ChangeListener>();
  resourceVersion = 0;

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(namespace)?.get(name);
  }

  /** list returns a resource's objects in one namespace, or in all when namespace is undefined, sorted as etcd keys are. */
  list(resource: string, namespace?: string): KubeObject[] {
    const namespaces = this.byResource.get(resource);
    if (!namespaces) return [];
    const out: KubeObject[] = [];
    const keys = namespace === undefined ? [...namespaces.keys()].sort() : [namespace];
    for (const ns of keys) {
      const names = namespaces.get(ns);
      if (!names) continue;
      const sorted = [...names.keys()].sort();
      for (const name of sorted) out.push(names.get(name) as KubeObject);
    }
    return out;
  }

  count(resource: string, namespace?: string): number {
    const namespaces = this.byResource.get(resource);
    if (!namespaces) return 0;
    if (namespace !== undefined) return namespaces.get(namespace)?.size ?? 0;
    let total = 0;
    for (const names of namespaces.values()) total += names.size;
    return total;
  }

  /** put creates or replaces an object, stamping a new resourceVersion, and tells the listeners. */
  put(resource: string, object: KubeObject): KubeObject {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name as string;
    let namespaces = this.byResource.get(resource);
    if (!namespaces) this.byResource.set(resource, (namespaces = new Map()));
    let names = namespaces.get(namespace);
    if (!names) namespaces.set(namespace, (names = new Map()));
    const previous = names.get(name);
    object.metadata.resourceVersion = String(++this.resourceVersion);
    names.set(name, object);
    this.emit(previous ? { type: 'MODIFIED', resource, object, previous } : { type: 'ADDED', resource, object });
    return object;
  }

  remove(resource: string, namespace: string, name: string): KubeObject | undefined {
    const names = this.byResource.get(resource)?.get(namespace);
    const previous = names?.get(name);
    if (!names || !previous) return undefined;
    names.delete(name);
    const object = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(++this.resourceVersion) } };
    this.emit({ type: 'DELETED', resource, object, previous });
    return object;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): StoreState {
    const objects: Record<string, KubeObject[]> = {};
    for (const resource of [...this.byResource.keys()].sort()) {
      const list = this.list(resource);
      if (list.length > 0) objects[resource] = structuredClone(list);
    }
    return { resourceVersion: this.resourceVersion, objects };
  }

  static restore(state: StoreState): ObjectStore {
    const store = new ObjectStore();
    for (const [resource, list] of Object.entries(state.objects)) {
      for (const object of list) {
        const copy = structuredClone(object);
        const namespace = copy.metadata.namespace ?? '';
        let namespaces = store.byResource.get(resource);
        if (!namespaces) store.byResource.set(resource, (namespaces = new Map()));
        let names = namespaces.get(namespace);
        if (!names) namespaces.set(namespace, (names = new Map()));
        names.set(copy.metadata.name as string, copy);
      }
    }
    store.resourceVersion = state.resourceVersion;
    return store;
  }

  private emit(change: StoredChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
