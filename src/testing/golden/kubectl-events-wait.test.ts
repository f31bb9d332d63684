import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl events and kubectl wait, compared with the real kubectl 1.35 on twin clusters. Events'
 * ages are computed from the wall clock by both (the twins lag 30 s behind it and every event
 * happens on a whole minute, so no age changes while the tests run). Waits here use --timeout=0,
 * which looks once; waits that watch for a while are in kubectl-watch.test.ts.
 */
const SETUP = [
  'run web --image=nginx',
  'advance 1m',
  'run broken --image=nginx:does-not-exist',
  'advance 1m',
  'create deployment api --image=nginx --replicas=2',
  'advance 12m',
];

const EVENTS: string[] = [
  'events',
  'events --for pod/web',
  'events --for pod/broken',
  'events --for deploy/api',
  'events --types=Warning',
  'events --types=warning,Normal --no-headers',
  'events --types=Foo',
  'events -A --types=Warning',
  'events -n kube-public',
  'events --for pod/nope',
  'events --for web',
  'events --for foo/web',
  'events --for pod/broken -o name',
];

const WAITS: string[] = [
  'wait --for=condition=Ready pod/web --timeout=0',
  'wait --for=condition=ready pod/web --timeout=0s',
  'wait --for=condition=Ready=false pod/web --timeout=0',
  'wait --for=condition=Ready pod/broken --timeout=0',
  'wait --for=condition=Foo pod/web --timeout=0',
  'wait --for=delete pod/web --timeout=0',
  'wait --for=delete pod/nope --timeout=0',
  'wait --for=jsonpath={.status.phase}=Running pod/web --timeout=0',
  'wait --for=jsonpath={.status.phase}=Pending pod/web --timeout=0',
  'wait --for=jsonpath={.status.phase} pod/web --timeout=0',
  'wait --for=condition=Ready pods -l app=api --timeout=0',
  'wait --for=condition=Available deploy/api --timeout=0',
  'wait --for=jsonpath={.status.readyReplicas}=2 deploy/api --timeout=0',
  'wait pod/web',
  'wait --for=foo pod/web',
  'wait --for=condition=Ready pod/nope --timeout=0',
  'wait --for=condition=Ready pods -l app=none --timeout=0',
];

describe.skipIf(!oracleAvailable())('kubectl events and wait match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, {}, { lagMs: 30_000 });
  });
  afterAll(async () => {
    await twins.close();
  });

  // Both kubectls compute ages from their own reading of the wall clock, a moment apart; an event a
  // few seconds old can cross a second between the two readings. Such a race is run again.
  it.each(EVENTS)('kubectl %s', { retry: 2 }, async (line) => {
    const { ours, real } = await both(twins, line, undefined, true);
    expect(ours).toEqual(real);
  });

  it.each(WAITS)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
  });
});
