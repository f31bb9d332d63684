import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import { compileLabelSelector } from './selectors.ts';

describe('compileLabelSelector (metav1.LabelSelectorAsSelector)', () => {
  const labels = { app: 'web', tier: 'front' };
  const cases: { name: string; selector: LabelSelector | undefined; matches: boolean; empty?: boolean }[] = [
    { name: 'a nil selector selects nothing', selector: undefined, matches: false },
    { name: 'an empty selector selects everything', selector: {}, matches: true, empty: true },
    { name: 'matchLabels must all match', selector: { matchLabels: { app: 'web', tier: 'front' } }, matches: true },
    { name: 'a differing value fails', selector: { matchLabels: { app: 'db' } }, matches: false },
    {
      name: 'In',
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] },
      matches: true,
    },
    {
      name: 'NotIn matches when the value differs',
      selector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] },
      matches: true,
    },
    {
      name: 'NotIn matches an absent label',
      selector: { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      matches: true,
    },
    { name: 'Exists', selector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, matches: true },
    {
      name: 'DoesNotExist',
      selector: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
      matches: false,
    },
    {
      name: 'Gt is not a label selector operator',
      selector: { matchExpressions: [{ key: 'n', operator: 'Gt', values: ['1'] }] },
      matches: false,
    },
    {
      name: 'In without values is invalid',
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
      matches: false,
    },
  ];

  it.each(cases)('$name', (c) => {
    const s = compileLabelSelector(c.selector);
    expect(s.matches(labels)).toBe(c.matches);
    expect(s.empty).toBe(c.empty ?? false);
  });
});
