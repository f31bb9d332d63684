import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Plan } from './plan.ts';
import { syncRolloutStatus } from './progress.ts';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync.ts';
import {
  deploymentComplete,
  filterActive,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  sortByCreation,
  sumAvailableReplicas,
  sumSpecReplicas,
} from './util.ts';

/**
 * rolloutRolling is rolling.go: scale the new ReplicaSet up as far as maxSurge allows; if it did
 * not move, scale old ones down as far as maxUnavailable allows (unhealthy replicas first); once
 * complete, clean up old revisions. One step per sync — each step's pods starting or becoming
 * available wakes the next.
 */
export function rolloutRolling(plan: Plan): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, true);
  const allRSs = [...oldRSs, newRS];
  if (newRS && reconcileNewReplicaSet(plan, allRSs, newRS)) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }
  if (newRS && reconcileOldReplicaSets(plan, allRSs, filterActive(oldRSs), newRS)) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }
  if (deploymentComplete(plan.d, plan.d.status ?? {})) cleanupDeployment(plan, oldRSs);
  syncRolloutStatus(plan, allRSs, newRS);
}

export function reconcileNewReplicaSet(plan: Plan, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet): boolean {
  const desired = replicasOf(plan.d);
  if (replicasOf(newRS) === desired) return false;
  if (replicasOf(newRS) > desired) return plan.scaleReplicaSet(newRS, desired);
  return plan.scaleReplicaSet(newRS, newRSNewReplicas(plan.d, allRSs, newRS));
}

/**
 * reconcileOldReplicaSets scales old ReplicaSets down by at most
 * allPods - (desired - maxUnavailable) - unavailable new pods.
 */
export function reconcileOldReplicaSets(
  plan: Plan,
  allRSs: (ReplicaSet | undefined)[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
): boolean {
  if (sumSpecReplicas(oldRSs) === 0) return false;
  const allPods = sumSpecReplicas(allRSs);
  const minAvailable = replicasOf(plan.d) - maxUnavailable(plan.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(plan, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(plan, [...oldRSs, newRS], oldRSs);
  return cleaned + scaledDown > 0;
}

/** cleanupUnhealthyReplicas removes old replicas that are not available first, so they cannot block the rollout. */
function cleanupUnhealthyReplicas(plan: Plan, oldRSs: ReplicaSet[], maxCleanup: number): number {
  let total = 0;
  for (const rs of sortByCreation(oldRSs)) {
    if (total >= maxCleanup) break;
    const replicas = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanup - total, replicas - available);
    plan.scaleReplicaSet(rs, replicas - count);
    total += count;
  }
  return total;
}

function scaleDownOldReplicaSetsForRollingUpdate(plan: Plan, allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(plan.d) - maxUnavailable(plan.d);
  const available = sumAvailableReplicas(allRSs);
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of sortByCreation(oldRSs)) {
    if (total >= toScaleDown) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), toScaleDown - total);
    plan.scaleReplicaSet(rs, replicasOf(rs) - count);
    total += count;
  }
  return total;
}
