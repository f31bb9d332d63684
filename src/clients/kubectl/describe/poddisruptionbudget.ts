import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L2, formatLabelSelector, intOrString } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** describePodDisruptionBudget is PodDisruptionBudgetDescriber: the budget, its selector and the healthy counts. */
export async function describePodDisruptionBudget(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const pdb = object as unknown as PodDisruptionBudget;
  const spec = pdb.spec ?? {};
  const status = pdb.status;
  w.line(L0, `Name:\t${pdb.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${pdb.metadata?.namespace ?? ''}`);
  if (spec.minAvailable !== undefined) w.line(L0, `Min available:\t${intOrString(spec.minAvailable)}`);
  else if (spec.maxUnavailable !== undefined) w.line(L0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}`);
  if (spec.selector) w.line(L0, `Selector:\t${formatLabelSelector(spec.selector)}`);
  else w.line(L0, 'Selector:\t<unset>');
  w.line(L0, 'Status:');
  w.line(L2, `Allowed disruptions:\t${status?.disruptionsAllowed ?? 0}`);
  w.line(L2, `Current:\t${status?.currentHealthy ?? 0}`);
  w.line(L2, `Desired:\t${status?.desiredHealthy ?? 0}`);
  w.line(L2, `Total:\t${status?.expectedPods ?? 0}`);
  await writeEvents(w, ctx, object);
}

registerDescriber('PodDisruptionBudget', describePodDisruptionBudget, 'policy');
