import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, multiline } from './common.ts';

/**
 * describeGeneric is kubectl's GenericDescriber for kinds without their own layout (CRDs among
 * them): metadata first, then every other field as an indented `Key:  value` tree.
 */
function title(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function printValue(w: DescribeWriter, level: number, key: string, value: unknown): void {
  const indent = '  '.repeat(level);
  if (Array.isArray(value)) {
    w.line(indent, `${title(key)}:`);
    for (const item of value) {
      if (item && typeof item === 'object') {
        const entries = Object.entries(item as object);
        entries.forEach(([k, v], i) => {
          if (v && typeof v === 'object') printValue(w, level + 1, k, v);
          else w.line('  '.repeat(level + 1), `${i === 0 ? '' : ''}${title(k)}:\t${String(v)}`);
        });
      } else w.line('  '.repeat(level + 1), String(item));
    }
    return;
  }
  if (value && typeof value === 'object') {
    w.line(indent, `${title(key)}:`);
    for (const [k, v] of Object.entries(value as object)) printValue(w, level + 1, k, v);
    return;
  }
  w.line(indent, `${title(key)}:\t${value === null ? '<nil>' : String(value)}`);
}

export function describeGeneric(object: KubeObject, w: DescribeWriter): void {
  w.line(L0, `Name:\t${object.metadata.name ?? ''}`);
  if (object.metadata.namespace) w.line(L0, `Namespace:\t${object.metadata.namespace}`);
  multiline(w, L0, 'Labels', object.metadata.labels);
  multiline(w, L0, 'Annotations', object.metadata.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  w.line(L0, `API Version:\t${object.apiVersion}`);
  w.line(L0, `Kind:\t${object.kind}`);
  const meta = { ...object.metadata };
  delete meta.name;
  delete meta.namespace;
  delete meta.labels;
  delete meta.annotations;
  delete meta.managedFields;
  printValue(w, 0, 'metadata', meta);
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    printValue(w, 0, key, value);
  }
}
