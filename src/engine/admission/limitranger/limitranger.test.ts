import type { LimitRange, LimitRangeItem, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { aggregateText, applyContainerDefaults, defaultLimitRangeItem, validatePod } from './limitranger.ts';

const range = (item: LimitRangeItem): LimitRange => ({ spec: { limits: [item] } });
const pod = (resources: object): Pod => ({
  metadata: { name: 'x' },
  spec: { containers: [{ name: 'app', resources }] },
});

describe('LimitRanger', () => {
  it('defaults a Container item: default from max, defaultRequest from default or min', () => {
    const item: LimitRangeItem = { type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } };
    defaultLimitRangeItem(item);
    expect(item.default).toEqual({ cpu: '2' });
    expect(item.defaultRequest).toEqual({ cpu: '2', memory: '64Mi' });
  });

  it('fills only what a container leaves unset and annotates it', () => {
    const p = pod({ requests: { cpu: '100m' } });
    applyContainerDefaults(
      range({
        type: 'Container',
        default: { cpu: '1', memory: '1Gi' },
        defaultRequest: { cpu: '500m', memory: '512Mi' },
      }),
      p,
    );
    expect(p.spec?.containers[0]?.resources).toEqual({
      requests: { cpu: '100m', memory: '512Mi' },
      limits: { cpu: '1', memory: '1Gi' },
    });
    expect(p.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container app; cpu, memory limit for container app',
    );
  });

  it.each([
    [
      'max over limit',
      { type: 'Container', max: { cpu: '1' } },
      { limits: { cpu: '2' } },
      ['maximum cpu usage per Container is 1, but limit is 2'],
    ],
    [
      'max without limit',
      { type: 'Container', max: { memory: '1Gi' } },
      {},
      ['maximum memory usage per Container is 1Gi.  No limit is specified'],
    ],
    [
      'min over request',
      { type: 'Container', min: { cpu: '200m' } },
      { requests: { cpu: '100m' } },
      ['minimum cpu usage per Container is 200m, but request is 100m'],
    ],
    [
      'ratio',
      { type: 'Container', maxLimitRequestRatio: { cpu: '2' } },
      { requests: { cpu: '100m' }, limits: { cpu: '400m' } },
      ['cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000'],
    ],
    [
      'pod totals',
      { type: 'Pod', max: { cpu: '1' } },
      { limits: { cpu: '1500m' } },
      ['maximum cpu usage per Pod is 1, but limit is 1500m'],
    ],
    ['within range', { type: 'Container', max: { cpu: '1' } }, { limits: { cpu: '1' } }, []],
  ] as [string, LimitRangeItem, object, string[]][])('validatePod: %s', (_name, item, resources, expected) => {
    expect(validatePod(range(item), pod(resources))).toEqual(expected);
  });

  it('aggregates like utilerrors: one alone, several in brackets', () => {
    expect(aggregateText(['a'])).toBe('a');
    expect(aggregateText(['a', 'b', 'a'])).toBe('[a, b]');
  });
});
