import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { canonicalQuantity } from '../quantity.ts';
import type { KubeObject } from '../types.ts';
import { age } from './cells.ts';
import { AGE, NAME, col } from './columns.ts';
import type { KindPrinter } from './tables.ts';

function quantity(value: string | number | undefined): string {
  if (value === undefined) return '0';
  return canonicalQuantity(value) ?? String(value);
}

/**
 * quotaCells is printResourceQuota's REQUEST and LIMIT: `used/hard` per resource of spec.hard in name
 * order, `limits.*` in LIMIT and everything else (counts too) in REQUEST.
 */
export function quotaCells(quota: ResourceQuota): [string, string] {
  const request: string[] = [];
  const limit: string[] = [];
  const used = (quota.status?.used ?? {}) as Record<string, string>;
  const hard = (quota.status?.hard ?? {}) as Record<string, string>;
  for (const name of Object.keys(quota.spec?.hard ?? {}).sort()) {
    const cell = `${name}: ${quantity(used[name])}/${quantity(hard[name])}`;
    if (name.split('.')[0] === 'limits' && name.includes('.')) limit.push(cell);
    else request.push(cell);
  }
  return [request.join(', '), limit.join(', ')];
}

/** MORE_METRICS is how many metrics formatHPAMetrics shows before ` + N more...`. */
const MORE_METRICS = 4;

type MetricSpec = NonNullable<NonNullable<HorizontalPodAutoscaler['spec']>['metrics']>[number];
type MetricStatus = NonNullable<NonNullable<HorizontalPodAutoscaler['status']>['currentMetrics']>[number];

function targetText(target: { averageUtilization?: number; averageValue?: string; value?: string } | undefined) {
  if (target?.averageValue !== undefined) return quantity(target.averageValue);
  if (target?.value !== undefined) return quantity(target.value);
  return target?.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
}

function metricText(spec: MetricSpec, status: MetricStatus | undefined): string {
  if (spec.type === 'Resource' && spec.resource) {
    const r = spec.resource;
    let current = '<unknown>';
    if (r.target.averageValue !== undefined) {
      if (status?.resource?.current.averageValue !== undefined)
        current = quantity(status.resource.current.averageValue);
    } else if (status?.resource?.current.averageUtilization !== undefined) {
      current = `${status.resource.current.averageUtilization}%`;
    }
    return `${r.name}: ${current}/${targetText(r.target)}`;
  }
  if (spec.type === 'ContainerResource' && spec.containerResource) {
    const r = spec.containerResource;
    let current = '<unknown>';
    if (r.target.averageValue !== undefined) {
      if (status?.containerResource?.current.averageValue !== undefined)
        current = quantity(status.containerResource.current.averageValue);
    } else if (status?.containerResource?.current.averageUtilization !== undefined) {
      current = `${status.containerResource.current.averageUtilization}%`;
    }
    return `${r.name}: ${current}/${targetText(r.target)}`;
  }
  const current =
    status?.pods?.current.averageValue ?? status?.object?.current.value ?? status?.external?.current.value;
  const target = spec.pods?.target ?? spec.object?.target ?? spec.external?.target;
  return `${current !== undefined ? quantity(current) : '<unknown>'}/${targetText(target)}`;
}

/** formatHPAMetrics is printers.go's TARGETS cell: `cpu: 50%/80%`, `<unknown>` before the first reading. */
export function formatHPAMetrics(hpa: HorizontalPodAutoscaler): string {
  const specs = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const statuses = hpa.status?.currentMetrics ?? [];
  const list = specs.map((spec, i) => metricText(spec, statuses[i]));
  if (list.length > MORE_METRICS) {
    return `${list.slice(0, MORE_METRICS).join(', ')} + ${list.length - MORE_METRICS} more...`;
  }
  return list.join(', ');
}

/** POLICY_PRINTERS are the `kubectl get` tables of ResourceQuota, LimitRange and HorizontalPodAutoscaler. */
export const POLICY_PRINTERS: Record<string, KindPrinter> = {
  ResourceQuota: {
    columns: [
      NAME,
      AGE,
      col('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
      col(
        'Limit',
        'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
      ),
    ],
    cells(object, now) {
      const [request, limit] = quotaCells(object as unknown as ResourceQuota);
      return [object.metadata.name, age(object, now), request, limit];
    },
  },
  LimitRange: {
    columns: [
      NAME,
      col(
        'Created At',
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
        0,
        'date',
      ),
    ],
    cells(object: KubeObject) {
      return [object.metadata.name, object.metadata.creationTimestamp ?? ''];
    },
  },
  HorizontalPodAutoscaler: {
    columns: [
      NAME,
      col(
        'Reference',
        'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.',
      ),
      col(
        'Targets',
        'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).',
      ),
      col(
        'MinPods',
        'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.',
      ),
      col('MaxPods', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
      col('Replicas', 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
      AGE,
    ],
    cells(object, now) {
      const hpa = object as unknown as HorizontalPodAutoscaler;
      const ref = hpa.spec?.scaleTargetRef;
      return [
        object.metadata.name,
        `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
        formatHPAMetrics(hpa),
        hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
        hpa.spec?.maxReplicas ?? 0,
        hpa.status?.currentReplicas ?? 0,
        age(object, now),
      ];
    },
  },
};
