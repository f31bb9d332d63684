import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Endpoints,
  Node,
  Pod,
  Service,
} from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import { rfc3339 } from '../../clock/clock.ts';
import type { Clock } from '../../clock/clock.ts';
import { controllerClient, type Controller } from '../controller.ts';
import {
  compareText,
  endpointHostname,
  findPort,
  HEADLESS_LABEL,
  isPodReady,
  serviceKeysForPod,
  servicePods,
  shouldPodBeInEndpoints,
  TRIGGER_TIME_ANNOTATION,
} from './pods.ts';

/** MANAGED_BY_LABEL marks the Endpoints the controller owns (pkg/controller/endpoint LabelManagedBy). */
export const MANAGED_BY_LABEL = 'endpoints.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpoint-controller';

/** API_SERVER_PORT is where kube-apiserver listens on the control-plane node. */
const API_SERVER_PORT = 6443;

/**
 * desiredSubsets is the heart of syncService: ready pods go to `addresses`, the others to
 * `notReadyAddresses`, each with its nodeName and targetRef, and ports resolved from (named)
 * targetPorts; subsets are repacked by port set with addresses sorted by IP.
 */
export function desiredSubsets(service: Service, pods: Pod[]): EndpointSubset[] {
  const tolerateUnready = service.spec?.publishNotReadyAddresses === true;
  const servicePorts = service.spec?.ports ?? [];
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  const add = (ports: EndpointPort[], address: EndpointAddress, ready: boolean) => {
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, ready: [], notReady: [] }));
    (ready ? group.ready : group.notReady).push(address);
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const hostname = endpointHostname(pod, service);
    const address: EndpointAddress = {
      ip: pod.status?.podIP ?? '',
      ...(hostname ? { hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        uid: pod.metadata?.uid ?? '',
      },
    };
    const ready = tolerateUnready || isPodReady(pod);
    if (servicePorts.length === 0) {
      if (service.spec?.clusterIP === 'None') add([], address, ready);
      continue;
    }
    const ports: EndpointPort[] = [];
    for (const servicePort of servicePorts) {
      const port = findPort(pod, servicePort);
      if (port === undefined) continue;
      ports.push({
        ...(servicePort.name ? { name: servicePort.name } : {}),
        port,
        protocol: servicePort.protocol ?? 'TCP',
        ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
      });
    }
    if (ports.length > 0) add(ports, address, ready);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) =>
    compareText(a.ip, b.ip) || compareText(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
  return [...groups.values()].map((g) => ({
    ...(g.ready.length ? { addresses: g.ready.sort(byIp) } : {}),
    ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
}

/** apiServerAddress is the control-plane node's InternalIP, where the `kubernetes` Service points. */
export function apiServerAddress(nodes: Node[]): string {
  const controlPlane =
    nodes.find((n) => Object.hasOwn(n.metadata?.labels ?? {}, 'node-role.kubernetes.io/control-plane')) ?? nodes[0];
  return (controlPlane?.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
}

/**
 * EndpointsController keeps a v1 Endpoints object per selector Service (pkg/controller/endpoint),
 * and, as kube-apiserver's endpoint reconciler does, the `kubernetes` Service's Endpoints pointing
 * at the API server on the control-plane node.
 */
export class EndpointsController implements Controller {
  readonly name = CONTROLLER_NAME;
  private queue = new Set<string>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
  ) {
    this.request = controllerClient(server, 'endpoint-controller');
  }

  observe(change: StoredChange): void {
    const object = change.object;
    const key = `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
    switch (change.resource) {
      case 'services':
      case 'endpoints':
        this.queue.add(key);
        return;
      case 'pods':
        for (const k of serviceKeysForPod(this.server.store, [
          object as unknown as Pod,
          change.previous as unknown as Pod | undefined,
        ]))
          this.queue.add(k);
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
    const current = store.get('endpoints', namespace, name) as unknown as Endpoints | undefined;
    const path = `/api/v1/namespaces/${namespace}/endpoints`;
    if (namespace === 'default' && name === 'kubernetes') {
      if (service) this.syncApiServer(service, current, path);
      return;
    }
    if (!service || service.metadata?.deletionTimestamp) {
      if (current && current.metadata?.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME)
        this.request({ verb: 'DELETE', path: `${path}/${name}` });
      return;
    }
    if (!service.spec?.selector || service.spec.type === 'ExternalName') return;
    const subsets = desiredSubsets(service, servicePods(store, service));
    const labels: Record<string, string> = { ...(service.metadata?.labels ?? {}) };
    if (service.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
    if (
      current &&
      JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) &&
      JSON.stringify(current.metadata?.labels ?? {}) === JSON.stringify(labels)
    )
      return;
    const body = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace,
        labels,
        annotations: { ...(current?.metadata?.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: rfc3339(this.clock.now) },
        ...(current?.metadata?.resourceVersion ? { resourceVersion: current.metadata.resourceVersion } : {}),
      },
      ...(subsets.length ? { subsets } : {}),
    };
    if (current) this.request({ verb: 'PUT', path: `${path}/${name}`, body });
    else this.request({ verb: 'POST', path, body });
  }

  private syncApiServer(service: Service, current: Endpoints | undefined, path: string): void {
    const ip = apiServerAddress(this.server.store.list('nodes') as unknown as Node[]);
    const port = service.spec?.ports?.find((p) => p.name === 'https') ?? service.spec?.ports?.[0];
    const subsets: EndpointSubset[] = [
      {
        addresses: [{ ip }],
        ports: [{ name: port?.name ?? 'https', port: API_SERVER_PORT, protocol: 'TCP' }],
      },
    ];
    if (current && JSON.stringify(current.subsets) === JSON.stringify(subsets)) return;
    const body = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
        ...(current?.metadata?.resourceVersion ? { resourceVersion: current.metadata.resourceVersion } : {}),
      },
      subsets,
    };
    if (current) this.request({ verb: 'PUT', path: `${path}/kubernetes`, body });
    else this.request({ verb: 'POST', path, body });
  }
}
