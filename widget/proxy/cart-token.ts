/**
 * The cart token: binds a cart (and later the order made from it) to the browser that created it.
 * `v1.<payload>.<signature>`, both base64url; the payload is JSON, the signature HMAC-SHA256 with
 * `PROXY_SECRET` over `v1.<payload>`. The HMAC is injected ({@link HmacFactory}): Web Crypto by
 * default, so it runs on every fetch-handler host; the Node entry passes `node:crypto`'s, about 20
 * times cheaper per token (issue 10's CPU budget).
 */

import { CART_TOKEN_HEADER } from '../proxy-protocol.js';

/** The header that carries the token both ways (named once, for the widget too). */
export { CART_TOKEN_HEADER };

/** How long a token is good for: a cart's life, with its 30-minute holds renewed, fits easily. */
export const CART_TOKEN_TTL_MS = 24 * 60 * 60_000;

/** What a token binds. */
export interface CartGrant {
  /** The cart id. */
  cartId: string;
  /** The order made from the cart, once there is one. */
  orderId?: string;
  /** That order's confirmation number. */
  confirmation?: number;
  /** Epoch ms after which the token is refused. */
  expiresAt: number;
  /**
   * Epoch ms the cart's hold began (its creation): a hold ends `HOLD_MAX_MINUTES` after, however
   * often it is renewed. Absent in tokens from before it was carried: then `expiresAt` less the
   * token's life, which is the cart's creation for a cart's first token.
   */
  heldSince?: number;
  /**
   * The cart's token generation: a resume link opened hands the cart over to a new generation,
   * and tokens of an older one are refused (`store.ts`). Absent: 0.
   */
  generation?: number;
}

/**
 * Makes the HMAC-SHA256 of text under one secret. Web Crypto's ({@link webCryptoHmac}) runs
 * everywhere; a host with a cheaper one passes it.
 */
export type HmacFactory = (secret: string) => (data: string) => Uint8Array | Promise<Uint8Array>;

/** HMAC-SHA256 with Web Crypto: every runtime has it. */
export const webCryptoHmac: HmacFactory = (secret) => {
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return async (data) =>
    new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(data)));
};

/** Options of {@link cartTokens}. */
export interface CartTokenOptions {
  /** The secret before the last rotation: its tokens still verify, marked `stale`. */
  previous?: string | undefined;
  /** The HMAC; default {@link webCryptoHmac}. */
  hmac?: HmacFactory;
}

/** Why a token was refused. */
export type TokenProblem = 'missing' | 'malformed' | 'forged' | 'expired';

/** The result of {@link CartTokens.verify}. */
export type Verified =
  | {
      ok: true;
      grant: CartGrant;
      /** Signed with the previous secret: answer with a token signed with the current one. */
      stale?: true;
    }
  | { ok: false; problem: TokenProblem };

/** Signs and checks cart tokens with one secret. */
export interface CartTokens {
  sign(grant: CartGrant): Promise<string>;
  verify(token: string | null | undefined, now: number): Promise<Verified>;
}

const VERSION = 'v1';
const encoder = new TextEncoder();

/** Compares two MACs in time that depends only on their length, not on where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    // Canonical encodings only: the last character's spare bits must not make a second spelling
    // of the same signature.
    return toBase64Url(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function readGrant(bytes: Uint8Array): CartGrant | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { c, o, n, e, b, g } = value as Record<string, unknown>;
  if (typeof c !== 'string' || typeof e !== 'number') return undefined;
  if (o !== undefined && typeof o !== 'string') return undefined;
  if (n !== undefined && typeof n !== 'number') return undefined;
  if (b !== undefined && typeof b !== 'number') return undefined;
  if (g !== undefined && !Number.isSafeInteger(g)) return undefined;
  return {
    cartId: c,
    expiresAt: e,
    ...(o === undefined ? {} : { orderId: o }),
    ...(n === undefined ? {} : { confirmation: n }),
    ...(b === undefined ? {} : { heldSince: b }),
    ...(g === undefined ? {} : { generation: g as number }),
  };
}

/**
 * The cart named by a token's payload, without checking its signature: only for a lookup that
 * proves itself otherwise (a strong referenceId, see routes.ts), after a secret change.
 */
export function unverifiedCartId(token: string | null | undefined): string | undefined {
  const payload = token?.trim().split('.')[1];
  const bytes = payload === undefined ? undefined : fromBase64Url(payload);
  return bytes ? readGrant(bytes)?.cartId : undefined;
}

/** Builds the signer for `secret` (at least 32 characters; `config.ts` checks). */
export function cartTokens(secret: string, options: CartTokenOptions = {}): CartTokens {
  const hmac = options.hmac ?? webCryptoHmac;
  const mac = hmac(secret);
  const previousMac = options.previous ? hmac(options.previous) : undefined;
  return {
    async sign(grant) {
      // Short keys: the token travels on every request.
      const payload = toBase64Url(
        encoder.encode(
          JSON.stringify({
            c: grant.cartId,
            o: grant.orderId,
            n: grant.confirmation,
            e: grant.expiresAt,
            b: grant.heldSince,
            g: grant.generation || undefined,
          }),
        ),
      );
      const signed = `${VERSION}.${payload}`;
      return `${signed}.${toBase64Url(await mac(signed))}`;
    },
    async verify(token, now) {
      if (!token) return { ok: false, problem: 'missing' };
      const parts = token.trim().split('.');
      if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, problem: 'malformed' };
      const [, payload = '', signature = ''] = parts;
      const signatureBytes = fromBase64Url(signature);
      const payloadBytes = fromBase64Url(payload);
      if (!signatureBytes || !payloadBytes) return { ok: false, problem: 'malformed' };
      // Compared in constant time, so timing does not leak how much of a forged signature was
      // right.
      const signed = `${VERSION}.${payload}`;
      const genuine = sameBytes(await mac(signed), signatureBytes);
      const stale =
        !genuine &&
        previousMac !== undefined &&
        sameBytes(await previousMac(signed), signatureBytes);
      if (!genuine && !stale) return { ok: false, problem: 'forged' };
      const grant = readGrant(payloadBytes);
      if (!grant) return { ok: false, problem: 'malformed' };
      if (grant.expiresAt <= now) return { ok: false, problem: 'expired' };
      return stale ? { ok: true, grant, stale } : { ok: true, grant };
    },
  };
}
