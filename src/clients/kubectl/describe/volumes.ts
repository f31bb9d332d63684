import type {
  CSIPersistentVolumeSource,
  CSIVolumeSource,
  HostPathVolumeSource,
  NFSVolumeSource,
  PersistentVolumeClaim,
  Volume,
} from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './common.ts';
import {
  L0,
  L1,
  L2,
  L3,
  NestedDescribeWriter,
  goBool,
  goStringList,
  printAnnotationsMultiline,
  printLabelsMultiline,
  compareStrings,
  since,
} from './common.ts';
import { canonicalText } from './quantity.ts';

/**
 * The Volumes section of pods and pod templates, and the volume sources PersistentVolumes share with it
 * (printHostPathVolumeSource and friends in describe.go): one `Type:` line naming the plugin, then its
 * fields at the same level.
 */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: DescribeWriter, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.line(L0, `${space}Volumes:\t<none>`);
    return;
  }
  w.line(L0, `${space}Volumes:`);
  for (const v of list) {
    w.line(L1, `${space ? ' ' : ''}${v.name}:`);
    if (v.hostPath) printHostPathVolumeSource(v.hostPath, w);
    else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit;
      const sizeLimit = size !== undefined && !canonicalText(size).startsWith('-') && canonicalText(size) !== '0';
      w.line(L2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
      w.line(L2, `Medium:\t${v.emptyDir.medium ?? ''}`);
      w.line(L2, `SizeLimit:\t${sizeLimit ? canonicalText(size) : '<unset>'}`);
    } else if (v.gitRepo) {
      w.line(L2, 'Type:\tGitRepo (a volume that is pulled from git when the pod is created)');
      w.line(L2, `Repository:\t${v.gitRepo.repository}`);
      w.line(L2, `Revision:\t${v.gitRepo.revision ?? ''}`);
    } else if (v.secret) {
      w.line(L2, 'Type:\tSecret (a volume populated by a Secret)');
      w.line(L2, `SecretName:\t${v.secret.secretName ?? ''}`);
      w.line(L2, `Optional:\t${goBool(v.secret.optional)}`);
    } else if (v.configMap) {
      w.line(L2, 'Type:\tConfigMap (a volume populated by a ConfigMap)');
      w.line(L2, `Name:\t${v.configMap.name ?? ''}`);
      w.line(L2, `Optional:\t${goBool(v.configMap.optional)}`);
    } else if (v.nfs) printNFSVolumeSource(v.nfs, w);
    else if (v.persistentVolumeClaim) {
      w.line(L2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
      w.line(L2, `ClaimName:\t${v.persistentVolumeClaim.claimName}`);
      w.line(L2, `ReadOnly:\t${goBool(v.persistentVolumeClaim.readOnly)}`);
    } else if (v.ephemeral) {
      w.line(
        L2,
        'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)',
      );
      const template = v.ephemeral.volumeClaimTemplate;
      if (template) {
        const claim = { metadata: template.metadata ?? {}, spec: template.spec } as PersistentVolumeClaim;
        printPersistentVolumeClaim(new NestedDescribeWriter(w, L2), claim, false);
      }
    } else if (v.downwardAPI) {
      w.line(L2, 'Type:\tDownwardAPI (a volume populated by information about the pod)');
      w.line(L2, 'Items:');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.line(L3, `${item.fieldRef.fieldPath} -> ${item.path}`);
        if (item.resourceFieldRef) w.line(L3, `${item.resourceFieldRef.resource} -> ${item.path}`);
      }
    } else if (v.projected) {
      w.line(L2, 'Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const source of v.projected.sources ?? []) {
        if (source.secret) {
          w.line(L2, `SecretName:\t${source.secret.name ?? ''}`);
          w.line(L2, `Optional:\t${goBool(source.secret.optional)}`);
        } else if (source.downwardAPI) w.line(L2, 'DownwardAPI:\ttrue');
        else if (source.configMap) {
          w.line(L2, `ConfigMapName:\t${source.configMap.name ?? ''}`);
          w.line(L2, `Optional:\t${goBool(source.configMap.optional)}`);
        } else if (source.serviceAccountToken)
          w.line(L2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}`);
      }
    } else if (v.csi) printCSIVolumeSource(v.csi, w);
    else if (imageSource(v)) {
      const image = imageSource(v) ?? {};
      w.line(L2, 'Type:\tImage (a container image or OCI artifact)');
      w.line(L2, `Reference:\t${image.reference ?? ''}`);
      w.line(L2, `PullPolicy:\t${image.pullPolicy ?? ''}`);
    } else w.line(L1, '<unknown>');
  }
}

/** imageSource reads the image volume source (1.31+), which the kubernetes-types version here predates. */
function imageSource(v: Volume): { reference?: string; pullPolicy?: string } | undefined {
  return (v as { image?: { reference?: string; pullPolicy?: string } }).image;
}

export function printHostPathVolumeSource(hostPath: HostPathVolumeSource, w: DescribeWriter): void {
  w.line(L2, 'Type:\tHostPath (bare host directory volume)');
  w.line(L2, `Path:\t${hostPath.path}`);
  w.line(L2, `HostPathType:\t${hostPath.type ?? '<none>'}`);
}

export function printNFSVolumeSource(nfs: NFSVolumeSource, w: DescribeWriter): void {
  w.line(L2, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)');
  w.line(L2, `Server:\t${nfs.server}`);
  w.line(L2, `Path:\t${nfs.path}`);
  w.line(L2, `ReadOnly:\t${goBool(nfs.readOnly)}`);
}

function printCSIVolumeSource(csi: CSIVolumeSource, w: DescribeWriter): void {
  w.line(L2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)');
  w.line(L2, `Driver:\t${csi.driver}`);
  w.line(L2, `FSType:\t${csi.fsType ?? ''}`);
  w.line(L2, `ReadOnly:\t${goBool(csi.readOnly)}`);
  printCSIAttributes(w, csi.volumeAttributes);
}

export function printCSIPersistentVolumeSource(csi: CSIPersistentVolumeSource, w: DescribeWriter): void {
  w.line(L2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)');
  w.line(L2, `Driver:\t${csi.driver}`);
  w.line(L2, `FSType:\t${csi.fsType ?? ''}`);
  w.line(L2, `VolumeHandle:\t${csi.volumeHandle}`);
  w.line(L2, `ReadOnly:\t${goBool(csi.readOnly)}`);
  printCSIAttributes(w, csi.volumeAttributes);
}

/** printCSIAttributes is printCSIPersistentVolumeAttributesMultilineIndent with its LEVEL_2 on every write. */
function printCSIAttributes(w: DescribeWriter, attributes: Record<string, string> | undefined): void {
  w.write(L2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(L2, '');
      w.write(L2, '\t');
    }
    const line = `${key}=${(attributes as Record<string, string>)[key] ?? ''}`;
    w.line(L2, line.length > 140 ? `${line.slice(0, 140)}...` : line);
  });
}

/** accessModesText is storageutil.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const list = modes ?? [];
  const out: string[] = [];
  if (list.includes('ReadWriteOnce')) out.push('RWO');
  if (list.includes('ReadOnlyMany')) out.push('ROX');
  if (list.includes('ReadWriteMany')) out.push('RWX');
  if (list.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** claimClass is storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  const annotation = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (annotation !== undefined) return annotation;
  return pvc.spec?.storageClassName ?? '';
}

/**
 * printPersistentVolumeClaim is shared by `describe pvc` and ephemeral volumes' claim templates, which skip
 * what a template can't have (name, status, finalizers).
 */
export function printPersistentVolumeClaim(
  w: DescribeWriter,
  pvc: PersistentVolumeClaim,
  full: boolean,
  now = 0,
): void {
  const meta = pvc.metadata ?? {};
  if (full) {
    w.line(L0, `Name:\t${meta.name ?? ''}`);
    w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  }
  w.line(L0, `StorageClass:\t${claimClass(pvc)}`);
  if (full) {
    if (meta.deletionTimestamp) w.line(L0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})`);
    else w.line(L0, `Status:\t${pvc.status?.phase ?? ''}`);
  }
  const spec = pvc.spec ?? {};
  w.line(L0, `Volume:\t${spec.volumeName ?? ''}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (full) w.line(L0, `Finalizers:\t${goStringList(meta.finalizers)}`);
  let capacity = '';
  let accessModes = '';
  if (spec.volumeName) {
    accessModes = accessModesText(pvc.status?.accessModes);
    capacity = canonicalText(pvc.status?.capacity?.storage);
  }
  w.line(L0, `Capacity:\t${capacity}`);
  w.line(L0, `Access Modes:\t${accessModes}`);
  if (spec.volumeMode) w.line(L0, `VolumeMode:\t${spec.volumeMode}`);
  if (spec.dataSource) {
    w.line(L0, 'DataSource:');
    if (spec.dataSource.apiGroup !== undefined) w.line(L1, `APIGroup:\t${spec.dataSource.apiGroup}`);
    w.line(L1, `Kind:\t${spec.dataSource.kind}`);
    w.line(L1, `Name:\t${spec.dataSource.name}`);
  }
}
