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
