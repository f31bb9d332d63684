import type { LimitRange, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common.ts';
import { describeLimitRanges } from './limitrange.ts';
import { registerDescriber } from './registry.ts';
import { describeResourceQuotas } from './resourcequota.ts';

/** listItems lists a namespaced resource; undefined when the server has no such resource (a 404). */
async function listItems<T>(ctx: DescribeContext, path: string): Promise<T[] | undefined> {
  const response = await ctx.client.request<{ items?: T[] }>({ verb: 'GET', path });
  if (response.status === 404) return undefined;
  return response.body.items ?? [];
}

/** describeNamespace is NamespaceDescriber: status and conditions, then its quotas and limit ranges (no events). */
export async function describeNamespace(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const ns = object as unknown as Namespace;
  const name = ns.metadata?.name ?? '';
  const quotas = await listItems<ResourceQuota>(ctx, `/api/v1/namespaces/${name}/resourcequotas`);
  const limits = await listItems<LimitRange>(ctx, `/api/v1/namespaces/${name}/limitranges`);
  w.line(L0, `Name:\t${name}`);
  printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
  w.line(L0, `Status:\t${ns.status?.phase ?? ''}`);
  if ((ns.status?.conditions ?? []).length > 0) {
    w.line(L0, 'Conditions:');
    w.line(L1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage');
    w.line(L1, '----\t------\t------------------\t------\t-------');
    for (const c of ns.status?.conditions ?? [])
      w.line(L1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  if (quotas) {
    w.line(L0, '');
    describeResourceQuotas(quotas, w);
  }
  if (limits) {
    w.line(L0, '');
    describeLimitRanges(limits, w);
  }
}

registerDescriber('Namespace', describeNamespace);
