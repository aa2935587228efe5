/**
 * What the checkout proxy and the widget agree on beyond the Resmark API: the headers the proxy
 * adds, and what they may say. Nothing else lives here, so the browser build can import it
 * without any proxy code, and the two sides cannot drift apart.
 */

/** Carries the cart token both ways: the proxy sends a new one, the widget sends it back. */
export const CART_TOKEN_HEADER = 'X-Resmark-Cart-Token';

/**
 * On every answer: the proxy's `ORDER_POLICY`, so the widget can tell the shopper how they pay
 * before they book, or that online booking is closed before they choose anything.
 */
export const ORDER_POLICY_HEADER = 'X-Resmark-Order-Policy';

/**
 * The policies `ORDER_POLICY` may name. `closed`: the proxy takes no orders; `pay-on-arrival`: it
 * takes them, and the shopper pays the operator on arrival.
 */
export const ORDER_POLICIES = ['closed', 'pay-on-arrival'] as const;

/** One of {@link ORDER_POLICIES}. */
export type OrderPolicy = (typeof ORDER_POLICIES)[number];

/**
 * `POST` here with a cart token this browser did not just receive (a resume link, a reload): the
 * answer carries a token of the cart's next generation, and every earlier token of the cart stops
 * working (issue 10, finding 2: a link's sender must not keep reading or changing the cart).
 */
export const HAND_OVER_PATH = '/token';

/**
 * Sent with `POST /order`: the {@link cartFingerprint} of the cart the shopper reviewed. The proxy
 * refuses the order with 412 (`detail.reason: 'cart-changed'`) when the cart differs now, so an
 * order is made only for what the shopper saw (issue 10, finding 2).
 */
export const REVIEWED_CART_HEADER = 'X-Resmark-Reviewed-Cart';

/** What of a cart a fingerprint covers: what the shopper reviews and the order is made of. */
interface FingerprintCart {
  items: readonly object[];
  total?: unknown;
  promoCode?: unknown;
  customer?: unknown;
}

// The keys of an item a shopper reviews (the slot, who goes, where they are picked up).
const ITEM_KEYS = [
  'itemId',
  'participants',
  'participantList',
  'unitList',
  'pickupDetailId',
  'locationId',
  'locationOther',
  'total',
] as const;

/** JSON with object keys sorted, so the same cart always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * A short digest of a cart as a shopper sees it (the proxy's redacted answer): its items, total,
 * promo code and customer. Not a secret, only a "same cart?" check, so a fast 53-bit string hash
 * (cyrb53) serves, the same in a page and in the proxy.
 */
export function cartFingerprint(cart: FingerprintCart): string {
  const text = canonical([
    cart.items.map((item) =>
      ITEM_KEYS.map((key) => (item as Record<string, unknown>)[key] ?? null),
    ),
    cart.total ?? null,
    cart.promoCode ?? null,
    cart.customer ?? null,
  ]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
