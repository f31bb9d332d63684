import type { DeploymentCondition, ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepEqual } from '../../api/equal.ts';
import type { Plan } from './plan.ts';
import { calculateStatus } from './sync.ts';
import {
  Reason,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  newCondition,
  removeCondition,
  setCondition,
} from './util.ts';

/**
 * syncRolloutStatus is progress.go: the status from the ReplicaSets, plus the Progressing condition —
 * NewReplicaSetAvailable once complete, ReplicaSetUpdated (with a fresh lastUpdateTime) while
 * something moves, ProgressDeadlineExceeded once nothing has moved for progressDeadlineSeconds — and
 * a wake-up at the deadline.
 */
export function syncRolloutStatus(
  plan: Plan,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): void {
  const d = plan.d;
  const now = plan.now;
  const status = calculateStatus(d, allRSs, newRS, now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === Reason.NewReplicaSetAvailable;
  const name = newRS?.metadata?.name;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      const message = name
        ? `ReplicaSet "${name}" has successfully progressed.`
        : `Deployment "${d.metadata?.name ?? ''}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', Reason.NewReplicaSetAvailable, message, now));
    } else if (deploymentProgressing(d, status)) {
      const message = name
        ? `ReplicaSet "${name}" is progressing.`
        : `Deployment "${d.metadata?.name ?? ''}" is progressing.`;
      const condition: DeploymentCondition = newCondition(
        'Progressing',
        'True',
        Reason.ReplicaSetUpdated,
        message,
        now,
      );
      if (current) {
        if (current.status === 'True' && current.lastTransitionTime)
          condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, now)) {
      const message = name
        ? `ReplicaSet "${name}" has timed out progressing.`
        : `Deployment "${d.metadata?.name ?? ''}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', Reason.ProgressDeadlineExceeded, message, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS, now);
  if (failure) setCondition(status, failure);
  else removeCondition(status, 'ReplicaFailure');
  if (deepEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(plan, status);
    return;
  }
  plan.setStatus(status);
  requeueStuckDeployment(plan, status);
}

/** replicaFailure lifts a ReplicaSet's ReplicaFailure condition (the new set's first) onto the Deployment. */
function replicaFailure(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  now: number,
): DeploymentCondition | undefined {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs !== newRS)] : [...allRSs];
  for (const rs of ordered) {
    const condition = (rs?.status?.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
    if (condition) {
      const made = newCondition(
        'ReplicaFailure',
        condition.status,
        condition.reason ?? '',
        condition.message ?? '',
        now,
      );
      if (condition.lastTransitionTime) {
        made.lastTransitionTime = condition.lastTransitionTime;
        made.lastUpdateTime = condition.lastTransitionTime;
      }
      return made;
    }
  }
  return undefined;
}

/** requeueStuckDeployment wakes the Deployment when its progress deadline passes, to report the timeout. */
function requeueStuckDeployment(plan: Plan, status: NonNullable<Plan['d']['status']>): void {
  const d = plan.d;
  const condition = getCondition(status, 'Progressing');
  if (!hasProgressDeadline(d) || !condition) return;
  if (condition.reason === Reason.NewReplicaSetAvailable || condition.reason === Reason.ProgressDeadlineExceeded)
    return;
  if (deploymentComplete(d, status)) return;
  const from = Date.parse(condition.lastUpdateTime ?? '');
  if (Number.isNaN(from)) return;
  const deadline = from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000;
  plan.actions.push({ type: 'requeue', at: Math.max(deadline + 1000, plan.now + 1) });
}
