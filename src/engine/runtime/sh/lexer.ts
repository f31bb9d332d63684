import type { ParamOp, Redirect, RedirectOp, Script, Word, WordPart } from './ast.ts';

/** ShSyntaxError carries what the parser choked on, so each shell can word it its own way. */
export class ShSyntaxError extends Error {
  constructor(
    readonly unexpected: string,
    readonly line: number,
    readonly expecting?: string,
  ) {
    super(`syntax error: unexpected ${unexpected}`);
  }
}

export type Token =
  | { kind: 'word'; word: Word; raw: string; line: number }
  | { kind: 'op'; op: string; line: number }
  | { kind: 'redir'; op: RedirectOp; fd: number | undefined; line: number }
  | { kind: 'eof'; line: number };

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
  expand: boolean;
}

/** ScriptParser is implemented by the parser; the lexer calls back into it for `$(…)`. */
export type SubParser = (source: string, line: number) => Script;

const OPERATORS = ['&&', '||', ';;', '&>', ';', '&', '|', '(', ')'];
const REDIRECTS: RedirectOp[] = ['<<-', '<<', '>>', '>&', '>|', '<&', '<>', '>', '<'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMS = new Set(['?', '#', '$', '!', '@', '*', '-', '0']);

/**
 * Lexer splits POSIX shell source into words and operators. Words keep their quoting as parts so
 * expansion can tell `"$x"` from `$x`; here-document bodies are read at the newline after their
 * operator, as the shell does.
 */
export class Lexer {
  pos = 0;
  line: number;
  private pending: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    private readonly subParser: SubParser,
    line = 1,
  ) {
    this.line = line;
  }

  snapshot(): { pos: number; line: number; pending: number } {
    return { pos: this.pos, line: this.line, pending: this.pending.length };
  }

  restore(s: { pos: number; line: number; pending: number }): void {
    this.pos = s.pos;
    this.line = s.line;
    this.pending.length = s.pending;
  }

  addHeredoc(redirect: Redirect, delimiterWord: Word): void {
    const expand = delimiterWord.every((p) => p.type === 'lit' && !p.quoted);
    const delimiter = delimiterWord.map((p) => (p.type === 'lit' ? p.text : '')).join('');
    this.pending.push({ redirect, delimiter, strip: redirect.op === '<<-', expand });
  }

  private peekChar(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  next(): Token {
    for (;;) {
      const c = this.peekChar();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peekChar(1) === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.peekChar() !== '\n') this.pos++;
      } else break;
    }
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.pending.length > 0) this.readHeredocs();
      return { kind: 'eof', line };
    }
    const c = this.peekChar();
    if (c === '\n') {
      this.pos++;
      this.line++;
      if (this.pending.length > 0) this.readHeredocs();
      return { kind: 'op', op: '\n', line };
    }
    const io = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 4));
    if (io) {
      const after = this.src.slice(this.pos + (io[1]?.length ?? 0));
      const op = REDIRECTS.find((r) => after.startsWith(r));
      if (op) {
        this.pos += (io[1]?.length ?? 0) + op.length;
        return { kind: 'redir', op, fd: Number(io[1]), line };
      }
    }
    const rest = this.src.slice(this.pos, this.pos + 3);
    if (rest.startsWith('&>')) {
      this.pos += rest.startsWith('&>>') ? 3 : 2;
      return { kind: 'redir', op: '&>', fd: undefined, line };
    }
    const redir = REDIRECTS.find((r) => rest.startsWith(r));
    if (redir) {
      this.pos += redir.length;
      return { kind: 'redir', op: redir, fd: undefined, line };
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      this.pos += op.length;
      return { kind: 'op', op, line };
    }
    const start = this.pos;
    const word = this.readWord();
    return { kind: 'word', word, raw: this.src.slice(start, this.pos), line };
  }

  private readHeredocs(): void {
    const docs = this.pending.splice(0);
    for (const doc of docs) {
      const lines: string[] = [];
      while (this.pos < this.src.length) {
        const end = this.src.indexOf('\n', this.pos);
        const raw = end === -1 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end === -1 ? this.src.length : end + 1;
        this.line++;
        const text = doc.strip ? raw.replace(/^\t+/, '') : raw;
        if (text === doc.delimiter) break;
        lines.push(text + '\n');
      }
      const body = lines.join('');
      doc.redirect.heredoc = doc.expand ? this.parseHeredocBody(body) : [{ type: 'lit', text: body, quoted: true }];
    }
  }

  private parseHeredocBody(body: string): Word {
    const sub = new Lexer(body, this.subParser, this.line);
    return sub.readQuotedUntil(() => sub.pos >= sub.src.length, 'heredoc');
  }

  /** readWord reads one unquoted-context word up to a metacharacter (or until `stop` says so). */
  readWord(stop?: () => boolean): Word {
    const parts: WordPart[] = [];
    const next = this.peekChar(1);
    if (!stop && this.peekChar() === '~' && (next === '' || next === '/' || META.has(next))) {
      parts.push({ type: 'param', name: 'HOME', quoted: true });
      this.pos++;
    }
    while (this.pos < this.src.length) {
      const c = this.peekChar();
      if (stop ? stop() : META.has(c)) break;
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end === -1) throw new ShSyntaxError('end of file', this.line, "'");
        const text = this.src.slice(this.pos + 1, end);
        this.line += countNewlines(text);
        pushLit(parts, text, true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const inner = this.readQuotedUntil(() => this.peekChar() === '"', 'double');
        if (this.peekChar() !== '"') throw new ShSyntaxError('end of file', this.line, '"');
        this.pos++;
        if (inner.length === 0) pushLit(parts, '', true);
        for (const p of inner) pushPart(parts, p);
      } else if (c === '\\') {
        const next = this.peekChar(1);
        this.pos += 2;
        if (next === '\n') this.line++;
        else pushLit(parts, next, true);
      } else if (c === '$') {
        pushPart(parts, this.readDollar(false));
      } else if (c === '`') {
        pushPart(parts, this.readBacktick(false));
      } else {
        pushLit(parts, c, false);
        this.pos++;
      }
    }
    return parts;
  }

  /** readQuotedUntil reads double-quoted (or here-document) text: only $, ` and \ are special. */
  readQuotedUntil(stop: () => boolean, mode: 'double' | 'heredoc' | 'arith'): Word {
    const parts: WordPart[] = [];
    const quoted = mode !== 'arith';
    while (this.pos < this.src.length && !stop()) {
      const c = this.peekChar();
      if (c === '\\') {
        const next = this.peekChar(1);
        const escapable = mode === 'heredoc' ? '$`\\\n' : '$`"\\\n';
        if (escapable.includes(next) && next !== '') {
          this.pos += 2;
          if (next === '\n') this.line++;
          else pushLit(parts, next, true);
        } else {
          pushLit(parts, c, quoted);
          this.pos++;
        }
      } else if (c === '$') {
        pushPart(parts, this.readDollar(quoted));
      } else if (c === '`') {
        pushPart(parts, this.readBacktick(quoted));
      } else {
        if (c === '\n') this.line++;
        pushLit(parts, c, quoted);
        this.pos++;
      }
    }
    return parts;
  }

  private readDollar(quoted: boolean): WordPart {
    const next = this.peekChar(1);
    if (next === '(' && this.peekChar(2) === '(') {
      const end = findArithEnd(this.src, this.pos + 3);
      if (end === -1) throw new ShSyntaxError('end of file', this.line, '))');
      const inner = new Lexer(this.src.slice(this.pos + 3, end), this.subParser, this.line);
      const expr = inner.readQuotedUntil(() => false, 'arith');
      this.pos = end + 2;
      return { type: 'arith', expr, quoted };
    }
    if (next === '(') {
      const end = findClosingParen(this.src, this.pos + 2);
      if (end === -1) throw new ShSyntaxError('end of file', this.line, ')');
      const body = this.src.slice(this.pos + 2, end);
      const script = this.subParser(body, this.line);
      this.line += countNewlines(body);
      this.pos = end + 1;
      return { type: 'cmdsub', script, quoted };
    }
    if (next === '{') return this.readBraceParam(quoted);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1));
    if (name) {
      this.pos += 1 + name[0].length;
      return { type: 'param', name: name[0], quoted };
    }
    if (/[1-9]/.test(next) || SPECIAL_PARAMS.has(next)) {
      this.pos += 2;
      return { type: 'param', name: next, quoted };
    }
    this.pos++;
    return { type: 'lit', text: '$', quoted };
  }

  private readBraceParam(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    let length = false;
    if (this.peekChar() === '#' && this.peekChar(1) !== '}') {
      length = true;
      this.pos++;
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d+|[?#$!@*-])/.exec(this.src.slice(this.pos));
    if (!m) throw new ShSyntaxError('bad substitution', this.line);
    const name = m[0];
    this.pos += name.length;
    if (length) {
      if (this.peekChar() !== '}') throw new ShSyntaxError('bad substitution', this.line);
      this.pos++;
      return { type: 'param', name, quoted, op: 'length' };
    }
    if (this.peekChar() === '}') {
      this.pos++;
      return { type: 'param', name, quoted };
    }
    const opMatch = /^(:-|:=|:\+|:\?|##|%%|-|=|\+|\?|#|%)/.exec(this.src.slice(this.pos));
    if (!opMatch) throw new ShSyntaxError(`${this.src.slice(start, this.pos + 1)}: bad substitution`, this.line);
    this.pos += opMatch[0].length;
    let depth = 0;
    const stop = (): boolean => {
      const c = this.peekChar();
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0) return true;
        depth--;
      }
      return false;
    };
    const arg = quoted ? this.readQuotedUntil(stop, 'double') : this.readWord(stop);
    if (this.peekChar() !== '}') throw new ShSyntaxError('end of file', this.line, '}');
    this.pos++;
    return { type: 'param', name, quoted, op: opMatch[0] as ParamOp, arg };
  }

  private readBacktick(quoted: boolean): WordPart {
    let i = this.pos + 1;
    let body = '';
    while (i < this.src.length && this.src[i] !== '`') {
      if (this.src[i] === '\\' && '`\\$'.includes(this.src[i + 1] ?? '')) {
        body += this.src[i + 1];
        i += 2;
      } else {
        body += this.src[i];
        i++;
      }
    }
    if (i >= this.src.length) throw new ShSyntaxError('end of file', this.line, '`');
    this.pos = i + 1;
    const script = this.subParser(body, this.line);
    this.line += countNewlines(body);
    return { type: 'cmdsub', script, quoted };
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}

function pushLit(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.type === 'lit' && last.quoted === quoted) last.text += text;
  else parts.push({ type: 'lit', text, quoted });
}

function pushPart(parts: WordPart[], part: WordPart): void {
  if (part.type === 'lit') pushLit(parts, part.text, part.quoted);
  else parts.push(part);
}

/** findClosingParen finds the `)` that closes `$(`, skipping quotes and nested parentheses. */
function findClosingParen(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return src[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}
