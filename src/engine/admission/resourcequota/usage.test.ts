import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { amountOf, amountText, addAmount, podConstraintError, podUsage, prettyPrint, storeKeyFor } from './usage.ts';

const pod = (containers: Container[], phase?: string): Pod => ({
  metadata: { name: 'x' },
  spec: { containers },
  ...(phase ? { status: { phase } } : {}),
});

describe('quota usage', () => {
  it.each([
    ['500m + 1 keeps millis', ['500m', '1'], '1500m'],
    ['128Mi + 256Mi stays binary', ['128Mi', '256Mi'], '384Mi'],
    ['1 + 2 is whole cores', ['1', '2'], '3'],
    ['nothing is 0', [], '0'],
  ])('Quantity.Add: %s', (_name, values, expected) => {
    let sum = amountOf(0);
    for (const v of values) sum = addAmount(sum, amountOf(v));
    expect(amountText(sum)).toBe(expected);
  });

  it('counts a pod under both cpu and requests.cpu, and nothing once it finished', () => {
    const running = pod([{ name: 'app', resources: { requests: { cpu: '250m' }, limits: { memory: '1Gi' } } }]);
    expect(prettyPrint(podUsage(running))).toBe('count/pods=1,cpu=250m,limits.memory=1Gi,pods=1,requests.cpu=250m');
    expect(podUsage(pod([{ name: 'app' }], 'Succeeded')).size).toBe(0);
  });

  it.each([
    [
      'limits missing',
      { requests: { cpu: '1', memory: '1Gi' } },
      ['limits.cpu', 'limits.memory', 'requests.cpu'],
      'must specify limits.cpu for: app; limits.memory for: app',
    ],
    ['all set', { requests: { cpu: '1' }, limits: { cpu: '1' } }, ['limits.cpu', 'requests.cpu'], undefined],
    ['quota on counts only', {}, ['pods'], undefined],
  ])('enforcePodContainerConstraints: %s', (_name, resources, hard, expected) => {
    expect(podConstraintError(pod([{ name: 'app', resources }]), hard)).toBe(expected);
  });

  it.each([
    ['requests.cpu', 'pods'],
    ['count/deployments.apps', 'deployments.apps'],
    ['services.nodeports', 'services'],
    ['requests.storage', 'persistentvolumeclaims'],
    ['fast.storageclass.storage.k8s.io/requests.storage', 'persistentvolumeclaims'],
    ['configmaps', 'configmaps'],
  ])('%s is counted from %s', (name, key) => {
    expect(storeKeyFor(name)).toBe(key);
  });
});
