import { printKyaml } from './kyaml.ts';
import { describe, expect, it } from 'vitest';
import { oracleAvailable, runOracleAsync } from '../../../testing/oracle.ts';
import { printerInvocations } from '../../../testing/record-create-fixtures.ts';
import fixtures from './printers.fixtures.json';
import { configMapWith, structureObject, STRUCTURES, TRICKY_STRINGS } from './printers.golden.ts';
import {
  isBase60Float,
  isYamlTimestamp,
  resolvesToNonString,
  sortYamlKeys,
  toKubectlYaml,
  YamlPrintError,
} from './yaml.ts';

type Result = { stdout: string; stderr: string; exitCode: number };
const recorded = fixtures.cases as Record<string, Result>;

/** ours prints like kubectl: the YAML on stdout, or `error: …` and exit 1. */
function ours(value: unknown): Result {
  try {
    return { stdout: toKubectlYaml(value), stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof YamlPrintError) return { stdout: '', stderr: `error: ${e.message}\n`, exitCode: 1 };
    throw e;
  }
}

/** oursKyaml prints like `kubectl -o kyaml`: the KYAML on stdout, or `error: …` and exit 1. */
function oursKyaml(value: unknown, typed: boolean): Result {
  try {
    return { stdout: printKyaml(value, { typed }), stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof YamlPrintError) return { stdout: '', stderr: `error: ${e.message}\n`, exitCode: 1 };
    throw e;
  }
}

const strings = TRICKY_STRINGS.filter((s) => !s.includes('\0')).map((s): [string, string] => [JSON.stringify(s), s]);
const structures = STRUCTURES.map((v): [string, unknown] => [JSON.stringify(v), v]);

describe('toKubectlYaml follows go-yaml v2 as sigs.k8s.io/yaml uses it', () => {
  it('sorts keys the natural way go-yaml does, not byte-wise', () => {
    expect(sortYamlKeys(['a10', 'a9', 'aB', 'a_b', 'b', 'A'])).toEqual(['A', 'a_b', 'a9', 'a10', 'aB', 'b']);
  });

  it('quotes strings that would read back as another type', () => {
    for (const s of [
      'yes',
      'No',
      'on',
      'y',
      '~',
      'null',
      '1',
      '-1.5e3',
      '0x1F',
      '0o17',
      '.5',
      '1_000',
      '2024-01-15',
      '2024-01-15T10:00:00Z',
    ]) {
      expect(resolvesToNonString(s), s).toBe(true);
    }
    for (const s of ['yes please', 'nginx', '1.2.3', '2024-02-30', '0x', 'v1', '-', 'ON '])
      expect(resolvesToNonString(s), s).toBe(false);
    expect(isBase60Float('1:20')).toBe(true);
    expect(isBase60Float('80:8080')).toBe(false);
    expect(isYamlTimestamp('2024-1-5 3:04:05')).toBe(true);
  });

  it('prints sequences of mappings unindented, empty collections in flow style', () => {
    const yaml = toKubectlYaml({
      spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], volumes: [] },
      status: {},
    });
    expect(yaml).toBe(
      'spec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  volumes: []\nstatus: {}\n',
    );
  });

  it('uses block literals for text with newlines, with the indentation indicator when it starts with a space', () => {
    expect(toKubectlYaml({ a: 'x\ny\n', b: ' lead\nx', c: 'x\n\n' })).toBe(
      'a: |\n  x\n  y\nb: |2-\n   lead\n  x\nc: |+\n  x\n\n',
    );
  });

  it('folds long plain and quoted scalars after column 80', () => {
    const text = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(toKubectlYaml({ k: text })).toBe(`k: ${text.slice(0, 79)}\n  ${text.slice(80)}\n`);
  });

  it('refuses control characters as go-yaml reading the JSON back does', () => {
    expect(() => toKubectlYaml({ k: '\u007f' })).toThrow('yaml: control characters are not allowed');
  });

  it.each(strings)('prints the string %s as kubectl did', (json, s) => {
    expect(ours(configMapWith(s))).toEqual(recorded[`string:yaml:${json}`]);
  });

  it.each(structures)('prints the structure %s as kubectl did', (json, value) => {
    expect(ours(structureObject(value, true))).toEqual(recorded[`structure:yaml:${json}`]);
  });
});

describe('printKyaml is sigs.k8s.io/yaml/kyaml as `-o kyaml` prints', () => {
  it('quotes every string value, leaves safe keys bare and cuddles lists of objects', () => {
    expect(
      printKyaml({ items: [{ a: 1 }, { b: 'x' }], '1': true, 'app.kubernetes.io/name': 'web', list: ['a', 2] }),
    ).toBe(
      '---\n{\n  "1": true,\n  app.kubernetes.io/name: "web",\n  items: [{\n    a: 1,\n  }, {\n    b: "x",\n  }],\n  list: [\n    "a",\n    2,\n  ],\n}\n',
    );
  });

  it.each(strings)('prints the string %s as kubectl did', (json, s) => {
    expect(oursKyaml(configMapWith(s), true)).toEqual(recorded[`string:kyaml:${json}`]);
  });

  it.each(structures)('prints the structure %s as kubectl did', (json, value) => {
    expect(oursKyaml(structureObject(value, true), false)).toEqual(recorded[`structure:kyaml:${json}`]);
  });
});

describe.skipIf(!oracleAvailable())('toKubectlYaml and printKyaml match the real kubectl 1.35 (live)', () => {
  const live = printerInvocations().filter((i) => /^(string|structure):k?yaml:/.test(i.key));
  it.each(live.map((i): [string, (typeof live)[number]] => [i.key, i]))('%s', async (key, invocation) => {
    const real = await runOracleAsync(invocation.args, invocation.files ? { files: invocation.files } : {});
    const [kind = '', format = ''] = key.split(':');
    const json = key.slice(kind.length + format.length + 2);
    const typed = kind === 'string';
    const value = typed ? configMapWith(JSON.parse(json) as string) : structureObject(JSON.parse(json), true);
    expect(format === 'kyaml' ? oursKyaml(value, typed) : ours(value)).toEqual(real);
  });
});
