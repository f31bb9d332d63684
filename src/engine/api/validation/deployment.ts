import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { deepEqual } from '../equal.ts';
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { goMapLiteral, validateReplicas, validateSelectorAndTemplate } from './workloads.ts';

/**
 * Deployment and ReplicaSet validation beyond the shared selector/template rule
 * (pkg/apis/apps/validation/validation.go): the rolling-update numbers, progress deadline,
 * history limit, and the selector that apps/v1 makes immutable.
 */

/** goLabelSelector prints a LabelSelector as Go's %#v does, which is how "field is immutable" quotes it. */
export function goLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return 'null';
  const labels = selector.matchLabels ? goMapLiteral(selector.matchLabels) : 'map[string]string(nil)';
  const expressions = selector.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'
            }}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`;
}

/** immutableSelector is ValidateImmutableField on spec.selector. */
export function immutableSelector(
  selector: LabelSelector | undefined,
  old: LabelSelector | undefined,
  field = 'spec.selector',
): FieldError[] {
  if (deepEqual(selector ?? null, old ?? null)) return [];
  return [
    { type: 'FieldValueInvalid', field, message: `Invalid value: ${goLabelSelector(selector)}: field is immutable` },
  ];
}

/** goIntOrString prints an intstr.IntOrString as %#v does. */
export function goIntOrString(value: number | string | undefined): string {
  if (typeof value === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(value)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${value ?? 0}, StrVal:""}`;
}

const PERCENT = /^[0-9]+%$/;
const PERCENT_MESSAGE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** validateIntOrPercent is ValidatePositiveIntOrPercent. */
export function validateIntOrPercent(value: number | string | undefined, field: string): FieldError[] {
  if (value === undefined) return [];
  if (typeof value === 'string') {
    return PERCENT.test(value)
      ? []
      : [{ type: 'FieldValueInvalid', field, message: `Invalid value: ${goIntOrString(value)}: ${PERCENT_MESSAGE}` }];
  }
  return value < 0 ? [fieldErrors.invalid(field, value, 'must be greater than or equal to 0')] : [];
}

function intOrPercentValue(value: number | string | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  return PERCENT.test(value) ? Number(value.slice(0, -1)) : 0;
}

/** validateRollingNumbers: maxSurge and maxUnavailable may not both be 0, and maxUnavailable is at most 100%. */
export function validateRollingNumbers(
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  field: string,
): FieldError[] {
  const errors = [
    ...validateIntOrPercent(maxUnavailable, `${field}.maxUnavailable`),
    ...validateIntOrPercent(maxSurge, `${field}.maxSurge`),
  ];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errors.push({
      type: 'FieldValueInvalid',
      field: `${field}.maxUnavailable`,
      message: `Invalid value: ${goIntOrString(maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
    });
  }
  if (typeof maxUnavailable === 'string' && PERCENT.test(maxUnavailable) && intOrPercentValue(maxUnavailable) > 100) {
    errors.push({
      type: 'FieldValueInvalid',
      field: `${field}.maxUnavailable`,
      message: `Invalid value: ${goIntOrString(maxUnavailable)}: must not be greater than 100%`,
    });
  }
  return errors;
}

export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0
    ? [fieldErrors.invalid(field, value, 'must be greater than or equal to 0')]
    : [];
}

export function validateDeployment(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const d = object as unknown as Deployment;
  const spec = d.spec;
  const errors: FieldError[] = [
    ...validateReplicas(spec?.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec?.selector, spec?.template, 'spec', ['Always']),
  ];
  const strategy = spec?.strategy;
  const type = strategy?.type ?? 'RollingUpdate';
  if (type === 'Recreate') {
    if (strategy?.rollingUpdate)
      errors.push(
        fieldErrors.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"),
      );
  } else if (type === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate;
    if (ru) errors.push(...validateRollingNumbers(ru.maxSurge, ru.maxUnavailable, 'spec.strategy.rollingUpdate'));
  } else {
    errors.push(fieldErrors.notSupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']));
  }
  errors.push(...nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...nonNegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = spec?.progressDeadlineSeconds;
  if (deadline !== undefined) {
    errors.push(...nonNegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= (spec?.minReadySeconds ?? 0))
      errors.push(
        fieldErrors.invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'),
      );
  }
  if (old) errors.push(...immutableSelector(spec?.selector, (old as unknown as Deployment).spec?.selector));
  return errors;
}

export function validateReplicaSet(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const rs = object as unknown as ReplicaSet;
  const errors: FieldError[] = [
    ...validateReplicas(rs.spec?.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(rs.spec?.selector, rs.spec?.template, 'spec', ['Always']),
    ...nonNegative(rs.spec?.minReadySeconds, 'spec.minReadySeconds'),
  ];
  if (old) errors.push(...immutableSelector(rs.spec?.selector, (old as unknown as ReplicaSet).spec?.selector));
  return errors;
}
