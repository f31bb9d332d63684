/**
 * The protobuf wire format: varints (with 64-bit two's complement for negative int32/int64),
 * length-delimited chunks, fixed 32/64-bit values, and skipping fields a schema does not know.
 */
export class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** varint reads an unsigned varint; values past 2^53 come back as a bigint. */
  varint(): number | bigint {
    let result = 0;
    let shift = 0;
    let big: bigint | undefined;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new Error('truncated varint');
      const byte = this.bytes[this.pos++] as number;
      if (big === undefined && shift <= 42) result += (byte & 0x7f) * 2 ** shift;
      else {
        big ??= BigInt(result);
        big += BigInt(byte & 0x7f) << BigInt(shift);
      }
      if ((byte & 0x80) === 0) return big ?? result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  }

  /** int reads a varint as a signed 64-bit integer (int32 and int64 share this encoding). */
  int(): number {
    const value = this.varint();
    return typeof value === 'number' ? value : Number(BigInt.asIntN(64, value));
  }

  /** length reads a varint that must be a small unsigned number (a key or a length). */
  length(): number {
    const value = this.varint();
    if (typeof value !== 'number') throw new Error('length too large');
    return value;
  }

  chunk(): Uint8Array {
    const length = this.length();
    if (this.pos + length > this.bytes.length) throw new Error('truncated field');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  fixed(size: 4 | 8): DataView {
    if (this.pos + size > this.bytes.length) throw new Error('truncated fixed field');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, size);
    this.pos += size;
    return view;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.fixed(8);
    else if (wireType === 2) this.chunk();
    else if (wireType === 5) this.fixed(4);
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** bytesToBase64 writes bytes as Go's encoding/json writes a []byte (standard base64). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
