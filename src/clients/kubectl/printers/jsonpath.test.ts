import { describe, expect, it } from 'vitest';
import { oracleAvailable, runOracleAsync } from '../../../testing/oracle.ts';
import { printerInvocations } from '../../../testing/record-create-fixtures.ts';
import { goQuote, jsonpath, parseJsonPath } from './jsonpath.ts';
import fixtures from './printers.fixtures.json';
import { JSONPATH_OBJECT, JSONPATH_TEMPLATES } from './printers.golden.ts';

type Result = { stdout: string; stderr: string; exitCode: number };
const recorded = fixtures.cases as Record<string, Result>;
/** The object as `kubectl label --local … foo=bar` hands it to the printer. */
const object = { ...JSONPATH_OBJECT, metadata: { ...JSONPATH_OBJECT.metadata, labels: { foo: 'bar' } } };

function ours(template: string, allowMissingKeys: boolean): Result {
  const result = jsonpath(template, object, { allowMissingKeys });
  return result.ok
    ? { stdout: result.text, stderr: '', exitCode: 0 }
    : { stdout: '', stderr: result.error, exitCode: 1 };
}

const templates = JSONPATH_TEMPLATES.map((t): [string] => [t]);

describe('jsonpath is client-go JSONPath as kubectl prints it', () => {
  it('prints strings raw, lists space-separated and maps as compact JSON', () => {
    expect(jsonpath('{.a} {.b[*]} {.c}', { a: 'x', b: [1, 'y'], c: { z: 1, y: [true] } })).toEqual({
      ok: true,
      text: 'x 1 y {"y":[true],"z":1}',
    });
  });

  it('prints whole numbers of typed objects as float64, 1000000 as 1e+06', () => {
    expect(jsonpath('{.n}', { n: 1000000 }, { typed: true })).toEqual({ ok: true, text: '1e+06' });
    expect(jsonpath('{.n}', { n: 1000000 })).toEqual({ ok: true, text: '1000000' });
  });

  it('iterates with range and filters with comparisons', () => {
    const pods = {
      items: [
        { n: 'a', s: 'Ready' },
        { n: 'b', s: 'Failed' },
      ],
    };
    expect(jsonpath('{range .items[?(@.s=="Ready")]}{.n}{"\\n"}{end}', pods)).toEqual({ ok: true, text: 'a\n' });
  });

  it('reports parse errors in kubectl words before anything runs', () => {
    expect(parseJsonPath('{.a')).toEqual({ ok: false, error: 'error: error parsing jsonpath {.a, unclosed action\n' });
  });

  it('appends the Go dump of the object to execution errors', () => {
    const result = jsonpath('{.x}', { a: [1, null, 'q'] }, { allowMissingKeys: false });
    expect(result).toEqual({
      ok: false,
      error:
        'error: error executing jsonpath "{.x}": Error executing template: x is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.x}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":[]interface {}{1, interface {}(nil), "q"}}\n\n\n',
    });
    expect(goQuote('tab\there "q" é \u0001')).toBe('"tab\\there \\"q\\" é \\x01"');
  });

  it.each(templates)('prints %s as kubectl did', (template) => {
    expect(ours(template, true)).toEqual(recorded[`jsonpath:${template}`]);
  });

  it.each(templates)('prints %s with --allow-missing-template-keys=false as kubectl did', (template) => {
    expect(ours(template, false)).toEqual(recorded[`jsonpath-strict:${template}`]);
  });
});

describe.skipIf(!oracleAvailable())('jsonpath matches the real kubectl 1.35 (live)', () => {
  const live = printerInvocations().filter((i) => i.key.startsWith('jsonpath'));
  it.each(live.map((i): [string, (typeof live)[number]] => [i.key, i]))('%s', async (key, invocation) => {
    const real = await runOracleAsync(invocation.args, invocation.files ? { files: invocation.files } : {});
    const strict = key.startsWith('jsonpath-strict:');
    expect(ours(key.slice(key.indexOf(':') + 1), !strict)).toEqual(real);
  });
});
