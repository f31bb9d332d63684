import type { Container, Pod } from 'kubernetes-types/core/v1';

/**
 * qosClass follows pkg/apis/core/helper/qos: Guaranteed when every container sets equal cpu and
 * memory requests and limits, BestEffort when none sets any, Burstable otherwise.
 */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
    const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
    for (const name of ['cpu', 'memory']) {
      if (requests[name] !== undefined || limits[name] !== undefined) anySet = true;
      if (limits[name] === undefined) guaranteed = false;
      else if (requests[name] !== undefined && String(requests[name]) !== String(limits[name])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
