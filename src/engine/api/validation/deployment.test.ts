import { describe, expect, it } from 'vitest';
import { apiServer } from '../../controllers/testing/apiserver.ts';
import { daemonSet, deployment, statefulSet } from '../../controllers/testing/builders.ts';

const APPS = '/apis/apps/v1/namespaces/default';

describe("apps/v1 validation, in the API server's words", () => {
  it.each([
    {
      rule: 'replicas may not be negative',
      path: 'deployments',
      object: deployment('web').replicas(-1).obj(),
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      rule: 'maxSurge and maxUnavailable may not both be 0',
      path: 'deployments',
      object: deployment('web').rolling(0, 0).obj(),
      message:
        'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    },
    {
      rule: 'maxUnavailable may not exceed 100%',
      path: 'deployments',
      object: deployment('web').rolling(1, '120%').obj(),
      message:
        'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%',
    },
    {
      rule: 'progressDeadlineSeconds must exceed minReadySeconds',
      path: 'deployments',
      object: deployment('web').minReadySeconds(30).progressDeadlineSeconds(10).obj(),
      message:
        'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    },
    {
      rule: 'a StatefulSet pod template restarts Always',
      path: 'statefulsets',
      object: (() => {
        const s = statefulSet('db').obj();
        (s.spec?.template.spec ?? { containers: [] }).restartPolicy = 'Never';
        return s;
      })(),
      message:
        'StatefulSet.apps "db" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    },
    {
      rule: 'podManagementPolicy is OrderedReady or Parallel',
      path: 'statefulsets',
      object: (() => {
        const s = statefulSet('db').obj();
        (s.spec as { podManagementPolicy?: string }).podManagementPolicy = 'Random';
        return s;
      })(),
      message: `StatefulSet.apps "db" is invalid: spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`,
    },
    {
      rule: 'a DaemonSet selector must match its template',
      path: 'daemonsets',
      object: (() => {
        const d = daemonSet('logs').obj();
        (d.spec ?? { selector: {}, template: {} }).selector = { matchLabels: { app: 'other' } };
        return d;
      })(),
      message:
        'DaemonSet.apps "logs" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"logs"}: `selector` does not match template `labels`',
    },
  ])('$rule', ({ path, object, message }) => {
    expect(apiServer().send('POST', `${APPS}/${path}`, object)).toBe(message);
  });

  it("a Deployment's and a DaemonSet's selector are immutable", () => {
    const { send } = apiServer();
    expect(send('POST', `${APPS}/deployments`, deployment('web').obj())).toBe('');
    expect(send('PATCH', `${APPS}/deployments/web`, { spec: { selector: { matchLabels: { app: 'x' } } } })).toBe(
      'Deployment.apps "web" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable]',
    );
    expect(send('POST', `${APPS}/daemonsets`, daemonSet('logs').obj())).toBe('');
    expect(
      send('PATCH', `${APPS}/daemonsets/logs`, {
        spec: {
          selector: { matchLabels: { app: 'logs', tier: 'x' } },
          template: { metadata: { labels: { tier: 'x' } } },
        },
      }),
    ).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"logs", "tier":"x"}',
    );
  });

  it('a StatefulSet update may change only replicas, template, updateStrategy and a few more', () => {
    const { send } = apiServer();
    expect(send('POST', `${APPS}/statefulsets`, statefulSet('db').claim('data').obj())).toBe('');
    expect(send('PATCH', `${APPS}/statefulsets/db`, { spec: { replicas: 3 } })).toBe('');
    expect(send('PATCH', `${APPS}/statefulsets/db`, { spec: { serviceName: 'other' } })).toBe(
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });
});

describe('apps/v1 defaults', () => {
  it('StatefulSet: OrderedReady, RollingUpdate with partition 0, history 10, claims retained', () => {
    const { server, send } = apiServer();
    send('POST', `${APPS}/statefulsets`, statefulSet('db').claim('data').obj());
    const spec = server.store.get('statefulsets.apps', 'default', 'db')?.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
    });
    expect((spec.volumeClaimTemplates as unknown[])[0]).toMatchObject({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      spec: { volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(server.store.get('statefulsets.apps', 'default', 'db')?.status).toEqual({
      replicas: 0,
      availableReplicas: 0,
    });
  });

  it('DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0', () => {
    const { server, send } = apiServer();
    send('POST', `${APPS}/daemonsets`, daemonSet('logs').obj());
    const stored = server.store.get('daemonsets.apps', 'default', 'logs');
    expect((stored?.spec as Record<string, unknown>).updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(stored?.status).toEqual({
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 0,
      numberReady: 0,
    });
  });
});
