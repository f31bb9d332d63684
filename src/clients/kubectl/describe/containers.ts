import type {
  Container,
  ContainerPort,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  Probe,
  ResourceRequirements,
} from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './common.ts';
import { L0, L1, L2, L3, compareStrings, printBool, rfc1123z, stableSort, stringOrNone } from './common.ts';
import { Quantity, canonicalText } from './quantity.ts';

/**
 * The container sections of `kubectl describe` (describeContainers and friends in describe.go), shared by
 * pods and every pod template (Deployments, ReplicaSets, Jobs …). A template passes no statuses and no
 * env resolver, so only the spec shows.
 */

/** EnvResolver is EnvVarResolverFunc: the value a fieldRef env var resolves to, given the pod. */
export type EnvResolver = (env: EnvVar) => string;

/**
 * envValueRetriever is EnvValueRetriever. kubectl's scheme only knows the generic field labels
 * (metadata.name, metadata.namespace) for conversion, so other field paths resolve to nothing.
 */
export function envValueRetriever(pod: Pod): EnvResolver {
  return (env) => {
    const path = env.valueFrom?.fieldRef?.fieldPath ?? '';
    if (path === 'metadata.name') return pod.metadata?.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? '';
    return '';
  };
}

export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvResolver | undefined,
  w: DescribeWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.line(L0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}`);
  for (const container of containers) {
    const status = byName.get(container.name);
    describeContainerBasicInfo(container, status, space, w);
    describeContainerCommand(container, w);
    if (status) describeContainerState(status, w);
    describeResources(container.resources, w, L2);
    describeContainerProbe(container, w);
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w);
    describeContainerEnvVars(container, resolver, w);
    describeContainerVolumes(container, w);
  }
}

function portList(ports: readonly ContainerPort[], which: 'containerPort' | 'hostPort'): string {
  return ports
    .map((p) => {
      const text = `${p[which] ?? 0}/${p.protocol ?? ''}`;
      return p.name ? `${text} (${p.name})` : text;
    })
    .join(', ');
}

function describeContainerBasicInfo(
  container: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: DescribeWriter,
): void {
  w.line(L1, `${space ? ' ' : ''}${container.name}:`);
  if (status) w.line(L2, `Container ID:\t${status.containerID ?? ''}`);
  w.line(L2, `Image:\t${container.image ?? ''}`);
  if (status) w.line(L2, `Image ID:\t${status.imageID ?? ''}`);
  const ports = portList(container.ports ?? [], 'containerPort');
  if (ports.includes(',')) w.line(L2, `Ports:\t${ports}`);
  else w.line(L2, `Port:\t${stringOrNone(ports)}`);
  const hostPorts = portList(container.ports ?? [], 'hostPort');
  if (hostPorts.includes(',')) w.line(L2, `Host Ports:\t${hostPorts}`);
  else w.line(L2, `Host Port:\t${stringOrNone(hostPorts)}`);
  const seccomp = container.securityContext?.seccompProfile;
  if (seccomp) {
    w.line(L2, `SeccompProfile:\t${seccomp.type}`);
    if (seccomp.type === 'Localhost') w.line(L3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}`);
  }
}

function describeContainerCommand(container: Container, w: DescribeWriter): void {
  if ((container.command ?? []).length > 0) {
    w.line(L2, 'Command:');
    for (const c of container.command ?? []) for (const s of c.split('\n')) w.line(L3, s);
  }
  if ((container.args ?? []).length > 0) {
    w.line(L2, 'Args:');
    for (const a of container.args ?? []) for (const s of a.split('\n')) w.line(L3, s);
  }
}

/** describeResources prints Limits then Requests, each resource name sorted, quantities canonical. */
export function describeResources(resources: ResourceRequirements | undefined, w: DescribeWriter, level: string): void {
  if (!resources) return;
  const inner = `${level}  `;
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(compareStrings);
    if (names.length > 0) w.line(level, `${title}:`);
    for (const name of names) w.line(inner, `${name}:\t${canonicalText((list as Record<string, string>)[name])}`);
  }
}

function describeContainerState(status: ContainerStatus, w: DescribeWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.line(L2, `Ready:\t${printBool(status.ready)}`);
  w.line(L2, `Restart Count:\t${status.restartCount ?? 0}`);
}

function describeStatus(name: string, state: ContainerState | undefined, w: DescribeWriter): void {
  if (state?.running) {
    w.line(L2, `${name}:\tRunning`);
    w.line(L3, `Started:\t${rfc1123z(state.running.startedAt)}`);
  } else if (state?.waiting) {
    w.line(L2, `${name}:\tWaiting`);
    if (state.waiting.reason) w.line(L3, `Reason:\t${state.waiting.reason}`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(L2, `${name}:\tTerminated`);
    if (t.reason) w.line(L3, `Reason:\t${t.reason}`);
    if (t.message) w.line(L3, `Message:\t${t.message}`);
    w.line(L3, `Exit Code:\t${t.exitCode ?? 0}`);
    if ((t.signal ?? 0) > 0) w.line(L3, `Signal:\t${t.signal}`);
    w.line(L3, `Started:\t${rfc1123z(t.startedAt)}`);
    w.line(L3, `Finished:\t${rfc1123z(t.finishedAt)}`);
  } else w.line(L2, `${name}:\tWaiting`);
}

function describeContainerProbe(container: Container, w: DescribeWriter): void {
  if (container.livenessProbe) w.line(L2, `Liveness:\t${describeProbe(container.livenessProbe)}`);
  if (container.readinessProbe) w.line(L2, `Readiness:\t${describeProbe(container.readinessProbe)}`);
  if (container.startupProbe) w.line(L2, `Startup:\t${describeProbe(container.startupProbe)}`);
}

/** joinHostPort is net.JoinHostPort: IPv6 hosts get brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** describeProbe is DescribeProbe: the handler, then `delay=… timeout=… period=… #success=… #failure=…`. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? '').toLowerCase();
    const port = String(probe.httpGet.port ?? '');
    const host = port.length > 0 ? joinHostPort(probe.httpGet.host ?? '', port) : (probe.httpGet.host ?? '');
    let path = probe.httpGet.path ?? '';
    if (path !== '' && !path.startsWith('/') && host !== '') path = `/${path}`;
    const url = `${scheme ? `${scheme}:` : ''}${host || scheme ? `//${host}` : ''}${encodeURI(path)}`;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port ?? '')} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerEnvFrom(container: Container, w: DescribeWriter): void {
  w.line(L2, 'Environment Variables from:');
  for (const e of container.envFrom ?? []) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.line(L3, `${name}\t${from}\tOptional: ${optional}`);
    else w.line(L3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}`);
  }
}

/** resourceFieldValue is ExtractContainerResourceValue: the container's own request or limit over the divisor. */
function resourceFieldValue(resource: string, divisorText: string | undefined, container: Container): string {
  const divisor = Quantity.parse(divisorText);
  const one = divisor.isZero() ? Quantity.parse('1') : divisor;
  const [section, name] = resource.split('.', 2) as [string, string | undefined];
  const list = section === 'limits' ? container.resources?.limits : container.resources?.requests;
  if (!name || (section !== 'limits' && section !== 'requests')) return '';
  const amount = Quantity.parse((list as Record<string, string> | undefined)?.[name]);
  if (name === 'cpu') return String(Math.ceil(amount.milliValue() / one.milliValue()));
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-'))
    return String(Math.ceil(amount.value() / one.value()));
  return '';
}

function describeContainerEnvVars(container: Container, resolver: EnvResolver | undefined, w: DescribeWriter): void {
  const env = container.env ?? [];
  w.line(L2, `Environment:${env.length === 0 ? '\t<none>' : ''}`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => w.line(L3, i === 0 ? `${e.name}:\t${s}` : `\t${s}`));
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.line(L3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = resourceFieldValue(resource, from.resourceFieldRef.divisor, container);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.line(L3, `${e.name}:\t${value} (${resource})`);
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      w.line(
        L3,
        `${e.name}:\t<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}`,
      );
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      w.line(
        L3,
        `${e.name}:\t<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}`,
      );
    }
  }
}

function describeContainerVolumes(container: Container, w: DescribeWriter): void {
  const mounts = container.volumeMounts ?? [];
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.line(L2, `Mounts:${none}`);
  for (const m of stableSort(mounts, (a, b) => compareStrings(a.mountPath, b.mountPath))) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.line(L3, `${m.mountPath} from ${m.name} (${flags.join(',')})`);
  }
  const devices = container.volumeDevices ?? [];
  if (devices.length > 0) {
    w.line(L2, `Devices:${none}`);
    for (const d of stableSort(devices, (a, b) => compareStrings(a.devicePath, b.devicePath)))
      w.line(L3, `${d.devicePath} from ${d.name}`);
  }
}
