import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index.ts';
import { impersonatedUser } from './impersonation.ts';
import { ruleAllows, type RequestAttributes } from './rules.ts';

/** Table-driven checks of the RBAC rules, in the words of pkg/apis/rbac/v1/evaluation_helpers.go. */
function request(overrides: Partial<RequestAttributes>): RequestAttributes {
  return {
    verb: 'get',
    resourceRequest: true,
    apiGroup: '',
    resource: 'pods',
    subresource: '',
    name: '',
    namespace: 'default',
    path: '',
    ...overrides,
  };
}

const rule = (r: Partial<PolicyRule>): PolicyRule => ({ verbs: ['get'], apiGroups: [''], resources: ['pods'], ...r });

const CASES: [string, PolicyRule, Partial<RequestAttributes>, boolean][] = [
  ['an exact rule matches', rule({}), {}, true],
  ['* matches every verb', rule({ verbs: ['*'] }), { verb: 'delete' }, true],
  ['another verb does not match', rule({}), { verb: 'list' }, false],
  ['the API group must match', rule({}), { apiGroup: 'apps' }, false],
  ['* matches every API group', rule({ apiGroups: ['*'] }), { apiGroup: 'apps' }, true],
  ['pods does not match pods/log', rule({}), { subresource: 'log' }, false],
  ['pods/log matches pods/log', rule({ resources: ['pods/log'] }), { subresource: 'log' }, true],
  ['*/log matches any log subresource', rule({ resources: ['*/log'] }), { subresource: 'log' }, true],
  ['*/log does not match the resource itself', rule({ resources: ['*/log'] }), {}, false],
  ['* matches subresources too', rule({ resources: ['*'] }), { subresource: 'exec' }, true],
  ['empty resourceNames match every name', rule({}), { name: 'web' }, true],
  ['resourceNames must contain the name', rule({ resourceNames: ['db'] }), { name: 'web' }, false],
  ['resourceNames match that name', rule({ resourceNames: ['web'] }), { name: 'web' }, true],
  [
    'resourceNames never match a request without a name (list)',
    rule({ resourceNames: ['web'], verbs: ['list'] }),
    { verb: 'list' },
    false,
  ],
  [
    'non-resource URLs match exactly',
    { verbs: ['get'], nonResourceURLs: ['/healthz'] },
    { resourceRequest: false, path: '/healthz' },
    true,
  ],
  [
    'a trailing * matches a prefix',
    { verbs: ['get'], nonResourceURLs: ['/api/*'] },
    { resourceRequest: false, path: '/api/v1' },
    true,
  ],
  [
    'a resource rule never matches a path',
    rule({ resources: ['*'], apiGroups: ['*'], verbs: ['*'] }),
    { resourceRequest: false, path: '/healthz' },
    false,
  ],
];

describe('RBAC rule matching', () => {
  it.each(CASES)('%s', (_name, policy, overrides, allowed) => {
    expect(ruleAllows(request(overrides), policy)).toBe(allowed);
  });
});

describe('impersonated users', () => {
  it('gives a ServiceAccount its groups and everyone system:authenticated', () => {
    expect(impersonatedUser('system:serviceaccount:dev:ci')).toEqual({
      username: 'system:serviceaccount:dev:ci',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'],
    });
    expect(impersonatedUser('jane', ['devs'])).toEqual({ username: 'jane', groups: ['devs', 'system:authenticated'] });
    expect(impersonatedUser('system:anonymous')).toEqual({
      username: 'system:anonymous',
      groups: ['system:unauthenticated'],
    });
  });
});

describe('the authorizer on the API server', () => {
  const sa = {
    username: 'system:serviceaccount:default:sa',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
  };

  it('answers Forbidden with the apiserver text, namespaced and cluster-scoped', () => {
    const cluster = createCluster();
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods', user: sa }).body).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'pods is forbidden: User "system:serviceaccount:default:sa" cannot list resource "pods" in API group "" in the namespace "default"',
    });
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/nodes/worker-1', user: sa }).body).toMatchObject({
      message:
        'nodes "worker-1" is forbidden: User "system:serviceaccount:default:sa" cannot get resource "nodes" in API group "" at the cluster scope',
    });
    expect(
      cluster.handle({ verb: 'POST', path: '/api/v1/namespaces/default/pods/web/exec', user: sa, body: {} }).body,
    ).toMatchObject({
      message:
        'pods "web" is forbidden: User "system:serviceaccount:default:sa" cannot create resource "pods/exec" in API group "" in the namespace "default"',
    });
  });

  it('applies a RoleBinding only in its namespace, even to a ClusterRole', () => {
    const cluster = createCluster();
    cluster.handle({
      verb: 'POST',
      path: '/api/v1/namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
    });
    cluster.handle({
      verb: 'POST',
      path: '/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings',
      body: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'view' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'default' }],
      },
    });
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/dev/pods', user: sa }).status).toBe(200);
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods', user: sa }).status).toBe(403);
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/dev/secrets', user: sa }).status).toBe(403);
  });

  it("keeps the cluster's own components working", () => {
    const cluster = createCluster();
    const scheduler = { username: 'system:kube-scheduler', groups: ['system:authenticated'] };
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/nodes', user: scheduler }).status).toBe(200);
    expect(cluster.handle({ verb: 'DELETE', path: '/api/v1/nodes/worker-1', user: scheduler }).status).toBe(403);
    const kubelet = { username: 'system:node:worker-1', groups: ['system:nodes'] };
    expect(cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/kube-system/pods', user: kubelet }).status).toBe(
      200,
    );
  });

  it("turns Impersonate-User headers into the request's user, if the requester may impersonate", () => {
    const cluster = createCluster();
    const impersonating = cluster.handle({
      verb: 'GET',
      path: '/api/v1/namespaces/default/pods',
      headers: { 'impersonate-user': 'system:serviceaccount:default:sa' },
    });
    expect(impersonating.status).toBe(403);
    const refused = cluster.handle({
      verb: 'GET',
      path: '/api/v1/namespaces/default/pods',
      headers: { 'impersonate-user': 'jane' },
      user: sa,
    });
    expect(refused.body).toMatchObject({
      message:
        'users "jane" is forbidden: User "system:serviceaccount:default:sa" cannot impersonate resource "users" in API group "" at the cluster scope',
    });
  });

  it('answers access reviews without storing them', () => {
    const cluster = createCluster();
    const review = cluster.handle({
      verb: 'POST',
      path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: 'system:kube-scheduler',
          resourceAttributes: { verb: 'create', resource: 'pods', subresource: 'binding', namespace: 'default' },
        },
      },
    });
    expect(review.status).toBe(201);
    expect((review.body as { status: unknown }).status).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "system:kube-scheduler" of ClusterRole "system:kube-scheduler" to User "system:kube-scheduler"',
    });
    expect(cluster.server.store.list('subjectaccessreviews.authorization.k8s.io')).toEqual([]);
  });
});
