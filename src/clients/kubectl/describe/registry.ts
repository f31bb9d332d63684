import type { Describer } from './common.ts';

/**
 * The describer registry is describerMap in describe.go: a layout per group and kind. Kinds without one
 * (CRDs, Events, Leases …) fall back to the generic describer, as kubectl's GenericDescriberFor does, so
 * a custom resource named like a built-in kind still gets the generic layout.
 */
const DESCRIBERS = new Map<string, Describer>();

function key(group: string, kind: string): string {
  return `${group}/${kind}`;
}

/** registerDescriber adds a kind's layout; group is the API group ('' for the core group). */
export function registerDescriber(kind: string, describer: Describer, group = ''): void {
  DESCRIBERS.set(key(group, kind), describer);
}

/** describerFor finds the layout for an object's apiVersion and kind, if it has one. */
export function describerFor(apiVersion: string, kind: string): Describer | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return DESCRIBERS.get(key(group, kind));
}
