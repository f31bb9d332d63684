import { humanDuration, type KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, since } from './common.ts';
import { goSort } from '../gosort.ts';

/**
 * The Events section of `kubectl describe`: searchEvents finds the events about an object with the same
 * field selector client-go builds, and describeEvents prints them oldest first as DescribeEvents does.
 */
export interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  involvedObject?: { uid?: string; fieldPath?: string };
}

/** EventReference is the part of an ObjectReference the search uses; a missing kind or uid is left out. */
export interface EventReference {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/** referenceOf is reference.GetReference for an object read from the API. */
export function referenceOf(object: KubeObject): EventReference {
  return {
    name: object.metadata.name ?? '',
    namespace: object.metadata.namespace ?? '',
    ...(object.kind ? { kind: object.kind } : {}),
    ...(object.metadata.uid ? { uid: object.metadata.uid } : {}),
  };
}

/**
 * searchEvents lists events whose involvedObject matches the reference; for a cluster-scoped object
 * (empty namespace) the list spans every namespace, as Events("") does.
 */
export async function searchEvents(ctx: DescribeContext, ref: EventReference): Promise<EventLike[]> {
  const terms: [string, string][] = [
    ['involvedObject.name', ref.name],
    ['involvedObject.namespace', ref.namespace],
  ];
  if (ref.kind !== undefined) terms.push(['involvedObject.kind', ref.kind]);
  if (ref.uid !== undefined) terms.push(['involvedObject.uid', ref.uid]);
  // fields.Set.AsSelector sorts the terms by field name.
  terms.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const path = ref.namespace ? `/api/v1/namespaces/${ref.namespace}/events` : '/api/v1/events';
  const response = await ctx.client.request<{ items?: EventLike[] }>({
    verb: 'GET',
    path,
    query: { fieldSelector: terms.map(([k, v]) => `${k}=${v}`).join(',') },
  });
  if (response.status >= 300) return [];
  return response.body.items ?? [];
}

function timeOf(t: string | null | undefined): number {
  return t ? Date.parse(t) : Number.NEGATIVE_INFINITY;
}

/** describeEvents prints the Events table sorted by lastTimestamp, or `Events: <none>`. */
export function describeEvents(w: DescribeWriter, events: EventLike[], now: number): void {
  if (events.length === 0) {
    w.line(L0, 'Events:\t<none>');
    return;
  }
  // event.SortableEvents with sort.Sort: by lastTimestamp, ties in Go's (unstable) order.
  const sorted = goSort([...events], (a, b) => timeOf(a.lastTimestamp) < timeOf(b.lastTimestamp));
  w.line(L0, 'Events:');
  w.line(L1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(L1, '----\t------\t----\t----\t-------');
  for (const e of sorted) {
    const micro = (t: string | null | undefined) => (t ? humanDuration(now - Date.parse(t)) : '<unknown>');
    const first = e.eventTime ? micro(e.eventTime) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${micro(e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.line(L1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}`);
  }
}

/** writeEvents is the usual tail of a describer: search by the object's reference and print, if --show-events. */
export async function writeEvents(
  w: DescribeWriter,
  ctx: DescribeContext,
  object: KubeObject,
  ref: EventReference = referenceOf(object),
): Promise<void> {
  if (!ctx.showEvents) return;
  describeEvents(w, await searchEvents(ctx, ref), ctx.now);
}
