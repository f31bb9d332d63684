import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl get's --sort-by and -L, compared with the real kubectl 1.35 on twin clusters. --sort-by
 * asks the server for whole objects in its Table rows (includeObject=Object) and sorts them with
 * Go's unstable sort, ties and all.
 */
const SETUP = [
  'create deployment api --image=nginx --replicas=3',
  'run web --image=nginx --labels=app.kubernetes.io/name=webby,tier=front',
  'run db --image=postgres --env=POSTGRES_PASSWORD=x --labels=tier=back',
  'advance 1m',
];

const CASES: string[] = [
  'get pods -L app.kubernetes.io/name,tier',
  'get pods -L tier --show-labels',
  'get pods --sort-by=.metadata.name',
  'get pods --sort-by=.status.podIP',
  'get pods --sort-by=.spec.nodeName -o name',
  'get pods --sort-by=.spec.nodeName',
  'get pods --sort-by=.foo',
  "get pods --sort-by='{.metadata.creationTimestamp}'",
  'get pods -A --sort-by=.metadata.name',
  'get pods -A --sort-by=.spec.nodeName',
  'get pods,svc --sort-by=.metadata.name',
  'get pods --sort-by=.status.containerStatuses[0].restartCount',
  'get nodes --sort-by=.status.capacity.memory',
  'get pods --sort-by=.metadata.labels.tier -o jsonpath={.items[*].metadata.name}',
];

describe.skipIf(!oracleAvailable())('kubectl get --sort-by and -L match kubectl 1.35', () => {
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
