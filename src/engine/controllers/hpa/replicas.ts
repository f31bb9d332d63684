/**
 * The replica calculator of pkg/controller/podautoscaler (replica_calculator.go) for resource
 * utilization, and the default autoscaling/v2 behavior's normalization, as pure functions.
 */

/** TOLERANCE is the HPA's default --horizontal-pod-autoscaler-tolerance: within 10% of target, nothing changes. */
export const TOLERANCE = 0.1;

/** PodSample is one pod as the calculator sees it: its requests, its usage if metrics-server has it, and readiness. */
export interface PodSample {
  name: string;
  request: number;
  usage: number | undefined;
  ready: boolean;
}

export interface ReplicaResult {
  replicas: number;
  /** utilization is the current average utilization, percent of request, from the pods with metrics. */
  utilization: number;
  /** averageValue is the average raw usage of those pods (millicores or bytes). */
  averageValue: number;
}

/**
 * resourceReplicas is GetResourceReplicas: the usage ratio of ready pods with metrics, rescaled when
 * pods lack metrics (counted at 100% of request on scale-down, 0% on scale-up) or are not ready
 * (0% on scale-up, for cpu), and no change inside the tolerance or when the correction flips direction.
 * Undefined means no pod had metrics.
 */
export function resourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  pods: readonly PodSample[],
  ignoreUnready: boolean,
): ReplicaResult | undefined {
  const measured = pods.filter((p) => p.usage !== undefined && (p.ready || !ignoreUnready));
  if (measured.length === 0) return undefined;
  const missing = pods.filter((p) => p.usage === undefined);
  const unready = pods.filter((p) => p.usage !== undefined && !p.ready && ignoreUnready);
  const sum = (list: readonly PodSample[], f: (p: PodSample) => number) => list.reduce((s, p) => s + f(p), 0);
  const usage = sum(measured, (p) => p.usage ?? 0);
  const requests = sum(measured, (p) => p.request);
  const utilization = Math.trunc((usage * 100) / requests);
  const result = (replicas: number): ReplicaResult => ({
    replicas,
    utilization,
    averageValue: Math.trunc(usage / measured.length),
  });
  const ratio = utilization / targetUtilization;
  const rebalanceUnready = unready.length > 0 && ratio > 1;
  if (missing.length === 0 && !rebalanceUnready) {
    if (Math.abs(1 - ratio) <= TOLERANCE) return result(currentReplicas);
    return result(Math.ceil(ratio * measured.length));
  }
  let newUsage = usage;
  let newRequests = requests;
  if (ratio < 1) {
    for (const p of missing) {
      newUsage += p.request;
      newRequests += p.request;
    }
  } else {
    for (const p of missing) newRequests += p.request;
  }
  if (rebalanceUnready) for (const p of unready) newRequests += p.request;
  const counted = measured.length + missing.length + (rebalanceUnready ? unready.length : 0);
  const newRatio = (newUsage * 100) / newRequests / targetUtilization;
  if (Math.abs(1 - newRatio) <= TOLERANCE || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) {
    return result(currentReplicas);
  }
  const replicas = Math.ceil(newRatio * counted);
  if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) {
    return result(currentReplicas);
  }
  return result(replicas);
}

/** Recommendation is one past desired count, kept for the stabilization window. */
export interface Recommendation {
  at: number;
  replicas: number;
}

/** Condition is a status condition the normalization sets (AbleToScale or ScalingLimited). */
export interface Reasoned {
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  ableToScale: Reasoned;
  limited: Reasoned & { status: 'True' | 'False' };
}

/** Behavior is the part of spec.behavior the simulation follows, with the autoscaling/v2 defaults. */
export interface Behavior {
  scaleUpWindowMs: number;
  scaleDownWindowMs: number;
  /** scaleUpLimit is the most replicas one scale-up may reach from the current count. */
  scaleUpLimit: (current: number) => number;
  /** scaleDownLimit is the fewest replicas one scale-down may reach from the current count. */
  scaleDownLimit: (current: number) => number;
}

/**
 * normalizeWithBehavior is normalizeDesiredReplicasWithBehaviors: stabilize over the window (the
 * highest recent recommendation for scale-down, the lowest for scale-up), then limit the rate and
 * clamp to min/max, with the conditions' reasons and messages.
 */
export function normalizeWithBehavior(
  current: number,
  desired: number,
  history: readonly Recommendation[],
  now: number,
  behavior: Behavior,
  minReplicas: number,
  maxReplicas: number,
): Normalized {
  let upFloor = desired;
  let downCeiling = desired;
  for (const r of history) {
    if (r.at > now - behavior.scaleUpWindowMs) upFloor = Math.min(upFloor, r.replicas);
    if (r.at > now - behavior.scaleDownWindowMs) downCeiling = Math.max(downCeiling, r.replicas);
  }
  let stabilized = current;
  if (upFloor > current) stabilized = upFloor;
  else if (downCeiling < current) stabilized = downCeiling;
  let ableToScale: Reasoned = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
  if (stabilized !== desired) {
    ableToScale =
      stabilized > desired
        ? {
            reason: 'ScaleDownStabilized',
            message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
          }
        : {
            reason: 'ScaleUpStabilized',
            message: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
          };
  }
  const upLimit = Math.min(behavior.scaleUpLimit(current), maxReplicas);
  const downLimit = Math.max(behavior.scaleDownLimit(current), minReplicas);
  let replicas = stabilized;
  let limited: Normalized['limited'] = {
    status: 'False',
    reason: 'DesiredWithinRange',
    message: 'the desired count is within the acceptable range',
  };
  if (stabilized > upLimit) {
    replicas = upLimit;
    limited =
      stabilized > maxReplicas && upLimit === maxReplicas
        ? {
            status: 'True',
            reason: 'TooManyReplicas',
            message: 'the desired replica count is more than the maximum replica count',
          }
        : {
            status: 'True',
            reason: 'ScaleUpLimit',
            message: 'the desired replica count is increasing faster than the maximum scale rate',
          };
  } else if (stabilized < downLimit) {
    replicas = downLimit;
    limited =
      stabilized < minReplicas && downLimit === minReplicas
        ? {
            status: 'True',
            reason: 'TooFewReplicas',
            message: 'the desired replica count is less than the minimum replica count',
          }
        : {
            status: 'True',
            reason: 'ScaleDownLimit',
            message: 'the desired replica count is decreasing faster than the maximum scale rate',
          };
  }
  return { replicas, ableToScale, limited };
}
