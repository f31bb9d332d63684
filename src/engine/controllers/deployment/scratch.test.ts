import { it } from 'vitest';
import { Harness } from '../testing/harness.ts';
import { deployment } from '../testing/builders.ts';
import { DeploymentController } from './controller.ts';
import { ReplicaSetController } from '../replicaset/controller.ts';

it('scratch', () => {
  const h = new Harness((deps) => [new DeploymentController(deps), new ReplicaSetController(deps)]);
  h.create('/apis/apps/v1/namespaces/default/deployments', deployment('web').replicas(3).obj());
  const show = () => {
    for (const rs of h.list<any>('replicasets.apps')) console.log(rs.metadata.name, rs.spec.replicas, JSON.stringify(rs.status));
    console.log(h.list<any>('pods').map((p) => `${p.metadata.name}:${p.status.phase}${p.metadata.deletionTimestamp ? '(T)' : ''}`).join(' '));
    console.log(JSON.stringify(h.get<any>('deployments.apps', 'web')?.status));
  };
  show();
  h.advance(5000);
  show();
  h.patch('/apis/apps/v1/namespaces/default/deployments/web', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
  show();
  for (let i = 0; i < 6; i++) { h.advance(1000); show(); }
  console.log(h.eventMessages('web').join('\n'));
  console.log(JSON.stringify(h.get<any>('deployments.apps', 'web')?.metadata.annotations));
});
