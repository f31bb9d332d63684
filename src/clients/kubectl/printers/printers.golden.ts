/**
 * Test support for the printer golden tests: the values and templates fed to both our printers
 * and the real kubectl 1.35, and how to ask kubectl for each. Strings reach kubectl through
 * `create configmap --from-literal` (a typed object); arbitrary structures through
 * `label --local -f` (an unstructured one). Recorded answers live in printers.fixtures.json
 * (src/testing/record-create-fixtures.ts writes both fixture files).
 */

const long = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

/** TRICKY_STRINGS exercise quoting, folding and block styles. */
export const TRICKY_STRINGS: string[] = [
  '', ' ', '  ', 'a', ' a', 'a ', ' a ', 'yes', 'Yes', 'YES', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'true', 'False', 'null', 'Null', '~', 'nil',
  '1', '-1', '+1', '1.5', '1e3', '1E3', '1e999', '.5', '.5e3', '.e3', '.', '..', '...', '---', '--', '0o17', '0x1F', '0b101', '017', '08', '09.5', '1_000', '0x', '1.', '1.e5',
  '-', '- ', '- x', '-x', '--x', '? x', '?x', ':', ': x', ':x', 'a:', 'a: b', 'a:b', 'a :b', '#', '# x', 'a#b', 'a #b', 'a# b', ',', 'a,b', '[a]', '{a}', 'a[b]', 'a{b}',
  '*a', '&a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a', "a'b", 'a"b', "it's", 'a\\b', '\\',
  '1:20', '12:30:45', '80:8080', '-1:20', '1:2:3.5',
  '2024-01-15', '2024-1-5', '2024-01-15T10:00:00Z', '2024-01-15t10:00:00Z', '2024-01-15 10:00:00', '2024-01-15T10:00:00.123+02:00', '2024-02-30', '2023-02-29', '2024-02-29', '2024-13-01', '12345-01-01', '2024-01-15T25:00:00Z', '2024-01-15x',
  'héllo', 'ünïcödé', '日本語', '😀', 'a😀b', '\u00a0', 'a\u00a0b', '\u0085', '\u2028', 'a\u2028b', '\ufeffab', 'a\ufeff', '\ufffe', '\u007f', '\u0080', '\u009f', '\u00e9',
  'a\tb', '\t', 'tab\t', '\x00', '\x01', '\x1b', 'a\rb', 'a\r\nb', 'a\r\nb\r\n', 'line1\nline2', 'line1\nline2\n', 'line1\nline2\n\n', 'x\n', '\n', '\n\n', '\nx', ' lead\nx', 'x\n lead', 'trail \nx', 'x\n\ny', 'a\n\tb', 'a \n b',
  long(15), long(16), long(20), long(30), long(40), 'x'.repeat(79), 'x'.repeat(80), 'x'.repeat(81), 'x'.repeat(200), long(20, 'x'.repeat(9)), `${'x'.repeat(78)} y`, `${'x'.repeat(79)} y`, `${'x'.repeat(80)} y`, `${'x'.repeat(81)} y z`, `${long(15)}  double  spaces ${long(10)}`,
  `${long(20)}: colon`, `- ${long(20)}`, `"${long(20)}"`, `${long(20)}\t${long(5)}`, `${long(20)}\n${long(20)}`, ` ${long(20)}`, `${long(20)} `, `${long(20)}${' '.repeat(5)}${long(5)}`,
  `yes ${long(20)}`, `'${long(20)}'`, `${long(15)} ' ${long(10)}`, `${long(10)}😀 ${long(12)}`,
  '\u0085', 'a\u0085b', 'a \u0085 b', 'a\u0085\u0085b', 'a\u0085--- b', '\u007f', '\u0080', '\ufffe', 'x\x1f', '\x1b[0m',
  `${'k'.repeat(60)} ${'v'.repeat(30)}`, `${long(12)}\n${long(30)}\n`, '  indented\n  block\n', 'trailing space \nnext', 'a\n\n\n', '#!/bin/sh\necho hi\n',
];

/** STRUCTURES exercise key order, numbers, nesting, empty collections and long keys. */
export const STRUCTURES: unknown[] = [
  { nums: [0, 1, -1, 1.5, 1e21, 1e20, 123456789, 1234567.5, 0.000001, 1e-7, 100000, 1000000.5, 2 ** 53, -0.5, 3.14159] },
  {
    keys: Object.fromEntries(
      ['a10', 'a9', 'a_b', 'aB', 'ab', 'a-b', 'A', 'b', '10', '9', '01', '1', 'é', 'z', 'Z', '_', 'a0', 'a00', 'a01', 'a1', 'x2y', 'x10y', 'x02', 'x2', 'k8s.io/x', 'app', 'app.kubernetes.io/name'].map((k) => [k, 1]),
    ),
  },
  { long: { ['k'.repeat(128)]: 'v', ['k'.repeat(129)]: 'v', ['é'.repeat(64)]: 'v', ['é'.repeat(65)]: [1, 2], ['q'.repeat(130)]: { a: 1 }, ['m'.repeat(130)]: {}, ['n'.repeat(130)]: 'a\nb', 'multi\nline': 1 } },
  { deep: { a: { b: { c: [{ d: [{ e: 'x\ny' }, []] }, {}, [], [[]], null, true] } } } },
  { indent: { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: `${'word '.repeat(30)}end`, l: 'x\n y\n' } } } } } } } } } } } },
  { empty: { m: {}, l: [], s: '', n: null, f: false, z: 0 } },
  { html: { '<b>': '<a href="x">&amp;</a>', ls: '\u2028\u2029', quote: '"\'\\', unicode: '日本語 😀' } },
  { list: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b', env: [{ name: 'X', value: 'yes' }] }] },
];

/** configMapWith is the object `create configmap x --from-literal=k=<s>` builds. */
export function configMapWith(s: string): Record<string, unknown> {
  return { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data: { k: s } };
}

/** configMapArgs asks kubectl to print configMapWith(s). */
export function configMapArgs(s: string, format: string): string[] {
  return ['create', 'configmap', 'x', `--from-literal=k=${s}`, '--dry-run=client', '-o', format];
}

/** structureObject wraps a structure in an object `label --local` accepts, as it prints it back. */
export function structureObject(value: unknown, labelled: boolean): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', ...(labelled ? { labels: { foo: 'bar' } } : {}) }, test: value };
}

/** structureArgs asks kubectl to print structureObject(value) (after adding the label foo=bar). */
export function structureArgs(format: string): string[] {
  return ['label', '--local', '-f', 'in.json', 'foo=bar', '-o', format];
}

/** JSONPATH_OBJECT is what the jsonpath templates run over. */
export const JSONPATH_OBJECT = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'x', annotations: { 'app.kubernetes.io/name': 'web', 'a.b': 'c' } },
  list: [
    { name: 'a', n: 1, ok: true, v: null, tags: ['x', 'y'], conds: [{ type: 'Ready', status: 'True' }] },
    { name: 'b', n: 2, ok: false, tags: [], conds: [{ type: 'Ready', status: 'False' }, { type: 'X', status: 'True' }] },
    { name: 'c', n: 30, big: 1000000, f: 1.5, s: '<&>' },
  ],
  s: 'héllo\t"q"\\',
  nul: null,
  num: 1000000,
  flt: 2.5,
  e: 1e21,
  empty: {},
  ea: [],
  nested: [[1, 2], [3]],
  t: true,
  uni: '日本😀\u0001',
};

/** JSONPATH_TEMPLATES cover fields, slices, filters, ranges, literals, unions and errors. */
export const JSONPATH_TEMPLATES: string[] = [
  '{.metadata.name}', '{.list[*].name}', '{range .list[*]}{.name}{"\\t"}{.n}{"\\n"}{end}', '{.list[0]}', '{.list[0:2]}', '{.list[-1:]}', '{.list[-1]}',
  '{.list[?(@.name=="b")].n}', '{.list[*].conds[?(@.type=="Ready")].status}', '{.metadata.annotations.app\\.kubernetes\\.io/name}', '{@}', '{$}',
  '{"a\\tb"}', "{'x'}", '{.list[0,1].name}', '{.nul}', '{.num}', '{.flt}', '{.e}', '{.empty}', '{.ea}', '{.nested}', '{.nested[*]}', '{.nested[*][*]}',
  '{.t}', '{.uni}', '{.s}', '{.list[2].s}', '{.list[2].big}', '{.missing}', '{.missing.deeper}', '{.list[*].missing}', '{.list[5]}', '{.list[?(@.n>1)].name}',
  '{.list[?(@.n>=2)].name}', '{.list[?(@.n<30)].name}', '{.list[?(@.n<=2)].name}', '{.list[?(@.n!=2)].name}', '{.list[?(@.ok)].name}', '{.list[?(@.v)].name}',
  '{.list[?(@.ok==false)].name}', '{.list[?(@.name>"a")].name}', '{.list[?(@.f==1.5)].name}', '{.list[?(@.tags[0]=="x")].name}', '{.list[?(@.tags[1])].name}',
  '{range .list[*]}[{.name}]{range .tags[*]}<{@}>{end}{end}', '{range .list[?(@.name=="zz")]}{.name}{end}after', '{range .ea[*]}x{end}y',
  '{range .list[*]}{.name}{end}{.kind}', 'hello {.kind} world', '{.kind}{.kind}', '{..n}', '{..tags[0]}', '{.list[*]..status}', '{.s[*]}', '{.list[0].tags[*]}',
  '{.list[::2].name}', '{.list[1:].name}', '{.list[:1].name}', '{.list[0:0]}', '{.list[-2:-1].name}', '{.list[?(@.n==1)]}', '{.list[?(@.s=="<&>")].name}',
  "{.list[?(@.name=='a')].tags}", '{.list[0].conds[0]}', "{['kind']}", "{.metadata['name']}", '{.list[0].n}{.list[0].ok}', '{end}', '{range .list[*]}{.name}',
  '{.list[?(@.n > 1)].name}', '{ .kind }', '{.list[?(@.name)]}', '{1}{2.5}{true}{-1}', '{.uni[0]}', '{.list[2:1]}', '{.list[::0]}', '{.s[0]}', '{.metadata[*].x}',
  '{.metadata[?(@.a)]}', '{.kind[?(@.a)]}', '{.list[0][0]}', '{foo}', '{.a', '{.list[0}', '{.list[x]}', '{.list[?(@.a=="x"}', '{"abc}', '{....a}',
  '{.list[?(@.name=~"a")]}', '{{.kind}}', '{"a\\x"}', '{.list[1:2:3:4]}',
];

/** CC_OBJECTS are the ConfigMaps the custom-columns cases list. */
export const CC_OBJECTS = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'alpha', labels: { set: 'cc', tier: 'web' } }, data: { color: 'blue', size: '10' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'beta-with-a-long-name', labels: { set: 'cc' } }, data: { color: 'green' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gamma', labels: { set: 'cc', tier: 'db' } } },
];

/** CC_SPECS are custom-columns specs, good and bad (no map wildcards: Go visits maps in random order). */
export const CC_SPECS: string[] = [
  'NAME:.metadata.name',
  'NAME:.metadata.name,COLOR:.data.color,TIER:.metadata.labels.tier',
  'NAME:metadata.name,DATA:{.data},LABELS:{metadata.labels}',
  'N:.metadata.name,LABELS:.metadata.labels',
  'NAME:.metadata.name,MISSING:.spec.nothing',
  'NAME:.metadata.name,BAD',
  'NAME:{.metadata.name',
  'NAME:.metadata.name,X:.data[0]',
  'NAME:.metadata.name,EMPTY:',
];
