import type { LimitRange, LimitRangeSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, compareStrings } from './common.ts';
import { canonicalText } from './quantity.ts';
import { registerDescriber } from './registry.ts';

/**
 * describeLimitRangeSpec prints one row per limit item and resource. kubectl walks a Go map here, so the
 * order of resources within one item varies from run to run; we sort them by name.
 */
function describeLimitRangeSpec(spec: LimitRangeSpec | undefined, prefix: string, w: DescribeWriter): void {
  for (const item of spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio] as (
      Record<string, string> | undefined
    )[];
    const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort(compareStrings);
    for (const name of names) {
      const cells = lists.map((l) => (l?.[name] !== undefined ? canonicalText(l[name]) : '-'));
      w.line(L0, `${prefix}${item.type}\t${name}\t${cells.join('\t')}`);
    }
  }
}

/** describeLimitRange is LimitRangeDescriber: one table of min, max, defaults and ratio. */
export function describeLimitRange(object: KubeObject, w: DescribeWriter): void {
  const lr = object as unknown as LimitRange;
  w.line(L0, `Name:\t${lr.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${lr.metadata?.namespace ?? ''}`);
  w.line(L0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio');
  w.line(L0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
  describeLimitRangeSpec(lr.spec, '', w);
}

/** describeLimitRanges is DescribeLimitRanges, the `Resource Limits` block of a namespace. */
export function describeLimitRanges(ranges: LimitRange[], w: DescribeWriter): void {
  if (ranges.length === 0) {
    w.line(L0, 'No LimitRange resource.');
    return;
  }
  w.line(L0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio');
  w.line(L0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
  for (const lr of ranges) describeLimitRangeSpec(lr.spec, ' ', w);
}

registerDescriber('LimitRange', describeLimitRange);
