/**
 * SeededRandom is the engine's only source of randomness (sfc32), kept as four numbers in the
 * snapshot so a restored cluster continues with the same names and choices.
 */
export type RandomState = [number, number, number, number];

export class SeededRandom {
  private s: RandomState;

  constructor(seed: number | RandomState = 1) {
    if (Array.isArray(seed)) {
      this.s = [...seed] as RandomState;
    } else {
      this.s = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
      for (let i = 0; i < 15; i++) this.next();
    }
  }

  /** next returns a float in [0, 1). */
  next(): number {
    let [a, b, c, d] = this.s;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    this.s = [a, b, c, d];
    return t / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** string draws n characters from an alphabet, like apimachinery's rand.String. */
  string(n: number, alphabet = 'bcdfghjklmnpqrstvwxz2456789'): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** uuid draws a version-4 UUID, used for metadata.uid. */
  uuid(): string {
    const hex = '0123456789abcdef';
    let out = '';
    for (let i = 0; i < 36; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) out += '-';
      else if (i === 14) out += '4';
      else if (i === 19) out += hex[8 + this.int(4)];
      else out += hex[this.int(16)];
    }
    return out;
  }

  get state(): RandomState {
    return [...this.s] as RandomState;
  }
}
