import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../../engine/index.ts';
import { oracleAvailable, runOracleAsync, startOracleServer } from '../../../../testing/oracle.ts';
import fixtures from './fixtures.json';
import {
  GOLDEN_CASES,
  caseKey,
  invocations,
  normalized,
  prepareCluster,
  runOurs,
  type GoldenCase,
} from './golden-cases.ts';

const recorded = fixtures.cases as Record<string, { stdout: string; stderr: string; exitCode: number }>;
const all: [string, GoldenCase, string[]][] = GOLDEN_CASES.flatMap((c) =>
  invocations(c).map((args): [string, GoldenCase, string[]] => [caseKey(args), c, args]),
);
const offline = all.filter(([, c]) => !c.server);

describe('kubectl create generators print what kubectl 1.35 printed (recorded fixtures)', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = createCluster();
    await prepareCluster(cluster);
  });

  it('has a recorded answer for every offline invocation', () => {
    expect(offline.length).toBeGreaterThanOrEqual(120);
    expect(offline.map(([key]) => key).filter((key) => !(key in recorded))).toEqual([]);
  });

  it.each(offline)('kubectl create %s', async (key, c, args) => {
    const ours = await runOurs(c, args, cluster);
    expect(ours).toEqual(recorded[key]);
  });
});

describe.skipIf(!oracleAvailable())('kubectl create generators print what the real kubectl 1.35 prints (live)', () => {
  let cluster: Cluster;
  let server: Awaited<ReturnType<typeof startOracleServer>>;
  beforeAll(async () => {
    cluster = createCluster();
    await prepareCluster(cluster);
    server = await startOracleServer(cluster);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(all)('kubectl create %s', async (_key, c, args) => {
    const real = normalized(
      c,
      await runOracleAsync([`--server=${server.url}`, 'create', ...args], c.files ? { files: c.files } : {}),
    );
    const ours = await runOurs(c, args, cluster);
    expect(ours).toEqual(real);
  });
});
