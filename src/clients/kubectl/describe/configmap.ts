import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, compareStrings, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** base64Length is the decoded length of a base64 value, as len() of the []byte kubectl decodes. */
export function base64Length(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/**
 * describeConfigMap is ConfigMapDescriber: every Data key with its value under a `----` rule, then the
 * BinaryData keys with their sizes in bytes.
 */
export async function describeConfigMap(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const cm = object as unknown as ConfigMap;
  w.line(L0, `Name:\t${cm.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${cm.metadata?.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
  w.line(L0, '\nData\n====');
  for (const key of Object.keys(cm.data ?? {}).sort(compareStrings)) {
    w.line(L0, `${key}:\n----`);
    w.line(L0, cm.data?.[key] ?? '');
    w.line(L0, '');
  }
  w.line(L0, '\nBinaryData\n====');
  for (const key of Object.keys(cm.binaryData ?? {}).sort(compareStrings))
    w.line(L0, `${key}: ${base64Length(cm.binaryData?.[key] ?? '')} bytes`);
  w.line(L0, '');
  await writeEvents(w, ctx, object);
}

registerDescriber('ConfigMap', describeConfigMap);
