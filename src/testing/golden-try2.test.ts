import { it } from 'vitest';
import { lab } from './lab.ts';
import { startApiServer } from '../cli/serve.ts';
import { runOracleAsync } from './oracle.ts';

it('apply', async () => {
  const l = lab();
  const server = await startApiServer(l.cluster, { port: 0, paused: true });
  const r = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, 'describe', 'resourcequota', 'compute', '-n', 'nosuchns', '-v=6']);
  console.log(r.stderr.split('\n').filter((x) => /GET|POST|Error|namespaces/.test(x)).join('\n'));
  await server.close();
}, 60000);
