import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, L2, goStringList, printAnnotationsMultiline, printLabelsMultiline, since } from './common.ts';
import { writeEvents } from './events.ts';
import { canonicalText } from './quantity.ts';
import { registerDescriber } from './registry.ts';
import {
  accessModesText,
  printCSIPersistentVolumeSource,
  printHostPathVolumeSource,
  printNFSVolumeSource,
} from './volumes.ts';

/** volumeClass is storageutil.GetPersistentVolumeClass: the beta annotation wins over spec.storageClassName. */
function volumeClass(pv: PersistentVolume): string {
  const annotation = pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (annotation !== undefined) return annotation;
  return pv.spec?.storageClassName ?? '';
}

/** describePersistentVolume is PersistentVolumeDescriber: binding, policy, capacity, affinity and the source. */
export async function describePersistentVolume(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const pv = object as unknown as PersistentVolume;
  const meta = pv.metadata ?? {};
  const spec = pv.spec ?? {};
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `Finalizers:\t${goStringList(meta.finalizers)}`);
  w.line(L0, `StorageClass:\t${volumeClass(pv)}`);
  if (meta.deletionTimestamp) w.line(L0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})`);
  else w.line(L0, `Status:\t${pv.status?.phase ?? ''}`);
  w.line(L0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}`);
  w.line(L0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}`);
  w.line(L0, `Access Modes:\t${accessModesText(spec.accessModes)}`);
  if (spec.volumeMode !== undefined) w.line(L0, `VolumeMode:\t${spec.volumeMode}`);
  w.line(L0, `Capacity:\t${canonicalText(spec.capacity?.storage)}`);
  w.write(L0, 'Node Affinity:\t');
  const required = spec.nodeAffinity?.required;
  if (!required) w.writeLine('<none>');
  else {
    w.writeLine('');
    w.write(L1, 'Required Terms:\t');
    if (required.nodeSelectorTerms.length === 0) w.writeLine('<none>');
    else {
      w.writeLine('');
      required.nodeSelectorTerms.forEach((term, i) => {
        w.write(L2, `Term ${i}:\t`);
        const reqs = term.matchExpressions ?? [];
        if (reqs.length === 0) w.writeLine('<none>');
        reqs.forEach((req, j) => {
          if (j !== 0) w.write(L2, '\t');
          const values = (req.values ?? []).length > 0 ? ` [${(req.values ?? []).join(', ')}]` : '';
          w.line(L0, `${req.key} ${req.operator.toLowerCase()}${values}`);
        });
      });
    }
  }
  w.line(L0, `Message:\t${pv.status?.message ?? ''}`);
  w.line(L0, 'Source:');
  if (spec.hostPath) printHostPathVolumeSource(spec.hostPath, w);
  else if (spec.nfs) printNFSVolumeSource(spec.nfs, w);
  else if (spec.local) {
    w.line(L2, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)');
    w.line(L2, `Path:\t${spec.local.path}`);
  } else if (spec.csi) printCSIPersistentVolumeSource(spec.csi, w);
  else w.line(L1, '<unknown>');
  await writeEvents(w, ctx, object);
}

registerDescriber('PersistentVolume', describePersistentVolume);
