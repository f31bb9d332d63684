import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Clock } from '../../clock/clock.ts';
import type { EventRecorder, EventSource } from '../../events.ts';
import { claimClass } from '../../api/printing/networking.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  PVCS,
  PVS,
  STORAGE_CLASSES,
} from '../pvbinder/claims.ts';
import { SIMULATED_PROVISIONERS } from '../pvbinder/pvbinder.ts';

const NAME = 'external-provisioner';
/** PROVISION_MS is how long the provisioner's helper takes to create (or remove) a volume's directory. */
export const PROVISION_MS = 1500;

interface ProvisionerShape {
  /** the event source, `<provisioner>_<pod>_<id>` as sig-storage-lib-external-provisioner names itself */
  source: EventSource;
  /** where the volume's data lives on the node */
  path(claim: PersistentVolumeClaim, volumeName: string): string;
  /** whether volumes are pinned to the node they were made on */
  nodeLocal: boolean;
  extraAnnotations(node: string | undefined): Record<string, string>;
}

const SHAPES: Record<string, ProvisionerShape> = {
  'rancher.io/local-path': {
    source: {
      component: 'rancher.io/local-path_local-path-provisioner-7dc846544d-6bqkl_4f3a9c1e-2b7d-4e8a-9f60-1c5d2e7b8a93',
    },
    path: (claim, volumeName) =>
      `/var/local-path-provisioner/${volumeName}_${claim.metadata?.namespace ?? ''}_${claim.metadata?.name ?? ''}`,
    nodeLocal: true,
    extraAnnotations: (node) => (node ? { 'local.path.provisioner/selected-node': node } : {}),
  },
  'k8s.io/minikube-hostpath': {
    source: { component: 'k8s.io/minikube-hostpath_minikube_2d7e4c1a-9b3f-4a6e-8d21-7f0c5b9e3a14' },
    path: (claim) => `/tmp/hostpath-provisioner/${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`,
    nodeLocal: false,
    extraAnnotations: () => ({ hostPathProvisionerIdentity: '2d7e4c1a-9b3f-4a6e-8d21-7f0c5b9e3a14' }),
  },
  'hostpath.csi.k8s.io': {
    source: { component: 'hostpath.csi.k8s.io_csi-hostpathplugin-0_8e1b5d3c-7a2f-4c9e-b6d0-3f4a1e8c2b57' },
    path: (_claim, volumeName) => `/csi-data-dir/${volumeName}`,
    nodeLocal: true,
    extraAnnotations: () => ({}),
  },
};

/**
 * ExternalProvisioner plays the provisioners the lab's StorageClasses name (kind's
 * rancher.io/local-path first): for a claim the PV controller handed over (storage-provisioner
 * annotation, and for WaitForFirstConsumer a selected node) it reports Provisioning, creates the
 * PersistentVolume `pvc-<claim uid>` pre-bound to the claim, and reports ProvisioningSucceeded; for
 * a Released volume it made whose policy is Delete it removes the volume.
 */
export class ExternalProvisioner implements Controller {
  readonly name = NAME;
  private claims = new Set<string>();
  private deletions = new Set<string>();
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
    if (change.type === 'DELETED') return;
    const object = change.object;
    if (change.resource === PVCS) {
      const claim = object as unknown as PersistentVolumeClaim;
      if (this.wantsVolume(claim)) this.claims.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
    } else if (change.resource === PVS) {
      const volume = object as unknown as PersistentVolume;
      if (this.shouldDelete(volume)) this.deletions.add(object.metadata.name ?? '');
    }
  }

  get pending(): boolean {
    return this.claims.size > 0 || this.deletions.size > 0;
  }

  run(): void {
    const claims = [...this.claims];
    this.claims.clear();
    for (const key of claims) {
      if (this.inFlight.has(key)) continue;
      const [namespace = '', name = ''] = key.split('/');
      const claim = this.server.store.get(PVCS, namespace, name) as unknown as PersistentVolumeClaim | undefined;
      if (!claim || !this.wantsVolume(claim)) continue;
      const provisioner = claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER] ?? '';
      const shape = SHAPES[provisioner];
      if (!shape) continue;
      const className = claimClass(claim);
      if (claim.spec?.selector) {
        this.record(
          claim,
          shape,
          'Warning',
          'ProvisioningFailed',
          `failed to provision volume with StorageClass "${className}": claim Selector is not supported`,
        );
        continue;
      }
      this.record(
        claim,
        shape,
        'Normal',
        'Provisioning',
        `External provisioner is provisioning volume for claim "${namespace}/${name}"`,
      );
      this.inFlight.add(key);
      this.clock.schedule(
        this.clock.now + PROVISION_MS,
        timerType(NAME),
        `provision|${key}|${claim.metadata?.uid ?? ''}`,
      );
    }
    const deletions = [...this.deletions];
    this.deletions.clear();
    for (const name of deletions) {
      if (this.inFlight.has(`pv/${name}`)) continue;
      this.inFlight.add(`pv/${name}`);
      this.clock.schedule(this.clock.now + PROVISION_MS, timerType(NAME), `delete|${name}`);
    }
  }

  handleTimer(ref: string): void {
    const [action, key = '', uid = ''] = ref.split('|');
    if (action === 'delete') {
      this.inFlight.delete(`pv/${key}`);
      const volume = this.server.store.get(PVS, '', key) as unknown as PersistentVolume | undefined;
      if (volume && this.shouldDelete(volume))
        this.request({ verb: 'DELETE', path: `/api/v1/persistentvolumes/${key}` });
      return;
    }
    this.inFlight.delete(key);
    const [namespace = '', name = ''] = key.split('/');
    const claim = this.server.store.get(PVCS, namespace, name) as unknown as PersistentVolumeClaim | undefined;
    if (!claim || claim.metadata?.uid !== uid || !this.wantsVolume(claim)) return;
    this.provision(claim);
  }

  /** rebuild recovers the work in flight from the clock's pending timers; a restored cluster keeps its queue empty. */
  rebuild(): void {
    this.inFlight.clear();
    for (const event of this.clock.snapshot().queue) {
      if (event.type !== timerType(NAME)) continue;
      const [action, key = ''] = event.ref.split('|');
      this.inFlight.add(action === 'delete' ? `pv/${key}` : key);
    }
  }

  /** wantsVolume: an unbound claim handed to a simulated provisioner (with its node when the class waits for one). */
  private wantsVolume(claim: PersistentVolumeClaim): boolean {
    if (claim.metadata?.deletionTimestamp || claim.spec?.volumeName) return false;
    const provisioner = claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER];
    if (!provisioner || !SIMULATED_PROVISIONERS.includes(provisioner)) return false;
    if (this.server.store.get(PVS, '', `pvc-${claim.metadata?.uid ?? ''}`)) return false;
    const storageClass = this.server.store.get(STORAGE_CLASSES, '', claimClass(claim)) as unknown as
      StorageClass | undefined;
    if (!storageClass || storageClass.provisioner !== provisioner) return false;
    if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata?.annotations?.[ANN_SELECTED_NODE])
      return false;
    return true;
  }

  private shouldDelete(volume: PersistentVolume): boolean {
    const provisioner = volume.metadata?.annotations?.[ANN_PROVISIONED_BY];
    return (
      volume.status?.phase === 'Released' &&
      volume.spec?.persistentVolumeReclaimPolicy === 'Delete' &&
      provisioner !== undefined &&
      SIMULATED_PROVISIONERS.includes(provisioner) &&
      !volume.metadata?.deletionTimestamp
    );
  }

  private provision(claim: PersistentVolumeClaim): void {
    const provisioner = claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER] ?? '';
    const shape = SHAPES[provisioner];
    if (!shape) return;
    const className = claimClass(claim);
    const storageClass = this.server.store.get(STORAGE_CLASSES, '', className) as unknown as StorageClass;
    const node = claim.metadata?.annotations?.[ANN_SELECTED_NODE];
    const volumeName = `pvc-${claim.metadata?.uid ?? ''}`;
    const pinned = shape.nodeLocal && node !== undefined;
    const volume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: volumeName,
        annotations: { ...shape.extraAnnotations(node), [ANN_PROVISIONED_BY]: provisioner },
      },
      spec: {
        accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
        capacity: { storage: claim.spec?.resources?.requests?.storage ?? '1Gi' },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name: claim.metadata?.name ?? '',
          namespace: claim.metadata?.namespace ?? '',
          resourceVersion: claim.metadata?.resourceVersion ?? '',
          uid: claim.metadata?.uid ?? '',
        },
        hostPath: { path: shape.path(claim, volumeName), type: 'DirectoryOrCreate' },
        ...(pinned
          ? {
              nodeAffinity: {
                required: {
                  nodeSelectorTerms: [
                    { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
                  ],
                },
              },
            }
          : {}),
        persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
        storageClassName: className,
        volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
        ...(storageClass.mountOptions ? { mountOptions: storageClass.mountOptions } : {}),
      },
    };
    const response = this.request({ verb: 'POST', path: '/api/v1/persistentvolumes', body: volume });
    if (response.status >= 300) return;
    this.record(claim, shape, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName}`);
  }

  private record(
    claim: PersistentVolumeClaim,
    shape: ProvisionerShape,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    this.events.record(claim as unknown as KubeObject, shape.source, { type, reason, message });
  }
}
