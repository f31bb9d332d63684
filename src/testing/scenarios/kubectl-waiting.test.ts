import { describe, expect, it } from 'vitest';
import { runKubectl, type KubectlContext } from '../../clients/kubectl/index.ts';
import { createCluster, type Cluster } from '../../engine/index.ts';
import { words } from '../golden/kubectl-twins.ts';

/**
 * The kubectl commands that wait — rollout status, wait, get -w, logs -f, drain — run in simulated
 * time: they move the cluster's clock themselves and print what a learner would see meanwhile.
 */
function kubectl(cluster: Cluster, extra: Partial<KubectlContext> = {}) {
  const files: Record<string, string> = {};
  const ctx: KubectlContext = {
    client: cluster,
    namespace: 'default',
    advance: (ms) => cluster.advance(ms),
    now: () => cluster.now(),
    readFile: (path) => files[path],
    writeFile: (path, text) => {
      files[path] = text;
      return true;
    },
    ...extra,
  };
  return { run: (line: string) => runKubectl(words(line), ctx), files };
}

describe('kubectl rollout status', () => {
  it('waits for a new deployment, one line per change, until it has rolled out', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('create deployment web --image=nginx --replicas=3');
    const start = cluster.now();
    const result = await k.run('rollout status deployment/web');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out');
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(
        /^Waiting for deployment "web" rollout to finish: \d+ (of|out of) \d+ (updated|new) replicas (are available|have been updated)\.\.\.$/,
      );
    expect(lines.some((l) => / of 3 updated replicas are available/.test(l))).toBe(true);
    expect(cluster.now()).toBeGreaterThan(start);
  });

  it('prints the finished state at once, and --watch=false prints one line', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('create deployment web --image=nginx');
    await cluster.advance(60_000);
    expect(await k.run('rollout status deploy/web')).toEqual({
      stdout: 'deployment "web" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    });
    await k.run('set image deploy/web nginx=nginx:1.27');
    const once = await k.run('rollout status deploy/web --watch=false');
    expect(once.exitCode).toBe(0);
    expect(once.stdout.split('\n').length).toBe(2);
  });

  it('gives up after --timeout on an image that never pulls', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('create deployment web --image=nginx:does-not-exist');
    const result = await k.run('rollout status deploy/web --timeout=20s');
    expect(result.stderr).toBe('error: timed out waiting for the condition\n');
    expect(result.exitCode).toBe(1);
  });

  it('streams through onOutput and stops on the signal', async () => {
    const cluster = createCluster();
    const chunks: string[] = [];
    const controller = new AbortController();
    const k = kubectl(cluster, {
      onOutput: (chunk) => {
        chunks.push(chunk);
        if (chunks.length === 1) controller.abort();
      },
      signal: controller.signal,
    });
    await k.run('create deployment web --image=nginx:does-not-exist');
    const result = await k.run('rollout status deploy/web');
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 130 });
    expect(chunks[0]).toMatch(/^Waiting for deployment "web" rollout to finish/);
  });
});

describe('kubectl wait', () => {
  it('waits for a pod to become Ready, moving simulated time', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run web --image=nginx');
    expect(await k.run('wait --for=condition=Ready pod/web --timeout=60s')).toEqual({
      stdout: 'pod/web condition met\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it("times out with kubectl's message", async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run web --image=nginx:does-not-exist');
    expect(await k.run('wait --for=condition=Ready pod/web --timeout=10s')).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/web\n',
      exitCode: 1,
    });
  });

  it('waits for a deleted pod to be gone', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run web --image=busybox -- sleep 3600');
    await cluster.advance(30_000);
    await k.run('delete pod web --wait=false');
    const result = await k.run('wait --for=delete pod/web --timeout=60s');
    expect(result).toEqual({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 });
  });

  it('waits on a jsonpath value', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run web --image=nginx');
    const result = await k.run('wait --for=jsonpath={.status.phase}=Running pod/web');
    expect(result.stdout).toBe('pod/web condition met\n');
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then a row per change aligned to it', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run web --image=nginx');
    const result = await k.run('get pods -w --request-timeout=20s');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('NAME   READY   STATUS              RESTARTS   AGE');
    expect(lines[1]).toMatch(/^web {4}0\/1 {5}(Pending|ContainerCreating) +0 {10}0s$/);
    expect(lines.slice(2).some((l) => /^web {4}1\/1 {5}Running +0 +\d+s$/.test(l))).toBe(true);
  });

  it('refuses to watch several resource types', async () => {
    const k = kubectl(createCluster());
    const result = await k.run('get pods,svc -w');
    // kubectl 1.35's builder refuses before listing anything (SingleResourceType).
    expect(result.stderr).toBe('error: you may only specify a single resource type\n');
  });
});

describe('kubectl logs -f', () => {
  it('follows new lines as time passes, until the container stops', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run(
      "run ticker --image=busybox --restart=Never -- sh -c 'for i in 1 2 3 4 5; do echo tick $i; sleep 2; done'",
    );
    await cluster.advance(15_000);
    const before = (await k.run('logs ticker')).stdout;
    const result = await k.run('logs -f ticker');
    expect(result.stdout.startsWith(before)).toBe(true);
    expect(result.stdout).toContain('tick 5\n');
  });
});
