import { describe, expect, it } from 'vitest';
import { parseLabelSelector, requirementsMatch, selectorMatches } from './selectors.ts';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', env: 'prod' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=backend', false],
    ['env in (prod,staging)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['!legacy', true],
    ['!app', false],
    ['missing!=x', true],
    ['', true],
  ])('%j matches %s', (text, expected) => {
    expect(requirementsMatch(parseLabelSelector(text), labels)).toBe(expected);
  });

  it('refuses what apimachinery cannot parse', () => {
    expect(() => parseLabelSelector('app=(web')).toThrow();
  });

  it('treats a structured selector with matchExpressions like the API server', () => {
    expect(
      selectorMatches(
        { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
        labels,
      ),
    ).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(selectorMatches(undefined, labels)).toBe(false);
  });
});
