import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH, rfc3339 } from '../../clock/clock.ts';
import { computeHash } from '../reconcile/hash.ts';
import { deployment, pod, type DeploymentBuilder } from '../testing/builders.ts';
import { statusOf, summarize } from '../testing/summary.ts';
import { reconcileDeployment } from './reconcile.ts';

const NOW = DEFAULT_EPOCH + 600_000;

/** stored gives a built Deployment what the API server adds: uid, generation, creation time, defaults. */
function stored(b: DeploymentBuilder, status: DeploymentStatus = {}, generation = 1): Deployment {
  const d = b.obj();
  d.metadata = { ...d.metadata, uid: 'uid-web', generation, creationTimestamp: rfc3339(DEFAULT_EPOCH) };
  const spec = d.spec as NonNullable<Deployment['spec']>;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  d.status = status;
  return d;
}

interface RSShape {
  image: string;
  replicas: number;
  available?: number;
  revision: number;
  /** Seconds after the epoch the ReplicaSet was created, which orders old ones. */
  created?: number;
  desired?: number;
  max?: number;
}

/** replicaSetOf makes the ReplicaSet the controller would have made for the Deployment with that image. */
function replicaSetOf(d: Deployment, shape: RSShape): ReplicaSet {
  const template = structuredClone(d.spec?.template ?? {});
  const container = template.spec?.containers[0];
  if (container) container.image = shape.image;
  const hash = computeHash(template);
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash },
  };
  const available = shape.available ?? shape.replicas;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: 'default',
      uid: `uid-rs-${shape.revision}`,
      generation: 1,
      creationTimestamp: rfc3339(DEFAULT_EPOCH + (shape.created ?? shape.revision) * 1000),
      labels: template.metadata.labels ?? {},
      annotations: {
        'deployment.kubernetes.io/revision': String(shape.revision),
        'deployment.kubernetes.io/desired-replicas': String(shape.desired ?? d.spec?.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String(shape.max ?? (d.spec?.replicas ?? 1) + 1),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: 'uid-web',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: shape.replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template,
    },
    status: { replicas: shape.replicas, readyReplicas: available, availableReplicas: available, observedGeneration: 1 },
  };
}

/** scaledToZero makes a ReplicaSet look scaled down and observed at zero. */
function scaledToZero(rs: ReplicaSet): void {
  (rs.spec as NonNullable<ReplicaSet['spec']>).replicas = 0;
  (rs as { status?: ReplicaSet['status'] }).status = { replicas: 0 };
}

function run(d: Deployment, replicaSets: ReplicaSet[], pods: Map<string, Pod[]> = new Map(), now = NOW) {
  return reconcileDeployment({ deployment: d, replicaSets, podsByReplicaSet: pods }, now);
}

const rsName = (d: Deployment, image: string) => replicaSetOf(d, { image, replicas: 0, revision: 1 }).metadata?.name;

describe('a new Deployment', () => {
  it('creates its ReplicaSet "<deployment>-<pod-template-hash>" at full size, with revision 1', () => {
    const d = stored(deployment('web').replicas(3).image('nginx:1.27'));
    const actions = run(d, []);
    const name = rsName(d, 'nginx:1.27') ?? '';
    expect(name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(summarize(actions, NOW)).toEqual([
      `create ReplicaSet ${name} replicas=3`,
      `event ScalingReplicaSet: Scaled up replica set ${name} from 0 to 3`,
      'requeue +601s',
      'update Deployment web',
      'status Deployment web',
    ]);
    const created = actions[0]?.type === 'create' ? (actions[0].object as unknown as ReplicaSet) : undefined;
    expect(created?.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(created?.spec?.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': name.slice(4) });
    expect(created?.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      controller: true,
      blockOwnerDeletion: true,
    });
    const status = statusOf<DeploymentStatus>(actions, 'Deployment');
    expect(status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`],
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ]);
  });

  it('hashes the same template to the same name every time', () => {
    const a = stored(deployment('web').replicas(3).image('nginx:1.27'));
    const b = stored(deployment('web').replicas(5).image('nginx:1.27'));
    expect(rsName(a, 'nginx:1.27')).toBe(rsName(b, 'nginx:1.27'));
    expect(rsName(a, 'nginx:1.28')).not.toBe(rsName(a, 'nginx:1.27'));
  });

  it('with a selector that selects everything only warns', () => {
    const d = stored(deployment('web'));
    (d.spec as NonNullable<Deployment['spec']>).selector = {};
    expect(summarize(run(d, []))).toEqual([
      'event SelectingAll: This deployment is selecting all pods. A non-empty selector is required.',
      'status Deployment web',
    ]);
  });
});

describe('RollingUpdate (maxSurge rounds up, maxUnavailable down)', () => {
  const d4 = stored(deployment('web').replicas(4).image('nginx:1.28'), {}, 2);
  const oldName = rsName(d4, 'nginx:1.27');
  const newName = rsName(d4, 'nginx:1.28');
  it.each([
    {
      rule: 'a new template surges one pod and takes one old pod away (25% of 4 is 1 each way)',
      old: { replicas: 4, available: 4 },
      next: undefined,
      lines: [
        `create ReplicaSet ${newName} replicas=1`,
        `event ScalingReplicaSet: Scaled up replica set ${newName} from 0 to 1`,
        `update ReplicaSet ${oldName} replicas=3`,
        `event ScalingReplicaSet: Scaled down replica set ${oldName} from 4 to 3`,
      ],
    },
    {
      rule: 'at the surge ceiling with new pods not yet available, nothing moves',
      old: { replicas: 3, available: 3 },
      next: { replicas: 2, available: 0 },
      lines: [],
    },
    {
      rule: 'once new pods are available, old ones go down to the minimum available',
      old: { replicas: 3, available: 3 },
      next: { replicas: 2, available: 2 },
      lines: [
        `update ReplicaSet ${oldName} replicas=1`,
        `event ScalingReplicaSet: Scaled down replica set ${oldName} from 3 to 1`,
      ],
    },
    {
      rule: 'with room under the ceiling the new ReplicaSet grows',
      old: { replicas: 1, available: 1 },
      next: { replicas: 2, available: 2 },
      lines: [
        `update ReplicaSet ${newName} replicas=4`,
        `event ScalingReplicaSet: Scaled up replica set ${newName} from 2 to 4`,
      ],
    },
    {
      rule: 'the last old replica goes once the new ones are all available',
      old: { replicas: 1, available: 1 },
      next: { replicas: 4, available: 4 },
      lines: [
        `update ReplicaSet ${oldName} replicas=0`,
        `event ScalingReplicaSet: Scaled down replica set ${oldName} from 1 to 0`,
      ],
    },
  ])('$rule', ({ old, next, lines }) => {
    const sets = [replicaSetOf(d4, { image: 'nginx:1.27', revision: 1, ...old })];
    if (next) sets.push(replicaSetOf(d4, { image: 'nginx:1.28', revision: 2, ...next }));
    const got = summarize(run(d4, sets)).filter(
      (l) => !l.startsWith('status') && !l.startsWith('requeue') && !l.startsWith('update Deployment'),
    );
    expect(got).toEqual(lines);
  });

  it('maxSurge 0 and maxUnavailable 1: the new ReplicaSet starts empty and an old pod goes first', () => {
    const d = stored(deployment('web').replicas(3).image('nginx:1.28').rolling(0, 1), {}, 2);
    const got = summarize(run(d, [replicaSetOf(d, { image: 'nginx:1.27', replicas: 3, revision: 1 })]));
    expect(got.slice(0, 3)).toEqual([
      `create ReplicaSet ${rsName(d, 'nginx:1.28')} replicas=0`,
      `update ReplicaSet ${rsName(d, 'nginx:1.27')} replicas=2`,
      `event ScalingReplicaSet: Scaled down replica set ${rsName(d, 'nginx:1.27')} from 3 to 2`,
    ]);
  });

  it('unavailable old replicas are cleaned up first, so they cannot block the rollout', () => {
    const d = stored(deployment('web').replicas(4).image('nginx:1.28'), {}, 2);
    const sets = [
      replicaSetOf(d, { image: 'nginx:1.27', replicas: 3, available: 1, revision: 1 }),
      replicaSetOf(d, { image: 'nginx:1.28', replicas: 2, available: 2, revision: 2 }),
    ];
    const got = summarize(run(d, sets)).filter((l) => l.startsWith('event'));
    expect(got).toEqual([`event ScalingReplicaSet: Scaled down replica set ${rsName(d, 'nginx:1.27')} from 3 to 1`]);
  });
});

describe('Recreate', () => {
  const d = stored(deployment('web').replicas(3).image('nginx:1.28').recreate(), {}, 2);
  const old = () => replicaSetOf(d, { image: 'nginx:1.27', replicas: 3, revision: 1 });

  it('scales every old ReplicaSet to zero before anything new', () => {
    expect(summarize(run(d, [old()])).slice(0, 2)).toEqual([
      `update ReplicaSet ${rsName(d, 'nginx:1.27')} replicas=0`,
      `event ScalingReplicaSet: Scaled down replica set ${rsName(d, 'nginx:1.27')} from 3 to 0`,
    ]);
  });

  it('waits while an old pod is still there, even terminating', () => {
    const rs = old();
    scaledToZero(rs);
    const terminating = pod('web-old-x').running(DEFAULT_EPOCH).deleting().obj();
    const pods = new Map([[rs.metadata?.uid ?? '', [terminating]]]);
    expect(summarize(run(d, [rs], pods)).filter((l) => l.startsWith('create'))).toEqual([]);
  });

  it('creates the new ReplicaSet at full size once the old pods are gone', () => {
    const rs = old();
    scaledToZero(rs);
    const lines = summarize(run(d, [rs]));
    expect(lines.slice(0, 2)).toEqual([
      `create ReplicaSet ${rsName(d, 'nginx:1.28')} replicas=3`,
      `event ScalingReplicaSet: Scaled up replica set ${rsName(d, 'nginx:1.28')} from 0 to 3`,
    ]);
  });
});

describe('scaling', () => {
  it('a single active ReplicaSet takes the new size', () => {
    const d = stored(deployment('web').replicas(5).image('nginx:1.27'), {}, 2);
    const rs = replicaSetOf(d, { image: 'nginx:1.27', replicas: 3, revision: 1, desired: 3, max: 4 });
    expect(summarize(run(d, [rs])).filter((l) => l.startsWith('event'))).toEqual([
      `event ScalingReplicaSet: Scaled up replica set ${rsName(d, 'nginx:1.27')} from 3 to 5`,
    ]);
  });

  it("during a rollout the change is spread in proportion to the ReplicaSets' sizes", () => {
    const d = stored(deployment('web').replicas(8).image('nginx:1.28'), {}, 3);
    const sets = [
      replicaSetOf(d, { image: 'nginx:1.27', replicas: 3, revision: 1, desired: 4, max: 5 }),
      replicaSetOf(d, { image: 'nginx:1.28', replicas: 2, available: 0, revision: 2, desired: 4, max: 5 }),
    ];
    expect(summarize(run(d, sets)).filter((l) => l.startsWith('event'))).toEqual([
      `event ScalingReplicaSet: Scaled up replica set ${rsName(d, 'nginx:1.27')} from 3 to 6`,
      `event ScalingReplicaSet: Scaled up replica set ${rsName(d, 'nginx:1.28')} from 2 to 4`,
    ]);
  });
});

describe('conditions and status', () => {
  it('a complete rollout reports NewReplicaSetAvailable and MinimumReplicasAvailable', () => {
    const d = stored(deployment('web').replicas(2).image('nginx:1.27'));
    const rs = replicaSetOf(d, { image: 'nginx:1.27', replicas: 2, revision: 1, desired: 2, max: 3 });
    const status = statusOf<DeploymentStatus>(run(d, [rs]), 'Deployment');
    expect(status).toMatchObject({
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(status?.unavailableReplicas).toBeUndefined();
    expect(status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata?.name}" has successfully progressed.`],
    ]);
  });

  it('no progress for progressDeadlineSeconds is ProgressDeadlineExceeded', () => {
    const since = rfc3339(NOW - 601_000);
    const d = stored(deployment('web').replicas(2).image('nginx:1.27'), {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      unavailableReplicas: 2,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: 'x',
          lastUpdateTime: since,
          lastTransitionTime: since,
        },
      ],
    });
    const rs = replicaSetOf(d, { image: 'nginx:1.27', replicas: 2, available: 0, revision: 1, desired: 2, max: 3 });
    const status = statusOf<DeploymentStatus>(run(d, [rs]), 'Deployment');
    expect(status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata?.name}" has timed out progressing.`,
    });
  });

  it('a paused Deployment records DeploymentPaused and rolls nothing out', () => {
    const d = stored(deployment('web').replicas(2).image('nginx:1.28').paused(), {}, 2);
    const rs = replicaSetOf(d, { image: 'nginx:1.27', replicas: 2, revision: 1, desired: 2, max: 3 });
    const actions = run(d, [rs]);
    expect(summarize(actions).filter((l) => l.startsWith('create'))).toEqual([]);
    expect(
      statusOf<DeploymentStatus>(actions, 'Deployment')?.conditions?.find((c) => c.type === 'Progressing'),
    ).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
  });
});

describe('history', () => {
  it('revisionHistoryLimit deletes the oldest scaled-down ReplicaSets once the rollout is complete', () => {
    const complete = { observedGeneration: 4, replicas: 1, updatedReplicas: 1, availableReplicas: 1 };
    const d = stored(deployment('web').replicas(1).image('nginx:4').revisionHistoryLimit(1), complete, 4);
    const sets = [1, 2, 3].map((revision) =>
      replicaSetOf(d, { image: `nginx:${revision}`, replicas: 0, available: 0, revision, desired: 1, max: 2 }),
    );
    sets.push(replicaSetOf(d, { image: 'nginx:4', replicas: 1, revision: 4, desired: 1, max: 2 }));
    const deletes = summarize(run(d, sets)).filter((l) => l.startsWith('delete'));
    expect(deletes).toEqual([`delete ReplicaSet ${rsName(d, 'nginx:1')}`, `delete ReplicaSet ${rsName(d, 'nginx:2')}`]);
  });

  it('a ReplicaSet that comes back as the new one gets the next revision and keeps the old in revision-history', () => {
    const d = stored(deployment('web').replicas(1).image('nginx:1'), {}, 3);
    const sets = [
      replicaSetOf(d, { image: 'nginx:1', replicas: 0, available: 0, revision: 1, desired: 1, max: 2 }),
      replicaSetOf(d, { image: 'nginx:2', replicas: 1, revision: 2, desired: 1, max: 2 }),
    ];
    const actions = run(d, sets);
    const update = actions.find((a) => a.type === 'update' && a.object.metadata.name === rsName(d, 'nginx:1'));
    expect(update?.type === 'update' ? update.object.metadata.annotations : undefined).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
  });

  it("the rollback annotation copies an old revision's template back", () => {
    const d = stored(
      deployment('web').replicas(1).image('nginx:2').annotate('deprecated.deployment.rollback.to', '1'),
      {},
      2,
    );
    const sets = [
      replicaSetOf(d, { image: 'nginx:1', replicas: 0, available: 0, revision: 1 }),
      replicaSetOf(d, { image: 'nginx:2', replicas: 1, revision: 2 }),
    ];
    const actions = run(d, sets);
    expect(summarize(actions)).toContain('event DeploymentRollback: Rolled back deployment "web" to revision 1');
    const update = actions.find((a) => a.type === 'update' && a.object.kind === 'Deployment');
    const spec = update?.type === 'update' ? (update.object.spec as Deployment['spec']) : undefined;
    expect(spec?.template.spec?.containers[0]?.image).toBe('nginx:1');
    expect(spec?.template.metadata?.labels).toEqual({ app: 'web' });
  });

  it('rolling back to a revision that does not exist warns and gives up', () => {
    const d = stored(deployment('web').annotate('deprecated.deployment.rollback.to', '7'));
    const lines = summarize(run(d, [replicaSetOf(d, { image: 'nginx:1.27', replicas: 1, revision: 1 })]));
    expect(lines).toContain('event DeploymentRollbackRevisionNotFound: Unable to find the revision to rollback to.');
  });
});
