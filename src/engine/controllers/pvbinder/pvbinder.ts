import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { claimClass } from '../../api/printing/networking.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Clock } from '../../clock/clock.ts';
import { rfc3339 } from '../../clock/clock.ts';
import type { EventRecorder } from '../../events.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimNames,
  defaultStorageClass,
  PVCS,
  PVS,
  STORAGE_CLASSES,
} from './claims.ts';
import { findBestMatch, isVolumeBoundToClaim, volumeMismatch } from './matching.ts';

const NAME = 'persistentvolume-binder-controller';
const SOURCE = { component: 'persistentvolume-controller' };
/** RESYNC_MS is the PV controller's resync period: pending claims are looked at (and evented) again. */
export const RESYNC_MS = 15_000;
/** SIMULATED_PROVISIONERS are the external provisioners the lab runs (see controllers/provisioner). */
export const SIMULATED_PROVISIONERS = ['rancher.io/local-path', 'k8s.io/minikube-hostpath', 'hostpath.csi.k8s.io'];

export const EXTERNAL_PROVISIONING_MESSAGE = (provisioner: string) =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

/**
 * PersistentVolumeBinder is pkg/controller/volume/persistentvolume's PV controller: it binds claims
 * to the best matching volume (both sides, with the bind-completed / bound-by-controller
 * annotations), hands claims of a provisioning class to the external provisioner, waits for the
 * first consumer in WaitForFirstConsumer classes, marks volumes Available, Bound, Released or
 * Failed, and applies reclaim policies. Because the lab's scheduler does not yet bind volumes, it
 * also plays the scheduler's volume binder: when a pod using a delayed claim lands on a node, it
 * binds a fitting static volume or records that node for the provisioner.
 */
export class PersistentVolumeBinder implements Controller {
  readonly name = NAME;
  private claims = new Set<string>();
  private volumes = new Set<string>();
  private nextResyncAt: number | undefined;
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {
    this.request = controllerClient(server, NAME);
  }

  observe(change: StoredChange): void {
    const object = change.object;
    switch (change.resource) {
      case PVCS: {
        this.claims.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
        const volumeName = (object as unknown as PersistentVolumeClaim).spec?.volumeName;
        if (volumeName) this.volumes.add(volumeName);
        return;
      }
      case PVS: {
        this.volumes.add(object.metadata.name ?? '');
        const ref = (object as unknown as PersistentVolume).spec?.claimRef;
        if (ref) this.claims.add(`${ref.namespace ?? ''}/${ref.name ?? ''}`);
        this.queuePendingClaims();
        return;
      }
      case STORAGE_CLASSES:
        this.queuePendingClaims();
        return;
      case 'pods': {
        const pod = object as unknown as Pod;
        const before = change.previous as unknown as Pod | undefined;
        if (change.type === 'DELETED' || !pod.spec?.nodeName || before?.spec?.nodeName === pod.spec.nodeName) return;
        for (const claim of claimNames(pod)) this.claims.add(`${pod.metadata?.namespace ?? ''}/${claim}`);
        return;
      }
    }
  }

  get pending(): boolean {
    return this.claims.size > 0 || this.volumes.size > 0;
  }

  run(): void {
    const volumes = [...this.volumes];
    this.volumes.clear();
    for (const name of volumes) this.syncVolume(name);
    const claims = [...this.claims];
    this.claims.clear();
    for (const key of claims) {
      const [namespace = '', name = ''] = key.split('/');
      this.syncClaim(namespace, name);
    }
    this.ensureResync();
  }

  handleTimer(ref: string): void {
    if (ref !== `resync|${this.nextResyncAt ?? ''}`) return;
    this.nextResyncAt = undefined;
    this.queuePendingClaims();
  }

  /**
   * rebuild picks the resync timer back up from the clock. Nothing else is in flight: snapshots are
   * taken once every loop has settled, and syncing again now would repeat the claims' events.
   */
  rebuild(): void {
    this.nextResyncAt = undefined;
    for (const event of this.clock.snapshot().queue) {
      if (event.type !== timerType(NAME) || !event.ref.startsWith('resync|')) continue;
      const at = Number(event.ref.slice('resync|'.length));
      if (this.nextResyncAt === undefined || at > this.nextResyncAt) this.nextResyncAt = at;
    }
  }

  private queuePendingClaims(): void {
    for (const object of this.server.store.list(PVCS)) {
      const claim = object as unknown as PersistentVolumeClaim;
      if (!claim.metadata?.annotations?.[ANN_BIND_COMPLETED])
        this.claims.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
    }
  }

  private ensureResync(): void {
    if (this.nextResyncAt !== undefined) return;
    const waiting = this.server.store
      .list(PVCS)
      .some(
        (c) => (c as unknown as PersistentVolumeClaim).status?.phase === 'Pending' && !c.metadata.deletionTimestamp,
      );
    if (!waiting) return;
    this.nextResyncAt = this.clock.now + RESYNC_MS;
    this.clock.schedule(this.nextResyncAt, timerType(NAME), `resync|${this.nextResyncAt}`);
  }

  private record(
    object: PersistentVolumeClaim | PersistentVolume,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ) {
    this.events.record(object as unknown as KubeObject, SOURCE, { type, reason, message });
  }

  // --- claims -------------------------------------------------------------------------------

  private getClaim(namespace: string, name: string): PersistentVolumeClaim | undefined {
    return this.server.store.get(PVCS, namespace, name) as unknown as PersistentVolumeClaim | undefined;
  }

  private getVolume(name: string): PersistentVolume | undefined {
    return this.server.store.get(PVS, '', name) as unknown as PersistentVolume | undefined;
  }

  private syncClaim(namespace: string, name: string): void {
    const claim = this.getClaim(namespace, name);
    if (!claim || claim.metadata?.deletionTimestamp) return;
    if (!claim.metadata?.annotations?.[ANN_BIND_COMPLETED]) {
      if (claim.spec?.volumeName) this.syncPreboundClaim(claim);
      else this.syncUnboundClaim(claim);
      return;
    }
    const volume = claim.spec?.volumeName ? this.getVolume(claim.spec.volumeName) : undefined;
    if (!volume) {
      if (claim.status?.phase !== 'Lost') {
        this.writeClaimStatus(claim, { phase: 'Lost' });
        this.record(
          claim,
          'Warning',
          'ClaimLost',
          'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
        );
      }
      return;
    }
    if (!volume.spec?.claimRef) {
      this.bind(volume, claim);
      return;
    }
    if (isVolumeBoundToClaim(volume, claim)) {
      this.ensureClaimBound(claim, volume);
      return;
    }
    if (claim.status?.phase !== 'Lost') {
      this.writeClaimStatus(claim, { phase: 'Lost' });
      this.record(
        claim,
        'Warning',
        'ClaimMisbound',
        'Two claims are bound to the same volume, this one is bound incorrectly',
      );
    }
  }

  /** syncPreboundClaim handles a claim whose author named spec.volumeName. */
  private syncPreboundClaim(claim: PersistentVolumeClaim): void {
    const volumeName = claim.spec?.volumeName ?? '';
    const volume = this.getVolume(volumeName);
    if (!volume) {
      this.ensureClaimPending(claim);
      this.record(claim, 'Normal', 'FailedBinding', `volume "${volumeName}" not found`);
      return;
    }
    if (!volume.spec?.claimRef) {
      const mismatch = volumeMismatch(volume, claim);
      if (mismatch) {
        this.ensureClaimPending(claim);
        this.record(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${mismatch}`);
        return;
      }
      this.bind(volume, claim);
      return;
    }
    if (isVolumeBoundToClaim(volume, claim)) {
      this.bind(volume, claim);
      return;
    }
    this.ensureClaimPending(claim);
    this.record(claim, 'Normal', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`);
  }

  private syncUnboundClaim(claim: PersistentVolumeClaim): void {
    const store = this.server.store;
    if (
      claim.spec?.storageClassName === undefined &&
      !claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class']
    ) {
      const fallback = defaultStorageClass(store);
      if (fallback) {
        // Retroactive default StorageClass assignment: a claim created before any default class gets it now.
        const next = structuredClone(claim);
        (next.spec ??= {}).storageClassName = fallback.metadata?.name ?? '';
        this.putClaim(next);
        return;
      }
    }
    const className = claimClass(claim);
    const storageClass = className
      ? (store.get(STORAGE_CLASSES, '', className) as unknown as StorageClass | undefined)
      : undefined;
    const selectedNodeName = claim.metadata?.annotations?.[ANN_SELECTED_NODE];
    const delayed = storageClass?.volumeBindingMode === 'WaitForFirstConsumer';
    const node = selectedNodeName ?? (delayed ? this.consumerNode(claim) : undefined);
    const nodeObject = node ? (store.get('nodes', '', node) as unknown as Node | undefined) : undefined;
    const volumes = store.list(PVS) as unknown as PersistentVolume[];
    const match = findBestMatch(claim, volumes, { delayBinding: delayed && !node, node: nodeObject });
    if (match) {
      this.bind(match, claim);
      return;
    }
    this.ensureClaimPending(claim);
    if (delayed && !node) {
      this.record(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    if (className === '') {
      this.record(
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
      );
      return;
    }
    if (!storageClass) {
      this.record(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    const provisioner = storageClass.provisioner;
    if (provisioner === 'kubernetes.io/no-provisioner') {
      this.record(
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
      );
      return;
    }
    const annotations = claim.metadata?.annotations ?? {};
    if (
      annotations[ANN_STORAGE_PROVISIONER] !== provisioner ||
      annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner ||
      (delayed && node && annotations[ANN_SELECTED_NODE] !== node)
    ) {
      const next = structuredClone(claim);
      next.metadata ??= {};
      next.metadata.annotations = {
        ...annotations,
        ...(delayed && node ? { [ANN_SELECTED_NODE]: node } : {}),
        [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
        [ANN_STORAGE_PROVISIONER]: provisioner,
      };
      this.putClaim(next);
    }
    this.record(claim, 'Normal', 'ExternalProvisioning', EXTERNAL_PROVISIONING_MESSAGE(provisioner));
  }

  /** consumerNode is the node of a scheduled, running pod that uses the claim (the scheduler's pick). */
  private consumerNode(claim: PersistentVolumeClaim): string | undefined {
    const namespace = claim.metadata?.namespace ?? '';
    for (const object of this.server.store.list('pods', namespace)) {
      const pod = object as unknown as Pod;
      if (!pod.spec?.nodeName || pod.metadata?.deletionTimestamp) continue;
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      if (claimNames(pod).includes(claim.metadata?.name ?? '')) return pod.spec.nodeName;
    }
    return undefined;
  }

  // --- binding ------------------------------------------------------------------------------

  /** bind writes both halves: the volume's claimRef and phase, then the claim's volumeName, annotations and status. */
  private bind(volume: PersistentVolume, claim: PersistentVolumeClaim): void {
    const volumeName = volume.metadata?.name ?? '';
    const ref = volume.spec?.claimRef;
    if (!ref || ref.uid !== claim.metadata?.uid) {
      const next = structuredClone(volume);
      next.spec ??= {};
      next.spec.claimRef = {
        kind: 'PersistentVolumeClaim',
        namespace: claim.metadata?.namespace ?? '',
        name: claim.metadata?.name ?? '',
        uid: claim.metadata?.uid ?? '',
        apiVersion: 'v1',
        resourceVersion: claim.metadata?.resourceVersion ?? '',
      };
      if (!ref)
        next.metadata = {
          ...next.metadata,
          annotations: { ...(next.metadata?.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' },
        };
      this.putVolume(next);
    }
    const bound = this.getVolume(volumeName);
    if (bound && bound.status?.phase !== 'Bound') this.writeVolumeStatus(bound, { phase: 'Bound' });
    const current = this.getClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '') ?? claim;
    const annotations = current.metadata?.annotations ?? {};
    if (current.spec?.volumeName !== volumeName || annotations[ANN_BIND_COMPLETED] !== 'yes') {
      const next = structuredClone(current);
      next.metadata ??= {};
      next.metadata.annotations = {
        ...annotations,
        [ANN_BIND_COMPLETED]: 'yes',
        ...(current.spec?.volumeName ? {} : { [ANN_BOUND_BY_CONTROLLER]: 'yes' }),
      };
      (next.spec ??= {}).volumeName = volumeName;
      this.putClaim(next);
    }
    const latest = this.getClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '');
    const finalVolume = this.getVolume(volumeName);
    if (latest && finalVolume) this.ensureClaimBound(latest, finalVolume);
  }

  private ensureClaimBound(claim: PersistentVolumeClaim, volume: PersistentVolume): void {
    const status = {
      phase: 'Bound',
      accessModes: volume.spec?.accessModes ?? [],
      capacity: { ...(volume.spec?.capacity ?? {}) },
    };
    const current = claim.status ?? {};
    if (
      current.phase === 'Bound' &&
      JSON.stringify(current.accessModes ?? []) === JSON.stringify(status.accessModes) &&
      JSON.stringify(current.capacity ?? {}) === JSON.stringify(status.capacity)
    )
      return;
    this.writeClaimStatus(claim, status);
  }

  private ensureClaimPending(claim: PersistentVolumeClaim): void {
    if (claim.status?.phase !== 'Pending') this.writeClaimStatus(claim, { phase: 'Pending' });
  }

  // --- volumes ------------------------------------------------------------------------------

  private syncVolume(name: string): void {
    const volume = this.getVolume(name);
    if (!volume || volume.metadata?.deletionTimestamp) return;
    const phase = volume.status?.phase;
    const ref = volume.spec?.claimRef;
    if (!ref || !ref.uid) {
      if (phase !== 'Available') this.writeVolumeStatus(volume, { phase: 'Available' });
      if (ref) this.claims.add(`${ref.namespace ?? ''}/${ref.name ?? ''}`);
      return;
    }
    const claim = this.getClaim(ref.namespace ?? '', ref.name ?? '');
    if (claim && claim.metadata?.uid === ref.uid) {
      const claimVolume = claim.spec?.volumeName ?? '';
      if (claimVolume === name) {
        if (phase !== 'Bound') this.writeVolumeStatus(volume, { phase: 'Bound' });
      } else if (claimVolume === '') {
        if (phase !== 'Available' && phase !== 'Bound') this.writeVolumeStatus(volume, { phase: 'Available' });
        this.claims.add(`${ref.namespace ?? ''}/${ref.name ?? ''}`);
      } else if (volume.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
        this.unbind(volume);
      } else if (phase !== 'Available') this.writeVolumeStatus(volume, { phase: 'Available' });
      return;
    }
    if (phase === 'Released' || phase === 'Failed') return;
    this.writeVolumeStatus(volume, { phase: 'Released' });
    const released = this.getVolume(name);
    if (released) this.reclaim(released);
  }

  private unbind(volume: PersistentVolume): void {
    const next = structuredClone(volume);
    if (next.spec) delete next.spec.claimRef;
    const annotations = { ...(next.metadata?.annotations ?? {}) };
    delete annotations[ANN_BOUND_BY_CONTROLLER];
    next.metadata = { ...next.metadata, annotations };
    this.putVolume(next);
    const current = this.getVolume(volume.metadata?.name ?? '');
    if (current) this.writeVolumeStatus(current, { phase: 'Available' });
  }

  /** reclaim applies persistentVolumeReclaimPolicy to a volume whose claim is gone. */
  private reclaim(volume: PersistentVolume): void {
    const name = volume.metadata?.name ?? '';
    switch (volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain') {
      case 'Retain':
        return;
      case 'Recycle': {
        this.unbind(volume);
        const recycled = this.getVolume(name);
        if (recycled) this.record(recycled, 'Normal', 'VolumeRecycled', `Volume recycled`);
        return;
      }
      case 'Delete': {
        const provisioner = volume.metadata?.annotations?.[ANN_PROVISIONED_BY];
        if (provisioner && SIMULATED_PROVISIONERS.includes(provisioner)) return; // the provisioner deletes it
        const hostPath = volume.spec?.hostPath?.path;
        const message =
          hostPath !== undefined
            ? /^\/tmp\/.+/.test(hostPath)
              ? undefined
              : `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`
            : provisioner
              ? undefined
              : `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`;
        if (message === undefined && !provisioner) {
          this.request({ verb: 'DELETE', path: `/api/v1/persistentvolumes/${name}` });
          return;
        }
        if (message === undefined) return;
        this.writeVolumeStatus(volume, { phase: 'Failed', message });
        const failed = this.getVolume(name);
        if (failed) this.record(failed, 'Warning', 'VolumeFailedDelete', message);
        return;
      }
    }
  }

  // --- writes -------------------------------------------------------------------------------

  private putClaim(claim: PersistentVolumeClaim): void {
    const namespace = claim.metadata?.namespace ?? '';
    this.request({
      verb: 'PUT',
      path: `/api/v1/namespaces/${namespace}/persistentvolumeclaims/${claim.metadata?.name ?? ''}`,
      body: claim,
    });
  }

  private putVolume(volume: PersistentVolume): void {
    this.request({ verb: 'PUT', path: `/api/v1/persistentvolumes/${volume.metadata?.name ?? ''}`, body: volume });
  }

  private writeClaimStatus(claim: PersistentVolumeClaim, status: NonNullable<PersistentVolumeClaim['status']>): void {
    const namespace = claim.metadata?.namespace ?? '';
    this.request({
      verb: 'PUT',
      path: `/api/v1/namespaces/${namespace}/persistentvolumeclaims/${claim.metadata?.name ?? ''}/status`,
      body: { ...claim, status },
    });
  }

  private writeVolumeStatus(volume: PersistentVolume, status: { phase: string; message?: string }): void {
    const changed = volume.status?.phase !== status.phase;
    this.request({
      verb: 'PUT',
      path: `/api/v1/persistentvolumes/${volume.metadata?.name ?? ''}/status`,
      body: {
        ...volume,
        status: {
          ...status,
          lastPhaseTransitionTime: changed
            ? rfc3339(this.clock.now)
            : (volume.status?.lastPhaseTransitionTime ?? rfc3339(this.clock.now)),
        },
      },
    });
  }
}
