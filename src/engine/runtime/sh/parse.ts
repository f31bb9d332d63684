import type {
  AndOr,
  Assignment,
  CaseCommand,
  Command,
  ForCommand,
  GroupCommand,
  IfCommand,
  LoopCommand,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  Word,
} from './ast.ts';
import { Lexer, ShSyntaxError, type Token } from './lexer.ts';

export { ShSyntaxError } from './lexer.ts';

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  '{',
  '}',
  '!',
  'in',
  'function',
]);

/**
 * parseScript parses POSIX sh source: lists, and-or chains, pipelines, redirections, here-documents,
 * if/while/until/for/case, groups, subshells and functions. It throws ShSyntaxError.
 */
export function parseScript(source: string, line = 1): Script {
  return new Parser(source, line).program();
}

class Parser {
  private lexer: Lexer;
  private peeked: Token | undefined;

  constructor(source: string, line: number) {
    this.lexer = new Lexer(source, (src, l) => new Parser(src, l).program(), line);
  }

  program(): Script {
    const script = this.list(() => false);
    const tok = this.peek();
    if (tok.kind !== 'eof') this.unexpected(tok);
    return script;
  }

  private peek(): Token {
    this.peeked ??= this.lexer.next();
    return this.peeked;
  }

  private take(): Token {
    const tok = this.peek();
    this.peeked = undefined;
    return tok;
  }

  private isReserved(tok: Token, word?: string): boolean {
    if (tok.kind !== 'word') return false;
    const only = tok.word.length === 1 ? tok.word[0] : undefined;
    if (!only || only.type !== 'lit' || only.quoted || !RESERVED.has(only.text)) return false;
    return word === undefined || only.text === word;
  }

  private isOp(tok: Token, op: string): boolean {
    return tok.kind === 'op' && tok.op === op;
  }

  private describe(tok: Token): string {
    if (tok.kind === 'eof') return 'end of file';
    if (tok.kind === 'op') return tok.op === '\n' ? 'newline' : tok.op;
    if (tok.kind === 'redir') return tok.op;
    return tok.raw;
  }

  private unexpected(tok: Token, expecting?: string): never {
    throw new ShSyntaxError(this.describe(tok), tok.line, expecting);
  }

  private skipNewlines(): void {
    while (this.isOp(this.peek(), '\n')) this.take();
  }

  private expectReserved(word: string): void {
    const tok = this.peek();
    if (!this.isReserved(tok, word)) this.unexpected(tok, word);
    this.take();
  }

  private list(stop: (tok: Token) => boolean): Script {
    const items: Script = [];
    this.skipNewlines();
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'eof' || stop(tok) || this.isOp(tok, ')') || this.isOp(tok, ';;')) break;
      const andOr = this.andOr();
      const sep = this.peek();
      if (this.isOp(sep, ';') || this.isOp(sep, '&') || this.isOp(sep, '\n')) {
        this.take();
        items.push({ andOr, background: sep.kind === 'op' && sep.op === '&' });
        this.skipNewlines();
        continue;
      }
      items.push({ andOr, background: false });
      break;
    }
    return items;
  }

  private stopAt(...words: string[]): (tok: Token) => boolean {
    return (tok) => words.some((w) => this.isReserved(tok, w));
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (!(this.isOp(tok, '&&') || this.isOp(tok, '||'))) break;
      this.take();
      this.skipNewlines();
      rest.push({ op: (tok as { op: '&&' | '||' }).op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isReserved(this.peek(), '!')) {
      this.take();
      negate = true;
    }
    const commands: Command[] = [this.command()];
    while (this.isOp(this.peek(), '|')) {
      this.take();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const tok = this.peek();
    if (this.isReserved(tok)) {
      const word = (tok as { raw: string }).raw;
      switch (word) {
        case 'if':
          return this.withRedirects(this.ifCommand());
        case 'while':
        case 'until':
          return this.withRedirects(this.loop(word));
        case 'for':
          return this.withRedirects(this.forCommand());
        case 'case':
          return this.withRedirects(this.caseCommand());
        case '{':
          return this.withRedirects(this.group());
        case 'function':
          return this.functionKeyword();
        default:
          this.unexpected(tok);
      }
    }
    if (this.isOp(tok, '(')) {
      this.take();
      const body = this.list(() => false);
      if (!this.isOp(this.peek(), ')')) this.unexpected(this.peek(), ')');
      this.take();
      return this.withRedirects({ type: 'subshell', body, redirects: [] });
    }
    if (tok.kind === 'word' && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(tok.raw)) {
      const saved = this.lexer.snapshot();
      const next = this.lexer.next();
      if (next.kind === 'op' && next.op === '(') {
        const close = this.lexer.next();
        if (close.kind === 'op' && close.op === ')') {
          this.take();
          this.skipNewlines();
          return { type: 'function', name: tok.raw, body: this.command() };
        }
      }
      this.lexer.restore(saved);
    }
    return this.simple();
  }

  private functionKeyword(): Command {
    this.take();
    const name = this.take();
    if (name.kind !== 'word') this.unexpected(name);
    if (this.isOp(this.peek(), '(')) {
      this.take();
      if (!this.isOp(this.peek(), ')')) this.unexpected(this.peek(), ')');
      this.take();
    }
    this.skipNewlines();
    return { type: 'function', name: name.raw, body: this.command() };
  }

  private withRedirects<T extends Exclude<Command, SimpleCommand | { type: 'function' }>>(cmd: T): T {
    for (;;) {
      const r = this.redirect();
      if (!r) break;
      cmd.redirects.push(r);
    }
    return cmd;
  }

  private redirect(): Redirect | undefined {
    const tok = this.peek();
    if (tok.kind !== 'redir') return undefined;
    this.take();
    const target = this.take();
    if (target.kind !== 'word') this.unexpected(target);
    const defaultFd = tok.op.startsWith('<') ? 0 : 1;
    const redirect: Redirect = { fd: tok.fd ?? defaultFd, op: tok.op, target: target.word };
    if (tok.op === '<<' || tok.op === '<<-') this.lexer.addHeredoc(redirect, target.word);
    return redirect;
  }

  private simple(): SimpleCommand {
    const first = this.peek();
    const cmd: SimpleCommand = { type: 'simple', line: first.line, assigns: [], words: [], redirects: [] };
    for (;;) {
      const r = this.redirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      const tok = this.peek();
      if (tok.kind !== 'word') break;
      this.take();
      const assignment = cmd.words.length === 0 ? asAssignment(tok.word) : undefined;
      if (assignment) cmd.assigns.push(assignment);
      else cmd.words.push(tok.word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) this.unexpected(this.peek());
    return cmd;
  }

  private ifCommand(): IfCommand {
    this.take();
    const clauses: IfCommand['clauses'] = [];
    const cond = this.list(this.stopAt('then'));
    this.expectReserved('then');
    const body = this.list(this.stopAt('elif', 'else', 'fi'));
    clauses.push({ cond, body });
    let elseBody: Script | undefined;
    for (;;) {
      const tok = this.peek();
      if (this.isReserved(tok, 'elif')) {
        this.take();
        const c = this.list(this.stopAt('then'));
        this.expectReserved('then');
        clauses.push({ cond: c, body: this.list(this.stopAt('elif', 'else', 'fi')) });
      } else if (this.isReserved(tok, 'else')) {
        this.take();
        elseBody = this.list(this.stopAt('fi'));
      } else break;
    }
    this.expectReserved('fi');
    const out: IfCommand = { type: 'if', clauses, redirects: [] };
    if (elseBody) out.elseBody = elseBody;
    return out;
  }

  private loop(kind: 'while' | 'until'): LoopCommand {
    this.take();
    const cond = this.list(this.stopAt('do'));
    this.expectReserved('do');
    const body = this.list(this.stopAt('done'));
    this.expectReserved('done');
    return { type: kind, cond, body, redirects: [] };
  }

  private forCommand(): ForCommand {
    this.take();
    const name = this.take();
    if (name.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) this.unexpected(name);
    let words: Word[] | undefined;
    this.skipNewlines();
    if (this.isReserved(this.peek(), 'in')) {
      this.take();
      words = [];
      for (;;) {
        const tok = this.peek();
        if (tok.kind !== 'word') break;
        this.take();
        words.push(tok.word);
      }
      const sep = this.peek();
      if (this.isOp(sep, ';') || this.isOp(sep, '\n')) this.take();
      else this.unexpected(sep);
    } else if (this.isOp(this.peek(), ';')) this.take();
    this.skipNewlines();
    this.expectReserved('do');
    const body = this.list(this.stopAt('done'));
    this.expectReserved('done');
    const out: ForCommand = { type: 'for', name: name.raw, body, redirects: [] };
    if (words) out.words = words;
    return out;
  }

  private caseCommand(): CaseCommand {
    this.take();
    const subject = this.take();
    if (subject.kind !== 'word') this.unexpected(subject);
    this.skipNewlines();
    this.expectReserved('in');
    this.skipNewlines();
    const arms: CaseCommand['arms'] = [];
    while (!this.isReserved(this.peek(), 'esac')) {
      if (this.isOp(this.peek(), '(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.take();
        if (p.kind !== 'word') this.unexpected(p);
        patterns.push(p.word);
        if (this.isOp(this.peek(), '|')) {
          this.take();
          continue;
        }
        break;
      }
      if (!this.isOp(this.peek(), ')')) this.unexpected(this.peek(), ')');
      this.take();
      const body = this.list(this.stopAt('esac'));
      arms.push({ patterns, body });
      if (this.isOp(this.peek(), ';;')) this.take();
      else if (!this.isReserved(this.peek(), 'esac')) this.unexpected(this.peek(), 'esac');
      this.skipNewlines();
    }
    this.take();
    return { type: 'case', subject: subject.word, arms, redirects: [] };
  }

  private group(): GroupCommand {
    this.take();
    const body = this.list(this.stopAt('}'));
    this.expectReserved('}');
    return { type: 'group', body, redirects: [] };
  }
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word[0];
  if (!first || first.type !== 'lit' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m || !m[1]) return undefined;
  const rest = first.text.slice(m[0].length);
  const value: Word = rest ? [{ type: 'lit', text: rest, quoted: false }, ...word.slice(1)] : word.slice(1);
  return { name: m[1], value };
}
