import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { ObjectStore } from '../api/store.ts';
import type { PodRuntime } from '../kubelet/state.ts';
import type { HttpOutcome } from '../runtime/index.ts';
import { matchIngress, SSL_REDIRECT, tlsSecretFor } from './ingress.ts';
import type { Endpoint, HttpRequest, Network } from './network.ts';
import { nginxErrorPage, nginxHeaders } from './pages.ts';
import { hashText, routeService, type ServiceHit } from './services.ts';

/**
 * The ingress-nginx controller's data plane: a pod running the controller image answers on its
 * http/https ports by routing each request through the Ingresses of the classes it serves, to an
 * endpoint of the backend Service (ingress-nginx proxies to endpoints directly), with nginx's own
 * 308/404/502/503/504 pages where nginx itself answers.
 */
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
const CONTROLLER_IMAGE = /(^|\/)ingress-nginx\/controller(:|@|$)/;

export interface IngressControllerConfig {
  /** --controller-class: the IngressClass spec.controller this controller serves */
  controllerClass: string;
  /** --ingress-class: the class name it answers to in the legacy annotation */
  ingressClass: string;
  watchWithoutClass: boolean;
  publishService?: string | undefined;
  publishStatusAddress?: string | undefined;
  /** container ports that carry traffic (http and https) */
  ports: number[];
  httpsPorts: number[];
}

function flag(args: string[], name: string): string | undefined {
  for (const arg of args) {
    if (arg === `--${name}`) return 'true';
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** ingressControllerOf recognises an ingress-nginx controller pod (its image, or the chart's labels) and reads its flags. */
export function ingressControllerOf(pod: Pod | undefined): IngressControllerConfig | undefined {
  const labels = pod?.metadata?.labels ?? {};
  const byLabels =
    labels['app.kubernetes.io/name'] === 'ingress-nginx' && labels['app.kubernetes.io/component'] === 'controller';
  const containers = pod?.spec?.containers ?? [];
  const container =
    containers.find((c) => CONTROLLER_IMAGE.test((c.image ?? '').split('@')[0] ?? '')) ??
    (byLabels ? containers[0] : undefined);
  if (!container || !pod) return undefined;
  const args = [...(container.command ?? []), ...(container.args ?? [])];
  const namespace = pod.metadata?.namespace ?? '';
  const expand = (value: string | undefined) => value?.replace('$(POD_NAMESPACE)', namespace);
  const declared = container.ports ?? [];
  const named = (name: string, fallback: number) => declared.find((p) => p.name === name)?.containerPort ?? fallback;
  return {
    controllerClass: flag(args, 'controller-class') ?? INGRESS_NGINX_CONTROLLER,
    ingressClass: flag(args, 'ingress-class') ?? 'nginx',
    watchWithoutClass: flag(args, 'watch-ingress-without-class') === 'true',
    publishService: expand(flag(args, 'publish-service')),
    publishStatusAddress: flag(args, 'publish-status-address'),
    ports: [named('http', 80), named('https', 443)],
    httpsPorts: [named('https', 443)],
  };
}

/** handles tells whether a controller serves an Ingress: by IngressClass, legacy annotation, or (if asked) no class. */
export function handles(store: ObjectStore, config: IngressControllerConfig, ingress: Ingress): boolean {
  const className = ingress.spec?.ingressClassName;
  if (className) {
    const ingressClass = store.get('ingressclasses.networking.k8s.io', '', className) as unknown as
      IngressClass | undefined;
    return ingressClass?.spec?.controller === config.controllerClass;
  }
  const annotation = ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (annotation !== undefined) return annotation === config.ingressClass;
  return config.watchWithoutClass;
}

function page(now: number, status: number, extra: Record<string, string> = {}): HttpOutcome {
  const body = nginxErrorPage(status);
  return { ok: true, status, body, headers: nginxHeaders(now, body.length, extra) };
}

function header(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

/** serveIngress answers a request that reached an ingress controller pod. */
export function serveIngress(
  network: Network,
  config: IngressControllerConfig,
  controller: Endpoint & { runtime: PodRuntime; pod: Pod },
  client: Endpoint,
  port: number,
  request: HttpRequest,
): HttpOutcome {
  const store = network.store;
  const now = network.deps.clock.now;
  const https = config.httpsPorts.includes(port) || request.scheme === 'https';
  const host = header(request.headers, 'host') ?? controller.ip;
  const ingresses = (store.list('ingresses.networking.k8s.io') as unknown as Ingress[]).filter(
    (i) => !i.metadata?.deletionTimestamp && handles(store, config, i),
  );
  const requestId = hashText(`${now}|${client.ip}|${request.path}`).toString(16).padStart(8, '0').repeat(4);
  const log = (status: number, bytes: number, upstream: string, upstreamAddress = '-') => {
    const container = controller.runtime.containers.find((c) => c.kind === 'main');
    if (!container) return;
    const d = new Date(now);
    const month = d.toUTCString().split(' ')[2] ?? 'Jan';
    const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${month}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
    const upstreamPart = upstreamAddress === '-' ? '- - - -' : `${upstreamAddress} ${bytes} 0.001 ${status}`;
    container.logs.push({
      at: now,
      stream: 'stdout',
      text: `${client.ip} - - [${stamp}] "${request.method} ${request.path} HTTP/1.1" ${status} ${bytes} "-" "${header(request.headers, 'user-agent') ?? '-'}" ${request.path.length + 80} 0.001 [${upstream}] [] ${upstreamPart} ${requestId}`,
    });
  };
  const tls = tlsSecretFor(ingresses, host);
  if (!https && tls && tls.ingress.metadata?.annotations?.[SSL_REDIRECT] !== 'false') {
    log(308, 164, '-');
    return page(now, 308, { Location: `https://${host.replace(/:\d+$/, '')}${request.path}` });
  }
  const match = matchIngress(ingresses, host, request.path);
  if (match.kind === 'none' || !match.backend.service) {
    log(404, 146, 'upstream-default-backend');
    return page(now, match.kind === 'none' ? 404 : 503);
  }
  const namespace = match.ingress.metadata?.namespace ?? '';
  const backend = match.backend.service;
  const upstreamName = `${namespace}-${backend.name}-${backend.port?.number ?? backend.port?.name ?? ''}`;
  const service = store.get('services', namespace, backend.name) as unknown as Service | undefined;
  const servicePort = (service?.spec?.ports ?? []).find((p) =>
    backend.port?.name ? p.name === backend.port.name : p.port === backend.port?.number,
  );
  if (!service || !servicePort) {
    log(503, 190, upstreamName);
    return page(now, 503);
  }
  const hit: ServiceHit = { service, servicePort, via: 'clusterIP' };
  const route = routeService(store, hit, client.ip, controller.node, (n) => network.deps.random?.int(n) ?? 0);
  if (route.kind !== 'backend') {
    log(503, 190, upstreamName);
    return page(now, 503);
  }
  const connection = network.connect(controller, route.backend.ip, route.backend.port);
  const forwarded: HttpRequest = {
    ...request,
    path: match.upstreamPath,
    headers: {
      ...request.headers,
      'X-Request-ID': requestId,
      'X-Real-IP': client.ip,
      'X-Forwarded-For': client.ip,
      'X-Forwarded-Host': host.replace(/:\d+$/, ''),
      'X-Forwarded-Port': String(https ? 443 : 80),
      'X-Forwarded-Proto': https ? 'https' : 'http',
      'X-Forwarded-Scheme': https ? 'https' : 'http',
      'X-Scheme': https ? 'https' : 'http',
    },
  };
  const answer = network.send(controller, connection, forwarded);
  if (!answer.ok) {
    const status = answer.error === 'timeout' ? 504 : 502;
    log(status, 150, upstreamName);
    return page(now, status);
  }
  log(answer.status, answer.body.length, upstreamName, `${route.backend.ip}:${route.backend.port}`);
  return answer;
}

/** controllerPods lists ingress-nginx controller pods that are Ready, with their configuration. */
export function readyControllers(store: ObjectStore): { pod: Pod; config: IngressControllerConfig }[] {
  const out: { pod: Pod; config: IngressControllerConfig }[] = [];
  for (const object of store.list('pods')) {
    const pod = object as unknown as Pod;
    if (pod.metadata?.deletionTimestamp) continue;
    if (!(pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) continue;
    const config = ingressControllerOf(pod);
    if (config) out.push({ pod, config });
  }
  return out;
}
