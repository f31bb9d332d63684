import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { runCommandLine, type ShellContext } from './shell.ts';
import {
  CLEAR_SCREEN,
  ENTER_ALTERNATE_SCREEN,
  LEAVE_ALTERNATE_SCREEN,
  parseWatchArgs,
  watchDate,
  watchHeader,
} from './watch.ts';

const date = 'Mon Nov 23 17:05:46 2026';

describe('watchHeader lays out procps-ng 4.0.2 header line', () => {
  // Widths and texts recorded from the real `watch -n 1 echo hi` (host name length adjusted).
  it.each([
    [60, 'Every 1.0s: echo hi', 'Every 1.0s: echo hi' + ' '.repeat(60 - 19 - 33) + `kubelab: ${date}`],
    [53, 'Every 1.0s: echo hi', `Every 1.0s: echo hi kubelab: ${date}`],
    [52, 'Every 1.0s: ec...', `Every 1.0s: ec...  kubelab: ${date}`],
    [48, 'Every 1.0s...', `Every 1.0s...  kubelab: ${date}`],
    [47, 'Every 1.0s: ', `Every 1.0s:   kubelab: ${date}`],
    [46, '', ` kubelab: ${date}`.padStart(46)],
    [33, '', ''],
  ])('at %i columns the left part is %j', (width, _left, line) => {
    expect(watchHeader(1, 'echo hi', date, width)).toBe(line);
    expect(line.length === width || line === '').toBe(true);
  });

  it('formats the interval with one decimal', () => {
    expect(watchHeader(2, 'kubectl get pods', date, 80)).toMatch(/^Every 2\.0s: kubectl get pods +kubelab: Mon/);
    expect(watchHeader(0.5, 'x', date, 80)).toMatch(/^Every 0\.5s: x /);
  });
});

describe('watchDate', () => {
  it('is asctime in UTC, the day padded with a space', () => {
    expect(watchDate(Date.UTC(2026, 10, 23, 17, 3, 18))).toBe('Mon Nov 23 17:03:18 2026');
    expect(watchDate(Date.UTC(2026, 10, 3, 7, 3, 8))).toBe('Tue Nov  3 07:03:08 2026');
  });
});

describe('parseWatchArgs', () => {
  it.each([
    [['kubectl', 'get', 'pods'], { intervalSeconds: 2, title: true, command: 'kubectl get pods' }],
    [['-n', '5', 'kubectl', 'get', 'pods'], { intervalSeconds: 5, command: 'kubectl get pods' }],
    [['-n1', '-t', 'ls'], { intervalSeconds: 1, title: false, command: 'ls' }],
    [['--interval=0.01', 'ls'], { intervalSeconds: 0.1 }],
    [['-d', 'kubectl', 'get', 'pods', '-w'], { command: 'kubectl get pods -w' }],
    [['--', '-weird'], { command: '-weird' }],
  ])('%j', (args, expected) => {
    const parsed = parseWatchArgs(args);
    expect(parsed.ok && parsed.options).toMatchObject(expected);
  });

  it.each([
    [[], '\nUsage:\n watch [options] command\n'],
    [['-z', 'ls'], "watch: invalid option -- 'z'\n\nUsage:\n"],
    [['--bogus', 'ls'], "watch: unrecognized option '--bogus'\n\nUsage:\n"],
    [['-n'], "watch: option requires an argument -- 'n'\n\nUsage:\n"],
  ])('%j is a usage error', (args, start) => {
    const parsed = parseWatchArgs(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.result.stderr.startsWith(start)).toBe(true);
      expect(parsed.result.stderr).toContain('For more details see watch(1).');
      expect(parsed.result.exitCode).toBe(1);
    }
  });

  it('a bad interval is one line', () => {
    const parsed = parseWatchArgs(['-n', 'abc', 'ls']);
    expect(!parsed.ok && parsed.result).toEqual({
      stdout: '',
      stderr: "watch: failed to parse argument: 'abc': Invalid argument\n",
      exitCode: 1,
    });
  });
});

describe('watch in the shell', () => {
  it('without a terminal draws one frame: header, blank line, output', async () => {
    const cluster = createCluster();
    await runCommandLine('kubectl run web --image=nginx', { cluster });
    const result = await runCommandLine('watch kubectl get pods', { cluster, columns: () => 70 });
    const [header, blank, ...rest] = result.stdout.split('\n');
    expect(header).toBe(watchHeader(2, 'kubectl get pods', watchDate(cluster.now()), 70));
    expect(blank).toBe('');
    expect(rest.join('\n')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1/);
    expect(result.exitCode).toBe(0);
  });

  it('-t drops the header; inside a pipe it is one frame too', async () => {
    const cluster = createCluster();
    expect((await runCommandLine('watch -t echo hi', { cluster })).stdout).toBe('hi\n');
    expect((await runCommandLine('watch echo hi | tail -n 1', { cluster })).stdout).toBe('hi\n');
  });

  it('with no command prints the usage error', async () => {
    const result = await runCommandLine('watch', { cluster: createCluster() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.startsWith('\nUsage:\n watch [options] command\n')).toBe(true);
  });

  it('in the terminal redraws every interval on the alternate screen until Ctrl+C', async () => {
    const cluster = createCluster();
    await runCommandLine('kubectl run web --image=nginx', { cluster });
    const startedAt = cluster.now();
    const controller = new AbortController();
    const chunks: string[] = [];
    const slept: number[] = [];
    const ctx: ShellContext = {
      cluster,
      columns: () => 80,
      signal: controller.signal,
      onOutput: (chunk) => chunks.push(chunk),
      // The injected sleep plays simulated time for the interval, then presses Ctrl+C after the third frame.
      sleep: async (ms) => {
        slept.push(ms);
        await cluster.advance(ms * 10);
        if (slept.length === 3) controller.abort();
      },
    };
    const result = await runCommandLine('watch -n 3 kubectl get pods', ctx);
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(slept).toEqual([3000, 3000, 3000]);
    expect(chunks[0]).toBe(ENTER_ALTERNATE_SCREEN);
    expect(chunks[chunks.length - 1]).toBe(LEAVE_ALTERNATE_SCREEN);
    const frames = chunks.slice(1, -1);
    expect(frames).toHaveLength(3);
    for (const frame of frames) {
      expect(frame.startsWith(`${CLEAR_SCREEN}Every 3.0s: kubectl get pods`)).toBe(true);
    }
    expect(frames[0]).toMatch(/web\s+0\/1\s+ContainerCreating/);
    expect(frames[2]).toMatch(/web\s+1\/1\s+Running/);
    // The header's clock is the cluster's: 30 simulated seconds apart at 10×.
    expect(frames[0]).toContain(watchDate(startedAt));
    expect(frames[1]).toContain(watchDate(startedAt + 30_000));
  });
});
