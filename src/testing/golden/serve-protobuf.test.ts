import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, makeTwins, stored, type Twins } from './kubectl-twins.ts';

/**
 * The real kubectl 1.35 sends typed objects as protobuf (`create …`, `run`, `expose`, `autoscale`,
 * `create token`, `drain`). Against `kubelab serve` they must work, and leave behind exactly the
 * objects our emulator creates for the same command on a twin cluster.
 */
const SETUP = ['create deployment api --image=nginx --replicas=1', 'advance 30s'];

/** [command line, resource, namespace, name of the object it leaves behind]. */
const CASES: [string, string, string, string][] = [
  ['create deployment web --image=nginx', 'deployments.apps', 'default', 'web'],
  ['create deployment zero --image=nginx --replicas=0 --port=8080', 'deployments.apps', 'default', 'zero'],
  ['create deployment multi --image=nginx --image=busybox:1.36', 'deployments.apps', 'default', 'multi'],
  ['create deployment cmd --image=busybox -- sleep 3600', 'deployments.apps', 'default', 'cmd'],
  ['create service clusterip sv --tcp=80:8080 --tcp=443', 'services', 'default', 'sv'],
  ['create service clusterip headless --clusterip=None', 'services', 'default', 'headless'],
  ['create service nodeport np --tcp=80:8080 --node-port=30080', 'services', 'default', 'np'],
  ['create service loadbalancer lb --tcp=80', 'services', 'default', 'lb'],
  ['create service externalname ex --external-name=example.com', 'services', 'default', 'ex'],
  ['create configmap cm --from-literal=a=b --from-literal=empty=', 'configmaps', 'default', 'cm'],
  ['create secret generic sec --from-literal=user=admin --from-literal=pw=s3cr3t', 'secrets', 'default', 'sec'],
  [
    'create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=p',
    'secrets',
    'default',
    'reg',
  ],
  ['create job once --image=busybox -- echo hi', 'jobs.batch', 'default', 'once'],
  ['create cronjob tick --image=busybox --schedule="*/5 * * * *" -- date', 'cronjobs.batch', 'default', 'tick'],
  ['create job manual --from=cronjob/tick', 'jobs.batch', 'default', 'manual'],
  ['create namespace team', 'namespaces', '', 'team'],
  ['create serviceaccount robot', 'serviceaccounts', 'default', 'robot'],
  [
    'create role reader --verb=get,list --resource=pods,deployments.apps',
    'roles.rbac.authorization.k8s.io',
    'default',
    'reader',
  ],
  [
    'create rolebinding reader --role=reader --user=ann --group=devs --serviceaccount=default:robot',
    'rolebindings.rbac.authorization.k8s.io',
    'default',
    'reader',
  ],
  ['create clusterrole nodes --verb=get --resource=nodes', 'clusterroles.rbac.authorization.k8s.io', '', 'nodes'],
  [
    'create clusterrole logs --verb=get --non-resource-url=/logs/*',
    'clusterroles.rbac.authorization.k8s.io',
    '',
    'logs',
  ],
  ['create clusterrole agg --aggregation-rule=team=a', 'clusterroles.rbac.authorization.k8s.io', '', 'agg'],
  [
    'create clusterrolebinding nodes --clusterrole=nodes --user=ann',
    'clusterrolebindings.rbac.authorization.k8s.io',
    '',
    'nodes',
  ],
  [
    'create quota small -n team --hard=pods=5,cpu=1,memory=1Gi --scopes=NotTerminating',
    'resourcequotas',
    'team',
    'small',
  ],
  ['create pdb db --selector=app=db --min-available=1', 'poddisruptionbudgets.policy', 'default', 'db'],
  ['create pdb half --selector=app=web --max-unavailable=50%', 'poddisruptionbudgets.policy', 'default', 'half'],
  [
    'create priorityclass high --value=1000 --description=important --preemption-policy=Never',
    'priorityclasses.scheduling.k8s.io',
    '',
    'high',
  ],
  ['create priorityclass zero --value=0 --global-default', 'priorityclasses.scheduling.k8s.io', '', 'zero'],
  [
    'create ingress site --class=nginx --rule=foo.com/bar=sv:80 --rule=x.com/*=sv:http,tls=cert',
    'ingresses.networking.k8s.io',
    'default',
    'site',
  ],
  ['create ingress back --default-backend=sv:80', 'ingresses.networking.k8s.io', 'default', 'back'],
  ['run pod1 --image=nginx --port=80 --labels=a=b --env=MODE=fast', 'pods', 'default', 'pod1'],
  ['run once --image=busybox --restart=Never --command -- sleep 10', 'pods', 'default', 'once'],
  ['run job1 --image=busybox --restart=OnFailure -- echo hi', 'pods', 'default', 'job1'],
  ['expose deployment web --port=80 --target-port=8080 --name=websvc', 'services', 'default', 'websvc'],
  ['expose pod pod1 --port=80 --type=NodePort', 'services', 'default', 'pod1'],
  ['autoscale deployment web --min=1 --max=3 --cpu=50%', 'horizontalpodautoscalers.autoscaling', 'default', 'web'],
  ['autoscale deployment api --max=4', 'horizontalpodautoscalers.autoscaling', 'default', 'api'],
];

describe.skipIf(!oracleAvailable())('the real kubectl sends protobuf to kubelab serve', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line, resource, namespace, name) => {
    const { ours, real } = await both(twins, line);
    expect(real.stderr).toBe('');
    expect(real.exitCode).toBe(0);
    expect(ours).toEqual(real);
    const theirs = stored(twins.theirs, resource, namespace, name);
    expect(theirs).toBeDefined();
    expect(stored(twins.ours, resource, namespace, name)).toEqual(theirs);
  });

  // Both twins sign with the same seeded randomness at the same simulated instant, so even the
  // tokens are the same.
  it('kubectl create token', async () => {
    const { ours, real } = await both(twins, 'create token robot --duration=10m');
    expect(real.exitCode).toBe(0);
    expect(real.stdout).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/); // no newline after it, as kubectl prints it
    expect(ours).toEqual(real);
  });

  it('kubectl drain evicts through the protobuf Eviction', async () => {
    const pods = twins.ours.server.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === 'api');
    const node = (pods[0]?.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    const { ours, real } = await both(
      twins,
      `drain ${node} --ignore-daemonsets --force --grace-period=0 --pod-selector=app=api --timeout=20s`,
    );
    expect(real.exitCode).toBe(0);
    expect(ours).toEqual(real);
    expect(stored(twins.ours, 'nodes', '', node)).toEqual(stored(twins.theirs, 'nodes', '', node));
  });
});
