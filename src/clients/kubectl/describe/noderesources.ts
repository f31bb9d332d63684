import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './common.ts';
import { L0, L1, compareStrings, since } from './common.ts';
import { Quantity } from './quantity.ts';

/**
 * The resource part of `kubectl describe node`: each non-terminated pod's cpu and memory requests and
 * limits as a share of what the node can allocate, then the totals (component-helpers' PodRequests and
 * PodLimits: containers add up, init containers count by their peak, sidecars add to both).
 */
type ResourceList = Map<string, Quantity>;

function addResourceList(list: ResourceList, add: Record<string, string> | undefined | ResourceList): void {
  const entries =
    add instanceof Map
      ? [...add.entries()]
      : Object.entries(add ?? {}).map(([k, v]) => [k, Quantity.parse(v)] as const);
  for (const [name, q] of entries) {
    const existing = list.get(name);
    list.set(name, existing ? existing.add(q) : q);
  }
}

function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const existing = list.get(name);
    if (!existing || q.cmp(existing) > 0) list.set(name, q);
  }
}

function aggregate(pod: Pod, pick: (c: Container) => Record<string, string> | undefined): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addResourceList(total, pick(c));
  const restartable: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let current: ResourceList;
    if (c.restartPolicy === 'Always') {
      addResourceList(total, pick(c));
      addResourceList(restartable, pick(c));
      current = restartable;
    } else {
      current = new Map();
      addResourceList(current, pick(c));
      addResourceList(current, restartable);
    }
    maxResourceList(init, current);
  }
  maxResourceList(total, init);
  return total;
}

/** podRequests is resourcehelper.PodRequests: containers summed, the init peak, plus the pod overhead. */
export function podRequests(pod: Pod): ResourceList {
  const reqs = aggregate(pod, (c) => c.resources?.requests as Record<string, string> | undefined);
  if (pod.spec?.overhead) addResourceList(reqs, pod.spec.overhead as Record<string, string>);
  return reqs;
}

/** podLimits is resourcehelper.PodLimits: like requests, with overhead only on limits already set. */
export function podLimits(pod: Pod): ResourceList {
  const limits = aggregate(pod, (c) => c.resources?.limits as Record<string, string> | undefined);
  for (const [name, text] of Object.entries(pod.spec?.overhead ?? {})) {
    const existing = limits.get(name);
    if (existing) limits.set(name, existing.add(Quantity.parse(text)));
  }
  return limits;
}

function percent(part: number, whole: number): number {
  return Math.trunc((part / whole) * 100);
}

function isStandardResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
}

export function describeNodeResource(pods: readonly Pod[], node: Node, w: DescribeWriter, now: number): void {
  w.line(L0, `Non-terminated Pods:\t(${pods.length} in total)`);
  w.line(L1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.line(L1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  const capacity = (node.status?.capacity ?? {}) as Record<string, string>;
  const allocatable =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? (node.status?.allocatable as Record<string, string>)
      : capacity;
  const allocCpu = Quantity.parse(allocatable.cpu).milliValue();
  const allocMemory = Quantity.parse(allocatable.memory).value();
  const zero = Quantity.zero;
  for (const pod of pods) {
    const req = podRequests(pod);
    const limit = podLimits(pod);
    const cpuReq = req.get('cpu') ?? zero;
    const cpuLimit = limit.get('cpu') ?? zero;
    const memReq = req.get('memory') ?? zero;
    const memLimit = limit.get('memory') ?? zero;
    w.line(
      L1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cpuReq.toString()} (${percent(cpuReq.milliValue(), allocCpu)}%)\t${cpuLimit.toString()} (${percent(cpuLimit.milliValue(), allocCpu)}%)\t${memReq.toString()} (${percent(memReq.value(), allocMemory)}%)\t${memLimit.toString()} (${percent(memLimit.value(), allocMemory)}%)\t${since(pod.metadata?.creationTimestamp, now)}`,
    );
  }
  w.line(L0, 'Allocated resources:');
  w.line(L0, '  (Total limits may be over 100 percent, i.e., overcommitted.)');
  w.line(L1, 'Resource\tRequests\tLimits');
  w.line(L1, '--------\t--------\t------');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    addResourceList(reqs, podRequests(pod));
    addResourceList(limits, podLimits(pod));
  }
  const share = (q: Quantity, whole: number, milli: boolean) =>
    whole !== 0 ? percent(milli ? q.milliValue() : q.value(), whole) : 0;
  const row = (name: string, whole: number, milli: boolean) => {
    const r = reqs.get(name) ?? zero;
    const l = limits.get(name) ?? zero;
    w.line(L1, `${name}\t${r.toString()} (${share(r, whole, milli)}%)\t${l.toString()} (${share(l, whole, milli)}%)`);
  };
  row('cpu', allocCpu, true);
  row('memory', allocMemory, false);
  row('ephemeral-storage', Quantity.parse(allocatable['ephemeral-storage']).value(), false);
  const names = Object.keys(allocatable).sort(compareStrings);
  for (const name of names.filter((n) => n.startsWith('hugepages-')))
    row(name, Quantity.parse(allocatable[name]).value(), false);
  for (const name of names.filter((n) => !isStandardResource(n) && n !== 'pods'))
    w.line(L1, `${name}\t${(reqs.get(name) ?? zero).toString()}\t${(limits.get(name) ?? zero).toString()}`);
}
