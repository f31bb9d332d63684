import type { Secret } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, compareStrings, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { base64Length } from './configmap.ts';
import { registerDescriber } from './registry.ts';

/** decodeBase64 gives the text of a ServiceAccount token, which is the one value a Secret's description shows. */
function decodeBase64(value: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** describeSecret is SecretDescriber: the type, then each key's size in bytes — never the values. */
export function describeSecret(object: KubeObject, w: DescribeWriter): void {
  const secret = object as unknown as Secret;
  w.line(L0, `Name:\t${secret.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${secret.metadata?.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', secret.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations);
  w.line(L0, `\nType:\t${secret.type ?? ''}`);
  w.line(L0, '\nData\n====');
  for (const key of Object.keys(secret.data ?? {}).sort(compareStrings)) {
    const value = secret.data?.[key] ?? '';
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token')
      w.line(L0, `${key}:\t${decodeBase64(value)}`);
    else w.line(L0, `${key}:\t${base64Length(value)} bytes`);
  }
}

registerDescriber('Secret', describeSecret);
