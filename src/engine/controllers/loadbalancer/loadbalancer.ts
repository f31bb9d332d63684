import type { Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Clock } from '../../clock/clock.ts';
import type { EventRecorder } from '../../events.ts';
import { formatIPv4, parseIPv4 } from '../../network/ip.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';

/** LB_POOL is the address range the simulated cloud hands out, as MetalLB or cloud-provider-kind do on a kind network. */
export const LB_POOL_START = '172.18.255.200';
export const LB_POOL_END = '172.18.255.250';
/** PROVISION_MS is how long the simulated cloud takes to build a load balancer. */
export const PROVISION_MS = 2000;

const NAME = 'service-controller';

function isLoadBalancer(service: Service | undefined): boolean {
  return service?.spec?.type === 'LoadBalancer' && !service.metadata?.deletionTimestamp;
}

function assignedIPs(service: Service): string[] {
  return (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter(Boolean);
}

/** pickAddress takes the requested spec.loadBalancerIP when it is free, else the lowest free address of the pool. */
export function pickAddress(services: Service[], requested: string | undefined): string | undefined {
  const used = new Set(services.flatMap(assignedIPs));
  if (requested && !used.has(requested)) return requested;
  const start = parseIPv4(LB_POOL_START) ?? 0;
  const end = parseIPv4(LB_POOL_END) ?? 0;
  for (let ip = start; ip <= end; ip++) if (!used.has(formatIPv4(ip))) return formatIPv4(ip);
  return undefined;
}

/**
 * LoadBalancerController is the cloud part of kube-controller-manager's service controller
 * (staging/src/k8s.io/cloud-provider/controllers/service): a LoadBalancer Service gets the event
 * EnsuringLoadBalancer at once and, after the simulated cloud has built it, an address in
 * status.loadBalancer.ingress and EnsuredLoadBalancer. EXTERNAL-IP reads `<pending>` until then.
 */
export class LoadBalancerController implements Controller {
  readonly name = NAME;
  private queue = new Set<string>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {
    this.request = controllerClient(server, NAME);
  }

  observe(change: StoredChange): void {
    if (change.resource !== 'services') return;
    const now = change.object as unknown as Service;
    const before = change.previous as unknown as Service | undefined;
    const key = `${change.object.metadata.namespace ?? ''}/${change.object.metadata.name ?? ''}`;
    if (change.type === 'DELETED') return;
    const wasLB = isLoadBalancer(before);
    const isLB = isLoadBalancer(now);
    if (isLB && !wasLB && assignedIPs(now).length === 0) this.queue.add(`ensure|${key}`);
    else if (!isLB && assignedIPs(now).length > 0) this.queue.add(`delete|${key}`);
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const items = [...this.queue];
    this.queue.clear();
    for (const item of items) {
      const [action, key = ''] = item.split('|');
      const [namespace = '', name = ''] = key.split('/');
      const service = this.server.store.get('services', namespace, name) as unknown as Service | undefined;
      if (!service) continue;
      if (action === 'ensure' && isLoadBalancer(service)) {
        this.record(service, 'EnsuringLoadBalancer', 'Ensuring load balancer');
        this.clock.schedule(this.clock.now + PROVISION_MS, timerType(NAME), `${key}|${service.metadata?.uid ?? ''}`);
      } else if (action === 'delete' && !isLoadBalancer(service)) {
        this.record(service, 'DeletingLoadBalancer', 'Deleting load balancer');
        this.writeStatus(service, []);
        this.record(service, 'DeletedLoadBalancer', 'Deleted load balancer');
      }
    }
  }

  handleTimer(ref: string): void {
    const [key = '', uid = ''] = ref.split('|');
    const [namespace = '', name = ''] = key.split('/');
    const service = this.server.store.get('services', namespace, name) as unknown as Service | undefined;
    if (!service || service.metadata?.uid !== uid || !isLoadBalancer(service) || assignedIPs(service).length > 0)
      return;
    const all = this.server.store.list('services') as unknown as Service[];
    const ip = pickAddress(all, service.spec?.loadBalancerIP);
    if (!ip) {
      this.events.record(
        service as unknown as KubeObject,
        { component: NAME },
        {
          type: 'Warning',
          reason: 'SyncLoadBalancerFailed',
          message: 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the address pool',
        },
      );
      return;
    }
    this.writeStatus(service, [{ ip, ipMode: 'VIP' }]);
    this.record(service, 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  private record(service: Service, reason: string, message: string): void {
    this.events.record(service as unknown as KubeObject, { component: NAME }, { type: 'Normal', reason, message });
  }

  private writeStatus(service: Service, ingress: { ip: string; ipMode: string }[]): void {
    const namespace = service.metadata?.namespace ?? '';
    const name = service.metadata?.name ?? '';
    this.request({
      verb: 'PUT',
      path: `/api/v1/namespaces/${namespace}/services/${name}/status`,
      body: { ...service, status: { ...(service.status ?? {}), loadBalancer: ingress.length ? { ingress } : {} } },
    });
  }
}
