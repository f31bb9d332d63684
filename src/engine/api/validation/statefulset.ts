import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { deepEqual } from '../equal.ts';
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { nonNegative } from './deployment.ts';
import { validateReplicas, validateSelectorAndTemplate } from './workloads.ts';

/** The fields a StatefulSet update may change (ValidateStatefulSetUpdate). */
const MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
] as const;

/** selectorAndTemplate applies the shared rule, with the empty-selector message naming the kind. */
export function selectorAndTemplate(
  kind: string,
  selector: Parameters<typeof validateSelectorAndTemplate>[0],
  template: Parameters<typeof validateSelectorAndTemplate>[1],
): FieldError[] {
  return validateSelectorAndTemplate(selector, template, 'spec', ['Always']).map((e) =>
    e.message.endsWith('empty selector is invalid for deployment')
      ? { ...e, message: e.message.replace('for deployment', `for ${kind}`) }
      : e,
  );
}

/** validateStatefulSet is ValidateStatefulSet and, for updates, ValidateStatefulSetUpdate. */
export function validateStatefulSet(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const set = object as unknown as StatefulSet;
  const spec = set.spec;
  const errors: FieldError[] = [];
  const policy = spec?.podManagementPolicy;
  if (!policy) errors.push(fieldErrors.required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel')
    errors.push(fieldErrors.invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = spec?.updateStrategy;
  switch (strategy?.type ?? '') {
    case '':
      errors.push(fieldErrors.required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (strategy?.rollingUpdate)
        errors.push({
          type: 'FieldValueInvalid',
          field: 'spec.updateStrategy.rollingUpdate',
          message: `Invalid value: "${JSON.stringify(strategy.rollingUpdate)}": only allowed for updateStrategy 'RollingUpdate'`,
        });
      break;
    case 'RollingUpdate':
      errors.push(...nonNegative(strategy?.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition'));
      break;
    default:
      errors.push(fieldErrors.invalid('spec.updateStrategy', strategy?.type, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  errors.push(...validateReplicas(spec?.replicas, 'spec.replicas'));
  errors.push(...nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds'));
  // Containers may mount the claims of volumeClaimTemplates by name: the controller adds those volumes to each pod.
  const claimVolumes = (spec?.volumeClaimTemplates ?? []).map((t) => ({
    name: t.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: t.metadata?.name ?? '' },
  }));
  const template =
    spec?.template && claimVolumes.length > 0
      ? {
          ...spec.template,
          spec: {
            ...spec.template.spec,
            containers: spec.template.spec?.containers ?? [],
            volumes: [...(spec.template.spec?.volumes ?? []), ...claimVolumes],
          },
        }
      : spec?.template;
  errors.push(...selectorAndTemplate('statefulset', spec?.selector, template));
  if (spec?.template?.spec?.activeDeadlineSeconds !== undefined)
    errors.push(
      fieldErrors.forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    );
  const retention = spec?.persistentVolumeClaimRetentionPolicy;
  for (const key of ['whenDeleted', 'whenScaled'] as const) {
    const value = retention?.[key];
    if (value !== undefined && value !== 'Retain' && value !== 'Delete')
      errors.push(
        fieldErrors.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, value, ['Retain', 'Delete']),
      );
  }
  if (old && errors.length === 0) {
    const strip = (s: StatefulSet['spec']) => {
      const copy = { ...(s ?? {}) } as Record<string, unknown>;
      for (const key of MUTABLE) delete copy[key];
      return copy;
    };
    if (!deepEqual(strip(spec), strip((old as unknown as StatefulSet).spec))) {
      errors.push(
        fieldErrors.forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errors;
}
