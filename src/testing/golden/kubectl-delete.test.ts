import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KLOG_HEADER } from '../../clients/kubectl/klog.ts';
import { oracleAvailable } from '../oracle.ts';
import { both, expectSameObjects, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl delete compared with the real kubectl 1.35 on twin clusters: dry runs (which must leave
 * everything in place), names, selectors, files, errors, and the objects left afterwards. Pods are
 * deleted with --wait=false: the served twin's time is paused, so their grace period never ends.
 */
const FILES = {
  'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\ndata:\n  A: "1"\n',
};
const SETUP = [
  'run web --image=nginx --labels=app=web',
  'create deployment api --image=nginx --replicas=2',
  'create configmap one --from-literal=A=1',
  'create configmap two --from-literal=B=2',
  'create -f cm.yaml',
  'advance 30s',
];

const CASES: string[] = [
  'delete pod web --dry-run=client',
  'delete pod web --dry-run=server',
  'delete pod web --dry-run',
  'delete pod web --dry-run=foo',
  'delete pod web --dry-run=client -o name',
  'delete pod nope --dry-run=client',
  'delete pod nope --dry-run=server',
  'delete pods -l app=web --dry-run=server',
  'delete deploy api --dry-run=server',
  'delete -f cm.yaml --dry-run=client',
  'delete -f cm.yaml --dry-run=server',
  'delete pod web --force --grace-period=0 --dry-run=client',
  'delete ns default --dry-run=client',
  'delete pod nope',
  'delete pod nope --ignore-not-found',
  'delete pods',
  'delete',
  'delete cm one',
  'delete cm one',
  'delete cm two -o name',
  'delete -f cm.yaml',
  'delete -f cm.yaml',
  'delete pod web --wait=false',
];

describe.skipIf(!oracleAvailable())('kubectl delete matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, FILES);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    // klog's header carries the wall time and a process id; the rest of the line must match.
    const plain = (outcome: typeof ours) => ({ ...outcome, stderr: outcome.stderr.replace(KLOG_HEADER, '$1 ') });
    expect(plain(ours)).toEqual(plain(real));
    expectSameObjects(twins, [
      ['pods', 'web'],
      ['deployments.apps', 'api'],
      ['configmaps', 'one'],
      ['configmaps', 'two'],
      ['configmaps', 'from-file'],
    ] as const);
  });
});
