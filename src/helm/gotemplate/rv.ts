/**
 * RV models reflect.Value during execution: `undefined` is the invalid (zero) Value — a missing key
 * or untyped nil; an Iface is a value of static type interface {} (what map lookups and elements
 * of []interface {} give, and what Go names in errors such as `can't evaluate field x in type
 * interface {}`); anything else is a concrete value.
 */
import { GoFunc, GoInt, GoStruct, elemType, isIntType, isMap, typeName, type GoValue } from './value.ts';

export class Iface {
  constructor(readonly inner: GoValue) {}
}

export type RV = GoValue | Iface | undefined;

/** MISSING marks an absent final (piped) argument, Go's missingVal. */
export const MISSING: unique symbol = Symbol('missing');
export type Final = RV | typeof MISSING;

/** indirectInterface unwraps an interface value; nil becomes invalid. */
export function indirectInterface(v: RV): RV {
  if (v instanceof Iface) return v.inner === null ? undefined : v.inner;
  return v === null ? undefined : v;
}

/** indirect is Go's indirect: through interfaces, reporting a nil one. */
export function indirect(v: RV): { value: RV; isNil: boolean } {
  if (v instanceof Iface) return v.inner === null ? { value: v, isNil: true } : { value: v.inner, isNil: false };
  return { value: v === null ? undefined : v, isNil: false };
}

/** rvType is v.Type().String(); call only on valid values. */
export function rvType(v: RV): string {
  if (v instanceof Iface) return 'interface {}';
  if (v === undefined) return '<invalid reflect.Value>';
  return typeName(v);
}

/** toGo is v.Interface(): the Go value an interface {} parameter receives (nil for invalid). */
export function toGo(v: RV): GoValue {
  if (v instanceof Iface) return v.inner;
  return v === undefined ? null : v;
}

/** wrap is how a container hands out an element of static type elem. */
export function wrap(value: GoValue, elem: string): RV {
  if (elem === 'interface {}') return new Iface(value);
  return value === null ? undefined : value;
}

/** elementOf returns element i of a slice as reflect's Index would. */
export function elementOf(slice: GoValue[], i: number): RV {
  return wrap(slice[i] ?? null, elemType(slice));
}

/** zeroOf is reflect.Zero(type) for the types templates meet. */
export function zeroOf(type: string): RV {
  if (type === 'interface {}') return new Iface(null);
  if (type === 'reflect.Value') return undefined;
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'float64' || type === 'float32') return 0;
  if (isIntType(type)) return new GoInt(0n, type);
  return undefined;
}

export function canBeNil(type: string): boolean {
  return (
    type === 'interface {}' ||
    type === 'reflect.Value' ||
    type.startsWith('[]') ||
    type.startsWith('map[') ||
    type.startsWith('func') ||
    type.startsWith('*')
  );
}

/** assignable is Type.AssignableTo for our types: exact match, or anything to interface {}. */
export function assignable(v: RV, type: string): boolean {
  if (type === 'interface {}') return true;
  return rvType(v) === type;
}

/** isTrue is template.IsTrue: the truth of a value and whether it has one. */
export function isTrue(v: RV): { truth: boolean; ok: boolean } {
  if (v === undefined || v === null) return { truth: false, ok: true };
  if (v instanceof Iface) return { truth: v.inner !== null, ok: true };
  switch (typeof v) {
    case 'string':
      return { truth: v.length > 0, ok: true };
    case 'boolean':
      return { truth: v, ok: true };
    case 'number':
      return { truth: v !== 0, ok: true };
  }
  if (v instanceof GoInt) return { truth: v.value !== 0n, ok: true };
  if (Array.isArray(v)) return { truth: v.length > 0, ok: true };
  if (v instanceof GoStruct || v instanceof GoFunc) return { truth: true, ok: true };
  if (isMap(v)) return { truth: Object.keys(v).length > 0, ok: true };
  return { truth: false, ok: false };
}

/** truth is the builtins' view: isTrue after unwrapping an interface. */
export function truth(v: RV): boolean {
  return isTrue(indirectInterface(v)).truth;
}
