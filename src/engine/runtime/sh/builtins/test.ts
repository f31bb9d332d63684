import type { Invocation } from '../program.ts';
import { resolvePath } from '../program.ts';

type Result = { value: boolean } | { error: string };

function integer(inv: Invocation, text: string): number | { error: string } {
  if (/^\s*-?\d+\s*$/.test(text)) return Number(text);
  if (inv.flavor === 'bash') return { error: `bash: [: ${text}: integer expression expected` };
  if (inv.flavor === 'dash') return { error: `sh: 1: [: Illegal number: ${text}` };
  return { error: `sh: ${text}: bad number` };
}

function unary(op: string, arg: string, inv: Invocation): boolean | undefined {
  const path = resolvePath(inv, arg);
  const st = () => inv.fs.stat(path);
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-a':
      return st().ok;
    case '-f': {
      const s = st();
      return s.ok && s.value.type === 'file';
    }
    case '-d': {
      const s = st();
      return s.ok && s.value.type === 'dir';
    }
    case '-s': {
      const s = st();
      return s.ok && s.value.size > 0;
    }
    case '-r':
    case '-w':
      return st().ok;
    case '-x': {
      const s = st();
      return s.ok && (s.value.mode & 0o111) !== 0;
    }
    case '-L':
    case '-h':
    case '-p':
    case '-S':
    case '-b':
    case '-c':
      return false;
    case '-t':
      return false;
    default:
      return undefined;
  }
}

function binary(left: string, op: string, right: string, inv: Invocation): Result | undefined {
  switch (op) {
    case '=':
    case '==':
      return { value: left === right };
    case '!=':
      return { value: left !== right };
    case '<':
      return { value: left < right };
    case '>':
      return { value: left > right };
    case '-eq':
    case '-ne':
    case '-lt':
    case '-le':
    case '-gt':
    case '-ge': {
      const a = integer(inv, left);
      if (typeof a !== 'number') return a;
      const b = integer(inv, right);
      if (typeof b !== 'number') return b;
      const r = { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[op];
      return { value: r };
    }
    default:
      return undefined;
  }
}

/** testExpression evaluates test/[ operands: file tests, string and integer comparisons, !, -a, -o. */
export function testExpression(args: string[], inv: Invocation): Result {
  const orIndex = args.lastIndexOf('-o');
  if (orIndex > 0 && orIndex < args.length - 1) {
    const l = testExpression(args.slice(0, orIndex), inv);
    if ('error' in l) return l;
    const r = testExpression(args.slice(orIndex + 1), inv);
    if ('error' in r) return r;
    return { value: l.value || r.value };
  }
  const andIndex = args.lastIndexOf('-a');
  if (andIndex > 0 && andIndex < args.length - 1 && args.length > 3) {
    const l = testExpression(args.slice(0, andIndex), inv);
    if ('error' in l) return l;
    const r = testExpression(args.slice(andIndex + 1), inv);
    if ('error' in r) return r;
    return { value: l.value && r.value };
  }
  const [a = '', b = '', c = ''] = args;
  switch (args.length) {
    case 0:
      return { value: false };
    case 1:
      return { value: a !== '' };
    case 2: {
      if (a === '!') return { value: b === '' };
      const u = unary(a, b, inv);
      if (u === undefined) return { error: `sh: ${a}: unknown operand` };
      return { value: u };
    }
    case 3: {
      const r = binary(a, b, c, inv);
      if (r) return r;
      if (a === '!') {
        const inner = testExpression([b, c], inv);
        return 'error' in inner ? inner : { value: !inner.value };
      }
      if (a === '(' && c === ')') return { value: b !== '' };
      return { error: `sh: ${b}: unknown operand` };
    }
    default:
      if (a === '!') {
        const inner = testExpression(args.slice(1), inv);
        return 'error' in inner ? inner : { value: !inner.value };
      }
      return { error: 'sh: syntax error' };
  }
}
