/**
 * Which container kubectl logs, exec and cp talk to when none is named (podcmd in kubectl): the one
 * the `kubectl.kubernetes.io/default-container` annotation names if the pod has it, else the first,
 * with a notice listing them all when there was a choice.
 */
interface Named {
  name: string;
}

export interface PodContainers {
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { containers?: Named[]; initContainers?: Named[]; ephemeralContainers?: Named[] };
}

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

/** allContainerNames is podcmd.AllContainerNames: containers, then ephemeral and init ones marked. */
export function allContainerNames(pod: PodContainers): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** hasContainer is podcmd.FindContainerByName: any container, init or ephemeral, by name. */
export function hasContainer(pod: PodContainers, name: string): boolean {
  const all = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ];
  return all.some((c) => c.name === name);
}

/** defaultContainer is podcmd.FindOrDefaultContainerByName with no name given. */
export function defaultContainer(pod: PodContainers, quiet = false): { container: string; notice: string } {
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER];
  if (annotated && hasContainer(pod, annotated)) return { container: annotated, notice: '' };
  const containers = pod.spec?.containers ?? [];
  const container = containers[0]?.name ?? '';
  const choice =
    containers.length > 1 ||
    (pod.spec?.initContainers ?? []).length > 0 ||
    (pod.spec?.ephemeralContainers ?? []).length > 0;
  return {
    container,
    notice: !quiet && choice ? `Defaulted container "${container}" out of: ${allContainerNames(pod)}\n` : '',
  };
}
