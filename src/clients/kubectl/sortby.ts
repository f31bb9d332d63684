import { parseQuantity } from '../../engine/index.ts';

/**
 * `--sort-by` as kubectl's sorter reads it (pkg/cmd/get/sorter.go): the field path relaxed to
 * `{.a.b}`, its first value per object, and isLess over those values — numbers as numbers, strings
 * as Kubernetes quantities when both are, else in natural order (fvbommel/sortorder).
 */
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

export function relaxedPath(path: string): string | undefined {
  const match = RELAXED.exec(path);
  if (!match) return undefined;
  return `{.${match[1] || match[2] || ''}}`;
}

type Segment = { key: string } | { index: number };

function segments(path: string): Segment[] {
  const inner = path.replace(/^\{\.?/, '').replace(/\}$/, '');
  const out: Segment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g;
  for (const m of inner.matchAll(pattern)) {
    if (m[2] !== undefined) out.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) out.push({ key: m[3] });
    else if (m[1] !== undefined) out.push({ key: m[1] });
  }
  return out;
}

/** fieldValue is the first value the path finds in an object, or undefined. */
export function fieldValue(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const segment of segments(path)) {
    if (value === null || value === undefined) return undefined;
    if ('index' in segment) value = Array.isArray(value) ? value[segment.index] : undefined;
    else
      value =
        typeof value === 'object' && !Array.isArray(value)
          ? (value as Record<string, unknown>)[segment.key]
          : undefined;
  }
  return value;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** naturalLess is sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a[i] as string;
    const c2 = b[j] as string;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const start1 = i;
    const start2 = j;
    while (i < a.length && isDigit(a[i] as string)) i++;
    while (j < b.length && isDigit(b[j] as string)) j++;
    if (i - start1 !== j - start2) return i - start1 < j - start2;
    const n1 = a.slice(start1, i);
    const n2 = b.slice(start2, j);
    if (n1 !== n2) return n1 < n2;
    if (start1 !== start2) return start1 < start2;
  }
  return a.length < b.length;
}

/** isLess compares two sort values as kubectl's sorter does. */
export function isLess(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b !== undefined && b !== null;
  if (b === undefined || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!isLess(a[i], b[i])) return false;
    return true;
  }
  return false;
}
