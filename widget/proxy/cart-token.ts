/**
 * The cart token: binds a cart (and later the order made from it) to the browser that created it.
 * `v1.<payload>.<signature>`, both base64url; the payload is JSON, the signature HMAC-SHA256 with
 * `PROXY_SECRET` over `v1.<payload>`. Web Crypto only, so it runs on every fetch-handler host.
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
}

/** Why a token was refused. */
export type TokenProblem = 'missing' | 'malformed' | 'forged' | 'expired';

/** The result of {@link CartTokens.verify}. */
export type Verified = { ok: true; grant: CartGrant } | { ok: false; problem: TokenProblem };

/** Signs and checks cart tokens with one secret. */
export interface CartTokens {
  sign(grant: CartGrant): Promise<string>;
  verify(token: string | null | undefined, now: number): Promise<Verified>;
}

const VERSION = 'v1';
const encoder = new TextEncoder();

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
  const { c, o, n, e } = value as Record<string, unknown>;
  if (typeof c !== 'string' || typeof e !== 'number') return undefined;
  if (o !== undefined && typeof o !== 'string') return undefined;
  if (n !== undefined && typeof n !== 'number') return undefined;
  return {
    cartId: c,
    expiresAt: e,
    ...(o === undefined ? {} : { orderId: o }),
    ...(n === undefined ? {} : { confirmation: n }),
  };
}

/** Builds the signer for `secret` (at least 32 characters; `config.ts` checks). */
export function cartTokens(secret: string): CartTokens {
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
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
          }),
        ),
      );
      const signed = `${VERSION}.${payload}`;
      const signature = await crypto.subtle.sign('HMAC', await key, encoder.encode(signed));
      return `${signed}.${toBase64Url(new Uint8Array(signature))}`;
    },
    async verify(token, now) {
      if (!token) return { ok: false, problem: 'missing' };
      const parts = token.trim().split('.');
      if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, problem: 'malformed' };
      const [, payload = '', signature = ''] = parts;
      const signatureBytes = fromBase64Url(signature);
      const payloadBytes = fromBase64Url(payload);
      if (!signatureBytes || !payloadBytes) return { ok: false, problem: 'malformed' };
      // subtle.verify compares in constant time, so timing does not leak how much of a forged
      // signature was right.
      const genuine = await crypto.subtle.verify(
        'HMAC',
        await key,
        signatureBytes,
        encoder.encode(`${VERSION}.${payload}`),
      );
      if (!genuine) return { ok: false, problem: 'forged' };
      const grant = readGrant(payloadBytes);
      if (!grant) return { ok: false, problem: 'malformed' };
      if (grant.expiresAt <= now) return { ok: false, problem: 'expired' };
      return { ok: true, grant };
    },
  };
}
