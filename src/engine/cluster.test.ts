import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster, type Cluster } from './index.ts';

function apply(cluster: Cluster, name: string, spec: object): void {
  const response = cluster.handle({
    verb: 'POST',
    path: '/api/v1/namespaces/default/pods',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec },
  });
  expect(response.status).toBe(201);
}

function workload(cluster: Cluster): void {
  apply(cluster, 'web', {
    containers: [
      { name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } },
    ],
  });
  apply(cluster, 'crash', { containers: [{ name: 'box', image: 'busybox' }] });
  apply(cluster, 'loop', {
    containers: [{ name: 'loop', image: 'busybox', command: ['sh', '-c', 'while true; do date; sleep 7; done'] }],
  });
  apply(cluster, 'typo', { containers: [{ name: 'x', image: 'nginxx' }] });
}

describe('the cluster is deterministic and serializable', () => {
  it('gives the same cluster for the same inputs', () => {
    const a = createCluster();
    const b = createCluster();
    workload(a);
    workload(b);
    a.advanceSync(10 * 60_000);
    b.advanceSync(10 * 60_000);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
  });

  it('continues from a snapshot exactly as it would have without one', () => {
    const straight = createCluster();
    workload(straight);
    straight.advanceSync(5 * 60_000);
    const midway = JSON.parse(JSON.stringify(straight.snapshot()));
    straight.advanceSync(5 * 60_000);
    const restored = restoreCluster(midway);
    restored.advanceSync(5 * 60_000);
    expect(JSON.stringify(restored.snapshot().store)).toBe(JSON.stringify(straight.snapshot().store));
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(straight.snapshot()));
  });

  it('refuses a snapshot that is not a kubelab cluster', () => {
    expect(() => restoreCluster({ format: 'something-else' } as never)).toThrow('not a kubelab cluster snapshot');
  });

  it('answers a request with a Status, never an exception', async () => {
    const cluster = createCluster();
    const responses = await Promise.all([
      cluster.request({ verb: 'GET', path: '/api/v1/namespaces/default/pods/nothere' }),
      cluster.request({ verb: 'GET', path: '/apis/nothing/v1/things' }),
      cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: 'not an object' }),
      cluster.request({
        verb: 'POST',
        path: '/api/v1/namespaces/default/pods',
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: { containers: [{ name: 'a', image: 'nginx' }] },
        },
      }),
      cluster.request({
        verb: 'POST',
        path: '/api/v1/namespaces/default/pods',
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: { containers: [{ name: 'a', image: 'nginx' }] },
        },
      }),
      cluster.request({
        verb: 'POST',
        path: '/api/v1/namespaces/default/configmaps',
        body: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'big' },
          data: { k: 'x'.repeat(4 * 1024 * 1024) },
        },
      }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 400, 201, 409, 413]);
    expect(responses.map((r) => (r.body as { message?: string }).message)).toEqual([
      'pods "nothere" not found',
      'the server could not find the requested resource',
      expect.stringContaining('the body of the request was in an unknown format'),
      undefined,
      'pods "x" already exists',
      'Request entity too large: limit is 3145728',
    ]);
  });

  it('records who did what in the audit log', async () => {
    const cluster = createCluster();
    await cluster.request({ verb: 'GET', path: '/api/v1/namespaces/default/pods', user: { username: 'alice' } });
    const last = cluster.audit[cluster.audit.length - 1];
    expect(last).toMatchObject({ user: 'alice', verb: 'list', resource: 'pods', namespace: 'default', code: 403 });
    await cluster.request({ verb: 'GET', path: '/api/v1/namespaces/default/pods' });
    expect(cluster.audit[cluster.audit.length - 1]).toMatchObject({
      user: 'kubernetes-admin',
      verb: 'list',
      code: 200,
    });
  });
});
