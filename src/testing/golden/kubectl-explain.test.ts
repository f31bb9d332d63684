import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl explain, compared with the real kubectl 1.35 reading the same /openapi/v3 documents from
 * the simulated API server.
 */
const CASES: string[] = [
  'explain pods',
  'explain pod.spec',
  'explain pods.spec.containers',
  'explain pods.spec.restartPolicy',
  'explain pods.spec.containers.resources.limits',
  'explain deployments',
  'explain deploy.spec.strategy',
  'explain deployment.spec.template.spec.containers.ports.protocol',
  'explain svc.spec.type',
  'explain pods.spec.nope',
  'explain foo',
  'explain',
  'explain pods svc',
  'explain cm --recursive',
  'explain pods.spec.securityContext --recursive',
  'explain hpa.spec.metrics',
  'explain ingresses.spec.rules',
  'explain cronjobs.spec.jobTemplate.spec.template.spec.containers.name',
];

describe.skipIf(!oracleAvailable())('kubectl explain matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins();
    // The server loads its field descriptions on the first /openapi/v3 request; let it finish.
    await twins.theirs.request({ verb: 'GET', path: '/openapi/v3' });
    await twins.ours.request({ verb: 'GET', path: '/openapi/v3' });
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
  });
});
