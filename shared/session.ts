/**
 * The cart session: one small state machine, shared by the widget and the extension, that drives a
 * Resmark client through a checkout and keeps the 30-minute seat-lock clock (docs/wire.md, Carts).
 */
import * as z from 'zod/mini';
import type { Cart } from './cart.js';
import { validateCustomer, type Customer, type CustomField } from './customer.js';
import { ResmarkError } from './errors.js';
import { SEAT_LOCK_MS } from './limits.js';
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

/** What `placeOrder` passes to `POST /order` besides the cart id and `referenceId`. */
export interface PlaceOrderOptions {
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
    create(body: PlaceOrderOptions & { id: string; referenceId: string }): Promise<O>;
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

/** What {@link CartSession.snapshot} gives for session storage: ids and clocks, nothing secret. */
export const SessionSnapshot = z.object({
  version: z.literal(1),
  state: z.enum(['empty', 'holding', 'customer-set', 'ordering', 'ordered', 'expired', 'failed']),
  cartId: z.optional(z.string()),
  supplierId: z.optional(z.string()),
  expiresAt: z.optional(z.number()),
  referenceId: z.optional(z.string()),
});
/** What {@link CartSession.snapshot} gives for session storage. */
export type SessionSnapshot = z.infer<typeof SessionSnapshot>;

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

/** A fresh `referenceId` for one checkout attempt, e.g. `chk_0b7c…`. */
export function newReferenceId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return `chk_${crypto.randomUUID()}`;
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `chk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const hasCustomer = (cart: SessionCart) => {
  const customer = cart.customer as { email?: unknown } | null | undefined;
  return typeof customer?.email === 'string' && customer.email !== '';
};

const isKind = (error: unknown, ...kinds: ResmarkError['kind'][]) =>
  error instanceof ResmarkError && kinds.includes(error.kind);

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
  #timer: unknown;
  #referenceId: string | undefined;
  #placing: Promise<O> | undefined;
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

  /** Milliseconds left on the seat lock; 0 when nothing is held or it ran out. */
  remainingMs(): number {
    if (this.#expiresAt === undefined || this.#state === 'expired') return 0;
    return Math.max(0, this.#expiresAt - this.#clock.now());
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
  async addItem(item: SessionItem): Promise<C> {
    this.#expect('addItem', 'empty', 'holding', 'customer-set');
    return this.#run('addItem', async () => {
      const cart = await this.#api.cart.addItem(await this.#ensureCart(), item);
      this.#accept(cart, true);
      return cart;
    });
  }

  /** Removes a slot from the cart; its seats return. */
  async removeItem(itemId: string): Promise<C> {
    const cartId = this.#expect('removeItem', 'holding', 'customer-set');
    return this.#run('removeItem', async () => {
      const cart = await this.#api.cart.removeItem(cartId, itemId);
      this.#accept(cart, false);
      return cart;
    });
  }

  /**
   * Checks the customer against the cart's required and custom fields (refusing with a
   * `ResmarkError` kind `input` naming them, before any request), then sets it on the cart.
   */
  async setCustomer(input: unknown): Promise<C> {
    const cartId = this.#expect('setCustomer', 'holding', 'customer-set');
    const checked = validateCustomer(input, {
      requiredCustomerFields: this.#cart?.requiredCustomerFields,
      customFields: this.#cart?.customFields,
    });
    if (!checked.ok) {
      const error = new ResmarkError('input', 'Some customer details need attention', {
        endpoint: 'PUT /cart/{id}/customer',
        fields: checked.fields,
      });
      this.#emit('error', { action: 'setCustomer', error });
      throw error;
    }
    return this.#run('setCustomer', async () => {
      const cart = await this.#api.cart.setCustomer(cartId, checked.customer);
      this.#accept(cart, false);
      return cart;
    });
  }

  /** Applies a promo code; when applied the cart's new totals come from the API. */
  async applyDiscount(promoCode: string): Promise<SessionDiscountResult<C>> {
    const cartId = this.#expect('applyDiscount', 'holding', 'customer-set');
    return this.#run('applyDiscount', async () => {
      const result = await this.#api.cart.applyDiscount(cartId, promoCode);
      if (result.status === 'applied') this.#accept(result.cart, false);
      return result;
    });
  }

  /**
   * Restarts the seat lock. From `expired` it wins back what the API could still hold; the
   * result's `errors` name the items it could not, and those are gone from the cart.
   */
  async renew(): Promise<RenewResult> {
    const cartId = this.#expect('renew', 'holding', 'customer-set', 'expired');
    return this.#run('renew', async () => {
      const renewed = await this.#api.cart.renew(cartId);
      // Renew answers without the cart, and may have dropped items: read it again for the totals.
      const cart = await this.#api.cart.get(cartId);
      this.#accept(cart, true, renewed.expDateTime ?? cart.expDateTime);
      return renewed;
    });
  }

  /** Deletes the cart (its seats return) and starts over empty. */
  async discard(): Promise<void> {
    if (this.#state === 'ordering') this.#refuse('discard', 'An order is being placed');
    const cartId = this.#cartId;
    if (cartId !== undefined && this.#state !== 'ordered' && this.#state !== 'failed')
      await this.#run('discard', () => this.#api.cart.delete(cartId));
    this.reset();
  }

  /** Forgets the cart and any order, back to `empty` (after `ordered` or `failed`). */
  reset(): void {
    this.#cart = this.#cartId = this.#order = this.#referenceId = this.#creating = undefined;
    this.#setExpiry(undefined);
    this.#set('empty');
  }

  /**
   * Turns the cart into an order. A second call while one is on its way gets the same promise, so
   * a double click makes one order. Refused from `expired`: renew first.
   */
  placeOrder(options: PlaceOrderOptions = {}): Promise<O> {
    if (this.#placing) return this.#placing;
    if (this.#state !== 'expired' && this.#expiresAt !== undefined && this.remainingMs() === 0)
      this.#expire();
    if (this.#state === 'expired')
      return Promise.reject(
        this.#refusal('placeOrder', 'The seats are no longer held: renew the cart first'),
      );
    if ((this.#state !== 'holding' && this.#state !== 'customer-set') || this.#cartId === undefined)
      return Promise.reject(
        this.#refusal('placeOrder', `Cannot place an order from ${this.#state}`),
      );
    const before = this.#state;
    const cartId = this.#cartId;
    // One referenceId per checkout, kept across retries: if a request whose response was lost did
    // reach Resmark and the lookup missed it, the retry is then the same checkout, not a second one
    // (the consumed cart answers 404 and the lookup by this id finds the first order).
    const referenceId = (this.#referenceId ??= newReferenceId());
    this.#set('ordering');
    this.#placing = this.#place(cartId, referenceId, options, before).finally(() => {
      this.#placing = undefined;
    });
    return this.#placing;
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
    };
  }

  /**
   * Rebuilds a session from {@link snapshot}, reading the cart again for its current totals. A
   * snapshot taken mid-order is settled by looking the order up by its `referenceId`. Throws a
   * `ResmarkError` kind `input` when the snapshot is not one.
   */
  static async restore<C extends SessionCart, O extends SessionOrder>(
    snapshot: unknown,
    options: CartSessionOptions<C, O>,
  ): Promise<CartSession<C, O>> {
    const parsed = SessionSnapshot.safeParse(snapshot);
    if (!parsed.success)
      throw new ResmarkError('input', 'Not a cart session snapshot', { cause: parsed.error });
    const saved = parsed.data;
    const session = new CartSession<C, O>({
      ...options,
      supplierId: saved.supplierId ?? options.supplierId,
    });
    session.#cartId = saved.cartId;
    session.#referenceId = saved.referenceId;
    if (saved.state === 'ordering' || saved.state === 'ordered') {
      const order = saved.referenceId
        ? await options.api.order.findByReferenceId(saved.referenceId)
        : undefined;
      if (order) {
        session.#order = order;
        session.#state = 'ordered';
        return session;
      }
    }
    if (saved.cartId === undefined || saved.state === 'failed') {
      session.#state = saved.cartId === undefined ? 'empty' : 'failed';
      return session;
    }
    let cart: C;
    try {
      cart = await options.api.cart.get(saved.cartId);
    } catch (error) {
      if (error instanceof ResmarkError && error.status === 404) {
        session.#state = 'failed';
        return session;
      }
      throw error;
    }
    session.#cart = cart;
    session.#expiresAt =
      cart.items.length === 0 ? undefined : (cart.expDateTime ?? saved.expiresAt);
    session.#state = session.#derive(cart);
    if (
      saved.state === 'expired' ||
      (session.#expiresAt !== undefined && session.remainingMs() === 0)
    ) {
      if (session.#state !== 'empty') session.#state = 'expired';
    }
    session.#arm();
    return session;
  }

  /** Stops the lock timer (the session keeps its state); call when its page or panel goes away. */
  dispose(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
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

  async #place(
    cartId: string,
    referenceId: string,
    options: PlaceOrderOptions,
    before: SessionState,
  ): Promise<O> {
    let order: O | undefined;
    try {
      order = await this.#api.order.create({ ...options, id: cartId, referenceId });
    } catch (error) {
      // Lost response (network, timeout) or a consumed cart (404): the order may exist. Look
      // before anything is tried again, so a booking is never doubled nor lost.
      const unsure =
        isKind(error, 'network', 'timeout') ||
        (error instanceof ResmarkError && error.status === 404);
      if (unsure)
        order = await this.#api.order.findByReferenceId(referenceId).catch(() => undefined);
      if (!order) {
        if (error instanceof ResmarkError && error.status === 404) {
          this.#setExpiry(undefined);
          this.#set('failed');
        } else if (error instanceof ResmarkError && error.status === 409) {
          this.#set(before);
          this.#expire();
        } else {
          this.#set(before);
          this.#arm();
        }
        this.#emit('error', { action: 'placeOrder', error });
        throw error;
      }
    }
    this.#order = order;
    this.#setExpiry(undefined);
    this.#set('ordered');
    this.#emit('order', { order });
    return order;
  }

  #derive(cart: C): SessionState {
    if (cart.items.length === 0) return 'empty';
    return hasCustomer(cart) ? 'customer-set' : 'holding';
  }

  /** Takes a cart from the API; `locked` when the call (add, renew) restarted the lock. */
  #accept(cart: C, locked: boolean, expDateTime = cart.expDateTime): void {
    this.#cart = cart;
    this.#cartId = cart.id;
    if (cart.items.length === 0) this.#setExpiry(undefined);
    else if (typeof expDateTime === 'number') this.#setExpiry(expDateTime);
    else if (locked || this.#expiresAt === undefined)
      this.#setExpiry(this.#clock.now() + SEAT_LOCK_MS);
    this.#set(this.#derive(cart), true);
    this.#arm();
  }

  #setExpiry(expiresAt: number | undefined): void {
    this.#expiresAt = expiresAt;
    this.dispose();
  }

  // One timer at a time, aimed at the lock's end; it re-checks on firing rather than trusting itself.
  #arm(): void {
    this.dispose();
    if (
      this.#expiresAt === undefined ||
      (this.#state !== 'holding' && this.#state !== 'customer-set')
    )
      return;
    const wait = this.#expiresAt - this.#clock.now();
    if (wait <= 0) return this.#expire();
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#arm();
      },
      Math.min(wait, MAX_TIMER_MS),
    );
  }

  #expire(): void {
    if (this.#state !== 'holding' && this.#state !== 'customer-set') return;
    this.dispose();
    this.#set('expired');
    if (this.#cartId !== undefined) this.#emit('expire', { cartId: this.#cartId });
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

  #refusal(action: string, message: string): ResmarkError {
    const error = new ResmarkError('input', message);
    this.#emit('error', { action, error });
    return error;
  }

  #refuse(action: string, message: string): never {
    throw this.#refusal(action, message);
  }

  /** Refuses an action from any other state; returns the cart id, if there is a cart yet. */
  #expect(action: string, ...states: SessionState[]): string {
    if (!states.includes(this.#state))
      this.#refuse(action, `Cannot ${action} while the session is ${this.#state}`);
    // Every state but `empty` is reached through a cart, so only addItem ever sees ''.
    return this.#cartId ?? '';
  }

  async #run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // A 404 on our own cart means it was deleted or consumed elsewhere: nothing left to drive.
      if (error instanceof ResmarkError && error.status === 404) {
        this.#setExpiry(undefined);
        this.#set('failed');
      }
      this.#emit('error', { action, error });
      throw error;
    }
  }
}
