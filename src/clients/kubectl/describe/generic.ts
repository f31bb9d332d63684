import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, compareStrings, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { writeEvents } from './events.ts';

/**
 * describeGeneric is kubectl's genericDescriber for kinds without their own layout (CRDs, Events, Leases
 * …): name, namespace, labels and annotations, then every other field of the object as it came from the
 * API, keys sorted and turned into words by smartLabelFor (`apiVersion` → `API Version`).
 */
export async function describeGeneric(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  w.line(L0, `Name:\t${object.metadata.name ?? ''}`);
  w.line(L0, `Namespace:\t${object.metadata.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  printUnstructuredContent(w, 0, object as unknown as Record<string, unknown>, '', [
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ]);
  await writeEvents(w, ctx, object);
}

function indent(level: number): string {
  return '  '.repeat(level);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** goValue prints a decoded JSON value as Go's %v does: `<nil>`, `[a b]`, `map[k:v]`. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (isMap(value))
    return `map[${Object.keys(value)
      .sort(compareStrings)
      .map((k) => `${k}:${goValue(value[k])}`)
      .join(' ')}]`;
  if (typeof value === 'number') return goNumber(value);
  return String(value);
}

/** goNumber prints an unstructured number: int64 when whole, else Go's %v of a float64. */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  const text = String(n);
  const exp = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  if (exp) return `${exp[1]}e${exp[2]}${(exp[3] ?? '').padStart(2, '0')}`;
  if (Math.abs(n) >= 1e21 || (Math.abs(n) < 1e-4 && n !== 0))
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return text;
}

function printUnstructuredContent(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: string[],
): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (isMap(value)) {
      w.line(indent(level), `${smartLabelFor(field)}:`);
      printUnstructuredContent(w, level + 1, value, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.line(indent(level), `${smartLabelFor(field)}:`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, skipExpr, skip);
        else w.line(indent(level + 1), goValue(child));
      }
    } else w.line(indent(level), `${smartLabelFor(field)}:\t${goValue(value)}`);
  }
}

type RuneClass = 1 | 2 | 3 | 4;

function runeClass(r: string): RuneClass {
  if (/\p{Ll}/u.test(r)) return 1;
  if (/\p{Lu}/u.test(r)) return 2;
  if (/\p{Nd}/u.test(r)) return 3;
  return 4;
}

/** camelcaseSplit is github.com/fatih/camelcase.Split: `PDFLoader` → PDF, Loader; `podCIDRs` → pod, CID, Rs. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const c = runeClass(r);
    if (c === last && runs.length > 0) (runs[runs.length - 1] as string[]).push(r);
    else runs.push([r]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const current = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (runeClass(current[0] ?? '') === 2 && runeClass(next[0] ?? '') === 1) {
      next.unshift(current.pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/**
 * smartLabelFor turns a JSON field name into the label the generic describer prints: words split at case
 * changes, each title-cased (`podCIDRs` → `Pod Cid Rs`, as kubectl 1.35 prints it) except the acronyms
 * API, URL, UID, OSB and GUID; names with other characters than letters and `-` are kept as they are.
 */
export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field;
  const result: string[] = [];
  for (const part of camelcaseSplit(field)) {
    if (part === '_') continue;
    if (ACRONYMS.includes(part.toUpperCase())) result.push(part.toUpperCase());
    else result.push(part.charAt(0).toUpperCase() + part.slice(1).toLowerCase());
  }
  return result.join(' ');
}
