import { fail, isGnu, ok, type Invocation, type Program, type ProgramResult } from '../program.ts';
import { formatDate, defaultDate } from './date.ts';
import { testExpression } from './test.ts';

const MULTIPLIERS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** parseSleep reads sleep's operands (`30`, `0.5`, `1m`, `infinity`); undefined marks an invalid one. */
export function parseSleep(args: string[]): { ms: number } | { invalid: string } {
  let ms = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return { ms: Infinity };
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return { invalid: a };
    ms += Number(m[1]) * (MULTIPLIERS[m[2] ?? ''] ?? 1000);
  }
  return { ms: Math.round(ms) };
}

const sleep: Program = (inv) => {
  const args = inv.argv.slice(1);
  if (args.length === 0) {
    if (isGnu(inv)) return fail("sleep: missing operand\nTry 'sleep --help' for more information.");
    return fail(
      'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays',
    );
  }
  const parsed = parseSleep(args);
  if ('invalid' in parsed) {
    if (isGnu(inv))
      return fail(`sleep: invalid time interval '${parsed.invalid}'\nTry 'sleep --help' for more information.`);
    return fail(`sleep: invalid number '${parsed.invalid}'`);
  }
  if (!Number.isFinite(parsed.ms)) return { block: { kind: 'forever' } };
  return { status: 0, durationMs: parsed.ms };
};

function envLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
}

const env: Program = (inv) => {
  const args = inv.argv.slice(1);
  let base: Record<string, string> = { ...inv.env };
  while (args[0] === '-i' || args[0] === '-' || args[0]?.startsWith('-u')) {
    const a = args.shift() ?? '';
    if (a === '-i' || a === '-') base = {};
    else if (a === '-u') delete base[args.shift() ?? ''];
  }
  const extra: Record<string, string> = {};
  while (args[0]?.includes('=')) {
    const a = args.shift() ?? '';
    const eq = a.indexOf('=');
    extra[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (args.length === 0) return ok(envLines({ ...base, ...extra }));
  return { exec: args, execEnv: extra };
};

const printenv: Program = (inv) => {
  const names = inv.argv.slice(1);
  if (names.length === 0) return ok(envLines(inv.env));
  let out = '';
  let status = 0;
  for (const n of names) {
    const v = inv.env[n];
    if (v === undefined) status = 1;
    else out += v + '\n';
  }
  return { status, stdout: out };
};

const hostname: Program = (inv) => {
  const arg = inv.argv[1];
  if (arg === '-i' || arg === '-I') return ok(`${inv.ctx.podIP ?? '127.0.0.1'}\n`);
  if (arg && !arg.startsWith('-')) return fail('hostname: sethostname: Operation not permitted');
  return ok(inv.ctx.hostname + '\n');
};

const date: Program = (inv) => {
  const args = inv.argv.slice(1).filter((a) => a !== '-u' && a !== '--utc');
  const format = args.find((a) => a.startsWith('+'));
  if (format) return ok(formatDate(inv.now, format.slice(1)) + '\n');
  if (args.some((a) => a.startsWith('-I') || a.startsWith('--iso')))
    return ok(formatDate(inv.now, '%Y-%m-%dT%H:%M:%S+00:00') + '\n');
  if (args.includes('-R')) return ok(formatDate(inv.now, '%a, %d %b %Y %H:%M:%S +0000') + '\n');
  return ok(defaultDate(inv.now) + '\n');
};

const KERNEL = '6.8.0-1027-gke';

const uname: Program = (inv) => {
  const flags = inv.argv.slice(1).join('');
  const parts: Record<string, string> = {
    s: 'Linux',
    n: inv.ctx.hostname,
    r: KERNEL,
    v: '#31-Ubuntu SMP Tue Mar 18 19:33:50 UTC 2025',
    m: 'x86_64',
    o: 'GNU/Linux',
  };
  if (flags.includes('a')) return ok(['s', 'n', 'r', 'v', 'm', 'o'].map((k) => parts[k]).join(' ') + '\n');
  const chosen = ['s', 'n', 'r', 'v', 'm', 'o'].filter((k) => flags.includes(k));
  return ok((chosen.length ? chosen : ['s']).map((k) => parts[k]).join(' ') + '\n');
};

const id: Program = (inv) => {
  const args = inv.argv.slice(1).join(' ');
  if (args.includes('-u') && args.includes('-n')) return ok('root\n');
  if (args.includes('-u') || args.includes('-g')) return ok('0\n');
  return ok('uid=0(root) gid=0(root) groups=0(root)\n');
};

const seq: Program = (inv) => {
  const nums = inv.argv.slice(1).map(Number);
  const [first, inc, last] =
    nums.length === 1
      ? [1, 1, nums[0] ?? 1]
      : nums.length === 2
        ? [nums[0] ?? 1, 1, nums[1] ?? 1]
        : [nums[0] ?? 1, nums[1] ?? 1, nums[2] ?? 1];
  if (nums.some(Number.isNaN))
    return fail(`seq: invalid floating point argument: '${inv.argv.find((a, i) => i > 0 && Number.isNaN(Number(a)))}'`);
  let out = '';
  let count = 0;
  for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
    out += `${v}\n`;
    if (++count > 100_000 || inc === 0) break;
  }
  return ok(out);
};

const basename: Program = (inv) => {
  const [path = '', suffix] = inv.argv.slice(1);
  let base = path.replace(/\/+$/, '');
  base = base.slice(base.lastIndexOf('/') + 1) || '/';
  if (suffix && base.endsWith(suffix) && base !== suffix) base = base.slice(0, -suffix.length);
  return ok(base + '\n');
};

const dirname: Program = (inv) => {
  const path = (inv.argv[1] ?? '').replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  return ok((i === -1 ? '.' : i === 0 ? '/' : path.slice(0, i)) + '\n');
};

const expr: Program = (inv) => {
  const a = inv.argv.slice(1);
  let result: string;
  if (a.length === 1) result = a[0] ?? '';
  else if (a[0] === 'length') result = String((a[1] ?? '').length);
  else {
    const [x = '', op = '', y = ''] = a;
    const nx = Number(x);
    const ny = Number(y);
    const numeric = !Number.isNaN(nx) && !Number.isNaN(ny) && x !== '' && y !== '';
    const cmp = (r: boolean): string => (r ? '1' : '0');
    switch (op) {
      case '+':
        result = String(nx + ny);
        break;
      case '-':
        result = String(nx - ny);
        break;
      case '*':
        result = String(nx * ny);
        break;
      case '/':
        if (ny === 0) return fail('expr: division by zero', 2);
        result = String(Math.trunc(nx / ny));
        break;
      case '%':
        if (ny === 0) return fail('expr: division by zero', 2);
        result = String(nx % ny);
        break;
      case '=':
        result = cmp(x === y);
        break;
      case '!=':
        result = cmp(x !== y);
        break;
      case '<':
        result = cmp(numeric ? nx < ny : x < y);
        break;
      case '>':
        result = cmp(numeric ? nx > ny : x > y);
        break;
      case '<=':
        result = cmp(numeric ? nx <= ny : x <= y);
        break;
      case '>=':
        result = cmp(numeric ? nx >= ny : x >= y);
        break;
      default:
        return fail('expr: syntax error', 2);
    }
    if (['+', '-', '*', '/', '%'].includes(op) && !numeric) return fail('expr: non-integer argument', 2);
  }
  return { status: result === '0' || result === '' ? 1 : 0, stdout: result + '\n' };
};

const test: Program = (inv) => {
  const name = inv.argv[0] ?? 'test';
  let args = inv.argv.slice(1);
  if (name === '[' || name === '[[') {
    const close = name === '[' ? ']' : ']]';
    if (args[args.length - 1] !== close) return fail(`${inv.flavor === 'exec' ? '[' : 'sh'}: missing ${close}`, 2);
    args = args.slice(0, -1);
  }
  const r = testExpression(args, inv);
  if ('error' in r) return fail(r.error, 2);
  return { status: r.value ? 0 : 1 };
};

const nproc: Program = () => ok('4\n');

const uptime: Program = (inv) => {
  const up = Math.max(0, inv.now - inv.host.startedAt) + 86_400_000 * 3;
  const days = Math.floor(up / 86_400_000);
  const hm = new Date(up).toISOString().slice(11, 16).replace(/^0/, '');
  return ok(` ${formatDate(inv.now, '%H:%M:%S')} up ${days} days, ${hm},  0 users,  load average: 0.12, 0.09, 0.08\n`);
};

const trueProgram: Program = () => ({ status: 0 });
const falseProgram: Program = () => ({ status: 1 });
const pwd: Program = (inv) => ok(inv.cwd + '\n');

export const CORE_PROGRAMS: Record<string, Program> = {
  sleep,
  env,
  printenv,
  hostname,
  date,
  uname,
  id,
  whoami: () => ok('root\n'),
  seq,
  basename,
  dirname,
  expr,
  test,
  '[': test,
  '[[': test,
  true: trueProgram,
  false: falseProgram,
  pwd,
  nproc,
  uptime,
  sync: trueProgram,
  clear: () => ok(''),
};

export type { Invocation, ProgramResult };
