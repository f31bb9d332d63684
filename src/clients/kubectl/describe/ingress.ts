import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, L2, compareStrings, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';
import { endpointSlicesFor, formatEndpointSlices } from './service.ts';

/** describeBackend is describeBackendV1: `svc:port (endpoints)`, or the error kubectl met looking the Service up. */
async function describeBackend(ctx: DescribeContext, namespace: string, backend: IngressBackend): Promise<string> {
  if (backend.service) {
    const port = backend.service.port;
    const text = `${backend.service.name}:${port?.number ? port.number : (port?.name ?? '')}`;
    const slices = await endpointSlicesFor(ctx, namespace, backend.service.name);
    const response = await ctx.client.request<Service & { message?: string }>({
      verb: 'GET',
      path: `/api/v1/namespaces/${namespace}/services/${backend.service.name}`,
    });
    if (response.status >= 300) return `${text} (<error: ${response.body.message ?? ''}>)`;
    let portName = '';
    for (const sp of response.body.spec?.ports ?? []) {
      if (port?.number && port.number === sp.port) portName = sp.name ?? '';
      else if (port?.name && port.name === sp.name) portName = sp.name ?? '';
    }
    return `${text} (${formatEndpointSlices(slices, portName)})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** describeIngress is IngressDescriber: address, class, default backend, TLS, then a host/path/backends table. */
export async function describeIngress(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const ing = object as unknown as Ingress;
  const namespace = ing.metadata?.namespace ?? '';
  const spec = ing.spec ?? {};
  w.line(L0, `Name:\t${ing.metadata?.name ?? ''}`);
  printLabelsMultiline(w, 'Labels', ing.metadata?.labels);
  w.line(L0, `Namespace:\t${namespace}`);
  const addresses = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) addresses.add(i.ip);
    else if (i.hostname) addresses.add(i.hostname);
  }
  w.line(L0, `Address:\t${[...addresses].sort(compareStrings).join(',')}`);
  w.line(L0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}`);
  const defaultBackend = spec.defaultBackend ? await describeBackend(ctx, namespace, spec.defaultBackend) : '<default>';
  w.line(L0, `Default backend:\t${defaultBackend}`);
  if ((spec.tls ?? []).length > 0) {
    w.line(L0, 'TLS:');
    for (const t of spec.tls ?? []) {
      if (!t.secretName) w.line(L1, `SNI routes ${(t.hosts ?? []).join(',')}`);
      else w.line(L1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}`);
    }
  }
  w.line(L0, 'Rules:');
  w.line(L1, 'Host\tPath\tBackends');
  w.line(L1, '----\t----\t--------');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.line(L1, `${rule.host || '*'}\t`);
    for (const path of rule.http.paths)
      w.line(L2, `\t${path.path ?? ''} \t${await describeBackend(ctx, namespace, path.backend)}`);
  }
  if (count === 0) w.line(L1, `*\t*\t${defaultBackend}`);
  printAnnotationsMultiline(w, 'Annotations', ing.metadata?.annotations);
  await writeEvents(w, ctx, object);
}

registerDescriber('Ingress', describeIngress, 'networking.k8s.io');
