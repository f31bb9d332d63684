import { describe, expect, it } from 'vitest';
import { runKubectl, type KubectlContext } from '../../clients/kubectl/index.ts';
import { createCluster, type Cluster } from '../../engine/index.ts';
import { words } from '../golden/kubectl-twins.ts';

/**
 * Scenarios a learner meets on a real cluster, run in-process: draining a node past a
 * PodDisruptionBudget, copying files in and out of a container, forwarding a port, editing in the
 * browser's editor, and RBAC for a ServiceAccount.
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

function podsOn(cluster: Cluster, node: string, app: string): string[] {
  return cluster.server.store
    .list('pods', 'default')
    .filter((p) => p.metadata.labels?.app === app && (p.spec as { nodeName?: string }).nodeName === node)
    .map((p) => p.metadata.name ?? '');
}

describe('kubectl drain', () => {
  it('evicts within a PodDisruptionBudget, retrying every 5s until replacements are ready', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('create deployment web --image=nginx --replicas=4');
    await k.run('create pdb web --selector=app=web --min-available=3');
    await cluster.advance(60_000);
    const node = ['worker-1', 'worker-2'].sort(
      (a, b) => podsOn(cluster, b, 'web').length - podsOn(cluster, a, 'web').length,
    )[0] as string;
    const evicted = podsOn(cluster, node, 'web');
    expect(evicted.length).toBeGreaterThanOrEqual(2);
    const result = await k.run(`drain ${node} --ignore-daemonsets --pod-selector=app=web`);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith(`node/${node} cordoned\n`)).toBe(true);
    for (const name of evicted) {
      expect(result.stdout).toContain(`evicting pod default/${name}\n`);
      expect(result.stdout).toContain(`pod/${name} evicted\n`);
    }
    expect(result.stdout.endsWith(`node/${node} drained\n`)).toBe(true);
    expect(result.stderr).toMatch(
      /error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n/,
    );
    expect(podsOn(cluster, node, 'web')).toEqual([]);
    expect((await k.run('get node ' + node)).stdout).toContain('Ready,SchedulingDisabled');
  });

  it('refuses DaemonSet pods unless told to ignore them', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    const result = await k.run('drain worker-1');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-',
    );
    const ignored = await k.run('drain worker-1 --ignore-daemonsets --force');
    expect(ignored.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]+\n/);
    expect(ignored.stdout).toMatch(/node\/worker-1 drained\n$/);
  });
});

describe('kubectl cp', () => {
  it('copies a local file into a container and back out', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run box --image=busybox -- sleep 3600');
    await cluster.advance(30_000);
    k.files['notes.txt'] = 'hello from the lab\n';
    expect(await k.run('cp notes.txt box:/tmp/notes.txt')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await k.run('exec box -- cat /tmp/notes.txt')).stdout).toBe('hello from the lab\n');
    expect(await k.run('cp box:/tmp/notes.txt copy.txt')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(k.files['copy.txt']).toBe('hello from the lab\n');
    expect((await k.run('cp missing.txt box:/tmp/x')).stderr).toBe(
      "error: missing.txt doesn't exist in local filesystem\n",
    );
    const failed = await k.run('cp box:/nope here.txt');
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toMatch(/No such file or directory/);
  });
});

describe('kubectl port-forward', () => {
  it("announces both loopback addresses, translating a service port to the pod's", async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('create deployment web --image=nginx --port=80');
    await k.run('expose deploy web --port=8080 --target-port=80');
    await cluster.advance(30_000);
    expect(await k.run('port-forward svc/web 9000:8080')).toEqual({
      stdout: 'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await k.run('port-forward deploy/web 8080:80 --address=0.0.0.0')).stdout).toBe(
      'Forwarding from 0.0.0.0:8080 -> 80\n',
    );
  });
});

describe('kubectl edit', () => {
  it('opens the object in the editor and patches what was saved', async () => {
    const cluster = createCluster();
    let opened = '';
    let save: ((text: string) => Promise<{ stdout: string; stderr: string; exitCode: number }>) | undefined;
    const k = kubectl(cluster, {
      openEditor: (text, onSave) => {
        opened = text;
        save = onSave;
      },
    });
    await k.run('create deployment web --image=nginx');
    expect(await k.run('edit deploy/web')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(opened.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(
      true,
    );
    expect(await save?.(opened)).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });
    expect(await save?.(opened.replace('replicas: 1', 'replicas: 2'))).toEqual({
      stdout: 'deployment.apps/web edited\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await k.run('get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe('2');
  });

  it("says it needs the page's editor when there is none", async () => {
    const k = kubectl(createCluster());
    await k.run('run web --image=nginx');
    const result = await k.run('edit pod web');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("kubectl edit needs an editor: in the lab, edit the object in the page's Editor");
  });
});

describe('RBAC through kubectl', () => {
  it('lets a ServiceAccount do only what its Role grants', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('create serviceaccount ci');
    await k.run('create role deployer --verb=get,list,create --resource=deployments.apps');
    await k.run('create rolebinding ci-deployer --role=deployer --serviceaccount=default:ci');
    const as = '--as=system:serviceaccount:default:ci';
    expect(await k.run(`auth can-i create deployments ${as}`)).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 });
    expect(await k.run(`auth can-i delete deployments ${as}`)).toEqual({ stdout: 'no\n', stderr: '', exitCode: 1 });
    expect((await k.run(`create deployment web --image=nginx ${as}`)).stdout).toBe('deployment.apps/web created\n');
    expect(await k.run(`delete deployment web ${as}`)).toEqual({
      stdout: '',
      stderr:
        'Error from server (Forbidden): deployments.apps "web" is forbidden: User "system:serviceaccount:default:ci" cannot delete resource "deployments" in API group "apps" in the namespace "default"\n',
      exitCode: 1,
    });
    expect((await k.run(`get pods -A ${as}`)).stderr).toBe(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:ci" cannot list resource "pods" in API group "" at the cluster scope\n',
    );
  });

  it('names a binding whose role is missing in the answer to can-i', async () => {
    const k = kubectl(createCluster());
    await k.run('create rolebinding broken --role=nothing --user=bob');
    expect(await k.run('auth can-i get pods --as=bob')).toEqual({
      stdout: 'no - RBAC: role.rbac.authorization.k8s.io "nothing" not found\n',
      stderr: '',
      exitCode: 1,
    });
  });

  it('follows aggregated ClusterRoles: admin includes edit includes view', async () => {
    const k = kubectl(createCluster());
    await k.run('create rolebinding alice-admin --clusterrole=admin --user=alice');
    for (const [verb, resource, answer] of [
      ['get', 'pods', 'yes'],
      ['create', 'deployments', 'yes'],
      ['create', 'rolebindings', 'yes'],
      ['create', 'resourcequotas', 'no'],
      ['list', 'nodes', 'no'],
    ] as const)
      expect((await k.run(`auth can-i ${verb} ${resource} --as=alice`)).stdout.startsWith(answer)).toBe(true);
  });
});

describe('kubectl top', () => {
  it('shows what the simulated containers use once metrics-server has scraped them', async () => {
    const cluster = createCluster();
    const k = kubectl(cluster);
    await k.run('run web --image=nginx');
    await cluster.advance(5_000);
    expect(await k.run('top pod web')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n',
      exitCode: 1,
    });
    await cluster.advance(60_000);
    expect((await k.run('top pod web')).stdout).toMatch(
      /^NAME {3}CPU\(cores\) {3}MEMORY\(bytes\) {3}\nweb {4}\d+m +\d+Mi +\n$/,
    );
    expect((await k.run('top node')).stdout.split('\n')[0]).toBe(
      'NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ',
    );
  });
});
