import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, stored, type Twins } from './kubectl-twins.ts';

/**
 * kubectl rollout history, undo, restart, pause and resume, compared with the real kubectl 1.35 on
 * twin clusters. (rollout status needs the server's watch-list, so it is covered by scenarios.)
 */
const SETUP = [
  'create deployment api --image=nginx:1.25 --replicas=2',
  'advance 30s',
  'set image deploy/api nginx=nginx:1.26',
  'advance 30s',
  'annotate deploy/api kubernetes.io/change-cause="image 1.27"',
  'set image deploy/api nginx=nginx:1.27',
  'advance 30s',
  'run web --image=nginx',
];

const CASES: string[] = [
  'rollout history deploy/api',
  'rollout history deploy api',
  'rollout history deploy/api --revision=1',
  'rollout history deploy/api --revision=99',
  'rollout history pod/web',
  'rollout history',
  'rollout pause deploy/api',
  'rollout pause deploy/api',
  'rollout restart deploy/api',
  'rollout undo deploy/api',
  'rollout resume deploy/api',
  'rollout resume deploy/api',
  'rollout undo deploy/api --to-revision=9',
  'rollout undo deploy/api --to-revision=3',
  'rollout undo deploy/api',
  'rollout history deploy/api',
  'rollout undo deploy/nope',
  'rollout pause deploy/api -o name',
  'rollout resume deploy/api -o name',
  'rollout status pod/web',
  'rollout status',
  'rollout',
  'rollout foo',
  'rollout restart deploy/api --dry-run=client',
];

describe.skipIf(!oracleAvailable())('kubectl rollout matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
    // restartedAt comes from each kubectl's own clock; the last test checks it.
    if (line.includes('restart')) return;
    expect(stored(twins.ours, 'deployments.apps', 'default', 'api')).toEqual(
      stored(twins.theirs, 'deployments.apps', 'default', 'api'),
    );
  });

  it('kubectl rollout restart restarts the pods with a restartedAt annotation', async () => {
    const { ours, real } = await both(twins, 'rollout restart deploy/api');
    expect(ours).toEqual(real);
    for (const cluster of [twins.ours, twins.theirs]) {
      const template = stored(cluster, 'deployments.apps', 'default', 'api')?.spec as {
        template: { metadata: { annotations?: Record<string, string> } };
      };
      const restartedAt = Date.parse(
        template.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'] ?? '',
      );
      expect(Math.abs(restartedAt - Date.now())).toBeLessThan(60_000);
    }
  });
});
