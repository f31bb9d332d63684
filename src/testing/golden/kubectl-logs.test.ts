import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl logs, and the pod kubectl logs, exec and port-forward pick behind TYPE/NAME, compared
 * with the real kubectl 1.35 on twin clusters (logs are served over HTTP, so the real kubectl reads
 * the same simulated container output). Exec and port-forward streams need protocols the lab does
 * not serve, so only their errors are compared.
 */
const SETUP = [
  'create deployment web --image=nginx --replicas=2 --port=80',
  'expose deployment web --port=80',
  'create job hello --image=busybox -- echo hi',
  'run db --image=postgres',
  'create -f two.yaml',
  'advance 2m',
];

const FILES = {
  'two.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  initContainers:
  - {name: init, image: busybox, command: [sh, -c, echo ready]}
  containers:
  - {name: a, image: busybox, command: [sh, -c, 'echo a; sleep 3600']}
  - {name: b, image: busybox, command: [sh, -c, 'echo b; sleep 3600']}
`,
};

const CASES: string[] = [
  'logs deploy/web',
  'logs deployment/web --tail=3',
  'logs job/hello',
  'logs svc/web',
  'logs db',
  'logs pod/db --tail=2',
  'logs two',
  'logs two -c b',
  'logs two --all-containers',
  'logs two -c nope',
  'logs two -c init',
  'logs nope',
  'logs pod/nope',
  'logs deploy/nope',
  'logs cm/x',
  'logs -l app=web',
  'logs -l app=none',
  'logs',
  'logs db --since=1h',
  'logs db --since=5s',
  'logs db --since=-1s',
  'logs db --since=x',
  'logs db --since=1m --since-time=2026-01-01T00:00:00Z',
  'logs db --since-time=2020-01-01T00:00:00Z',
  'logs db --since-time=nope',
  'logs db --limit-bytes=20',
  'logs db --limit-bytes=-1',
  'logs db --tail=-2',
  'logs deploy/web --all-pods',
  'logs deploy/web --all-pods --tail=1',
  'exec deploy/nope -- ls',
  'exec cm/x -- ls',
  'exec nope -- ls',
  'port-forward deploy/nope 8080:80',
  'port-forward svc/nope 8080:80',
  'port-forward cm/x 80',
];

describe.skipIf(!oracleAvailable())('kubectl logs and TYPE/NAME pods match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, FILES, { lagMs: 30_000 });
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line, undefined, true);
    // With several pods or containers the real kubectl reads their logs from a Go map, so the
    // blocks come in any order; each block, and every line of it, must still be the same.
    const several = line.includes('--all-pods') || line.includes('--all-containers');
    const lines = (outcome: typeof ours) => ({ ...outcome, stdout: outcome.stdout.split('\n').sort().join('\n') });
    if (several) expect(lines(ours)).toEqual(lines(real));
    else expect(ours).toEqual(real);
  });
});
