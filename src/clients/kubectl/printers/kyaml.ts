/**
 * kubectl -o kyaml: sigs.k8s.io/yaml/kyaml (v1.6.0, as kubectl 1.35 vendors it). The printer calls
 * Encoder.FromObject: json.Marshal of the object (typed objects list struct fields in declaration
 * order and map keys sorted, unstructured ones sort every key), go-yaml v3 reads that JSON back as
 * YAML, and the node tree is rendered as KYAML: a `---` header, `{}` maps with one `key: value,` per
 * line, `[]` lists (lists of maps or lists "cuddled" as `[{ … }, { … }]`), every string value
 * double-quoted, keys bare unless YAML could read them as something else, and strings with newlines
 * folded over lines with `\` continuations. Scalars other than strings print as their JSON text.
 */
import { codePoints, marshalGoJson } from './json.ts';
import { isYamlTimestamp, YamlPrintError } from './yaml.ts';

export interface KyamlOptions {
  /** typed: the value is a typed object (struct order, goMap() maps sorted), as for toKubectlJson. */
  typed?: boolean;
}

/**
 * printKyaml is what `kubectl … -o kyaml` prints for one object: `---`, the document, a newline.
 * It throws YamlPrintError (message `error decoding: yaml: …`) where go-yaml v3 refuses the JSON,
 * e.g. for a DEL or C1 control character in a string; kubectl prints `error: <message>`, exit 1.
 */
export function printKyaml(value: unknown, options: KyamlOptions = {}): string {
  return kyamlFromJson(marshalGoJson(value, { typed: options.typed === true }));
}

/** kyamlFromJson is Encoder.FromYAML over one JSON document (what json.Marshal wrote). */
export function kyamlFromJson(json: string): string {
  const root = new JsonAsYaml(json).document();
  return `---\n${renderNode(root, 0)}\n`;
}

// ---- go-yaml v3 reading the JSON -------------------------------------------------------------

type KyNode =
  | { kind: 'map'; entries: [string, KyNode][] }
  | { kind: 'seq'; items: KyNode[] }
  | { kind: 'str'; value: string }
  | { kind: 'plain'; value: string };

const NEL = 0x85;

/** readerRefuses is go-yaml v3's reader check ("control characters are not allowed"). */
function readerRefuses(c: number): boolean {
  if (c === 0x09 || c === 0x0a || c === 0x0d || c === NEL) return false;
  if (c >= 0x20 && c <= 0x7e) return false;
  if (c >= 0xa0 && c <= 0xd7ff) return false;
  if (c >= 0xe000 && c <= 0xfffd) return false;
  return c < 0x10000 || c > 0x10ffff;
}

function isBreak(c: number | undefined): boolean {
  return c === 0x0a || c === 0x0d || c === NEL || c === 0x2028 || c === 0x2029;
}

function isBlankz(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x09 || isBreak(c);
}

const decodeError = (message: string) => new YamlPrintError(`error decoding: yaml: ${message}`);

/**
 * JsonAsYaml parses JSON text the way go-yaml v3 scans it: strings are double-quoted scalars, so a
 * raw NEL in one is a line break that folds (to a space, or to newlines when several follow), and
 * `---`/`...` right after such a break ends the document with an error naming a line.
 */
class JsonAsYaml {
  private readonly cps: number[];
  private pos = 0;
  private line = 0;
  private column = 0;

  constructor(text: string) {
    this.cps = codePoints(text);
    if (this.cps.some(readerRefuses)) throw decodeError('control characters are not allowed');
  }

  document(): KyNode {
    this.skipSpace();
    const node = this.value();
    this.skipSpace();
    if (this.pos < this.cps.length) throw decodeError('did not find expected <document start>');
    return node;
  }

  private peek(offset = 0): number | undefined {
    return this.cps[this.pos + offset];
  }

  /** advance moves past one character, counting lines as go-yaml's marks do. */
  private advance(): number {
    const c = this.cps[this.pos++] as number;
    if (c === 0x0d && this.peek() === 0x0a) {
      this.pos++;
      this.line++;
      this.column = 0;
    } else if (isBreak(c)) {
      this.line++;
      this.column = 0;
    } else this.column++;
    return c;
  }

  private skipSpace(): void {
    while (this.pos < this.cps.length && (this.peek() === 0x20 || this.peek() === 0x09 || isBreak(this.peek())))
      this.advance();
  }

  private value(): KyNode {
    const c = this.peek();
    if (c === 0x7b) return this.mapping();
    if (c === 0x5b) return this.sequence();
    if (c === 0x22) return { kind: 'str', value: this.quoted() };
    let text = '';
    while (
      this.pos < this.cps.length &&
      !isBlankz(this.peek()) &&
      !',]}:'.includes(String.fromCodePoint(this.peek() as number))
    )
      text += String.fromCodePoint(this.advance());
    if (text === '') throw decodeError('did not find expected node content');
    // A number go-yaml cannot hold as a float (e.g. 1e400) resolves to a string and is quoted.
    const number = /^-?[0-9]/.test(text);
    return number && !Number.isFinite(Number(text)) ? { kind: 'str', value: text } : { kind: 'plain', value: text };
  }

  private mapping(): KyNode {
    this.advance();
    const entries: [string, KyNode][] = [];
    this.skipSpace();
    if (this.peek() === 0x7d) {
      this.advance();
      return { kind: 'map', entries };
    }
    for (;;) {
      this.skipSpace();
      const key = this.quoted();
      this.skipSpace();
      if (this.advance() !== 0x3a) throw decodeError("did not find expected ':'");
      this.skipSpace();
      entries.push([key, this.value()]);
      this.skipSpace();
      const next = this.advance();
      if (next === 0x7d) return { kind: 'map', entries };
      if (next !== 0x2c) throw decodeError("did not find expected ',' or '}'");
    }
  }

  private sequence(): KyNode {
    this.advance();
    const items: KyNode[] = [];
    this.skipSpace();
    if (this.peek() === 0x5d) {
      this.advance();
      return { kind: 'seq', items };
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value());
      this.skipSpace();
      const next = this.advance();
      if (next === 0x5d) return { kind: 'seq', items };
      if (next !== 0x2c) throw decodeError("did not find expected ',' or ']'");
    }
  }

  /** quoted is yaml_parser_scan_flow_scalar for a double-quoted scalar, JSON escapes included. */
  private quoted(): string {
    const startLine = this.line;
    if (this.advance() !== 0x22) throw decodeError('did not find expected key');
    let out = '';
    for (;;) {
      const at = (i: number) => this.peek(i);
      if (this.column === 0 && this.atDocumentIndicator()) {
        // go-yaml names the scalar's line when it is not the first, else the line of the problem.
        throw decodeError(`line ${(startLine !== 0 ? startLine : this.line) + 1}: found unexpected document indicator`);
      }
      if (at(0) === undefined) throw decodeError('found unexpected end of stream');
      while (!isBlankz(at(0))) {
        const c = at(0) as number;
        if (c === 0x22) break;
        if (c === 0x5c) {
          out += this.escape();
          continue;
        }
        out += String.fromCodePoint(this.advance());
      }
      if (at(0) === 0x22) {
        this.advance();
        return out;
      }
      let whitespaces = '';
      let leadingBreak = '';
      let trailingBreaks = '';
      let leadingBlanks = false;
      while (at(0) === 0x20 || at(0) === 0x09 || isBreak(at(0))) {
        if (!isBreak(at(0))) {
          const c = this.advance();
          if (!leadingBlanks) whitespaces += String.fromCodePoint(c);
        } else {
          const c = this.advance();
          // read_line turns CR, LF, CRLF and NEL into '\n' and keeps LS and PS.
          const brk = c === 0x2028 || c === 0x2029 ? String.fromCodePoint(c) : '\n';
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = brk;
            leadingBlanks = true;
          } else trailingBreaks += brk;
        }
      }
      if (leadingBlanks) {
        if (leadingBreak === '\n') out += trailingBreaks === '' ? ' ' : trailingBreaks;
        else out += leadingBreak + trailingBreaks;
      } else out += whitespaces;
    }
  }

  private atDocumentIndicator(): boolean {
    const [a, b, c] = [this.peek(), this.peek(1), this.peek(2)];
    const dashes = a === 0x2d && b === 0x2d && c === 0x2d;
    const dots = a === 0x2e && b === 0x2e && c === 0x2e;
    return (dashes || dots) && isBlankz(this.peek(3));
  }

  private escape(): string {
    this.advance();
    const c = this.advance();
    const simple: Record<number, string> = {
      0x22: '"',
      0x5c: '\\',
      0x2f: '/',
      0x62: '\b',
      0x66: '\f',
      0x6e: '\n',
      0x72: '\r',
      0x74: '\t',
    };
    const known = simple[c];
    if (known !== undefined) return known;
    if (c === 0x75) {
      let hex = '';
      for (let i = 0; i < 4; i++) hex += String.fromCodePoint(this.advance());
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw decodeError('did not find expected hexdecimal number');
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) throw decodeError('found invalid Unicode character escape code');
      return String.fromCodePoint(code);
    }
    throw decodeError('found unknown escape character');
  }
}

// ---- kyaml.go: rendering ----------------------------------------------------------------------

function indentOf(level: number): string {
  return '  '.repeat(level);
}

function renderNode(node: KyNode, indent: number): string {
  switch (node.kind) {
    case 'plain':
      return node.value;
    case 'str':
      return renderString(node.value, indent + 1, false, false);
    case 'seq': {
      if (node.items.length === 0) return '[]';
      // Lists whose items are all maps or lists are cuddled: `[{`, `}, {`, `}]`.
      if (node.items.every((item) => item.kind === 'map' || item.kind === 'seq'))
        return `[${node.items.map((item) => renderNode(item, indent)).join(', ')}]`;
      const pad = indentOf(indent);
      return `[\n${node.items.map((item) => `${pad}  ${renderNode(item, indent + 1)},\n`).join('')}${pad}]`;
    }
    case 'map': {
      if (node.entries.length === 0) return '{}';
      const inner = indentOf(indent + 1);
      const lines = node.entries.map(
        ([key, value]) => `${inner}${renderString(key, indent + 1, true, true)}: ${renderNode(value, indent + 1)},\n`,
      );
      return `{\n${lines.join('')}${indentOf(indent)}}`;
    }
  }
}

const FOLD = '\\\n';

/** GO_SPACE is unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === NEL ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** GO_PRINTABLE is unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const NAMED_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
  0x00: '\\0',
  0x1b: '\\e',
  [NEL]: '\\N',
  0xa0: '\\_',
  0x2028: '\\L',
  0x2029: '\\P',
};

/**
 * renderString is kyaml's renderString. lazy (keys) leaves strings bare when YAML reads them as
 * strings anyway; compact (keys) keeps newlines and tabs as `\n`/`\t` on one line. Otherwise a
 * string with a newline opens with `"\`, puts each line on its own line at the value's indent plus
 * one (a `\` instead of the extra space when the line starts with whitespace, so it survives the
 * fold), ends lines with `\n\`, and closes on a line of its own; tabs are written as they are.
 */
export function renderString(value: string, indent: number, lazy: boolean, compact: boolean): string {
  const multi = value.includes('\n');
  if (!multi && lazy && !needsQuotes(value)) return value;
  const pad = indentOf(indent);
  let buf = '"';
  if (multi && !compact) buf += FOLD;
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    if (buf.endsWith('\n')) buf += pad + (isGoSpace(c) && c !== 0x0a ? '\\' : ' ');
    if (c === 0x0a) buf += compact ? '\\n' : `\\n${FOLD}`;
    else if (c === 0x09) buf += compact ? '\\t' : '\t';
    else if (c === 0x22 || c === 0x5c) buf += `\\${ch}`;
    else if (GO_PRINTABLE.test(ch)) buf += ch;
    else if (NAMED_ESCAPES[c] !== undefined) buf += NAMED_ESCAPES[c];
    else if (c < 0x20 || c === 0x7f) buf += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) buf += '\\ufffd';
    else if (c < 0x10000) buf += `\\u${c.toString(16).padStart(4, '0')}`;
    else buf += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  if (multi && !compact) {
    if (!buf.endsWith('\n')) buf += FOLD;
    buf += pad;
  }
  return `${buf}"`;
}

/** needsQuotes is kyaml's needsQuotes: what a key must be quoted for. */
export function needsQuotes(s: string): boolean {
  if (s === '' || isTypeAmbiguous(s)) return true;
  const runes = [...s];
  return runes.some((r, i) => {
    if (/^[\p{L}\p{N}_]$/u.test(r)) return false;
    return !(i > 0 && i < runes.length - 1 && (r === '-' || r === '.' || r === '/'));
  });
}

const SEXAGESIMAL = /^[+-]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;
const PARSE_BOOL = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** goLower is strings.ToLower for the words compared here (Go maps İ to a plain i). */
function goLower(s: string): string {
  return [...s].map((r) => (r === '\u0130' ? 'i' : r.toLowerCase().length === 1 ? r.toLowerCase() : r)).join('');
}

/**
 * isTypeAmbiguous is kyaml's isTypeAmbiguous: strings a YAML 1.1 reader could take for a null,
 * bool, number or timestamp. Go measures the length in UTF-8 bytes.
 */
export function isTypeAmbiguous(s: string): boolean {
  const short = new TextEncoder().encode(s).length <= 5;
  const lower = goLower(s);
  if (short && (lower === 'null' || lower === '~' || lower === '')) return true;
  if (PARSE_BOOL.has(s)) return true;
  if (short && ['true', 'y', 'yes', 'on', 'false', 'n', 'no', 'off'].includes(lower)) return true;
  const bare = s.replace(/_/g, '');
  if (parseIntOK(bare) || parseFloatOK(bare)) return true;
  if (SEXAGESIMAL.test(s)) return true;
  if (short && ['.inf', '-.inf', '+.inf', '.nan'].includes(lower)) return true;
  return isYamlTimestamp(s);
}

/** parseIntOK is whether strconv.ParseInt(s, 0, 64) succeeds (s has no underscores). */
function parseIntOK(s: string): boolean {
  const m = /^([+-]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const digits = m[2] as string;
  const prefixed = /^0[bBoOxX]/.test(digits);
  const magnitude = prefixed
    ? BigInt(`0${(digits[1] as string).toLowerCase()}${digits.slice(2)}`)
    : digits.length > 1 && digits.startsWith('0')
      ? BigInt(`0o${digits.slice(1)}`)
      : BigInt(digits);
  return magnitude <= (m[1] === '-' ? 2n ** 63n : 2n ** 63n - 1n);
}

/** parseFloatOK is whether strconv.ParseFloat(s, 64) succeeds (s has no underscores). */
function parseFloatOK(s: string): boolean {
  if (/^[+-]?(inf|infinity)$/i.test(s) || /^nan$/i.test(s)) return true;
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return Number.isFinite(Number(s));
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/.exec(s);
  if (!hex || (hex[2] === '' && hex[3] === '')) return false;
  const mantissa = parseInt(`${hex[2] ?? ''}${hex[3] ?? ''}`, 16) / 16 ** (hex[3] ?? '').length;
  return Number.isFinite(mantissa * 2 ** Number(hex[4]));
}
