import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import { deepEqual } from '../equal.ts';
import { fieldErrors, type FieldError } from '../errors.ts';
import { selectorMatches } from '../selectors.ts';
import type { KubeObject } from '../types.ts';
import { immutableSelector, nonNegative } from './deployment.ts';
import { nameErrors, validateLabels } from './names.ts';
import { validatePodSpec } from './pod.ts';
import { goMapLiteral } from './workloads.ts';

/**
 * Job validation (pkg/apis/batch/validation/validation.go). The selector of a Job without
 * manualSelector is generated when it is created, after these checks, so only manual selectors are
 * checked against the template here.
 */

/** validateJobSpec is validateJobSpec: counts, completion mode, the pod template and its restart policy. */
export function validateJobSpec(spec: JobSpec | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...nonNegative(spec?.parallelism, `${field}.parallelism`));
  errors.push(...nonNegative(spec?.completions, `${field}.completions`));
  errors.push(...nonNegative(spec?.activeDeadlineSeconds, `${field}.activeDeadlineSeconds`));
  errors.push(...nonNegative(spec?.backoffLimit, `${field}.backoffLimit`));
  errors.push(...nonNegative(spec?.ttlSecondsAfterFinished, `${field}.ttlSecondsAfterFinished`));
  const mode = spec?.completionMode;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      errors.push(fieldErrors.notSupported(`${field}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed' && spec?.completions === undefined)
      errors.push(fieldErrors.required(`${field}.completions`, 'when completion mode is Indexed'));
  }
  const replacement = spec?.podReplacementPolicy;
  if (replacement !== undefined && replacement !== 'Failed' && replacement !== 'TerminatingOrFailed')
    errors.push(
      fieldErrors.notSupported(`${field}.podReplacementPolicy`, replacement, ['Failed', 'TerminatingOrFailed']),
    );
  const template = spec?.template;
  errors.push(...validateLabels(template?.metadata?.labels, `${field}.template.metadata.labels`));
  errors.push(...validatePodSpec(template?.spec, `${field}.template.spec`));
  const policy = template?.spec?.restartPolicy ?? '';
  if (policy === 'Always' || policy === '') {
    errors.push(fieldErrors.required(`${field}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  } else if (policy !== 'OnFailure' && policy !== 'Never') {
    errors.push(fieldErrors.notSupported(`${field}.template.spec.restartPolicy`, policy, ['OnFailure', 'Never']));
  }
  return errors;
}

/** goTemplate stands in for Go's %#v of a pod template, which the API server prints in full. */
function goTemplate(): string {
  return 'core.PodTemplateSpec{...}';
}

export function validateJob(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const job = object as unknown as Job;
  const spec = job.spec;
  const errors: FieldError[] = [];
  const name = job.metadata?.name ?? '';
  errors.push(...validateJobSpec(spec, 'spec'));
  const manual = spec?.manualSelector === true;
  if (manual || old) {
    if (!spec?.selector) errors.push(fieldErrors.required('spec.selector'));
    else if (!selectorMatches(spec.selector, spec.template?.metadata?.labels ?? {})) {
      errors.push({
        type: 'FieldValueInvalid',
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${goMapLiteral(spec.template?.metadata?.labels ?? {})}: \`selector\` does not match template \`labels\``,
      });
    }
  }
  if (spec?.completionMode === 'Indexed' && (spec.completions ?? 0) > 0) {
    const hostname = `${name}-${(spec.completions ?? 1) - 1}`;
    if (nameErrors(hostname, 'dns1123Label').length > 0)
      errors.push(
        fieldErrors.invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${hostname}`),
      );
  }
  if (old) {
    const before = (old as unknown as Job).spec;
    errors.push(...immutableSelector(spec?.selector, before?.selector));
    if (spec?.completionMode !== 'Indexed' && spec?.completions !== before?.completions)
      errors.push(fieldErrors.invalid('spec.completions', spec?.completions ?? null, 'field is immutable'));
    if (spec?.completionMode !== before?.completionMode)
      errors.push(fieldErrors.invalid('spec.completionMode', spec?.completionMode ?? null, 'field is immutable'));
    if (!deepEqual(spec?.template ?? null, before?.template ?? null)) {
      errors.push({
        type: 'FieldValueInvalid',
        field: 'spec.template',
        message: `Invalid value: ${goTemplate()}: field is immutable`,
      });
    }
  }
  return errors;
}
