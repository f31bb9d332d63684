import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Plan } from './plan.ts';
import { syncRolloutStatus } from './progress.ts';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync.ts';
import { deploymentComplete, filterActive, replicasOf, sumStatusReplicas } from './util.ts';

/**
 * rolloutRecreate is recreate.go: scale every old ReplicaSet to zero, wait until none of their pods
 * is left (terminating ones included), and only then create and scale up the new ReplicaSet.
 */
export function rolloutRecreate(plan: Plan): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  let allRSs: (ReplicaSet | undefined)[] = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) if (plan.scaleReplicaSet(rs, 0)) scaledDown = true;
  if (scaledDown) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }
  if (oldPodsRunning(plan, newRS, oldRSs)) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS && replicasOf(newRS) !== replicasOf(plan.d)) plan.scaleReplicaSet(newRS, replicasOf(plan.d));
  if (deploymentComplete(plan.d, plan.d.status ?? {})) cleanupDeployment(plan, oldRSs);
  syncRolloutStatus(plan, allRSs, newRS);
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or a pod of one is not finished (terminating counts). */
function oldPodsRunning(plan: Plan, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  if (sumStatusReplicas(oldRSs) > 0) return true;
  for (const [uid, pods] of plan.podsByReplicaSet) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
