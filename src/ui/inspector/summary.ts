import type { KubeObject } from '../../engine/api/types.ts';

/** SummaryRow is one line of the describe-like summary: a label and its value. */
export interface SummaryRow {
  label: string;
  value: string;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function labels(map: Record<string, string> | undefined): string {
  const entries = Object.entries(map ?? {});
  return entries.length > 0 ? entries.map(([key, value]) => `${key}=${value}`).join('\n') : '<none>';
}

function containerState(status: Json): string {
  const state = record(status.state);
  const [name, detail] = Object.entries(state)[0] ?? [];
  if (!name) return 'Unknown';
  const reason = text(record(detail).reason);
  const stateName = name.charAt(0).toUpperCase() + name.slice(1);
  return reason ? `${stateName} (${reason})` : stateName;
}

function podRows(pod: KubeObject, statusText: string): SummaryRow[] {
  const spec = record(pod.spec);
  const status = record(pod.status);
  const statuses = list(status.containerStatuses);
  const containers = list(spec.containers).map((container) => {
    const name = text(container.name);
    const own = statuses.find((s) => s.name === name);
    const restarts = own ? text(own.restartCount) || '0' : '0';
    return `${name}: ${text(container.image)} — ${own ? containerState(own) : 'Waiting'}, restarts ${restarts}`;
  });
  return [
    { label: 'Status', value: statusText },
    { label: 'Phase', value: text(status.phase) || 'Pending' },
    { label: 'Node', value: text(spec.nodeName) || '<none>' },
    { label: 'Pod IP', value: text(status.podIP) || '<none>' },
    { label: 'Containers', value: containers.join('\n') || '<none>' },
    { label: 'Labels', value: labels(pod.metadata.labels) },
  ];
}

function nodeRows(node: KubeObject): SummaryRow[] {
  const spec = record(node.spec);
  const status = record(node.status);
  const ready = list(status.conditions).find((condition) => condition.type === 'Ready');
  const taints = list(spec.taints).map(
    (taint) => `${text(taint.key)}${taint.value ? `=${text(taint.value)}` : ''}:${text(taint.effect)}`,
  );
  const capacity = record(status.capacity);
  const allocatable = record(status.allocatable);
  return [
    { label: 'Ready', value: ready ? text(ready.status) : 'Unknown' },
    { label: 'Unschedulable', value: spec.unschedulable === true ? 'true' : 'false' },
    { label: 'Taints', value: taints.join('\n') || '<none>' },
    {
      label: 'Capacity',
      value: `cpu ${text(capacity.cpu)}, memory ${text(capacity.memory)}, pods ${text(capacity.pods)}`,
    },
    {
      label: 'Allocatable',
      value: `cpu ${text(allocatable.cpu)}, memory ${text(allocatable.memory)}, pods ${text(allocatable.pods)}`,
    },
    { label: 'Labels', value: labels(node.metadata.labels) },
  ];
}

function serviceRows(service: KubeObject): SummaryRow[] {
  const spec = record(service.spec);
  const ports = list(spec.ports).map((port) => {
    const nodePort = port.nodePort ? `:${text(port.nodePort)}` : '';
    return `${text(port.name) || '<unset>'} ${text(port.port)}${nodePort}/${text(port.protocol) || 'TCP'} → ${text(port.targetPort) || text(port.port)}`;
  });
  return [
    { label: 'Type', value: text(spec.type) || 'ClusterIP' },
    { label: 'Cluster IP', value: text(spec.clusterIP) || '<none>' },
    { label: 'Ports', value: ports.join('\n') || '<none>' },
    { label: 'Selector', value: labels(record(spec.selector) as Record<string, string>) },
  ];
}

/** summarize gives the few facts `kubectl describe` would lead with, per kind. */
export function summarize(object: KubeObject, podStatus: (pod: KubeObject) => string): SummaryRow[] {
  const common: SummaryRow[] = [
    { label: 'Kind', value: `${object.kind} (${object.apiVersion})` },
    { label: 'Name', value: object.metadata.name ?? '' },
  ];
  if (object.metadata.namespace) common.push({ label: 'Namespace', value: object.metadata.namespace });
  if (object.metadata.creationTimestamp) common.push({ label: 'Created', value: object.metadata.creationTimestamp });
  switch (object.kind) {
    case 'Pod':
      return [...common, ...podRows(object, podStatus(object))];
    case 'Node':
      return [...common, ...nodeRows(object)];
    case 'Service':
      return [...common, ...serviceRows(object)];
    default:
      return [...common, { label: 'Labels', value: labels(object.metadata.labels) }];
  }
}

/** EventRow is one event about the object, newest last, as in `kubectl describe`. */
export interface EventRow {
  key: string;
  type: string;
  reason: string;
  message: string;
}

export function eventsFor(object: KubeObject, events: readonly KubeObject[]): EventRow[] {
  return events
    .filter((event) => {
      const involved = record(event.involvedObject);
      return involved.kind === object.kind && involved.name === object.metadata.name;
    })
    .map((event) => ({
      key: event.metadata.uid ?? event.metadata.name ?? '',
      type: text(event.type),
      reason: text(event.reason),
      message: text(event.message),
      time: text(event.lastTimestamp) || text(event.eventTime) || event.metadata.creationTimestamp || '',
    }))
    .sort((a, b) => a.time.localeCompare(b.time))
    .map(({ key, type, reason, message }) => ({ key, type, reason, message }));
}
