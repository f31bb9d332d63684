import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';
import { registerDescriber } from './registry.ts';

/** describeServiceAccount is ServiceAccountDescriber: the image pull secrets, one per line under the header. */
export async function describeServiceAccount(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const sa = object as unknown as ServiceAccount;
  w.line(L0, `Name:\t${sa.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${sa.metadata?.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
  const header = 'Image pull secrets:';
  const empty = ' '.repeat(header.length);
  const names = (sa.imagePullSecrets ?? []).map((s) => s.name ?? '');
  if (names.length === 0) w.line(L0, `${header}\t<none>`);
  else names.forEach((name, i) => w.line(L0, `${i === 0 ? header : empty}\t${name}`));
  await writeEvents(w, ctx, object);
}

registerDescriber('ServiceAccount', describeServiceAccount);
