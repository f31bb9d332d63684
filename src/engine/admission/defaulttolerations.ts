import type { Toleration } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from '../api/server.ts';

/**
 * defaultTolerationSeconds is the DefaultTolerationSeconds admission plugin: every pod tolerates a
 * not-ready or unreachable node for 300 s before it is evicted, unless it says otherwise.
 */
export function defaultTolerationSeconds(): AdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    admit(operation, type, object) {
      if (operation !== 'CREATE' || type.kind !== 'Pod') return;
      const spec = object.spec as { tolerations?: Toleration[] };
      const tolerations = [...(spec.tolerations ?? [])];
      for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
        const has = tolerations.some(
          (t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'),
        );
        if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
      }
      spec.tolerations = tolerations;
    },
  };
}
