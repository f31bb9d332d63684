import { it } from 'vitest';
import { lab } from './lab.ts';

it('try', async () => {
  const l = lab({ start: Date.now() - 25 * 60_000 });
  for (const a of ['get clusterroles', 'get leases -A', 'get sc', 'get ns', 'get sa -A', 'get endpointslices -A', 'get ep -A', 'get pods -A -o wide', 'get ingressclass', 'get priorityclass', 'get cm -A', 'get rolebindings -A', 'get clusterrolebindings'])
    console.log(a + '\n' + (await l.sh('kubectl ' + a)).stdout + (await l.sh('kubectl ' + a)).stderr);
}, 60000);
