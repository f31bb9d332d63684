import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl diff, compared with the real kubectl 1.35 on twin clusters. The real one diffs two
 * temporary folders with random names and file times; those two things are replaced by
 * placeholders in both outputs, everything else must match byte for byte.
 */
const CM = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n${data}`;
const FILES = {
  'same.yaml': CM('  MODE: fast\n'),
  'changed.yaml': CM('  MODE: slow\n  LEVEL: "3"\n'),
  'new.yaml': CM('  MODE: fast\n').replace('settings', 'fresh'),
  'deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n',
  'both.yaml': `${CM('  MODE: slow\n')}---\n${CM('  MODE: fast\n').replace('settings', 'aaa')}`,
};
const SETUP = [
  'apply -f same.yaml --validate=false',
  'create deployment api --image=nginx --replicas=2',
  'advance 30s',
];

const CASES: string[] = [
  'diff -f same.yaml',
  'diff -f changed.yaml',
  'diff -f new.yaml',
  'diff -f deploy.yaml',
  'diff -f both.yaml',
  'diff -f nope.yaml',
  'diff',
];

function placeholders(text: string): string {
  return text
    .replace(/\/tmp\/(LIVE|MERGED)-\d+\//g, '/tmp/$1-<random>/')
    .replace(/^(---|\+\+\+) (\S+)\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/gm, '$1 $2\t<mtime>');
}

describe.skipIf(!oracleAvailable())('kubectl diff matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, FILES);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect({ ...ours, stdout: placeholders(ours.stdout) }).toEqual({ ...real, stdout: placeholders(real.stdout) });
  });
});
