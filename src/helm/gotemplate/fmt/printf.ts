/** sprintf is fmt.Sprintf: Go's doPrintf over the Printer in print.ts. */
import { GoInt, typeName, type GoValue } from '../value.ts';
import { Printer, clearFlags } from './print.ts';

function parseNum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  if (start >= end) return { num: 0, ok: false, next: end };
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (num > 1e6) return { num: 0, ok: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { num, ok, next: i };
}

function intFromArg(args: GoValue[], argNum: number): { num: number; ok: boolean; next: number } {
  if (argNum >= args.length) return { num: 0, ok: false, next: argNum };
  const a = args[argNum] ?? null;
  let num = 0;
  let ok = false;
  if (a instanceof GoInt) {
    num = Number(a.value);
    ok = true;
  }
  if (num > 1e6 || num < -1e6) {
    num = 0;
    ok = false;
  }
  return { num, ok, next: argNum + 1 };
}

/** sprintf is fmt.Sprintf. */
export function sprintf(format: string, args: GoValue[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): { argNum: number; i: number; found: boolean } => {
    if (i >= end || format[i] !== '[') return { argNum, i, found: false };
    reordered = true;
    // parseArgNumber
    let index = 0;
    let wid = 1;
    let ok = false;
    if (end - i >= 3) {
      for (let j = i + 1; j < end; j++) {
        if (format[j] === ']') {
          const parsed = parseNum(format, i + 1, j);
          if (!parsed.ok || parsed.next !== j) {
            wid = j - i + 1;
            ok = false;
          } else {
            index = parsed.num - 1;
            wid = j - i + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) return { argNum: index, i: i + wid, found: true };
    goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  };

  let i = 0;
  formatLoop: while (i < end) {
    goodArgNum = true;
    const last = i;
    while (i < end && format[i] !== '%') i++;
    if (i > last) p.buf += format.slice(last, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    simple: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case '#':
          p.f.sharp = true;
          break;
        case '0':
          p.f.zero = !p.f.minus;
          break;
        case '+':
          p.f.plus = true;
          break;
        case '-':
          p.f.minus = true;
          p.f.zero = false;
          break;
        case ' ':
          p.f.space = true;
          break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') {
              p.f.sharpV = p.f.sharp;
              p.f.sharp = false;
              p.f.plusV = p.f.plus;
              p.f.plus = false;
            }
            p.printArg(args[argNum] ?? null, c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }

    ({ argNum, i, found: afterIndex } = argNumber(i));

    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(args, argNum);
      p.f.wid = w.num;
      p.f.widPresent = w.ok;
      argNum = w.next;
      if (!p.f.widPresent) p.buf += '%!(BADWIDTH)';
      if (p.f.wid < 0) {
        p.f.wid = -p.f.wid;
        p.f.minus = true;
        p.f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parseNum(format, i, end);
      p.f.wid = w.num;
      p.f.widPresent = w.ok;
      i = w.next;
      if (afterIndex && p.f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      ({ argNum, i, found: afterIndex } = argNumber(i));
      if (i < end && format[i] === '*') {
        i++;
        const pr = intFromArg(args, argNum);
        p.f.prec = pr.num;
        p.f.precPresent = pr.ok;
        argNum = pr.next;
        if (p.f.prec < 0) {
          p.f.prec = 0;
          p.f.precPresent = false;
        }
        if (!p.f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const pr = parseNum(format, i, end);
        p.f.prec = pr.num;
        p.f.precPresent = pr.ok;
        i = pr.next;
        if (!p.f.precPresent) {
          p.f.prec = 0;
          p.f.precPresent = true;
        }
      }
    }

    if (!afterIndex) ({ argNum, i, found: afterIndex } = argNumber(i));

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      p.printArg(args[argNum] ?? null, verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null) p.buf += '<nil>';
      else {
        p.buf += `${typeName(arg)}=`;
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
