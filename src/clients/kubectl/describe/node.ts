import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  L1,
  compareStrings,
  goBool,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  rfc1123z,
} from './common.ts';
import { describeEvents, referenceOf, searchEvents } from './events.ts';
import { describeNodeResource } from './noderesources.ts';
import { canonicalText } from './quantity.ts';
import { registerDescriber } from './registry.ts';

/** findNodeRoles reads node-role.kubernetes.io/<role> labels and the kubernetes.io/role label. */
function findNodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort(compareStrings);
}

function describeLease(lease: Lease, w: DescribeWriter): void {
  w.line(L0, 'Lease:');
  w.line(L1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}`);
  w.line(L1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}`);
  w.line(L1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}`);
}

/**
 * describeNode is NodeDescriber: identity and taints, the kubelet's lease, conditions, addresses, capacity,
 * system info, the pods it runs with their share of its resources, then events (found both by the node's
 * uid, as controllers report, and by its name, as the kubelet does).
 */
export async function describeNode(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const node = object as unknown as Node;
  const name = node.metadata?.name ?? '';
  const podsResponse = await ctx.client.request<{ items?: Pod[] }>({
    verb: 'GET',
    path: '/api/v1/pods',
    query: { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` },
  });
  const canViewPods = podsResponse.status !== 403;
  const pods = podsResponse.status < 300 ? (podsResponse.body.items ?? []) : [];
  const lease = await ctx.client.request<Lease & { message?: string }>({
    verb: 'GET',
    path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`,
  });

  w.line(L0, `Name:\t${name}`);
  const roles = findNodeRoles(node.metadata?.labels);
  w.line(L0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}`);
  printLabelsMultiline(w, 'Labels', node.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
  w.line(L0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.line(L0, `Unschedulable:\t${goBool(node.spec?.unschedulable)}`);
  if (lease.status < 300) describeLease(lease.body, w);
  else w.line(L0, `Lease:\tFailed to get lease: ${lease.body.message ?? ''}`);
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.line(L0, 'Conditions:');
    w.line(L1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
    w.line(L1, '----\t------\t-----------------\t------------------\t------\t-------');
    for (const c of conditions)
      w.line(
        L1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`,
      );
  }
  w.line(L0, 'Addresses:');
  for (const a of node.status?.addresses ?? []) w.line(L1, `${a.type}:\t${a.address}`);
  const printResourceList = (list: Record<string, string>) => {
    for (const key of Object.keys(list).sort(compareStrings)) w.line(L0, `  ${key}:\t${canonicalText(list[key])}`);
  };
  const capacity = (node.status?.capacity ?? {}) as Record<string, string>;
  const allocatable = (node.status?.allocatable ?? {}) as Record<string, string>;
  if (Object.keys(capacity).length > 0) {
    w.line(L0, 'Capacity:');
    printResourceList(capacity);
  }
  if (Object.keys(allocatable).length > 0) {
    w.line(L0, 'Allocatable:');
    printResourceList(allocatable);
  }
  const info = node.status?.nodeInfo;
  w.line(L0, 'System Info:');
  w.line(L0, `  Machine ID:\t${info?.machineID ?? ''}`);
  w.line(L0, `  System UUID:\t${info?.systemUUID ?? ''}`);
  w.line(L0, `  Boot ID:\t${info?.bootID ?? ''}`);
  w.line(L0, `  Kernel Version:\t${info?.kernelVersion ?? ''}`);
  w.line(L0, `  OS Image:\t${info?.osImage ?? ''}`);
  w.line(L0, `  Operating System:\t${info?.operatingSystem ?? ''}`);
  w.line(L0, `  Architecture:\t${info?.architecture ?? ''}`);
  w.line(L0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}`);
  w.line(L0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}`);
  w.line(L0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}`);
  if (node.spec?.podCIDR) w.line(L0, `PodCIDR:\t${node.spec.podCIDR}`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.line(L0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}`);
  if (node.spec?.providerID) w.line(L0, `ProviderID:\t${node.spec.providerID}`);
  if (canViewPods) describeNodeResource(pods, node, w, ctx.now);
  else w.line(L0, 'Pods:\tnot authorized');
  if (ctx.showEvents) {
    const ref = referenceOf(object);
    const byUid = await searchEvents(ctx, ref);
    const byName = await searchEvents(ctx, { ...ref, uid: name });
    describeEvents(w, [...byUid, ...byName], ctx.now);
  }
}

registerDescriber('Node', describeNode);
