import { describe, expect, it } from 'vitest';
import { formatInZone, parseSchedule } from './schedule.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** nexts lists the next n instants after a start, as ISO strings. */
function nexts(spec: string, from: string, n: number, zone?: string): string[] {
  const schedule = parseSchedule(spec, zone);
  const out: string[] = [];
  let t = at(from);
  for (let i = 0; i < n; i++) {
    t = schedule.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('parseSchedule refuses what robfig/cron refuses, in its words', () => {
  it.each([
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
  ])('%s → %s', (spec, message) => {
    expect(() => parseSchedule(spec)).toThrow(message);
  });
});

describe('next run times', () => {
  it.each([
    {
      spec: '*/1 * * * *',
      from: '2026-01-05T09:00:00Z',
      want: ['2026-01-05T09:01:00Z', '2026-01-05T09:02:00Z', '2026-01-05T09:03:00Z'],
    },
    {
      spec: '*/15 * * * *',
      from: '2026-01-05T09:07:30Z',
      want: ['2026-01-05T09:15:00Z', '2026-01-05T09:30:00Z', '2026-01-05T09:45:00Z'],
    },
    {
      spec: '0 9-17/4 * * *',
      from: '2026-01-05T09:00:00Z',
      want: ['2026-01-05T13:00:00Z', '2026-01-05T17:00:00Z', '2026-01-06T09:00:00Z'],
    },
    {
      spec: '5,35 * * * *',
      from: '2026-01-05T09:10:00Z',
      want: ['2026-01-05T09:35:00Z', '2026-01-05T10:05:00Z', '2026-01-05T10:35:00Z'],
    },
    {
      spec: '0 0 * * mon-fri',
      from: '2026-01-09T12:00:00Z',
      want: ['2026-01-12T00:00:00Z', '2026-01-13T00:00:00Z', '2026-01-14T00:00:00Z'],
    },
    {
      spec: '0 0 1 jan,jul *',
      from: '2026-01-05T00:00:00Z',
      want: ['2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z', '2027-07-01T00:00:00Z'],
    },
    // With both day fields restricted, either may match (robfig's rule, as Vixie cron).
    {
      spec: '0 0 13 * 5',
      from: '2026-02-01T00:00:00Z',
      want: ['2026-02-06T00:00:00Z', '2026-02-13T00:00:00Z', '2026-02-20T00:00:00Z'],
    },
    {
      spec: '@hourly',
      from: '2026-01-05T09:00:00Z',
      want: ['2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z', '2026-01-05T12:00:00Z'],
    },
    {
      spec: '@daily',
      from: '2026-01-05T09:00:00Z',
      want: ['2026-01-06T00:00:00Z', '2026-01-07T00:00:00Z', '2026-01-08T00:00:00Z'],
    },
    {
      spec: '@weekly',
      from: '2026-01-05T09:00:00Z',
      want: ['2026-01-11T00:00:00Z', '2026-01-18T00:00:00Z', '2026-01-25T00:00:00Z'],
    },
    {
      spec: '@monthly',
      from: '2026-01-05T09:00:00Z',
      want: ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    },
    {
      spec: '@yearly',
      from: '2026-01-05T09:00:00Z',
      want: ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z'],
    },
  ])('$spec after $from', ({ spec, from, want }) => {
    expect(nexts(spec, from, 3)).toEqual(want);
  });

  it('reads the schedule in spec.timeZone', () => {
    expect(nexts('0 9 * * *', '2026-01-05T00:00:00Z', 2, 'America/New_York')).toEqual([
      '2026-01-05T14:00:00Z',
      '2026-01-06T14:00:00Z',
    ]);
    expect(nexts('30 2 * * *', '2026-06-01T00:00:00Z', 1, 'Europe/Madrid')).toEqual(['2026-06-01T00:30:00Z']);
    expect(formatInZone(at('2026-01-05T14:00:00Z'), 'America/New_York')).toBe('2026-01-05T09:00:00-05:00');
    expect(formatInZone(at('2026-01-05T14:00:00Z'), undefined)).toBe('2026-01-05T14:00:00Z');
  });
});
