import { errnoText } from '../../vfs.ts';
import { resolvePath, type Program, type ProgramResult } from '../program.ts';
import { joinLines, lines, readInputs, said, toRegExpSource } from './text.ts';

/** tr, cut, sed and awk: the line editors scripts pipe through, in the forms lessons use. */
function expandSet(raw: string): string {
  const set = raw.replace(/\\([ntr\\])/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? '\\');
  let out = '';
  for (let i = 0; i < set.length; i++) {
    const c = set[i] ?? '';
    if (set[i + 1] === '-' && set[i + 2] !== undefined) {
      const end = set.charCodeAt(i + 2);
      for (let code = c.charCodeAt(0); code <= end; code++) out += String.fromCharCode(code);
      i += 2;
    } else out += c;
  }
  return out.replace('[:upper:]', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ').replace('[:lower:]', 'abcdefghijklmnopqrstuvwxyz');
}

const tr: Program = (inv) => {
  const args = inv.argv.slice(1);
  const del = args[0] === '-d';
  const squeeze = args[0] === '-s';
  const sets = args.filter((a) => !a.startsWith('-')).map(expandSet);
  const from = sets[0] ?? '';
  const to = sets[1] ?? '';
  let out = '';
  for (const c of inv.stdin ?? '') {
    const i = from.indexOf(c);
    if (i === -1) out += c;
    else if (del) continue;
    else if (squeeze && out.endsWith(c)) continue;
    else out += to ? (to[Math.min(i, to.length - 1)] ?? c) : c;
  }
  return { status: 0, stdout: out };
};

const cut: Program = (inv) => {
  const args = inv.argv.slice(1);
  let delim = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-d') delim = args[++i] ?? '\t';
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fields = args[++i];
    else if (a.startsWith('-f')) fields = a.slice(2);
    else if (a === '-c') chars = args[++i];
    else if (a.startsWith('-c')) chars = a.slice(2);
    else files.push(a);
  }
  const pick = (spec: string, n: number): number[] => {
    const idx: number[] = [];
    for (const part of spec.split(',')) {
      const [a, b] = part.split('-');
      const start = a ? Number(a) : 1;
      const end = part.includes('-') ? (b ? Number(b) : n) : start;
      for (let i = start; i <= Math.min(end, n); i++) idx.push(i);
    }
    return idx;
  };
  const { inputs } = readInputs(inv, 'cut', files);
  const out = inputs.flatMap((input) =>
    lines(input.text).map((line) => {
      if (chars)
        return pick(chars, line.length)
          .map((i) => line[i - 1] ?? '')
          .join('');
      const parts = line.split(delim);
      if (parts.length === 1) return line;
      return pick(fields ?? '1', parts.length)
        .map((i) => parts[i - 1] ?? '')
        .join(delim);
    }),
  );
  return { status: 0, stdout: joinLines(out) };
};

function sedScript(script: string, text: string): string {
  const out: string[] = [];
  const commands = script
    .split(/;(?=\s*(?:s.|\/|\d+d|d))/)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const line of lines(text)) {
    let current: string | undefined = line;
    for (const cmd of commands) {
      if (current === undefined) break;
      const sub = /^s(.)(.*?)\1(.*?)\1([gip0-9]*)$/.exec(cmd);
      if (sub) {
        const [, , pattern = '', replacement = '', flags = ''] = sub;
        const re = new RegExp(
          toRegExpSource(pattern, false),
          (flags.includes('g') ? 'g' : '') + (flags.includes('i') ? 'i' : ''),
        );
        current = current.replace(
          re,
          replacement
            .replace(/\\(\d)/g, '$$$1')
            .replace(/(^|[^\\])&/g, '$1$$&')
            .replace(/\\&/g, '&'),
        );
        continue;
      }
      const del = /^\/(.*)\/d$/.exec(cmd);
      if (del && new RegExp(toRegExpSource(del[1] ?? '', false)).test(current)) current = undefined;
    }
    if (current !== undefined) out.push(current);
  }
  return joinLines(out);
}

const sed: Program = (inv) => {
  const args = inv.argv.slice(1);
  let inPlace = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-i' || a.startsWith('-i')) inPlace = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (a === '-n' || a === '-E' || a === '-r') continue;
    else if (scripts.length === 0) scripts.push(a);
    else files.push(a);
  }
  const script = scripts.join(';');
  if (inPlace) {
    for (const f of files) {
      const path = resolvePath(inv, f);
      const r = inv.fs.readFile(path);
      if (!r.ok)
        return {
          status: 2,
          stderr: said(inv, `sed: can't read ${f}: ${errnoText[r.errno]}`, `sed: ${f}: ${errnoText[r.errno]}`),
        };
      const w = inv.fs.writeFile(path, sedScript(script, r.value), { now: inv.now });
      if (!w.ok) return { status: 4, stderr: `sed: couldn't open temporary file ${f}: ${errnoText[w.errno]}\n` };
    }
    return { status: 0 };
  }
  const { inputs, err } = readInputs(inv, 'sed', files);
  return { status: err ? 2 : 0, stdout: inputs.map((i) => sedScript(script, i.text)).join(''), stderr: err };
};

const awk: Program = (inv) => {
  const args = inv.argv.slice(1);
  let sep: RegExp = /\s+/;
  let program = '';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-F') sep = new RegExp(escapeRe(args[++i] ?? ' '));
    else if (a.startsWith('-F')) sep = new RegExp(escapeRe(a.slice(2)));
    else if (!program) program = a;
    else files.push(a);
  }
  const m = /^\s*(?:\/(.*)\/)?\s*(?:\{\s*print\s*(.*?)\s*;?\s*\})?\s*$/.exec(program);
  if (!m) return unsupported('awk', program);
  const filter = m[1] ? new RegExp(m[1]) : undefined;
  const exprs = (m[2] ?? '$0')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const { inputs } = readInputs(inv, 'awk', files);
  const out: string[] = [];
  let nr = 0;
  for (const line of inputs.flatMap((i) => lines(i.text))) {
    nr++;
    if (filter && !filter.test(line)) continue;
    const fields = line.trim() === '' ? [] : sep.source === '\\s+' ? line.trim().split(sep) : line.split(sep);
    out.push(
      (exprs.length ? exprs : ['$0'])
        .map((e) => {
          if (e === '$0') return line;
          if (/^\$\d+$/.test(e)) return fields[Number(e.slice(1)) - 1] ?? '';
          if (e === '$NF') return fields[fields.length - 1] ?? '';
          if (e === 'NF') return String(fields.length);
          if (e === 'NR') return String(nr);
          return e.replace(/^"(.*)"$/, '$1');
        })
        .join(' '),
    );
  }
  return { status: 0, stdout: joinLines(out) };
};

function escapeRe(text: string): string {
  return text.length === 1 ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text;
}

function unsupported(tool: string, what: string): ProgramResult {
  return { status: 2, stderr: `${tool}: this simulated ${tool} does not support: ${what}\n` };
}

export const EDIT_PROGRAMS: Record<string, Program> = { tr, cut, sed, awk };
