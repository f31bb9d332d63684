import { describe, expect, it } from 'vitest';
import { lab } from '../lab.ts';

/**
 * Pod lifecycle scenarios through kubectl, as a learner meets them on a real cluster. Expected texts
 * come from kubectl 1.35 and the kubelet (see shared/FIDELITY.md).
 */
const podYaml = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}`;

function statusOf(table: string, name: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no row for ${name} in:\n${table}`);
  return line.trim().split(/\s{2,}/);
}

describe('a pod with a known image', () => {
  it('goes ContainerCreating → Running on a worker, with the real events', async () => {
    const l = lab();
    l.file('pod.yaml', podYaml('web', '  containers:\n  - name: web\n    image: nginx:1.27\n'));
    expect(await l.kubectl('apply -f pod.yaml')).toBe('pod/web created\n');
    const [, ready, status] = statusOf(await l.kubectl('get pods'), 'web');
    expect([ready, status]).toEqual(['0/1', 'ContainerCreating']);
    await l.advance('30s');
    const row = statusOf(await l.kubectl('get pods'), 'web');
    expect(row.slice(0, 4)).toEqual(['web', '1/1', 'Running', '0']);
    const wide = await l.kubectl('get pod web -o wide');
    expect(wide).toMatch(/web\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.[12]\.\d+\s+worker-[12]\s+<none>\s+<none>/);
    const events = await l.kubectl('describe pod web');
    expect(events).toMatch(
      /Normal {2}Scheduled {2}.*default-scheduler {2}Successfully assigned default\/web to worker-[12]/,
    );
    expect(events).toContain('Pulling image "nginx:1.27"');
    expect(events).toMatch(
      /Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\./,
    );
    expect(events).toContain('Created container: web');
    expect(events).toContain('Started container web');
  });

  it('applies the same manifest again as unchanged, and a changed image as configured', async () => {
    const l = lab();
    const manifest = podYaml('web', '  containers:\n  - name: web\n    image: nginx:1.27\n');
    await l.kubectl('apply -f -', { stdin: manifest });
    await l.advance('20s');
    expect(await l.kubectl('apply -f -', { stdin: manifest })).toBe('pod/web unchanged\n');
    expect(await l.kubectl('apply -f -', { stdin: manifest.replace('nginx:1.27', 'nginx:1.26') })).toBe(
      'pod/web configured\n',
    );
  });
});

describe('bad input', () => {
  it('broken YAML gets one error line in go-yaml words and changes nothing', async () => {
    const l = lab();
    const result = await l.sh(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n',
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: mapping values are not allowed in this context\n$/,
    );
    expect((await l.sh('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('a document without kind is refused by validation', async () => {
    const l = lab();
    l.file('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
    const result = await l.sh('kubectl apply -f nokind.yaml');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('a pod with no image is invalid, in the API server words', async () => {
    const l = lab();
    const result = await l.sh('kubectl apply -f -', podYaml('noimage', '  containers:\n  - name: app\n'));
    expect(result.stderr).toBe('The Pod "noimage" is invalid: spec.containers[0].image: Required value\n');
    expect(result.exitCode).toBe(1);
  });

  it('an unknown kind says no matches for kind', async () => {
    const l = lab();
    const result = await l.sh('kubectl apply -f -', 'apiVersion: v1\nkind: Podd\nmetadata:\n  name: x\n');
    expect(result.stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Podd" in version "v1"\nensure CRDs are installed first\n',
    );
  });

  it('a duplicated key is reported as go-yaml does', async () => {
    const l = lab();
    const result = await l.sh('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  name: y\n');
    expect(result.stderr).toBe(
      'error: error parsing STDIN: error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map\n',
    );
  });

  it('an alias bomb is refused instead of expanded', async () => {
    const l = lab();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const result = await l.sh('kubectl apply -f -', `${bomb.join('\n')}\n`);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: error parsing STDIN: /);
  });

  it('an unknown resource type and an unknown flag print kubectl errors', async () => {
    const l = lab();
    expect((await l.sh('kubectl get pdos')).stderr).toBe('error: the server doesn\'t have a resource type "pdos"\n');
    const flag = await l.sh('kubectl get pods --foo');
    expect(flag.stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(flag.exitCode).toBe(1);
    expect((await l.sh('kubectl get pod nothere')).stderr).toBe(
      'Error from server (NotFound): pods "nothere" not found\n',
    );
  });
});

describe('crashes and back-off', () => {
  it('a base image with no command exits at once and goes CrashLoopBackOff with growing back-off', async () => {
    const l = lab();
    await l.kubectl('run box --image=busybox');
    await l.advance('20s');
    const first = statusOf(await l.kubectl('get pods'), 'box');
    expect(['CrashLoopBackOff', 'Completed']).toContain(first[2]);
    await l.advance('3m');
    const later = statusOf(await l.kubectl('get pods'), 'box');
    expect(later[2]).toBe('CrashLoopBackOff');
    const restarts = Number(later[3]?.split(' ')[0]);
    expect(restarts).toBeGreaterThanOrEqual(4);
    expect(restarts).toBeLessThanOrEqual(6);
    const describe = await l.kubectl('describe pod box');
    expect(describe).toMatch(/Back-off restarting failed container box in pod box_default\(/);
    expect(describe).toMatch(/Last State: {5}Terminated\n {6}Reason: {7}Completed\n {6}Exit Code: {4}0/);
  });

  it('tail -f /dev/null keeps a base image running', async () => {
    const l = lab();
    await l.kubectl('run keep --image=busybox -- tail -f /dev/null');
    await l.advance('1m');
    expect(statusOf(await l.kubectl('get pods'), 'keep').slice(1, 4)).toEqual(['1/1', 'Running', '0']);
  });

  it('an image name typo fails to pull, then backs off', async () => {
    const l = lab();
    await l.kubectl('run typo --image=nginxx');
    await l.advance('3s');
    expect(statusOf(await l.kubectl('get pods'), 'typo')[2]).toBe('ErrImagePull');
    await l.advance('12s');
    expect(statusOf(await l.kubectl('get pods'), 'typo')[2]).toBe('ImagePullBackOff');
    await l.advance('2m');
    expect(['ImagePullBackOff', 'ErrImagePull']).toContain(statusOf(await l.kubectl('get pods'), 'typo')[2]);
    const describe = await l.kubectl('describe pod typo');
    expect(describe).toContain('Failed to pull image "nginxx": ');
    expect(describe).toContain('Error: ErrImagePull');
    expect(describe).toContain('Back-off pulling image "nginxx"');
    expect(describe).toContain('Error: ImagePullBackOff');
  });

  it('mysql without a password logs why and crashes', async () => {
    const l = lab();
    await l.kubectl('run db --image=mysql:8.0');
    await l.advance('2m');
    expect(statusOf(await l.kubectl('get pods'), 'db')[2]).toMatch(/CrashLoopBackOff|Error/);
    const logs = await l.kubectl('logs db');
    expect(logs).toContain('Database is uninitialized and password option is not specified');
    expect(logs).toContain('MYSQL_ROOT_PASSWORD');
  });

  it('a memory limit below what polinux/stress allocates ends in OOMKilled', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'memory-demo',
        '  containers:\n  - name: stress\n    image: polinux/stress\n    resources:\n      limits:\n        memory: "100Mi"\n    command: ["stress"]\n    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]\n',
      ),
    });
    await l.advance('40s');
    const describe = await l.kubectl('describe pod memory-demo');
    expect(describe).toMatch(/Reason: {7}OOMKilled/);
    expect(describe).toMatch(/Exit Code: {4}137/);
  });
});

describe('configuration', () => {
  it('a missing ConfigMap blocks the container until it is created', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'cfg',
        '  containers:\n  - name: app\n    image: nginx\n    env:\n    - name: COLOR\n      valueFrom:\n        configMapKeyRef:\n          name: settings\n          key: color\n',
      ),
    });
    await l.advance('30s');
    expect(statusOf(await l.kubectl('get pods'), 'cfg')[2]).toBe('CreateContainerConfigError');
    expect(await l.kubectl('describe pod cfg')).toContain('Error: configmap "settings" not found');
    await l.kubectl('apply -f -', {
      stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n',
    });
    await l.advance('15s');
    expect(statusOf(await l.kubectl('get pods'), 'cfg')[2]).toBe('Running');
    expect(await l.kubectl('exec cfg -- printenv COLOR')).toBe('blue\n');
  });
});

describe('probes', () => {
  it('the docs’ liveness exec example restarts the container after about 40 seconds', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'liveness-exec',
        '  containers:\n  - name: liveness\n    image: registry.k8s.io/busybox:1.27.2\n    args:\n    - /bin/sh\n    - -c\n    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600\n    livenessProbe:\n      exec:\n        command:\n        - cat\n        - /tmp/healthy\n      initialDelaySeconds: 5\n      periodSeconds: 5\n',
      ),
    });
    await l.advance('30s');
    expect(statusOf(await l.kubectl('get pods'), 'liveness-exec')[3]).toBe('0');
    await l.advance('50s');
    const row = statusOf(await l.kubectl('get pods'), 'liveness-exec');
    expect(row[2]).toBe('Running');
    expect(row[3]).toMatch(/^1 \(\d+s ago\)$/);
    const describe = await l.kubectl('describe pod liveness-exec');
    expect(describe).toContain("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(describe).toContain('Container liveness failed liveness probe, will be restarted');
  });
});

describe('init containers and sidecars', () => {
  it('two init containers run in order before the app', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'init-demo',
        '  initContainers:\n  - name: first\n    image: busybox\n    command: ["sh", "-c", "sleep 5"]\n  - name: second\n    image: busybox\n    command: ["sh", "-c", "sleep 5"]\n  containers:\n  - name: app\n    image: nginx\n',
      ),
    });
    await l.advance('4s');
    expect(statusOf(await l.kubectl('get pods'), 'init-demo')[2]).toBe('Init:0/2');
    await l.advance('6s');
    expect(statusOf(await l.kubectl('get pods'), 'init-demo')[2]).toBe('Init:1/2');
    await l.advance('30s');
    expect(statusOf(await l.kubectl('get pods'), 'init-demo').slice(1, 3)).toEqual(['1/1', 'Running']);
  });

  it('a sidecar reads what the app writes to a shared emptyDir', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'shared',
        '  volumes:\n  - name: logs\n    emptyDir: {}\n  initContainers:\n  - name: shipper\n    image: busybox\n    restartPolicy: Always\n    command: ["sh", "-c", "tail -f /var/log/app/app.log"]\n    volumeMounts:\n    - name: logs\n      mountPath: /var/log/app\n  containers:\n  - name: app\n    image: busybox\n    command: ["sh", "-c", "while true; do echo hello >> /data/app.log; sleep 5; done"]\n    volumeMounts:\n    - name: logs\n      mountPath: /data\n',
      ),
    });
    await l.advance('40s');
    expect(statusOf(await l.kubectl('get pods'), 'shared').slice(1, 3)).toEqual(['2/2', 'Running']);
    expect(await l.kubectl('exec shared -c shipper -- cat /var/log/app/app.log')).toContain('hello\n');
  });
});

describe('scheduling', () => {
  it('a pod that fits no worker’s free CPU stays Pending with the scheduler’s message', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'big',
        '  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: "3950m"\n',
      ),
    });
    await l.advance('10s');
    expect(statusOf(await l.kubectl('get pods'), 'big').slice(1, 3)).toEqual(['0/1', 'Pending']);
    expect(await l.kubectl('describe pod big')).toContain(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('a pod bigger than any node is not helped by preemption (1.34+)', async () => {
    const l = lab();
    await l.kubectl('apply -f -', {
      stdin: podYaml(
        'huge',
        '  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: "16"\n',
      ),
    });
    await l.advance('10s');
    expect(await l.kubectl('describe pod huge')).toContain(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('deletion', () => {
  it('a pod whose PID 1 ignores SIGTERM stays Terminating for its grace period', async () => {
    const l = lab();
    await l.kubectl('run sleeper --image=busybox -- sleep 3600');
    await l.advance('20s');
    const started = l.cluster.now();
    const result = await l.sh('kubectl delete pod sleeper');
    expect(result.stdout).toBe('pod "sleeper" deleted from default namespace\n');
    const waited = (l.cluster.now() - started) / 1000;
    expect(waited).toBeGreaterThanOrEqual(29);
    expect(waited).toBeLessThanOrEqual(33);
    expect((await l.sh('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('nginx stops promptly', async () => {
    const l = lab();
    await l.kubectl('run web --image=nginx');
    await l.advance('20s');
    const started = l.cluster.now();
    await l.kubectl('delete pod web');
    expect((l.cluster.now() - started) / 1000).toBeLessThanOrEqual(3);
  });
});
