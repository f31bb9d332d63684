/**
 * A port of Go's fmt printing (Sprint, Sprintln, Sprintf) over the template value model: the verbs
 * %v %+v %#v %T %t %d %b %o %O %x %X %c %q %U %e %E %f %F %g %G %s %%, the flags `+ - # 0 space`,
 * width and precision (also `*`), argument indexes `%[2]d`, and Go's complaints in the output
 * (`%!d(string=hi)`, `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!d(BADINDEX)`).
 */
import { GoFunc, GoInt, GoStruct, elemType, isMap, sortedKeys, typeName, type GoValue } from '../value.ts';
import { formatFloat, formatFloatBinary, formatFloatHex, type FloatFormat } from './float.ts';
import { canBackquote, quote, quoteRune } from './quote.ts';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

export const clearFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: 0,
  widPresent: false,
  prec: 0,
  precPresent: false,
});

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const utf8 = new TextEncoder();

/** Printer is fmt's pp: an output buffer and the flags of the verb being printed. */
export class Printer {
  buf = '';
  f: Flags = clearFlags();

  // --- padding -------------------------------------------------------------------------------
  padding(n: number): string {
    return n > 0 ? (this.f.zero ? '0' : ' ').repeat(n) : '';
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) this.buf += this.padding(width) + s;
    else this.buf += s + (width > 0 ? ' '.repeat(width) : '');
  }

  /** padSpaces pads like pad but never with zeros (fmt turns f.zero off for these). */
  padNoZero(s: string): void {
    const zero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = zero;
  }

  // --- basic kinds -----------------------------------------------------------------------------
  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
    else this.badVerb(verb, v);
  }

  fmtInteger(value: bigint, signed: boolean, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !signed) {
          this.fmt0x64(value, true);
          return;
        }
        this.integer(value, 10, verb, false);
        return;
      case 'd':
        this.integer(value, 10, verb, false);
        return;
      case 'b':
        this.integer(value, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.integer(value, 8, verb, false);
        return;
      case 'x':
        this.integer(value, 16, verb, false);
        return;
      case 'X':
        this.integer(value, 16, verb, true);
        return;
      case 'c':
        this.pad(String.fromCodePoint(validRune(value)));
        return;
      case 'q':
        this.pad(quoteRune(validRune(value), this.f.plus));
        return;
      case 'U':
        this.unicode(value);
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.integer(v, 16, 'v', false);
    this.f.sharp = sharp;
  }

  integer(value: bigint, base: number, verb: string, upper: boolean): void {
    const negative = value < 0n;
    const u = negative ? -value : value;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const zero = this.f.zero;
        this.f.zero = false;
        this.buf += this.padding(this.f.wid);
        this.f.zero = zero;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8 && digits[0] !== '0') digits = `0${digits}`;
      else if (base === 16) digits = `0${upper ? 'X' : 'x'}${digits}`;
    }
    if (verb === 'O') digits = `0o${digits}`;
    if (negative) digits = `-${digits}`;
    else if (this.f.plus) digits = `+${digits}`;
    else if (this.f.space) digits = ` ${digits}`;
    this.padNoZero(digits);
  }

  unicode(value: bigint): void {
    const u = value < 0n ? value & ((1n << 64n) - 1n) : value;
    const prec = this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4;
    let s = `U+${u.toString(16).toUpperCase().padStart(prec, '0')}`;
    if (this.f.sharp && u <= 0x10ffffn && isPrintRune(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    this.padNoZero(s);
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        this.float(v, 'g', -1, verb);
        return;
      case 'g':
      case 'G':
      case 'b':
      case 'x':
      case 'X':
        this.float(v, verb, -1, verb);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.float(v, verb, 6, verb);
        return;
      case 'F':
        this.float(v, 'f', 6, verb);
        return;
      default:
        this.badVerb(verb, v);
    }
  }

  float(v: number, fmt: FloatFormat | 'b' | 'x' | 'X', prec: number, verb: string): void {
    if (this.f.precPresent) prec = this.f.prec;
    let num =
      fmt === 'b'
        ? formatFloatBinary(v)
        : fmt === 'x' || fmt === 'X'
          ? formatFloatHex(v, prec, fmt === 'X')
          : formatFloat(v, fmt, prec);
    if (num[0] !== '-' && num[0] !== '+') num = `+${num}`;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.padNoZero(num);
      return;
    }
    if (this.f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
      let tail = '';
      let body = num;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i] as string;
        if (c === '.') {
          hasPoint = true;
          continue;
        }
        if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        }
        if (c !== '0') sawNonzero = true;
        if (sawNonzero) digits--;
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      if (digits > 0) body += '0'.repeat(digits);
      num = body + tail;
    }
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.buf += num[0];
        this.buf += '0'.repeat(this.f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  truncate(s: string): string {
    if (!this.f.precPresent) return s;
    let n = 0;
    let i = 0;
    for (const ch of s) {
      if (n === this.f.prec) return s.slice(0, i);
      n++;
      i += ch.length;
    }
    return s;
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.pad(this.truncate(v));
        return;
      case 's':
        this.pad(this.truncate(v));
        return;
      case 'x':
      case 'X':
        this.fmtSx(v, verb === 'X');
        return;
      case 'q':
        this.fmtQ(v);
        return;
      default:
        this.badVerb(verb, v);
    }
  }

  fmtSx(s: string, upper: boolean): void {
    let bytes = utf8.encode(s);
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    if (bytes.length === 0) {
      this.buf += this.padding(this.f.wid);
      return;
    }
    let out = '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) out += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) out += upper ? '0X' : '0x';
      const h = b.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    this.pad(out);
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad(`\`${s}\``);
    else this.pad(quote(s, this.f.plus));
  }

  // --- errors ------------------------------------------------------------------------------------
  badVerb(verb: string, arg: GoValue | undefined): void {
    this.buf += `%!${verb}(`;
    if (arg === undefined || arg === null) this.buf += '<nil>';
    else {
      this.buf += `${typeName(arg)}=`;
      this.printArg(arg, 'v', 1);
    }
    this.buf += ')';
  }

  // --- values ------------------------------------------------------------------------------------
  printArg(arg: GoValue, verb: string, depth = 0): void {
    if (arg === null) {
      if (depth > 0) {
        // A nil inside a container is a nil interface value.
        this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      }
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (depth === 0 && verb === 'T') {
      this.pad(this.truncate(typeName(arg)));
      return;
    }
    if (this.handleMethods(arg, verb)) return;
    switch (typeof arg) {
      case 'boolean':
        this.fmtBool(arg, verb);
        return;
      case 'number':
        this.fmtFloat(arg, verb);
        return;
      case 'string':
        this.fmtString(arg, verb);
        return;
    }
    if (arg instanceof GoInt) {
      this.fmtInteger(arg.value, !arg.unsigned, verb, arg);
      return;
    }
    if (arg instanceof GoFunc) {
      if (verb === 'v' || verb === 'p') this.pad(this.f.sharpV ? `(${arg.type})(0x0)` : '0x0');
      else this.badVerb(verb, arg);
      return;
    }
    if (Array.isArray(arg)) {
      if (this.f.sharpV) {
        this.buf += `${typeName(arg)}{`;
        arg.forEach((item, i) => {
          if (i > 0) this.buf += ', ';
          this.printElem(item, elemType(arg), verb);
        });
        this.buf += '}';
        return;
      }
      this.buf += '[';
      arg.forEach((item, i) => {
        if (i > 0) this.buf += ' ';
        this.printElem(item, elemType(arg), verb);
      });
      this.buf += ']';
      return;
    }
    if (arg instanceof GoStruct) {
      if (this.f.sharpV) this.buf += arg.type;
      this.buf += '{';
      Object.entries(arg.fields).forEach(([name, value], i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
        if (this.f.plusV || this.f.sharpV) this.buf += `${name}:`;
        this.printArg(value, verb, 1);
      });
      this.buf += '}';
      return;
    }
    if (isMap(arg)) {
      this.buf += this.f.sharpV ? `${typeName(arg)}{` : 'map[';
      sortedKeys(arg).forEach((key, i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
        this.printArg(key, verb, 1);
        this.buf += ':';
        this.printElem(arg[key] ?? null, elemType(arg), verb);
      });
      this.buf += this.f.sharpV ? '}' : ']';
    }
  }

  printElem(item: GoValue, elem: string, verb: string): void {
    if (item === null && elem !== 'interface {}') {
      this.buf += this.f.sharpV ? `${elem}(nil)` : '<nil>';
      return;
    }
    this.printArg(item, verb, 1);
  }

  /** handleMethods calls a struct's String method for the string-ish verbs, as fmt does for Stringers. */
  handleMethods(arg: GoValue, verb: string): boolean {
    if (!(arg instanceof GoStruct) || this.f.sharpV) return false;
    const method = arg.methods.String;
    if (!method || method.signature.params.length !== 0) return false;
    if (!['v', 's', 'x', 'X', 'q'].includes(verb)) return false;
    this.fmtString(String((method.impl as () => unknown)()), verb);
    return true;
  }
}

function validRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn) return 0xfffd;
  const n = Number(v);
  return n >= 0xd800 && n <= 0xdfff ? 0xfffd : n;
}

function isPrintRune(cp: number): boolean {
  return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(String.fromCodePoint(cp));
}

const isStringArg = (a: GoValue): boolean => typeof a === 'string';

/** sprint is fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = isStringArg(arg);
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.f = clearFlags();
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** sprintln is fmt.Sprintln: spaces between all operands and a newline. */
export function sprintln(args: GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.f = clearFlags();
    p.printArg(arg, 'v');
  });
  return `${p.buf}\n`;
}

export { sprintf } from './printf.ts';
