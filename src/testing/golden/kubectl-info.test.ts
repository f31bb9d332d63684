import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl version, api-resources and api-versions, compared with the real kubectl 1.35 on twin
 * clusters (the client version is the oracle's own build: 1.35.2).
 */
const CASES: string[] = [
  'version',
  'version --client',
  'version -o json',
  'version -o yaml',
  'version --client -o json',
  'version --client -o yaml',
  'version -o foo',
  'api-versions',
  'api-resources',
  'api-resources -o wide',
  'api-resources -o name',
  'api-resources --namespaced=false',
  'api-resources --api-group=apps',
  'api-resources --verbs=list --namespaced=true -o name',
];

describe.skipIf(!oracleAvailable())('kubectl version and discovery commands match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins([]);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
  });
});
