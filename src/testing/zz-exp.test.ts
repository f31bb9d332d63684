import { it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { runOracleAsync } from './oracle.ts';
import { startApiServer } from '../cli/serve.ts';

it('exp', async () => {
  const l = { cluster: createCluster({}) };
  const server = await startApiServer(l.cluster, { port: 0, paused: true });
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    imagee: nginx\n    image: nginx\n';
  for (const args of [['apply', '-f', '{dir}/pod.yaml'], ['apply', '-f', '{dir}/pod.yaml', '--validate=false'], ['create', '-f', '{dir}/pod.yaml', '--validate=warn', '-v=8']]) {
    const real = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, ...args], { files: { 'pod.yaml': pod } });
    console.log(args.join(' '), '\n', real.exitCode, real.stdout, real.stderr.split('\n').filter(l => /Warning|Error|error|GET|POST|PATCH|Response/.test(l)).slice(0, 30).join('\n'));
  }
  await server.close();
}, 60000);
