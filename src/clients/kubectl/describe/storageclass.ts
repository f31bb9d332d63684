import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, formatLabels, printBoolPtr } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** isDefaultClassText is storageutil.IsDefaultAnnotationText: `Yes` when either default-class annotation is "true". */
function isDefaultClassText(annotations: Record<string, string> | undefined): string {
  const a = annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
    ? 'Yes'
    : 'No';
}

/** describeStorageClass is StorageClassDescriber; annotations and parameters print as one-line label sets. */
export async function describeStorageClass(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const sc = object as unknown as StorageClass;
  w.line(L0, `Name:\t${sc.metadata?.name ?? ''}`);
  w.line(L0, `IsDefaultClass:\t${isDefaultClassText(sc.metadata?.annotations)}`);
  w.line(L0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}`);
  w.line(L0, `Provisioner:\t${sc.provisioner}`);
  w.line(L0, `Parameters:\t${formatLabels(sc.parameters)}`);
  w.line(L0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}`);
  if ((sc.mountOptions ?? []).length === 0) w.line(L0, 'MountOptions:\t<none>');
  else {
    w.line(L0, 'MountOptions:');
    for (const option of sc.mountOptions ?? []) w.line(L1, option);
  }
  if (sc.reclaimPolicy !== undefined) w.line(L0, `ReclaimPolicy:\t${sc.reclaimPolicy}`);
  if (sc.volumeBindingMode !== undefined) w.line(L0, `VolumeBindingMode:\t${sc.volumeBindingMode}`);
  if (sc.allowedTopologies !== undefined) {
    w.write(L0, 'AllowedTopologies:\t');
    if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
    else {
      w.writeLine('');
      sc.allowedTopologies.forEach((term, i) => {
        w.write(L1, `Term ${i}:\t`);
        const reqs = term.matchLabelExpressions ?? [];
        if (reqs.length === 0) w.writeLine('<none>');
        reqs.forEach((req, j) => {
          if (j !== 0) w.write(L1, '\t');
          const values = req.values.length > 0 ? ` [${req.values.join(', ')}]` : '';
          w.line(L0, `${req.key} in${values}`);
        });
      });
    }
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('StorageClass', describeStorageClass, 'storage.k8s.io');
