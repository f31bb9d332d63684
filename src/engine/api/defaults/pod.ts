import type { Container, PodSpec, Probe } from 'kubernetes-types/core/v1';

/**
 * defaultPodSpec fills what the API server's defaulting (pkg/apis/core/v1/defaults.go) fills,
 * so `kubectl get pod -o yaml` shows the same fields a real cluster returns.
 */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  for (const container of spec.initContainers ?? []) defaultContainer(container);
  for (const container of spec.containers ?? []) defaultContainer(container);
  for (const volume of spec.volumes ?? []) {
    if (volume.configMap) volume.configMap.defaultMode ??= 420;
    if (volume.secret) volume.secret.defaultMode ??= 420;
    if (volume.projected) volume.projected.defaultMode ??= 420;
    if (volume.hostPath) volume.hostPath.type ??= '';
  }
}

/** defaultImagePullPolicy is Always for `:latest` or no tag, IfNotPresent otherwise (digests too). */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const tail = image.slice(lastSlash + 1);
  const colon = tail.indexOf(':');
  if (colon === -1) return 'Always';
  return tail.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: Container): void {
  if (typeof container.image === 'string') container.imagePullPolicy ??= defaultImagePullPolicy(container.image);
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  const resources = container.resources as { limits?: Record<string, string>; requests?: Record<string, string> };
  if (resources.limits) {
    resources.requests ??= {};
    for (const [name, value] of Object.entries(resources.limits)) resources.requests[name] ??= value;
  }
  for (const port of container.ports ?? []) port.protocol ??= 'TCP';
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
    if (probe) defaultProbe(probe);
  }
}

export function defaultProbe(probe: Probe): void {
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.grpc) probe.grpc.service ??= '';
  if (probe.httpGet) {
    probe.httpGet.path ??= '/';
    probe.httpGet.scheme ??= 'HTTP';
  }
}
