import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { claimClass } from '../../api/printing/networking.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Clock } from '../../clock/clock.ts';
import type { EventRecorder } from '../../events.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';
import { PVCS, PVS, STORAGE_CLASSES } from '../pvbinder/claims.ts';
import { storageBytes } from '../pvbinder/matching.ts';

const NAME = 'volume-expander';
/** RESIZE_MS is how long the simulated resizer takes to grow a volume. */
export const RESIZE_MS = 1000;

/**
 * VolumeExpander is the expand controller plus an external resizer: when a bound claim of a class
 * with allowVolumeExpansion asks for more storage than it has, it reports ExternalExpanding and
 * Resizing, grows the PersistentVolume, and reports VolumeResizeSuccessful; the binder then shows
 * the new size in the claim's CAPACITY.
 */
export class VolumeExpander implements Controller {
  readonly name = NAME;
  private queue = new Set<string>();
  private inFlight = new Set<string>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {
    this.request = controllerClient(server, NAME);
  }

  observe(change: StoredChange): void {
    if (change.resource !== PVCS || change.type === 'DELETED') return;
    if (this.wantsResize(change.object as unknown as PersistentVolumeClaim))
      this.queue.add(`${change.object.metadata.namespace ?? ''}/${change.object.metadata.name ?? ''}`);
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      if (this.inFlight.has(key)) continue;
      const [namespace = '', name = ''] = key.split('/');
      const claim = this.server.store.get(PVCS, namespace, name) as unknown as PersistentVolumeClaim | undefined;
      if (!claim || !this.wantsResize(claim)) continue;
      const volumeName = claim.spec?.volumeName ?? '';
      const volume = this.server.store.get(PVS, '', volumeName) as unknown as PersistentVolume | undefined;
      const provisioner = volume?.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] ?? 'external-resizer';
      this.record(
        claim,
        'volume_expand',
        'Normal',
        'ExternalExpanding',
        'waiting for an external controller to expand this PVC',
      );
      this.record(
        claim,
        `external-resizer ${provisioner}`,
        'Normal',
        'Resizing',
        `External resizer is resizing volume ${volumeName}`,
      );
      this.inFlight.add(key);
      this.clock.schedule(this.clock.now + RESIZE_MS, timerType(NAME), `${key}|${claim.metadata?.uid ?? ''}`);
    }
  }

  handleTimer(ref: string): void {
    const [key = '', uid = ''] = ref.split('|');
    this.inFlight.delete(key);
    const [namespace = '', name = ''] = key.split('/');
    const claim = this.server.store.get(PVCS, namespace, name) as unknown as PersistentVolumeClaim | undefined;
    if (!claim || claim.metadata?.uid !== uid || !this.wantsResize(claim)) return;
    const volume = this.server.store.get(PVS, '', claim.spec?.volumeName ?? '') as unknown as
      PersistentVolume | undefined;
    if (!volume) return;
    const next = structuredClone(volume);
    next.spec ??= {};
    next.spec.capacity = { ...(next.spec.capacity ?? {}), storage: claim.spec?.resources?.requests?.storage ?? '0' };
    this.request({ verb: 'PUT', path: `/api/v1/persistentvolumes/${volume.metadata?.name ?? ''}`, body: next });
    const provisioner = volume.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] ?? 'external-resizer';
    this.record(
      claim,
      `external-resizer ${provisioner}`,
      'Normal',
      'VolumeResizeSuccessful',
      'Resize volume succeeded',
    );
  }

  /** rebuild recovers the resizes in flight from the clock's pending timers. */
  rebuild(): void {
    this.inFlight.clear();
    for (const event of this.clock.snapshot().queue)
      if (event.type === timerType(NAME)) this.inFlight.add(event.ref.split('|')[0] ?? '');
  }

  private wantsResize(claim: PersistentVolumeClaim): boolean {
    if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName || claim.metadata?.deletionTimestamp) return false;
    const requested = storageBytes(claim.spec.resources?.requests?.storage);
    const volume = this.server.store.get(PVS, '', claim.spec.volumeName) as unknown as PersistentVolume | undefined;
    if (!volume || storageBytes(volume.spec?.capacity?.storage) >= requested) return false;
    const storageClass = this.server.store.get(STORAGE_CLASSES, '', claimClass(claim)) as unknown as
      StorageClass | undefined;
    return storageClass?.allowVolumeExpansion === true;
  }

  private record(
    claim: PersistentVolumeClaim,
    component: string,
    type: 'Normal',
    reason: string,
    message: string,
  ): void {
    this.events.record(claim as unknown as KubeObject, { component }, { type, reason, message });
  }
}
