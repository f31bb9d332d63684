import { ExpansionError } from './messages.ts';

/** ArithEnv is what $((…)) reads and writes: shell variables. */
export interface ArithEnv {
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
];

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0x[0-9a-fA-F]+|\d+)/.exec(text.slice(i));
    if (num) {
      const s = num[0];
      out.push({
        t: 'num',
        v: s.startsWith('0x') ? parseInt(s, 16) : s.length > 1 && s.startsWith('0') ? parseInt(s, 8) : Number(s),
      });
      i += s.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? c;
    if (!'+-*/%()<>=!~&|^?:,'.includes(op[0] ?? '')) throw new ExpansionError(`arithmetic syntax error`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

/**
 * evalArith evaluates shell arithmetic ($((i+1)), $((n*2 > 10)), $((x+=1))) with C precedence over
 * integers; unset or empty variables count as 0.
 */
export function evalArith(text: string, env: ArithEnv): number {
  const toks = tokenize(text);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const varValue = (name: string): number => {
    const raw = env.lookup(name) ?? '';
    if (raw.trim() === '') return 0;
    const n = Number(raw.trim());
    if (Number.isNaN(n)) return evalArith(raw, env);
    return Math.trunc(n);
  };
  const setVar = (name: string, value: number): number => {
    env.assign(name, String(value));
    return value;
  };

  const assignment = (): number => {
    const t = peek();
    const next = toks[pos + 1];
    if (
      t?.t === 'id' &&
      next?.t === 'op' &&
      ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='].includes(next.v)
    ) {
      pos += 2;
      const rhs = assignment();
      const cur = varValue(t.v);
      const ops: Record<string, (a: number, b: number) => number> = {
        '=': (_a, b) => b,
        '+=': (a, b) => a + b,
        '-=': (a, b) => a - b,
        '*=': (a, b) => a * b,
        '/=': (a, b) => div(a, b),
        '%=': (a, b) => mod(a, b),
        '<<=': (a, b) => a << b,
        '>>=': (a, b) => a >> b,
        '&=': (a, b) => a & b,
        '|=': (a, b) => a | b,
        '^=': (a, b) => a ^ b,
      };
      return setVar(t.v, (ops[next.v] ?? ((_a: number, b: number) => b))(cur, rhs));
    }
    return ternary();
  };
  const ternary = (): number => {
    const cond = binary(0);
    if (isOp('?')) {
      pos++;
      const a = assignment();
      if (!isOp(':')) throw new ExpansionError('arithmetic syntax error');
      pos++;
      const b = assignment();
      return cond ? a : b;
    }
    return cond;
  };
  const levels: string[][] = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '<=', '>', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||':
        return a || b ? 1 : 0;
      case '&&':
        return a && b ? 1 : 0;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
      case '<':
        return a < b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return div(a, b);
      default:
        return mod(a, b);
    }
  };
  const binary = (level: number): number => {
    if (level >= levels.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op' || !(levels[level] ?? []).includes(t.v)) return left;
      pos++;
      left = apply(t.v, left, binary(level + 1));
    }
  };
  const unary = (): number => {
    const t = peek();
    if (t?.t === 'op') {
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        pos++;
        const v = unary();
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? (v ? 0 : 1) : ~v;
      }
      if (t.v === '++' || t.v === '--') {
        pos++;
        const id = peek();
        if (id?.t !== 'id') throw new ExpansionError('arithmetic syntax error');
        pos++;
        return setVar(id.v, varValue(id.v) + (t.v === '++' ? 1 : -1));
      }
    }
    return postfix();
  };
  const postfix = (): number => {
    const t = peek();
    if (t?.t === 'id') {
      pos++;
      if (isOp('++') || isOp('--')) {
        const op = (peek() as { v: string }).v;
        pos++;
        const old = varValue(t.v);
        setVar(t.v, old + (op === '++' ? 1 : -1));
        return old;
      }
      return varValue(t.v);
    }
    if (t?.t === 'num') {
      pos++;
      return t.v;
    }
    if (isOp('(')) {
      pos++;
      const v = assignment();
      if (!isOp(')')) throw new ExpansionError('arithmetic syntax error');
      pos++;
      return v;
    }
    throw new ExpansionError('arithmetic syntax error');
  };
  if (toks.length === 0) return 0;
  const result = assignment();
  if (pos < toks.length) throw new ExpansionError('arithmetic syntax error');
  return Math.trunc(result);
}

function div(a: number, b: number): number {
  if (b === 0) throw new ExpansionError('divide by zero');
  return Math.trunc(a / b);
}

function mod(a: number, b: number): number {
  if (b === 0) throw new ExpansionError('divide by zero');
  return a % b;
}
