import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, L1, compareStrings, stableSort } from './common.ts';
import { Quantity } from './quantity.ts';
import { registerDescriber } from './registry.ts';

/** scopeHelp is helpTextForResourceQuotaScope. */
function scopeHelp(scope: string): string {
  switch (scope) {
    case 'Terminating':
      return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating':
      return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort':
      return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort':
      return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default:
      return '';
  }
}

/** describeQuota is ResourceQuotaDescriber: used against hard per resource, used shown in hard's format. */
export function describeQuota(object: KubeObject, w: DescribeWriter): void {
  const quota = object as unknown as ResourceQuota;
  w.line(L0, `Name:\t${quota.metadata?.name ?? ''}`);
  w.line(L0, `Namespace:\t${quota.metadata?.namespace ?? ''}`);
  const scopes = [...(quota.spec?.scopes ?? [])].sort(compareStrings);
  if (scopes.length > 0) {
    w.line(L0, `Scopes:\t${scopes.join(', ')}`);
    for (const scope of scopes) if (scopeHelp(scope)) w.line(L0, ` * ${scopeHelp(scope)}`);
  }
  w.line(L0, 'Resource\tUsed\tHard');
  w.line(L0, '--------\t----\t----');
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  for (const name of Object.keys(hard).sort(compareStrings)) {
    const hardQ = Quantity.parse(hard[name]);
    const usedText = used[name];
    const usedQ =
      usedText === undefined || Quantity.parse(usedText).format !== hardQ.format
        ? Quantity.fromValue(Quantity.parse(usedText).value(), hardQ.format)
        : Quantity.parse(usedText);
    w.line(L0, `${name}\t${usedQ.toString()}\t${hardQ.toString()}`);
  }
}

/** describeResourceQuotas is DescribeResourceQuotas, the `Resource Quotas` block of a namespace. */
export function describeResourceQuotas(quotas: ResourceQuota[], w: DescribeWriter): void {
  if (quotas.length === 0) {
    w.line(L0, 'No resource quota.');
    return;
  }
  w.line(L0, 'Resource Quotas');
  for (const q of stableSort(quotas, (a, b) => compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? ''))) {
    w.line(L1, `Name:\t${q.metadata?.name ?? ''}`);
    const scopes = [...(q.spec?.scopes ?? [])].sort(compareStrings);
    if (scopes.length > 0) {
      w.line(L1, `Scopes:\t${scopes.join(', ')}`);
      for (const scope of scopes) if (scopeHelp(scope)) w.line(L1, `* ${scopeHelp(scope)}`);
    }
    w.line(L1, 'Resource\tUsed\tHard');
    w.line(L1, '--------\t---\t---');
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort(compareStrings))
      w.line(
        L1,
        `${name}\t${Quantity.parse(q.status?.used?.[name]).toString()}\t${Quantity.parse(hard[name]).toString()}`,
      );
  }
}

registerDescriber('ResourceQuota', describeQuota);
