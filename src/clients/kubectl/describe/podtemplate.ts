import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './common.ts';
import { L0, L1, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common.ts';
import { describeContainers } from './containers.ts';
import { describeTopologySpreadConstraints } from './pod.ts';
import { describeVolumes } from './volumes.ts';

/**
 * describePodTemplate is DescribePodTemplate: the `Pod Template:` block of Deployments, ReplicaSets,
 * StatefulSets, DaemonSets and Jobs — labels, containers and volumes indented one level, no statuses.
 */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: DescribeWriter): void {
  w.line(L0, 'Pod Template:');
  if (!template) {
    w.write(L1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.line(L1, `Service Account:\t${spec.serviceAccountName}`);
  if ((spec.initContainers ?? []).length > 0)
    describeContainers('Init Containers', spec.initContainers ?? [], undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.line(L1, `Priority Class Name:\t${spec.priorityClassName}`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
