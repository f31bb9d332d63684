import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../cluster.ts';
import type { WatchStreamEvent } from './watch.ts';

const POD = (name: string, labels: Record<string, string> = { app: 'web' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

function open(
  cluster: ReturnType<typeof createCluster>,
  path: string,
  query: Record<string, string> = {},
  headers = {},
) {
  const events: WatchStreamEvent[] = [];
  const opened = cluster.watch({ path, query, headers }, (event) => events.push(event));
  return { events, opened };
}

const names = (events: WatchStreamEvent[]) =>
  events.map((e) => `${e.type} ${(e.object as { metadata?: { name?: string } }).metadata?.name ?? ''}`);

describe('REST watch', () => {
  it('without a resourceVersion sends the current objects as ADDED, then the changes', async () => {
    const cluster = createCluster();
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('a') });
    const { events, opened } = open(cluster, '/api/v1/namespaces/default/pods');
    expect('stop' in opened).toBe(true);
    expect(names(events)).toEqual(['ADDED a']);
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('b') });
    // b is then bound and its status written: MODIFIED events follow its ADDED.
    expect(names(events).slice(0, 2)).toEqual(['ADDED a', 'ADDED b']);
    expect(new Set(names(events).slice(2))).toEqual(new Set(['MODIFIED b']));
    const seen = events.length;
    if ('stop' in opened) opened.stop();
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('c') });
    expect(events).toHaveLength(seen);
  });

  it('resumes from the resourceVersion of a list, replaying what changed since', async () => {
    const cluster = createCluster();
    const list = await cluster.request<{ metadata: { resourceVersion: string } }>({
      verb: 'GET',
      path: '/api/v1/namespaces/default/pods',
    });
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('late') });
    const { events } = open(cluster, '/api/v1/namespaces/default/pods', {
      resourceVersion: list.body.metadata.resourceVersion,
    });
    expect(names(events)[0]).toBe('ADDED late');
    expect(new Set(names(events).slice(1))).toEqual(new Set(['MODIFIED late']));
  });

  it('answers a resourceVersion older than its window with 410 Expired', () => {
    // A restored cluster remembers no changes: any older version has left the window.
    const cluster = restoreCluster(createCluster().snapshot());
    const { events } = open(cluster, '/api/v1/pods', { resourceVersion: '1' });
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('ERROR');
    expect(events[0]?.object).toMatchObject({ code: 410, reason: 'Expired' });
    expect((events[0]?.object as { message: string }).message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });

  it('ends the initial events of the WatchList protocol with an annotated bookmark', async () => {
    const cluster = createCluster();
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('a') });
    const { events } = open(cluster, '/api/v1/namespaces/default/pods', {
      sendInitialEvents: 'true',
      resourceVersionMatch: 'NotOlderThan',
      allowWatchBookmarks: 'true',
    });
    expect(names(events)).toEqual(['ADDED a', 'BOOKMARK ']);
    expect(events[1]?.object).toMatchObject({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } },
    });
  });

  it('refuses sendInitialEvents without NotOlderThan, as the API server validates ListOptions', () => {
    const cluster = createCluster();
    const { opened } = open(cluster, '/api/v1/pods', { sendInitialEvents: 'true' });
    expect(opened).toMatchObject({ status: 422 });
    expect('body' in opened && (opened.body as { message: string }).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, allowWatchBookmarks: Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true]',
    );
  });

  it('reports an object leaving a label selector as DELETED and one entering it as ADDED', async () => {
    const cluster = createCluster();
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('a') });
    const { events } = open(cluster, '/api/v1/namespaces/default/pods', { labelSelector: 'app=web' });
    const relabel = (app: string) =>
      cluster.request({
        verb: 'PATCH',
        path: '/api/v1/namespaces/default/pods/a',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { metadata: { labels: { app } } },
      });
    await relabel('db');
    await relabel('web');
    expect(names(events)).toEqual(['ADDED a', 'DELETED a', 'ADDED a']);
  });

  it('sends Tables when the client asks for them, as kubectl get -w does', async () => {
    const cluster = createCluster();
    await cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body: POD('a') });
    const { events } = open(
      cluster,
      '/api/v1/namespaces/default/pods',
      {},
      {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      },
    );
    expect(events[0]?.object).toMatchObject({
      kind: 'Table',
      rows: [{ object: { kind: 'PartialObjectMetadata', metadata: { name: 'a' } } }],
    });
    expect((events[0]?.object as { rows: { cells: unknown[] }[] }).rows[0]?.cells.slice(0, 2)).toEqual(['a', '0/1']);
  });

  it('answers unknown paths, unwatchable resources and denied users with the API errors', () => {
    const cluster = createCluster();
    expect(open(cluster, '/api/v1/namespaces/default/nopes').opened).toMatchObject({ status: 404 });
    expect(open(cluster, '/api/v1/namespaces/default/pods/a/log').opened).toMatchObject({ status: 405 });
    const denied = cluster.watch(
      { path: '/api/v1/namespaces/default/secrets', query: {}, user: { username: 'jane', groups: [] } },
      () => {},
    );
    expect(denied).toMatchObject({ status: 403 });
  });
});
