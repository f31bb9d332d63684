import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * RBAC through kubectl, compared with the real kubectl 1.35 on twin clusters: `auth can-i` (with
 * --as, --list, subresources and names), `auth whoami`, and the Forbidden errors a ServiceAccount
 * meets, whose text comes from the simulated API server's authorizer.
 */
const SA = 'system:serviceaccount:dev:reader';
const SETUP = [
  'create namespace dev',
  'create serviceaccount reader -n dev',
  'create role pod-reader -n dev --verb=get,list,watch --resource=pods,pods/log',
  'create rolebinding reader-pods -n dev --role=pod-reader --serviceaccount=dev:reader',
  'create clusterrole node-viewer --verb=get --resource=nodes --resource-name=worker-1',
  'create clusterrolebinding reader-nodes --clusterrole=node-viewer --serviceaccount=dev:reader',
  'create rolebinding broken -n dev --clusterrole=does-not-exist --user=mallory',
  'create clusterrolebinding jane-view --clusterrole=view --user=jane',
  'run web --image=nginx -n dev',
];

const CASES: string[] = [
  'auth can-i get pods',
  'auth can-i create deployments.apps',
  "auth can-i '*' '*'",
  'auth can-i get nodes',
  'auth can-i get foo',
  'auth can-i get /healthz',
  'auth can-i frobnicate pods',
  'auth can-i get',
  'auth can-i --list pods',
  'auth can-i get pods --no-headers',
  `auth can-i get pods -n dev --as=${SA}`,
  `auth can-i list pods -n dev --as=${SA}`,
  `auth can-i delete pods -n dev --as=${SA}`,
  `auth can-i get pods -n default --as=${SA}`,
  `auth can-i get pods --subresource=log -n dev --as=${SA}`,
  `auth can-i create pods --subresource=exec -n dev --as=${SA}`,
  `auth can-i get nodes/worker-1 --as=${SA}`,
  `auth can-i get nodes/worker-2 --as=${SA}`,
  `auth can-i list nodes --as=${SA}`,
  `auth can-i get pods -A --as=${SA}`,
  `auth can-i get pods -q -n dev --as=${SA}`,
  `auth can-i get pods -n dev --as=mallory`,
  `auth can-i list deployments -n dev --as=jane`,
  `auth can-i create deployments -n dev --as=jane`,
  `auth can-i get secrets -n dev --as=jane`,
  `auth can-i get pods --as=jane --as-group=system:masters`,
  'auth can-i --list',
  `auth can-i --list -n dev --as=${SA}`,
  `auth can-i --list -n dev --as=${SA} --no-headers`,
  'auth whoami',
  `auth whoami --as=${SA}`,
  'auth whoami --as=jane --as-group=devs --as-group=ops',
  'auth whoami -o yaml',
  `auth whoami -o json --as=${SA}`,
  `get pods -n dev --as=${SA}`,
  `get pods --as=${SA}`,
  `get pod web -n dev --as=${SA}`,
  `delete pod web -n dev --as=${SA}`,
  `get nodes --as=${SA}`,
  `get node worker-1 --as=${SA}`,
  `get deployments -A --as=${SA}`,
  `logs web -n dev --as=jane`,
  `get pods --as-group=devs`,
  'auth',
  'auth foo',
];

describe.skipIf(!oracleAvailable())('kubectl auth and RBAC errors match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    // whoami -o yaml|json prints the review's creationTimestamp, which each server stamps with its own now.
    const stamp = (text: string) => text.replace(/"?creationTimestamp"?: "[^"]+"/g, 'creationTimestamp: <now>');
    expect({ ...ours, stdout: stamp(ours.stdout) }).toEqual({ ...real, stdout: stamp(real.stdout) });
  });
});
