/**
 * The cart session: one small state machine, shared by the widget and the extension, that drives a
 * Resmark client through a checkout and keeps the 30-minute seat-lock clock (docs/wire.md, Carts).
 */
import type { Cart } from './cart.js';
import { validateCustomer, type Customer, type CustomField } from './customer.js';
import { ResmarkError } from './errors.js';
import { ORDER_TIMEOUT_MS, SEAT_LOCK_MS } from './limits.js';
import { isRecord } from './schema.js';
import type { Order } from './order.js';

/** Where a checkout stands. */
export const SessionState = {
  /** No seats held: no cart yet, or a cart without items. */
  empty: 'empty',
  /** Seats are locked in the cart. */
  holding: 'holding',
  /** Seats are locked and the cart has its customer. */
  customerSet: 'customer-set',
  /** `POST /order` is on its way. */
  ordering: 'ordering',
  /** The cart became an order. */
  ordered: 'ordered',
  /** The lock ran out; `renew()` may win the seats back. */
  expired: 'expired',
  /** The cart is gone (deleted or consumed elsewhere); start again with `reset()`. */
  failed: 'failed',
} as const;
/** Where a checkout stands. */
export type SessionState = (typeof SessionState)[keyof typeof SessionState];

/** What the session reads of a cart: `Cart` (shared/cart.ts) fits, and so does a smaller fake. */
export interface SessionCart {
  id: string;
  items: readonly unknown[];
  customer?: unknown;
  expDateTime?: number | null | undefined;
  requiredCustomerFields?: readonly string[] | undefined;
  customFields?: readonly CustomField[] | undefined;
}

/** What the session reads of an order: `Order` (shared/order.ts) fits. */
export interface SessionOrder {
  id: string;
}

/** Body of `POST /cart/{id}/item` as the session passes it on. */
export interface SessionItem {
  itemId: string;
  participants: Record<string, number>;
  pickupDetailId?: string;
  locationId?: string;
  locationOther?: string;
  internalComment?: string;
}

/** What `placeOrder` passes to `POST /order` besides the cart id. */
export interface PlaceOrderOptions {
  /**
   * The caller's own reference for the order (an agent's voucher number); one is made when absent.
   * It is also the key a lost answer is looked up by, so it must name no other order.
   */
  referenceId?: string;
  orderId?: string;
  billing?: { memo?: string };
  disableNotification?: boolean;
  disablePendingOrderNotification?: boolean;
  disablePendingOrderNotificationResponse?: boolean;
  disableConfirmationEmail?: boolean;
}

/** The result of `GET /cart/{id}/renew`: `errors` name what could not be held again. */
export interface RenewResult {
  errors: readonly unknown[];
  messages: readonly unknown[];
  info: readonly unknown[];
  expDateTime: number | null | undefined;
}

/** The result of a promo code: applied with the API's new cart, or why not. */
export type SessionDiscountResult<C> =
  { status: 'applied'; cart: C } | { status: 'invalid' | 'not-applicable'; message: string };

/**
 * The client methods the session calls. `ResmarkClient` (shared/client.ts) fits it structurally,
 * and so does a test's fake.
 */
export interface SessionApi<C extends SessionCart = Cart, O extends SessionOrder = Order> {
  cart: {
    create(query?: { supplierId?: string }): Promise<C>;
    get(id: string): Promise<C>;
    addItem(cartId: string, item: SessionItem): Promise<C>;
    removeItem(cartId: string, itemId: string): Promise<C>;
    setCustomer(cartId: string, customer: Customer): Promise<C>;
    applyDiscount(cartId: string, promoCode: string): Promise<SessionDiscountResult<C>>;
    renew(cartId: string): Promise<RenewResult>;
    delete(id: string): Promise<unknown>;
  };
  order: {
    create(
      body: PlaceOrderOptions & { id: string; referenceId: string },
      options?: { timeoutMs?: number },
    ): Promise<O>;
    findByReferenceId(referenceId: string): Promise<O | undefined>;
  };
}

/** Time as the session sees it; tests pass a fake one. */
export interface SessionClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The `detail` of each event a {@link CartSession} fires. */
export interface CartSessionEvents<C, O> {
  /** The state or the cart changed. */
  change: { state: SessionState; cart: C | undefined };
  /** The seat lock ran out (fired once per lapse). */
  expire: { cartId: string };
  /** The cart became an order. */
  order: { order: O };
  /** An action failed; the same error rejects the action's promise. */
  error: { action: string; error: unknown };
}

/** The `detail` of the `ResmarkError` (kind `input`) a session throws when it refuses an action. */
export interface SessionRefusal {
  /** The action refused: `addItem`, `setCustomer`, `placeOrder`, `renew`, … */
  refused: string;
  /** The state that refused it. */
  state: SessionState;
}

/** What {@link CartSession.snapshot} gives for session storage: ids and clocks, nothing secret. */
export interface SessionSnapshot {
  version: 1;
  state: SessionState;
  cartId?: string | undefined;
  supplierId?: string | undefined;
  expiresAt?: number | undefined;
  referenceId?: string | undefined;
  /** The server's clock minus this device's, as the last add told it (see `CartSession.now`). */
  skewMs?: number | undefined;
}

const STATES: readonly unknown[] = Object.values(SessionState);
const TEXT_KEYS = ['cartId', 'supplierId', 'referenceId'] as const;
const NUMBER_KEYS = ['expiresAt', 'skewMs'] as const;

/**
 * `value` as a {@link SessionSnapshot} (its keys only), or `undefined` when it is not one. By hand,
 * not with a schema: the widget restores sessions in the browser, which carries no zod
 * (shared/schemas.ts).
 */
export function readSnapshot(value: unknown): SessionSnapshot | undefined {
  if (!isRecord(value) || value['version'] !== 1 || !STATES.includes(value['state']))
    return undefined;
  const snapshot: SessionSnapshot = { version: 1, state: value['state'] as SessionState };
  for (const key of TEXT_KEYS) {
    const text = value[key];
    if (text === undefined) continue;
    if (typeof text !== 'string') return undefined;
    snapshot[key] = text;
  }
  for (const key of NUMBER_KEYS) {
    const number = value[key];
    if (number === undefined) continue;
    if (!Number.isFinite(number)) return undefined;
    snapshot[key] = number as number;
  }
  return snapshot;
}

/** How a {@link CartSession} is made. */
export interface CartSessionOptions<C extends SessionCart, O extends SessionOrder> {
  api: SessionApi<C, O>;
  /** Defaults to the host's clock and timers. */
  clock?: SessionClock;
  /** Makes the cart a reseller cart for this supplier (`POST /cart?supplierId=…`). */
  supplierId?: string;
}

// setTimeout overflows past 2^31-1 ms and fires at once; a longer wait is re-armed on firing.
const MAX_TIMER_MS = 2 ** 31 - 1;

const hostClock: SessionClock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A lock timer must not keep a Node process (a proxy, a test run) alive on its own.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A fresh `referenceId` for one checkout attempt: `chk_` and 32 random hex digits. */
export function newReferenceId(): string {
  const bytes = new Uint8Array(16);
  // getRandomValues, not randomUUID: the latter needs a secure context, a plain-http page lacks one.
  if (globalThis.crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  return `chk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// A difference between the server's clock and the device's smaller than this is the request's own
// time on the wire, not a wrong clock.
const SKEW_NOISE_MS = 5_000;

// The states in which seats are held, and those from which a cart may change.
const HOLDING: readonly SessionState[] = ['holding', 'customer-set'];
const OPEN: readonly SessionState[] = ['empty', ...HOLDING];

const statusOf = (error: unknown) => (error instanceof ResmarkError ? error.status : undefined);

/**
 * A checkout's cart and its seat lock: `empty → holding → customer-set → ordering → ordered`, with
 * `expired` when the lock runs out and `failed` when the cart is gone. Totals are always the API
 * cart's; the session does no arithmetic on money.
 */
export class CartSession<
  C extends SessionCart = Cart,
  O extends SessionOrder = Order,
> extends EventTarget {
  readonly #api: SessionApi<C, O>;
  readonly #clock: SessionClock;
  readonly #supplierId: string | undefined;
  #state: SessionState = 'empty';
  #cart: C | undefined;
  #cartId: string | undefined;
  #order: O | undefined;
  #expiresAt: number | undefined;
  /** The server's clock minus the session's clock (see {@link now}); unknown until a lock says. */
  #skew: number | undefined;
  #timer: unknown;
  #referenceId: string | undefined;
  #placing: Promise<O> | undefined;
  /** A renew on its way (settled, never rejected): an order waits for it, so the two never race. */
  #renewing: Promise<unknown> | undefined;
  #creating: Promise<string> | undefined;

  constructor(options: CartSessionOptions<C, O>) {
    super();
    this.#api = options.api;
    this.#clock = options.clock ?? hostClock;
    this.#supplierId = options.supplierId;
  }

  /** Where the checkout stands. */
  get state(): SessionState {
    return this.#state;
  }

  /** The cart as the API last returned it (its totals are the ones to show). */
  get cart(): C | undefined {
    return this.#cart;
  }

  /** The order, once the cart became one. */
  get order(): O | undefined {
    return this.#order;
  }

  /** When the seat lock runs out (epoch ms), while seats are held. */
  get expiresAt(): number | undefined {
    return this.#expiresAt;
  }

  /**
   * Now on the server's clock, epoch ms: the lock ends at an instant the API names, and a device
   * whose clock is off (40 minutes fast: every hold would look lapsed at once; 20 minutes slow: the
   * seats would go while the device still showed time to renew) must count on the server's. An add
   * restarts the lock at the server's now plus 30 minutes, so its `expDateTime` tells the skew.
   */
  now(): number {
    return this.#clock.now() + (this.#skew ?? 0);
  }

  /** Milliseconds left on the seat lock; 0 when nothing is held or it ran out. */
  remainingMs(): number {
    if (this.#expiresAt === undefined || this.#state === 'expired') return 0;
    return Math.max(0, this.#expiresAt - this.now());
  }

  /** Listens for one event type with its typed detail; returns the function that stops listening. */
  on<K extends keyof CartSessionEvents<C, O>>(
    type: K,
    listener: (detail: CartSessionEvents<C, O>[K]) => void,
  ): () => void {
    const handler = (event: Event) =>
      listener((event as CustomEvent<CartSessionEvents<C, O>[K]>).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  /** Adds a slot (creating the cart on first use); its seats are locked from now. */
  addItem(item: SessionItem): Promise<C> {
    return this.#act('addItem', OPEN, async () => {
      const cart = await this.#api.cart.addItem(await this.#ensureCart(), item);
      this.#learnSkew(cart.expDateTime);
      return this.#take(cart, this.now() + SEAT_LOCK_MS);
    });
  }

  /** Removes a slot from the cart; its seats return. */
  removeItem(itemId: string): Promise<C> {
    return this.#act('removeItem', HOLDING, async (cartId) =>
      this.#take(await this.#api.cart.removeItem(cartId, itemId)),
    );
  }

  /**
   * Checks the customer against the cart's required and custom fields (refusing with a
   * `ResmarkError` kind `input` naming them, before any request), then sets it on the cart.
   */
  setCustomer(input: unknown): Promise<C> {
    return this.#act('setCustomer', HOLDING, async (cartId) => {
      const checked = validateCustomer(input, {
        requiredCustomerFields: this.#cart?.requiredCustomerFields,
        customFields: this.#cart?.customFields,
      });
      if (!checked.ok)
        throw new ResmarkError('input', 'Check the customer details', {
          endpoint: 'PUT /cart/{id}/customer',
          fields: checked.fields,
        });
      return this.#take(await this.#api.cart.setCustomer(cartId, checked.customer));
    });
  }

  /** Applies a promo code; when applied the cart's new totals come from the API. */
  applyDiscount(promoCode: string): Promise<SessionDiscountResult<C>> {
    return this.#act('applyDiscount', HOLDING, async (cartId) => {
      const result = await this.#api.cart.applyDiscount(cartId, promoCode);
      if (result.status === 'applied') this.#take(result.cart);
      return result;
    });
  }

  /**
   * Restarts the seat lock. From `expired` it wins back what the API could still hold; the
   * result's `errors` name the items it could not, and those are gone from the cart.
   */
  renew(): Promise<RenewResult> {
    const renewing = this.#act('renew', [...HOLDING, 'expired'], async (cartId) => {
      const renewed = await this.#api.cart.renew(cartId);
      // A cart that came by a resume link (or a snapshot from before the skew was kept) has had no
      // add here: its first renew, which restarts the lock the same way, tells the skew instead.
      if (this.#skew === undefined) this.#learnSkew(renewed.expDateTime);
      // Renew answers without the cart, and may have dropped items: read it again for the totals.
      const cart = await this.#api.cart.get(cartId);
      this.#take(cart, cart.expDateTime ?? this.now() + SEAT_LOCK_MS, renewed.expDateTime);
      return renewed;
    });
    const settled = (this.#renewing = renewing.then(
      () => undefined,
      () => undefined,
    ));
    void settled.then(() => {
      if (this.#renewing === settled) this.#renewing = undefined;
    });
    return renewing;
  }

  /** Deletes the cart (its seats return) and starts over empty. */
  async discard(): Promise<void> {
    await this.#act('discard', [...OPEN, 'expired', 'ordered', 'failed'], async (cartId) => {
      // An ordered or failed cart is gone already.
      if (cartId && this.#state !== 'ordered' && this.#state !== 'failed')
        await this.#api.cart.delete(cartId);
    });
    this.reset();
  }

  /** Forgets the cart and any order, back to `empty` (after `ordered` or `failed`). */
  reset(): void {
    this.#cart = this.#cartId = this.#order = this.#referenceId = this.#creating = undefined;
    this.#end('empty');
  }

  /**
   * Turns the cart into an order. A second call while one is on its way gets the same promise, so
   * a double click makes one order. Refused from `expired`: renew first.
   */
  placeOrder(options: PlaceOrderOptions = {}): Promise<O> {
    // After a renew on its way (an auto-renew on the very click that places the order): its
    // answer could otherwise arrive after the order consumed the cart, and fail the session.
    const renewing = this.#renewing;
    return (this.#placing ??= (
      renewing ? renewing.then(() => this.#placeNow(options)) : this.#placeNow(options)
    ).finally(() => {
      this.#placing = undefined;
    }));
  }

  #placeNow(options: PlaceOrderOptions): Promise<O> {
    if (this.#expiresAt !== undefined && !this.remainingMs()) this.#expire();
    return this.#act('placeOrder', HOLDING, async (cartId) => {
      const before = this.#state;
      // One referenceId per checkout, kept across retries: if a request whose response was lost
      // did reach Resmark and the lookup missed it, the retry is then the same checkout, not a
      // second one (the consumed cart answers 404 and the lookup by this id finds the first order).
      const referenceId = (this.#referenceId ??= options.referenceId || newReferenceId());
      this.#set('ordering');
      const order = await this.#api.order
        .create({ ...options, id: cartId, referenceId }, { timeoutMs: ORDER_TIMEOUT_MS })
        .catch(async (error: unknown) => {
          // Lost response (network, timeout; a gateway's 502/504 when it lost Resmark's answer) or
          // a consumed cart (404): the order may exist. Look before anything is tried again, so a
          // booking is never doubled nor lost.
          const status = statusOf(error);
          const kind = error instanceof ResmarkError && error.kind;
          const mayExist =
            status === 404 ||
            status === 502 ||
            status === 504 ||
            kind === 'network' ||
            kind === 'timeout';
          let unsettled: unknown;
          const found = mayExist
            ? await this.#api.order.findByReferenceId(referenceId).catch((lookup: unknown) => {
                unsettled = lookup;
                return undefined;
              })
            : undefined;
          if (found) return found;
          // The cart is gone and no order has its referenceId: nothing is left to order.
          if (status === 404 && unsettled === undefined) {
            this.#end('failed');
            throw error;
          }
          // Otherwise the cart may still be ordered: back to where it was, so a retry (with the
          // same referenceId) sends again or finds the order. After a 404 whose lookup failed, the
          // lookup's error is what the caller hears: the 404 alone would say the cart is gone.
          this.#set(before);
          if (status === 409) this.#expire();
          else this.#arm();
          throw status === 404 ? unsettled : error;
        });
      this.#order = order;
      this.#end('ordered');
      this.#emit('order', { order });
      return order;
    });
  }

  /** The session as session storage should keep it: ids, state and lock time, no secrets. */
  snapshot(): SessionSnapshot {
    return {
      version: 1,
      state: this.#state,
      cartId: this.#cartId,
      supplierId: this.#supplierId,
      expiresAt: this.#expiresAt,
      referenceId: this.#referenceId,
      skewMs: this.#skew,
    };
  }

  /**
   * Rebuilds a session from {@link snapshot}, reading the cart again for its current totals. A
   * snapshot with a `referenceId` (an order was attempted, its answer maybe lost) is settled by
   * looking the order up by it first. Throws a
   * `ResmarkError` kind `input` when the snapshot is not one.
   */
  static async restore<C extends SessionCart, O extends SessionOrder>(
    snapshot: unknown,
    options: CartSessionOptions<C, O>,
  ): Promise<CartSession<C, O>> {
    const parsed = readSnapshot(snapshot);
    if (!parsed) throw new ResmarkError('input', 'Not a cart session snapshot');
    const { state, cartId, referenceId, expiresAt, skewMs } = parsed;
    const { supplierId = options.supplierId } = parsed;
    const { api } = options;
    const session = new CartSession<C, O>({ ...options, supplierId });
    session.#cartId = cartId;
    session.#referenceId = referenceId;
    session.#skew = skewMs;
    // A referenceId means an order was attempted: its answer may have been lost, even when the
    // snapshot was saved after the attempt seemed to fail. Settle that before reading the cart.
    const order = referenceId ? await api.order.findByReferenceId(referenceId) : undefined;
    if (order) {
      session.#order = order;
      session.#state = 'ordered';
    } else if (cartId === undefined || state === 'failed') {
      session.#state = cartId === undefined ? 'empty' : 'failed';
    } else {
      try {
        // No guess here: a snapshot without a lock end restores without one.
        session.#take(await api.cart.get(cartId), expiresAt ?? null);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        session.#state = 'failed';
      }
      if (state === 'expired') session.#expire();
    }
    return session;
  }

  /**
   * Watches the seat lock again after {@link dispose} (its element came back to the page): a lock
   * that ran out meanwhile expires now.
   */
  watch(): void {
    this.#arm();
  }

  /** Stops the lock timer (the session keeps its state); call when its page or panel goes away. */
  dispose(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Learns the server's clock from a lock the API just restarted: it ends 30 minutes from then.
   * Without an instant from the API the lock is counted on this clock, so there is no skew.
   */
  #learnSkew(expDateTime: number | null | undefined): void {
    if (!expDateTime) {
      this.#skew ??= 0;
      return;
    }
    const skew = expDateTime - SEAT_LOCK_MS - this.#clock.now();
    this.#skew = Math.abs(skew) < SKEW_NOISE_MS ? 0 : skew;
  }

  // Two quick adds on a fresh session share one `POST /cart`, or the first slot would be orphaned.
  #ensureCart(): Promise<string> {
    if (this.#cartId !== undefined) return Promise.resolve(this.#cartId);
    const query = this.#supplierId ? { supplierId: this.#supplierId } : undefined;
    return (this.#creating ??= this.#api.cart.create(query).then(
      (cart) => (this.#cartId = cart.id),
      (error: unknown) => {
        this.#creating = undefined;
        throw error;
      },
    ));
  }

  /**
   * Takes a cart from the API. The lock ends at `first`, else the cart's `expDateTime`, else
   * `fallback`: now plus 30 minutes after a call that restarted it, the end already known otherwise.
   */
  #take(
    cart: C,
    fallback: number | null = this.#expiresAt ?? this.now() + SEAT_LOCK_MS,
    first?: number | null,
  ): C {
    this.#cart = cart;
    this.#cartId = cart.id;
    this.#expiresAt = cart.items.length
      ? (first ?? cart.expDateTime ?? fallback ?? undefined)
      : undefined;
    const customer = cart.customer as { email?: unknown } | null | undefined;
    this.#set(!cart.items.length ? 'empty' : customer?.email ? 'customer-set' : 'holding', true);
    this.#arm();
    return cart;
  }

  // One timer at a time, aimed at the lock's end; it re-checks on firing rather than trusting itself.
  #arm(): void {
    this.dispose();
    if (this.#expiresAt === undefined || !HOLDING.includes(this.#state)) return;
    const wait = this.#expiresAt - this.now();
    if (wait <= 0) return this.#expire();
    this.#timer = this.#clock.setTimeout(() => this.#arm(), Math.min(wait, MAX_TIMER_MS));
  }

  #expire(): void {
    if (!HOLDING.includes(this.#state)) return;
    this.dispose();
    this.#set('expired');
    this.#emit('expire', { cartId: this.#cartId ?? '' });
  }

  /** Ends the seat lock for good, in `state` (`empty`, `ordered` or `failed`). */
  #end(state: SessionState): void {
    this.#expiresAt = undefined;
    this.dispose();
    this.#set(state);
  }

  #set(state: SessionState, always = false): void {
    if (state === this.#state && !always) return;
    this.#state = state;
    this.#emit('change', { state, cart: this.#cart });
  }

  #emit<K extends keyof CartSessionEvents<C, O>>(
    type: K,
    detail: CartSessionEvents<C, O>[K],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /**
   * Runs one action: refused (a `ResmarkError` kind `input`) from any state but `states`, then
   * `work` gets the cart id ('' before the first add). A failure is also fired as `error`.
   */
  async #act<T>(
    action: string,
    states: readonly SessionState[],
    work: (cartId: string) => Promise<T>,
  ): Promise<T> {
    try {
      if (!states.includes(this.#state))
        throw new ResmarkError(
          'input',
          this.#state === 'expired'
            ? 'The seats are no longer held: renew the cart first'
            : `Cannot ${action} while the session is ${this.#state}`,
          // What was refused, and in which state, as data: a caller that tells a person about it
          // branches on these, never on the sentence above (written for developers).
          { detail: { refused: action, state: this.#state } satisfies SessionRefusal },
        );
      return await work(this.#cartId ?? '');
    } catch (error) {
      // A 404 on our own cart means it was deleted or consumed elsewhere: nothing left to drive.
      // Not while ordering or once ordered: the order consumed it, and placeOrder decides.
      if (statusOf(error) === 404 && this.#state !== 'ordering' && this.#state !== 'ordered')
        this.#end('failed');
      this.#emit('error', { action, error });
      throw error;
    }
  }
}
