import type { Action } from '../reconcile/actions.ts';
import { isEmptySelector } from '../reconcile/owners.ts';
import { Plan, type DeploymentView } from './plan.ts';
import { rolloutRecreate } from './recreate.ts';
import { rollback, rollbackTo } from './rollback.ts';
import { rolloutRolling } from './rolling.ts';
import { getAllReplicaSetsAndSyncRevision, sync, syncStatusOnly } from './sync.ts';
import {
  Reason,
  desiredReplicasAnnotation,
  filterActive,
  getCondition,
  hasProgressDeadline,
  isRollingUpdate,
  newCondition,
  replicasOf,
  setCondition,
} from './util.ts';

/**
 * reconcileDeployment is DeploymentController.syncDeployment, with its guards in the real order: a
 * selector that selects everything, deletion, pause, rollback, a scaling event, then the rollout
 * for the strategy.
 */
export function reconcileDeployment(view: DeploymentView, now: number): Action[] {
  const plan = new Plan(view, now);
  const d = plan.d;
  if (isEmptySelector(d.spec?.selector)) {
    plan.event({
      type: 'Warning',
      reason: 'SelectingAll',
      message: 'This deployment is selecting all pods. A non-empty selector is required.',
    });
    if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0))
      plan.setStatus({ ...d.status, observedGeneration: d.metadata?.generation ?? 0 });
    return plan.finish();
  }
  if (d.metadata?.deletionTimestamp) {
    syncStatusOnly(plan);
    return plan.finish();
  }
  checkPausedConditions(plan);
  if (d.spec?.paused) {
    sync(plan);
    return plan.finish();
  }
  if (rollbackTo(d) !== undefined) {
    rollback(plan);
    return plan.finish();
  }
  if (isScalingEvent(plan)) {
    sync(plan);
    return plan.finish();
  }
  if (isRollingUpdate(d)) rolloutRolling(plan);
  else rolloutRecreate(plan);
  return plan.finish();
}

/** checkPausedConditions marks a paused Deployment's progress Unknown, so a long pause is not a timeout. */
function checkPausedConditions(plan: Plan): void {
  const d = plan.d;
  if (!hasProgressDeadline(d)) return;
  const condition = getCondition(d.status, 'Progressing');
  if (condition?.reason === Reason.ProgressDeadlineExceeded) return;
  const pausedRecorded = condition?.reason === Reason.DeploymentPaused;
  if (d.spec?.paused && !pausedRecorded) {
    setCondition(
      d.status ?? {},
      newCondition('Progressing', 'Unknown', Reason.DeploymentPaused, 'Deployment is paused', plan.now),
    );
    plan.markStatusChanged();
  } else if (!d.spec?.paused && pausedRecorded) {
    setCondition(
      d.status ?? {},
      newCondition('Progressing', 'Unknown', Reason.DeploymentResumed, 'Deployment is resumed', plan.now),
    );
    plan.markStatusChanged();
  }
}

/** isScalingEvent: an active ReplicaSet was sized for another spec.replicas than the Deployment's now. */
function isScalingEvent(plan: Plan): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  return filterActive([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicasOf(plan.d);
  });
}
