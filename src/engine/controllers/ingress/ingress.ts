import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Clock } from '../../clock/clock.ts';
import type { EventRecorder } from '../../events.ts';
import { handles, readyControllers, type IngressControllerConfig } from '../../network/ingress-controller.ts';
import { isIPv4 } from '../../network/ip.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';

const NAME = 'ingress-nginx-controller';
const INGRESSES = 'ingresses.networking.k8s.io';
/** STATUS_DELAY_MS is how long after a sync the controller publishes the address in status. */
export const STATUS_DELAY_MS = 10_000;

type LoadBalancerIngress = { ip: string } | { hostname: string };

/**
 * publishedAddresses is what ingress-nginx writes into Ingress status: --publish-status-address if
 * given, else the load-balancer addresses of --publish-service, else the InternalIPs of the nodes
 * running ready controller pods.
 */
export function publishedAddresses(
  server: ApiServer,
  controllers: { pod: Pod; config: IngressControllerConfig }[],
): LoadBalancerIngress[] {
  const values = new Set<string>();
  for (const { pod, config } of controllers) {
    if (config.publishStatusAddress) {
      for (const a of config.publishStatusAddress.split(',')) if (a.trim()) values.add(a.trim());
      continue;
    }
    if (config.publishService) {
      const [namespace = '', name = ''] = config.publishService.split('/');
      const service = server.store.get('services', namespace, name) as unknown as Service | undefined;
      const lb = (service?.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
      const external = service?.spec?.externalIPs ?? [];
      if (lb.length || external.length) {
        for (const a of [...lb, ...external]) values.add(a);
        continue;
      }
      if (service?.spec?.type === 'LoadBalancer') continue;
    }
    const node = server.store.get('nodes', '', pod.spec?.nodeName ?? '') as unknown as Node | undefined;
    const ip = (node?.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address;
    if (ip) values.add(ip);
  }
  return [...values].sort().map((v) => (isIPv4(v) ? { ip: v } : { hostname: v }));
}

/**
 * IngressStatusController is the control-plane half of ingress-nginx: while a ready controller
 * serves an Ingress's class it reports `Sync  Scheduled for sync` and, shortly after, publishes its
 * address in status.loadBalancer (the ADDRESS column); when no controller serves it any more the
 * address is cleared, as the controller does on shutdown.
 */
export class IngressStatusController implements Controller {
  readonly name = NAME;
  private queue = new Set<string>();
  private synced = new Map<string, number>();
  /** due holds the ingresses whose first status publication delay has passed */
  private due = new Set<string>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {
    this.request = controllerClient(server, 'ingress-nginx');
  }

  observe(change: StoredChange): void {
    switch (change.resource) {
      case INGRESSES:
        if (change.type === 'DELETED') {
          this.synced.delete(change.object.metadata.uid ?? '');
          this.due.delete(change.object.metadata.uid ?? '');
        } else this.queue.add(`${change.object.metadata.namespace ?? ''}/${change.object.metadata.name ?? ''}`);
        return;
      case 'pods':
      case 'services':
      case 'ingressclasses.networking.k8s.io':
        if (change.resource === 'pods' && !this.relevantPod(change)) return;
        for (const object of this.server.store.list(INGRESSES))
          this.queue.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
        return;
    }
  }

  private relevantPod(change: StoredChange): boolean {
    const ready = (o: KubeObject | undefined) =>
      ((o?.status as Pod['status'])?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    const labels = change.object.metadata.labels ?? {};
    const image = JSON.stringify((change.object.spec as Pod['spec'])?.containers?.map((c) => c.image) ?? []);
    const looksLikeController =
      labels['app.kubernetes.io/name'] === 'ingress-nginx' || image.includes('ingress-nginx/controller');
    return looksLikeController && (ready(change.object) !== ready(change.previous) || change.type === 'DELETED');
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const keys = [...this.queue];
    this.queue.clear();
    const controllers = readyControllers(this.server.store);
    for (const key of keys) {
      const [namespace = '', name = ''] = key.split('/');
      const ingress = this.server.store.get(INGRESSES, namespace, name) as unknown as Ingress | undefined;
      if (!ingress || ingress.metadata?.deletionTimestamp) continue;
      const serving = controllers.filter((c) => handles(this.server.store, c.config, ingress));
      const uid = ingress.metadata?.uid ?? '';
      if (serving.length === 0) {
        this.synced.delete(uid);
        if ((ingress.status?.loadBalancer?.ingress ?? []).length > 0) this.writeStatus(ingress, []);
        continue;
      }
      const generation = ingress.metadata?.generation ?? 1;
      if (this.synced.get(uid) !== generation) {
        this.synced.set(uid, generation);
        this.events.record(
          ingress as unknown as KubeObject,
          { component: 'nginx-ingress-controller' },
          {
            type: 'Normal',
            reason: 'Sync',
            message: 'Scheduled for sync',
          },
        );
        if (!this.due.has(uid) && (ingress.status?.loadBalancer?.ingress ?? []).length === 0) {
          this.clock.schedule(this.clock.now + STATUS_DELAY_MS, timerType(NAME), `${key}|${uid}`);
          continue;
        }
      }
      if (this.due.has(uid) || (ingress.status?.loadBalancer?.ingress ?? []).length > 0) this.publish(ingress, serving);
    }
  }

  handleTimer(ref: string): void {
    const [key = '', uid = ''] = ref.split('|');
    const [namespace = '', name = ''] = key.split('/');
    const ingress = this.server.store.get(INGRESSES, namespace, name) as unknown as Ingress | undefined;
    if (!ingress || ingress.metadata?.uid !== uid) return;
    this.due.add(uid);
    const serving = readyControllers(this.server.store).filter((c) => handles(this.server.store, c.config, ingress));
    if (serving.length > 0) this.publish(ingress, serving);
  }

  rebuild(): void {
    this.synced.clear();
    this.due.clear();
    for (const object of this.server.store.list(INGRESSES)) {
      this.synced.set(object.metadata.uid ?? '', object.metadata.generation ?? 1);
      this.due.add(object.metadata.uid ?? '');
    }
  }

  private publish(ingress: Ingress, serving: { pod: Pod; config: IngressControllerConfig }[]): void {
    const addresses = publishedAddresses(this.server, serving);
    if (JSON.stringify(ingress.status?.loadBalancer?.ingress ?? []) === JSON.stringify(addresses)) return;
    this.writeStatus(ingress, addresses);
  }

  private writeStatus(ingress: Ingress, addresses: LoadBalancerIngress[]): void {
    this.request({
      verb: 'PUT',
      path: `/apis/networking.k8s.io/v1/namespaces/${ingress.metadata?.namespace ?? ''}/ingresses/${ingress.metadata?.name ?? ''}/status`,
      body: { ...ingress, status: { loadBalancer: addresses.length ? { ingress: addresses } : {} } },
    });
  }
}
