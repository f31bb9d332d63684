import { describe, expect, it } from 'vitest';
import { lab } from '../lab.ts';

/** Probe thresholds, initial delays and the startup gate, as pkg/kubelet/prober applies them. */
function podWithProbe(name: string, probes: string, command = 'touch /tmp/ok; sleep 3600'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "${command}"]
${probes}`;
}

function readyColumn(table: string, name: string): string {
  return (table.split('\n').find((l) => l.startsWith(`${name} `)) ?? '').trim().split(/\s+/)[1] ?? '';
}

describe('readiness', () => {
  it.each([
    // [initialDelaySeconds, periodSeconds, successThreshold, seconds after start, expected READY]
    [0, 10, 1, 4, '1/1'],
    [10, 10, 1, 8, '0/1'],
    [10, 10, 1, 14, '1/1'],
    [0, 5, 3, 8, '0/1'],
    [0, 5, 3, 14, '1/1'],
  ])(
    'delay %is, period %is, successThreshold %i: at %is READY is %s',
    async (delay, period, successes, at, expected) => {
      const l = lab();
      await l.kubectl('apply -f -', {
        stdin: podWithProbe(
          'r',
          `    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/ok"]\n      initialDelaySeconds: ${delay}\n      periodSeconds: ${period}\n      successThreshold: ${successes}\n`,
        ),
      });
      await l.advance('3s'); // sandbox and start (busybox is pulled in about a second)
      await l.advance(`${at}s`);
      expect(readyColumn(await l.kubectl('get pods'), 'r')).toBe(expected);
    },
  );

  it('a failing readiness probe takes the pod out of READY without restarting it', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podWithProbe(
        'flaky',
        '    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/ok"]\n      periodSeconds: 5\n      failureThreshold: 2\n',
        'touch /tmp/ok; sleep 20; rm /tmp/ok; sleep 3600',
      ),
    });
    await l.advance('15s');
    expect(readyColumn(await l.kubectl('get pods'), 'flaky')).toBe('1/1');
    await l.advance('30s');
    const table = await l.kubectl('get pods');
    expect(readyColumn(table, 'flaky')).toBe('0/1');
    expect(table).toMatch(/flaky\s+0\/1\s+Running\s+0\s/);
    expect(await l.kubectl('describe pod flaky')).toContain(
      "Readiness probe failed: cat: can't open '/tmp/ok': No such file or directory",
    );
  });
});

describe('liveness', () => {
  it('restarts only after failureThreshold consecutive failures', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podWithProbe(
        'live',
        '    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/missing"]\n      periodSeconds: 10\n      failureThreshold: 3\n',
      ),
    });
    await l.advance('3s');
    await l.advance('22s'); // probes at ~0s, 10s, 20s: the third failure kills the container
    const restartsBefore = (await l.kubectl('get pods')).includes('live   1/1     Running   0 ');
    expect(restartsBefore || (await l.kubectl('get pods')).match(/live\s+\S+\s+\S+\s+0\s/) !== null).toBe(true);
    await l.advance('40s');
    expect(await l.kubectl('get pods')).toMatch(/live\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
  });

  it('waits for the startup probe before probing liveness', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podWithProbe(
        'slow',
        '    startupProbe:\n      exec:\n        command: ["cat", "/tmp/started"]\n      periodSeconds: 5\n      failureThreshold: 30\n    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/started"]\n      periodSeconds: 5\n      failureThreshold: 1\n',
        'sleep 40; touch /tmp/started; sleep 3600',
      ),
    });
    await l.advance('30s');
    const early = await l.kubectl('get pods');
    expect(early).toMatch(/slow\s+0\/1\s+Running\s+0\s/);
    await l.advance('30s');
    expect(await l.kubectl('get pods')).toMatch(/slow\s+1\/1\s+Running\s+0\s/);
  });
});
