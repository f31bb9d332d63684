/** The strconv pieces the parser needs: Unquote, UnquoteChar, ParseInt/ParseUint (base 0) and ParseFloat. */

export class SyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

/** unquoteChar decodes one possibly escaped character; quote is the enclosing quote. */
export function unquoteChar(s: string, quote: string): { value: number; tail: string } {
  const c = s[0];
  if (c === undefined) throw new SyntaxError();
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError();
  if (c !== '\\') {
    const cp = s.codePointAt(0) ?? 0;
    return { value: cp, tail: s.slice(cp > 0xffff ? 2 : 1) };
  }
  const e = s[1];
  if (e === undefined) throw new SyntaxError();
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (e in simple) return { value: simple[e] as number, tail: s.slice(2) };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxError();
    return { value: e.charCodeAt(0), tail: s.slice(2) };
  }
  const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hexLen) {
    const digits = s.slice(2, 2 + hexLen);
    if (digits.length !== hexLen || !/^[0-9a-fA-F]+$/.test(digits)) throw new SyntaxError();
    const value = parseInt(digits, 16);
    if (e !== 'x' && (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))) throw new SyntaxError();
    return { value, tail: s.slice(2 + hexLen) };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new SyntaxError();
    const value = parseInt(digits, 8);
    if (value > 255) throw new SyntaxError();
    return { value, tail: s.slice(4) };
  }
  throw new SyntaxError();
}

/** unquote is strconv.Unquote for "…", `…` and '…'. */
export function unquote(s: string): string {
  if (s.length < 2) throw new SyntaxError();
  const q = s[0];
  if (q !== s[s.length - 1]) throw new SyntaxError();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError();
    return body.replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new SyntaxError();
  if (body.includes('\n')) throw new SyntaxError();
  let rest = body;
  let out = '';
  while (rest.length) {
    const { value, tail } = unquoteChar(rest, q);
    out += String.fromCodePoint(value);
    rest = tail;
    if (q === "'" && rest.length) throw new SyntaxError();
  }
  if (q === "'" && out.length === 0) throw new SyntaxError();
  return out;
}

/**
 * underscoreOK is strconv's rule that underscores only separate digits (after an optional sign and
 * base prefix); shared with the kubectl YAML printer, which follows the same Go parser.
 */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1] ?? '')) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** parseInteger is ParseInt/ParseUint with base 0; undefined when the syntax is wrong. */
export function parseInteger(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return undefined;
  let base = 10;
  let digits = s;
  if (s[0] === '0' && s.length > 1) {
    const p = s[1]?.toLowerCase();
    if (p === 'x') [base, digits] = [16, s.slice(2)];
    else if (p === 'o') [base, digits] = [8, s.slice(2)];
    else if (p === 'b') [base, digits] = [2, s.slice(2)];
    else [base, digits] = [8, s.slice(1)];
  }
  if (digits.includes('_')) {
    if (!underscoreOK(text)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return undefined;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return undefined;
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[base as 2 | 8 | 10 | 16];
  const value = BigInt(prefix + digits);
  return neg ? -value : value;
}

/** parseFloat64 is strconv.ParseFloat(s, 64) for decimal and hexadecimal literals; undefined on bad syntax. */
export function parseFloat64(text: string): number | undefined {
  let s = text;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replace(/_/g, '');
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (hex && (hex[2] || hex[3])) {
    const mant = BigInt(`0x${hex[2] || '0'}${hex[3] ?? ''}`);
    const exp = Number(hex[4]) - 4 * (hex[3] ?? '').length;
    const value = Number(mant) * 2 ** exp;
    return hex[1] === '-' ? -value : value;
  }
  return undefined;
}
