import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { lab } from './lab.ts';
import { oracleAvailable, runOracleAsync } from './oracle.ts';
import { startApiServer } from '../cli/serve.ts';

it('try', async () => {
  console.log('oracle', oracleAvailable());
  const l = lab({ start: Date.now() - 25 * 60_000 });
  await l.kubectl('run web --image=nginx');
  await l.advance('20m');
  const server = await startApiServer(l.cluster, { port: 0, paused: true });
  const args = process.env.ARGS!.split(' ');
  const real = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, ...args]);
  const ours = await l.sh('kubectl ' + args.join(' '));
  writeFileSync('/tmp/dsc/real.txt', real.stdout + real.stderr);
  writeFileSync('/tmp/dsc/ours.txt', ours.stdout + ours.stderr);
  await server.close();
}, 60000);
