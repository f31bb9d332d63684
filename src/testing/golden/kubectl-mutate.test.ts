import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, expectSameObjects, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl scale, patch, replace, expose, autoscale and set, compared with the real kubectl 1.35
 * on twin clusters: the same output, errors and exit codes, and the same objects afterwards.
 */
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  MODE: fast\n';
const FILES = {
  'cm.yaml': CONFIGMAP,
  'cm2.yaml': CONFIGMAP.replace('fast', 'slow'),
  'nope.yaml': CONFIGMAP.replace('settings', 'nothere'),
  'patch.yaml': 'spec:\n  replicas: 3\n',
};
const SETUP = [
  'run web --image=nginx --labels=app=web',
  'create deployment api --image=nginx --replicas=2 --port=80',
  'create deployment db --image=postgres',
  'create configmap one --from-literal=COLOR=blue',
  'advance 30s',
];

const CASES: string[] = [
  'scale deploy api --replicas=3',
  'scale deploy api --replicas=3',
  'scale deploy/api --replicas=1 --current-replicas=2',
  'scale deploy/api --replicas=2 --current-replicas=3',
  'scale deploy api',
  'scale --replicas=1',
  'scale deploy nope --replicas=2',
  'scale deploy api --replicas=-1',
  'scale deploy api --replicas=2 -o name',
  'scale deploy api --replicas=4 --dry-run=client',
  'scale deploy api --replicas=4 --dry-run=server',
  'scale deploy -l app=api --replicas=2',
  'scale deploy api rs/x --replicas=2',
  'scale deploy api --replicas=4 -o yaml --dry-run=client',
  'patch deploy api -p \'{"spec":{"replicas":3}}\'',
  'patch deploy api -p \'{"spec":{"replicas":3}}\'',
  'patch deploy api --type merge -p \'{"metadata":{"labels":{"tier":"back"}}}\'',
  'patch deploy api --type json -p \'[{"op":"replace","path":"/spec/replicas","value":2}]\'',
  'patch deploy api -p notjson',
  'patch deploy api',
  "patch deploy api --type=foo -p '{}'",
  "patch deploy nope -p '{}'",
  'patch deploy api -p \'{"spec":{"replicas":5}}\' --dry-run=client',
  'patch deploy api -p \'{"spec":{"replicas":4}}\' -o name',
  "patch deploy -p '{}'",
  "patch -p '{}'",
  'patch deploy api --patch-file=patch.yaml',
  'patch deploy api --patch-file=missing.json',
  'patch pod web -p \'{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}\'',
  'replace -f cm.yaml --validate=false',
  'create -f cm.yaml --validate=false',
  'replace -f cm2.yaml --validate=false',
  'replace -f cm2.yaml --validate=false -o name',
  'replace -f cm.yaml --dry-run=client --validate=false',
  'replace -f cm.yaml --dry-run=server --validate=false',
  'replace --force -f cm.yaml --validate=false',
  'replace -f nope.yaml --validate=false',
  'replace',
  'expose deploy api --port=80',
  'expose deploy api --port=80',
  'expose pod web --port=80 --name=web-np --type=NodePort',
  'expose deploy api --port=8080 --target-port=80 --name=api2 --dry-run=client -o yaml',
  'expose deploy api --port=8080 --target-port=80 --name=api2 --dry-run=client -o json',
  'expose pod web',
  'expose deploy api --name=api3',
  'expose svc api --name=api-lb --port=81 --type=LoadBalancer',
  'expose deploy nope --port=80',
  'expose node worker-1 --port=80',
  'expose pod web --port=80 --name=w3 --selector=app=x,b=c --protocol=UDP --dry-run=client -o yaml',
  'expose deploy api --port=80 --name=w4 --type=Foo',
  'expose',
  'expose deploy',
  'autoscale deploy api --max=5',
  'autoscale deploy api --max=5',
  'autoscale deploy api --min=2 --max=5 --cpu=50% --name=h2',
  'autoscale deploy api --min=2 --max=5 --cpu-percent=80 --name=h3',
  'autoscale deploy api --max=5 --memory=100Mi --dry-run=client -o yaml --name=h4',
  'autoscale deploy api --max=5 --cpu=200m --dry-run=client -o json --name=h5',
  'autoscale deploy api --max=5 --cpu=500 --dry-run=client -o yaml --name=h6',
  'autoscale deploy api --max=5 --cpu=x% --name=h7',
  'autoscale deploy api',
  'autoscale deploy api --max=1 --min=3',
  'autoscale pod web --max=3',
  'autoscale deploy nope --max=3',
  'autoscale deploy api --max=3 --name=h8 --dry-run=client',
  'set image deploy/api nginx=nginx:1.27',
  'set image deploy/api nginx=nginx:1.27',
  'set image deploy/api nope=nginx:1.27',
  "set image deploy/api '*=nginx:1.26'",
  'set image pod/web web=nginx:1.27',
  'set image deploy api',
  'set image deploy/api nginx=nginx:1.25 -o name',
  'set image deploy/api nginx=nginx:1.24 --dry-run=client',
  'set env deploy/api A=1 B=2',
  'set env deploy/api --list',
  'set env deploy/api A-',
  'set env deploy/api A=1',
  'set env deploy/api C=3 -c nope',
  'set env deploy/api --from=configmap/one',
  'set env deploy/api --list',
  'set env deploy/api --from=configmap/nope',
  'set env deploy/api 1A=x',
  'set env deploy/api A',
  'set env deploy/api B=2 B-',
  'set resources deploy/api --limits=cpu=200m,memory=512Mi --requests=cpu=100m',
  'set resources deploy/api --limits=cpu=200m',
  'set resources deploy/api --limits=cpu=0.5 -o yaml',
  'set resources deploy/api',
  'set',
  'set foo',
  'set image',
];

describe.skipIf(!oracleAvailable())(
  'kubectl scale, patch, replace, expose, autoscale and set match kubectl 1.35',
  () => {
    let twins: Twins;
    beforeAll(async () => {
      twins = await makeTwins(SETUP, FILES);
    });
    afterAll(async () => {
      await twins.close();
    });

    it.each(CASES)('kubectl %s', async (line) => {
      const { ours, real } = await both(twins, line);
      expect(ours).toEqual(real);
      expectSameObjects(twins, [
        ['deployments.apps', 'api'],
        ['pods', 'web'],
        ['configmaps', 'settings'],
        ['services', 'api'],
        ['horizontalpodautoscalers.autoscaling', 'api'],
      ] as const);
    });
  },
);
