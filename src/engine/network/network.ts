import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ApiServer } from '../api/server.ts';
import type { Clock } from '../clock/clock.ts';
import type { ContainerRuntime, KubeletState, PodRuntime } from '../kubelet/state.ts';
import type { SeededRandom } from '../random.ts';
import {
  ContainerFileSystem,
  httpGet,
  newDirectory,
  tcpOpen,
  type ContainerContext,
  type HttpOutcome,
  type LogLine,
  type NetworkAccess,
} from '../runtime/index.ts';
import { apiServerAnswer } from './apiserver.ts';
import { resolveName } from './dns.ts';
import { ingressControllerOf, serveIngress } from './ingress-controller.ts';
import { evaluate, type Peer } from './policy.ts';
import { findService, nodeAddresses, routeService, type ServiceHit } from './services.ts';

/**
 * Network is the cluster's data plane for simulated processes: it resolves names through cluster
 * DNS, translates Service addresses as kube-proxy does, applies NetworkPolicy, and hands the
 * request to the process listening in the destination container (or to the ingress controller or
 * the API server when that is what answers there). Everything it reads is the API store and the
 * kubelet's runtime state; the only thing it writes is access-log lines into containers' logs.
 */
export interface NetworkDeps {
  server: ApiServer;
  clock: Clock;
  kubeletState: KubeletState;
  /** random picks among a Service's endpoints (iptables' statistic match); round-robin without it */
  random?: SeededRandom | undefined;
  /** the kubelet's view of a container (env, filesystem with mounts), so servers answer from their volumes */
  containerContext?: ((pod: PodRuntime, container: ContainerRuntime) => ContainerContext | undefined) | undefined;
}

/** NetworkSource is who opens the connection: a pod, or the outside world (the Docker host). */
export interface NetworkSource {
  namespace: string;
  podName: string;
  podIP: string;
}

/** OUTSIDE_IP is the Docker network's gateway, where traffic from the host appears to come from. */
export const OUTSIDE_IP = '172.18.0.1';
const MAX_HOPS = 8;

export interface Endpoint {
  ip: string;
  pod?: Pod | undefined;
  runtime?: PodRuntime | undefined;
  node?: string | undefined;
  namespace?: string | undefined;
}

export type Connection =
  | { kind: 'pod'; target: Endpoint & { runtime: PodRuntime; pod: Pod }; port: number; hit?: ServiceHit | undefined }
  | { kind: 'apiserver'; ip: string; port: number }
  | { kind: 'refused'; ip: string }
  | { kind: 'timeout'; ip: string; reason: string };

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  scheme: 'http' | 'https';
  timeoutMs: number;
}

function parseUrl(url: string): { scheme: 'http' | 'https'; host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+|\[[^\]]+\])(?::(\d+))?([/?#].*)?$/i.exec(url);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  return { scheme, host: m[2], port, path: path.startsWith('/') ? path : `/${path}` };
}

export class Network {
  private hops = 0;
  private roundRobin = new Map<string, number>();

  constructor(readonly deps: NetworkDeps) {}

  get store() {
    return this.deps.server.store;
  }

  /** access is the NetworkAccess a container of the source pod uses. */
  access(source: NetworkSource): NetworkAccess {
    return {
      http: (url, options) => this.http(this.sourceEndpoint(source), url, options),
      resolve: (host) => this.resolve(this.sourceEndpoint(source), host),
      tcp: (host, port, options) => this.tcp(this.sourceEndpoint(source), host, port, options.timeoutMs),
    };
  }

  /** outside is the network as the Docker host sees it: node IPs, NodePorts, load-balancer IPs, no cluster DNS. */
  outside(): NetworkAccess {
    const source: Endpoint = { ip: OUTSIDE_IP };
    return {
      http: (url, options) => this.http(source, url, options),
      resolve: (host) => this.resolve(source, host),
      tcp: (host, port, options) => this.tcp(source, host, port, options.timeoutMs),
    };
  }

  sourceEndpoint(source: NetworkSource): Endpoint {
    const pod = this.store.get('pods', source.namespace, source.podName) as unknown as Pod | undefined;
    return {
      ip: source.podIP || pod?.status?.podIP || '',
      pod,
      node: pod?.spec?.nodeName,
      namespace: source.namespace,
    };
  }

  resolve(source: Endpoint, host: string): string | undefined {
    if (source.namespace === undefined) return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : undefined;
    if (!this.dnsReachable(source)) return undefined;
    return resolveName(this.store, host, source.namespace)?.ips[0];
  }

  http(
    source: Endpoint,
    url: string,
    options: { timeoutMs: number; method?: string; headers?: Record<string, string> },
  ): HttpOutcome {
    const target = parseUrl(url);
    if (!target) return { ok: false, error: 'unresolved', message: `bad address '${url}'` };
    const ip = this.resolve(source, target.host);
    if (!ip) return { ok: false, error: 'unresolved', message: `bad address '${target.host}'` };
    if (this.hops >= MAX_HOPS) return { ok: false, error: 'timeout', message: 'download timed out' };
    this.hops++;
    try {
      const defaultPort = target.port === (target.scheme === 'https' ? 443 : 80);
      const given = options.headers ?? {};
      const headers: Record<string, string> = Object.keys(given).some((k) => k.toLowerCase() === 'host')
        ? { ...given }
        : { Host: defaultPort ? target.host : `${target.host}:${target.port}`, ...given };
      const request: HttpRequest = {
        method: options.method ?? 'GET',
        path: target.path,
        headers,
        scheme: target.scheme,
        timeoutMs: options.timeoutMs,
      };
      return this.send(source, this.connect(source, ip, target.port), request);
    } finally {
      this.hops--;
    }
  }

  tcp(source: Endpoint, host: string, port: number, _timeoutMs: number): 'open' | 'refused' | 'timeout' | 'unresolved' {
    const ip = this.resolve(source, host);
    if (!ip) return 'unresolved';
    const connection = this.connect(source, ip, port);
    switch (connection.kind) {
      case 'refused':
        return 'refused';
      case 'timeout':
        return 'timeout';
      case 'apiserver':
        return 'open';
      case 'pod': {
        if (ingressControllerOf(connection.target.pod)) return 'open';
        const open = connection.target.runtime.containers.some(
          (c) =>
            c.process !== undefined &&
            c.phase === 'running' &&
            tcpOpen(c.process, connection.port, this.deps.clock.now),
        );
        return open ? 'open' : 'refused';
      }
    }
  }

  /**
   * connect follows a connection to where it lands: Service addresses are translated to an
   * endpoint, node addresses lead to hostPorts, hostNetwork pods or the API server, pod addresses
   * to their pod; NetworkPolicy is checked against the final pod.
   */
  connect(source: Endpoint, ip: string, port: number): Connection {
    let destIp = ip;
    let destPort = port;
    let hit: ServiceHit | undefined;
    const service = findService(this.store, ip, port);
    if (service && 'kind' in service) return { kind: 'timeout', ip, reason: 'no such Service port' };
    if (service) {
      hit = service;
      const route = routeService(this.store, service, source.ip, source.node, (n, key) => this.pick(n, key));
      if (route.kind === 'reject') return { kind: 'refused', ip };
      if (route.kind === 'drop') return { kind: 'timeout', ip, reason: 'no local endpoint' };
      destIp = route.backend.ip;
      destPort = route.backend.port;
    }
    const node = nodeAddresses(this.store).find((n) => n.ip === destIp);
    if (node) {
      const viaHostPort = this.hostPortTarget(node.name, destPort);
      if (viaHostPort) {
        destIp = viaHostPort.ip;
        destPort = viaHostPort.port;
      } else {
        const hostPod = this.podsAt(destIp).find((p) => p.pod.spec?.hostNetwork && p.runtime.node === node.name);
        if (this.isApiServer(node.name, destPort)) return { kind: 'apiserver', ip: destIp, port: destPort };
        if (!hostPod) return { kind: 'refused', ip };
        return this.admit(source, { ...hostPod, ip: destIp, node: node.name }, destPort, hit, ip);
      }
    }
    const target = this.podsAt(destIp).find((p) => !p.pod.spec?.hostNetwork) ?? this.podsAt(destIp)[0];
    if (!target) return { kind: 'timeout', ip, reason: 'no route to host' };
    return this.admit(source, { ...target, ip: destIp, node: target.runtime.node }, destPort, hit, ip);
  }

  private admit(
    source: Endpoint,
    target: Endpoint & { runtime: PodRuntime; pod: Pod },
    port: number,
    hit: ServiceHit | undefined,
    dialed: string,
  ): Connection {
    const decision = evaluate(this.store.list('networkpolicies.networking.k8s.io') as unknown as NetworkPolicy[], {
      from: this.peer(source),
      to: this.peer(target),
      port,
    });
    if (!decision.allowed)
      return { kind: 'timeout', ip: dialed, reason: `denied by NetworkPolicy (${decision.direction})` };
    return { kind: 'pod', target, port, hit };
  }

  peer(endpoint: Endpoint): Peer {
    const namespace = endpoint.pod?.metadata?.namespace;
    const ns = namespace ? this.store.get('namespaces', '', namespace) : undefined;
    return { ip: endpoint.ip, pod: endpoint.pod, namespaceLabels: ns?.metadata.labels ?? {} };
  }

  /** podsAt lists running pods (from the kubelet's state) that own an address. */
  podsAt(ip: string): { runtime: PodRuntime; pod: Pod }[] {
    const out: { runtime: PodRuntime; pod: Pod }[] = [];
    for (const runtime of Object.values(this.deps.kubeletState.pods)) {
      if (runtime.ip !== ip || runtime.finished) continue;
      const pod = this.store.get('pods', runtime.namespace, runtime.name) as unknown as Pod | undefined;
      if (pod && pod.metadata?.uid === runtime.uid) out.push({ runtime, pod });
    }
    return out;
  }

  private hostPortTarget(nodeName: string, port: number): { ip: string; port: number } | undefined {
    for (const runtime of Object.values(this.deps.kubeletState.pods)) {
      if (runtime.node !== nodeName || !runtime.ip || runtime.finished) continue;
      const pod = this.store.get('pods', runtime.namespace, runtime.name) as unknown as Pod | undefined;
      if (!pod || pod.spec?.hostNetwork) continue;
      for (const container of pod.spec?.containers ?? [])
        for (const p of container.ports ?? [])
          if (p.hostPort === port && (p.protocol ?? 'TCP') === 'TCP') return { ip: runtime.ip, port: p.containerPort };
    }
    return undefined;
  }

  private isApiServer(nodeName: string, port: number): boolean {
    if (port !== 6443) return false;
    const node = this.store.get('nodes', '', nodeName) as unknown as Node | undefined;
    return Object.hasOwn(node?.metadata?.labels ?? {}, 'node-role.kubernetes.io/control-plane');
  }

  /** dnsReachable: a pod whose egress policies do not let it reach CoreDNS on port 53 cannot resolve names. */
  private dnsReachable(source: Endpoint): boolean {
    if (!source.pod) return true;
    const policies = this.store.list('networkpolicies.networking.k8s.io') as unknown as NetworkPolicy[];
    if (policies.length === 0) return true;
    const coredns = (this.store.list('pods', 'kube-system') as unknown as Pod[]).filter(
      (p) => p.metadata?.labels?.['k8s-app'] === 'kube-dns',
    );
    const targets: Peer[] = coredns.length
      ? coredns.map((pod) => ({
          ip: pod.status?.podIP ?? '',
          pod,
          namespaceLabels: this.store.get('namespaces', '', 'kube-system')?.metadata.labels ?? {},
        }))
      : [{ ip: '10.96.0.10' }];
    const from = this.peer(source);
    return targets.some((to) =>
      ['UDP', 'TCP'].some((protocol) => evaluate(policies, { from, to, port: 53, protocol }).allowed),
    );
  }

  private pick(n: number, key: string): number {
    if (this.deps.random) return this.deps.random.int(n);
    const next = this.roundRobin.get(key) ?? 0;
    this.roundRobin.set(key, next + 1);
    return next % n;
  }

  /** send delivers an HTTP request over a connection and returns what the client sees. */
  send(source: Endpoint, connection: Connection, request: HttpRequest): HttpOutcome {
    switch (connection.kind) {
      case 'refused':
        return {
          ok: false,
          error: 'refused',
          message: `can't connect to remote host (${connection.ip}): Connection refused`,
        };
      case 'timeout':
        return { ok: false, error: 'timeout', message: 'download timed out' };
      case 'apiserver':
        return apiServerAnswer(this.deps.server, request);
      case 'pod': {
        const controller = ingressControllerOf(connection.target.pod);
        if (controller && controller.ports.includes(connection.port))
          return serveIngress(this, controller, connection.target, source, connection.port, request);
        return this.deliver(source, connection.target, connection.port, request);
      }
    }
  }

  /** deliver hands a request to whichever container of the pod listens on the port. */
  deliver(
    source: Endpoint,
    target: Endpoint & { runtime: PodRuntime; pod: Pod },
    port: number,
    request: HttpRequest,
  ): HttpOutcome {
    const now = this.deps.clock.now;
    for (const container of target.runtime.containers) {
      if (!container.process || container.phase !== 'running') continue;
      const ctx = this.contextFor(target.runtime, container);
      const answer = httpGet(container.process, port, request.path, ctx, {
        method: request.method,
        headers: request.headers,
        remoteAddr: source.ip,
      });
      if (!answer.ok) {
        if (answer.error === 'reset') return { ok: false, error: 'refused', message: 'Connection reset by peer' };
        continue;
      }
      appendLogs(container, answer.logs, now);
      return { ok: true, status: answer.status, body: answer.body, headers: answer.headers };
    }
    return { ok: false, error: 'refused', message: `can't connect to remote host (${target.ip}): Connection refused` };
  }

  contextFor(runtime: PodRuntime, container: ContainerRuntime): ContainerContext {
    const built = this.deps.containerContext?.(runtime, container);
    if (built) return { ...built, podIP: built.podIP ?? runtime.ip };
    return {
      now: this.deps.clock.now,
      env: container.env ?? {},
      hostname: runtime.name,
      fs: new ContainerFileSystem(container.rootfs ?? newDirectory()),
      ...(runtime.ip ? { podIP: runtime.ip } : {}),
    };
  }
}

/** appendLogs adds a server's access-log lines to its container's log (what `kubectl logs` shows). */
export function appendLogs(container: ContainerRuntime, logs: LogLine[], now: number): void {
  for (const line of logs) container.logs.push({ ...line, at: line.at ?? now });
}
