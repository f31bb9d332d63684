/**
 * record-create-fixtures runs every invocation of the `kubectl create` golden table through the
 * real kubectl 1.35 (against a simulated cluster served over HTTP, for discovery) and writes what
 * it printed to src/clients/kubectl/commands/create/fixtures.json, so the golden test also runs
 * where the binary cannot. Run it with `npx tsx src/testing/record-create-fixtures.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_CASES, caseKey, invocations, normalized, prepareCluster } from '../clients/kubectl/commands/create/golden-cases.ts';
import { createCluster } from '../engine/index.ts';
import { oracleAvailable, REPO_ROOT, runOracleAsync, startOracleServer, type OracleResult } from './oracle.ts';

export const CREATE_FIXTURES = join(REPO_ROOT, 'src', 'clients', 'kubectl', 'commands', 'create', 'fixtures.json');

async function main(): Promise<void> {
  if (!oracleAvailable()) throw new Error('the kubectl oracle is not available (is unzip installed?)');
  const cluster = createCluster();
  await prepareCluster(cluster);
  const server = await startOracleServer(cluster);
  const cases: Record<string, OracleResult> = {};
  try {
    for (const c of GOLDEN_CASES) {
      if (c.server) continue;
      for (const args of invocations(c)) {
        const result = await runOracleAsync([`--server=${server.url}`, 'create', ...args], c.files ? { files: c.files } : {});
        cases[caseKey(args)] = normalized(c, result);
      }
    }
  } finally {
    await server.close();
  }
  writeFileSync(CREATE_FIXTURES, `${JSON.stringify({ kubectl: 'v1.35.2', cases }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(cases).length} invocations into ${CREATE_FIXTURES}`);
}

await main();
