import { errnoText } from '../../vfs.ts';
import { isGnu, resolvePath, type Invocation, type Program } from '../program.ts';

export function said(inv: Invocation, gnu: string, busybox: string): string {
  return (isGnu(inv) ? gnu : busybox) + '\n';
}

export function lines(text: string): string[] {
  const out = text.split('\n');
  if (text.endsWith('\n')) out.pop();
  return out;
}

export function joinLines(list: string[]): string {
  return list.length === 0 ? '' : list.join('\n') + '\n';
}

/** readInputs reads files (or stdin) for filters, collecting per-file errors in the tool's words. */
export function readInputs(
  inv: Invocation,
  tool: string,
  files: string[],
): { inputs: { name: string; text: string }[]; err: string } {
  const inputs: { name: string; text: string }[] = [];
  let err = '';
  if (files.length === 0) return { inputs: [{ name: '-', text: inv.stdin ?? '' }], err };
  for (const f of files) {
    if (f === '-') {
      inputs.push({ name: '-', text: inv.stdin ?? '' });
      continue;
    }
    const r = inv.fs.readFile(resolvePath(inv, f));
    if (r.ok) inputs.push({ name: f, text: r.value });
    else err += said(inv, `${tool}: ${f}: ${errnoText[r.errno]}`, `${tool}: can't open '${f}': ${errnoText[r.errno]}`);
  }
  return { inputs, err };
}

function parseCount(
  args: string[],
  defaultCount: number,
): { count: number; fromStart: boolean; rest: string[]; follow: '' | 'f' | 'F'; bytes?: number } {
  let count = defaultCount;
  let fromStart = false;
  let follow: '' | 'f' | 'F' = '';
  let bytes: number | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = (text: string): void => {
      fromStart = text.startsWith('+');
      count = Math.abs(Number(text.replace(/^[+]/, ''))) || 0;
    };
    if (a === '-n' || a === '--lines') value(args[++i] ?? '10');
    else if (/^-n[+-]?\d+$/.test(a)) value(a.slice(2));
    else if (a.startsWith('--lines=')) value(a.slice(8));
    else if (a === '-c') bytes = Number(args[++i] ?? '0');
    else if (/^-\d+$/.test(a)) count = Number(a.slice(1));
    else if (a === '-f' || a === '--follow') follow = 'f';
    else if (a === '-F' || a === '--retry') follow = 'F';
    else if (/^-[fFq]+$/.test(a)) follow = a.includes('F') ? 'F' : 'f';
    else if (a.startsWith('-') && a !== '-') continue;
    else rest.push(a);
  }
  return bytes === undefined ? { count, fromStart, rest, follow } : { count, fromStart, rest, follow, bytes };
}

const tail: Program = (inv) => {
  const opt = parseCount(inv.argv.slice(1), 10);
  const files = opt.rest;
  let out = '';
  let err = '';
  const pick = (text: string): string => {
    const all = lines(text);
    const chosen = opt.fromStart ? all.slice(Math.max(0, opt.count - 1)) : opt.count === 0 ? [] : all.slice(-opt.count);
    return joinLines(chosen);
  };
  if (files.length === 0) return { status: 0, stdout: pick(inv.stdin ?? '') };
  files.forEach((f, i) => {
    const r = inv.fs.readFile(resolvePath(inv, f));
    if (!r.ok) {
      err += said(
        inv,
        `tail: cannot open '${f}' for reading: ${errnoText[r.errno]}`,
        `tail: can't open '${f}': ${errnoText[r.errno]}`,
      );
      return;
    }
    if (files.length > 1) out += `${i > 0 ? '\n' : ''}==> ${f} <==\n`;
    out += pick(r.value);
  });
  if (opt.follow) {
    const first = files[0] ?? '';
    const path = resolvePath(inv, first);
    if (path.startsWith('/dev/')) return { stdout: out, stderr: err, block: { kind: 'forever' } };
    const r = inv.fs.readFile(path);
    if (!r.ok && opt.follow !== 'F') return { status: 1, stdout: out, stderr: err };
    return {
      stdout: out,
      stderr: err,
      block: { kind: 'follow', path, offset: r.ok ? r.value.length : 0, retry: opt.follow === 'F', name: first },
    };
  }
  return { status: err ? 1 : 0, stdout: out, stderr: err };
};

const head: Program = (inv) => {
  const opt = parseCount(inv.argv.slice(1), 10);
  const { inputs, err } = readInputs(inv, 'head', opt.rest);
  let out = '';
  inputs.forEach((input, i) => {
    if (inputs.length > 1) out += `${i > 0 ? '\n' : ''}==> ${input.name} <==\n`;
    out += opt.bytes !== undefined ? input.text.slice(0, opt.bytes) : joinLines(lines(input.text).slice(0, opt.count));
  });
  return { status: err ? 1 : 0, stdout: out, stderr: err };
};

const wc: Program = (inv) => {
  const args = inv.argv.slice(1);
  const flags = args.filter((a) => a.startsWith('-') && a !== '-').join('');
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  const { inputs, err } = readInputs(inv, 'wc', files);
  const want = flags ? ['l', 'w', 'c', 'm'].filter((c) => flags.includes(c)) : ['l', 'w', 'c'];
  let out = '';
  for (const input of inputs) {
    const counts: Record<string, number> = {
      l: (input.text.match(/\n/g) ?? []).length,
      w: input.text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(input.text).length,
      m: input.text.length,
    };
    const cols = want.map((k) => String(counts[k] ?? 0));
    const name = input.name === '-' ? '' : ` ${input.name}`;
    out += (want.length === 1 ? cols[0] : cols.map((c) => c.padStart(7)).join(' ')) + name + '\n';
  }
  return { status: err ? 1 : 0, stdout: out, stderr: err };
};

const POSIX_CLASSES: Record<string, string> = {
  '[:digit:]': '0-9',
  '[:alpha:]': 'A-Za-z',
  '[:alnum:]': 'A-Za-z0-9',
  '[:upper:]': 'A-Z',
  '[:lower:]': 'a-z',
  '[:space:]': ' \\t\\n\\r\\f\\v',
  '[:blank:]': ' \\t',
  '[:punct:]': '!-/:-@\\[-`{-~',
  '[:xdigit:]': '0-9A-Fa-f',
};

/** toRegExpSource converts a POSIX basic (or extended) regular expression to JavaScript syntax. */
export function toRegExpSource(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '[') {
      const end = pattern.indexOf(']', pattern[i + 1] === ']' ? i + 2 : i + 1);
      let cls = end === -1 ? pattern.slice(i) : pattern.slice(i, end + 1);
      for (const [name, expansion] of Object.entries(POSIX_CLASSES)) cls = cls.split(name).join(expansion);
      out += cls;
      i = end === -1 ? pattern.length : end;
      while (cls.includes('[:') && i < pattern.length && pattern[i] !== ']') i++;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      i++;
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else out += '\\' + n;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return out;
}

const grep: Program = (inv) => {
  const args = inv.argv.slice(1);
  const flags = new Set<string>();
  const operands: string[] = [];
  let pattern: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-e') pattern = args[++i];
    else if (/^-[A-Za-z]+$/.test(a)) for (const c of a.slice(1)) flags.add(c);
    else if (a.startsWith('--')) flags.add(a);
    else operands.push(a);
  }
  if (inv.argv[0]?.endsWith('egrep')) flags.add('E');
  if (pattern === undefined) pattern = operands.shift();
  if (pattern === undefined)
    return {
      status: 2,
      stderr: said(
        inv,
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.",
        'BusyBox v1.37.0 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
      ),
    };
  let re: RegExp;
  try {
    const source = flags.has('F')
      ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      : toRegExpSource(pattern, flags.has('E'));
    re = new RegExp(flags.has('w') ? `\\b(?:${source})\\b` : source, flags.has('i') ? 'i' : '');
  } catch {
    return { status: 2, stderr: `grep: bad regex '${pattern}'\n` };
  }
  const { inputs, err } = readInputs(inv, 'grep', operands);
  let out = '';
  let matched = false;
  const prefixName = inputs.length > 1 && !flags.has('h');
  for (const input of inputs) {
    let count = 0;
    lines(input.text).forEach((line, idx) => {
      const hit = re.test(line) !== flags.has('v');
      if (!hit) return;
      count++;
      matched = true;
      if (flags.has('q') || flags.has('c') || flags.has('l')) return;
      const prefix = (prefixName ? `${input.name}:` : '') + (flags.has('n') ? `${idx + 1}:` : '');
      if (flags.has('o') && !flags.has('v')) {
        for (const m of line.match(new RegExp(re.source, re.flags + 'g')) ?? []) out += prefix + m + '\n';
      } else out += prefix + line + '\n';
    });
    if (flags.has('c')) out += (prefixName ? `${input.name}:` : '') + count + '\n';
    if (flags.has('l') && count > 0) out += (input.name === '-' ? '(standard input)' : input.name) + '\n';
  }
  if (flags.has('q')) return { status: matched ? 0 : 1 };
  return { status: err && !flags.has('s') ? 2 : matched ? 0 : 1, stdout: out, stderr: flags.has('s') ? '' : err };
};

const tee: Program = (inv) => {
  const args = inv.argv.slice(1);
  const append = args.includes('-a');
  const text = inv.stdin ?? '';
  let err = '';
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    const r = inv.fs.writeFile(resolvePath(inv, f), text, { append, now: inv.now });
    if (!r.ok) err += said(inv, `tee: ${f}: ${errnoText[r.errno]}`, `tee: can't open '${f}': ${errnoText[r.errno]}`);
  }
  return { status: err ? 1 : 0, stdout: text, stderr: err };
};

const sort: Program = (inv) => {
  const args = inv.argv.slice(1);
  const flags = args.filter((a) => /^-[a-z]+$/.test(a)).join('');
  const { inputs, err } = readInputs(
    inv,
    'sort',
    args.filter((a) => !/^-[a-z]+$/.test(a)),
  );
  let all = inputs.flatMap((i) => lines(i.text));
  all.sort(
    flags.includes('n')
      ? (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0)
      : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  if (flags.includes('r')) all.reverse();
  if (flags.includes('u')) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  return { status: err ? 2 : 0, stdout: joinLines(all), stderr: err };
};

const uniq: Program = (inv) => {
  const args = inv.argv.slice(1);
  const count = args.includes('-c');
  const { inputs } = readInputs(
    inv,
    'uniq',
    args.filter((a) => !a.startsWith('-')),
  );
  const out: string[] = [];
  let prev: string | undefined;
  let n = 0;
  const flush = (): void => {
    if (prev !== undefined) out.push(count ? `${String(n).padStart(7)} ${prev}` : prev);
  };
  for (const line of lines(inputs[0]?.text ?? '')) {
    if (line === prev) n++;
    else {
      flush();
      prev = line;
      n = 1;
    }
  }
  flush();
  return { status: 0, stdout: joinLines(out) };
};

export const TEXT_PROGRAMS: Record<string, Program> = { tail, head, wc, grep, egrep: grep, tee, sort, uniq };
