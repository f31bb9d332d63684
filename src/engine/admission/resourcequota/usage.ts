import type { Container, PersistentVolumeClaim, Pod, Service } from 'kubernetes-types/core/v1';
import { formatQuantity, parseExactQuantity, scaledValue, type QuantityFormat } from '../../api/quantity.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';

/**
 * Amount is one quantity of a quota's resource kept in milli-units, with the format Quantity.Add keeps
 * (the first non-zero addend's), so `128Mi + 256Mi` prints `384Mi` and `500m + 1` prints `1500m`.
 */
export interface Amount {
  milli: number;
  format: QuantityFormat;
}

/** ResourceList is a quota's map of resource names to amounts (corev1.ResourceList). */
export type ResourceList = Map<string, Amount>;

/** amountOf reads a quantity text (`500m`, `1Gi`, `4`) as an Amount; unreadable text counts as zero. */
export function amountOf(text: string | number | undefined): Amount {
  if (text === undefined) return { milli: 0, format: 'DecimalSI' };
  return { milli: scaledValue(text, -3), format: parseExactQuantity(text)?.format ?? 'DecimalSI' };
}

/** count is an object count (`pods: 3`), which quantities print as plain integers. */
function count(n: number): Amount {
  return { milli: n * 1000, format: 'DecimalSI' };
}

/** amountText is Quantity.String: whole values in their family (`2`, `384Mi`), fractions in millis (`1500m`). */
export function amountText(amount: Amount): string {
  if (amount.milli === 0) return '0';
  if (amount.milli % 1000 !== 0) return `${amount.milli}m`;
  return formatQuantity(amount.milli / 1000, amount.format === 'BinarySI' ? 'BinarySI' : 'DecimalSI');
}

/** addAmount is Quantity.Add: a zero sum takes the addend's format. */
export function addAmount(a: Amount | undefined, b: Amount): Amount {
  if (!a || a.milli === 0) return { ...b };
  return { milli: a.milli + b.milli, format: a.format };
}

function addTo(list: ResourceList, name: string, amount: Amount): void {
  list.set(name, addAmount(list.get(name), amount));
}

/** COMPUTE_RESOURCES are the names that, when a quota tracks them, every container must set (the pod evaluator's validationSet). */
export const COMPUTE_RESOURCES = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** LEGACY_COUNTS are the object counts quota knows by their bare plural as well as `count/<plural>`. */
const LEGACY_COUNTS = ['pods', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers'];

/**
 * isTerminalPod is why finished pods free their quota: QuotaV1Pod counts a pod only while it is not
 * Succeeded or Failed.
 */
export function isTerminalPod(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

type Resources = Record<string, string | number>;

function requestsOf(c: Container): Resources {
  return (c.resources?.requests ?? {}) as Resources;
}

function limitsOf(c: Container): Resources {
  return (c.resources?.limits ?? {}) as Resources;
}

/** podTotals is resourcehelper.PodRequests/PodLimits: the containers' sum, or the largest init container if bigger. */
function podTotals(pod: Pod, pick: (c: Container) => Resources): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) {
    for (const [name, value] of Object.entries(pick(c))) addTo(total, name, amountOf(value));
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [name, value] of Object.entries(pick(c))) {
      const amount = amountOf(value);
      if (amount.milli > (total.get(name)?.milli ?? 0)) total.set(name, amount);
    }
  }
  return total;
}

/** computeUsage is podComputeUsageHelper: cpu and memory requests count under both `cpu` and `requests.cpu`. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const usage: ResourceList = new Map();
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(name);
    if (request) {
      if (name !== 'ephemeral-storage') usage.set(name, request);
      usage.set(`requests.${name}`, request);
    }
    const limit = limits.get(name);
    if (limit) usage.set(`limits.${name}`, limit);
  }
  return usage;
}

/** podUsage is the pod evaluator's Usage: one pod and its compute, nothing once it has finished. */
export function podUsage(pod: Pod): ResourceList {
  if (isTerminalPod(pod)) return new Map();
  const usage = computeUsage(podTotals(pod, requestsOf), podTotals(pod, limitsOf));
  usage.set('pods', count(1));
  usage.set('count/pods', count(1));
  return usage;
}

/** missingCompute is enforcePodContainerConstraints: which required compute names a container leaves unset. */
export function missingCompute(container: Container, required: readonly string[]): string[] {
  const set = computeUsage(
    new Map(Object.entries(requestsOf(container)).map(([k, v]) => [k, amountOf(v)])),
    new Map(Object.entries(limitsOf(container)).map(([k, v]) => [k, amountOf(v)])),
  );
  return required.filter((name) => !set.has(name));
}

/**
 * podConstraintError is the pod evaluator's Constraints: a quota on cpu or memory makes every container
 * name it explicitly (a backward-compatibility rule that predates QoS), e.g.
 * `must specify limits.cpu for: app; limits.memory for: app`.
 */
export function podConstraintError(pod: Pod, hard: readonly string[]): string | undefined {
  const required = hard.filter((name) => COMPUTE_RESOURCES.includes(name));
  if (required.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const name of missingCompute(c, required)) {
      const names = missing.get(name) ?? new Set<string>();
      names.add(c.name);
      missing.set(name, names);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()]
    .sort()
    .map((name) => `${name} for: ${[...(missing.get(name) ?? [])].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

function serviceUsage(service: Service): ResourceList {
  const usage: ResourceList = new Map([
    ['services', count(1)],
    ['count/services', count(1)],
  ]);
  const type = service.spec?.type ?? 'ClusterIP';
  if (type === 'LoadBalancer') usage.set('services.loadbalancers', count(1));
  if (type === 'NodePort' || type === 'LoadBalancer') {
    usage.set('services.nodeports', count((service.spec?.ports ?? []).length));
  }
  return usage;
}

function claimUsage(claim: PersistentVolumeClaim): ResourceList {
  const storage = amountOf(claim.spec?.resources?.requests?.storage as string | undefined);
  const usage: ResourceList = new Map([
    ['persistentvolumeclaims', count(1)],
    ['count/persistentvolumeclaims', count(1)],
    ['requests.storage', storage],
  ]);
  const className = claim.spec?.storageClassName;
  if (className) {
    usage.set(`${className}.storageclass.storage.k8s.io/persistentvolumeclaims`, count(1));
    usage.set(`${className}.storageclass.storage.k8s.io/requests.storage`, storage);
  }
  return usage;
}

/**
 * objectUsage is the registry of evaluators: pods, services and claims have their own, every other
 * kind is an object count `count/<resource>.<group>` (and core kinds also by their bare plural).
 */
export function objectUsage(storeKey: string, object: KubeObject): ResourceList {
  if (storeKey === 'pods') return podUsage(object as unknown as Pod);
  if (storeKey === 'services') return serviceUsage(object as unknown as Service);
  if (storeKey === 'persistentvolumeclaims') return claimUsage(object as unknown as PersistentVolumeClaim);
  const usage: ResourceList = new Map([[`count/${storeKey}`, count(1)]]);
  if (LEGACY_COUNTS.includes(storeKey)) usage.set(storeKey, count(1));
  return usage;
}

/** storeKeyFor is which collection a quota resource name counts: `requests.cpu` → pods, `count/deployments.apps` → deployments.apps. */
export function storeKeyFor(resourceName: string): string | undefined {
  if (resourceName.startsWith('count/')) return resourceName.slice('count/'.length);
  if (LEGACY_COUNTS.includes(resourceName)) return resourceName;
  if (COMPUTE_RESOURCES.includes(resourceName) || /^(requests|limits)\.ephemeral-storage$/.test(resourceName)) {
    return 'pods';
  }
  if (resourceName.startsWith('services.')) return 'services';
  if (resourceName === 'requests.storage' || resourceName.includes('.storageclass.storage.k8s.io/')) {
    return 'persistentvolumeclaims';
  }
  return undefined;
}

/** namespaceUsage sums what a namespace uses of the given quota resources, as the quota controller recalculates it. */
export function namespaceUsage(store: ObjectStore, namespace: string, names: readonly string[]): ResourceList {
  const used: ResourceList = new Map(names.map((name) => [name, count(0)]));
  const keys = new Set(names.map(storeKeyFor).filter((k) => k !== undefined));
  for (const key of [...keys].sort()) {
    for (const object of store.list(key, namespace)) {
      for (const [name, amount] of objectUsage(key, object)) if (used.has(name)) addTo(used, name, amount);
    }
  }
  return used;
}

/** prettyPrint is the admission plugin's `requests.cpu=2,requests.memory=1Gi`, sorted by name. */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort()
    .map((name) => `${name}=${amountText(list.get(name) ?? count(0))}`)
    .join(',');
}
