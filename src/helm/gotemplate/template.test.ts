import { describe, expect, it } from 'vitest';
import {
  goFunc,
  GoError,
  GoFunc,
  GoStruct,
  int,
  Template,
  TemplateExecError,
  typedMap,
  typedSlice,
  type GoValue,
} from './index.ts';

/** Cases ported from Go's src/text/template/exec_test.go (execTests), data adapted to maps. */
const tVal: GoValue = {
  True: true,
  I: int(17),
  X: 'x',
  FloatZero: 0,
  U: { V: 'v' },
  SI: typedSlice([int(3), int(4), int(5)], 'int'),
  SIEmpty: typedSlice([], 'int'),
  SB: typedSlice([true, false], 'bool'),
  MSI: typedMap({ one: int(1), two: int(2), three: int(3) }, 'int'),
  MSIone: typedMap({ one: int(1) }, 'int'),
  MSIEmpty: typedMap({}, 'int'),
  SMSI: [typedMap({ one: int(1), two: int(2) }, 'int'), typedMap({ eleven: int(11), twelve: int(12) }, 'int')],
  Empty0: null,
  Empty1: int(3),
  Empty2: 'empty2',
  Empty3: typedSlice([int(7), int(8)], 'int'),
  BinaryFunc: new GoFunc({ params: ['string', 'string'], result: 'string' }, (a: string, b: string) => `[${a}=${b}]`),
  VariadicFunc: new GoFunc(
    { params: [], variadic: 'string', result: 'string' },
    (...s: string[]) => `<${s.join('+')}>`,
  ),
  VariadicFuncInt: new GoFunc(
    { params: ['int'], variadic: 'string', result: 'string' },
    (a: { value: bigint }, ...s: string[]) => `${a.value}=<${s.join('+')}>`,
  ),
  ErrFunc: new GoFunc({ params: [], result: 'string', returnsError: true }, () => 'bla'),
  Method: new GoStruct(
    '*template.T',
    { X: 'x' },
    {
      Method0: goFunc({ params: [], result: 'string' }, () => 'M0'),
      Method1: goFunc({ params: ['int'], result: 'int' }, (a: GoValue) => a),
      MyError: goFunc({ params: ['bool'], result: 'bool', returnsError: true }, (e: boolean) => {
        if (e) throw new GoError('my error');
        return false;
      }),
    },
  ),
};

const funcs = {
  add: goFunc({ params: [], variadic: 'int', result: 'int' }, (...a: { value: bigint }[]) =>
    int(a.reduce((s, x) => s + x.value, 0n)),
  ),
  echo: goFunc({ params: ['interface {}'], result: 'interface {}' }, (a: GoValue) => a),
  oneArg: goFunc({ params: ['string'], result: 'string' }, (a: string) => `oneArg=${a}`),
  twoArgs: goFunc({ params: ['string', 'string'], result: 'string' }, (a: string, b: string) => `twoArgs=${a}${b}`),
  typeOf: goFunc({ params: ['interface {}'], result: 'string' }, (a: GoValue) =>
    a === null ? '<nil>' : ((a as { type?: string }).type ?? typeof a === 'number') ? 'float64' : 'x',
  ),
  zeroArgs: goFunc({ params: [], result: 'string' }, () => 'zeroArgs'),
  mapOfThree: goFunc({ params: [], result: 'interface {}' }, () => typedMap({ three: int(3) }, 'int')),
  makemap: goFunc({ params: [], variadic: 'string', result: 'map[string]string' }, (...a: string[]) => {
    const m: Record<string, GoValue> = {};
    for (let i = 0; i < a.length; i += 2) m[a[i] as string] = a[i + 1] ?? '';
    return typedMap(m, 'string');
  }),
};

type Case = [name: string, input: string, output: string, data: GoValue, ok: boolean];

const execTests: Case[] = [
  ['empty', '', '', null, true],
  ['text', 'some text', 'some text', null, true],
  ['nil action', '{{nil}}', '', null, false],
  ['ideal float', '{{printf `%T` 1.0}}', 'float64', int(0), true],
  ['ideal int', '{{printf `%T` 3}}', 'int', int(0), true],
  ['ideal too big', '{{printf `%T` 0x8000000000000000}}', '', int(0), false],
  ['.X', '-{{.X}}-', '-x-', tVal, true],
  ['.U.V', '-{{.U.V}}-', '-v-', tVal, true],
  ['map .one', '{{.MSI.one}}', '1', tVal, true],
  ['map .two', '{{.MSI.two}}', '2', tVal, true],
  ['map .NO', '{{.MSI.NO}}', '<no value>', tVal, true],
  ['map .WRONG args', '{{.MSI.one 1}}', '', tVal, false],
  ['dot int', '<{{.}}>', '<13>', int(13), true],
  ['dot float', '<{{.}}>', '<15.1>', 15.1, true],
  ['dot bool', '<{{.}}>', '<true>', true, true],
  ['dot string', '<{{.}}>', '<hello>', 'hello', true],
  ['dot slice', '<{{.}}>', '<[-1 -2 -3]>', typedSlice([int(-1), int(-2), int(-3)], 'int'), true],
  ['dot map', '<{{.}}>', '<map[two:22]>', typedMap({ two: int(22) }, 'int'), true],
  ['$ int', '{{$}}', '123', int(123), true],
  ['$.I', '{{$.I}}', '17', tVal, true],
  ['$.U.V', '{{$.U.V}}', 'v', tVal, true],
  ['declare in action', '{{$x := $.U.V}}{{$x}}', 'v', tVal, true],
  ['empty nil', '{{.Empty0}}', '<no value>', tVal, true],
  ['empty with int', '{{.Empty1}}', '3', tVal, true],
  ['empty with string', '{{.Empty2}}', 'empty2', tVal, true],
  ['empty with slice', '{{.Empty3}}', '[7 8]', tVal, true],
  ['.Method0', '-{{.Method.Method0}}-', '-M0-', tVal, true],
  ['.Method1(1234)', '-{{.Method.Method1 1234}}-', '-1234-', tVal, true],
  ['.Method1(.I)', '-{{.Method.Method1 .I}}-', '-17-', tVal, true],
  ['.BinaryFunc', '{{call .BinaryFunc `1` `2`}}', '[1=2]', tVal, true],
  ['.VariadicFunc0', '{{call .VariadicFunc}}', '<>', tVal, true],
  ['.VariadicFunc2', '{{call .VariadicFunc `he` `llo`}}', '<he+llo>', tVal, true],
  ['.VariadicFuncInt', '{{call .VariadicFuncInt 33 `he` `llo`}}', '33=<he+llo>', tVal, true],
  ['if .BinaryFunc call', '{{ if .BinaryFunc}}{{call .BinaryFunc `1` `2`}}{{end}}', '[1=2]', tVal, true],
  ['if not .BinaryFunc call', '{{ if not .BinaryFunc}}{{call .BinaryFunc `1` `2`}}{{else}}No{{end}}', 'No', tVal, true],
  ['.ErrFunc', '{{call .ErrFunc}}', 'bla', tVal, true],
  ['call nil', '{{call nil}}', '', tVal, false],
  ['.BinaryFuncTooFew', '{{call .BinaryFunc `1`}}', '', tVal, false],
  ['.BinaryFuncTooMany', '{{call .BinaryFunc `1` `2` `3`}}', '', tVal, false],
  ['.BinaryFuncBad0', '{{call .BinaryFunc 1 3}}', '', tVal, false],
  ['.BinaryFuncBad1', '{{call .BinaryFunc `1` 3}}', '', tVal, false],
  ['.VariadicFuncBad0', '{{call .VariadicFunc 3}}', '', tVal, false],
  ['.VariadicFuncIntBad0', '{{call .VariadicFuncInt}}', '', tVal, false],
  ['.VariadicFuncIntBad`', '{{call .VariadicFuncInt `x`}}', '', tVal, false],
  ['.VariadicFuncNilBad', '{{call .VariadicFunc nil}}', '', tVal, false],
  ['pipeline func', '-{{call .VariadicFunc `llo` | call .VariadicFunc `he` }}-', '-<he+<llo>>-', tVal, true],
  ['parens in pipeline', '{{printf `%d %d %d` (1) (2 | add 3) (add 4 (add 5 6))}}', '1 5 15', tVal, true],
  ['parens: $ in paren', '{{($).X}}', 'x', tVal, true],
  ['parens: $ in paren in pipe', '{{($ | echo).X}}', 'x', tVal, true],
  ['parens: spaces and args', '{{(makemap "up" "down" "left" "right").left}}', 'right', tVal, true],
  ['if true', '{{if true}}TRUE{{end}}', 'TRUE', tVal, true],
  ['if false', '{{if false}}TRUE{{else}}FALSE{{end}}', 'FALSE', tVal, true],
  ['if nil', '{{if nil}}TRUE{{end}}', '', tVal, false],
  ['if 1', '{{if 1}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO', tVal, true],
  ['if 0', '{{if 0}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO', tVal, true],
  ['if 1.5', '{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO', tVal, true],
  ['if 0.0', '{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO', tVal, true],
  ['if emptystring', '{{if ``}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY', tVal, true],
  ['if string', '{{if `notempty`}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY', tVal, true],
  ['if emptyslice', '{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY', tVal, true],
  ['if slice', '{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY', tVal, true],
  ['if emptymap', '{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY', tVal, true],
  ['if map', '{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY', tVal, true],
  ['if $x with $y int', '{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}', 'true,17', tVal, true],
  ['if $x with $x int', '{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}', '17,true', tVal, true],
  ['if else if', '{{if false}}FALSE{{else if true}}TRUE{{end}}', 'TRUE', tVal, true],
  ['if else chain', '{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}', '3', tVal, true],
  ['print', '{{print "hello, print"}}', 'hello, print', tVal, true],
  ['print 123', '{{print 1 2 3}}', '1 2 3', tVal, true],
  ['print nil', '{{print nil}}', '<nil>', tVal, true],
  ['println', '{{println 1 2 3}}', '1 2 3\n', tVal, true],
  ['printf int', '{{printf "%04x" 127}}', '007f', tVal, true],
  ['printf float', '{{printf "%g" 3.5}}', '3.5', tVal, true],
  ['printf string', '{{printf "%s" "hello"}}', 'hello', tVal, true],
  ['printf function', '{{printf "%#q" zeroArgs}}', '`zeroArgs`', tVal, true],
  ['printf field', '{{printf "%s" .U.V}}', 'v', tVal, true],
  ['printf dot', '{{with .I}}{{printf "%d" .}}{{end}}', '17', tVal, true],
  ['printf var', '{{with $x := .I}}{{printf "%d" $x}}{{end}}', '17', tVal, true],
  [
    'html',
    '{{html "<script>alert(\\"XSS\\");</script>"}}',
    '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;',
    null,
    true,
  ],
  [
    'html pipeline',
    '{{printf "<script>alert(\\"XSS\\");</script>" | html}}',
    '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;',
    null,
    true,
  ],
  ['js', '{{js .}}', "It\\'d be nice.", "It'd be nice.", true],
  ['urlquery', '{{"http://www.example.org/"|urlquery}}', 'http%3A%2F%2Fwww.example.org%2F', null, true],
  ['not', '{{not true}} {{not false}}', 'false true', null, true],
  ['and', '{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}', 'false 0 0 1', null, true],
  ['or', '{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}', '0 1 true 1', null, true],
  ['boolean if', '{{if and true 1 `hi`}}TRUE{{else}}FALSE{{end}}', 'TRUE', tVal, true],
  ['boolean if not', '{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}', 'FALSE', null, true],
  ['and short-circuits', '{{and false .Nope.x}}', 'false', null, true],
  ['slice[0]', '{{index .SI 0}}', '3', tVal, true],
  ['slice[1]', '{{index .SI 1}}', '4', tVal, true],
  ['slice[HUGE]', '{{index .SI 10}}', '', tVal, false],
  ['slice[WRONG]', '{{index .SI `hello`}}', '', tVal, false],
  ['slice[nil]', '{{index .SI nil}}', '', tVal, false],
  ['map[one]', '{{index .MSI `one`}}', '1', tVal, true],
  ['map[two]', '{{index .MSI `two`}}', '2', tVal, true],
  ['map[NO]', '{{index .MSI `XXX`}}', '0', tVal, true],
  ['map[nil]', '{{index .MSI nil}}', '', tVal, false],
  ["map['']", '{{index .MSI ``}}', '0', tVal, true],
  ['map[WRONG]', '{{index .MSI 10}}', '', tVal, false],
  ['double index', '{{index .SMSI 1 `eleven`}}', '11', tVal, true],
  ['nil[1]', '{{index nil 1}}', '', tVal, false],
  ['slice[:]', '{{slice .SI}}', '[3 4 5]', tVal, true],
  ['slice[1:]', '{{slice .SI 1}}', '[4 5]', tVal, true],
  ['slice[1:2]', '{{slice .SI 1 2}}', '[4]', tVal, true],
  ['slice[-1:]', '{{slice .SI -1}}', '', tVal, false],
  ['slice[1:-2]', '{{slice .SI 1 -2}}', '', tVal, false],
  ['slice[2:1]', '{{slice .SI 2 1}}', '', tVal, false],
  ['string[:]', '{{slice "foobar"}}', 'foobar', tVal, true],
  ['string[0:1]', '{{slice "foobar" 0 1}}', 'f', tVal, true],
  ['string[1:2:3]', '{{slice "foobar" 1 2 3}}', '', tVal, false],
  ['slice', '{{len .SI}}', '3', tVal, true],
  ['map', '{{len .MSI }}', '3', tVal, true],
  ['len of int', '{{len 3}}', '', tVal, false],
  ['len of nothing', '{{len .Empty0}}', '', tVal, false],
  ['with true', '{{with true}}{{.}}{{end}}', 'true', tVal, true],
  ['with false', '{{with false}}{{.}}{{else}}FALSE{{end}}', 'FALSE', tVal, true],
  ['with 1', '{{with 1}}{{.}}{{else}}ZERO{{end}}', '1', tVal, true],
  ['with 0', '{{with 0}}{{.}}{{else}}ZERO{{end}}', 'ZERO', tVal, true],
  ['with 1.5', '{{with 1.5}}{{.}}{{else}}ZERO{{end}}', '1.5', tVal, true],
  ['with emptystring', '{{with ``}}{{.}}{{else}}EMPTY{{end}}', 'EMPTY', tVal, true],
  ['with string', '{{with `notempty`}}{{.}}{{else}}EMPTY{{end}}', 'notempty', tVal, true],
  ['with slice', '{{with .SI}}{{.}}{{else}}EMPTY{{end}}', '[3 4 5]', tVal, true],
  ['with map', '{{with .MSIone}}{{.}}{{else}}EMPTY{{end}}', 'map[one:1]', tVal, true],
  ['with $x int', '{{with $x := .I}}{{$x}}{{end}}', '17', tVal, true],
  ['with $x struct.U.V', '{{with $x := $}}{{$x.U.V}}{{end}}', 'v', tVal, true],
  ['with variable and action', '{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}', 'v', tVal, true],
  ['with else with', '{{with 0}}{{.}}{{else with true}}{{.}}{{end}}', 'true', tVal, true],
  ['range []int', '{{range .SI}}-{{.}}-{{end}}', '-3--4--5-', tVal, true],
  ['range empty no else', '{{range .SIEmpty}}-{{.}}-{{end}}', '', tVal, true],
  ['range []int else', '{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}', '-3--4--5-', tVal, true],
  ['range empty else', '{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY', tVal, true],
  ['range []bool', '{{range .SB}}-{{.}}-{{end}}', '-true--false-', tVal, true],
  ['range map', '{{range .MSI}}-{{.}}-{{end}}', '-1--3--2-', tVal, true],
  ['range empty map no else', '{{range .MSIEmpty}}-{{.}}-{{end}}', '', tVal, true],
  ['range map else', '{{range .MSI}}-{{.}}-{{else}}EMPTY{{end}}', '-1--3--2-', tVal, true],
  ['range empty interface', '{{range .Empty3}}-{{.}}-{{else}}EMPTY{{end}}', '-7--8-', tVal, true],
  ['range empty nil', '{{range .Empty0}}-{{.}}-{{end}}', '', tVal, true],
  ['range $x SI', '{{range $x := .SI}}<{{$x}}>{{end}}', '<3><4><5>', tVal, true],
  ['range $x $y SI', '{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}', '<0=3><1=4><2=5>', tVal, true],
  ['range $x MSIone', '{{range $x := .MSIone}}<{{$x}}>{{end}}', '<1>', tVal, true],
  ['range $x $y MSIone', '{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}', '<one=1>', tVal, true],
  ['range int', '{{range 4}}{{.}}{{end}}', '0123', tVal, true],
  ['range int var', '{{range $x := 3}}<{{$x}}>{{end}}', '<0><1><2>', tVal, true],
  ['range break', '{{range .SI}}{{if eq . 4}}{{break}}{{end}}-{{.}}-{{end}}', '-3-', tVal, true],
  ['range continue', '{{range .SI}}{{if eq . 4}}{{continue}}{{end}}-{{.}}-{{end}}', '-3--5-', tVal, true],
  ['declare in range', '{{range $x := .SI}}<{{$foo:=$x}}{{$x}}>{{end}}', '<3><4><5>', tVal, true],
  ['or as if true', '{{or .SI "slice is empty"}}', '[3 4 5]', tVal, true],
  ['or as if false', '{{or .SIEmpty "slice is empty"}}', 'slice is empty', tVal, true],
  ['error method, error', '{{.Method.MyError true}}', '', tVal, false],
  ['error method, no error', '{{.Method.MyError false}}', 'false', tVal, true],
  ['bug7a', '{{3 2}}', '', tVal, false],
  ['bug7b', '{{$x := 1}}{{$x 2}}', '', tVal, false],
  ['bug7c', '{{$x := 1}}{{3 | $x}}', '', tVal, false],
  ['bug8a', '{{3|oneArg}}', '', tVal, false],
  ['bug9', '{{.cause}}', 'neglect', typedMap({ cause: 'neglect' }, 'string'), true],
  ['bug10', '{{mapOfThree.three}}-{{(mapOfThree).three}}', '3-3', int(0), true],
  ['bug12xe', '{{printf `%T` 0xef}}', 'int', null, true],
  ['bug12Xe', '{{printf `%T` 0Xef}}', 'int', null, true],
  ['bug14a', '{{(nil).True}}', '', tVal, false],
  ['bug14b', '{{$x := nil}}{{$x.anything}}', '', tVal, false],
  ['bug14c', '{{$x := (1.0)}}{{$y := ("hello")}}{{$x.anything}}{{$y.true}}', '', tVal, false],
  ['bug16a', '{{true|printf}}', '', tVal, false],
  ['bug16b', '{{1|printf}}', '', tVal, false],
  ['bug16c', '{{1.1|printf}}', '', tVal, false],
  ['bug16d', "{{'x'|printf}}", '', tVal, false],
  ['bug16f', '{{true|twoArgs "xxx"}}', '', tVal, false],
  ['bug16g', '{{"aaa" |twoArgs "bbb"}}', 'twoArgs=bbbaaa', tVal, true],
  ['bug16h', '{{1|oneArg}}', '', tVal, false],
  ['bug16i', '{{"aaa"|oneArg}}', 'oneArg=aaa', tVal, true],
  ['bug16k', '{{"aaa"|printf }}', 'aaa', tVal, true],
];

function run(input: string, data: GoValue, name = 'test'): { ok: boolean; out: string; error?: string } {
  try {
    const t = Template.create(name).funcs(funcs).parse(input);
    return { ok: true, out: t.execute(data) };
  } catch (e) {
    return { ok: false, out: e instanceof TemplateExecError ? e.partial : '', error: (e as Error).message };
  }
}

describe('text/template execution (Go execTests)', () => {
  it.each(execTests)('%s', (_name, input, output, data, ok) => {
    const result = run(input, data);
    expect(result.ok, result.error).toBe(ok);
    if (ok) expect(result.out).toBe(output);
  });
});

/** cmpTests from exec_test.go: eq/ne/lt/le/gt/ge, including signed against unsigned. */
const cmpData: GoValue = {};
const cmpTests: [string, string, boolean][] = [
  ['eq true true', 'true', true],
  ['eq true false', 'false', true],
  ['eq 1.5 1.5', 'true', true],
  ['eq 1.5 2.5', 'false', true],
  ['eq 1 1', 'true', true],
  ['eq 1 2', 'false', true],
  ['eq `xy` `xy`', 'true', true],
  ['eq `xy` `xyz`', 'false', true],
  ['eq 3 4 5 6 3', 'true', true],
  ['eq 3 4 5 6 7', 'false', true],
  ['ne true true', 'false', true],
  ['ne 1 2', 'true', true],
  ['ne `xy` `xyz`', 'true', true],
  ['lt 1.5 1.5', 'false', true],
  ['lt 1.5 2.5', 'true', true],
  ['lt 1 2', 'true', true],
  ['lt `xy` `xyz`', 'true', true],
  ['le 2 1', 'false', true],
  ['le `xy` `xy`', 'true', true],
  ['gt 2 1', 'true', true],
  ['gt `xy` `xyz`', 'false', true],
  ['ge 1 2', 'false', true],
  ['ge `xyz` `xy`', 'true', true],
  ["eq (index `x` 0) 'x'", 'true', true],
  ["eq (index `x` 0) 'y'", 'false', true],
  ['eq `xy` 1', '', false],
  ['eq 2 2.0', '', false],
  ['lt true true', '', false],
  ['eq .Missing nil', 'true', true],
  ['eq .Missing `x`', 'false', true],
];

describe('comparisons (Go cmpTests)', () => {
  it.each(cmpTests)('%s', (expr, truth, ok) => {
    const result = run(`{{if ${expr}}}true{{else}}false{{end}}`, cmpData);
    expect(result.ok, result.error).toBe(ok);
    if (ok) expect(result.out).toBe(truth);
  });
});

describe('error texts', () => {
  it('reports nested template errors with the executing template and position (TestExecError)', () => {
    const text =
      'line 1\nline 2\nline 3\n{{template "one" .}}\n{{define "one"}}{{template "two" .}}{{end}}\n{{define "two"}}{{template "three" .}}{{end}}\n{{define "three"}}{{index "hi" $}}{{end}}';
    expect(run(text, int(5), 'top').error).toBe(
      'template: top:7:20: executing "three" at <index "hi" $>: error calling index: index out of range: 5',
    );
  });

  it('missingkey=default|zero|error (TestMissingMapKey)', () => {
    const data = typedMap({ x: int(99) }, 'int');
    const t = Template.create('t1').parse('{{.x}} {{.y}}');
    expect(t.execute(data)).toBe('99 <no value>');
    t.option('missingkey=zero');
    expect(t.execute(data)).toBe('99 0');
    t.option('missingkey=error');
    expect(() => t.execute(data)).toThrow('template: t1:1:9: executing "t1" at <.y>: map has no entry for key "y"');
    expect(() => t.execute(null)).toThrow('nil data; no entry for key "x"');
  });

  it('names interface {} in field errors on JSON data', () => {
    expect(run('{{.a.b}}', { a: 'x' }).error).toBe(
      'template: test:1:4: executing "test" at <.a.b>: can\'t evaluate field b in type interface {}',
    );
    expect(run('{{$x := .a}}{{$x.b}}', { a: 'x' }).error).toBe(
      'template: test:1:16: executing "test" at <$x.b>: can\'t evaluate field b in type string',
    );
    expect(run('{{.a.b}}', { a: null }).error).toBe(
      'template: test:1:4: executing "test" at <.a.b>: nil pointer evaluating interface {}.b',
    );
  });

  it('reports the empty template (TestMessageForExecuteEmpty)', () => {
    expect(() => Template.create('empty').execute(int(0))).toThrow(
      'template: empty: "empty" is an incomplete or empty template',
    );
  });

  it('keeps int and float64 apart', () => {
    expect(run('{{eq 1 .f}}', { f: 1 }).error).toBe(
      'template: test:1:2: executing "test" at <eq 1 .f>: error calling eq: incompatible types for comparison: int and float64',
    );
    expect(run('{{.f}} {{.g}} {{.h}} {{.i}}', { f: 1000000, g: 1234567, h: 0.00001, i: 999999 }).out).toBe(
      '1e+06 1.234567e+06 1e-05 999999',
    );
  });
});

describe('template sets (TestBlock, TestTree, include-style execution)', () => {
  it('overrides a block with a later definition', () => {
    const t = Template.create('outer').parse('a({{block "inner" .}}bar({{.}})baz{{end}})b');
    expect(t.execute('hello')).toBe('a(bar(hello)baz)b');
    t.new('overlay').parse('{{define "inner"}}foo({{.}})bar{{end}}');
    expect(t.execute('goodbye')).toBe('a(foo(goodbye)bar)b');
  });

  it('walks a recursive tree with custom delimiters and trim markers', () => {
    const leaf = (v: number, l: GoValue = null, r: GoValue = null): GoValue => ({ Val: int(v), Left: l, Right: r });
    const tree = leaf(1, leaf(2, leaf(3, leaf(4)), leaf(5, leaf(6))), leaf(7, leaf(8, leaf(9)), leaf(10, leaf(11))));
    const text =
      '\n\t(- define "tree" -)\n\t[\n\t\t(- .Val -)\n\t\t(- with .Left -)\n\t\t\t(template "tree" . -)\n\t\t(- end -)\n\t\t(- with .Right -)\n\t\t\t(- template "tree" . -)\n\t\t(- end -)\n\t]\n\t(- end -)\n';
    const t = Template.create('root').delims('(', ')').parse(text);
    expect(t.executeTemplate('tree', tree)).toBe('[1[2[3[4]][5[6]]][7[8[9]][10[11]]]]');
  });

  it('runs a named template for include and reports a missing one', () => {
    const t = Template.create('main').parse('{{define "x"}}<{{.}}>{{end}}');
    expect(t.executeTemplate('x', 'a')).toBe('<a>');
    expect(() => t.executeTemplate('y', 'a')).toThrow('template: no template "y" associated with template "main"');
  });

  it('rejects unknown options', () => {
    expect(() => Template.create('x').option('missingkey=nope')).toThrow('unrecognized option: missingkey=nope');
  });
});
