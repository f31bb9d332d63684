import type { PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/index.ts';

/**
 * podSpecOf is polymorphichelpers.UpdatePodSpecForObject's reach into an object: the pod spec of a
 * Pod, of a workload's pod template, or of a CronJob's job template. Undefined for other kinds.
 */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  switch (object.kind) {
    case 'Pod':
      return spec as unknown as PodSpec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return ((spec.template ?? {}) as { spec?: PodSpec }).spec;
    case 'CronJob':
      return ((spec.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined)?.spec?.template ?? {})
        .spec;
    default:
      return undefined;
  }
}

/** globMatch is filepath.Match for container selectors (`*`, `?`, `[…]`). */
export function globMatch(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  try {
    return new RegExp(`^${regex}$`).test(name);
  } catch {
    return pattern === name;
  }
}
