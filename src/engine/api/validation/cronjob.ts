import type { CronJob } from 'kubernetes-types/batch/v1';
import { CronSyntaxError, isKnownTimeZone, parseSchedule } from '../../controllers/cronjob/schedule.ts';
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { goLabelSelector, nonNegative } from './deployment.ts';
import { validateJobSpec } from './job.ts';

const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone is validateTimeZone: IANA names only, never "Local". */
function validateTimeZone(zone: string | undefined): FieldError[] {
  if (zone === undefined) return [];
  const field = 'spec.timeZone';
  if (zone === '') return [fieldErrors.invalid(field, zone, 'timeZone must be nil or non-empty string')];
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part))
      return [fieldErrors.invalid(field, zone, `unknown time zone ${zone}`)];
  }
  if (zone.toLowerCase() === 'local')
    return [
      fieldErrors.invalid(
        field,
        zone,
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    ];
  if (!isKnownTimeZone(zone)) return [fieldErrors.invalid(field, zone, `unknown time zone ${zone}`)];
  return [];
}

/**
 * validateCronJob is ValidateCronJobCreate/Update: a schedule robfig/cron can parse (its error words
 * after `Invalid value: "<schedule>": `), no TZ inside the schedule, a known timeZone, a concurrency
 * policy, a job template without a selector, and (on create) a name short enough for Job names.
 */
export function validateCronJob(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const cj = object as unknown as CronJob;
  const spec = cj.spec;
  const errors: FieldError[] = [];
  const schedule = spec?.schedule ?? '';
  if (schedule === '') errors.push(fieldErrors.required('spec.schedule'));
  else {
    try {
      parseSchedule(schedule);
    } catch (error) {
      if (!(error instanceof CronSyntaxError)) throw error;
      errors.push(fieldErrors.invalid('spec.schedule', schedule, error.message));
    }
    const oldSchedule = (old as unknown as CronJob | undefined)?.spec?.schedule ?? '';
    const allowTZ = oldSchedule.includes('TZ');
    if (allowTZ && schedule.includes('TZ') && spec?.timeZone !== undefined)
      errors.push(
        fieldErrors.invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'),
      );
    else if (!allowTZ && schedule.includes('TZ'))
      errors.push(
        fieldErrors.invalid(
          'spec.schedule',
          schedule,
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      );
  }
  errors.push(...nonNegative(spec?.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!old || (old as unknown as CronJob).spec?.timeZone !== spec?.timeZone)
    errors.push(...validateTimeZone(spec?.timeZone));
  const policy = spec?.concurrencyPolicy ?? '';
  if (policy === '') errors.push(fieldErrors.required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy))
    errors.push(fieldErrors.notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  const jobSpec = spec?.jobTemplate?.spec;
  errors.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec?.selector)
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.jobTemplate.spec.selector',
      message: `Invalid value: ${goLabelSelector(jobSpec.selector)}: \`selector\` will be auto-generated`,
    });
  if (jobSpec?.manualSelector === true)
    errors.push(fieldErrors.notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errors.push(...nonNegative(spec?.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errors.push(...nonNegative(spec?.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  const name = cj.metadata?.name ?? '';
  if (!old && name.length > 52)
    errors.push(fieldErrors.invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errors;
}
