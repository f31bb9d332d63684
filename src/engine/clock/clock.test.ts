import { describe, expect, it } from 'vitest';
import { Clock, rfc3339 } from './clock.ts';
import { goDuration, humanDuration, parseDuration } from './duration.ts';

describe('Clock', () => {
  it('pops events in time order, ties in insertion order, and moves now to each event', () => {
    const clock = new Clock(1000);
    clock.schedule(5000, 'b', '1');
    clock.schedule(2000, 'a', '1');
    clock.schedule(5000, 'b', '2');
    const seen: string[] = [];
    for (let e = clock.popDue(10_000); e; e = clock.popDue(10_000)) seen.push(`${e.type}${e.ref}@${clock.now}`);
    expect(seen).toEqual(['a1@2000', 'b1@5000', 'b2@5000']);
  });

  it('leaves events after the horizon and now unchanged when nothing is due', () => {
    const clock = new Clock(0);
    clock.after(60_000, 'later', '');
    expect(clock.popDue(30_000)).toBeUndefined();
    expect(clock.now).toBe(0);
    expect(clock.peekTime()).toBe(60_000);
  });

  it('skips cancelled events', () => {
    const clock = new Clock(0);
    const seq = clock.after(10, 'x', '');
    clock.after(20, 'y', '');
    clock.cancel(seq);
    expect(clock.popDue(100)?.type).toBe('y');
  });

  it('survives snapshot and restore with the same queue', () => {
    const clock = new Clock(0);
    for (let i = 0; i < 50; i++) clock.after((i * 7919) % 1000, 'e', String(i));
    const restored = Clock.restore(JSON.parse(JSON.stringify(clock.snapshot())));
    const order = (c: Clock) => {
      const out: string[] = [];
      for (let e = c.popDue(2000); e; e = c.popDue(2000)) out.push(e.ref);
      return out;
    };
    expect(order(restored)).toEqual(order(clock));
  });

  it('stamps times as the API server does', () => {
    expect(rfc3339(Date.UTC(2026, 0, 5, 9, 0, 1, 999))).toBe('2026-01-05T09:00:01Z');
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [310_000, '5m10s'],
    [599_000, '9m59s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3600_000, '3h'],
    [3 * 3600_000 + 20 * 60_000, '3h20m'],
    [8 * 3600_000, '8h'],
    [47 * 3600_000, '47h'],
    [48 * 3600_000, '2d'],
    [53 * 3600_000, '2d5h'],
    [8 * 86400_000, '8d'],
    [400 * 86400_000, '400d'],
    [3 * 365 * 86400_000 + 10 * 86400_000, '3y10d'],
    [9 * 365 * 86400_000, '9y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('Go durations', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
    ['0', 0],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '5', 'abc', '5x', '-'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
  it.each([
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [1234, '1.234s'],
  ])('prints %d as %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});
