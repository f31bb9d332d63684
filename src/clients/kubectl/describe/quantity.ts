// The engine's public index does not export its resource.Quantity parser yet; this is the one place the
// describers reach for it (as `kubectl create quota` does), so the import moves in one line when it does.
import { parseExactQuantity, type ExactQuantity } from '../../../engine/api/quantity.ts';

/**
 * Quantity is the slice of apimachinery's resource.Quantity the describers need: kubectl decodes every
 * quantity it prints, so `0.5` shows as `500m`; sums keep the format of their first non-zero term
 * (Quantity.Add), which is why a node's `Allocated resources` reads `250m` or `384Mi`.
 */
export class Quantity {
  private constructor(private readonly q: ExactQuantity) {}

  static readonly zero = new Quantity({ mantissa: 0n, exponent: 0, format: 'DecimalSI' });

  /** parse reads a quantity as the API sent it; text kubectl could not decode counts as zero. */
  static parse(text: string | number | undefined | null): Quantity {
    if (text === undefined || text === null) return Quantity.zero;
    const q = parseExactQuantity(text);
    return q ? new Quantity(q) : Quantity.zero;
  }

  /** fromValue is resource.NewQuantity: a whole number in the given format. */
  static fromValue(value: number, format: ExactQuantity['format']): Quantity {
    return new Quantity(normalize(BigInt(Math.trunc(value)), 0, format));
  }

  get format(): ExactQuantity['format'] {
    return this.q.format;
  }

  isZero(): boolean {
    return this.q.mantissa === 0n;
  }

  add(other: Quantity): Quantity {
    const format = this.isZero() ? other.q.format : this.q.format;
    const exponent = Math.min(this.q.exponent, other.q.exponent);
    const mantissa =
      this.q.mantissa * 10n ** BigInt(this.q.exponent - exponent) +
      other.q.mantissa * 10n ** BigInt(other.q.exponent - exponent);
    return new Quantity(normalize(mantissa, exponent, format));
  }

  cmp(other: Quantity): number {
    const exponent = Math.min(this.q.exponent, other.q.exponent);
    const a = this.q.mantissa * 10n ** BigInt(this.q.exponent - exponent);
    const b = other.q.mantissa * 10n ** BigInt(other.q.exponent - exponent);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** scaled is Quantity.ScaledValue: rounded up to a multiple of 10^scale. */
  private scaled(scale: number): number {
    const shift = this.q.exponent - scale;
    if (shift >= 0) return Number(this.q.mantissa * 10n ** BigInt(shift));
    const d = 10n ** BigInt(-shift);
    const quotient = this.q.mantissa / d;
    return Number(this.q.mantissa % d !== 0n && this.q.mantissa > 0n ? quotient + 1n : quotient);
  }

  value(): number {
    return this.scaled(0);
  }

  milliValue(): number {
    return this.scaled(-3);
  }

  /** toString is Quantity.String: the canonical form. */
  toString(): string {
    return canonical(this.q);
  }
}

/** canonicalText prints a quantity from the API the way kubectl's decoded Quantity prints it. */
export function canonicalText(text: string | number | undefined | null): string {
  return Quantity.parse(text).toString();
}

function normalize(mantissa: bigint, exponent: number, format: ExactQuantity['format']): ExactQuantity {
  if (mantissa === 0n) return { mantissa, exponent: 0, format };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa, exponent, format };
}

const DECIMAL_SUFFIX = new Map<number, string>([
  [-9, 'n'],
  [-6, 'u'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
  [12, 'T'],
  [15, 'P'],
  [18, 'E'],
]);
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** canonical is Quantity.CanonicalizeBytes: binary amounts of 1024 and more keep their Ki/Mi/Gi suffix. */
function canonical(q: ExactQuantity): string {
  if (q.mantissa === 0n) return '0';
  if (q.format === 'BinarySI' && q.exponent >= 0) {
    let amount = q.mantissa * 10n ** BigInt(q.exponent);
    if (amount <= -1024n || amount >= 1024n) {
      let power = 0;
      while (power < BINARY_SUFFIX.length - 1 && amount % 1024n === 0n) {
        amount /= 1024n;
        power += 1;
      }
      return `${amount}${BINARY_SUFFIX[power] ?? ''}`;
    }
  }
  const format = q.format === 'BinarySI' ? 'DecimalSI' : q.format;
  const rest = ((q.exponent % 3) + 3) % 3;
  const exp3 = q.exponent - rest;
  const amount = q.mantissa * 10n ** BigInt(rest);
  if (format === 'DecimalSI') {
    const suffix = DECIMAL_SUFFIX.get(exp3);
    if (suffix !== undefined) return `${amount}${suffix}`;
  }
  return exp3 === 0 ? `${amount}` : `${amount}e${exp3}`;
}
