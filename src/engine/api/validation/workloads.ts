import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import { selectorMatches } from '../selectors.ts';
import { validateLabels } from './names.ts';
import { validatePodSpec } from './pod.ts';

/** validateSelectorAndTemplate holds the rule every controller shares: the selector must select its own template. */
export function validateSelectorAndTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  field: string,
  allowedRestartPolicies: string[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (!selector) errors.push(fieldErrors.required(`${field}.selector`));
  else {
    errors.push(...validateLabels(selector.matchLabels, `${field}.selector.matchLabels`));
    if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
      errors.push(fieldErrors.invalid(`${field}.selector`, 'null', 'empty selector is invalid for deployment'));
    }
  }
  if (!template) {
    errors.push(fieldErrors.required(`${field}.template`));
    return errors;
  }
  const labels = template.metadata?.labels ?? {};
  errors.push(...validateLabels(labels, `${field}.template.metadata.labels`));
  if (selector && !selectorMatches(selector, labels)) {
    errors.push({
      type: 'FieldValueInvalid',
      field: `${field}.template.metadata.labels`,
      message: `Invalid value: ${goMapLiteral(labels)}: \`selector\` does not match template \`labels\``,
    });
  }
  errors.push(...validatePodSpec(template.spec, `${field}.template.spec`));
  const policy = template.spec?.restartPolicy;
  if (policy !== undefined && !allowedRestartPolicies.includes(policy)) {
    errors.push(fieldErrors.notSupported(`${field}.template.spec.restartPolicy`, policy, allowedRestartPolicies));
  }
  return errors;
}

export function validateReplicas(value: unknown, field: string): FieldError[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || value < 0)
    return [fieldErrors.invalid(field, value, 'must be greater than or equal to 0')];
  return [];
}

/** goMapLiteral prints a label map as Go's %#v does, which is how the API server quotes it. */
export function goMapLiteral(map: Record<string, string>): string {
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}
