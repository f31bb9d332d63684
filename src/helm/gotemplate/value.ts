/**
 * The Go value model the template engine works on. Templates care about Go's static types: JSON data
 * gives float64 (a JS number), while `len`, range indices and integer literals give int, and Helm's
 * --set gives int64 — so integers are a GoInt with their Go type name, and `eq 1 .floatField` can fail
 * like Go's does. Slices are JS arrays ([]interface {} unless typedSlice gave them an element type),
 * maps are plain objects (map[string]interface {} unless typedMap said otherwise), structs and funcs
 * are classes. `null` is the nil interface.
 */

export type IntType =
  'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr';

/** GoInt is a Go integer of a named integer type; value always lies within that type's range. */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly type: IntType = 'int',
  ) {}
  get unsigned(): boolean {
    return this.type.startsWith('u');
  }
  toString(): string {
    return this.value.toString();
  }
}

/** GoStruct is a struct value: ordered exported fields and methods callable from templates (.Files.Get). */
export class GoStruct {
  constructor(
    readonly type: string,
    readonly fields: Record<string, GoValue>,
    readonly methods: Record<string, GoFunc> = {},
  ) {}
}

/**
 * Signature is a Go function type as templates see it: parameter types (Go spellings), an optional
 * variadic element type, the result type and whether a second `error` result exists. `reflect.Value`
 * parameters receive the template's raw value (builtins use them); others are converted Go values.
 */
export interface Signature {
  params: string[];
  variadic?: string;
  result: string;
  returnsError?: boolean;
}

/** GoError is what a function throws for its `error` result: execution stops with `error calling NAME: …`. */
export class GoError extends Error {}

/** GoFunc is a function value (a FuncMap entry, a method, or a func-typed field usable with `call`). */
export class GoFunc {
  constructor(
    readonly signature: Signature,
    readonly impl: (...args: never[]) => unknown,
    readonly name = 'func',
  ) {}
  get type(): string {
    const params = [...this.signature.params];
    if (this.signature.variadic !== undefined) params.push(`...${this.signature.variadic}`);
    const result = this.signature.returnsError ? `(${this.signature.result}, error)` : this.signature.result;
    return `func(${params.join(', ')}) ${result}`;
  }
}

export type GoMap = { [key: string]: GoValue };
export type GoValue = null | string | boolean | number | GoInt | GoStruct | GoFunc | GoValue[] | GoMap;

const containerTypes = new WeakMap<object, string>();

/** typedSlice marks an array as []ELEM (e.g. []string) instead of []interface {}. */
export function typedSlice<T extends GoValue[]>(items: T, elem: string): T {
  containerTypes.set(items, elem);
  return items;
}

/** typedMap marks an object as map[string]ELEM instead of map[string]interface {}. */
export function typedMap<T extends GoMap>(map: T, elem: string): T {
  containerTypes.set(map, elem);
  return map;
}

/** elemType is the static element type of a slice or map. */
export function elemType(container: GoValue[] | GoMap): string {
  return containerTypes.get(container) ?? 'interface {}';
}

export const int = (n: number | bigint): GoInt => new GoInt(BigInt(n), 'int');
export const int64 = (n: number | bigint): GoInt => new GoInt(BigInt(n), 'int64');

export function isMap(v: unknown): v is GoMap {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export type Kind =
  'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func' | 'interface';

/** kindOf is reflect.Kind, folded: all signed ints are 'int', unsigned 'uint'. */
export function kindOf(v: GoValue): Kind {
  if (v === null) return 'interface';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float';
  }
  if (v instanceof GoInt) return v.unsigned ? 'uint' : 'int';
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoStruct) return 'struct';
  if (v instanceof GoFunc) return 'func';
  return 'map';
}

/** typeName is the Go spelling of a value's dynamic type, as %T prints it. */
export function typeName(v: GoValue): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (Array.isArray(v)) return `[]${elemType(v)}`;
  if (v instanceof GoStruct) return v.type;
  if (v instanceof GoFunc) return v.type;
  return `map[string]${elemType(v)}`;
}

/** sortedKeys orders map keys as fmt and range do (fmtsort: strings by byte order). */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareGoStrings);
}

/** compareGoStrings compares by UTF-8 bytes, which equals code point order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** utf8Length is len(s) in Go: the number of UTF-8 bytes. */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

const INT_BITS: Record<IntType, number> = {
  int: 64,
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
  uintptr: 64,
};

/** intFits says whether n is representable in the integer type. */
export function intFits(n: bigint, type: IntType): boolean {
  const bits = BigInt(INT_BITS[type]);
  if (type.startsWith('u')) return n >= 0n && n < 1n << bits;
  return n >= -(1n << (bits - 1n)) && n < 1n << (bits - 1n);
}

export function isIntType(t: string): t is IntType {
  return t in INT_BITS;
}

/**
 * fromJSON turns decoded JSON into Go values. encoding/json gives float64 for every number (the
 * default); k8s.io/apimachinery's util/json, which kubectl's go-template printer uses, gives int64
 * for integral numbers (pass 'int64').
 */
export function fromJSON(value: unknown, integers: 'float64' | 'int64' = 'float64'): GoValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (integers === 'int64' && Number.isInteger(value) && Math.abs(value) < 2 ** 63) return int64(value);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => fromJSON(v, integers));
  if (typeof value === 'object') {
    const out: GoMap = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (v !== undefined) out[k] = fromJSON(v, integers);
    return out;
  }
  return null;
}
