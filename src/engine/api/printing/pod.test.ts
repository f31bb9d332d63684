import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podSummary } from './pod.ts';

/** A table of pod states and the READY / STATUS / RESTARTS kubectl prints for them (printers.go printPod). */
const NOW = Date.parse('2026-01-05T10:00:00Z');
const running = { running: { startedAt: '2026-01-05T09:00:00Z' } };

function pod(overrides: { spec?: Partial<NonNullable<Pod['spec']>>; status?: Pod['status']; deleting?: boolean }): Pod {
  return {
    metadata: { name: 'p', ...(overrides.deleting ? { deletionTimestamp: '2026-01-05T10:00:30Z' } : {}) },
    spec: { containers: [{ name: 'app' }], ...(overrides.spec ?? {}) },
    status: overrides.status ?? {},
  } as Pod;
}

const cases: [string, Pod, string, string, string][] = [
  ['pending without statuses shows the phase', pod({ status: { phase: 'Pending' } }), '0/1', 'Pending', '0'],
  [
    'a waiting reason wins: ContainerCreating',
    pod({
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        ],
      },
    }),
    '0/1',
    'ContainerCreating',
    '0',
  ],
  [
    'running and ready',
    pod({
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: '', imageID: '', state: running }],
      },
    }),
    '1/1',
    'Running',
    '0',
  ],
  [
    'CrashLoopBackOff with restarts and the age of the last one',
    pod({
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 4,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-01-05T09:59:20Z' } },
          },
        ],
      },
    }),
    '0/1',
    'CrashLoopBackOff',
    '4 (40s ago)',
  ],
  [
    'the first container’s reason wins over later ones',
    pod({
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'a',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'ErrImagePull' } },
          },
          {
            name: 'b',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
      },
    }),
    '0/2',
    'ErrImagePull',
    '0',
  ],
  [
    'init containers: Init:i/n while the i-th runs',
    pod({
      spec: { initContainers: [{ name: 'i1' }, { name: 'i2' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'i1',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
          { name: 'i2', ready: false, restartCount: 0, image: '', imageID: '', state: running },
        ],
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'PodInitializing' } },
          },
        ],
      },
    }),
    '0/1',
    'Init:1/2',
    '0',
  ],
  [
    'a crashing init container: Init:CrashLoopBackOff',
    pod({
      spec: { initContainers: [{ name: 'i1' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'i1',
            ready: false,
            restartCount: 2,
            image: '',
            imageID: '',
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      },
    }),
    '0/1',
    'Init:CrashLoopBackOff',
    '2',
  ],
  [
    'a failed init container: Init:Error',
    pod({
      spec: { initContainers: [{ name: 'i1' }] },
      status: {
        phase: 'Failed',
        initContainerStatuses: [
          {
            name: 'i1',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
      },
    }),
    '0/1',
    'Init:Error',
    '0',
  ],
  [
    'a sidecar counts in READY once started',
    pod({
      spec: { initContainers: [{ name: 'log', restartPolicy: 'Always' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          { name: 'log', ready: true, started: true, restartCount: 0, image: '', imageID: '', state: running },
        ],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: '', imageID: '', state: running }],
      },
    }),
    '2/2',
    'Running',
    '0',
  ],
  [
    'Completed with another container still running shows NotReady without the Ready condition',
    pod({
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'a',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
          { name: 'b', ready: true, restartCount: 0, image: '', imageID: '', state: running },
        ],
      },
    }),
    '1/2',
    'NotReady',
    '0',
  ],
  [
    'a terminated container without reason: ExitCode:N',
    pod({
      status: {
        phase: 'Failed',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 3 } },
          },
        ],
      },
    }),
    '0/1',
    'ExitCode:3',
    '0',
  ],
  [
    'deleting shows Terminating',
    pod({
      deleting: true,
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: '', imageID: '', state: running }],
      },
    }),
    '1/1',
    'Terminating',
    '0',
  ],
  [
    'a deleted completed pod keeps its phase',
    pod({ deleting: true, status: { phase: 'Succeeded' } }),
    '0/1',
    'Succeeded',
    '0',
  ],
  [
    'OOMKilled',
    pod({
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          },
        ],
      },
    }),
    '0/1',
    'OOMKilled',
    '0',
  ],
];

describe('podSummary (kubectl printPod)', () => {
  it.each(cases)('%s', (_name, input, ready, status, restarts) => {
    const summary = podSummary(input, NOW);
    expect([summary.ready, summary.status, summary.restarts]).toEqual([ready, status, restarts]);
  });
});
