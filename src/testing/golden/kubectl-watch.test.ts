import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../cli/serve.ts';
import { runKubectl } from '../../clients/kubectl/index.ts';
import { createCluster } from '../../engine/index.ts';
import { oracleAvailable, runOracleAsync } from '../oracle.ts';
import { both, context, makeTwins, theirs, type Twins } from './kubectl-twins.ts';

/**
 * Commands of the real kubectl 1.35 that watch (its informers use the WatchList protocol:
 * `sendInitialEvents=true`, ended by a bookmark) against a served simulated cluster, compared with
 * the emulator on a twin. Time is paused on the served twin, so a wait that cannot be met times
 * out in wall time, and the emulator's in simulated time: the answers must be the same. Timeouts are
 * 2 s: under one second, client-go's reflector logs a "very short watch" line whenever the deadline
 * closes its watch, which a real cluster would make it print too.
 */
const SETUP = [
  'run web --image=nginx',
  'run broken --image=nginx:does-not-exist',
  'create deployment api --image=nginx --replicas=2',
  'advance 2m',
];

const WAITS: string[] = [
  'wait --for=condition=Ready pod/web --timeout=5s',
  'wait --for=condition=Ready pod/broken --timeout=2s',
  'wait --for=delete pod/web --timeout=2s',
  'wait --for=condition=Ready pods -l run=broken --timeout=2s',
  'wait --for=jsonpath={.status.phase}=Running pod/broken --timeout=2s',
  'wait --for=condition=Available deploy/api --timeout=5s',
  'wait --for=create pod/web --timeout=5s',
  'rollout status deploy/api',
  'rollout status deploy/api --timeout=5s',
  'rollout status deploy/api --watch=false',
];

describe.skipIf(!oracleAvailable())('kubectl commands that watch match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, {}, { lagMs: 30_000 });
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(WAITS)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    // When the deadline closes its watch, client-go's reflector may log a line of its own
    // ("Failed to watch … context deadline exceeded"), depending on which goroutine sees the
    // deadline first — a race in the real client, on any cluster. The rest must be the same.
    const reflectorNoise = /^[IWE]\d{4} [\d:.]+\s+\d+ reflector\.go:\d+\] .*\n/gm;
    expect(ours).toEqual({ ...real, stderr: real.stderr.replace(reflectorNoise, '') });
  });

  it('get -w shows the listing, then a line for each change made while it watches', async () => {
    const watching = theirs(twins, 'get pods -w --request-timeout=3s');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await twins.theirs.request({ verb: 'DELETE', path: '/api/v1/namespaces/default/pods/broken' });
    const real = await watching;
    const lines = real.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.slice(1, 5).map((l) => l.split(/\s+/)[0])).toEqual([
      expect.stringMatching(/^api-/),
      expect.stringMatching(/^api-/),
      'broken',
      'web',
    ]);
    // The deletion starts a grace period: broken is updated (Terminating), not yet removed.
    expect(lines.slice(5).join('\n')).toMatch(/^broken\s+0\/1\s+Terminating/m);
  });

  it('get -w --output-watch-events names each event', async () => {
    const watching = theirs(twins, 'get pods -l run=web -w --output-watch-events --request-timeout=2s');
    await new Promise((resolve) => setTimeout(resolve, 700));
    await twins.theirs.request({
      verb: 'PATCH',
      path: '/api/v1/namespaces/default/pods/web',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { metadata: { labels: { run: 'other' } } },
    });
    const real = await watching;
    const lines = real.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS/);
    expect(lines[1]).toMatch(/^ADDED\s+web\s+1\/1\s+Running/);
    // The label change takes web out of the selector: the watch reports it as deleted.
    expect(lines[2]).toMatch(/^DELETED\s+web\s+1\/1\s+Running/);
  });
});

/**
 * get -w while a pod starts, line for line. The real kubectl watches a paused served twin; once its
 * watch is open (the audit log shows it), the test moves that twin's time in one-second steps, as
 * the emulator moves its own twin's for --request-timeout. Both must print every change the watch
 * delivers, with the server's cells at the moment of each change.
 */
describe.skipIf(!oracleAvailable())('get -w while a pod starts matches kubectl 1.35', () => {
  const SPAN_S = 12;
  const WATCH = ['get', 'pods', '-w', `--request-timeout=${SPAN_S}s`];
  const START = ['run', 'web', '--image=nginx:does-not-exist'];

  it.each([[[]], [['--output-watch-events']]])('kubectl get pods -w %s', async (extra: string[]) => {
    const start = Date.now() - 5 * 60_000;
    const ours = createCluster({ start });
    const theirs = createCluster({ start });
    for (const cluster of [ours, theirs]) await runKubectl(START, context(cluster, {}));
    const served = await startApiServer(theirs, { port: 0, paused: true });
    try {
      const watching = runOracleAsync([`--server=http://127.0.0.1:${served.port}`, ...WATCH, ...extra]);
      const opened = () => theirs.audit.some((record) => record.verb === 'watch');
      for (let tries = 0; !opened() && tries < 200; tries++) await new Promise((r) => setTimeout(r, 25));
      expect(opened()).toBe(true);
      for (let second = 0; second < SPAN_S; second++) await theirs.advance(1000);
      const real = await watching;
      const mine = await runKubectl([...WATCH, ...extra], context(ours, {}));
      expect(mine.stdout).toEqual(real.stdout);
      expect(mine.stdout.split('\n').length).toBeGreaterThan(4);
    } finally {
      await served.close();
    }
  });
});
