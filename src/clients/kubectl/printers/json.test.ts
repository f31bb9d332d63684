import { describe, expect, it } from 'vitest';
import { oracleAvailable, runOracleAsync } from '../../../testing/oracle.ts';
import { printerInvocations } from '../../../testing/record-create-fixtures.ts';
import { formatFloatG, goMap, marshalGoJson, quoteGoJson, toKubectlJson } from './json.ts';
import fixtures from './printers.fixtures.json';
import { configMapWith, structureObject, STRUCTURES, TRICKY_STRINGS } from './printers.golden.ts';

type Result = { stdout: string; stderr: string; exitCode: number };
const recorded = fixtures.cases as Record<string, Result>;
const ok = (stdout: string): Result => ({ stdout, stderr: '', exitCode: 0 });

const strings = TRICKY_STRINGS.filter((s) => !s.includes('\0')).map((s): [string, string] => [JSON.stringify(s), s]);
const structures = STRUCTURES.map((v): [string, unknown] => [JSON.stringify(v), v]);

describe('toKubectlJson is json.MarshalIndent with four spaces', () => {
  it('sorts map keys byte-wise and keeps empty collections compact', () => {
    expect(toKubectlJson({ b: 1, a: { y: [], x: {} }, B: null })).toBe(
      '{\n    "B": null,\n    "a": {\n        "x": {},\n        "y": []\n    },\n    "b": 1\n}\n',
    );
  });

  it('escapes HTML characters and line separators as encoding/json does', () => {
    expect(quoteGoJson('<a href="x">&</a>\u2028\b\f\u0001\u007f')).toBe(
      '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028\\b\\f\\u0001\u007f"',
    );
  });

  it('keeps struct order for typed objects and sorts only their maps', () => {
    const typed = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'x' },
      data: goMap({ b: '1', a: '2', '10': '3', '9': '4' }),
    };
    expect(marshalGoJson(typed, { typed: true })).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x"},"data":{"10":"3","9":"4","a":"2","b":"1"}}',
    );
  });

  it('formats floats as strconv does for %v', () => {
    expect([1e6, 123456789, 0.5, 1e-5, 1e21, 100000, 1234567.5].map(formatFloatG)).toEqual([
      '1e+06',
      '1.23456789e+08',
      '0.5',
      '1e-05',
      '1e+21',
      '100000',
      '1.2345675e+06',
    ]);
  });

  it.each(strings)('prints the string %s in a typed ConfigMap as kubectl did', (json, s) => {
    expect(ok(toKubectlJson(configMapWith(s), { typed: true }))).toEqual(recorded[`string:json:${json}`]);
  });

  it.each(structures)('prints the structure %s as kubectl did', (json, value) => {
    expect(ok(toKubectlJson(structureObject(value, true)))).toEqual(recorded[`structure:json:${json}`]);
  });
});

describe.skipIf(!oracleAvailable())('toKubectlJson matches the real kubectl 1.35 (live)', () => {
  const live = printerInvocations().filter(
    (i) => i.key.startsWith('string:json:') || i.key.startsWith('structure:json:'),
  );
  it.each(live.map((i): [string, (typeof live)[number]] => [i.key, i]))('%s', async (key, invocation) => {
    const real = await runOracleAsync(invocation.args, invocation.files ? { files: invocation.files } : {});
    const json = key.replace(/^(string|structure):json:/, '');
    const text = key.startsWith('string:')
      ? toKubectlJson(configMapWith(JSON.parse(json) as string), { typed: true })
      : toKubectlJson(structureObject(JSON.parse(json), true));
    expect(ok(text)).toEqual(real);
  });
});
