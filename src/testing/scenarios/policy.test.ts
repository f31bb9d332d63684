import { describe, expect, it } from 'vitest';
import { lab } from '../lab.ts';

/**
 * Policy scenarios through kubectl: ResourceQuota and LimitRange admission with the API server's texts,
 * the quota controller's status, node cordon taints and NoExecute eviction, and the HPA.
 */
const quota = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 4Gi
    limits.cpu: "8"
    limits.memory: 8Gi
    pods: "3"
`;

const pod = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx:1.27
${resources}`;

const sized = (cpu: string, memory = '256Mi') =>
  `    resources:\n      requests:\n        cpu: "${cpu}"\n        memory: ${memory}\n      limits:\n        cpu: "${cpu}"\n        memory: ${memory}\n`;

describe('ResourceQuota', () => {
  it('refuses a pod that leaves tracked compute unset, in the quota evaluator words', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: quota });
    const result = await l.sh('kubectl apply -f -', pod('bare', ''));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app',
    );
  });

  it('refuses a pod past the hard limit and reports used/hard in get and status', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: quota });
    await l.kubectl('apply -f -', { stdin: pod('a', sized('3')) });
    const result = await l.sh('kubectl apply -f -', pod('b', sized('2')));
    expect(result.stderr).toContain(
      'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=3, limited: requests.cpu=4',
    );
    await l.kubectl('apply -f -', { stdin: pod('c', sized('500m')) });
    const table = await l.kubectl('get quota');
    expect(table.split('\n')[0]).toMatch(/^NAME\s+AGE\s+REQUEST\s+LIMIT$/);
    expect(table).toContain('pods: 2/3, requests.cpu: 3500m/4, requests.memory: 512Mi/4Gi');
    expect(table).toContain('limits.cpu: 3500m/8, limits.memory: 512Mi/8Gi');
  });

  it('frees what a finished pod used and counts object counts', async () => {
    const l = lab();
    l.file(
      'q.yaml',
      `apiVersion: v1
kind: ResourceQuota
metadata:
  name: objects
spec:
  hard:
    pods: "1"
    configmaps: "2"
    count/deployments.apps: "0"
`,
    );
    await l.kubectl('apply -f q.yaml');
    await l.kubectl('run once --image=busybox:1.36 --restart=Never -- true');
    const refused = await l.sh('kubectl run second --image=busybox:1.36 --restart=Never -- true');
    expect(refused.stderr).toContain(
      'pods "second" is forbidden: exceeded quota: objects, requested: pods=1, used: pods=1, limited: pods=1',
    );
    await l.advance('30s');
    expect(await l.kubectl('get pod once -o jsonpath={.status.phase}')).toBe('Succeeded');
    expect(await l.kubectl('get quota objects -o jsonpath={.status.used.pods}')).toBe('0');
    await l.kubectl('run second --image=busybox:1.36 --restart=Never -- true');
    // kube-root-ca.crt is already there, as in every namespace.
    await l.kubectl('create configmap one');
    expect((await l.sh('kubectl create configmap two')).stderr).toContain(
      'configmaps "two" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=2, limited: configmaps=2',
    );
    expect((await l.sh('kubectl create deployment web --image=nginx:1.27')).stderr).toContain(
      'deployments.apps "web" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=0, limited: count/deployments.apps=0',
    );
  });
});

describe('LimitRange', () => {
  const range = `apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
      memory: 128Mi
    max:
      cpu: "1"
      memory: 1Gi
`;

  it('fills defaults into containers and says so in an annotation', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: range });
    await l.kubectl('apply -f -', { stdin: pod('x', '') });
    expect(await l.kubectl('get pod x -o jsonpath={.spec.containers[0].resources}')).toBe(
      '{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"250m","memory":"128Mi"}}',
    );
    expect(await l.kubectl(`get pod x -o jsonpath='{.metadata.annotations.kubernetes\\.io/limit-ranger}'`)).toBe(
      'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app',
    );
    expect((await l.kubectl('get limitrange')).split('\n')[1]).toMatch(/^limits\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('refuses a container over max with every violation listed', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: range });
    const result = await l.sh('kubectl apply -f -', pod('x', sized('2', '2Gi')));
    expect(result.stderr).toContain(
      'pods "x" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    );
  });
});

describe('node lifecycle', () => {
  it('cordon adds the unschedulable taint and uncordon removes it', async () => {
    const l = lab();
    // What `kubectl cordon` sends.
    await l.kubectl(`patch node worker-1 -p '{"spec":{"unschedulable":true}}'`);
    expect(await l.kubectl(`get node worker-1 -o jsonpath='{.spec.taints[*].key}'`)).toContain(
      'node.kubernetes.io/unschedulable',
    );
    expect(await l.kubectl('describe node worker-1')).toMatch(
      /Taints:\s+node\.kubernetes\.io\/unschedulable:NoSchedule/,
    );
    await l.kubectl(`patch node worker-1 -p '{"spec":{"unschedulable":null}}'`);
    expect(await l.kubectl(`get node worker-1 -o jsonpath='{.spec.taints[*].key}'`)).not.toContain(
      'node.kubernetes.io/unschedulable',
    );
  });

  it('a NoExecute taint evicts pods that do not tolerate it, and tolerationSeconds delays it', async () => {
    const l = lab();
    l.file(
      'pods.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  nodeName: worker-1
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: patient
spec:
  nodeName: worker-1
  tolerations:
  - key: maintenance
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 60
  containers:
  - name: app
    image: nginx:1.27
`,
    );
    await l.kubectl('apply -f pods.yaml');
    await l.advance('20s');
    // What `kubectl taint nodes worker-1 maintenance=now:NoExecute` sends.
    await l.kubectl(
      `patch node worker-1 --type=merge -p '{"spec":{"taints":[{"key":"maintenance","value":"now","effect":"NoExecute"}]}}'`,
    );
    const events = await l.kubectl('get events --field-selector involvedObject.name=plain');
    expect(events).toMatch(/Normal\s+TaintManagerEviction\s+pod\/plain\s+Marking for deletion Pod default\/plain/);
    await l.advance('40s');
    expect(await l.kubectl('get pods')).not.toMatch(/^plain /m);
    expect(await l.kubectl('get pods')).toMatch(/^patient /m);
    await l.advance('30s');
    expect(await l.kubectl('get pods', { allowFailure: true })).not.toMatch(/^patient /m);
  });
});

describe('HorizontalPodAutoscaler', () => {
  const app = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 200m
          limits:
            cpu: 500m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
spec:
  selector:
    run: php-apache
  ports:
  - port: 80
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
`;

  it('shows <unknown> before the first scrape, then the measured utilization; an idle app sits at minReplicas', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: app });
    const first = await l.kubectl('get hpa');
    expect(first.split('\n')[0]).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/);
    expect(first).toMatch(/php-apache\s+Deployment\/php-apache\s+cpu: <unknown>\/50%\s+1\s+10\s+1\s+/);
    await l.advance('2m');
    expect(await l.kubectl('get hpa')).toMatch(/php-apache\s+Deployment\/php-apache\s+cpu: \d+%\/50%\s+1\s+10\s+1\s+/);
    expect(await l.kubectl(`get hpa php-apache -o jsonpath='{.status.conditions[*].reason}'`)).toBe(
      'ReadyForNewScale ValidMetricFound TooFewReplicas',
    );
  });
});
