/**
 * Kubernetes resource.Quantity (k8s.io/apimachinery/pkg/api/resource/quantity.go): the text form of cpu,
 * memory and storage amounts. Values are kept exactly as a decimal mantissa and exponent (BigInt), because
 * float arithmetic would turn `100m` into 101 millicores after rounding up, and the scheduler and the
 * kubelet must agree with a real cluster to the millicore and the byte.
 */

/** QuantityFormat is how a quantity was written; canonical printing keeps the family (`128Mi` stays binary). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** ExactQuantity is mantissa × 10^exponent, trailing zeros moved into the exponent, plus the written format. */
export interface ExactQuantity {
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

const binarySuffixes: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const decimalSuffixByExponent = new Map(Object.entries(decimalSuffixes).map(([suffix, exp]) => [exp, suffix]));
const binarySuffixByPower = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** nanoExponent is the finest precision a Quantity keeps; ParseQuantity rounds finer values up to it. */
const nanoExponent = -9;

const quantityPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE])([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

const memo = new Map<string, ExactQuantity | null>();
const memoLimit = 4096;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** ceilDiv divides rounding toward +∞, as Quantity.ScaledValue does. */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q;
}

/** awayFromZeroDiv divides rounding away from zero, as inf.RoundUp does when parsing drops precision. */
function awayFromZeroDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n ? q + (a < 0n ? -1n : 1n) : q;
}

function normalize(mantissa: bigint, exponent: number, format: QuantityFormat): ExactQuantity {
  if (mantissa === 0n) return { mantissa, exponent: 0, format };
  if (exponent < nanoExponent) {
    mantissa = awayFromZeroDiv(mantissa, pow10(nanoExponent - exponent));
    exponent = nanoExponent;
  }
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa, exponent: mantissa === 0n ? 0 : exponent, format };
}

function parseText(text: string): ExactQuantity | null {
  const m = quantityPattern.exec(text);
  if (!m) return null;
  const [, sign = '', whole = '', fraction, expMark, expDigits, suffix = ''] = m;
  if (whole === '' && (fraction === undefined || fraction === '')) return null;
  const digits = whole + (fraction ?? '');
  let mantissa = BigInt(digits === '' ? '0' : digits);
  if (sign === '-') mantissa = -mantissa;
  let exponent = -(fraction?.length ?? 0);
  let format: QuantityFormat = 'DecimalSI';
  if (expMark !== undefined && expDigits !== undefined) {
    const e = Number(expDigits);
    if (!Number.isSafeInteger(e) || Math.abs(e) > 1000) return null;
    exponent += e;
    format = 'DecimalExponent';
  } else if (suffix in binarySuffixes) {
    mantissa *= 1024n ** BigInt(binarySuffixes[suffix] ?? 0);
    format = 'BinarySI';
  } else {
    exponent += decimalSuffixes[suffix] ?? 0;
  }
  return normalize(mantissa, exponent, format);
}

/**
 * parseExactQuantity reads a quantity like `500m`, `1.5`, `128Mi`, `1e3` or a YAML number. It returns undefined
 * for text the API server would reject, so callers can report a validation error in their own words.
 */
export function parseExactQuantity(text: string | number): ExactQuantity | undefined {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return undefined;
    text = String(text);
  }
  let parsed = memo.get(text);
  if (parsed === undefined) {
    parsed = parseText(text);
    if (memo.size >= memoLimit) memo.clear();
    memo.set(text, parsed);
  }
  return parsed ?? undefined;
}

function toNumber(q: ExactQuantity): number {
  return q.exponent >= 0 ? Number(q.mantissa) * 10 ** q.exponent : Number(q.mantissa) / 10 ** -q.exponent;
}

/**
 * parseQuantity gives a quantity in base units as a float: cpu in cores (`100m` → 0.1), memory and storage in
 * bytes (`128Mi` → 134217728). It returns undefined when the text is not a quantity.
 */
export function parseQuantity(text: string | number): number | undefined {
  const q = parseExactQuantity(text);
  return q === undefined ? undefined : toNumber(q);
}

/** isQuantity tells whether the API server would accept the text as a resource.Quantity. */
export function isQuantity(text: unknown): boolean {
  return (typeof text === 'string' || typeof text === 'number') && parseExactQuantity(text) !== undefined;
}

/**
 * scaledValue is Quantity.ScaledValue: ceil(value / 10^scale), so `1.5m` is 2 millicores and `0.5` bytes is 1,
 * the way the scheduler and the kubelet count. Missing or invalid quantities count as 0, since validation has
 * already rejected them before anything is scheduled.
 */
export function scaledValue(text: string | number | undefined, scale: number): number {
  if (text === undefined) return 0;
  const q = parseExactQuantity(text);
  if (q === undefined || q.mantissa === 0n) return 0;
  const shift = q.exponent - scale;
  const value = shift >= 0 ? q.mantissa * pow10(shift) : ceilDiv(q.mantissa, pow10(-shift));
  return Number(value);
}

/** cpuMillis is Quantity.MilliValue for cpu: `500m` → 500, `1` → 1000, `0.1` → 100. */
export function cpuMillis(text: string | number | undefined): number {
  return scaledValue(text, -3);
}

/** memoryBytes is Quantity.Value for memory and storage: `128Mi` → 134217728, `1G` → 1000000000. */
export function memoryBytes(text: string | number | undefined): number {
  return scaledValue(text, 0);
}

/** formatExact prints an exact quantity in its canonical form (Quantity.CanonicalizeBytes). */
function formatExact(q: ExactQuantity): string {
  if (q.mantissa === 0n) return '0';
  if (q.format === 'BinarySI') {
    const isInteger = q.exponent >= 0;
    const value = isInteger ? q.mantissa * pow10(q.exponent) : 0n;
    if (isInteger && (value <= -1024n || value >= 1024n)) {
      let amount = value;
      let power = 0;
      while (power < binarySuffixByPower.length - 1 && amount % 1024n === 0n) {
        amount /= 1024n;
        power += 1;
      }
      return `${amount}${binarySuffixByPower[power] ?? ''}`;
    }
    return formatDecimal(q.mantissa, q.exponent, 'DecimalSI');
  }
  return formatDecimal(q.mantissa, q.exponent, q.format);
}

/** formatDecimal moves the exponent to a multiple of three with an integer mantissa: 1500 → `1500`, 1e3 → `1k`. */
function formatDecimal(mantissa: bigint, exponent: number, format: QuantityFormat): string {
  const rest = ((exponent % 3) + 3) % 3;
  const exp3 = exponent - rest;
  const amount = mantissa * pow10(rest);
  if (format === 'DecimalSI') {
    const suffix = decimalSuffixByExponent.get(exp3);
    if (suffix !== undefined) return `${amount}${suffix}`;
  }
  return exp3 === 0 ? `${amount}` : `${amount}e${exp3}`;
}

/**
 * canonicalQuantity is how the API server stores and kubectl prints a quantity: `0.5` → `500m`, `1000m` → `1`,
 * `1024Mi` → `1Gi`, `1000` → `1k`, `1e3` → `1e3`. Undefined when the text is not a quantity.
 */
export function canonicalQuantity(text: string | number): string | undefined {
  const q = parseExactQuantity(text);
  return q === undefined ? undefined : formatExact(q);
}

/** formatQuantity prints a base-unit value canonically in the given family, e.g. (134217728, 'BinarySI') → `128Mi`. */
export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  const q = parseExactQuantity(value);
  if (q === undefined) return String(value);
  return formatExact({ ...q, format });
}

/** formatCpu prints millicores as kubectl shows cpu: 100 → `100m`, 1000 → `1`, 2500 → `2500m`. */
export function formatCpu(millis: number): string {
  if (millis % 1000 === 0) return String(millis / 1000);
  return `${Math.ceil(millis)}m`;
}

/** formatMemory prints bytes in the binary family kubectl shows for memory: 134217728 → `128Mi`. */
export function formatMemory(bytes: number): string {
  return formatQuantity(bytes, 'BinarySI');
}
