/**
 * Every route the proxy answers, in one file: what a shopper may do, bound to their cart token,
 * and the explicit refusals of what they may not. Answers are redacted on the way out.
 */
import { Hono, type Context } from 'hono';
import type { AddCartItem, Cart, DiscountRefusalReason } from '../../shared/cart.js';
import type { ResmarkClient } from '../../shared/client.js';
import { ResmarkError } from '../../shared/errors.js';
import type { Order } from '../../shared/order.js';
import {
  CART_TOKEN_HEADER,
  CART_TOKEN_TTL_MS,
  type CartGrant,
  type CartTokens,
  type TokenProblem,
} from './cart-token.js';
import type { CatalogCache } from './catalog-cache.js';
import { ProxyError, jsonResponse, refusalResponse } from './errors.js';
import { cleanCustomer } from './customer-fields.js';
import type { HoldPolicy } from './holds.js';
import { checkHold, orderTerms, type OrderPolicy } from './order-policy.js';
import { redact, redactedJson } from './redact.js';
import {
  fromUpstreamReference,
  isStrongReference,
  newReferenceId,
  toUpstreamReference,
} from './reference-id.js';
import type { ProxyStore } from './store.js';
import { unverifiedCartId } from './cart-token.js';
import { HAND_OVER_PATH, REVIEWED_CART_HEADER, cartFingerprint } from '../proxy-protocol.js';
import { ORDER_TIMEOUT_MS } from '../../shared/limits.js';

/** What the routes need. */
export interface RouteOptions {
  /** The upstream client, authenticated as the operator's user. */
  resmark: ResmarkClient;
  tokens: CartTokens;
  orderPolicy: OrderPolicy;
  /** Largest body read, in bytes (the body-limit middleware checks first; this is the backstop). */
  maxBodyBytes: number;
  now: () => number;
  /** Products, pickups and tags answered again from memory (never inventory, carts or orders). */
  catalog: CatalogCache;
  /** What instances share: here, each cart's token generation (the resume-link hand-over). */
  store: ProxyStore;
  /** What one shopper may hold. */
  holds: HoldPolicy;
  /** The key the hold limits count this request's client under (`client-address.ts`). */
  clientKey: (c: Context) => string;
}

/**
 * How long the proxy waits for Resmark's answer to `POST /order`: longer than other requests (an
 * order that takes 20 s is still made), and short enough that its own lookup after a timeout
 * still answers before the widget gives up at `ORDER_TIMEOUT_MS`.
 */
export const UPSTREAM_ORDER_TIMEOUT_MS = ORDER_TIMEOUT_MS - 15_000;

const TOKEN_REFUSALS: Record<TokenProblem, string> = {
  missing: `This cart needs its ${CART_TOKEN_HEADER} header: only the browser that created the cart may use it.`,
  malformed: `The ${CART_TOKEN_HEADER} header is not a cart token: start a new cart.`,
  forged: `The ${CART_TOKEN_HEADER} header was not issued by this checkout: start a new cart.`,
  expired: 'This cart’s token has expired: start a new cart.',
};

const HANDED_OVER =
  'This cart was opened from a resume link elsewhere: this browser no longer holds it.';

const PROMO_REFUSALS: Record<DiscountRefusalReason, string> = {
  invalid: 'This promo code is not valid.',
  'not-applicable': 'This promo code does not apply to this cart.',
};

const OTHER_CART = 'This cart belongs to another browser: start a new cart.';
const OTHER_ORDER = 'This order was not made in this browser.';

/** How many carts' customer rules are kept (a few hundred bytes each). */
const MAX_REMEMBERED_CARTS = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text of a 200 in the envelope, redacted. */
const okText = (data: unknown) => redactedJson({ errorMessage: null, data });

/** A 200 in the envelope, redacted, with extra headers. */
const ok = (data: unknown, headers?: Record<string, string>) =>
  jsonResponse(200, okText(data), headers);

/** The `GET /product` filters, in the order the cache key lists them. */
const PRODUCT_FILTERS = [
  'limit',
  'page',
  'ids',
  'tagIds',
  'lastModified',
  'productNumbers',
  'productName',
] as const;

/** A query value as a number for the shared client's checks (`NaN` fails them with a message). */
const numberOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** Builds the routes. */
export function proxyRoutes(options: RouteOptions) {
  const { resmark, tokens, now } = options;
  const app = new Hono();

  // Grants verified with the previous secret: answered with a token signed with the current one.
  const stale = new WeakMap<Request, CartGrant>();
  app.use(async (c, next) => {
    await next();
    const grant = stale.get(c.req.raw);
    if (grant && c.res.ok && !c.res.headers.has(CART_TOKEN_HEADER))
      c.res.headers.set(CART_TOKEN_HEADER, await tokens.sign(grant));
  });

  const generationKey = (cartId: string) => `gen:${cartId}`;

  async function grantOf(c: Context): Promise<CartGrant> {
    const verified = await tokens.verify(c.req.header(CART_TOKEN_HEADER), now());
    if (!verified.ok)
      throw new ProxyError(401, TOKEN_REFUSALS[verified.problem], {
        detail: { token: verified.problem },
      });
    const { grant } = verified;
    // A cart opened from a resume link belongs to the browser that opened it: every token of an
    // earlier generation (the link's, and the sender's own) is refused from then on.
    const generation = (await options.store.get(generationKey(grant.cartId))) ?? 0;
    if ((grant.generation ?? 0) !== generation)
      throw new ProxyError(401, HANDED_OVER, { detail: { token: 'handed-over' } });
    if (verified.stale) stale.set(c.req.raw, grant);
    return grant;
  }

  /** The grant for the cart in the path; another cart's token is a 403. */
  async function cartOf(c: Context): Promise<string> {
    const grant = await grantOf(c);
    const cartId = c.req.param('id') ?? '';
    if (grant.cartId !== cartId) throw new ProxyError(403, OTHER_CART);
    return cartId;
  }

  async function bodyOf(c: Context): Promise<Record<string, unknown>> {
    // A body that breaks off or is malformed on the wire (bad chunked framing) is the client's
    // fault: a 400, logged as the 400 it is.
    const text = await c.req.text().catch((error: unknown) => {
      if (error instanceof ProxyError) throw error;
      throw new ProxyError(400, 'The request body could not be read.', {
        cause: error,
        log: 'malformed request body',
      });
    });
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only a text that may be too large is encoded.
    if (
      text.length * 3 > options.maxBodyBytes &&
      new TextEncoder().encode(text).length > options.maxBodyBytes
    )
      throw new ProxyError(413, `The request body is larger than ${options.maxBodyBytes} bytes.`);
    if (!text.trim()) return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ProxyError(400, 'The request body is not valid JSON.');
    }
    if (!isRecord(value)) throw new ProxyError(400, 'The request body must be a JSON object.');
    return value;
  }

  // Each cart's customer rules (required fields, the account's custom fields), kept from the cart
  // answers passing through, which all carry them: setting the customer, the step after adding
  // an item, then needs no read of the cart first (one upstream call and its wait fewer per
  // booking). A miss (a restart, another instance, an evicted cart) reads the cart as before.
  const rulesByCart = new Map<string, Pick<Cart, 'requiredCustomerFields' | 'customFields'>>();
  /** A cart answer, its rules kept first. */
  const cartAnswer = (cart: Cart, headers?: Record<string, string>) => {
    if (cart.requiredCustomerFields !== undefined) {
      rulesByCart.delete(cart.id);
      // The oldest cart goes first (a Map keeps insertion order): bounded whatever the traffic.
      if (rulesByCart.size >= MAX_REMEMBERED_CARTS)
        rulesByCart.delete(rulesByCart.keys().next().value as string);
      const { requiredCustomerFields, customFields } = cart;
      rulesByCart.set(cart.id, { requiredCustomerFields, customFields });
    }
    return ok(cart, headers);
  };

  const token = (grant: CartGrant) => tokens.sign(grant);
  const expiry = () => now() + CART_TOKEN_TTL_MS;
  /** When the cart's hold began: tokens from before it was carried were issued with the cart. */
  const heldSince = (grant: CartGrant) => grant.heldSince ?? grant.expiresAt - CART_TOKEN_TTL_MS;

  /** The order as the widget sees it: redacted, with the referenceId it sent. */
  const shown = (order: Order, cartId: string) => ({
    ...order,
    referenceId: fromUpstreamReference(order.referenceId, cartId),
  });

  /** The grant that lets this browser read `order` too. */
  const orderToken = (order: Order, grant: Pick<CartGrant, 'cartId' | 'generation'>) =>
    token({
      cartId: grant.cartId,
      orderId: order.id,
      confirmation: order.confirmation,
      expiresAt: expiry(),
      ...(grant.generation ? { generation: grant.generation } : {}),
    });

  /**
   * A catalogue answer: the cached bytes under `key`, or `load`'s result checked, redacted and
   * kept. `key` must name everything `load` sends upstream: requests with one key share answers.
   */
  const catalogue = async (key: string, load: () => Promise<unknown>) =>
    jsonResponse(200, await options.catalog.get(key, async () => okText(await load())));

  // Products, inventory, pickups, tags: the catalogue is public, no token needed.
  app.get('/product', async (c) => {
    const q = c.req.query();
    // The raw texts, not the numbers: `limit=abc` (NaN) must not share a key with no limit.
    const key = `/product?${JSON.stringify(PRODUCT_FILTERS.map((name) => q[name] ?? null))}`;
    return catalogue(key, () =>
      resmark.product.list({
        limit: numberOf(q['limit']),
        page: numberOf(q['page']),
        ids: q['ids'],
        tagIds: q['tagIds'],
        lastModified: q['lastModified'],
        productNumbers: q['productNumbers'],
        productName: q['productName'],
      }),
    );
  });
  app.get('/product/:term', async (c) => {
    const term = c.req.param('term');
    return catalogue(`/product/${encodeURIComponent(term)}`, () => resmark.product.get(term));
  });
  // Inventory is never cached: seats change with every booking, and a stale count sells a full slot.
  app.get('/product/:id/item', async (c) => {
    const from = c.req.query('from');
    const to = c.req.query('to');
    // `from` missing is the shared client's input error (400, naming the field).
    const query = { from: from as string, ...(to === undefined ? {} : { to }) };
    return ok(await resmark.product.inventory(c.req.param('id'), query));
  });
  app.get('/product/:id/pickup', async (c) => {
    const id = c.req.param('id');
    return catalogue(`/product/${encodeURIComponent(id)}/pickup`, () =>
      resmark.product.pickups(id),
    );
  });
  app.get('/tag', () => catalogue('/tag', () => resmark.tag.list()));

  // Carts: a plain cart only; every call on it needs the token its creation answered with.
  app.get('/cart', () => {
    throw new ProxyError(403, 'Cart lists are not available through the checkout.');
  });
  app.post('/cart', async (c) => {
    const body = await bodyOf(c);
    if (c.req.query('supplierId') !== undefined || body['supplierId'] !== undefined)
      throw new ProxyError(
        403,
        'Reseller carts (supplierId) are not available through the checkout.',
      );
    checkHold(options.orderPolicy);
    const client = options.clientKey(c);
    const release = await options.holds.openCart(client);
    const cart = await resmark.cart.create().catch(async (error: unknown) => {
      await release();
      throw error;
    });
    const at = now();
    return cartAnswer(cart, {
      [CART_TOKEN_HEADER]: await token({
        cartId: cart.id,
        expiresAt: at + CART_TOKEN_TTL_MS,
        heldSince: at,
      }),
    });
  });
  // The hand-over of a resume link: the token sent (the link's) is exchanged for one of a new
  // generation, and every earlier token of the cart stops working. The widget does this first
  // whenever it opens with a token it did not just receive (a link, a reload).
  app.post(HAND_OVER_PATH, async (c) => {
    const grant = await grantOf(c);
    const next = await options.store.increment(generationKey(grant.cartId), 1, CART_TOKEN_TTL_MS);
    // Two hand-overs of one token at once: only the first gets the cart.
    if (next !== (grant.generation ?? 0) + 1)
      throw new ProxyError(401, HANDED_OVER, { detail: { token: 'handed-over' } });
    const handed: CartGrant = {
      ...grant,
      heldSince: heldSince(grant),
      generation: next,
      expiresAt: grant.orderId === undefined ? grant.expiresAt : expiry(),
    };
    return ok({ cartId: grant.cartId }, { [CART_TOKEN_HEADER]: await token(handed) });
  });
  app.get('/cart/:id', async (c) => cartAnswer(await resmark.cart.get(await cartOf(c))));
  app.delete('/cart/:id', async (c) => {
    const cartId = await cartOf(c);
    const answer = await resmark.cart.delete(cartId);
    await options.holds.closeCart(options.clientKey(c), cartId);
    rulesByCart.delete(cartId);
    return ok(answer);
  });
  app.post('/cart/:id/item', async (c) => {
    const grant = await grantOf(c);
    const cartId = grant.cartId;
    if (cartId !== c.req.param('id')) throw new ProxyError(403, OTHER_CART);
    checkHold(options.orderPolicy);
    options.holds.checkLife(heldSince(grant), now());
    const body = await bodyOf(c);
    // `internalComment` is the operator's note: a shopper does not write it.
    const { itemId, participants, pickupDetailId, locationId, locationOther } = body;
    const item = { itemId, participants, pickupDetailId, locationId, locationOther };
    // Counted before it goes upstream; a malformed count is the shared client's 400 below.
    const seats = isRecord(participants)
      ? Object.values(participants).reduce<number>(
          (sum, count) => sum + (Number.isFinite(Number(count)) ? Math.max(0, Number(count)) : 0),
          0,
        )
      : 0;
    const client = options.clientKey(c);
    const release = await options.holds.addItem(client, cartId, String(itemId), seats);
    // Not yet checked: the shared client's AddCartItem check refuses wrong types with a 400.
    const cart = await resmark.cart
      .addItem(cartId, item as AddCartItem)
      .catch(async (error: unknown) => {
        await release();
        throw error;
      });
    // Adding a slot again replaces its counts: the answer says what is held now.
    await options.holds.settle(client, cart);
    return cartAnswer(cart);
  });
  app.delete('/cart/:id/item/:itemId', async (c) => {
    const cartId = await cartOf(c);
    const itemId = c.req.param('itemId');
    const cart = await resmark.cart.removeItem(cartId, itemId);
    await options.holds.removeItem(cartId, itemId);
    await options.holds.settle(options.clientKey(c), cart);
    return cartAnswer(cart);
  });
  app.put('/cart/:id/customer', async (c) => {
    const cartId = await cartOf(c);
    const body = cleanCustomer(await bodyOf(c));
    // Only the documented fields and the account's own custom fields: any other key would land in
    // the customer record staff read, and a shopper must not write notes there.
    const { requiredCustomerFields, customFields } =
      rulesByCart.get(cartId) ?? (await resmark.cart.get(cartId));
    const rules = { requiredCustomerFields, customFields, announcedOnly: true };
    return cartAnswer(await resmark.cart.setCustomer(cartId, body, { rules }));
  });
  app.post('/cart/:id/discount', async (c) => {
    const cartId = await cartOf(c);
    const { promoCode } = await bodyOf(c);
    if (typeof promoCode !== 'string' || !promoCode.trim())
      throw new ProxyError(400, 'promoCode is required.', {
        detail: { fields: { promoCode: 'promoCode is required' } },
      });
    const result = await resmark.cart.applyDiscount(cartId, promoCode);
    if (result.status === 'applied') return cartAnswer(result.cart);
    // The shared client turned the refusal into a result: answer it as Resmark did.
    // In the proxy's words: Resmark's text is never passed on (errors.ts).
    return refusalResponse(400, PROMO_REFUSALS[result.status], {
      promoCode,
      reason: result.status,
    });
  });
  app.get('/cart/:id/renew', async (c) => {
    const grant = await grantOf(c);
    const cartId = grant.cartId;
    if (cartId !== c.req.param('id')) throw new ProxyError(403, OTHER_CART);
    checkHold(options.orderPolicy);
    options.holds.checkLife(heldSince(grant), now());
    const renewal = await resmark.cart.renew(cartId);
    // Not an envelope, as Resmark answers renew (docs/wire.md, Carts).
    return jsonResponse(200, redactedJson(renewal));
  });

  // Orders: create from this browser's cart, read that order, find it by this checkout's referenceId.
  app.post('/order', async (c) => {
    const grant = await grantOf(c);
    const body = await bodyOf(c);
    if (body['orderId'] !== undefined && body['orderId'] !== null)
      throw new ProxyError(
        403,
        'Adding to an existing order (orderId) is not available through the checkout.',
      );
    const { id, referenceId } = body;
    if (typeof id !== 'string' || !id)
      throw new ProxyError(400, 'id (the cart) is required.', {
        detail: { fields: { id: 'id is required' } },
      });
    if (id !== grant.cartId) throw new ProxyError(403, OTHER_CART);
    const terms = orderTerms(options.orderPolicy);
    // Every order gets a referenceId, so a lost answer can always be looked up: a client that
    // sent none hears the one made here.
    const upstreamReference = toUpstreamReference(
      referenceId ?? newReferenceId(),
      grant.cartId,
    ) as string;
    // Only the cart the shopper reviewed is ordered: a cart changed since (by a second holder of
    // its token, say) is refused, and the widget shows the review again.
    const reviewed = c.req.header(REVIEWED_CART_HEADER);
    if (reviewed !== undefined) {
      const current = await resmark.cart.get(id);
      if (cartFingerprint(redact(current)) !== reviewed.trim())
        throw new ProxyError(412, 'The cart changed after it was reviewed: review it again.', {
          detail: { reason: 'cart-changed' },
        });
    }
    // Only the cart, the namespaced referenceId and the policy's terms go upstream: notification
    // switches and billing from the browser are dropped.
    const order = await resmark.order
      .create(
        { id, referenceId: upstreamReference, ...terms },
        { timeoutMs: UPSTREAM_ORDER_TIMEOUT_MS },
      )
      .catch(async (error: unknown) => {
        // Resmark's answer was lost on the way to us: the order may exist. Settle it here, by its
        // referenceId, so the browser gets the order instead of a 5xx it cannot tell apart.
        const unsure =
          error instanceof ResmarkError && ['network', 'timeout', 'response'].includes(error.kind);
        const found = unsure
          ? await resmark.order.findByReferenceId(upstreamReference).catch(() => undefined)
          : undefined;
        if (!found) throw error;
        return found;
      });
    await options.holds.closeCart(options.clientKey(c), grant.cartId);
    rulesByCart.delete(grant.cartId);
    return ok(shown(order, grant.cartId), {
      [CART_TOKEN_HEADER]: await orderToken(order, grant),
    });
  });
  app.get('/order', async (c) => {
    const query = c.req.query();
    const referenceId = query['referenceId'];
    const extra = Object.keys(query).filter(
      (key) => !['referenceId', 'limit', 'page'].includes(key),
    );
    if (referenceId === undefined || extra.length > 0)
      throw new ProxyError(
        403,
        'Order lists are not available through the checkout: only a lookup by referenceId.',
      );
    const grant = await grantOf(c).catch((refused: unknown) => {
      // A token refused after a secret change (or a lapse) must not orphan its order: a lookup
      // by a referenceId strong enough to prove the checkout (the widget's `chk_` and 32 hex
      // digits, or one the proxy made) still finds it, in the cart the token names.
      const cartId = unverifiedCartId(c.req.header(CART_TOKEN_HEADER));
      if (cartId === undefined || !isStrongReference(referenceId)) throw refused;
      return { cartId, expiresAt: 0 } satisfies CartGrant;
    });
    const order = await resmark.order.findByReferenceId(
      toUpstreamReference(referenceId, grant.cartId) as string,
    );
    if (!order) return ok([]);
    return ok([shown(order, grant.cartId)], {
      [CART_TOKEN_HEADER]: await orderToken(order, grant),
    });
  });
  app.get('/order/:id', async (c) => {
    const grant = await grantOf(c);
    const id = c.req.param('id');
    if (grant.orderId === undefined || (id !== grant.orderId && id !== String(grant.confirmation)))
      throw new ProxyError(403, OTHER_ORDER);
    const order = await resmark.order.get(id);
    // A confirmation number that now names another order must not show it.
    if (order.id !== grant.orderId) throw new ProxyError(403, OTHER_ORDER);
    return ok(shown(order, grant.cartId));
  });
  app.delete('/order/*', () => {
    throw new ProxyError(
      403,
      'Cancellations are not available through the checkout: contact the operator.',
    );
  });
  app.delete('/order', () => {
    throw new ProxyError(
      403,
      'Cancellations are not available through the checkout: contact the operator.',
    );
  });
  app.all('/agency/*', () => {
    throw new ProxyError(403, 'Agency data is not available through the checkout.');
  });
  app.all('/authenticate', () => {
    throw new ProxyError(
      403,
      'The checkout authenticates by itself: there is nothing to sign in to.',
    );
  });
  return app;
}
