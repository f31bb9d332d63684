import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { ApiError, forbidden } from '../../api/errors.ts';
import { resourceKey } from '../../api/registry.ts';
import type { AdmissionPlugin } from '../../api/server.ts';
import type { ObjectStore } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import {
  addAmount,
  amountOf,
  namespaceUsage,
  objectUsage,
  podConstraintError,
  prettyPrint,
  storeKeyFor,
  type ResourceList,
} from './usage.ts';

/** QUOTAS is where ResourceQuotas live in the store. */
export const QUOTAS = 'resourcequotas';

/**
 * admissionName is the name admission.NewForbidden reports: a generated name is not known yet when
 * the real plugin runs, so a ReplicaSet's pod is refused as `pods "web-7d4b9c8f5-"`.
 */
export function admissionName(object: KubeObject): string {
  const { name = '', generateName } = object.metadata;
  if (generateName && name.startsWith(generateName) && name.length === generateName.length + 5) return generateName;
  return name;
}

/** forbiddenBy is admission.NewForbidden: `<resource> "<name>" is forbidden: <reason>`. */
export function forbiddenBy(group: string, plural: string, object: KubeObject, reason: string): ApiError {
  const name = admissionName(object);
  const resource = group === '' ? plural : `${plural}.${group}`;
  return new ApiError(forbidden(`${resource} "${name}" is forbidden: ${reason}`, { name, group, kind: plural }));
}

/** hardOf reads a quota's spec.hard as amounts. */
export function hardOf(quota: ResourceQuota): ResourceList {
  return new Map(Object.entries(quota.spec?.hard ?? {}).map(([name, value]) => [name, amountOf(value as string)]));
}

/** deltaUsage is what the request adds: the new object's usage, less the old one's on an update. */
function deltaUsage(key: string, object: KubeObject, old: KubeObject | undefined): ResourceList {
  const delta = objectUsage(key, object);
  if (!old) return delta;
  for (const [name, amount] of objectUsage(key, old)) {
    delta.set(name, addAmount(delta.get(name), { milli: -amount.milli, format: amount.format }));
  }
  return delta;
}

/**
 * resourceQuotaAdmission is the ResourceQuota admission plugin (plugin/pkg/admission/resourcequota):
 * a create that would take a namespace past a quota's hard limits is refused with
 * `exceeded quota: <name>, requested: …, used: …, limited: …`, and a pod that leaves unset a compute
 * resource a quota tracks with `failed quota: <name>: must specify …`. Usage is summed from the store
 * at admission time rather than read from status.used, so several creates within one controller sync
 * see each other, as the real plugin's own status updates make them.
 */
export function resourceQuotaAdmission(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    admit(operation, type, object, old) {
      if (operation === 'DELETE' || !type.namespaced) return;
      const key = resourceKey(type);
      // Updates only change usage for claims (expansion) and services (type changes), as the real evaluators say.
      if (operation === 'UPDATE' && key !== 'persistentvolumeclaims' && key !== 'services') return;
      const namespace = object.metadata.namespace ?? '';
      const quotas = store.list(QUOTAS, namespace) as unknown as ResourceQuota[];
      if (quotas.length === 0) return;
      const delta = deltaUsage(key, object, old);
      for (const quota of quotas) {
        const quotaName = quota.metadata?.name ?? '';
        const hard = hardOf(quota);
        const tracked = [...hard.keys()].filter((name) => storeKeyFor(name) === key && delta.has(name));
        if (key === 'pods' && operation === 'CREATE') {
          const missing = podConstraintError(object as unknown as Pod, [...hard.keys()]);
          if (missing) throw forbiddenBy(type.group, type.plural, object, `failed quota: ${quotaName}: ${missing}`);
        }
        if (tracked.length === 0) continue;
        const used = namespaceUsage(store, namespace, tracked);
        const exceeded = tracked
          .filter((name) => (delta.get(name)?.milli ?? 0) > 0)
          .filter(
            (name) => (used.get(name)?.milli ?? 0) + (delta.get(name)?.milli ?? 0) > (hard.get(name)?.milli ?? 0),
          );
        if (exceeded.length === 0) continue;
        const mask = (list: ResourceList): ResourceList =>
          new Map(exceeded.map((name) => [name, list.get(name) ?? amountOf(0)]));
        throw forbiddenBy(
          type.group,
          type.plural,
          object,
          `exceeded quota: ${quotaName}, requested: ${prettyPrint(mask(delta))}, used: ${prettyPrint(mask(used))}, limited: ${prettyPrint(mask(hard))}`,
        );
      }
    },
  };
}
