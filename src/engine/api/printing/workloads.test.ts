import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import type { KubeObject } from '../types.ts';
import { toTable } from './tables.ts';

const NOW = DEFAULT_EPOCH + 300_000;
const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: 'default',
  creationTimestamp: rfc3339(DEFAULT_EPOCH),
  ...extra,
});
const table = (kind: string, object: Record<string, unknown>) => {
  const t = toTable([{ apiVersion: 'v1', kind, ...object } as KubeObject], kind, NOW, '1');
  return { headers: t.columnDefinitions.map((c) => (c.priority ? `(${c.name})` : c.name)), cells: t.rows[0]?.cells };
};
const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'busybox' }] } };

describe('kubectl get columns for the workload kinds (printers.go)', () => {
  it('statefulsets: NAME READY AGE (CONTAINERS IMAGES)', () => {
    expect(
      table('StatefulSet', { metadata: meta('db'), spec: { replicas: 3, template }, status: { readyReplicas: 2 } }),
    ).toEqual({
      headers: ['Name', 'Ready', 'Age', '(Containers)', '(Images)'],
      cells: ['db', '2/3', '5m', 'x', 'busybox'],
    });
  });

  it('daemonsets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE (CONTAINERS IMAGES SELECTOR)', () => {
    const ds = {
      metadata: meta('logs'),
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: { ...template, spec: { ...template.spec, nodeSelector: { disk: 'ssd' } } },
      },
      status: {
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        numberReady: 1,
        updatedNumberScheduled: 2,
        numberAvailable: 1,
      },
    };
    expect(table('DaemonSet', ds)).toEqual({
      headers: [
        'Name',
        'Desired',
        'Current',
        'Ready',
        'Up-to-date',
        'Available',
        'Node Selector',
        'Age',
        '(Containers)',
        '(Images)',
        '(Selector)',
      ],
      cells: ['logs', 2, 2, 1, 2, 1, 'disk=ssd', '5m', 'x', 'busybox', 'app=x'],
    });
  });

  it.each([
    { status: {}, spec: { completions: 3 }, want: ['Running', '0/3', ''] },
    {
      status: { startTime: rfc3339(DEFAULT_EPOCH), succeeded: 1 },
      spec: { completions: 3 },
      want: ['Running', '1/3', '5m'],
    },
    { status: { succeeded: 0 }, spec: { parallelism: 3 }, want: ['Running', '0/1 of 3', ''] },
    {
      status: {
        startTime: rfc3339(DEFAULT_EPOCH),
        completionTime: rfc3339(DEFAULT_EPOCH + 42_000),
        succeeded: 1,
        conditions: [{ type: 'Complete', status: 'True' }],
      },
      spec: { completions: 1 },
      want: ['Complete', '1/1', '42s'],
    },
    {
      status: { conditions: [{ type: 'Failed', status: 'True' }] },
      spec: { completions: 1 },
      want: ['Failed', '0/1', ''],
    },
    {
      status: { conditions: [{ type: 'Suspended', status: 'True' }] },
      spec: { completions: 1 },
      want: ['Suspended', '0/1', ''],
    },
    {
      status: { conditions: [{ type: 'FailureTarget', status: 'True' }] },
      spec: { completions: 1 },
      want: ['FailureTarget', '0/1', ''],
    },
  ])('jobs: STATUS $want.0, COMPLETIONS $want.1', ({ status, spec, want }) => {
    const t = table('Job', { metadata: meta('j'), spec: { ...spec, template }, status });
    expect(t.headers).toEqual([
      'Name',
      'Status',
      'Completions',
      'Duration',
      'Age',
      '(Containers)',
      '(Images)',
      '(Selector)',
    ]);
    expect(t.cells?.slice(1, 4)).toEqual(want);
  });

  it('cronjobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE', () => {
    const cj = {
      metadata: meta('tick'),
      spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'tick-1' }], lastScheduleTime: rfc3339(NOW - 40_000) },
    };
    expect(table('CronJob', cj)).toEqual({
      headers: [
        'Name',
        'Schedule',
        'Timezone',
        'Suspend',
        'Active',
        'Last Schedule',
        'Age',
        '(Containers)',
        '(Images)',
        '(Selector)',
      ],
      cells: ['tick', '*/1 * * * *', '<none>', 'False', 1, '40s', '5m', 'x', 'busybox', '<none>'],
    });
  });

  it('controllerrevisions: NAME CONTROLLER REVISION AGE', () => {
    const cr = {
      metadata: meta('db-7b8d', {
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true }],
      }),
      revision: 2,
    };
    expect(table('ControllerRevision', cr)).toEqual({
      headers: ['Name', 'Controller', 'Revision', 'Age'],
      cells: ['db-7b8d', 'statefulset.apps/db', 2, '5m'],
    });
  });
});
