/**
 * The predefined functions of text/template (funcs.go): and, or, not, len, index, slice, call, print,
 * printf, println, html, js, urlquery and the comparisons, with Go's error texts. They take raw
 * reflect-like values (`reflect.Value` parameters) so they can see interfaces and missing values.
 */
import { sprint, sprintf, sprintln } from './fmt/print.ts';
import {
  Iface,
  assignable,
  canBeNil,
  elementOf,
  indirect,
  indirectInterface,
  rvType,
  toGo,
  truth,
  wrap,
  zeroOf,
  type RV,
} from './rv.ts';
import {
  GoError,
  GoFunc,
  GoInt,
  GoStruct,
  elemType,
  isIntType,
  isMap,
  typedSlice,
  type GoValue,
  type Signature,
} from './value.ts';

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** builtin makes a GoFunc from a signature and an implementation. */
export function goFunc(signature: Signature, impl: (...args: never[]) => unknown, name = 'func'): GoFunc {
  return new GoFunc(signature, impl, name);
}

const RV_ = 'reflect.Value';

function indexArg(index: RV, cap: number): number {
  const v = indirectInterface(index);
  if (v === undefined) throw new GoError('cannot index slice/array with nil');
  if (!(v instanceof GoInt)) throw new GoError(`cannot index slice/array with type ${rvType(v)}`);
  const x = v.value;
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

/** prepareArg converts a value to a parameter type as `call` and `index` do. */
export function prepareArg(value: RV, argType: string): RV {
  if (value === undefined) {
    if (!canBeNil(argType)) throw new GoError(`value is nil; should be of type ${argType}`);
    return zeroOf(argType);
  }
  if (assignable(value, argType)) return value;
  if (value instanceof GoInt && isIntType(argType)) return new GoInt(value.value, argType);
  throw new GoError(`value has type ${rvType(value)}; should be ${argType}`);
}

function index(item: RV, ...indexes: RV[]): RV {
  item = indirectInterface(item);
  if (item === undefined) throw new GoError('index of untyped nil');
  for (const i of indexes) {
    const ind = indirect(item);
    if (ind.isNil) throw new GoError('index of nil pointer');
    const v = ind.value;
    if (typeof v === 'string') {
      const bytes = utf8.encode(v);
      const x = indexArg(i, bytes.length);
      if (x === bytes.length) throw new GoError('reflect: string index out of range');
      item = new GoInt(BigInt(bytes[x] ?? 0), 'uint8');
    } else if (Array.isArray(v)) {
      const x = indexArg(i, v.length);
      if (x === v.length) throw new GoError('reflect: slice index out of range');
      item = elementOf(v, x);
    } else if (isMap(v)) {
      const key = prepareArg(indirectInterface(i), 'string') as string;
      item = Object.prototype.hasOwnProperty.call(v, key) ? wrap(v[key] ?? null, elemType(v)) : zeroOf(elemType(v));
    } else throw new GoError(`can't index item of type ${rvType(v)}`);
  }
  return item;
}

function slice(item: RV, ...indexes: RV[]): RV {
  item = indirectInterface(item);
  if (item === undefined) throw new GoError('slice of untyped nil');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | undefined;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    bytes = utf8.encode(item);
    len = bytes.length;
  } else if (Array.isArray(item)) len = item.length;
  else throw new GoError(`can't slice item of type ${rvType(item)}`);
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  const [lo = 0, hi = len, max = len] = idx;
  if (lo > hi) throw new GoError(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > max) throw new GoError(`invalid slice index: ${hi} > ${max}`);
  if (bytes) return utf8Decoder.decode(bytes.slice(lo, hi));
  const arr = item as GoValue[];
  return typedSlice(arr.slice(lo, hi), elemType(arr));
}

function length(item: RV): GoValue {
  const { value, isNil } = indirect(item);
  if (isNil) throw new GoError('len of nil pointer');
  if (value === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof value === 'string') return new GoInt(BigInt(utf8.encode(value).length));
  if (Array.isArray(value)) return new GoInt(BigInt(value.length));
  if (isMap(value)) return new GoInt(BigInt(Object.keys(value).length));
  throw new GoError(`len of type ${rvType(value)}`);
}

// --- comparison ------------------------------------------------------------------------------

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';

function basicKind(v: RV): { kind: BasicKind; error?: string } {
  if (typeof v === 'boolean') return { kind: 'bool' };
  if (typeof v === 'string') return { kind: 'string' };
  if (typeof v === 'number') return { kind: 'float' };
  if (v instanceof GoInt) return { kind: v.unsigned ? 'uint' : 'int' };
  return { kind: 'invalid', error: errBadComparisonType };
}

function isNilValue(v: RV): boolean {
  return v === undefined || v === null || (v instanceof Iface && v.inner === null);
}

function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a instanceof GoInt && b instanceof GoInt) return a.type === b.type && a.value === b.value;
  if (a instanceof GoStruct && b instanceof GoStruct)
    return a.type === b.type && Object.keys(a.fields).every((k) => deepEqual(a.fields[k] ?? null, b.fields[k] ?? null));
  return a === b;
}

function eq(arg1: RV, ...arg2: RV[]): boolean {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) throw new GoError('missing argument for comparison');
  const k1 = basicKind(arg1).kind;
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg).kind;
    let equal = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') equal = (arg1 as GoInt).value === (arg as GoInt).value;
      else if (k1 === 'uint' && k2 === 'int') equal = (arg1 as GoInt).value === (arg as GoInt).value;
      else if (arg1 !== undefined && arg !== undefined)
        throw new GoError(`${errBadComparison}: ${rvType(arg1)} and ${rvType(arg)}`);
    } else if (k1 === 'int' || k1 === 'uint') equal = (arg1 as GoInt).value === (arg as GoInt).value;
    else if (k1 !== 'invalid') equal = arg1 === arg;
    else if (isNilValue(arg1) || isNilValue(arg)) equal = isNilValue(arg1) === isNilValue(arg);
    else {
      const other = arg as GoValue;
      if (Array.isArray(other) || isMap(other) || other instanceof GoFunc)
        throw new GoError(`non-comparable type ${sprint([other])}: ${rvType(other)}`);
      equal = rvType(arg1) === rvType(arg) && deepEqual(arg1 as GoValue, other);
    }
    if (equal) return true;
  }
  return false;
}

function lt(arg1: RV, arg2: RV): boolean {
  arg1 = indirectInterface(arg1);
  const b1 = basicKind(arg1);
  if (b1.error) throw new GoError(b1.error);
  arg2 = indirectInterface(arg2);
  const b2 = basicKind(arg2);
  if (b2.error) throw new GoError(b2.error);
  if (b1.kind !== b2.kind) {
    if ((b1.kind === 'int' && b2.kind === 'uint') || (b1.kind === 'uint' && b2.kind === 'int'))
      return (arg1 as GoInt).value < (arg2 as GoInt).value;
    throw new GoError(`${errBadComparison}: ${rvType(arg1)} and ${rvType(arg2)}`);
  }
  switch (b1.kind) {
    case 'bool':
      throw new GoError(errBadComparisonType);
    case 'int':
    case 'uint':
      return (arg1 as GoInt).value < (arg2 as GoInt).value;
    case 'string':
      return (arg1 as string) < (arg2 as string);
    default:
      return (arg1 as number) < (arg2 as number);
  }
}

const le = (a: RV, b: RV): boolean => lt(a, b) || eq(a, b);

// --- escaping ------------------------------------------------------------------------------------

/** evalArgs is fmt.Sprint of the arguments, with missing values printed as <no value>. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

export function htmlEscape(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) =>
    c === '"'
      ? '&#34;'
      : c === "'"
        ? '&#39;'
        : c === '&'
          ? '&amp;'
          : c === '<'
            ? '&lt;'
            : c === '>'
              ? '&gt;'
              : '\uFFFD',
  );
}

export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (cp < 0x20) out += `\\u00${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (cp >= 0x80 && !/[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(ch))
      out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** queryEscape is url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// --- call ----------------------------------------------------------------------------------------

/** invoke calls a GoFunc with already type-checked values and turns its result into an RV. */
export function invoke(fn: GoFunc, argv: RV[]): RV {
  const sig = fn.signature;
  const values = argv.map((v, i) => {
    const type = i < sig.params.length ? sig.params[i] : sig.variadic;
    return type === RV_ ? v : toGo(v);
  });
  const result = (fn.impl as (...a: unknown[]) => unknown)(...values);
  if (sig.result === RV_) return result as RV;
  if (sig.result === 'interface {}') return new Iface((result ?? null) as GoValue);
  return result === null ? undefined : (result as GoValue);
}

function call(name: string, fn: RV, ...args: RV[]): RV {
  fn = indirectInterface(fn);
  if (fn === undefined) throw new GoError('call of nil');
  if (!(fn instanceof GoFunc)) throw new GoError(`non-function ${name} of type ${rvType(fn)}`);
  const sig = fn.signature;
  const numIn = sig.params.length;
  if (sig.variadic !== undefined) {
    if (args.length < numIn)
      throw new GoError(`wrong number of args for ${name}: got ${args.length} want at least ${numIn}`);
  } else if (args.length !== numIn)
    throw new GoError(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  const argv = args.map((arg, i) => {
    const type = (i < numIn ? sig.params[i] : sig.variadic) as string;
    try {
      return prepareArg(indirectInterface(arg), type);
    } catch (e) {
      throw new GoError(`arg ${i}: ${(e as Error).message}`);
    }
  });
  return invoke(fn, argv);
}

const anyVariadic = { params: [], variadic: 'interface {}', result: 'string' };
const cmp2 = { params: [RV_, RV_], result: 'bool', returnsError: true };

/** BUILTINS are the predefined global functions. */
export const BUILTINS: Record<string, GoFunc> = {
  and: goFunc({ params: [RV_], variadic: RV_, result: RV_ }, (a: RV) => a, 'and'),
  or: goFunc({ params: [RV_], variadic: RV_, result: RV_ }, (a: RV) => a, 'or'),
  not: goFunc({ params: [RV_], result: 'bool' }, (a: RV) => !truth(a), 'not'),
  call: goFunc({ params: [RV_], variadic: RV_, result: RV_, returnsError: true }, call, 'call'),
  html: goFunc(anyVariadic, (...a: GoValue[]) => htmlEscape(evalArgs(a)), 'html'),
  js: goFunc(anyVariadic, (...a: GoValue[]) => jsEscape(evalArgs(a)), 'js'),
  urlquery: goFunc(anyVariadic, (...a: GoValue[]) => queryEscape(evalArgs(a)), 'urlquery'),
  index: goFunc({ params: [RV_], variadic: RV_, result: RV_, returnsError: true }, index, 'index'),
  slice: goFunc({ params: [RV_], variadic: RV_, result: RV_, returnsError: true }, slice, 'slice'),
  len: goFunc({ params: [RV_], result: 'int', returnsError: true }, length, 'len'),
  print: goFunc(anyVariadic, (...a: GoValue[]) => sprint(a), 'print'),
  printf: goFunc(
    { params: ['string'], variadic: 'interface {}', result: 'string' },
    (f: string, ...a: GoValue[]) => sprintf(f, a),
    'printf',
  ),
  println: goFunc(anyVariadic, (...a: GoValue[]) => sprintln(a), 'println'),
  eq: goFunc({ params: [RV_], variadic: RV_, result: 'bool', returnsError: true }, eq, 'eq'),
  ne: goFunc(cmp2, (a: RV, b: RV) => !eq(a, b), 'ne'),
  lt: goFunc(cmp2, lt, 'lt'),
  le: goFunc(cmp2, le, 'le'),
  gt: goFunc(cmp2, (a: RV, b: RV) => !le(a, b), 'gt'),
  ge: goFunc(cmp2, (a: RV, b: RV) => !lt(a, b), 'ge'),
};
