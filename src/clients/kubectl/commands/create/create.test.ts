import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../../engine/index.ts';
import type { KubectlContext } from '../../types.ts';
import { containerName } from './deployment.ts';
import { createCommand } from './index.ts';
import { findSubcommand } from './parent.ts';
import { goOrdered } from './typed.ts';

let cluster: Cluster;
let ctx: KubectlContext;
const files: Record<string, string> = {};
const create = (line: string[]) => createCommand(line, ctx);

beforeEach(() => {
  cluster = createCluster();
  ctx = { client: cluster, namespace: 'default', now: () => Date.UTC(2025, 0, 15), readFile: (path) => files[path] };
});

describe('kubectl create generators against the simulated cluster', () => {
  it('creates the object and names it as kubectl does', async () => {
    expect(await create(['deployment', 'web', '--image=nginx'])).toEqual({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      exitCode: 0,
    });
    const stored = await cluster.request<{ spec: { replicas: number } }>({
      verb: 'GET',
      path: '/apis/apps/v1/namespaces/default/deployments/web',
    });
    expect(stored.status).toBe(200);
    expect(stored.body.spec.replicas).toBe(1);
  });

  it('wraps server errors the way each generator does', async () => {
    await create(['deployment', 'web', '--image=nginx']);
    expect(await create(['deployment', 'web', '--image=nginx'])).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    });
    await create(['service', 'clusterip', 'web', '--tcp=80']);
    expect((await create(['service', 'clusterip', 'web', '--tcp=80'])).stderr).toBe(
      'error: failed to create ClusterIP service: services "web" already exists\n',
    );
  });

  it('prints namespace and role errors as the server gave them', async () => {
    await create(['namespace', 'team']);
    expect((await create(['namespace', 'team'])).stderr).toBe(
      'Error from server (AlreadyExists): namespaces "team" already exists\n',
    );
    await create(['role', 'r', '--verb=get', '--resource=pods']);
    expect((await create(['role', 'r', '--verb=get', '--resource=pods'])).stderr).toBe(
      'Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "r" already exists\n',
    );
  });

  it('does not persist a server dry run and says so', async () => {
    expect((await create(['configmap', 'c', '--from-literal=a=b', '--dry-run=server'])).stdout).toBe(
      'configmap/c created (server dry run)\n',
    );
    expect((await cluster.request({ verb: 'GET', path: '/api/v1/namespaces/default/configmaps/c' })).status).toBe(404);
  });

  it('creates in the namespace given with -n and reports a missing one', async () => {
    expect((await create(['job', 'j', '--image=busybox', '-n', 'nope'])).stderr).toBe(
      'error: failed to create job: namespaces "nope" not found\n',
    );
    await create(['namespace', 'batch']);
    expect((await create(['job', 'j', '--image=busybox', '-n', 'batch'])).stdout).toBe('job.batch/j created\n');
  });

  it('stores the last-applied configuration with --save-config', async () => {
    const out = await create([
      'configmap',
      'c',
      '--from-literal=a=b',
      '--save-config',
      '-o',
      'jsonpath={.metadata.annotations}',
    ]);
    expect(out.stdout).toBe(
      '{"kubectl.kubernetes.io/last-applied-configuration":"{\\"kind\\":\\"ConfigMap\\",\\"apiVersion\\":\\"v1\\",\\"metadata\\":{\\"name\\":\\"c\\"},\\"data\\":{\\"a\\":\\"b\\"}}\\n"}',
    );
  });

  it('prints the object the server returned, in Go struct order, without managed fields', async () => {
    const out = await create(['deployment', 'api', '--image=nginx', '-o', 'json']);
    const printed = JSON.parse(out.stdout) as { metadata: Record<string, unknown> };
    expect(Object.keys(printed)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(printed.metadata.managedFields).toBeUndefined();
  });

  it('asks the token subresource for a signed, bound service account token', async () => {
    await create(['serviceaccount', 'bot']);
    const out = await create(['token', 'bot', '--duration=10m']);
    expect(out.exitCode).toBe(0);
    const [header, payload, signature] = out.stdout.trimEnd().split('.');
    const decode = (part = '') =>
      JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    expect(decode(header)).toMatchObject({ alg: 'RS256' });
    const claims = decode(payload) as { sub: string; aud: string[]; exp: number; iat: number };
    expect(claims.sub).toBe('system:serviceaccount:default:bot');
    expect(claims.aud).toEqual(['https://kubernetes.default.svc.cluster.local']);
    expect(claims.exp - claims.iat).toBe(600);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{342}$/);
    expect((await create(['token', 'bot', '--duration=5m'])).stderr).toBe(
      'error: failed to create token: TokenRequest.authentication.k8s.io "bot" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n',
    );
    expect((await create(['token', 'nobody'])).stderr).toBe(
      'error: failed to create token: serviceaccounts "nobody" not found\n',
    );
    expect((await create(['token', 'bot', '--duration=1.5s'])).stderr).toBe(
      'error: --duration cannot be expressed in units less than seconds\n',
    );
    expect((await create(['token', 'bot', '--bound-object-kind=Node'])).stderr).toBe(
      'error: supported --bound-object-kind values are Pod, Secret\n',
    );
  });

  it('hands -f and -k to create-from-files', async () => {
    const out = await create(['-f', 'missing.yaml']);
    expect(out.stderr).not.toContain('must specify one of -f and -k');
    expect(out.exitCode).toBe(1);
  });
});

describe('kubectl create parsing helpers', () => {
  it('finds the generator the way cobra strips flags', () => {
    expect(findSubcommand(['-n', 'x', 'deployment', 'web'])).toBe(2);
    expect(findSubcommand(['--dry-run', 'deployment'])).toBe(1);
    expect(findSubcommand(['--output', 'yaml', 'ns', 'x'])).toBe(2);
    expect(findSubcommand(['--', 'ns'])).toBe(-1);
  });

  it('names containers after their image without registry, tag or digest', () => {
    expect(containerName('registry.io:5000/team/nginx:1.25', 0)).toBe('nginx');
    expect(containerName('busybox@sha256:abc', 0)).toBe('busybox');
    expect(containerName('my_app.v2', 1)).toMatch(/^my-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(containerName('my_app.v2', 1)).toBe(containerName('my_app.v2', 1));
  });

  it('orders typed objects as Go structs and prints empty structs', () => {
    const ordered = goOrdered({
      spec: { ports: [{ port: 80, name: 'http' }] },
      metadata: { labels: { b: '1', a: '2' }, name: 'x' },
      apiVersion: 'v1',
      kind: 'Service',
    });
    expect(JSON.stringify(ordered)).toBe(
      '{"kind":"Service","apiVersion":"v1","metadata":{"name":"x","labels":{"b":"1","a":"2"}},"spec":{"ports":[{"name":"http","port":80}]},"status":{"loadBalancer":{}}}',
    );
  });
});
