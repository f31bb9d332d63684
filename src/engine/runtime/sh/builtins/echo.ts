import { fail, ok, type Program } from '../program.ts';

/** unescapeEcho applies echo -e / printf %b escapes. Returns the text and whether \c stopped output. */
export function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = text[i + 1] ?? '';
    i++;
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'e':
        out += '\x1b';
        break;
      case '\\':
        out += '\\';
        break;
      case 'c':
        return { text: out, stop: true };
      case '0': {
        const oct = /^[0-7]{0,3}/.exec(text.slice(i + 1))?.[0] ?? '';
        out += String.fromCharCode(parseInt(oct || '0', 8));
        i += oct.length;
        break;
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))?.[0] ?? '';
        if (hex) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += hex.length;
        } else out += '\\x';
        break;
      }
      case '':
        out += '\\';
        break;
      default:
        out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

const echo: Program = (inv) => {
  const args = inv.argv.slice(1);
  let newline = true;
  let escapes = inv.flavor === 'dash';
  while (args.length > 0) {
    const a = args[0] ?? '';
    if (inv.flavor === 'dash' ? a !== '-n' : !/^-[neE]+$/.test(a)) break;
    if (a.includes('n')) newline = false;
    if (inv.flavor !== 'dash') {
      if (a.includes('e')) escapes = true;
      if (a.includes('E')) escapes = false;
    }
    args.shift();
  }
  let text = args.join(' ');
  if (escapes) {
    const u = unescape(text);
    text = u.text;
    if (u.stop) newline = false;
  }
  return ok(newline ? text + '\n' : text);
};

/** printf implements the format directives scripts use: %s %d %i %f %x %o %c %b %% with widths. */
export function printfFormat(format: string, args: string[]): string {
  let out = '';
  let argIndex = 0;
  const directive = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sdifxXocbeEgGu%])/g;
  do {
    const start = argIndex;
    let last = 0;
    for (let m = directive.exec(format); m; m = directive.exec(format)) {
      out += unescape(format.slice(last, m.index)).text;
      last = directive.lastIndex;
      const [, flags = '', width, precision, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const arg = args[argIndex++] ?? '';
      let text: string;
      switch (conv) {
        case 'd':
        case 'i':
        case 'u':
          text = String(Math.trunc(Number(arg) || 0));
          break;
        case 'f':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
          text = (Number(arg) || 0).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
          text = (Math.trunc(Number(arg)) || 0).toString(16);
          break;
        case 'X':
          text = (Math.trunc(Number(arg)) || 0).toString(16).toUpperCase();
          break;
        case 'o':
          text = (Math.trunc(Number(arg)) || 0).toString(8);
          break;
        case 'c':
          text = arg.slice(0, 1);
          break;
        case 'b':
          text = unescape(arg).text;
          break;
        default:
          text = precision === undefined ? arg : arg.slice(0, Number(precision));
      }
      const w = width === '*' ? 0 : Number(width ?? 0);
      if (text.length < w) {
        const pad = flags.includes('0') && !flags.includes('-') && conv !== 's' ? '0' : ' ';
        text = flags.includes('-') ? text.padEnd(w) : text.padStart(w, pad);
      }
      out += text;
    }
    out += unescape(format.slice(last)).text;
    directive.lastIndex = 0;
    if (argIndex === start) break;
  } while (argIndex < args.length);
  return out;
}

const printf: Program = (inv) => {
  const [format, ...args] = inv.argv.slice(1);
  if (format === undefined) return fail('printf: usage: printf format [arguments]', inv.flavor === 'bash' ? 2 : 1);
  return ok(printfFormat(format, args));
};

export const ECHO_PROGRAMS: Record<string, Program> = { echo, printf };
