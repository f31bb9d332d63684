import { humanDuration, objectPath, type ClusterClient, type KubeObject } from '../../../engine/index.ts';

/**
 * Shared pieces of `kubectl describe` (k8s.io/kubectl/pkg/describe): the prefix writer's levels,
 * RFC 1123 times, multi-line label and annotation lists, and the Events table.
 */
export const L0 = '';
export const L1 = '  ';
export const L2 = '    ';
export const L3 = '      ';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** rfc1123z formats like Go's time.RFC1123Z in UTC: `Mon, 05 Jan 2026 09:05:12 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export class DescribeWriter {
  text = '';
  line(level: string, text: string): void {
    this.text += `${level}${text}\n`;
  }
  raw(text: string): void {
    this.text += text;
  }
}

/** multiline prints a map as kubectl does: the first entry after the title, the rest under it. */
export function multiline(
  w: DescribeWriter,
  level: string,
  title: string,
  map: Record<string, string> | undefined,
  skip: string[] = [],
): void {
  const keys = Object.keys(map ?? {})
    .filter((k) => !skip.includes(k))
    .sort();
  if (keys.length === 0) {
    w.line(level, `${title}:\t<none>`);
    return;
  }
  keys.forEach((key, i) => {
    let value = (map as Record<string, string>)[key] ?? '';
    if (title === 'Annotations' && value.length > 140) value = `${value.slice(0, 140)}...`;
    w.line(i === 0 ? level : level, i === 0 ? `${title}:\t${key}=${value}` : `\t${key}=${value}`);
  });
}

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  involvedObject?: { uid?: string; fieldPath?: string };
}

export async function eventsFor(client: ClusterClient, object: KubeObject): Promise<EventLike[]> {
  const namespace = object.metadata.namespace || 'default';
  const fieldSelector = [
    `involvedObject.name=${object.metadata.name ?? ''}`,
    `involvedObject.namespace=${object.metadata.namespace ?? ''}`,
    `involvedObject.kind=${object.kind}`,
    `involvedObject.uid=${object.metadata.uid ?? ''}`,
  ].join(',');
  const response = await client.request<{ items?: EventLike[] }>({
    verb: 'GET',
    path: objectPath({ group: '', version: 'v1', plural: 'events', namespaced: true }, namespace),
    query: { fieldSelector },
  });
  const items = response.body.items ?? [];
  return [...items].sort(
    (a, b) => Date.parse(a.lastTimestamp ?? a.eventTime ?? '') - Date.parse(b.lastTimestamp ?? b.eventTime ?? ''),
  );
}

export function writeEvents(w: DescribeWriter, events: EventLike[], now: number): void {
  if (events.length === 0) {
    w.line(L0, 'Events:\t<none>');
    return;
  }
  w.line(L0, 'Events:');
  w.line(L1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(L1, '----\t------\t----\t----\t-------');
  for (const e of events) {
    const since = (t: string | undefined | null) => (t ? humanDuration(now - Date.parse(t)) : '<unknown>');
    const interval =
      (e.count ?? 1) > 1
        ? `${since(e.lastTimestamp)} (x${e.count} over ${since(e.firstTimestamp)})`
        : since(e.firstTimestamp ?? e.eventTime);
    const source = e.source?.component || e.reportingComponent || '';
    const fieldPath = e.involvedObject?.fieldPath;
    const message = (e.message ?? '').trim();
    w.line(
      L1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${fieldPath ? `${fieldPath}: ${message}` : message}`,
    );
  }
}
