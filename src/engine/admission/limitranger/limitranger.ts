import type { Container, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { canonicalQuantity, scaledValue } from '../../api/quantity.ts';
import type { AdmissionPlugin } from '../../api/server.ts';
import type { ObjectStore } from '../../api/store.ts';
import { forbiddenBy } from '../resourcequota/admission.ts';

/** LIMIT_RANGER_ANNOTATION records which defaults the plugin filled in, so a learner can see why a pod has limits. */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type Resources = Record<string, string>;

function text(value: string | undefined): string {
  return value === undefined ? '' : (canonicalQuantity(value) ?? value);
}

function milli(value: string | undefined): number {
  return scaledValue(value, -3);
}

function sortedKeys(list: Resources | undefined): string[] {
  return Object.keys(list ?? {}).sort();
}

/**
 * defaultLimitRangeItem is SetDefaults_LimitRangeItem: for containers a missing default limit is the
 * max, a missing default request is the default limit, or else the min.
 */
export function defaultLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const defaults: Resources = { ...(item.default as Resources | undefined) };
  const requests: Resources = { ...(item.defaultRequest as Resources | undefined) };
  for (const [k, v] of Object.entries((item.max ?? {}) as Resources)) defaults[k] ??= v;
  for (const [k, v] of Object.entries(defaults)) requests[k] ??= v;
  for (const [k, v] of Object.entries((item.min ?? {}) as Resources)) requests[k] ??= v;
  if (Object.keys(defaults).length > 0) item.default = defaults;
  if (Object.keys(requests).length > 0) item.defaultRequest = requests;
}

/** minConstraint is limitranger's minConstraint, with its texts. */
export function minConstraint(
  limitType: string,
  resource: string,
  enforced: string,
  requests: Resources,
  limits: Resources,
): string | undefined {
  const request = requests[resource];
  const limit = limits[resource];
  if (request === undefined)
    return `minimum ${resource} usage per ${limitType} is ${text(enforced)}.  No request is specified`;
  if (milli(request) < milli(enforced))
    return `minimum ${resource} usage per ${limitType} is ${text(enforced)}, but request is ${text(request)}`;
  if (limit !== undefined && milli(limit) < milli(enforced))
    return `minimum ${resource} usage per ${limitType} is ${text(enforced)}, but limit is ${text(limit)}`;
  return undefined;
}

/** maxConstraint is limitranger's maxConstraint: the limit must be set and within max, and so must the request. */
export function maxConstraint(
  limitType: string,
  resource: string,
  enforced: string,
  requests: Resources,
  limits: Resources,
): string | undefined {
  const request = requests[resource];
  const limit = limits[resource];
  if (limit === undefined)
    return `maximum ${resource} usage per ${limitType} is ${text(enforced)}.  No limit is specified`;
  if (milli(limit) > milli(enforced))
    return `maximum ${resource} usage per ${limitType} is ${text(enforced)}, but limit is ${text(limit)}`;
  if (request !== undefined && milli(request) > milli(enforced))
    return `maximum ${resource} usage per ${limitType} is ${text(enforced)}, but request is ${text(request)}`;
  return undefined;
}

/** ratioConstraint is limitRequestRatioConstraint; the observed ratio prints as Go's %f. */
export function ratioConstraint(
  limitType: string,
  resource: string,
  enforced: string,
  requests: Resources,
  limits: Resources,
): string | undefined {
  const request = milli(requests[resource]);
  const limit = milli(limits[resource]);
  const head = `${resource} max limit to request ratio per ${limitType} is ${text(enforced)}`;
  if (request === 0) return `${head}, but no request is specified or request is 0`;
  if (limit === 0) return `${head}, but no limit is specified or limit is 0`;
  const ratio = limit / request;
  if (ratio * 1000 > milli(enforced)) return `${head}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

function checkItem(item: LimitRangeItem, limitType: string, requests: Resources, limits: Resources): string[] {
  const errors: string[] = [];
  const push = (e: string | undefined) => {
    if (e !== undefined) errors.push(e);
  };
  const min = (item.min ?? {}) as Resources;
  const max = (item.max ?? {}) as Resources;
  const ratio = (item.maxLimitRequestRatio ?? {}) as Resources;
  for (const k of sortedKeys(min)) push(minConstraint(limitType, k, min[k] ?? '', requests, limits));
  for (const k of sortedKeys(max)) push(maxConstraint(limitType, k, max[k] ?? '', requests, limits));
  for (const k of sortedKeys(ratio)) push(ratioConstraint(limitType, k, ratio[k] ?? '', requests, limits));
  return errors;
}

function requestsOf(c: Container): Resources {
  return (c.resources?.requests ?? {}) as Resources;
}

function limitsOf(c: Container): Resources {
  return (c.resources?.limits ?? {}) as Resources;
}

/** podTotal sums the containers' values, or takes the largest init container's if that is bigger. */
function podTotal(pod: Pod, pick: (c: Container) => Resources): Resources {
  const sums = new Map<string, number>();
  for (const c of pod.spec?.containers ?? []) {
    for (const [k, v] of Object.entries(pick(c))) sums.set(k, (sums.get(k) ?? 0) + milli(v));
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries(pick(c))) if (milli(v) > (sums.get(k) ?? 0)) sums.set(k, milli(v));
  }
  return Object.fromEntries([...sums].map(([k, m]) => [k, m % 1000 === 0 ? String(m / 1000) : `${m}m`]));
}

/** validatePod is PodValidateLimitFunc: each container against Container items, the pod's totals against Pod items. */
export function validatePod(range: LimitRange, pod: Pod): string[] {
  const errors: string[] = [];
  for (const item of range.spec?.limits ?? []) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        errors.push(...checkItem(item, 'Container', requestsOf(c), limitsOf(c)));
      }
    } else if (item.type === 'Pod') {
      errors.push(...checkItem(item, 'Pod', podTotal(pod, requestsOf), podTotal(pod, limitsOf)));
    }
  }
  return errors;
}

/** validateClaim is PersistentVolumeClaimValidateLimitFunc: the requested storage within min and max. */
export function validateClaim(range: LimitRange, claim: PersistentVolumeClaim): string[] {
  const errors: string[] = [];
  const requests = (claim.spec?.resources?.requests ?? {}) as Resources;
  for (const item of range.spec?.limits ?? []) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    const min = (item.min ?? {}) as Resources;
    const max = (item.max ?? {}) as Resources;
    for (const k of sortedKeys(min)) {
      const e = minConstraint('PersistentVolumeClaim', k, min[k] ?? '', requests, {});
      if (e) errors.push(e);
    }
    for (const k of sortedKeys(max)) {
      const request = requests[k];
      const enforced = max[k] ?? '';
      if (request === undefined)
        errors.push(`maximum ${k} usage per PersistentVolumeClaim is ${text(enforced)}.  No request is specified`);
      else if (milli(request) > milli(enforced))
        errors.push(
          `maximum ${k} usage per PersistentVolumeClaim is ${text(enforced)}, but request is ${text(request)}`,
        );
    }
  }
  return errors;
}

/**
 * applyDefaults is mergePodResourceRequirements: each container gets the Container item's default
 * limits and default requests it does not set, and the pod is annotated with what was set, e.g.
 * `LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app`.
 */
export function applyContainerDefaults(range: LimitRange, pod: Pod): void {
  const defaults: Resources = {};
  const defaultRequests: Resources = {};
  for (const item of range.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(defaultRequests, item.defaultRequest ?? {});
    Object.assign(defaults, item.default ?? {});
  }
  if (Object.keys(defaults).length === 0 && Object.keys(defaultRequests).length === 0) return;
  const notes: string[] = [];
  const merge = (c: Container, prefix: string) => {
    const resources = (c.resources ??= {});
    const limits = { ...(resources.limits as Resources | undefined) };
    const requests = { ...(resources.requests as Resources | undefined) };
    const setLimits = sortedKeys(defaults).filter((k) => limits[k] === undefined);
    const setRequests = sortedKeys(defaultRequests).filter((k) => requests[k] === undefined);
    for (const k of setLimits) limits[k] = defaults[k] ?? '';
    for (const k of setRequests) requests[k] = defaultRequests[k] ?? '';
    if (Object.keys(limits).length > 0) resources.limits = limits;
    if (Object.keys(requests).length > 0) resources.requests = requests;
    if (setRequests.length > 0) notes.push(`${setRequests.join(', ')} request for ${prefix} ${c.name}`);
    if (setLimits.length > 0) notes.push(`${setLimits.join(', ')} limit for ${prefix} ${c.name}`);
  };
  for (const c of pod.spec?.containers ?? []) merge(c, 'container');
  for (const c of pod.spec?.initContainers ?? []) merge(c, 'init container');
  if (notes.length === 0) return;
  pod.metadata ??= {};
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`,
  };
}

/** aggregateText is utilerrors.Aggregate's Error(): one message alone, several deduplicated in brackets. */
export function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}

/**
 * limitRanger is the LimitRanger admission plugin (plugin/pkg/admission/limitranger): it fills the
 * defaults of a namespace's LimitRanges into new pods, then refuses pods and claims outside their
 * min, max and limit/request ratio. It also defaults LimitRange items as the API server does.
 */
export function limitRanger(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'LimitRanger',
    admit(operation, type, object) {
      if (operation === 'DELETE') return;
      if (type.kind === 'LimitRange') {
        for (const item of (object as unknown as LimitRange).spec?.limits ?? []) defaultLimitRangeItem(item);
        return;
      }
      if (operation !== 'CREATE' || (type.kind !== 'Pod' && type.kind !== 'PersistentVolumeClaim')) return;
      const ranges = store.list('limitranges', object.metadata.namespace ?? '') as unknown as LimitRange[];
      const live = ranges.filter((r) => !r.metadata?.deletionTimestamp);
      if (live.length === 0) return;
      const errors: string[] = [];
      if (type.kind === 'Pod') {
        const pod = object as unknown as Pod;
        for (const range of live) applyContainerDefaults(range, pod);
        for (const range of live) errors.push(...validatePod(range, pod));
      } else {
        for (const range of live) errors.push(...validateClaim(range, object as unknown as PersistentVolumeClaim));
      }
      if (errors.length > 0) throw forbiddenBy(type.group, type.plural, object, aggregateText(errors));
    },
  };
}
