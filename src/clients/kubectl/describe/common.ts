import { humanDuration, type ClusterClient, type KubeObject } from '../../../engine/index.ts';
import { goSort } from '../gosort.ts';

/**
 * Shared pieces of `kubectl describe` (k8s.io/kubectl/pkg/describe/describe.go): the prefix writer's
 * levels, RFC 1123 times, the multi-line label, annotation, taint and toleration lists, and the small
 * formatters (label sets, selectors, booleans) every describer uses, so each kind's file reads like
 * its Go original.
 */
export const L0 = '';
export const L1 = '  ';
export const L2 = '    ';
export const L3 = '      ';
export const L4 = '        ';

/** DescribeContext is what a describer may use beyond the object: the cluster, the time and the flags. */
export interface DescribeContext {
  client: ClusterClient;
  now: number;
  showEvents: boolean;
}

/** Describer writes one object's description; the ones that list related objects are async. */
export type Describer = (object: KubeObject, w: DescribeWriter, ctx: DescribeContext) => void | Promise<void>;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * rfc1123z formats like Go's time.RFC1123Z in UTC: `Mon, 05 Jan 2026 09:05:12 +0000`. A missing time is
 * Go's zero time, which is what kubectl prints for an unset metav1.Time.
 */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/**
 * goTimeString is metav1.Time printed with `%s` (Go's time.Time.String): `2026-01-05 09:05:12 +0000 UTC`,
 * as the NetworkPolicy describer's "Created on" line shows it.
 */
export function goTimeString(timestamp: string | null | undefined): string {
  const iso = new Date(timestamp || '0001-01-01T00:00:00Z').toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/**
 * escapeTerminal is cli-runtime's printers.EscapeTerminal, applied by kubectl's prefix writer to everything
 * it writes, so an object can't move the learner's cursor.
 */
function escapeTerminal(text: string): string {
  return text.split('\u001b').join('^[').split('\r').join('\\r');
}

/** DescribeWriter is kubectl's prefixWriter: text at an indentation level, tab-separated cells for the tabwriter. */
export class DescribeWriter {
  text = '';
  /** line writes `level` + `text` and a newline. */
  line(level: string, text: string): void {
    this.text += escapeTerminal(`${level}${text}\n`);
  }
  /** write writes `level` + `text` with no newline, like w.Write with a format that does not end in \n. */
  write(level: string, text: string): void {
    this.text += escapeTerminal(`${level}${text}`);
  }
  /** writeLine is PrefixWriter.WriteLine: the text and a newline, at no level. */
  writeLine(text: string): void {
    this.text += escapeTerminal(`${text}\n`);
  }
}

/**
 * NestedDescribeWriter is NewNestedPrefixWriter: every write, even a bare WriteLine, gets the extra
 * indentation, which is how an ephemeral volume's claim template ends up nested under the volume.
 */
export class NestedDescribeWriter extends DescribeWriter {
  constructor(
    private readonly parent: DescribeWriter,
    private readonly indent: string,
  ) {
    super();
  }
  override line(level: string, text: string): void {
    this.parent.line(this.indent + level, text);
  }
  override write(level: string, text: string): void {
    this.parent.write(this.indent + level, text);
  }
  override writeLine(text: string): void {
    this.parent.write(this.indent, `${text}\n`);
  }
}

/** byteLength is Go's len() of a string: its UTF-8 bytes. */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function sortedKeys(map: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(map ?? {}).sort(compareStrings);
}

/** compareStrings orders like Go's sort.Strings (byte order), not localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * printLabelsMultiline is printLabelsMultilineWithIndent: the first `key=value` after the title, the rest
 * under it, `<none>` when empty.
 */
export function printLabelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined | null,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(L0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(L0, initialIndent);
      w.write(L0, innerIndent);
    }
    w.line(L0, `${key}=${(labels as Record<string, string>)[key] ?? ''}`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function shorten(text: string, max: number): string {
  return byteLength(text) > max ? `${text.slice(0, max)}...` : text;
}

/**
 * printAnnotationsMultiline prints `key: value` (annotations use a colon, labels an equals sign); long or
 * multi-line values go on their own indented lines, cut at 140 characters.
 */
export function printAnnotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined | null,
): void {
  w.write(L0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(L0, indent);
    const value = ((annotations as Record<string, string>)[key] ?? '').replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.line(L0, `${key}:`);
      for (const s of value.split('\n')) w.line(L0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}`);
    } else w.line(L0, `${key}: ${value}`);
  });
}

interface TolerationLike {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

/** printTolerationsMultiline lists tolerations sorted by key: `key=value:Effect op=Exists for 300s`. */
export function printTolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: readonly TolerationLike[] | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(L0, `${initialIndent}${title}:${innerIndent}`);
  const list = goSort([...(tolerations ?? [])], (a, b) => (a.key ?? '') < (b.key ?? ''));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(L0, initialIndent);
      w.write(L0, innerIndent);
    }
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.line(L0, text);
  });
}

interface TaintLike {
  key?: string;
  value?: string;
  effect?: string;
}

/** taintText is Taint.ToString: `key=value:Effect`, or `key:Effect` without a value. */
export function taintText(t: TaintLike): string {
  return t.value ? `${t.key ?? ''}=${t.value}:${t.effect ?? ''}` : `${t.key ?? ''}:${t.effect ?? ''}`;
}

/** printTaintsMultiline lists a node's taints sorted by effect, then key. */
export function printTaintsMultiline(w: DescribeWriter, title: string, taints: readonly TaintLike[] | undefined): void {
  w.write(L0, `${title}:\t`);
  const list = goSort(
    [...(taints ?? [])],
    (a, b) => `${a.effect ?? ''},${a.key ?? ''}` < `${b.effect ?? ''},${b.key ?? ''}`,
  );
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(L0, '');
      w.write(L0, '\t');
    }
    w.line(L0, taintText(t));
  });
}

/** stableSort returns a sorted copy, as Go's sort.Stable and sort.Strings (where ties are identical) do. */
export function stableSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** formatLabels is labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(map: Record<string, string> | undefined | null): string {
  const keys = sortedKeys(map);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(map as Record<string, string>)[k] ?? ''}`).join(',');
}

interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * selectorString is metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key, `k=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k`, `!k`; empty for a nil or empty selector.
 */
export function selectorString(selector: LabelSelectorLike | undefined | null): string {
  if (!selector) return '';
  const requirements: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    requirements.push({ key, text: `${key}=${value}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(compareStrings).join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : e.operator === 'DoesNotExist'
              ? `!${e.key}`
              : `${e.key} ${e.operator.toLowerCase()} (${values})`;
    requirements.push({ key: e.key, text });
  }
  return stableSort(requirements, (a, b) => compareStrings(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** formatLabelSelector is metav1.FormatLabelSelector: the selector string, `<none>` when it is empty. */
export function formatLabelSelector(selector: LabelSelectorLike | undefined | null): string {
  return selectorString(selector) || '<none>';
}

/** printBool is describe.go's printBool: `True` / `False`. */
export function printBool(value: boolean | undefined | null): string {
  return value ? 'True' : 'False';
}

/** printBoolPtr is describe.go's printBoolPtr: `<unset>` for a missing field. */
export function printBoolPtr(value: boolean | undefined | null): string {
  return value === undefined || value === null ? '<unset>' : printBool(value);
}

/** goBool is a Go bool printed with %v or %t. */
export function goBool(value: boolean | undefined | null): string {
  return value ? 'true' : 'false';
}

/** stringOrNone is describe.go's stringOrNone. */
export function stringOrNone(text: string | undefined | null): string {
  return text ? text : '<none>';
}

/** goStringList is a Go []string printed with %v: `[a b c]`. */
export function goStringList(list: readonly string[] | undefined | null): string {
  return `[${(list ?? []).join(' ')}]`;
}

/** intOrString is intstr.IntOrString.String(). */
export function intOrString(value: number | string | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

/** controllerOf is describe.go's printController: `Kind/name` of the managing owner, or empty. */
export function controllerOf(object: KubeObject): string {
  const ref = (object.metadata.ownerReferences ?? []).find((o) => o.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** since is translateTimestampSince: HumanDuration from the time to now, `<unknown>` when unset. */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}
