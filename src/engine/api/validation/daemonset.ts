import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { immutableSelector, nonNegative, validateRollingNumbers } from './deployment.ts';
import { selectorAndTemplate } from './statefulset.ts';

/** validateDaemonSet is ValidateDaemonSet (and ValidateDaemonSetUpdate's immutable selector). */
export function validateDaemonSet(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const ds = object as unknown as DaemonSet;
  const spec = ds.spec;
  const errors: FieldError[] = [...selectorAndTemplate('daemonset', spec?.selector, spec?.template)];
  if (spec?.template?.spec?.activeDeadlineSeconds !== undefined)
    errors.push(
      fieldErrors.forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in DaemonSet is not Supported',
      ),
    );
  errors.push(...nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...nonNegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const strategy = spec?.updateStrategy;
  const type = strategy?.type ?? '';
  if (type === '') errors.push(fieldErrors.required('spec.updateStrategy.type'));
  else if (type === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate;
    if (ru) errors.push(...validateRollingNumbers(ru.maxSurge, ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate'));
  } else if (type !== 'OnDelete')
    errors.push(fieldErrors.notSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate']));
  if (old) errors.push(...immutableSelector(spec?.selector, (old as unknown as DaemonSet).spec?.selector));
  return errors;
}
