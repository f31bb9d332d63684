import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, rfc1123z } from './common.ts';
import { writeEvents } from './events.ts';
import { goSort } from '../gosort.ts';
import { registerDescriber } from './registry.ts';
import { printPersistentVolumeClaim } from './volumes.ts';

/** podsUsingClaim is getPodsForPVC: pods mounting the claim (once per volume) and pods owning it. */
async function podsUsingClaim(ctx: DescribeContext, pvc: PersistentVolumeClaim): Promise<Pod[]> {
  const response = await ctx.client.request<{ items?: Pod[] }>({
    verb: 'GET',
    path: `/api/v1/namespaces/${pvc.metadata?.namespace ?? ''}/pods`,
  });
  const all = response.status < 300 ? (response.body.items ?? []) : [];
  const pods: Pod[] = [];
  for (const pod of all)
    for (const v of pod.spec?.volumes ?? [])
      if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(pod);
  for (const owner of pvc.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = all.find((p) => p.metadata?.uid === owner.uid);
    if (pod && !pods.some((p) => p.metadata?.uid === pod.metadata?.uid)) pods.push(pod);
  }
  return pods;
}

/** describePersistentVolumeClaim is PersistentVolumeClaimDescriber: the claim, who uses it, its conditions. */
export async function describePersistentVolumeClaim(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const pvc = object as unknown as PersistentVolumeClaim;
  const pods = await podsUsingClaim(ctx, pvc);
  printPersistentVolumeClaim(w, pvc, true, ctx.now);
  w.write(L0, 'Used By:\t');
  if (pods.length === 0) w.writeLine('<none>');
  goSort(pods, (a, b) => (a.metadata?.name ?? '') < (b.metadata?.name ?? '')).forEach((pod, i) => {
    if (i !== 0) w.write(L0, '\t');
    w.line(L0, pod.metadata?.name ?? '');
  });
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.line(L0, 'Conditions:');
    w.line(L1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage');
    w.line(L1, '----\t------\t-----------------\t------------------\t------\t-------');
    for (const c of conditions)
      w.line(
        L1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`,
      );
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('PersistentVolumeClaim', describePersistentVolumeClaim);
