import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** endpointSlicesFor lists the EndpointSlices of a Service (label kubernetes.io/service-name). */
export async function endpointSlicesFor(
  ctx: DescribeContext,
  namespace: string,
  service: string,
): Promise<EndpointSlice[]> {
  const response = await ctx.client.request<{ items?: EndpointSlice[] }>({
    verb: 'GET',
    path: `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`,
    query: { labelSelector: `kubernetes.io/service-name=${service}` },
  });
  return response.status < 300 ? (response.body.items ?? []) : [];
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpointSlices is describe.go's formatEndpointSlices: the ready addresses serving a port name,
 * `ip:port` joined by commas, at most three and then `+ N more...`; `<none>` without slices.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    if ((slice.ports ?? []).length === 0) {
      for (const endpoint of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (endpoint.conditions?.ready === false) continue;
        if (!more) list.push(endpoint.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const endpoint of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (endpoint.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(endpoint.addresses[0] ?? '', port.port ?? 0));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** describeService is ServiceDescriber: addresses, then per port its target, node port and endpoints. */
export async function describeService(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const svc = object as unknown as Service;
  const spec = svc.spec ?? {};
  const name = svc.metadata?.name ?? '';
  const namespace = svc.metadata?.namespace ?? '';
  const slices = await endpointSlicesFor(ctx, namespace, name);
  w.line(L0, `Name:\t${name}`);
  w.line(L0, `Namespace:\t${namespace}`);
  printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
  w.line(L0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(L0, `Type:\t${spec.type ?? ''}`);
  if (spec.ipFamilyPolicy !== undefined) w.line(L0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(L0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}`);
  w.line(L0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(L0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}`);
  if ((spec.externalIPs ?? []).length > 0) w.line(L0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}`);
  if (spec.loadBalancerIP) w.line(L0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.line(L0, `External Name:\t${spec.externalName}`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress
      .map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
      .join(', ');
    w.line(L0, `LoadBalancer Ingress:\t${list}`);
  }
  for (const port of spec.ports ?? []) {
    const portName = port.name || '<unset>';
    const protocol = port.protocol ?? '';
    w.line(L0, `Port:\t${portName}\t${port.port}/${protocol}`);
    const target = port.targetPort;
    w.line(L0, `TargetPort:\t${target === undefined ? 0 : target}/${protocol}`);
    if (port.appProtocol !== undefined) w.line(L0, `AppProtocol:\t${port.appProtocol}`);
    if (port.nodePort) w.line(L0, `NodePort:\t${portName}\t${port.nodePort}/${protocol}`);
    w.line(L0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}`);
  }
  w.line(L0, `Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy) w.line(L0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy !== undefined) w.line(L0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) w.line(L0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0)
    w.line(L0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}`);
  const trafficDistribution = (spec as { trafficDistribution?: string }).trafficDistribution;
  if (trafficDistribution !== undefined) w.line(L0, `Traffic Distribution:\t${trafficDistribution}`);
  await writeEvents(w, ctx, object);
}

registerDescriber('Service', describeService);
