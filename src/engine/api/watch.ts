import * as errors from './errors.ts';
import { ApiError } from './errors.ts';
import type { ObjectStore, StoredChange } from './store.ts';
import type { KubeObject, Status } from './types.ts';

/**
 * REST watches (`GET …?watch=true`) as the API server's watch cache serves them: a window of
 * recent changes so a client can resume from the resourceVersion of its list, synthetic ADDED
 * events for the current state when it asks for no version (or `sendInitialEvents=true`, the
 * WatchList protocol client-go 1.35 uses, ended by a bookmark annotated
 * `k8s.io/initial-events-end`), `410 Expired` when the version is older than the window, and
 * selector transitions: an object that stops matching a label selector is sent as DELETED.
 */
export type WatchStreamEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchStreamEvent {
  type: WatchStreamEventType;
  object: unknown;
}

export interface WatchTarget {
  /** resource is the store key (`pods`, `deployments.apps`). */
  resource: string;
  kind: string;
  apiVersion: string;
  namespace: string | undefined;
  name: string | undefined;
  matches: (object: KubeObject) => boolean;
  /** render turns an object into what the client asked for (the object itself, or a Table). */
  render: (object: KubeObject) => unknown;
}

export interface WatchOptions {
  resourceVersion: string | undefined;
  sendInitialEvents: boolean;
}

/** WINDOW is how many recent changes (at least, at most twice as many) the hub keeps for clients resuming from a resourceVersion. */
const WINDOW = 5000;

interface Recorded {
  resourceVersion: number;
  change: StoredChange;
}

export class WatchHub {
  private recent: Recorded[] = [];
  /** complete is the resourceVersion after which every change is still in the window. */
  private complete: number;
  private listeners = new Set<(change: StoredChange) => void>();

  constructor(private readonly store: ObjectStore) {
    this.complete = store.resourceVersion;
    store.subscribe((change) => {
      const resourceVersion = Number(change.object.metadata.resourceVersion ?? this.store.resourceVersion);
      this.recent.push({ resourceVersion, change });
      // Trimmed in batches: shifting the window on every write would cost the event loop each time.
      if (this.recent.length > 2 * WINDOW) {
        const dropped = this.recent.splice(0, this.recent.length - WINDOW);
        this.complete = dropped[dropped.length - 1]?.resourceVersion ?? this.complete;
      }
      for (const listener of this.listeners) listener(change);
    });
  }

  /**
   * open starts a watch: it sends what the options ask for first (the current state or the changes
   * since a resourceVersion), then every later change to matching objects, until stop is called.
   */
  open(target: WatchTarget, options: WatchOptions, send: (event: WatchStreamEvent) => void): () => void {
    const relevant = (object: KubeObject) =>
      (target.namespace === undefined || (object.metadata.namespace ?? '') === target.namespace) &&
      (target.name === undefined || object.metadata.name === target.name);
    const deliver = (change: StoredChange) => {
      if (change.resource !== target.resource || !relevant(change.object)) return;
      const now = change.type !== 'DELETED' && target.matches(change.object);
      const before =
        change.type === 'DELETED'
          ? target.matches(change.object)
          : change.previous !== undefined && target.matches(change.previous);
      if (change.type === 'DELETED') {
        if (before) send({ type: 'DELETED', object: target.render(change.object) });
      } else if (now && before) send({ type: 'MODIFIED', object: target.render(change.object) });
      else if (now) send({ type: 'ADDED', object: target.render(change.object) });
      else if (before) send({ type: 'DELETED', object: target.render(change.object) });
    };
    const version = options.resourceVersion;
    const fromState = options.sendInitialEvents || version === undefined || version === '' || version === '0';
    if (fromState) {
      for (const object of this.store.list(target.resource, target.namespace)) {
        if (relevant(object) && target.matches(object)) send({ type: 'ADDED', object: target.render(object) });
      }
      if (options.sendInitialEvents) {
        send({
          type: 'BOOKMARK',
          object: {
            kind: target.kind,
            apiVersion: target.apiVersion,
            metadata: {
              resourceVersion: String(this.store.resourceVersion),
              annotations: { 'k8s.io/initial-events-end': 'true' },
            },
          },
        });
      }
    } else {
      const from = Number(version);
      if (!Number.isInteger(from) || from < 0) {
        throw new ApiError(errors.badRequest(`invalid resource version: ${version}`));
      }
      if (from < this.complete) {
        send({ type: 'ERROR', object: expired(from, this.store.resourceVersion) });
        return () => {};
      }
      for (const recorded of this.recent) if (recorded.resourceVersion > from) deliver(recorded.change);
    }
    this.listeners.add(deliver);
    return () => this.listeners.delete(deliver);
  }
}

/** expired is the 410 a watch gets when its resourceVersion has left the window. */
function expired(from: number, current: number): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `too old resource version: ${from} (${current})`,
    reason: 'Expired',
    code: 410,
  };
}
