/**
 * The Resmark API's clocks and sizes, in one place: the widget, the extension, the proxy and the
 * local sandbox all read them from here.
 */

/** Seats added to a cart stay locked this long after the last add or renew (Getting Started, Cart). */
export const SEAT_LOCK_MS = 30 * 60_000;

/** A bearer token from `POST /authenticate` is good for 24 hours (Getting Started, "Token Details"). */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/**
 * A cached token is replaced this long before it runs out, so a request never leaves with a token
 * that expires on its way. The documents are silent; five minutes covers any clock skew we expect.
 */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;

/**
 * How long `POST /order` may take before the client gives up on the answer (and looks the order up
 * by its referenceId). Longer than any other request: a proxy in between may spend its own
 * per-request timeout upstream and then its own lookup before it answers, and giving up first
 * would tell a shopper whose order is being made that it failed. The documents are silent.
 */
export const ORDER_TIMEOUT_MS = 45_000;

/** Page size of every list endpoint when `limit` is not given (Products, Cart, Orders). */
export const DEFAULT_PAGE_LIMIT = 50;

/**
 * The widest inventory window one request may ask for. The Products article's inventory section is
 * lost, but real clients ask for more than a quarter in one call and stop on any refusal: the C#
 * migration tool asks for 245 days (docs/wire.md, Inventory). 400 days is our choice: a year, and
 * any 13 calendar months asked for as `from=YYYY-MM&to=YYYY-MM` (397 days at most), fit.
 */
export const MAX_INVENTORY_RANGE_DAYS = 400;
