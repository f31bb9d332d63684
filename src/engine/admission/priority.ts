import { ApiError, forbidden } from '../api/errors.ts';
import type { AdmissionPlugin } from '../api/server.ts';

/** priorityAdmission is the Priority admission plugin: pods get spec.priority (0 unless a class says otherwise) and preemptionPolicy. */
export function priorityAdmission(
  lookup: (name: string) => { value?: number; preemptionPolicy?: string } | undefined,
): AdmissionPlugin {
  return {
    name: 'Priority',
    admit(operation, type, object) {
      if (operation !== 'CREATE' || type.kind !== 'Pod') return;
      const spec = object.spec as { priorityClassName?: string; priority?: number; preemptionPolicy?: string };
      const className = spec.priorityClassName;
      const found = className ? lookup(className) : undefined;
      const builtIn = className === 'system-node-critical' || className === 'system-cluster-critical';
      if (className && !found && !builtIn) {
        throw new ApiError(
          forbidden(
            `pods "${object.metadata.name ?? ''}" is forbidden: no PriorityClass with name ${className} was found`,
            { name: object.metadata.name ?? '', kind: 'pods' },
          ),
        );
      }
      spec.priority =
        found?.value ??
        (className === 'system-node-critical' ? 2000001000 : className === 'system-cluster-critical' ? 2000000000 : 0);
      spec.preemptionPolicy ??= found?.preemptionPolicy ?? 'PreemptLowerPriority';
    },
  };
}
