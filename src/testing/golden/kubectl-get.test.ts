import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl get's --sort-by and -L, empty listings, --raw and -o kyaml, compared with the real kubectl
 * 1.35 on twin clusters. --sort-by asks the server for whole objects in its Table rows
 * (includeObject=Object) and sorts them with Go's unstable sort, ties and all.
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
  // Empty listings: the namespace is named only when every resource asked for is namespaced.
  'get pods -l x=y',
  'get pv,pvc',
  'get crd',
  'get pods -A -l x=y',
  'get pods -l x=y -o name',
  'get pods -l x=y -o json',
  'get pods,svc -l x=y -o name',
  // --raw: the server's bytes, no newline; its own errors.
  'get --raw /healthz',
  'get --raw /api',
  'get --raw /version',
  'get --raw /api/v1/namespaces/default/pods/web',
  'get --raw /api/v1/namespaces/default/pods?limit=1&labelSelector=tier%3Dback',
  'get --raw /nope',
  'get --raw /api pods',
  'get --raw /api -o yaml',
  'get --raw api',
  'get --raw /api -w',
  'get --raw /api -l a=b',
  // -o kyaml, one object and a List.
  'get pod web -o kyaml',
  'get pods -o kyaml',
  'get pods -o foo',
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
