import type { PersistentVolume, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import { controllerClient, type Controller } from '../controller.ts';
import { claimNames, podIsTerminated, PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER, PVCS, PVS } from './claims.ts';

/**
 * StorageProtectionController is the pvc-protection and pv-protection controllers
 * (pkg/controller/volume/pvcprotection, pvprotection): a claim being deleted keeps its
 * `kubernetes.io/pvc-protection` finalizer (STATUS Terminating) while any pod that has not
 * finished still uses it; a volume keeps `kubernetes.io/pv-protection` while it is Bound.
 */
export class StorageProtectionController implements Controller {
  readonly name = 'pvc-protection-controller';
  private claims = new Set<string>();
  private volumes = new Set<string>();
  private readonly request;

  constructor(private readonly server: ApiServer) {
    this.request = controllerClient(server, 'pvc-protection-controller');
  }

  observe(change: StoredChange): void {
    const object = change.object;
    switch (change.resource) {
      case PVCS:
        if (object.metadata.deletionTimestamp)
          this.claims.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
        return;
      case PVS:
        if (object.metadata.deletionTimestamp) this.volumes.add(object.metadata.name ?? '');
        return;
      case 'pods': {
        const pod = object as unknown as Pod;
        if (change.type !== 'DELETED' && !podIsTerminated(pod)) return;
        for (const claim of claimNames(pod)) this.claims.add(`${pod.metadata?.namespace ?? ''}/${claim}`);
        return;
      }
    }
  }

  get pending(): boolean {
    return this.claims.size > 0 || this.volumes.size > 0;
  }

  run(): void {
    const claims = [...this.claims];
    this.claims.clear();
    for (const key of claims) {
      const [namespace = '', name = ''] = key.split('/');
      const claim = this.server.store.get(PVCS, namespace, name);
      if (!claim?.metadata.deletionTimestamp || !(claim.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER))
        continue;
      if (this.claimInUse(namespace, name)) continue;
      this.dropFinalizer(
        `/api/v1/namespaces/${namespace}/persistentvolumeclaims/${name}`,
        claim.metadata.finalizers ?? [],
        PVC_PROTECTION_FINALIZER,
      );
    }
    const volumes = [...this.volumes];
    this.volumes.clear();
    for (const name of volumes) {
      const volume = this.server.store.get(PVS, '', name) as unknown as PersistentVolume | undefined;
      const finalizers = volume?.metadata?.finalizers ?? [];
      if (!volume?.metadata?.deletionTimestamp || !finalizers.includes(PV_PROTECTION_FINALIZER)) continue;
      if (volume.status?.phase === 'Bound') continue;
      this.dropFinalizer(`/api/v1/persistentvolumes/${name}`, finalizers, PV_PROTECTION_FINALIZER);
    }
  }

  rebuild(): void {
    for (const object of this.server.store.list(PVCS))
      if (object.metadata.deletionTimestamp)
        this.claims.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
    for (const object of this.server.store.list(PVS))
      if (object.metadata.deletionTimestamp) this.volumes.add(object.metadata.name ?? '');
  }

  private claimInUse(namespace: string, name: string): boolean {
    return this.server.store.list('pods', namespace).some((object) => {
      const pod = object as unknown as Pod;
      return !podIsTerminated(pod) && claimNames(pod).includes(name);
    });
  }

  private dropFinalizer(path: string, finalizers: string[], finalizer: string): void {
    const rest = finalizers.filter((f) => f !== finalizer);
    this.request({
      verb: 'PATCH',
      path,
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { metadata: { finalizers: rest.length ? rest : null } },
    });
  }
}
