/**
 * Who is asking, as the rate limit and the hold limits count clients: an IPv4 address, or an IPv6
 * address's /64 (one host or household owns a whole /64, so counting single IPv6 addresses would
 * give it 2^64 buckets). A forwarding header is believed only from the configured hop.
 */

/** A parsed address: 4 or 16 bytes. */
type Bytes = number[];

function parseV4(text: string): Bytes | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function parseV6(text: string): Bytes | undefined {
  // A zone (`fe80::1%eth0`) names the host's interface, not the client.
  const address = text.replace(/%.*$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): Bytes | undefined => {
    if (!half) return [];
    const out: Bytes = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      // An IPv4 tail (`::ffff:192.0.2.1`).
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part);
        if (!v4) return undefined;
        out.push(...v4);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        const n = parseInt(part, 16);
        out.push(n >> 8, n & 255);
      } else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const gap = 16 - head.length - tail.length;
  return gap >= 2 ? [...head, ...new Array<number>(gap).fill(0), ...tail] : undefined;
}

/** The bytes of an IPv4 or IPv6 address (`[…]` brackets allowed), or `undefined`. */
export function parseAddress(text: string): Bytes | undefined {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, '$1');
  if (trimmed.length > 64) return undefined;
  return trimmed.includes(':') ? parseV6(trimmed) : parseV4(trimmed);
}

const isMappedV4 = (bytes: Bytes) =>
  bytes.length === 16 &&
  bytes.slice(0, 10).every((b) => b === 0) &&
  bytes[10] === 255 &&
  bytes[11] === 255;

/**
 * The key a client is counted under: `4:a.b.c.d`, or `6:` and the first 64 bits in hex. An
 * IPv4-mapped IPv6 address counts as its IPv4 address. Anything that is not an address is
 * `invalid`: one shared key, so made-up text can neither buy buckets nor grow memory.
 */
export function clientKeyOf(address: string | undefined): string {
  const bytes = address === undefined ? undefined : parseAddress(address);
  if (!bytes) return address === undefined ? 'unknown' : 'invalid';
  if (bytes.length === 4) return `4:${bytes.join('.')}`;
  if (isMappedV4(bytes)) return `4:${bytes.slice(12).join('.')}`;
  return `6:${bytes
    .slice(0, 8)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** An address range: `192.0.2.0/24`, `2001:db8::/32`, or one address. */
export interface AddressRange {
  bytes: Bytes;
  bits: number;
}

/** Parses `address[/bits]`, or `undefined` when it is not one. */
export function parseRange(text: string): AddressRange | undefined {
  const [address = '', bitsText, extra] = text.trim().split('/');
  const bytes = parseAddress(address);
  if (!bytes || extra !== undefined) return undefined;
  const max = bytes.length * 8;
  const bits = bitsText === undefined ? max : /^\d+$/.test(bitsText) ? Number(bitsText) : NaN;
  return bits >= 0 && bits <= max ? { bytes, bits } : undefined;
}

/** Whether `address` lies in one of `ranges` (IPv4-mapped IPv6 addresses match IPv4 ranges). */
export function inRanges(address: string | undefined, ranges: readonly AddressRange[]): boolean {
  let bytes = address === undefined ? undefined : parseAddress(address);
  if (!bytes) return false;
  if (isMappedV4(bytes)) bytes = bytes.slice(12);
  for (const range of ranges) {
    if (range.bytes.length !== bytes.length) continue;
    let bits = range.bits;
    let i = 0;
    for (; bits >= 8; bits -= 8, i++) if (bytes[i] !== range.bytes[i]) break;
    if (bits >= 8) continue;
    const mask = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) === ((range.bytes[i] ?? 0) & mask)) return true;
  }
  return false;
}

/** The loopback hops: a reverse proxy on the same host, the usual set-up on Node. */
export const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];
