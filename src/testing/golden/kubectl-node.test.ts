import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, stored, type Twins } from './kubectl-twins.ts';

/**
 * kubectl cordon, uncordon, taint and drain, compared with the real kubectl 1.35 on twin clusters:
 * the same output, errors and exit codes, and the same nodes afterwards. Drains use
 * --grace-period=0 so that the real kubectl, whose server clock is paused, sees the pods go.
 */
const SETUP = [
  'create deployment api --image=nginx --replicas=1',
  'create deployment guarded --image=nginx --replicas=1',
  'create pdb guarded --selector=app=guarded --min-available=1',
  'advance 30s',
];

const NODE_CASES: string[] = [
  'cordon worker-1',
  'cordon worker-1',
  'uncordon worker-1',
  'uncordon worker-1',
  'cordon nope',
  'cordon',
  'uncordon',
  'cordon worker-1 --dry-run=client',
  'cordon -l kubernetes.io/os=linux',
  'uncordon -l kubernetes.io/os=linux',
  'taint node worker-1 key=value:NoSchedule',
  'taint node worker-1 key=value:NoSchedule',
  'taint node worker-1 key=other:NoSchedule',
  'taint node worker-1 key=other:NoSchedule --overwrite',
  'taint node worker-1 key:NoSchedule-',
  'taint node worker-1 key-',
  'taint node worker-1 foo:NoExecute',
  'taint node worker-1 foo-',
  'taint node worker-1 bad:Foo',
  'taint node worker-1',
  'taint nodes --all dedicated=x:PreferNoSchedule',
  'taint nodes --all dedicated-',
  'taint pod web a=b:NoSchedule',
  'taint node worker-1 a=b',
  'taint node worker-1 a=b:NoSchedule a-',
  'taint node worker-1 x=1:NoSchedule y=2:NoExecute',
  'taint node worker-1 x-',
  'taint node worker-1 y:NoExecute- -o name',
  'taint nodes a=b:NoSchedule',
  'taint foo worker-1 a=b:NoSchedule',
  'taint node worker-1 a=b:NoSchedule --dry-run=client',
];

describe.skipIf(!oracleAvailable())('kubectl cordon, uncordon and taint match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(NODE_CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
    for (const node of ['control-plane', 'worker-1', 'worker-2'])
      expect(stored(twins.ours, 'nodes', '', node)).toEqual(stored(twins.theirs, 'nodes', '', node));
  });
});

/** podOn finds the node the only pod of a deployment landed on. */
function nodeOf(twins: Twins, app: string): string {
  const pods = twins.ours.server.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === app);
  return (pods[0]?.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

describe.skipIf(!oracleAvailable())('kubectl drain matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP);
  });
  afterAll(async () => {
    await twins.close();
  });

  it('refuses pods without a controller, lists them, and leaves the node cordoned', async () => {
    const node = nodeOf(twins, 'api');
    const { ours, real } = await both(twins, `drain ${node}`);
    expect(ours).toEqual(real);
    expect(stored(twins.ours, 'nodes', '', node)).toEqual(stored(twins.theirs, 'nodes', '', node));
  });

  it('prints what it would evict with --dry-run=client', async () => {
    const node = nodeOf(twins, 'api');
    expect((await both(twins, `uncordon ${node}`)).ours.exitCode).toBe(0);
    const { ours, real } = await both(twins, `drain ${node} --ignore-daemonsets --force --dry-run=client`);
    expect(ours).toEqual(real);
  });

  it('evicts a managed pod and says the node is drained', async () => {
    const node = nodeOf(twins, 'api');
    const { ours, real } = await both(twins, `drain ${node} --grace-period=0 --pod-selector=app=api`);
    expect(ours).toEqual(real);
    expect(stored(twins.ours, 'nodes', '', node)).toEqual(stored(twins.theirs, 'nodes', '', node));
  });

  // Last: our kubectl moves simulated time while it retries, the real one's server clock stays paused.
  it("waits out a PodDisruptionBudget until --timeout, with kubectl's retry lines", async () => {
    const node = nodeOf(twins, 'guarded');
    const { ours, real } = await both(
      twins,
      `drain ${node} --ignore-daemonsets --force --grace-period=0 --pod-selector=app=guarded --timeout=1s`,
    );
    expect(ours).toEqual(real);
  });
});
