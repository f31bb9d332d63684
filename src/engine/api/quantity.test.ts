import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  cpuMillis,
  formatCpu,
  formatMemory,
  formatQuantity,
  isQuantity,
  memoryBytes,
  parseQuantity,
} from './quantity.ts';

describe('parseQuantity', () => {
  it.each<[string | number, number | undefined]>([
    ['100m', 0.1],
    ['1', 1],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1.', 1],
    ['+2', 2],
    ['-1', -1],
    ['1k', 1000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['128Mi', 134217728],
    ['1Gi', 1073741824],
    ['1.5Gi', 1610612736],
    ['1Ti', 1024 ** 4],
    ['1Pi', 1024 ** 5],
    ['1Ei', 1024 ** 6],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1.5e-3', 0.0015],
    ['100u', 0.0001],
    ['5n', 5e-9],
    [2, 2],
    [0.25, 0.25],
    ['', undefined],
    ['.', undefined],
    ['1 Gi', undefined],
    ['1GB', undefined],
    ['1gi', undefined],
    ['abc', undefined],
    ['1e', undefined],
    ['--1', undefined],
  ])('%j is %j', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
    expect(isQuantity(text)).toBe(expected !== undefined);
  });
});

describe('cpuMillis and memoryBytes round up like Quantity.MilliValue and Value', () => {
  it.each<[string | number | undefined, number]>([
    ['100m', 100],
    ['0.1', 100],
    [0.1, 100],
    ['1', 1000],
    ['1.5m', 2],
    ['250m', 250],
    ['2', 2000],
    ['1e-3', 1],
    [undefined, 0],
    ['nonsense', 0],
  ])('cpuMillis(%j) = %d', (text, expected) => {
    expect(cpuMillis(text)).toBe(expected);
  });

  it.each<[string | number | undefined, number]>([
    ['128Mi', 134217728],
    ['200Mi', 209715200],
    ['1G', 1e9],
    ['0.5', 1],
    ['8Gi', 8589934592],
    ['500m', 1],
    [undefined, 0],
  ])('memoryBytes(%j) = %d', (text, expected) => {
    expect(memoryBytes(text)).toBe(expected);
  });
});

describe('canonicalQuantity prints what the API server stores', () => {
  it.each<[string | number, string]>([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['100m', '100m'],
    ['1', '1'],
    ['1000', '1k'],
    ['1200000', '1200k'],
    ['1.5k', '1500'],
    ['1024Mi', '1Gi'],
    ['128Mi', '128Mi'],
    ['0.5Gi', '512Mi'],
    ['1.5Ki', '1536'],
    ['512', '512'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['0', '0'],
    ['0Mi', '0'],
    ['0.1m', '100u'],
    ['-100m', '-100m'],
    [4, '4'],
  ])('%j → %s', (text, expected) => {
    expect(canonicalQuantity(text)).toBe(expected);
  });
});

describe('formatting helpers', () => {
  it.each<[number, string]>([
    [100, '100m'],
    [1000, '1'],
    [2500, '2500m'],
    [4000, '4'],
    [0, '0'],
  ])('formatCpu(%d) = %s', (millis, expected) => {
    expect(formatCpu(millis)).toBe(expected);
  });

  it.each<[number, string]>([
    [134217728, '128Mi'],
    [8589934592, '8Gi'],
    [1000, '1k'],
    [1536, '1536'],
    [0, '0'],
  ])('formatMemory(%d) = %s', (bytes, expected) => {
    expect(formatMemory(bytes)).toBe(expected);
  });

  it('formatQuantity keeps the requested family', () => {
    expect(formatQuantity(0.1)).toBe('100m');
    expect(formatQuantity(1e9)).toBe('1G');
    expect(formatQuantity(1073741824, 'BinarySI')).toBe('1Gi');
    expect(formatQuantity(1000, 'DecimalExponent')).toBe('1e3');
  });
});
