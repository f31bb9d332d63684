import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import { rfc3339 } from './clock/clock.ts';
import type { ApiServer } from './api/server.ts';
import type { KubeObject } from './api/types.ts';

/** EventSource names the component that reports, as the From column of `kubectl describe` shows it. */
export interface EventSource {
  component: string;
  host?: string;
}

export interface EventInput {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

/**
 * EventRecorder writes core/v1 Events through the API like client-go's recorder: an identical
 * event (same object, reason, message, source) within ten minutes bumps count and lastTimestamp
 * instead of creating a new object.
 */
export class EventRecorder {
  private seq = 0;
  /** byKey finds the event to aggregate into without scanning every event (client-go's EventCorrelator cache). */
  private byKey: Map<string, { namespace: string; name: string }> | undefined;

  constructor(
    private readonly server: ApiServer,
    private readonly now: () => number,
  ) {}

  record(object: KubeObject, source: EventSource, input: EventInput): void {
    const namespace = object.metadata.namespace || 'default';
    const involved: ObjectReference = {
      kind: object.kind,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
      uid: object.metadata.uid ?? '',
      apiVersion: object.apiVersion,
      resourceVersion: object.metadata.resourceVersion ?? '',
      ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
    };
    if (!object.metadata.namespace) delete (involved as { namespace?: string }).namespace;
    const now = this.now();
    const timestamp = rfc3339(now);
    const key = aggregationKey(
      involved.uid ?? '',
      input.reason,
      input.message,
      source.component,
      input.fieldPath ?? '',
    );
    const known = this.index().get(key);
    const candidate = known ? this.server.store.get('events', known.namespace, known.name) : undefined;
    const existing =
      candidate && now - Date.parse((candidate as unknown as Event).lastTimestamp ?? timestamp) < 10 * 60 * 1000
        ? candidate
        : undefined;
    if (existing) {
      const next = structuredClone(existing) as unknown as Event & KubeObject;
      (next as { count?: number }).count = ((existing as unknown as Event).count ?? 1) + 1;
      (next as { lastTimestamp?: string }).lastTimestamp = timestamp;
      this.server.store.put('events', next as KubeObject);
      return;
    }
    const name = `${involved.name}.${(BigInt(now) * 1_000_000n + BigInt(++this.seq)).toString(16)}`;
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason: input.reason,
      message: input.message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: timestamp,
      lastTimestamp: timestamp,
      count: 1,
      type: input.type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.index().set(key, { namespace, name });
    this.server.handle({
      verb: 'POST',
      path: `/api/v1/namespaces/${namespace}/events`,
      body: event,
      user: { username: `system:${source.component}` },
    });
  }

  private index(): Map<string, { namespace: string; name: string }> {
    if (this.byKey) return this.byKey;
    this.byKey = new Map();
    for (const object of this.server.store.list('events')) {
      const e = object as unknown as Event;
      const key = aggregationKey(
        e.involvedObject.uid ?? '',
        e.reason ?? '',
        e.message ?? '',
        e.source?.component ?? '',
        e.involvedObject.fieldPath ?? '',
      );
      this.byKey.set(key, { namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? '' });
    }
    return this.byKey;
  }

  get counter(): number {
    return this.seq;
  }

  set counter(value: number) {
    this.seq = value;
  }
}

function aggregationKey(uid: string, reason: string, message: string, component: string, fieldPath: string): string {
  return `${uid}\u0000${reason}\u0000${component}\u0000${fieldPath}\u0000${message}`;
}
