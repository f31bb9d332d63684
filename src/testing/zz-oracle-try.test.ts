import { it } from 'vitest';
import { lab } from './lab.ts';
import { runOracleAsync } from './oracle.ts';
import { startApiServer } from '../cli/serve.ts';

it('oracle', async () => {
  const l = lab();
  const server = await startApiServer(l.cluster, { port: 0, paused: true });
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    imagee: nginx\n    pullPolicy: Always\n';
  const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
  const files = { 'pod.yaml': pod, 'deploy.yaml': deploy, 'deploy2.yaml': deploy.replace('image: nginx', 'image: nginx\n        env:\n        - name: A\n          valeu: b') };
  for (const args of [['apply', '-f', '{dir}/deploy.yaml'], ['apply', '-f', '{dir}/deploy2.yaml'], ['apply', '-f', '{dir}/deploy2.yaml', '--validate=warn'], ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].env}'], ['explain', 'pods.metadata.creationTimestamp']]) {
    const real = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, ...args], { files });
    for (const [k, v] of Object.entries(files)) l.file(k, v);
    const ours = await l.sh('kubectl ' + args.join(' ').replace(/\{dir\}\//g, ''));
    console.log(`$ ${args.join(' ')}\nREAL [${real.exitCode}]\n${real.stdout}${real.stderr}\nOURS [${ours.exitCode}]\n${ours.stdout}${ours.stderr}`);
    
  }
  await server.close();
}, 60000);
