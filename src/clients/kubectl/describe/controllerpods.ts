import type { Pod } from 'kubernetes-types/core/v1';
import type { DescribeContext } from './common.ts';

/** PodPhaseCounts is what getPodStatusForController counts: the controller's own pods by phase. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * podStatusForController lists pods matching the selector and counts, by phase, those whose controller
 * owner is the given uid (orphans and other controllers' pods are skipped, as kubectl does).
 */
export async function podStatusForController(
  ctx: DescribeContext,
  namespace: string,
  selector: string,
  uid: string | undefined,
): Promise<PodPhaseCounts> {
  const counts: PodPhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  const response = await ctx.client.request<{ items?: Pod[] }>({
    verb: 'GET',
    path: `/api/v1/namespaces/${namespace}/pods`,
    ...(selector ? { query: { labelSelector: selector } } : {}),
  });
  for (const pod of response.status < 300 ? (response.body.items ?? []) : []) {
    const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
    if (!owner || owner.uid !== uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

export function podsStatusText(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
