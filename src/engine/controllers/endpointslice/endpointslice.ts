import type { Endpoints, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { Clock } from '../../clock/clock.ts';
import { rfc3339 } from '../../clock/clock.ts';
import { controllerClient, type Controller } from '../controller.ts';
import { apiServerAddress, MANAGED_BY_LABEL as ENDPOINTS_MANAGED_BY } from '../endpoints/endpoints.ts';
import {
  compareText,
  endpointHostname,
  findPort,
  HEADLESS_LABEL,
  isPodReady,
  SERVICE_NAME_LABEL,
  serviceKeysForPod,
  servicePods,
  shouldPodBeInEndpoints,
  TRIGGER_TIME_ANNOTATION,
} from '../endpoints/pods.ts';

export const SLICE_MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const SLICES = 'endpointslices.discovery.k8s.io';
/** MAX_ENDPOINTS_PER_SLICE is kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

interface SliceGroup {
  ports: EndpointPort[];
  endpoints: Endpoint[];
}

/**
 * desiredSlices groups a Service's pods by the ports they resolve to: each endpoint carries the
 * ready / serving / terminating conditions (terminating pods stay, not ready, while they serve),
 * nodeName, targetRef and, for a pod whose subdomain is the Service, its hostname.
 */
export function desiredSlices(service: Service, pods: Pod[]): SliceGroup[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, SliceGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: EndpointPort[] = [];
    for (const servicePort of service.spec?.ports ?? []) {
      const port = findPort(pod, servicePort);
      if (port === undefined) continue;
      ports.push({
        name: servicePort.name ?? '',
        port,
        protocol: servicePort.protocol ?? 'TCP',
        ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
      });
    }
    if (ports.length === 0 && (service.spec?.ports ?? []).length > 0) continue;
    const terminating = pod.metadata?.deletionTimestamp !== undefined;
    const serving = publishNotReady || isPodReady(pod);
    const hostname = endpointHostname(pod, service);
    const endpoint: Endpoint = {
      addresses: [pod.status?.podIP ?? ''],
      conditions: { ready: serving && !terminating, serving, terminating },
      ...(hostname ? { hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        uid: pod.metadata?.uid ?? '',
      },
    };
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(endpoint);
  }
  const out: SliceGroup[] = [];
  for (const group of groups.values()) {
    group.endpoints.sort((a, b) => compareText(a.addresses[0] ?? '', b.addresses[0] ?? ''));
    for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
      out.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  return out;
}

/** mirroredSlices turns a user's Endpoints (for a Service without selector) into slices, one per subset. */
export function mirroredSlices(endpoints: Endpoints): SliceGroup[] {
  return (endpoints.subsets ?? []).map((subset) => ({
    ports: (subset.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: [
      ...(subset.addresses ?? []).map((a) => ({ a, ready: true })),
      ...(subset.notReadyAddresses ?? []).map((a) => ({ a, ready: false })),
    ].map(({ a, ready }) => ({
      addresses: [a.ip],
      conditions: { ready },
      ...(a.hostname ? { hostname: a.hostname } : {}),
      ...(a.nodeName ? { nodeName: a.nodeName } : {}),
      ...(a.targetRef ? { targetRef: a.targetRef } : {}),
    })),
  }));
}

/**
 * EndpointSliceController keeps discovery.k8s.io/v1 EndpointSlices for every selector Service
 * (staging/src/k8s.io/endpointslice reconciler), mirrors user-managed Endpoints of selector-less
 * Services (the mirroring controller), and writes the `kubernetes` slice as kube-apiserver does.
 * Slices are reused by name where they can be, as the reconciler's finalize step does.
 */
export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private queue = new Set<string>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
  ) {
    this.request = controllerClient(server, 'endpointslice-controller');
  }

  observe(change: StoredChange): void {
    const object = change.object;
    const namespace = object.metadata.namespace ?? '';
    switch (change.resource) {
      case 'services':
      case 'endpoints':
        this.queue.add(`${namespace}/${object.metadata.name ?? ''}`);
        return;
      case SLICES: {
        const service = object.metadata.labels?.[SERVICE_NAME_LABEL];
        if (service) this.queue.add(`${namespace}/${service}`);
        return;
      }
      case 'pods':
        for (const key of serviceKeysForPod(this.server.store, [
          object as unknown as Pod,
          change.previous as unknown as Pod | undefined,
        ]))
          this.queue.add(key);
        return;
      case 'nodes':
        this.queue.add('default/kubernetes');
        return;
    }
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      const [namespace = '', name = ''] = key.split('/');
      this.sync(namespace, name);
    }
  }

  rebuild(): void {
    for (const object of this.server.store.list('services'))
      this.queue.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
  }

  private sync(namespace: string, name: string): void {
    const store = this.server.store;
    const service = store.get('services', namespace, name) as unknown as Service | undefined;
    if (!service || service.metadata?.deletionTimestamp) return;
    if (namespace === 'default' && name === 'kubernetes') return this.syncApiServer(service);
    if (service.spec?.type === 'ExternalName') return this.reconcile(service, SLICE_CONTROLLER, undefined);
    if (service.spec?.selector) {
      this.reconcile(service, SLICE_CONTROLLER, desiredSlices(service, servicePods(store, service)));
      return;
    }
    const endpoints = store.get('endpoints', namespace, name) as unknown as Endpoints | undefined;
    const mirror =
      endpoints &&
      endpoints.metadata?.labels?.[ENDPOINTS_MANAGED_BY] === undefined &&
      endpoints.metadata?.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true';
    this.reconcile(service, MIRRORING_CONTROLLER, mirror ? mirroredSlices(endpoints) : undefined);
  }

  /** reconcile makes the Service's slices of one manager match the groups; undefined removes them all. */
  private reconcile(service: Service, manager: string, groups: SliceGroup[] | undefined): void {
    const namespace = service.metadata?.namespace ?? '';
    const name = service.metadata?.name ?? '';
    const path = `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`;
    const existing = (this.server.store.list(SLICES, namespace) as unknown as EndpointSlice[]).filter(
      (s) =>
        s.metadata?.labels?.[SERVICE_NAME_LABEL] === name && s.metadata?.labels?.[SLICE_MANAGED_BY_LABEL] === manager,
    );
    const wanted =
      groups === undefined ? [] : groups.length > 0 ? groups : manager === SLICE_CONTROLLER ? [placeholder()] : [];
    const labels = this.sliceLabels(service, manager);
    const unused = [...existing];
    const take = (group: SliceGroup): EndpointSlice | undefined => {
      const same = unused.findIndex((s) => JSON.stringify(s.ports ?? []) === JSON.stringify(group.ports));
      const index = same >= 0 ? same : unused.length > 0 ? 0 : -1;
      return index >= 0 ? unused.splice(index, 1)[0] : undefined;
    };
    const pairs = wanted.map((group) => ({ group, slice: undefined as EndpointSlice | undefined }));
    for (const pair of pairs) {
      const same = unused.findIndex((s) => JSON.stringify(s.ports ?? []) === JSON.stringify(pair.group.ports));
      if (same >= 0) pair.slice = unused.splice(same, 1)[0];
    }
    for (const pair of pairs) if (!pair.slice) pair.slice = take(pair.group);
    for (const { group, slice } of pairs) {
      const body: Record<string, unknown> = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          ...(slice ? { name: slice.metadata?.name } : {}),
          generateName: `${name}-`,
          namespace,
          labels,
          annotations: { [TRIGGER_TIME_ANNOTATION]: rfc3339(this.clock.now) },
          ownerReferences: [
            {
              apiVersion: 'v1',
              kind: 'Service',
              name,
              uid: service.metadata?.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        addressType: 'IPv4',
        endpoints: group.endpoints.length > 0 ? group.endpoints : null,
        ports: group.ports.length > 0 ? group.ports : null,
      };
      if (!slice) {
        this.request({ verb: 'POST', path, body });
        continue;
      }
      const unchanged =
        JSON.stringify(slice.endpoints ?? null) === JSON.stringify(body.endpoints) &&
        JSON.stringify(slice.ports ?? null) === JSON.stringify(body.ports) &&
        JSON.stringify(slice.metadata?.labels ?? {}) === JSON.stringify(labels);
      if (unchanged) continue;
      const metadata = body.metadata as Record<string, unknown>;
      metadata.resourceVersion = slice.metadata?.resourceVersion;
      this.request({ verb: 'PUT', path: `${path}/${slice.metadata?.name ?? ''}`, body });
    }
    for (const slice of unused) this.request({ verb: 'DELETE', path: `${path}/${slice.metadata?.name ?? ''}` });
  }

  private sliceLabels(service: Service, manager: string): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(service.metadata?.labels ?? {}))
      if (key !== SERVICE_NAME_LABEL && key !== SLICE_MANAGED_BY_LABEL) labels[key] = value;
    if (service.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    labels[SLICE_MANAGED_BY_LABEL] = manager;
    labels[SERVICE_NAME_LABEL] = service.metadata?.name ?? '';
    return labels;
  }

  private syncApiServer(service: Service): void {
    const ip = apiServerAddress(this.server.store.list('nodes') as unknown as Node[]);
    const current = this.server.store.get(SLICES, 'default', 'kubernetes') as unknown as EndpointSlice | undefined;
    const port = service.spec?.ports?.find((p) => p.name === 'https') ?? service.spec?.ports?.[0];
    const endpoints = [{ addresses: [ip], conditions: { ready: true } }];
    const ports = [{ name: port?.name ?? 'https', port: 6443, protocol: 'TCP' }];
    if (
      current &&
      JSON.stringify(current.endpoints) === JSON.stringify(endpoints) &&
      JSON.stringify(current.ports) === JSON.stringify(ports)
    )
      return;
    const body = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { [SERVICE_NAME_LABEL]: 'kubernetes' },
        ...(current?.metadata?.resourceVersion ? { resourceVersion: current.metadata.resourceVersion } : {}),
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    const path = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';
    if (current) this.request({ verb: 'PUT', path: `${path}/kubernetes`, body });
    else this.request({ verb: 'POST', path, body });
  }
}

function placeholder(): SliceGroup {
  return { ports: [], endpoints: [] };
}
