import { it } from 'vitest';
import { lab } from './lab.ts';
import { startApiServer } from '../cli/serve.ts';
import { runOracleAsync } from './oracle.ts';

it('apply', async () => {
  const l = lab();
  await l.kubectl('run web --image=nginx');
  await l.advance('1m');
  const server = await startApiServer(l.cluster, { port: 0, paused: true });
  const file = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    extra: fromfile\nspec:\n  containers:\n  - name: x\n    image: busybox\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n';
  const r = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, 'describe', '-f', '{dir}/a.yaml', '--show-events=false'], { files: { 'a.yaml': file } });
  console.log(r.stdout + '\n--\n' + r.stderr + r.exitCode);
  await server.close();
}, 60000);
