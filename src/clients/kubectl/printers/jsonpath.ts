/**
 * kubectl -o jsonpath: a port of k8s.io/client-go/util/jsonpath (parser and evaluator) with the
 * printing of k8s.io/cli-runtime's JSONPathPrinter, including its error texts and the Go `%#v`
 * dump of the object it appends to execution errors.
 */
import { compareGoStrings, formatFloatG, marshalGoJson } from './json.ts';

export interface JsonPathOptions {
  /** allowMissingKeys is --allow-missing-template-keys (default true): a missing field prints nothing. */
  allowMissingKeys?: boolean;
  /**
   * typed: the object is a typed Go object (e.g. made by `kubectl create`); kubectl round-trips it
   * through JSON, so every number is a float64 (1000000 prints as 1e+06). Otherwise whole numbers
   * are int64, as in objects read from the server.
   */
  typed?: boolean;
  /** outputJSON is `-o jsonpath-as-json`: each result set printed as an indented JSON array. */
  outputJSON?: boolean;
}

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

/** jsonpath prints value through template as kubectl does; errors are kubectl's stderr text. */
export function jsonpath(template: string, value: unknown, options: JsonPathOptions = {}): JsonPathResult {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) return parsed;
  return executeJsonPath(parsed.template, value, options);
}

/** ParsedJsonPath is a template that parsed; kubectl parses before it sends anything to the server. */
export interface ParsedJsonPath {
  raw: string;
  root: ListNode;
}

/** parseJsonPath parses a template, failing with kubectl's `error parsing jsonpath …` text. */
export function parseJsonPath(template: string): { ok: true; template: ParsedJsonPath } | { ok: false; error: string } {
  const parsed = parseJsonPathMessage(template);
  return parsed.ok ? parsed : { ok: false, error: `error: error parsing jsonpath ${template}, ${parsed.message}\n` };
}

/** executeJsonPath runs a parsed template over a value. */
export function executeJsonPath(
  template: ParsedJsonPath,
  value: unknown,
  options: JsonPathOptions = {},
): JsonPathResult {
  const typed = options.typed === true;
  const data = normalize(value, typed);
  try {
    const evaluator = new Evaluator(options.allowMissingKeys !== false);
    const results = evaluator.findResults(data, template.root.nodes);
    let text = '';
    for (const set of results) text += printResults(set, options.outputJSON === true);
    return { ok: true, text };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template.raw}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    return { ok: false, error: `error: error executing jsonpath ${goQuote(template.raw)}: ${debug}\n` };
  }
}

/**
 * JsonPathError carries, besides the message, what the Go function returned alongside its error:
 * an existence filter (`[?(@.x)]`) keeps an item when that partial result is not empty.
 */
/**
 * jsonpathValueTexts is FindResults followed by fmt's %v of every value, grouped per result set:
 * how custom columns read a cell. The error is the bare Go error text.
 */
export function jsonpathValueTexts(
  template: ParsedJsonPath,
  value: unknown,
  options: JsonPathOptions = {},
): { ok: true; sets: string[][] } | { ok: false; message: string } {
  try {
    const evaluator = new Evaluator(options.allowMissingKeys !== false);
    const sets = evaluator.findResults(normalize(value, options.typed === true), template.root.nodes);
    return { ok: true, sets: sets.map((set) => set.map(goV)) };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { ok: false, message: e.message };
  }
}

/** parseJsonPathMessage parses a template, failing with the bare Go parser error. */
export function parseJsonPathMessage(
  template: string,
): { ok: true; template: ParsedJsonPath } | { ok: false; message: string } {
  try {
    return { ok: true, template: { raw: template, root: new Parser(template).parse() } };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { ok: false, message: e.message };
  }
}

class JsonPathError extends Error {
  constructor(
    message: string,
    readonly partial: GoValue[] = [],
  ) {
    super(message);
  }
}

// ---- Go values ---------------------------------------------------------------------------------

/** GoFloat marks a float64 whose value is whole, which Go prints differently from an int64. */
class GoFloat {
  constructor(readonly value: number) {}
}

/**
 * GoValue is the decoded JSON kubectl evaluates: maps, slices, strings, bools, nil, int64 (JS
 * numbers that are whole) and float64 (other numbers, or GoFloat).
 */
type GoValue = null | boolean | string | number | GoFloat | GoValue[] | { [key: string]: GoValue };

function normalize(value: unknown, typed: boolean): GoValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return typed || !Number.isInteger(value) ? new GoFloat(value) : value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => normalize(v, typed));
  if (typeof value === 'object') {
    const out: { [key: string]: GoValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (v !== undefined) out[k] = normalize(v, typed);
    return out;
  }
  return null;
}

type Kind = 'map' | 'slice' | 'string' | 'int' | 'float' | 'bool' | 'nil';

function kindOf(v: GoValue): Kind {
  if (v === null) return 'nil';
  if (v instanceof GoFloat) return 'float';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'int';
    case 'boolean':
      return 'bool';
    default:
      return 'map';
  }
}

function isMap(v: GoValue): v is { [key: string]: GoValue } {
  return kindOf(v) === 'map';
}

function typeName(v: GoValue): string {
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'nil':
      return 'interface {}';
    default:
      return kindOf(v);
  }
}

function numberOf(v: GoValue): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

function sortedKeys(m: { [key: string]: GoValue }): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** toPlain turns Go values back into JSON-able values for json.Marshal. */
function toPlain(v: GoValue): unknown {
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, toPlain(item)]));
  return v;
}

/** goV is fmt's %v: what Fprint prints for scalars and what error texts show for containers. */
function goV(v: GoValue): string {
  switch (kindOf(v)) {
    case 'nil':
      return '<nil>';
    case 'float':
      return formatFloatG(numberOf(v));
    case 'int':
      return String(v);
    case 'bool':
    case 'string':
      return String(v);
    case 'slice':
      return `[${(v as GoValue[]).map(goV).join(' ')}]`;
    case 'map': {
      const m = v as { [key: string]: GoValue };
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${goV(m[k] as GoValue)}`)
        .join(' ')}]`;
    }
  }
}

/** goSharpV is fmt's %#v, the Go-syntax dump kubectl appends to jsonpath execution errors. */
function goSharpV(v: GoValue, nested = false): string {
  switch (kindOf(v)) {
    case 'nil':
      return nested ? 'interface {}(nil)' : '<nil>';
    case 'string':
      return goQuote(v as string);
    case 'slice':
      return `[]interface {}{${(v as GoValue[]).map((item) => goSharpV(item, true)).join(', ')}}`;
    case 'map': {
      const m = v as { [key: string]: GoValue };
      return `map[string]interface {}{${sortedKeys(m)
        .map((k) => `${goQuote(k)}:${goSharpV(m[k] as GoValue, true)}`)
        .join(', ')}}`;
    }
    default:
      return goV(v);
  }
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** goQuote is strconv.Quote: Go-escaped, printable Unicode kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else {
      const named: Record<number, string> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };
      if (named[c]) out += `\\${named[c]}`;
      else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
      else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
      else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else out += `\\U${c.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

// ---- printing -----------------------------------------------------------------------------------

function printResults(results: GoValue[], outputJSON: boolean): string {
  if (outputJSON) return `${marshalGoJson(results.map(toPlain), { indent: '    ' })}\n`;
  return results
    .map((r) => {
      const kind = kindOf(r);
      if (kind === 'map' || kind === 'slice') return marshalGoJson(toPlain(r));
      if (kind === 'nil') return 'null';
      return goV(r);
    })
    .join(' ');
}

// ---- parser.go ----------------------------------------------------------------------------------

interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

type JsonPathNode =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

interface ListNode {
  type: 'list';
  nodes: JsonPathNode[];
}

const EOF = -1;

function newList(): ListNode {
  return { type: 'list', nodes: [] };
}

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}

function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}

function isDigit(r: number): boolean {
  return r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
}

function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
}

function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF || '.,[]$@{}'.includes(String.fromCodePoint(r));
}

class Parser {
  private readonly root = newList();
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root);
    return this.root;
  }

  /** parseAction parses `{text}` on its own, as the Go parser does for unions, dict keys and filters. */
  private static action(text: string): ListNode {
    const root = new Parser(`{${text}}`).parse();
    return root.nodes[0] as ListNode;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) as number;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    // The Go parser recurses once per token; a loop keeps long templates off the JS stack.
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) return this.parseRightDelim();
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action');
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        this.consumeText();
      } else if (r === 0x5b) {
        this.parseArray(cur);
      } else if (r === 0x22 || r === 0x27) {
        this.parseQuote(cur, r);
      } else if (r === 0x2e) {
        this.parseField(cur);
      } else if (r === 0x2b || r === 0x2d || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive')
      throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) {
      r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) < 2 ** 63) {
      cur.nodes.push({ type: 'int', value: Number(value) });
      return;
    }
    if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) });
      return;
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const strs = text.split(',');
    if (strs.length > 1) {
      const union = strs.map((s) => Parser.action(`[${s.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }

    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      for (const node of Parser.action(`.${dictKey[1] ?? ''}`).nodes) cur.nodes.push(node);
      return;
    }

    const slice = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/u.exec(text);
    if (!slice) throw new JsonPathError(`invalid array index ${text}`);
    const parts = [slice[1] ?? '', slice[2] ?? '', slice[3] ?? ''];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let part = parts[i] as string;
      const param = params[i] as ParamsEntry;
      if (part !== '') {
        if (i > 0) part = part.slice(1);
        if (i > 0 && part === '') param.known = false;
        else {
          if (!/^[+-]?[0-9]+$/.test(part)) throw new JsonPathError(`array index ${part} is not a number`);
          param.known = true;
          param.value = Number(part);
        }
      } else if (i === 1) {
        param.known = true;
        param.value = params[0].value + 1;
        param.derived = true;
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 && begin === end) break;
    }
    if (this.next() !== 0x5d) throw new JsonPathError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const match = /^([^!<>=]+)([!<>=]+)(.+?)$/u.exec(text);
    if (!match) {
      cur.nodes.push({ type: 'filter', left: Parser.action(text), right: newList(), operator: 'exists' });
    } else {
      const left = Parser.action(match[1] ?? '');
      const right = Parser.action(match[3] ?? '');
      cur.nodes.push({ type: 'filter', left, right, operator: match[2] ?? '' });
    }
  }

  private parseQuote(cur: ListNode, end: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text: s });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      // advance to the next unescaped terminator
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** goRuneU is fmt's %#U: `U+007E '~'`. */
function goRuneU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return PRINTABLE.test(String.fromCodePoint(r)) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}

/** unquoteExtend is strconv.Unquote that also takes single-quoted strings; undefined on bad syntax. */
function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0] as string;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  for (let i = 0; i < body.length;) {
    const c = body[i] as string;
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = body.codePointAt(i) as number;
      out += String.fromCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return undefined;
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
    };
    if (simple[e] !== undefined) {
      out += simple[e];
      i += 2;
    } else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      out += e;
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      const v = parseInt(hex, 16);
      if (e === 'x') out += String.fromCharCode(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
        out += String.fromCodePoint(v);
      }
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 4;
    } else return undefined;
  }
  return out;
}

// ---- jsonpath.go --------------------------------------------------------------------------------

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: GoValue, nodes: JsonPathNode[]): GoValue[][] {
    const cur: GoValue[] = [data];
    const fullResult: GoValue[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as JsonPathNode;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) fullResult.push(...this.findResults(value, nodes.slice(i + 1)));
        } else {
          this.findResults(null, nodes.slice(i + 1));
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  private walk(value: GoValue[], node: JsonPathNode): GoValue[] {
    switch (node.type) {
      case 'list':
        return this.evalList(value, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(value, node.value);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
        return value.map(() => node.value);
      case 'float':
        return value.map(() => new GoFloat(node.value));
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard':
        return this.evalWildcard(value);
      case 'recursive':
        return this.evalRecursive(value);
      case 'union':
        return this.evalUnion(value, node.nodes);
      case 'identifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: GoValue[], node: ListNode): GoValue[] {
    let cur = value;
    for (const child of node.nodes) cur = this.walk(cur, child);
    return cur;
  }

  private evalUnion(input: GoValue[], lists: ListNode[]): GoValue[] {
    try {
      return lists.flatMap((list) => this.evalList(input, list));
    } catch (e) {
      if (e instanceof JsonPathError) throw new JsonPathError(e.message, input);
      throw e;
    }
  }

  private evalIdentifier(input: GoValue[], name: string): GoValue[] {
    switch (name) {
      case 'range':
        this.beginRange++;
        return input;
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return [];
        }
        throw new JsonPathError('not in range, nothing to end');
      default:
        throw new JsonPathError(`unrecognized identifier ${name}`, input);
    }
  }

  private evalArray(input: GoValue[], params: [ParamsEntry, ParamsEntry, ParamsEntry]): GoValue[] {
    const result: GoValue[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) throw new JsonPathError(`${typeName(value)} is not array or slice`, input);
      // The Go code updates the parsed params in place, so a second value sees the first's results.
      const [p0, p1, p2] = params;
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += value.length;
      if (!p1.known) p1.value = value.length;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += value.length;
      const length = value.length;
      if (p1.value === p0.value) return result;
      if (p0.value >= length || p0.value < 0)
        throw new JsonPathError(`array index out of bounds: index ${p0.value}, length ${length}`, input);
      if (p1.value > length || p1.value < 0)
        throw new JsonPathError(`array index out of bounds: index ${p1.value - 1}, length ${length}`, input);
      if (p0.value > p1.value)
        throw new JsonPathError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input);
      const slice = value.slice(p0.value, p1.value);
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathError('step must be > 0', input);
        step = p2.value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i] as GoValue);
    }
    return result;
  }

  private evalField(input: GoValue[], name: string): GoValue[] {
    const results: GoValue[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null) continue;
      if (isMap(value) && Object.hasOwn(value, name)) results.push(value[name] as GoValue);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return results;
  }

  private children(value: GoValue): GoValue[] {
    if (Array.isArray(value)) return value;
    if (isMap(value)) return sortedKeys(value).map((k) => value[k] as GoValue);
    if (typeof value === 'string') return [...new TextEncoder().encode(value)].map((b) => b);
    return [];
  }

  private evalWildcard(input: GoValue[]): GoValue[] {
    return input.filter((v) => v !== null).flatMap((v) => this.children(v));
  }

  private evalRecursive(input: GoValue[]): GoValue[] {
    const result: GoValue[] = [];
    for (const value of input) {
      if (value === null) continue;
      const children = this.children(value);
      if (children.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  /** rethrowWith re-raises an error with what the Go caller returns beside it. */
  private rethrowWith<T>(partial: GoValue[], f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof JsonPathError) throw new JsonPathError(e.message, partial);
      throw e;
    }
  }

  private evalFilter(input: GoValue[], node: JsonPathNode & { type: 'filter' }): GoValue[] {
    const results: GoValue[] = [];
    for (const value of input) {
      if (!Array.isArray(value))
        throw new JsonPathError(`${goV(value)} is not array or slice and cannot be filtered`, input);
      for (const item of value) {
        const temp = [item];
        if (node.operator === 'exists') {
          let lefts: GoValue[];
          try {
            lefts = this.evalList(temp, node.left);
          } catch (e) {
            if (!(e instanceof JsonPathError)) throw e;
            lefts = e.partial;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.rethrowWith(input, () => this.evalList(temp, node.left));
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time', input);
        const rights = this.rethrowWith(input, () => this.evalList(temp, node.right));
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time', input);
        if (this.rethrowWith(results, () => compare(node.operator, lefts[0] as GoValue, rights[0] as GoValue)))
          results.push(item);
      }
    }
    return results;
  }
}

// ---- text/template comparisons (third_party/forked/golang/template/funcs.go) ---------------------

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: GoValue): BasicKind {
  const kind = kindOf(v);
  if (kind === 'bool' || kind === 'int' || kind === 'float' || kind === 'string') return kind;
  throw new JsonPathError('invalid type for comparison');
}

function equal(a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison');
  if (ka === 'int' || ka === 'float') return numberOf(a) === numberOf(b);
  return a === b;
}

function less(a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison');
  if (ka === 'bool') throw new JsonPathError('invalid type for comparison');
  if (ka === 'string') return compareGoStrings(a as string, b as string) < 0;
  return numberOf(a) < numberOf(b);
}

function compare(operator: string, left: GoValue, right: GoValue): boolean {
  switch (operator) {
    case '<':
      return less(left, right);
    case '>':
      return !(less(left, right) || equal(left, right));
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<=':
      return less(left, right) || equal(left, right);
    case '>=':
      return !less(left, right);
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}
