import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../api/equal.ts';
import type { KubeObject } from '../../api/types.ts';
import type { EventInput } from '../../events.ts';
import type { Action } from '../reconcile/actions.ts';
import { DEPLOYMENTS, REPLICA_SETS } from '../reconcile/resources.ts';
import { maxSurge, replicasAnnotationsNeedUpdate, replicasOf, setReplicasAnnotations } from './util.ts';

/** DeploymentView is what one sync reads: the Deployment, its ReplicaSets (claimed) and their pods by ReplicaSet uid. */
export interface DeploymentView {
  deployment: Deployment;
  replicaSets: readonly ReplicaSet[];
  podsByReplicaSet: ReadonlyMap<string, readonly Pod[]>;
}

/**
 * Plan is one sync of a Deployment in progress. The Go controller writes as it goes and carries on
 * with the objects the API returned; Plan keeps working copies instead, so later steps see earlier
 * ones, and collects the writes as actions. The Deployment's own status and annotations are written
 * once, at the end, if they changed.
 */
export class Plan {
  readonly actions: Action[] = [];
  /** d is the working copy of the Deployment; d.status is what the controller last decided to write. */
  readonly d: Deployment;
  readonly rsList: ReplicaSet[];
  readonly podsByReplicaSet: ReadonlyMap<string, readonly Pod[]>;
  private readonly stored: Deployment;
  private metaChanged = false;
  private statusChanged = false;

  constructor(
    view: DeploymentView,
    readonly now: number,
  ) {
    this.stored = view.deployment;
    this.d = structuredClone(view.deployment);
    this.d.status ??= {};
    this.rsList = view.replicaSets.map((rs) => structuredClone(rs));
    this.podsByReplicaSet = view.podsByReplicaSet;
  }

  get owner(): KubeObject {
    return this.d as unknown as KubeObject;
  }

  event(input: EventInput): void {
    this.actions.push({ type: 'event', on: this.stored as unknown as KubeObject, input });
  }

  /** markMetaChanged: the Deployment's annotations or spec must be written (revision, rollback). */
  markMetaChanged(): void {
    this.metaChanged = true;
  }

  /** setStatus replaces the status the controller means to write. */
  setStatus(status: DeploymentStatus): void {
    this.d.status = status;
    this.statusChanged = true;
  }

  markStatusChanged(): void {
    this.statusChanged = true;
  }

  createReplicaSet(rs: ReplicaSet, event?: EventInput): void {
    this.rsList.push(rs);
    this.actions.push({
      type: 'create',
      resource: REPLICA_SETS,
      object: rs as unknown as KubeObject,
      ...(event ? { event: { on: this.stored as unknown as KubeObject, input: event } } : {}),
    });
  }

  updateReplicaSet(rs: ReplicaSet, event?: EventInput): void {
    this.actions.push({
      type: 'update',
      resource: REPLICA_SETS,
      object: structuredClone(rs) as unknown as KubeObject,
      ...(event ? { event: { on: this.stored as unknown as KubeObject, input: event } } : {}),
    });
  }

  deleteReplicaSet(rs: ReplicaSet): void {
    this.actions.push({
      type: 'delete',
      resource: REPLICA_SETS,
      namespace: rs.metadata?.namespace ?? '',
      name: rs.metadata?.name ?? '',
    });
  }

  /**
   * scaleReplicaSet is scaleReplicaSetAndRecordEvent: set the size and the replicas annotations,
   * and say "Scaled up replica set web-7c5ddbdf54 from 0 to 3" when the size moved.
   */
  scaleReplicaSet(rs: ReplicaSet, newScale: number, operation?: 'up' | 'down'): boolean {
    const d = this.d;
    const oldScale = replicasOf(rs);
    const sizeChanges = oldScale !== newScale;
    const max = replicasOf(d) + maxSurge(d);
    if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return false;
    rs.spec = { ...(rs.spec ?? { selector: {} }), replicas: newScale };
    setReplicasAnnotations(rs, replicasOf(d), max);
    let event: EventInput | undefined;
    if (sizeChanges) {
      const direction = operation ?? (oldScale < newScale ? 'up' : 'down');
      event = {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled ${direction} replica set ${rs.metadata?.name ?? ''} from ${oldScale} to ${newScale}`,
      };
    }
    this.updateReplicaSet(rs, event);
    return sizeChanges;
  }

  /** finish returns the actions, with the Deployment's own writes last. */
  finish(): Action[] {
    const actions = [...this.actions];
    if (this.metaChanged) actions.push({ type: 'update', resource: DEPLOYMENTS, object: this.owner });
    if (this.statusChanged && !deepEqual(this.d.status ?? {}, this.stored.status ?? {}))
      actions.push({ type: 'updateStatus', resource: DEPLOYMENTS, object: structuredClone(this.owner) });
    return actions;
  }
}
