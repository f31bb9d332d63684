/**
 * kubectl -o yaml: the object goes through JSON and then sigs.k8s.io/yaml's JSONToYAML, i.e. go-yaml
 * v2 reads the JSON back (so integers stay integers and floats print with strconv's 'g') and marshals
 * it again: keys in go-yaml's natural order, strings quoted only when a plain scalar would read back
 * as something else, block literals for multi-line strings, and long lines folded at column 80.
 * The emitter below is a port of go-yaml v2's emitterc.go restricted to what its encoder emits.
 */
import { codePoints, compareGoStrings, formatFloatG, goMap, isGoMapObject, jsonNumber } from './json.ts';
import { underscoreOK } from '../../../helm/gotemplate/strconv.ts';

/**
 * YamlPrintError is the error kubectl reports when go-yaml cannot read the JSON back, e.g.
 * `yaml: control characters are not allowed` for a DEL or C1 character in a string. kubectl prints
 * `error: <message>` and exits 1 without output.
 */
export class YamlPrintError extends Error {}

export interface YamlOptions {
  /**
   * typed: the value is a typed object (see goMap in json.ts), whose JSON lists fields in struct
   * order; it only changes the line numbers in go-yaml's errors.
   */
  typed?: boolean;
}

/** toKubectlYaml is what `kubectl … -o yaml` prints for an object; it throws YamlPrintError like kubectl fails. */
export function toKubectlYaml(value: unknown, options: YamlOptions = {}): string {
  const readBack = new JsonReadBack(options.typed === true).value(value);
  const events: YamlEvent[] = [];
  toEvents(readBack, events);
  return new Emitter(events).run();
}

// ---- JSONToYAML's first half: go-yaml reading the JSON text ------------------------------------

const NEL = 0x85;

/** isReaderControl is what go-yaml's reader refuses ("control characters are not allowed"). */
function isReaderControl(c: number): boolean {
  return c === 0x7f || (c >= 0x80 && c <= 0x9f && c !== NEL) || c === 0xfffe || c === 0xffff;
}

/**
 * JsonReadBack applies what go-yaml's reader and double-quoted scanner do to JSON strings that
 * encoding/json leaves raw: control characters are refused, and a NEL (U+0085) is a line break,
 * folded like one (a lone break becomes a space, spaces around breaks are dropped). It walks the
 * JSON in order to count those breaks, which are the line numbers in go-yaml's errors.
 */
class JsonReadBack {
  private line = 1;

  /** keepOrder keeps struct order (typed objects), as KYAML prints keys in JSON order. */
  constructor(private readonly keepOrder = false) {}

  value(v: unknown): unknown {
    if (typeof v === 'string') return this.string(v);
    if (Array.isArray(v)) return v.map((item) => this.value(item === undefined ? null : item));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      const entries = Object.entries(v as Record<string, unknown>).filter(([, item]) => item !== undefined);
      const sorted = !this.keepOrder || isGoMapObject(v as object);
      if (sorted) entries.sort(([a], [b]) => compareGoStrings(a, b));
      for (const [key, item] of entries) {
        const k = this.string(key);
        out[k] = this.value(item);
      }
      return sorted && this.keepOrder ? goMap(out) : out;
    }
    return v;
  }

  private string(s: string): string {
    let simple = true;
    for (const ch of s) {
      const c = ch.codePointAt(0) as number;
      if (isReaderControl(c)) throw new YamlPrintError('yaml: control characters are not allowed');
      if (c === NEL || (c >= 0xd800 && c <= 0xdfff)) simple = false;
    }
    if (simple) return s;
    const cps = codePoints(s).map((c) => (c >= 0xd800 && c <= 0xdfff ? 0xfffd : c));
    let out = '';
    let i = 0;
    while (i < cps.length) {
      while (i < cps.length && cps[i] !== 0x20 && cps[i] !== NEL) out += String.fromCodePoint(cps[i++] as number);
      if (i >= cps.length) break;
      let whitespaces = '';
      let leadingBlanks = false;
      let trailingBreaks = '';
      while (i < cps.length && (cps[i] === 0x20 || cps[i] === NEL)) {
        if (cps[i] === 0x20) {
          if (!leadingBlanks) whitespaces += ' ';
        } else {
          this.line++;
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBlanks = true;
          } else trailingBreaks += '\n';
          const next = String.fromCodePoint(...cps.slice(i + 1, i + 4));
          const after = cps[i + 4];
          if ((next === '---' || next === '...') && (after === 0x20 || after === NEL)) {
            throw new YamlPrintError(`yaml: line ${this.line}: found unexpected document indicator`);
          }
        }
        i++;
      }
      out += leadingBlanks ? trailingBreaks || ' ' : whitespaces;
    }
    return out;
  }
}

// ---- encode.go: values to events --------------------------------------------------------------

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

type YamlEvent =
  | { type: 'mapping-start' }
  | { type: 'mapping-end' }
  | { type: 'sequence-start' }
  | { type: 'sequence-end' }
  | { type: 'scalar'; value: string; style: ScalarStyle };

function toEvents(value: unknown, events: YamlEvent[]): void {
  if (value === null || value === undefined) {
    events.push({ type: 'scalar', value: 'null', style: 'plain' });
  } else if (typeof value === 'boolean') {
    events.push({ type: 'scalar', value: value ? 'true' : 'false', style: 'plain' });
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    events.push({ type: 'scalar', value: yamlNumber(value), style: 'plain' });
  } else if (typeof value === 'string') {
    events.push({ type: 'scalar', value, style: stringStyle(value) });
  } else if (Array.isArray(value)) {
    events.push({ type: 'sequence-start' });
    for (const item of value) toEvents(item === undefined ? null : item, events);
    events.push({ type: 'sequence-end' });
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    events.push({ type: 'mapping-start' });
    for (const key of sortYamlKeys(Object.keys(record).filter((k) => record[k] !== undefined))) {
      events.push({ type: 'scalar', value: key, style: stringStyle(key) });
      toEvents(record[key], events);
    }
    events.push({ type: 'mapping-end' });
  } else {
    events.push({ type: 'scalar', value: 'null', style: 'plain' });
  }
}

/**
 * yamlNumber spells a number as JSONToYAML does: the JSON text is resolved again, so integers that
 * fit 64 bits print as integers and everything else as a float64 in strconv's 'g' format.
 */
function yamlNumber(value: number | bigint): string {
  const text = typeof value === 'bigint' ? value.toString() : jsonNumber(value);
  if (/^-?[0-9]+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(2n ** 63n) && n < 2n ** 64n) return n.toString();
  }
  return formatFloatG(Number(text));
}

/** stringStyle is encoder.stringv: literal for multi-line text, quoted when plain would change the type. */
function stringStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  const canUsePlain = !resolvesToNonString(s) && !isBase60Float(s);
  return canUsePlain ? 'plain' : 'double';
}

// ---- sorter.go: map key order -----------------------------------------------------------------

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * yamlKeyLess is go-yaml v2's keyList.Less for string keys (sorter.go): a "natural" order where
 * runs of digits compare as numbers and letters sort after other characters, so `a9` comes
 * before `a10` and `a_b` before `aB`.
 */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = codePoints(a);
  const br = codePoints(b);
  const isLetter = (r: number) => LETTER.test(String.fromCodePoint(r));
  const isDigit = (r: number) => DIGIT.test(String.fromCodePoint(r));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ai0 = ar[i] as number;
    const bi0 = br[i] as number;
    if (ai0 === bi0) continue;
    const al = isLetter(ai0);
    const bl = isLetter(bi0);
    if (al && bl) return ai0 < bi0;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ai0 === 48 || bi0 === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] as number); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    // int64 arithmetic wraps in Go; BigInt.asIntN keeps that behaviour for absurdly long digit runs.
    for (; ai < ar.length && isDigit(ar[ai] as number); ai++)
      an = BigInt.asIntN(64, an * 10n + BigInt((ar[ai] as number) - 48));
    for (; bi < br.length && isDigit(br[bi] as number); bi++)
      bn = BigInt.asIntN(64, bn * 10n + BigInt((br[bi] as number) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ai0 < bi0;
  }
  return ar.length < br.length;
}

/** sortYamlKeys sorts map keys the way go-yaml v2 marshals a map. */
export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

// ---- go-yaml v2 resolve.go: what a plain scalar would mean --------------------------------------

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]); // prettier-ignore

function resolveHint(c: string | undefined): string {
  if (c === undefined) return 'N';
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

type IntParse = 'ok' | 'range' | 'syntax';

/** parseUintBase0 is strconv.ParseUint(s, 0, 64) without underscores. */
function parseUintBase0(s: string): IntParse {
  if (s === '') return 'syntax';
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === 'b') [base, digits] = [2, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, digits] = [8, s.slice(2)];
    else if (s.length >= 3 && p === 'x') [base, digits] = [16, s.slice(2)];
    else [base, digits] = [8, s.slice(1)];
  }
  let n = 0n;
  for (const ch of digits) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base || !/[0-9a-zA-Z]/.test(ch)) return 'syntax';
    n = n * BigInt(base) + BigInt(d);
  }
  return n > 2n ** 64n - 1n ? 'range' : 'ok';
}

/** parseIntBase0 is strconv.ParseInt(s, 0, 64) without underscores. */
function parseIntBase0(s: string): IntParse {
  if (s === '') return 'syntax';
  let negative = false;
  let rest = s;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    rest = s.slice(1);
  }
  const u = parseUintBase0(rest);
  if (u !== 'ok') return u;
  const value = bigOf(rest);
  return value > (negative ? 2n ** 63n : 2n ** 63n - 1n) ? 'range' : 'ok';
}

function bigOf(unsigned: string): bigint {
  const p = unsigned[1]?.toLowerCase();
  if (unsigned[0] === '0' && unsigned.length >= 3 && (p === 'b' || p === 'o' || p === 'x'))
    return BigInt(`0${p}${unsigned.slice(2)}`);
  if (unsigned[0] === '0' && unsigned.length > 1) return BigInt(`0o${unsigned.slice(1)}`);
  return BigInt(unsigned);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** parseFloatOK is whether strconv.ParseFloat(s, 64) succeeds for a decimal literal starting with '.'. */
function parseDotFloatOK(s: string): boolean {
  if (s.includes('_') && !underscoreOK(s)) return false;
  const plain = s.replace(/_/g, '');
  if (!/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(plain)) return false;
  return Number.isFinite(Number(plain));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** isYamlTimestamp is go-yaml v2's parseTimestamp: the few layouts time.Parse accepts. */
export function isYamlTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const layouts: ((v: string) => boolean)[] = [
    (v) => parseLayout(v, 'T', true),
    (v) => parseLayout(v, 't', true),
    (v) => parseLayout(v, ' ', false),
    (v) => parseLayout(v, null, false),
  ];
  return layouts.some((layout) => layout(s));
}

/** parseLayout follows time.Parse over "2006-1-2<sep>15:4:5.999999999[Z07:00]". */
function parseLayout(value: string, separator: string | null, zone: boolean): boolean {
  let v = value;
  const getnum = (): number | undefined => {
    if (!/^[0-9]/.test(v)) return undefined;
    if (!/^[0-9]{2}/.test(v)) {
      const n = Number(v[0]);
      v = v.slice(1);
      return n;
    }
    const n = Number(v.slice(0, 2));
    v = v.slice(2);
    return n;
  };
  const literal = (text: string): boolean => {
    if (!v.startsWith(text)) return false;
    v = v.slice(text.length);
    return true;
  };
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  if (!literal('-')) return false;
  const month = getnum();
  if (month === undefined || month < 1 || month > 12) return false;
  if (!literal('-')) return false;
  const day = getnum();
  if (day === undefined) return false;
  if (separator !== null) {
    if (separator === ' ') {
      // time.Parse treats a space in the layout as any run of spaces (possibly none at the end).
      if (v.length > 0 && v[0] !== ' ') return false;
      v = v.replace(/^ +/, '');
    } else if (!literal(separator)) return false;
    const hour = getnum();
    if (hour === undefined || hour >= 24) return false;
    if (!literal(':')) return false;
    const minute = getnum();
    if (minute === undefined || minute >= 60) return false;
    if (!literal(':')) return false;
    const second = getnum();
    if (second === undefined || second >= 60) return false;
    if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && /[0-9]/.test(v[1] as string)) {
      v = v.slice(1).replace(/^[0-9]+/, '');
    }
    if (zone) {
      if (v.startsWith('Z')) v = v.slice(1);
      else {
        if (v.length < 6 || v[3] !== ':' || (v[0] !== '+' && v[0] !== '-')) return false;
        if (!/^[0-9]{2}$/.test(v.slice(1, 3)) || !/^[0-9]{2}$/.test(v.slice(4, 6))) return false;
        const hh = Number(v.slice(1, 3));
        const mm = Number(v.slice(4, 6));
        if (hh > 24 || mm > 60) return false;
        v = v.slice(6);
      }
    }
  }
  if (v.length > 0) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day >= 1 && day <= days;
}

/**
 * resolvesToNonString is go-yaml v2's resolve("", s) != !!str: the strings that would read back as
 * a bool, null, number or timestamp if printed plain, and so are double-quoted.
 */
export function resolvesToNonString(s: string): boolean {
  const hint = resolveHint(s[0]);
  if (hint === '') return false;
  if (RESOLVE_MAP.has(s)) return true;
  switch (hint) {
    case 'M':
      return false;
    case '.':
      return parseDotFloatOK(s);
    case 'D':
    case 'S': {
      if (isYamlTimestamp(s)) return true;
      const plain = s.replace(/_/g, '');
      if (parseIntBase0(plain) === 'ok') return true;
      const u = parseUintBase0(plain);
      if (u === 'ok') return true;
      if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
      if (plain.startsWith('0b')) {
        if (/^[01]+$/.test(plain.slice(2)) && BigInt(`0b${plain.slice(2)}`) < 2n ** 64n) return true;
      } else if (plain.startsWith('-0b')) {
        if (/^[01]+$/.test(plain.slice(3)) && BigInt(`0b${plain.slice(3)}`) <= 2n ** 63n) return true;
      }
      return u === 'range';
    }
    default:
      return false;
  }
}

/** isBase60Float matches YAML 1.1 sexagesimal numbers (`1:20`), which go-yaml still quotes. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0] as string;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

// ---- emitterc.go: events to text --------------------------------------------------------------

type EmitterState =
  | 'document-content'
  | 'document-end'
  | 'end'
  | 'flow-sequence-first-item'
  | 'flow-sequence-item'
  | 'flow-mapping-first-key'
  | 'flow-mapping-key'
  | 'flow-mapping-simple-value'
  | 'flow-mapping-value'
  | 'block-sequence-first-item'
  | 'block-sequence-item'
  | 'block-mapping-first-key'
  | 'block-mapping-key'
  | 'block-mapping-simple-value'
  | 'block-mapping-value';

/** ScalarAnalysis is yaml_emitter_analyze_scalar's verdict on which styles can carry a value. */
interface ScalarAnalysis {
  value: number[];
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  style: ScalarStyle;
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;

function isBreak(c: number | undefined): boolean {
  return c === 0x0d || c === LF || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlank(c: number | undefined): boolean {
  return c === SPACE || c === TAB;
}

/** isBlankz also counts the end of the value (Go reads a NUL there). */
function isBlankz(c: number | undefined): boolean {
  return c === undefined || c === 0 || isBlank(c) || isBreak(c);
}

/** isPrintable is go-yaml's is_printable: what may appear unescaped in a YAML stream. */
function isPrintable(c: number): boolean {
  return (
    c === LF || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** utf8Length is the byte length go-yaml measures simple keys by. */
function utf8Length(value: number[]): number {
  return value.reduce((n, c) => n + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4), 0);
}

class Emitter {
  private out = '';
  private head = 0;
  private state: EmitterState = 'document-content';
  private readonly states: EmitterState[] = [];
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private mappingContext = false;
  private simpleKeyContext = false;
  private scalar: ScalarAnalysis | undefined;

  constructor(private readonly events: YamlEvent[]) {}

  run(): string {
    // Stream and document start are implicit: no `---`, no directives.
    for (this.head = 0; this.head < this.events.length; this.head++) {
      const event = this.events[this.head] as YamlEvent;
      this.scalar = event.type === 'scalar' ? analyzeScalar(codePoints(event.value)) : undefined;
      this.dispatch(event);
    }
    // Document end (implicit): finish the last line.
    this.writeIndent();
    return this.out;
  }

  private dispatch(event: YamlEvent): void {
    switch (this.state) {
      case 'document-content':
        this.states.push('document-end');
        return this.emitNode(event, true, false, false, false);
      case 'flow-sequence-first-item':
        return this.emitFlowSequenceItem(event, true);
      case 'flow-sequence-item':
        return this.emitFlowSequenceItem(event, false);
      case 'flow-mapping-first-key':
        return this.emitFlowMappingKey(event, true);
      case 'flow-mapping-key':
        return this.emitFlowMappingKey(event, false);
      case 'flow-mapping-simple-value':
        return this.emitFlowMappingValue(event, true);
      case 'flow-mapping-value':
        return this.emitFlowMappingValue(event, false);
      case 'block-sequence-first-item':
        return this.emitBlockSequenceItem(event, true);
      case 'block-sequence-item':
        return this.emitBlockSequenceItem(event, false);
      case 'block-mapping-first-key':
        return this.emitBlockMappingKey(event, true);
      case 'block-mapping-key':
        return this.emitBlockMappingKey(event, false);
      case 'block-mapping-simple-value':
        return this.emitBlockMappingValue(event, true);
      case 'block-mapping-value':
        return this.emitBlockMappingValue(event, false);
      case 'document-end':
      case 'end':
        throw new Error('yaml: expected nothing after the document');
    }
  }

  private popState(): void {
    this.state = this.states.pop() ?? 'end';
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private emitFlowSequenceItem(event: YamlEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (event.type === 'sequence-end') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > BEST_WIDTH) this.writeIndent();
    this.states.push('flow-sequence-item');
    this.emitNode(event, false, true, false, false);
  }

  private emitFlowMappingKey(event: YamlEvent, first: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (event.type === 'mapping-end') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > BEST_WIDTH) this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('flow-mapping-simple-value');
      this.emitNode(event, false, false, true, true);
      return;
    }
    this.writeIndicator('?', true, false, false);
    this.states.push('flow-mapping-value');
    this.emitNode(event, false, false, true, false);
  }

  private emitFlowMappingValue(event: YamlEvent, simple: boolean): void {
    if (simple) this.writeIndicator(':', false, false, false);
    else {
      if (this.column > BEST_WIDTH) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push('flow-mapping-key');
    this.emitNode(event, false, false, true, false);
  }

  private emitBlockSequenceItem(event: YamlEvent, first: boolean): void {
    if (first) this.increaseIndent(false, this.mappingContext && !this.indention);
    if (event.type === 'sequence-end') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push('block-sequence-item');
    this.emitNode(event, false, true, false, false);
  }

  private emitBlockMappingKey(event: YamlEvent, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    if (event.type === 'mapping-end') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('block-mapping-simple-value');
      this.emitNode(event, false, false, true, true);
      return;
    }
    this.writeIndicator('?', true, false, true);
    this.states.push('block-mapping-value');
    this.emitNode(event, false, false, true, false);
  }

  private emitBlockMappingValue(event: YamlEvent, simple: boolean): void {
    if (simple) this.writeIndicator(':', false, false, false);
    else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.states.push('block-mapping-key');
    this.emitNode(event, false, false, true, false);
  }

  private emitNode(event: YamlEvent, _root: boolean, _sequence: boolean, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (event.type) {
      case 'scalar':
        return this.emitScalar(event);
      case 'sequence-start':
        this.state =
          this.flowLevel > 0 || this.checkEmpty('sequence-end')
            ? 'flow-sequence-first-item'
            : 'block-sequence-first-item';
        return;
      case 'mapping-start':
        this.state =
          this.flowLevel > 0 || this.checkEmpty('mapping-end') ? 'flow-mapping-first-key' : 'block-mapping-first-key';
        return;
      default:
        throw new Error(`yaml: expected SCALAR, SEQUENCE-START or MAPPING-START, got ${event.type}`);
    }
  }

  private checkEmpty(end: 'sequence-end' | 'mapping-end'): boolean {
    return this.events[this.head + 1]?.type === end;
  }

  /** checkSimpleKey: keys longer than 128 bytes or spanning lines need the explicit `? key` form. */
  private checkSimpleKey(): boolean {
    const event = this.events[this.head];
    switch (event?.type) {
      case 'scalar':
        if (!this.scalar || this.scalar.multiline) return false;
        return utf8Length(this.scalar.value) <= 128;
      case 'sequence-start':
        return this.checkEmpty('sequence-end');
      case 'mapping-start':
        return this.checkEmpty('mapping-end');
      default:
        return false;
    }
  }

  private emitScalar(event: YamlEvent & { type: 'scalar' }): void {
    const scalar = this.scalar as ScalarAnalysis;
    this.selectScalarStyle(event, scalar);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (scalar.style) {
      case 'plain':
        this.writePlainScalar(scalar.value, allowBreaks);
        break;
      case 'single':
        this.writeSingleQuotedScalar(scalar.value, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuotedScalar(scalar.value, allowBreaks);
        break;
      case 'literal':
        this.writeLiteralScalar(scalar.value);
        break;
    }
    this.popIndent();
    this.popState();
  }

  private selectScalarStyle(event: YamlEvent & { type: 'scalar' }, scalar: ScalarAnalysis): void {
    let style = event.style;
    if (this.simpleKeyContext && scalar.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !scalar.flowPlainAllowed) || (this.flowLevel === 0 && !scalar.blockPlainAllowed))
        style = 'single';
      if (scalar.value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !scalar.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!scalar.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = 'double';
    scalar.style = style;
  }

  // ---- writers ----

  /** put writes ASCII text; every character moves the column, as go-yaml counts them. */
  private put(text: string): void {
    this.out += text;
    this.column += text.length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private write(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  private writeBreak(c: number): void {
    if (c === LF) this.putBreak();
    else {
      this.write(c);
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of codePoints(indicator)) this.write(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlainScalar(value: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; i++) {
      const c = value[i] as number;
      if (c === SPACE) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && value[i + 1] !== SPACE) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === LF) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuotedScalar(value: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; i++) {
      const c = value[i] as number;
      if (c === SPACE) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i > 0 &&
          i < value.length - 1 &&
          value[i + 1] !== SPACE
        )
          this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === LF) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuotedScalar(value: number[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    // go-yaml's is_bom looks at the start of the value, whatever the position: a leading BOM
    // escapes every character.
    const bom = value[0] === 0xfeff;
    for (let i = 0; i < value.length; i++) {
      const c = value[i] as number;
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        this.put(doubleQuotedEscape(c));
        spaces = false;
      } else if (c === SPACE) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < value.length - 1) {
          this.writeIndent();
          if (value[i + 1] === SPACE) this.put('\\');
        } else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(value: number[]): void {
    if (value[0] === SPACE || isBreak(value[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = value.length - 1;
    if (value.length === 0 || !isBreak(value[last])) chomp = '-';
    else if (last === 0) chomp = '+';
    else if (isBreak(value[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteralScalar(value: number[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of value) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** doubleQuotedEscape is the text after the backslash for a character a double-quoted scalar escapes. */
function doubleQuotedEscape(c: number): string {
  switch (c) {
    case 0x00:
      return '0';
    case 0x07:
      return 'a';
    case 0x08:
      return 'b';
    case 0x09:
      return 't';
    case 0x0a:
      return 'n';
    case 0x0b:
      return 'v';
    case 0x0c:
      return 'f';
    case 0x0d:
      return 'r';
    case 0x1b:
      return 'e';
    case 0x22:
      return '"';
    case 0x5c:
      return '\\';
    case 0x85:
      return 'N';
    case 0xa0:
      return '_';
    case 0x2028:
      return 'L';
    case 0x2029:
      return 'P';
  }
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

/** analyzeScalar is yaml_emitter_analyze_scalar: which styles can represent the value faithfully. */
function analyzeScalar(value: number[]): ScalarAnalysis {
  const result: ScalarAnalysis = {
    value,
    multiline: false,
    flowPlainAllowed: false,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: false,
    style: 'plain',
  };
  if (value.length === 0) return result;

  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  const starts = (text: string) =>
    value.length >= 3 &&
    value[0] === text.charCodeAt(0) &&
    value[1] === text.charCodeAt(0) &&
    value[2] === text.charCodeAt(0);
  if (starts('-') || starts('.')) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as number;
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= value.length || isBlank(value[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    if (!isPrintable(c)) specialCharacters = true;
    if (c === SPACE) {
      if (i === 0) leadingSpace = true;
      if (i === value.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === value.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }

  result.multiline = lineBreaks;
  result.flowPlainAllowed = true;
  result.blockPlainAllowed = true;
  result.singleQuotedAllowed = true;
  result.blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}
