import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, stored, type Twins } from './kubectl-twins.ts';

/**
 * kubectl label and annotate, compared with the real kubectl 1.35 on twin clusters: the same
 * output, errors and exit codes, and the same objects afterwards.
 */
const SETUP = [
  'run web --image=nginx --labels=app=web,tier=front',
  'run solo --image=nginx --labels=only=one',
  'create deployment api --image=nginx --replicas=2',
  'advance 30s',
];

const CASES: string[] = [
  'label pod web env=prod',
  'label pod web app=other',
  'label pod web app=other --overwrite',
  'label pod web tier-',
  'label pod web nothere-',
  'label pod web app=web',
  'label pod/web pod/nope x=y',
  'label pod/nope1 pod/nope2 x=y',
  'label pods a=b',
  'label pods --all a=b --dry-run=client',
  'label pods -l app=api z=1',
  'label pods -l app=nomatch z=1',
  'label pod web a=b=c',
  "label pod web 'a=bad value'",
  'label pod web x- x=1',
  'label pod web',
  'label',
  'label pod web =x',
  'label pod web q=1 -o name',
  'label pod web q=1 -o yaml',
  'label pod web q=1 -o wide',
  'label pod web q=1 --dry-run=foo',
  'label pod solo --list',
  'label node worker-1 disk=ssd',
  'label deploy api -l app=api a=b',
  'label pods --all -l app=x x=1',
  'label pod web a=1 b',
  'label nopes web a=1',
  'annotate pod web note=hello',
  'annotate pod web note=again',
  'annotate pod web note=again --overwrite',
  'annotate pod web note-',
  'annotate pod web',
  'annotate pods a=1',
  'annotate pods --all kubelab.dev/checked=yes',
  'annotate deploy api kubernetes.io/change-cause="scale up" -o json',
];

describe.skipIf(!oracleAvailable())('kubectl label and annotate match kubectl 1.35', () => {
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
    expect(stored(twins.ours, 'pods', 'default', 'web')).toEqual(stored(twins.theirs, 'pods', 'default', 'web'));
  });
});
