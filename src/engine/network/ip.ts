/**
 * IPv4 addresses and CIDR blocks as 32-bit numbers: enough for ipBlock rules, the load-balancer
 * pool and telling a ClusterIP from a pod IP. The lab's cluster is single-stack IPv4.
 */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

export interface Cidr {
  base: number;
  bits: number;
  contains(ip: number): boolean;
}

/** parseCidr reads `10.0.0.0/16` (the host part may be set, as ParseCIDRSloppy allows). */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', bitsText, ...rest] = text.split('/');
  if (bitsText === undefined || rest.length > 0 || !/^\d{1,2}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const ip = parseIPv4(address);
  if (ip === undefined || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const base = (ip & mask) >>> 0;
  return { base, bits, contains: (candidate) => (candidate & mask) >>> 0 === base };
}

/** cidrContains tells whether an address lies in a block; false when either does not parse. */
export function cidrContains(cidr: string, ip: string): boolean {
  const block = parseCidr(cidr);
  const address = parseIPv4(ip);
  return block !== undefined && address !== undefined && block.contains(address);
}
