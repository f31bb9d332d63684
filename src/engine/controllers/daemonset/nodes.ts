import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Node, Pod, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import { RequiredNodeAffinity } from '../../scheduler/framework/selectors.ts';
import { toleratesTaint } from '../../scheduler/framework/taints.ts';

/**
 * Which nodes a DaemonSet runs on (pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod,
 * pkg/controller/daemon/util): the template's nodeName, nodeSelector and required node affinity must
 * fit, and every NoSchedule/NoExecute taint must be tolerated — with the tolerations every daemon pod
 * gets, so node problems and cordons do not push daemons off their nodes.
 */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** daemonTolerations is AddOrUpdateDaemonPodTolerations, in the order a real daemon pod lists them. */
export function daemonTolerations(spec: PodSpec): Toleration[] {
  const added: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork)
    added.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of added) {
    const same = tolerations.findIndex(
      (o) =>
        o.key === t.key &&
        (o.operator ?? 'Equal') === t.operator &&
        (o.value ?? '') === '' &&
        (o.effect ?? '') === t.effect,
    );
    if (same >= 0) tolerations[same] = t;
    else tolerations.push(t);
  }
  return tolerations;
}

/** daemonPodTemplate is util.CreatePodTemplate: the tolerations plus the generation and revision-hash labels. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const template = structuredClone(ds.spec?.template ?? {});
  const spec = template.spec ?? { containers: [] };
  spec.tolerations = daemonTolerations(spec);
  template.spec = spec;
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: {
      ...(template.metadata?.labels ?? {}),
      [TEMPLATE_GENERATION_LABEL]: String(ds.metadata?.generation ?? 1),
      [REVISION_HASH_LABEL]: hash,
    },
  };
  return template;
}

/** pinToNode is ReplaceDaemonSetPodNodeNameNodeAffinity: required node affinity on metadata.name, so the scheduler binds the pod there. */
export function pinToNode(affinity: Affinity | undefined, nodeName: string): Affinity {
  const selector = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  const next = structuredClone(affinity ?? {});
  next.nodeAffinity = { ...(next.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: selector };
  return next;
}

/** targetNodeOf is util.GetTargetNodeName: spec.nodeName, or the node the affinity pins the pod to. */
export function targetNodeOf(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length !== 1) return undefined;
  const fields = terms[0]?.matchFields ?? [];
  const name = fields.find((f) => f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1);
  return name?.values?.[0];
}

/**
 * nodeShouldRunDaemonPod returns [shouldRun, shouldContinueRunning]: a node that fits runs the
 * daemon; a node that only fails on NoSchedule taints keeps a daemon that is already there.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): [boolean, boolean] {
  const template = ds.spec?.template;
  const nodeName = node.metadata?.name ?? '';
  if (template?.spec?.nodeName && template.spec.nodeName !== nodeName) return [false, false];
  const pod: Pod = {
    metadata: template?.metadata ?? {},
    spec: { ...(template?.spec ?? { containers: [] }), nodeName },
  };
  const tolerations = daemonTolerations(pod.spec as PodSpec);
  if (!new RequiredNodeAffinity(pod).matches(node)) return [false, false];
  const untolerated = (node.spec?.taints ?? []).filter(
    (t) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerations.some((tol) => toleratesTaint(tol, t)),
  );
  if (untolerated.length === 0) return [true, true];
  return [false, !untolerated.some((t) => t.effect === 'NoExecute')];
}
