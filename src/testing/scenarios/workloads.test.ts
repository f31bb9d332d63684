import { describe, expect, it } from 'vitest';
import { lab, type Lab } from '../lab.ts';

/**
 * Workload scenarios through kubectl, as a learner meets them: Deployments rolling out, StatefulSets
 * in order with their claims, DaemonSets and taints, Jobs and back-off, CronJobs over simulated
 * minutes. Texts follow kubectl 1.35 and kube-controller-manager (see shared/FIDELITY.md).
 */

/** rows reads a kubectl table into {NAME: cells} keyed by the first column. */
function rows(table: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of table.trim().split('\n').slice(1)) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells[0]) out[cells[0]] = cells.slice(1);
  }
  return out;
}

function names(table: string): string[] {
  return Object.keys(rows(table));
}

const deploymentYaml = (opts: { replicas?: number; image?: string; strategy?: string } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${opts.replicas ?? 4}
${opts.strategy ?? ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${opts.image ?? 'nginx:1.27'}
`;

/** replicaSets lists "name desired current ready" rows, oldest revision first. */
async function replicaSets(l: Lab): Promise<string[][]> {
  return Object.entries(rows(await l.kubectl('get rs'))).map(([name, cells]) => [name, ...cells.slice(0, 3)]);
}

describe('Deployments', () => {
  it('rolls a new image out with maxSurge 25% (1 of 4, rounded up) and maxUnavailable 25% (1 of 4, rounded down)', async () => {
    const l = lab();
    expect(await l.kubectl('apply -f -', { stdin: deploymentYaml() })).toBe('deployment.apps/web created\n');
    await l.advance('30s');
    const oldName = (await replicaSets(l))[0]?.[0] ?? '';
    expect(oldName).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(rows(await l.kubectl('get deploy'))['web']?.slice(0, 3)).toEqual(['4/4', '4', '4']);

    expect(await l.kubectl('apply -f -', { stdin: deploymentYaml({ image: 'nginx:1.28' }) })).toBe(
      'deployment.apps/web configured\n',
    );
    const during = await replicaSets(l);
    const newName = during.map((r) => r[0]).find((n) => n !== oldName) ?? '';
    // One pod surged, one old pod taken away, then the new ReplicaSet grows into the freed room.
    expect(during).toEqual(
      [
        [oldName, '3', '3', '3'],
        [newName, '2', '2', '0'],
      ].sort(),
    );
    expect(rows(await l.kubectl('get deploy'))['web']?.slice(0, 3)).toEqual(['3/4', '2', '3']);

    await l.advance('30s');
    expect(await replicaSets(l)).toEqual(
      [
        [oldName, '0', '0', '0'],
        [newName, '4', '4', '4'],
      ].sort(),
    );
    expect(rows(await l.kubectl('get deploy'))['web']?.slice(0, 3)).toEqual(['4/4', '4', '4']);
    const yaml = await l.kubectl('get deploy web -o yaml');
    expect(yaml).toContain('deployment.kubernetes.io/revision: "2"');
    const describe = await l.kubectl('describe deploy web');
    expect(describe).toContain(`Scaled up replica set ${newName} from 0 to 1`);
    expect(describe).toContain(`Scaled down replica set ${oldName} from 4 to 3`);
    expect(describe).toContain(`Scaled down replica set ${oldName} from 1 to 0`);
    expect(describe).toMatch(/Progressing\s+True\s+NewReplicaSetAvailable/);
  });

  it('Recreate stops every old pod before the new ReplicaSet starts', async () => {
    const l = lab();
    const strategy = '  strategy:\n    type: Recreate\n';
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 2, strategy }) });
    await l.advance('30s');
    const oldName = (await replicaSets(l))[0]?.[0];
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 2, strategy, image: 'nginx:1.28' }) });
    expect(await replicaSets(l)).toEqual([[oldName ?? '', '0', '0', '0']]);
    const pods = rows(await l.kubectl('get pods'));
    expect(Object.values(pods).map((cells) => cells[1])).toEqual(['Terminating', 'Terminating']);
    await l.advance('30s');
    const after = await replicaSets(l);
    expect(after).toHaveLength(2);
    expect(after.find((r) => r[0] !== oldName)?.slice(1)).toEqual(['2', '2', '2']);
  });

  it('scales up and down', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 2 }) });
    await l.advance('30s');
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 5 }) });
    await l.advance('20s');
    expect(rows(await l.kubectl('get deploy'))['web']?.slice(0, 3)).toEqual(['5/5', '5', '5']);
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 1 }) });
    await l.advance('20s');
    expect(rows(await l.kubectl('get deploy'))['web']?.slice(0, 3)).toEqual(['1/1', '1', '1']);
    expect(names(await l.kubectl('get pods'))).toHaveLength(1);
    expect(await l.kubectl('describe deploy web')).toMatch(/Scaled down replica set web-\w+ from 5 to 1/);
  });

  it('a deleted pod of a ReplicaSet is replaced', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 2 }) });
    await l.advance('30s');
    const [victim] = names(await l.kubectl('get pods'));
    await l.kubectl(`delete pod ${victim}`);
    await l.advance('20s');
    const now = names(await l.kubectl('get pods'));
    expect(now).toHaveLength(2);
    expect(now).not.toContain(victim);
    const rs = names(await l.kubectl('get rs'))[0] ?? '';
    const events = await l.kubectl(`describe rs ${rs}`);
    expect(events.match(/SuccessfulCreate {2}[\w ]+replicaset-controller {2}Created pod: web-\w+-\w{5}/g)?.length).toBe(
      3,
    );
  });

  it('deleting a Deployment removes its ReplicaSets and pods through the garbage collector', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 2 }) });
    await l.advance('30s');
    await l.kubectl('delete deployment web');
    await l.advance('40s');
    const result = await l.sh('kubectl get deploy,rs,pods');
    expect(result.stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('StatefulSets', () => {
  const yaml = (replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: ${replicas}
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: nginx:1.27
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

  it('creates db-0, db-1, db-2 in order with claims data-db-<n>, and scales down from the top', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: yaml(3) });
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      for (const name of names(await l.kubectl('get pods'))) if (!seen.includes(name)) seen.push(name);
      await l.advance('2s');
    }
    expect(seen).toEqual(['db-0', 'db-1', 'db-2']);
    expect(rows(await l.kubectl('get sts'))['db']?.[0]).toBe('3/3');
    expect(names(await l.kubectl('get pvc'))).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    const pod = await l.kubectl('get pod db-1 -o yaml');
    expect(pod).toContain('hostname: db-1');
    expect(pod).toContain('subdomain: db');
    expect(pod).toContain('claimName: data-db-1');
    expect(pod).toContain('statefulset.kubernetes.io/pod-name: db-1');

    await l.kubectl('apply -f -', { stdin: yaml(0) });
    expect(rows(await l.kubectl('get pods'))['db-2']?.[1]).toBe('Terminating');
    expect(rows(await l.kubectl('get pods'))['db-1']?.[1]).toBe('Running');
    await l.advance('30s');
    expect((await l.sh('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    const deletions = (await l.kubectl('describe sts db')).match(/delete Pod db-\d in StatefulSet db successful/g);
    expect(deletions).toEqual([2, 1, 0].map((n) => `delete Pod db-${n} in StatefulSet db successful`));
    expect(names(await l.kubectl('get pvc'))).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    expect(await l.kubectl('describe sts db')).toContain('create Claim data-db-0 Pod db-0 in StatefulSet db success');
  });
});

describe('DaemonSets', () => {
  const yaml = (toleration: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
${toleration}      containers:
      - name: agent
        image: busybox
        command: [sh, -c, "tail -f /dev/null"]
`;
  const nodesOf = async (l: Lab) =>
    Object.values(rows(await l.kubectl('get pods -o wide')))
      .map((cells) => cells[5])
      .sort();

  it('runs on both workers but not the tainted control plane, and there too once it tolerates the taint', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: yaml('') });
    await l.advance('30s');
    expect(await nodesOf(l)).toEqual(['worker-1', 'worker-2']);
    expect(rows(await l.kubectl('get ds'))['agent']).toEqual(['2', '2', '2', '2', '2', '<none>', '30s']);
    const toleration =
      '      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n        effect: NoSchedule\n';
    await l.kubectl('apply -f -', { stdin: yaml(toleration) });
    await l.advance('2m');
    expect(await nodesOf(l)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(rows(await l.kubectl('get ds'))['agent']?.slice(0, 5)).toEqual(['3', '3', '3', '3', '3']);
    const pod = await l.kubectl(`get pod ${names(await l.kubectl('get pods'))[0]} -o yaml`);
    expect(pod).toContain('- key: metadata.name');
    expect(pod).toContain('node.kubernetes.io/unschedulable');
  });
});

describe('Jobs', () => {
  const yaml = (name: string, spec: string, command: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: ${name}
        image: busybox
        command: [sh, -c, "${command}"]
`;

  it('completions 3 with parallelism 2 runs two pods, then one, and completes', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: yaml('calc', '  completions: 3\n  parallelism: 2\n', 'sleep 5') });
    expect(names(await l.kubectl('get pods'))).toHaveLength(2);
    expect(rows(await l.kubectl('get jobs'))['calc']?.slice(0, 2)).toEqual(['Running', '0/3']);
    await l.advance('60s');
    const job = rows(await l.kubectl('get jobs'))['calc'];
    expect(job?.slice(0, 2)).toEqual(['Complete', '3/3']);
    const pods = rows(await l.kubectl('get pods'));
    expect(Object.values(pods).map((c) => c[1])).toEqual(['Completed', 'Completed', 'Completed']);
    expect(await l.kubectl('describe job calc')).toMatch(/Normal\s+Completed\s+\S+\s+job-controller\s+Job completed/);
    const labels = await l.kubectl('get pods -l job-name=calc -o name');
    expect(labels.trim().split('\n')).toHaveLength(3);
  });

  it('a failing command backs off and fails with BackoffLimitExceeded after backoffLimit retries', async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: yaml('bad', '  backoffLimit: 2\n', 'exit 1') });
    await l.advance('5s');
    expect(names(await l.kubectl('get pods'))).toHaveLength(1);
    await l.advance('2m');
    expect(rows(await l.kubectl('get jobs'))['bad']?.slice(0, 2)).toEqual(['Failed', '0/1']);
    const pods = rows(await l.kubectl('get pods'));
    expect(Object.values(pods).map((c) => c[1])).toEqual(['Error', 'Error', 'Error']);
    const describe = await l.kubectl('describe job bad');
    expect(describe).toMatch(
      /Warning\s+BackoffLimitExceeded\s+\S+\s+job-controller\s+Job has reached the specified backoff limit/,
    );
    const yamlOut = await l.kubectl('get job bad -o yaml');
    expect(yamlOut).toContain('reason: BackoffLimitExceeded');
    expect(yamlOut).toContain('type: Failed');
    expect(yamlOut).toContain('failed: 3');
  });
});

describe('CronJobs', () => {
  it('*/1 * * * * over five minutes creates a Job each minute, named by the minute, and keeps three', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox
            command: [date]
`,
    });
    expect(rows(await l.kubectl('get cronjobs'))['tick']).toEqual([
      '*/1 * * * *',
      '<none>',
      'False',
      '0',
      '<none>',
      '0s',
    ]);
    const start = Math.floor(l.cluster.now() / 60_000);
    await l.advance('5m10s');
    const jobs = names(await l.kubectl('get jobs'));
    expect(jobs).toEqual([`tick-${start + 3}`, `tick-${start + 4}`, `tick-${start + 5}`]);
    expect(rows(await l.kubectl('get cronjobs'))['tick']?.slice(3, 5)).toEqual(['0', '10s']);
    const events = await l.kubectl('describe cronjob tick');
    expect(events).toContain(`Created job tick-${start + 1}`);
    expect(events).toContain(`Saw completed job: tick-${start + 1}, condition: Complete`);
    expect(events).toContain(`Deleted job tick-${start + 1}`);
  });
});

describe("bad input is refused with the API server's words", () => {
  it.each([
    {
      what: 'a cron schedule with minute 61',
      yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "61 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: c\n            image: busybox\n',
      error:
        'The CronJob "c" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    },
    {
      what: 'a Job without restartPolicy',
      yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n      - name: j\n        image: busybox\n',
      error:
        'The Job "j" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    },
    {
      what: 'negative replicas',
      yaml: deploymentYaml({ replicas: -1 }),
      error: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      what: 'a selector that does not match the template',
      yaml: deploymentYaml().replace('      app: web\n  template', '      app: api\n  template'),
      error:
        'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    },
  ])('$what', async ({ yaml, error }) => {
    const l = lab();
    const result = await l.sh('kubectl apply -f -', yaml);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(error);
  });

  it("a Deployment's selector is immutable, and the running workload stays as it was", async () => {
    const l = lab();
    await l.kubectl('apply -f -', { stdin: deploymentYaml({ replicas: 2 }) });
    await l.advance('20s');
    const changed = deploymentYaml({ replicas: 2 }).replaceAll('app: web', 'app: web2');
    const result = await l.sh('kubectl apply -f -', changed);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
    expect(rows(await l.kubectl('get deploy'))['web']?.[0]).toBe('2/2');
  });
});
