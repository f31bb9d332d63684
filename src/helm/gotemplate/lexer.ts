/**
 * The template lexer (text/template/parse/lex.go): text and actions, trim markers (`{{- ` and ` -}}`,
 * the space is required), comments, quoted and raw strings, character constants, numbers, fields,
 * variables and keywords. Errors become an `error` item and end the input, as in Go.
 */

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};

const KEYWORD_TYPES = new Set<ItemType>(Object.values(KEYWORDS));

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** itemString is item.String() in Go, used in parse errors (`unexpected "}" in operand`). */
export function itemString(item: Item): string {
  if (item.type === 'EOF') return 'EOF';
  if (item.type === 'error') return item.val;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.val}>`;
  const runes = [...item.val];
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`;
  return goQuote(item.val);
}

/** goQuote is a minimal strconv.Quote for error texts. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export interface LexOptions {
  emitComment: boolean;
  breakOK: boolean;
  continueOK: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && (c === '_' || /^[\p{L}\p{Nd}]$/u.test(c));

const hasLeftTrimMarker = (s: string, at: number): boolean => s[at] === '-' && isSpace(s[at + 1]);
const hasRightTrimMarker = (s: string, at: number): boolean => isSpace(s[at]) && s[at + 1] === '-';

/** rightTrimLength is how much trailing space s[start:end] has. */
function rightTrimLength(s: string, start: number, end: number): number {
  let n = 0;
  while (end - n > start && isSpace(s[end - n - 1])) n++;
  return n;
}

/** lex turns the input into items, ending with EOF or an error item. */
export function lex(input: string, leftDelim: string, rightDelim: string, options: LexOptions): Item[] {
  const items: Item[] = [];
  let start = 0;
  let pos = 0;
  let parenDepth = 0;
  const lineAt = (p: number): number => {
    let n = 1;
    for (let i = 0; i < p; i++) if (input.charCodeAt(i) === 10) n++;
    return n;
  };
  // Cache line counting incrementally.
  let lineCachePos = 0;
  let lineCache = 1;
  const line = (p: number): number => {
    if (p < lineCachePos) return lineAt(p);
    for (let i = lineCachePos; i < p; i++) if (input.charCodeAt(i) === 10) lineCache++;
    lineCachePos = p;
    return lineCache;
  };
  const emit = (type: ItemType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: line(start) });
    start = pos;
  };
  const error = (message: string): false => {
    items.push({ type: 'error', pos: start, val: message, line: line(start) });
    return false;
  };
  const next = (): string | undefined => {
    if (pos >= input.length) {
      pos++;
      return undefined;
    }
    const cp = input.codePointAt(pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    pos += ch.length;
    return ch;
  };
  const backup = (ch: string | undefined): void => {
    pos -= ch === undefined ? 1 : ch.length;
  };
  const peek = (): string | undefined => {
    if (pos >= input.length) return undefined;
    return String.fromCodePoint(input.codePointAt(pos) ?? 0);
  };
  const accept = (valid: string): boolean => {
    const ch = next();
    if (ch !== undefined && valid.includes(ch)) return true;
    backup(ch);
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (;;) {
      const ch = next();
      if (ch === undefined || !valid.includes(ch)) {
        backup(ch);
        return;
      }
    }
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(rightDelim, pos + 2)) return { delim: true, trim: true };
    if (input.startsWith(rightDelim, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === undefined || isSpace(r)) return true;
    if ('.,|:)('.includes(r)) return true;
    return input.startsWith(rightDelim, pos);
  };
  const skipLeadingSpace = (): void => {
    while (isSpace(input[pos])) pos++;
  };

  type State = 'text' | 'inside';
  let state: State = 'text';

  const lexText = (): boolean => {
    const x = input.indexOf(leftDelim, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(input, pos + leftDelim.length)) trim = rightTrimLength(input, start, pos);
        pos -= trim;
        if (pos > start) emit('text');
        pos += trim;
        start = pos;
      }
      return lexLeftDelim();
    }
    pos = input.length;
    if (pos > start) emit('text');
    items.push({ type: 'EOF', pos, val: '', line: line(pos) });
    return false;
  };

  const lexLeftDelim = (): boolean => {
    pos += leftDelim.length;
    const trim = hasLeftTrimMarker(input, pos);
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      pos += after;
      start = pos;
      return lexComment();
    }
    emit('leftDelim');
    pos += after;
    start = pos;
    parenDepth = 0;
    state = 'inside';
    return true;
  };

  const lexComment = (): boolean => {
    pos += 2;
    const x = input.indexOf('*/', pos);
    if (x < 0) return error('unclosed comment');
    pos = x + 2;
    const { delim, trim } = atRightDelim();
    if (!delim) return error('comment ends before closing delimiter');
    const commentStart = start;
    const commentEnd = pos;
    if (trim) pos += 2;
    pos += rightDelim.length;
    if (trim) skipLeadingSpace();
    if (options.emitComment)
      items.push({
        type: 'comment',
        pos: commentStart,
        val: input.slice(commentStart, commentEnd),
        line: line(commentStart),
      });
    start = pos;
    state = 'text';
    return true;
  };

  const lexRightDelim = (): boolean => {
    const { trim } = atRightDelim();
    if (trim) {
      pos += 2;
      start = pos;
    }
    pos += rightDelim.length;
    emit('rightDelim');
    if (trim) {
      skipLeadingSpace();
      start = pos;
    }
    state = 'text';
    return true;
  };

  const lexSpace = (): boolean => {
    let spaces = 0;
    while (isSpace(peek())) {
      next();
      spaces++;
    }
    if (hasRightTrimMarker(input, pos - 1) && input.startsWith(rightDelim, pos - 1 + 2)) {
      pos--;
      if (spaces === 1) return lexRightDelim();
    }
    emit('space');
    return true;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): boolean => {
    if (!scanNumber()) return error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i')
        return error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      emit('complex');
      return true;
    }
    emit('number');
    return true;
  };

  const lexQuoted = (close: string, type: ItemType, message: string, escapes: boolean): boolean => {
    for (;;) {
      const ch = next();
      if (escapes && ch === '\\') {
        const r = next();
        if (r !== undefined && r !== '\n') continue;
        return error(message);
      }
      if (ch === undefined || (escapes && ch === '\n')) return error(message);
      if (ch === close) break;
    }
    emit(type);
    return true;
  };

  const lexFieldOrVariable = (type: 'field' | 'variable'): boolean => {
    if (atTerminator()) {
      emit(type === 'variable' ? 'variable' : 'dot');
      return true;
    }
    let ch: string | undefined;
    for (;;) {
      ch = next();
      if (!isAlphaNumeric(ch)) {
        backup(ch);
        break;
      }
    }
    if (!atTerminator()) return error(`bad character ${runeDescription(ch)}`);
    emit(type);
    return true;
  };

  const lexIdentifier = (): boolean => {
    for (;;) {
      const ch = next();
      if (isAlphaNumeric(ch)) continue;
      backup(ch);
      const word = input.slice(start, pos);
      if (!atTerminator()) return error(`bad character ${runeDescription(ch)}`);
      const keyword = KEYWORDS[word];
      if (keyword && keyword !== 'dot') {
        if ((keyword === 'break' && !options.breakOK) || (keyword === 'continue' && !options.continueOK))
          emit('identifier');
        else emit(keyword);
      } else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
      return true;
    }
  };

  const lexInsideAction = (): boolean => {
    const { delim } = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim();
      return error('unclosed left paren');
    }
    const ch = next();
    if (ch === undefined) return error('unclosed action');
    if (isSpace(ch)) {
      backup(ch);
      return lexSpace();
    }
    switch (ch) {
      case '=':
        emit('assign');
        return true;
      case ':':
        if (next() !== '=') return error('expected :=');
        emit('declare');
        return true;
      case '|':
        emit('pipe');
        return true;
      case '"':
        return lexQuoted('"', 'string', 'unterminated quoted string', true);
      case '`':
        return lexQuoted('`', 'rawString', 'unterminated raw quoted string', false);
      case '$':
        return lexFieldOrVariable('variable');
      case "'":
        return lexQuoted("'", 'charConstant', 'unterminated character constant', true);
      case '.': {
        const r = input[pos];
        if (pos < input.length && (r === undefined || r < '0' || r > '9')) return lexFieldOrVariable('field');
        backup(ch);
        return lexNumber();
      }
      case '(':
        emit('leftParen');
        parenDepth++;
        return true;
      case ')':
        parenDepth--;
        if (parenDepth < 0) return error('unexpected right paren');
        emit('rightParen');
        return true;
    }
    if (ch === '+' || ch === '-' || (ch >= '0' && ch <= '9')) {
      backup(ch);
      return lexNumber();
    }
    if (isAlphaNumeric(ch)) {
      backup(ch);
      return lexIdentifier();
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) {
      emit('char');
      return true;
    }
    return error(`unrecognized character in action: ${runeDescription(ch)}`);
  };

  for (;;) {
    const more = state === 'text' ? lexText() : lexInsideAction();
    if (!more) break;
  }
  return items;
}

/** runeDescription is Go's %#U: U+0023 '#'. */
export function runeDescription(ch: string | undefined): string {
  if (ch === undefined) return 'U+FFFFFFFFFFFFFFFF';
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(ch);
  return printable ? `U+${hex} '${ch}'` : `U+${hex}`;
}
