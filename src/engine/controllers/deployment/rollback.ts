import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Plan } from './plan.ts';
import { getAllReplicaSetsAndSyncRevision } from './sync.ts';
import {
  POD_TEMPLATE_HASH_LABEL,
  Reason,
  ROLLBACK_TO_ANNOTATION,
  equalIgnoreHash,
  lastRevision,
  revisionOf,
  setDeploymentAnnotationsTo,
} from './util.ts';

/**
 * rollbackTo reads the `deprecated.deployment.rollback.to` annotation that carries the old
 * spec.rollbackTo through apps/v1 (0 means "the previous revision"). `kubectl rollout undo` patches
 * the template itself; this path serves clients that still ask the controller to roll back.
 */
export function rollbackTo(d: Deployment): number | undefined {
  const text = d.metadata?.annotations?.[ROLLBACK_TO_ANNOTATION];
  if (text === undefined || text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * rollback is rollback.go: copy the template of the ReplicaSet with the wanted revision back into
 * the Deployment (with that revision's annotations, change-cause among them), or warn that there is
 * nothing to roll back to; either way the request annotation goes.
 */
export function rollback(plan: Plan): void {
  const d = plan.d;
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, true);
  const allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  let revision = rollbackTo(d) ?? 0;
  if (revision === 0) {
    revision = lastRevision(allRSs);
    if (revision === 0) {
      warn(plan, Reason.RollbackRevisionNotFound, 'Unable to find last revision.');
      clearRollbackTo(plan);
      return;
    }
  }
  const target = allRSs.find((rs) => revisionOf(rs) === revision);
  if (!target) {
    warn(plan, Reason.RollbackRevisionNotFound, 'Unable to find the revision to rollback to.');
    clearRollbackTo(plan);
    return;
  }
  if (rollbackToTemplate(plan, target))
    plan.event({
      type: 'Normal',
      reason: Reason.RollbackDone,
      message: `Rolled back deployment "${d.metadata?.name ?? ''}" to revision ${revision}`,
    });
}

function rollbackToTemplate(plan: Plan, rs: ReplicaSet): boolean {
  const d = plan.d;
  let performed = false;
  if (!equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
    const template = structuredClone(rs.spec?.template ?? {});
    if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    d.spec = { ...(d.spec ?? { selector: {}, template: {} }), template };
    setDeploymentAnnotationsTo(d, rs);
    performed = true;
  } else {
    warn(
      plan,
      Reason.RollbackTemplateUnchanged,
      `The rollback revision contains the same template as current deployment "${d.metadata?.name ?? ''}"`,
    );
  }
  clearRollbackTo(plan);
  return performed;
}

function warn(plan: Plan, reason: string, message: string): void {
  plan.event({ type: 'Warning', reason, message });
}

function clearRollbackTo(plan: Plan): void {
  const annotations = plan.d.metadata?.annotations;
  if (annotations) delete annotations[ROLLBACK_TO_ANNOTATION];
  plan.markMetaChanged();
}
