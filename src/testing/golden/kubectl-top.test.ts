import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl top, compared with the real kubectl 1.35 reading the same simulated metrics.k8s.io API.
 */
const SETUP = [
  'create deployment api --image=nginx --replicas=2',
  'run web --image=nginx --labels=app=web',
  'run db --image=postgres --env=POSTGRES_PASSWORD=secret -n kube-public',
  'advance 1m',
  'run young --image=nginx',
];

const CASES: string[] = [
  'top node',
  'top nodes --no-headers',
  'top node worker-1',
  'top node -l kubernetes.io/hostname=worker-2',
  'top node --sort-by=memory',
  'top node --sort-by=cpu',
  'top node --show-capacity',
  'top node nope',
  'top pod',
  'top pods -A',
  'top pod web',
  'top pod nope',
  'top pod young',
  'top pod --containers',
  'top pod -A --containers',
  'top pod -l app=api',
  'top pod -l app=none',
  'top pod --sort-by=memory -A',
  'top pod --sum',
  'top pod -A --sum --containers',
  'top pod -n kube-public',
  'top pod --sort-by=foo',
  'top',
  'top foo',
];

describe.skipIf(!oracleAvailable())('kubectl top matches kubectl 1.35', () => {
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
  });
});
