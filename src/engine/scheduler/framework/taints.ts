import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/**
 * toleratesTaint is Toleration.ToleratesTaint (component-helpers/scheduling/corev1): an empty effect matches
 * every effect, an empty key (only valid with Exists) matches every key, Equal compares values and Exists
 * ignores them. An unknown operator tolerates nothing.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** tolerationsTolerateTaint is true when any toleration tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (tolerations === undefined) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** doNotScheduleTaint is helper.DoNotScheduleTaintsFilterFunc: only NoSchedule and NoExecute keep pods off a node. */
export function doNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/**
 * findUntoleratedTaint is FindMatchingUntoleratedTaint: the first taint passing the filter that no toleration
 * tolerates, or undefined when the pod tolerates them all.
 */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (taint: Taint) => boolean = doNotScheduleTaint,
): Taint | undefined {
  if (taints === undefined) return undefined;
  for (const taint of taints) {
    if (!filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
