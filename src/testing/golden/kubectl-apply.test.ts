import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KLOG_HEADER } from '../../clients/kubectl/klog.ts';
import { oracleAvailable } from '../oracle.ts';
import { both, expectSameObjects, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl apply over a series of edits to the same objects, compared with the real kubectl 1.35 on
 * twin clusters: the same created/configured/unchanged lines and errors, and the same objects
 * afterwards — which holds only if both send the same three-way strategic merge patches
 * ($setElementOrder, $retainKeys, $patch: delete, $deleteFromPrimitiveList included).
 */
const deployment = (body: string, top = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
${top}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${body}`;

const NGINX = `      containers:
      - name: nginx
        image: nginx
`;
const FILES: Record<string, string> = {
  'dep-1.yaml': deployment(NGINX, '  replicas: 2\n'),
  'dep-2-env.yaml': deployment(
    `      containers:
      - name: nginx
        image: nginx:1.27
        env:
        - {name: A, value: "1"}
        - {name: B, value: "2"}
      - name: side
        image: busybox
        command: [sleep, "3600"]
`,
    '  replicas: 2\n',
  ),
  'dep-3-reorder.yaml': deployment(
    `      containers:
      - name: side
        image: busybox
        command: [sleep, "3600"]
      - name: nginx
        image: nginx:1.27
        env:
        - {name: B, value: "2"}
        - {name: A, value: "1"}
`,
    '  replicas: 2\n',
  ),
  'dep-4-drop.yaml': deployment(
    `      containers:
      - name: nginx
        image: nginx:1.27
        env:
        - {name: B, value: "2"}
`,
  ),
  'dep-5-recreate.yaml': deployment(NGINX, '  strategy: {type: Recreate}\n'),
  'dep-6-rolling.yaml': deployment(NGINX, '  strategy: {type: RollingUpdate}\n'),
  'dep-7-surge.yaml': deployment(NGINX, '  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxSurge: 1}\n'),
  'dep-8-volumes.yaml': deployment(
    `${NGINX}        volumeMounts:
        - {name: data, mountPath: /data}
      volumes:
      - name: data
        emptyDir: {}
      tolerations:
      - {key: a, operator: Exists}
`,
  ),
  'dep-9-volume-source.yaml': deployment(
    `${NGINX}        volumeMounts:
        - {name: data, mountPath: /data}
      volumes:
      - name: data
        configMap: {name: settings}
      tolerations:
      - {key: b, operator: Exists}
`,
  ),
  'dep-10-selector.yaml': deployment(NGINX).replace('matchLabels: {app: web}', 'matchLabels: {app: other}'),
  'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  containers:
  - name: c
    image: nginx
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
    emptyDir: {}
`,
  'svc-1.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080}
  - {name: https, port: 443, targetPort: 8443}
`,
  'svc-2.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - {name: https, port: 443, targetPort: 9443}
`,
  'cm-1.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  finalizers: [example.com/a, example.com/b]
  annotations: {team: blue, owner: ana}
data: {MODE: fast, LEVEL: "3"}
`,
  'cm-2.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  finalizers: [example.com/b]
  annotations: {team: red}
data: {MODE: slow}
`,
};

const PRUNE_TWO = `apiVersion: v1
kind: ConfigMap
metadata:
  name: keep
  labels: {app: demo}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: drop
  labels: {app: demo}
`;
FILES['prune-two.yaml'] = PRUNE_TWO;
FILES['prune-one.yaml'] = PRUNE_TWO.split('---\n')[0] as string;

const CASES = [
  'apply -f dep-1.yaml',
  'apply -f dep-1.yaml',
  'apply -f dep-2-env.yaml',
  'apply -f dep-2-env.yaml',
  'apply -f dep-3-reorder.yaml',
  'apply -f dep-4-drop.yaml',
  'apply -f dep-5-recreate.yaml',
  'apply -f dep-5-recreate.yaml',
  'apply -f dep-6-rolling.yaml',
  'apply -f dep-6-rolling.yaml',
  'apply -f dep-7-surge.yaml',
  'apply -f dep-8-volumes.yaml',
  'apply -f dep-9-volume-source.yaml',
  'apply -f dep-10-selector.yaml',
  'apply -f pod.yaml',
  'apply -f pod.yaml',
  'apply -f svc-1.yaml',
  'apply -f svc-1.yaml',
  'apply -f svc-2.yaml',
  'apply -f cm-1.yaml',
  'apply -f cm-1.yaml',
  'apply -f cm-2.yaml',
  'apply -f cm-2.yaml',
  // A client dry run computes no patch: every existing object is "configured (dry run)".
  'apply -f cm-2.yaml --dry-run=client',
  // --prune deletes what apply made earlier and this apply no longer names.
  'apply -f prune-two.yaml',
  'create configmap made-by-create',
  'label configmap made-by-create app=demo',
  'apply -f prune-one.yaml --prune',
  'apply -f prune-one.yaml --prune -l app=demo --all',
  'apply -f prune-one.yaml --prune --all --prune-allowlist=foo',
  'apply -f prune-one.yaml --prune -l app=demo --dry-run=client',
  'apply -f prune-one.yaml --prune -l app=demo --dry-run=server',
  'apply -f prune-one.yaml --prune -l app=demo',
  'apply -f prune-two.yaml',
  'apply -f prune-one.yaml --prune --all --prune-allowlist=core/v1/Secret',
  'apply -f prune-one.yaml --prune --all --prune-allowlist=core/v1/ConfigMap -o name',
];

describe.skipIf(!oracleAvailable())('kubectl apply over a series of edits matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins([], FILES);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    // klog's header carries the wall time and a process id; the rest of the line must match.
    const plain = (outcome: typeof ours) => ({ ...outcome, stderr: outcome.stderr.replace(KLOG_HEADER, '$1 ') });
    expect(plain(ours)).toEqual(plain(real));
    expectSameObjects(twins, [
      ['deployments.apps', 'web'],
      ['pods', 'vol'],
      ['services', 'web'],
      ['configmaps', 'settings'],
      ['configmaps', 'keep'],
      ['configmaps', 'drop'],
      ['configmaps', 'made-by-create'],
    ] as const);
  });
});
