import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../api/store.ts';

/**
 * What the endpoints and EndpointSlice controllers share (pkg/api/v1/pod, pkg/controller/util/endpoint,
 * staging/src/k8s.io/endpointslice/util): which pods a Service selects, whether they belong in its
 * endpoints, whether they are ready, and which container port a Service port's targetPort names.
 */

/** selectorMatchesLabels is labels.SelectorFromSet: every key=value of a Service selector must be present. */
export function serviceSelects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [key, value] of Object.entries(selector)) if (labels?.[key] !== value) return false;
  return true;
}

/** servicePods lists the pods of a Service's namespace its selector picks, in store order. */
export function servicePods(store: ObjectStore, service: Service): Pod[] {
  const selector = service.spec?.selector;
  if (!selector) return [];
  return (store.list('pods', service.metadata?.namespace ?? '') as unknown as Pod[]).filter((pod) =>
    serviceSelects(selector, pod.metadata?.labels),
  );
}

/** isPodReady is podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * shouldPodBeInEndpoints is endpointsliceutil.ShouldPodBeInEndpoints: pods that finished (phase
 * Succeeded or Failed), have no IP yet, or (unless terminating pods are included) are being deleted,
 * stay out.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/**
 * findPort is podutil.FindPort: a numeric targetPort is used as is; a named one is looked up among
 * the pod's container ports by name and protocol. Undefined means the pod does not serve this port.
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const container of pod.spec?.containers ?? [])
    for (const port of container.ports ?? [])
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  return undefined;
}

/** endpointHostname is the DNS hostname an endpoint gets: the pod's hostname when its subdomain is this Service. */
export function endpointHostname(pod: Pod, service: Service): string | undefined {
  const hostname = pod.spec?.hostname;
  if (!hostname) return undefined;
  if (pod.spec?.subdomain !== service.metadata?.name) return undefined;
  if (pod.metadata?.namespace !== service.metadata?.namespace) return undefined;
  return hostname;
}

/** SERVICE_NAME_LABEL is discovery.k8s.io's link from an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

/** serviceKeysForPod lists the `namespace/name` of every Service (old or new labels) whose selector picks a pod. */
export function serviceKeysForPod(store: ObjectStore, pods: (Pod | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const pod of pods) {
    if (!pod) continue;
    const namespace = pod.metadata?.namespace ?? '';
    for (const object of store.list('services', namespace)) {
      const service = object as unknown as Service;
      const selector = service.spec?.selector;
      if (selector && serviceSelects(selector, pod.metadata?.labels))
        keys.add(`${namespace}/${service.metadata?.name ?? ''}`);
    }
  }
  return [...keys];
}

/** ipLess orders addresses as the controllers do: by the IP text, then by the pod's uid. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
