/**
 * strconv.FormatFloat(x, fmt, prec, 64) for the formats fmt uses ('e', 'E', 'f', 'g', 'G'); prec -1 asks
 * for the shortest digits that read back as x. Rounding with an explicit precision works on the exact
 * decimal value of the double and breaks exact ties to even, as Go's decimal rounding does (so %.0f of
 * 0.5 is "0" and %.1f of 0.25 is "0.2", unlike JavaScript's toFixed).
 */

interface Digits {
  /** d holds the significant digits without leading or trailing zeros ("" for zero). */
  d: string;
  /** dp is the position of the decimal point: value = 0.d × 10^dp. */
  dp: number;
}

/** shortestDigits are the fewest digits that round-trip, as Go's Ryu/Grisu shortest mode gives. */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [mant = '', exp = '0'] = x.toExponential().split('e');
  return trim({ d: mant.replace('.', ''), dp: Number(exp) + 1 });
}

/** exactDigits is the full decimal expansion of a finite, positive double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trim({ d: s, dp: s.length });
  }
  const k = -exp;
  const s = (mant * 5n ** BigInt(k)).toString();
  return trim({ d: s, dp: s.length - k });
}

function trim(digits: Digits): Digits {
  let d = digits.d;
  let dp = digits.dp;
  let lead = 0;
  while (lead < d.length && d[lead] === '0') lead++;
  d = d.slice(lead);
  dp -= lead;
  d = d.replace(/0+$/, '');
  if (d === '') dp = 0;
  return { d, dp };
}

/** roundTo keeps nd significant digits, rounding half to even on the exact digits. */
function roundTo(digits: Digits, nd: number): Digits {
  const { d, dp } = digits;
  if (nd < 0 || nd >= d.length) return digits;
  const next = d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < d.length)
    up = true; // more non-zero digits follow (d is trimmed)
  else up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  if (!up) return trim({ d: d.slice(0, nd), dp });
  // Propagate the carry.
  const kept = d.slice(0, nd).split('').map(Number);
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === 9) {
    kept[i] = 0;
    i--;
  }
  if (i < 0) return { d: '1', dp: dp + 1 };
  kept[i] = (kept[i] ?? 0) + 1;
  return trim({ d: kept.join(''), dp });
}

function digitAt(digits: Digits, i: number): string {
  return i >= 0 && i < digits.d.length ? (digits.d[i] as string) : '0';
}

function fmtE(neg: boolean, digits: Digits, prec: number, e: 'e' | 'E'): string {
  let out = neg ? '-' : '';
  out += digits.d.length ? digits.d[0] : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(digits, i);
  }
  const exp = digits.d.length === 0 ? 0 : digits.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function fmtF(neg: boolean, digits: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (digits.dp > 0) {
    for (let i = 0; i < digits.dp; i++) out += digitAt(digits, i);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digitAt(digits, digits.dp + i);
  }
  return out;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** formatFloat is strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let digits: Digits;
  if (shortest) {
    digits = shortestDigits(abs);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(digits.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(digits.d.length - digits.dp, 0);
        break;
      default:
        prec = digits.d.length;
    }
  } else {
    digits = exactDigits(abs);
    switch (fmt) {
      case 'e':
      case 'E':
        digits = roundTo(digits, prec + 1);
        break;
      case 'f':
        digits = roundTo(digits, digits.dp + prec);
        break;
      default:
        if (prec === 0) prec = 1;
        digits = roundTo(digits, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, digits, prec, fmt);
    case 'f':
      return fmtF(neg, digits, prec);
    default: {
      let eprec = prec;
      if (eprec > digits.d.length && digits.d.length >= digits.dp) eprec = digits.d.length;
      if (shortest) eprec = 6;
      const exp = digits.dp - 1;
      if (digits.d.length !== 0 && (exp < -4 || exp >= eprec)) {
        if (prec > digits.d.length) prec = digits.d.length;
        return fmtE(neg, digits, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digits.dp) prec = digits.d.length;
      return fmtF(neg, digits, Math.max(prec - digits.dp, 0));
    }
  }
}

const MASK64 = (1n << 64n) - 1n;

function floatBits(x: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg, mant, exp: exp - 1023 };
}

/** formatFloatBinary is strconv's 'b' format: decimal mantissa and binary exponent (4503599627370496p-49). */
export function formatFloatBinary(x: number): string {
  if (!Number.isFinite(x)) return formatFloat(x, 'g', -1);
  const { neg, mant, exp } = floatBits(x);
  const e = exp - 52;
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : ''}${e}`;
}

/** formatFloatHex is strconv's 'x'/'X' format: 0x1.8p+01 (prec -1 for the fewest digits). */
export function formatFloatHex(x: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(x)) return formatFloat(x, 'g', -1);
  const bits = floatBits(x);
  let { mant, exp } = bits;
  if (mant === 0n) exp = 0;
  mant = (mant << 8n) & MASK64;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant = (mant << 1n) & MASK64;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant = (mant << (60n - shift)) & MASK64;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = `${bits.neg ? '-' : ''}0${upper ? 'X' : 'x'}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  const abs = Math.abs(exp);
  return `${out}${upper ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}
