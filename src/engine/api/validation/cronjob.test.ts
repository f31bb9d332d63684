import { describe, expect, it } from 'vitest';
import { apiServer } from '../../controllers/testing/apiserver.ts';
import { cronJob, job } from '../../controllers/testing/builders.ts';

const BATCH = '/apis/batch/v1/namespaces/default';

describe("batch/v1 validation, in the API server's words", () => {
  it.each([
    {
      rule: 'a schedule minute above 59',
      path: 'cronjobs',
      object: cronJob('c', '61 * * * *').obj(),
      message:
        'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    },
    {
      rule: 'a schedule with four fields',
      path: 'cronjobs',
      object: cronJob('c', '* * * *').obj(),
      message:
        'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]',
    },
    {
      rule: 'TZ inside the schedule',
      path: 'cronjobs',
      object: cronJob('c', 'TZ=UTC 0 * * * *').obj(),
      message:
        'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    },
    {
      rule: 'an unknown time zone',
      path: 'cronjobs',
      object: cronJob('c', '0 * * * *').timeZone('Mars/Olympus').obj(),
      message:
        'CronJob.batch "c" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    },
    {
      rule: 'a concurrency policy that does not exist',
      path: 'cronjobs',
      object: cronJob('c', '0 * * * *').concurrencyPolicy('Sometimes').obj(),
      message:
        'CronJob.batch "c" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    },
    {
      rule: 'a CronJob name longer than 52 characters',
      path: 'cronjobs',
      object: cronJob('c'.repeat(53), '0 * * * *').obj(),
      message: `CronJob.batch "${'c'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`,
    },
    {
      rule: 'a Job template that restarts Always (the default)',
      path: 'jobs',
      object: job('j').restartPolicy('Always').obj(),
      message:
        'Job.batch "j" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    },
    {
      rule: 'a negative backoffLimit',
      path: 'jobs',
      object: job('j').backoffLimit(-1).obj(),
      message: 'Job.batch "j" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
    },
  ])('$rule', ({ path, object, message }) => {
    expect(apiServer().send('POST', `${BATCH}/${path}`, object)).toBe(message);
  });

  it("a Job's template is immutable", () => {
    const { send } = apiServer();
    expect(send('POST', `${BATCH}/jobs`, job('j').obj())).toBe('');
    expect(
      send('PATCH', `${BATCH}/jobs/j`, {
        spec: { template: { spec: { containers: [{ name: 'j', image: 'busybox:2' }] } } },
      }),
    ).toBe('Job.batch "j" is invalid: spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable');
    expect(send('PATCH', `${BATCH}/jobs/j`, { spec: { suspend: true } })).toBe('');
  });

  it('CronJob defaults: Allow, not suspended, 3 successful and 1 failed Jobs kept', () => {
    const { server, send } = apiServer();
    send('POST', `${BATCH}/cronjobs`, cronJob('c', '@hourly').obj());
    expect(server.store.get('cronjobs.batch', 'default', 'c')?.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
  });
});
