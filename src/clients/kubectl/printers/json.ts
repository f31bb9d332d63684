/**
 * kubectl -o json: Go's json.MarshalIndent with four spaces and a final newline, HTML-safe string
 * escaping, map keys in byte order. Also the Go spellings of numbers and strings that the yaml and
 * jsonpath printers share, since kubectl reaches both through encoding/json.
 */

const GO_MAP = Symbol('goMap');

/**
 * goMap marks an object built by a typed generator (e.g. a Deployment from `kubectl create`) as a Go
 * map rather than a struct. kubectl prints typed objects with struct fields in declaration order
 * but map keys sorted, so `toKubectlJson(value, { typed: true })` keeps insertion order only for
 * unmarked objects. The mark is a hidden symbol and never reaches the wire.
 */
export function goMap<T extends object>(record: T): T {
  Object.defineProperty(record, GO_MAP, { value: true, enumerable: false });
  return record;
}

/** isGoMapObject tells whether goMap() marked an object. */
export function isGoMapObject(value: object): boolean {
  return (value as { [GO_MAP]?: boolean })[GO_MAP] === true;
}

export interface JsonOptions {
  /** typed prints plain objects in insertion order (struct fields) and goMap() objects sorted. */
  typed?: boolean;
  /** compact is json.Marshal (no indentation), as the last-applied annotation stores objects. */
  compact?: boolean;
}

/** toKubectlJson is what `kubectl … -o json` prints for an object, with its final newline. */
export function toKubectlJson(value: unknown, options: JsonOptions = {}): string {
  return `${marshalGoJson(value, { indent: options.compact ? '' : '    ', typed: options.typed === true })}\n`;
}

/** marshalGoJson is json.Marshal (indent '') or json.MarshalIndent(v, "", indent). */
export function marshalGoJson(value: unknown, options: { indent?: string; typed?: boolean } = {}): string {
  const indent = options.indent ?? '';
  const typed = options.typed === true;
  const write = (v: unknown, prefix: string): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return quoteGoJson(v);
    if (typeof v === 'number') return jsonNumber(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'bigint') return v.toString();
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (indent === '') return `[${v.map((item) => write(item, prefix)).join(',')}]`;
      const inner = prefix + indent;
      return `[\n${v.map((item) => inner + write(item, inner)).join(',\n')}\n${prefix}]`;
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, item]) => item !== undefined);
      if (!typed || isGoMapObject(v)) entries.sort(([a], [b]) => compareGoStrings(a, b));
      if (entries.length === 0) return '{}';
      if (indent === '') return `{${entries.map(([k, item]) => `${quoteGoJson(k)}:${write(item, prefix)}`).join(',')}}`;
      const inner = prefix + indent;
      return `{\n${entries.map(([k, item]) => `${inner}${quoteGoJson(k)}: ${write(item, inner)}`).join(',\n')}\n${prefix}}`;
    }
    return 'null';
  };
  return write(value, '');
}

const HEX = '0123456789abcdef';

/** quoteGoJson is encoding/json's string encoder with HTML escaping on (its default). */
export function quoteGoJson(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26) {
        out += ch;
        continue;
      }
      switch (c) {
        case 0x22:
          out += '\\"';
          break;
        case 0x5c:
          out += '\\\\';
          break;
        case 0x08:
          out += '\\b';
          break;
        case 0x0c:
          out += '\\f';
          break;
        case 0x0a:
          out += '\\n';
          break;
        case 0x0d:
          out += '\\r';
          break;
        case 0x09:
          out += '\\t';
          break;
        default:
          out += `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * jsonNumber is how Go's encoding/json spells a float64: the shortest round-trip digits, with an
 * exponent only below 1e-6 or from 1e21 — the same rules as JavaScript's Number#toString.
 */
export function jsonNumber(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

/** formatFloatG is strconv.FormatFloat(x, 'g', -1, 64), which fmt's %v and go-yaml use for float64. */
export function formatFloatG(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  // With the shortest precision, 'g' switches to %e when the exponent is < -4 or >= 6.
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp);
    return `${sign}${digits[0] ?? ''}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** codePoints splits a string into runes, as Go ranges over a string. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/** compareGoStrings orders strings as Go's `<` does: UTF-8 bytes, i.e. code points. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ac = codePoints(a);
  const bc = codePoints(b);
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    if (ac[i] !== bc[i]) return (ac[i] as number) - (bc[i] as number);
  }
  return ac.length - bc.length;
}
