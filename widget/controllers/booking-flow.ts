/**
 * The booking flow both shells run — `<resmark-checkout>` through the operator's proxy, the
 * reseller side panel straight to Resmark with the agent's token: which step the buyer is on,
 * what is on its way, what went wrong in the buyer's words, and every cart action over one
 * `CartSession` (shared/session.ts holds the API's rules; this holds the flow's).
 *
 * What differs between the shells is passed in, never branched on here: where the cart is kept
 * (`persist`), whether it is a reseller cart (`supplierId`), what an order carries besides the cart
 * (`place(options)`), what an item carries (`add(item)`), and what the page hears (the hooks).
 */
import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AddCartItem, Cart, CartItem } from '../../shared/cart.js';
import type { CustomerInput } from '../../shared/customer.js';
import { ResmarkError } from '../../shared/errors.js';
import type { RequestOptions } from '../../shared/http.js';
import type { Order } from '../../shared/order.js';
import type { Inventory, InventoryQuery, PickupZone, Product } from '../../shared/product.js';
import {
  CartSession,
  type PlaceOrderOptions,
  type SessionApi,
  type SessionSnapshot,
} from '../../shared/session.js';
import type { ResmarkClient } from '../../shared/client.js';
import type { PickupsByProduct } from '../checkout/lines.js';
import type { PromoStatus } from '../checkout/resmark-promo-code.js';
import { shopperMessage } from '../shopper-message.js';

/** The steps of the flow, in order. */
export type CheckoutStep = 'products' | 'product' | 'cart' | 'details' | 'review' | 'done';

/** What a write in flight is doing (announced, and it disables its control). */
export type FlowBusy = '' | 'add' | 'change' | 'remove' | 'promo' | 'customer' | 'order' | 'renew';

/** The promo code box's state, as `resmark-promo-code` takes it. */
export interface PromoState {
  status: PromoStatus;
  code?: string | undefined;
  message?: string | undefined;
}

/**
 * The client a flow books with: `shared/`'s product, cart and order endpoints, pointed at a proxy
 * (the widget) or at Resmark (the panel).
 */
export type FlowClient = Pick<ResmarkClient, 'product' | 'cart' | 'order'>;

/** What the booker is given: the client's product endpoints, remembering every pickup zone. */
export type BookerClient = Pick<ResmarkClient, 'product'>;

/** What a flow tells its shell. Every hook is optional. */
export interface BookingFlowHooks {
  /** Keep this snapshot where the shell keeps carts; `undefined`: forget the kept one. */
  persist?(snapshot: SessionSnapshot | undefined): void;
  /** The cart changed (an item added or removed, a promo applied, the hold renewed or lost). */
  cartChange?(cart: Cart | undefined): void;
  /** A product was chosen to book. */
  productSelect?(product: Product): void;
  /** A time slot went into the cart; `line` is the API's cart item. */
  itemAdd?(cart: Cart, line: CartItem): void;
  /** The buyer left the cart for the customer's details. */
  checkoutBegin?(cart: Cart): void;
  /** The cart became an order: placed now, or found after a lost answer or a reload. */
  complete?(order: Order): void;
  /** Something failed; `message` is what the buyer was (or will be) told. */
  error?(error: unknown, message: string): void;
  /** The step changed; `focus` is false when the move must not pull the page's focus (a restore). */
  step?(step: CheckoutStep, focus: boolean): void;
  /** The seat lock ran out. */
  expire?(): void;
  /**
   * Not a hook: keep the session after its order too, so a reload shows the confirmation again
   * (the widget) rather than an empty flow; until {@link BookingFlow.reset}. Default false.
   */
  keepOrder?: boolean;
}

/** How {@link BookingFlow.open} starts a session. */
export interface OpenOptions {
  /** A snapshot kept from before (a reload, a resume link, a supplier's open cart). */
  saved?: SessionSnapshot | undefined;
  /** Makes the cart a reseller cart for this supplier (`POST /cart?supplierId=…`). */
  supplierId?: string | undefined;
  /**
   * A session another flow on the page opened: this flow joins it (one cart per page, issue 11)
   * instead of starting or restoring one. `saved` is then ignored: the session is settled.
   */
  session?: CartSession | undefined;
  /**
   * The session is shared with other flows, whose owner (the shell's page registry) stops and
   * restarts its lock timer: this flow's host going away must not stop it for the others.
   */
  shared?: boolean | undefined;
}

// Where "Back" goes from each step; the product list goes back to a cart only if there is one.
const PREVIOUS: Partial<Record<CheckoutStep, CheckoutStep>> = {
  product: 'products',
  cart: 'products',
  details: 'cart',
  review: 'details',
};

// The steps that show a cart holding seats.
const HOLDING_STEPS: readonly CheckoutStep[] = ['cart', 'details', 'review'];

// How long inventory read ahead for a list stays fresh enough to hand to the booker: seats sell,
// and a minute-old count is what a buyer would have seen anyway had the booker asked itself.
const READ_AHEAD_MS = 60_000;

// Renew the hold on the buyer's activity once less than this is left, so nobody who is still
// typing loses seats; a buyer who walked away lets it lapse (the seats go back on sale).
const RENEW_WITHIN_MS = 10 * 60_000;

const readAheadKey = (product: string | number, { from, to }: InventoryQuery) =>
  `${product}|${from}|${to ?? ''}`;

// When the flow looks again for an order whose answer was lost, after the failure: the proxy
// waits up to 30 s for Resmark, so by the last look any order on its way has been made.
const RECHECK_AFTER_MS: readonly number[] = [5_000, 15_000, 30_000];

/** The status line's words for what is on its way. */
export function busyMessage(busy: FlowBusy): string {
  return {
    '': '',
    add: msg('Adding to your cart…'),
    change: msg('Updating your cart…'),
    remove: msg('Updating your cart…'),
    promo: msg('Applying the code…'),
    customer: msg('Saving your details…'),
    order: msg('Placing your order…'),
    renew: msg('Holding your seats…'),
  }[busy];
}

/**
 * One booking flow over one {@link CartSession} at a time. The host renders `step` and the
 * state below and forwards what the buyer does to the methods; the flow asks the host to update
 * whenever any of it changes. Actions never throw: a failure is shown through `error`/`fields` and
 * told to the `error` hook.
 */
export class BookingFlow implements ReactiveController {
  /** The step the buyer is on. */
  step: CheckoutStep = 'products';
  /** What is on its way. */
  busy: FlowBusy = '';
  /** What the last action's failure means for the buyer, until the next action or step. */
  error: string | undefined;
  /** Customer fields the API refused, by field name, for the customer form. */
  fields: Record<string, string> | undefined;
  /** The promo code box's state. */
  promo: PromoState = { status: 'idle' };
  /** The product being booked on the `product` step. */
  product: Product | undefined;
  /** Pickup zones loaded so far, by product number: they name the pickups in the cart and order. */
  pickups: PickupsByProduct = new Map();

  readonly #host: ReactiveControllerHost;
  readonly #hooks: BookingFlowHooks;
  #client: FlowClient | undefined;
  #bookerClient: BookerClient | undefined;
  #session: CartSession | undefined;
  #unlisten: (() => void)[] = [];
  #opening: Promise<void> | undefined;
  #pickupsAsked = new Set<number>();
  #lastCart: Cart | undefined;
  /** Inventory read ahead by {@link readAhead}, by product and window, until the booker takes it. */
  #readAhead = new Map<string, { at: number; answer: Promise<Inventory> }>();
  #shared = false;
  /** The next look for an order whose answer was lost (see `#orderFailed`). */
  #recheck: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, hooks: BookingFlowHooks = {}) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  /** The session of the open cart, once {@link open} has made it. */
  get session(): CartSession | undefined {
    return this.#session;
  }

  /** The client to give `<resmark-product-booker>`: it remembers the pickup zones it loads. */
  get bookerClient(): BookerClient | undefined {
    return this.#bookerClient;
  }

  /** The host came (back) to the page: the lock is watched again, and told if it ran out meanwhile. */
  hostConnected(): void {
    this.#session?.watch();
  }

  /** A detached host keeps no timer alive (a closed panel, a widget taken off the page). */
  hostDisconnected(): void {
    this.#stopRecheck();
    if (!this.#shared) this.#session?.dispose();
  }

  /** Where "Back" goes from the current step, if anywhere. */
  get previous(): CheckoutStep | undefined {
    if (this.step === 'done') return undefined;
    if (this.step === 'products') return this.#session?.cart?.items.length ? 'cart' : undefined;
    return PREVIOUS[this.step];
  }

  /**
   * A write that changes the cart is on its way. Not a renew: it changes nothing the next step
   * needs, and the press on "Continue" that started it (activity renews a short hold) must count.
   */
  get changingCart(): boolean {
    return !!this.busy && this.busy !== 'renew';
  }

  /** Now on the server's clock (the session's), so a countdown is right on a wrong device clock. */
  readonly now = (): number => this.#session?.now() ?? Date.now();

  /**
   * Starts (or resumes, from `saved`) a cart session with `client`. A saved order attempt is
   * settled first, so a lost answer is never booked twice. Resolves once the flow can take input;
   * a second call while one is on its way waits for it and then opens again.
   */
  open(client: FlowClient, options: OpenOptions = {}): Promise<void> {
    const previous = this.#opening ?? Promise.resolve();
    const opening = previous.then(() => this.#open(client, options));
    this.#opening = opening;
    return opening;
  }

  /** Resolves when the last {@link open} has finished. */
  get ready(): Promise<void> {
    return this.#opening ?? Promise.resolve();
  }

  async #open(client: FlowClient, options: OpenOptions): Promise<void> {
    const { saved, supplierId, session: joined } = options;
    this.#close();
    this.#shared = !!(options.shared || joined);
    this.#client = client;
    this.#readAhead.clear();
    this.#bookerClient = {
      product: {
        ...client.product,
        pickups: (product, options) => this.#pickupsOf(product, options),
        inventory: (product, query, options) =>
          this.#takeReadAhead(product, query) ?? client.product.inventory(product, query, options),
      },
    };
    this.error = this.fields = this.product = undefined;
    this.promo = { status: 'idle' };
    this.step = 'products';
    const made = { api: client as SessionApi, ...(supplierId ? { supplierId } : {}) };
    let session = joined;
    // Offline on reload: keep what was saved so the next load can try again; junk goes.
    let keep = false;
    if (saved && !joined) {
      try {
        session = await CartSession.restore(saved, made);
      } catch (error) {
        keep = !(error instanceof ResmarkError && error.kind === 'input');
        this.fail(error);
      }
    }
    session ??= new CartSession(made);
    this.#session = session;
    this.#lastCart = session.cart;
    this.#unlisten = [
      session.on('change', ({ cart }) => {
        this.save();
        if (cart) this.#namePickups(cart.items);
        if (cart !== this.#lastCart || session.state === 'expired')
          this.#hooks.cartChange?.((this.#lastCart = cart));
        // Nothing held any more (the last item removed, every seat lost on a renew, the cart
        // discarded elsewhere): a cart, details or review step of an empty cart is a dead end
        // whose Continue the session can only refuse. The focus follows only this flow's own act.
        if (session.state === 'empty' && HOLDING_STEPS.includes(this.step))
          this.go('products', !!this.busy);
        this.#host.requestUpdate();
      }),
      // Only the flow that placed the order tells its page (one purchase, however many widgets
      // share the cart); the others show the confirmation too.
      session.on('order', ({ order }) =>
        this.busy === 'order' ? this.#complete(order) : this.go('done', false),
      ),
      session.on('expire', () => this.#hooks.expire?.()),
    ];
    // A restored cart is news to the page too (a cart badge, say).
    if (session.cart) this.#hooks.cartChange?.(session.cart);
    this.#namePickups(session.cart?.items ?? session.order?.items ?? []);
    if (joined) {
      // The flow that opened it settled it and told the page: this one only shows where it is.
      if (session.order) this.go('done', false);
      else if (session.cart?.items.length) this.go('cart', false);
    } else if (session.order) {
      // The order was on its way when the page went away: the page has not heard of it yet.
      if (saved?.state !== 'ordered') this.#complete(session.order);
      else this.go('done', false);
    } else if (session.state === 'failed') {
      session.reset();
      this.error = msg('Your earlier cart is no longer available.');
    } else if (session.cart?.items.length) this.go('cart', false);
    if (!keep) this.save();
    this.#host.requestUpdate();
  }

  // The session before another opens: it stops listening and ticking, and keeps its cart (a
  // supplier's open cart stays held on Resmark; the shell may open it again later).
  #close(): void {
    this.#stopRecheck();
    for (const unlisten of this.#unlisten) unlisten();
    this.#unlisten = [];
    if (!this.#shared) this.#session?.dispose();
    this.#session = undefined;
  }

  /**
   * Reads a product's inventory now for a list that shows it (an agent's "anything tomorrow?"); if
   * the booker then asks for the same window within a minute, it gets this answer instead of
   * asking again. Call after {@link open}.
   */
  readAhead(product: number, query: InventoryQuery): Promise<Inventory> {
    const client = this.#client;
    if (!client) return Promise.reject(new ResmarkError('input', 'Open the flow first'));
    const key = readAheadKey(product, query);
    const answer = client.product.inventory(product, query);
    this.#readAhead.set(key, { at: Date.now(), answer });
    answer.catch(() => this.#readAhead.delete(key));
    return answer;
  }

  #takeReadAhead(product: string | number, query: InventoryQuery): Promise<Inventory> | undefined {
    const key = readAheadKey(product, query);
    const ahead = this.#readAhead.get(key);
    // Once: a second look at the product (after seats were taken) asks afresh.
    this.#readAhead.delete(key);
    return ahead && Date.now() - ahead.at < READ_AHEAD_MS ? ahead.answer : undefined;
  }

  /** Hands the session's snapshot to the shell's `persist` (nothing to keep: `undefined`). */
  save(): void {
    const snapshot = this.#session?.snapshot();
    if (!snapshot) return;
    // Nothing to resume before there is a cart, nor once the order exists unless the shell shows
    // its confirmation again (the restore finds the order by its referenceId).
    const ordered = snapshot.state === 'ordered' && !this.#hooks.keepOrder;
    this.#hooks.persist?.(ordered || snapshot.cartId === undefined ? undefined : snapshot);
  }

  /** Moves to `step`; `focus` false keeps the page's focus where it is (a restore). */
  go(step: CheckoutStep, focus = true): void {
    if (step !== this.step) this.error = undefined;
    this.step = step;
    this.#hooks.step?.(step, focus);
    this.#host.requestUpdate();
  }

  /** The buyer chose a product to book. */
  select(product: Product): void {
    this.product = product;
    this.#hooks.productSelect?.(product);
    this.go('product');
  }

  /** Puts a slot in the cart (the body of `POST /cart/{id}/item`), then shows the cart. */
  async add(item: AddCartItem): Promise<Cart | undefined> {
    // The add-item schema lets numeric strings through (as real clients send them); the session
    // takes numbers.
    const participants = Object.fromEntries(
      Object.entries(item.participants).map(([tier, count]) => [tier, Number(count)]),
    );
    const cart = await this.#act('add', async (session) => {
      // A hold that lapsed while the buyer chose another tour: they are plainly still here, and
      // nothing on this step could renew it, so hold the cart's seats again first.
      if (session.state === 'expired') await session.renew();
      // The cart is gone (deleted or consumed elsewhere; a 404 said so): the next add starts a
      // new one, or every press of "Add to cart" would be refused (issue 11, item 2).
      if (session.state === 'failed') session.reset();
      return session.addItem({ ...item, participants });
    });
    const line = cart?.items.find((entry) => entry.itemId === item.itemId);
    if (!cart || !line) return undefined;
    this.#hooks.itemAdd?.(cart, line);
    this.promo = { status: 'idle', code: cart.promoCode ?? undefined };
    this.go('cart');
    return cart;
  }

  /**
   * Changes the quantities of a slot in the cart: the slot is added again with every tier's new
   * count (the API replaces the item's participants, docs/wire.md Carts), keeping its pickup.
   */
  async change(itemId: string, participants: Record<string, number>): Promise<Cart | undefined> {
    const line = this.#session?.cart?.items.find((item) => item.itemId === itemId);
    if (!line) return undefined;
    const { pickupDetailId, locationId, locationOther, internalComment } = line;
    return this.#act('change', (session) =>
      session.addItem({
        itemId,
        participants,
        ...(pickupDetailId ? { pickupDetailId } : {}),
        ...(locationId ? { locationId } : {}),
        ...(locationOther ? { locationOther } : {}),
        ...(internalComment ? { internalComment } : {}),
      }),
    );
  }

  /** Takes a slot out of the cart; an emptied cart goes back to the products. */
  async remove(itemId: string): Promise<void> {
    const cart = await this.#act('remove', (session) => session.removeItem(itemId));
    if (cart && !cart.items.length) this.go('products');
  }

  /** Applies a promo code; the box shows whether it applied, and why not. */
  async applyPromo(code: string): Promise<void> {
    this.promo = { status: 'applying', code };
    let failure: string | undefined;
    const result = await this.#act(
      'promo',
      (session) => session.applyDiscount(code),
      (message) => (failure = message),
    );
    this.promo = !result
      ? { status: 'idle', code, message: failure }
      : result.status === 'applied'
        ? { status: 'applied', code }
        : { status: result.status, code, message: result.message };
    this.#host.requestUpdate();
  }

  /** From the cart to the customer's details (ignored while the cart is changing). */
  checkout(): void {
    // aria-disabled, not disabled, while busy: the pressed button keeps its focus.
    if (this.changingCart) return;
    const cart = this.#session?.cart;
    if (cart) this.#hooks.checkoutBegin?.(cart);
    this.go('details');
  }

  /** Saves the customer (already checked by the form), then shows the review. */
  async setCustomer(customer: CustomerInput): Promise<void> {
    this.fields = undefined;
    const cart = await this.#act('customer', (session) => session.setCustomer(customer));
    if (cart) this.go('review');
  }

  /** Places the order; `options` is what it carries besides the cart (an agent's memo, say). */
  async place(options?: PlaceOrderOptions): Promise<Order | undefined> {
    // The session makes a double click one order anyway; this keeps it one busy state too.
    if (this.busy === 'order') return undefined;
    this.#stopRecheck();
    let failure: unknown;
    const order = await this.#act('order', (session) =>
      session.placeOrder(options).catch((error: unknown) => {
        failure = error;
        throw error;
      }),
    );
    if (!order && failure !== undefined) await this.#orderFailed(failure, options);
    return order;
  }

  /**
   * After an order failed (issue 10, findings 2 and 5). A cart that changed after its review
   * (the proxy's 412) is read again and the review shown again with it, so the buyer orders what
   * they saw. An answer lost on its way (the session's own lookup could not settle it) may still
   * have made the order: the flow looks again by itself a few times before the buyer would press
   * "Place order" again.
   */
  async #orderFailed(error: unknown, options: PlaceOrderOptions | undefined): Promise<void> {
    const session = this.#session;
    if (!session || !(error instanceof ResmarkError)) return;
    if (error.status === 412) {
      const message = this.error;
      // Renew reads the cart again (its answer has no cart), and the buyer is plainly here.
      await session.renew().catch(() => undefined);
      if (this.#session !== session) return;
      this.error = message;
      this.go('review');
      this.#hooks.step?.('review', true);
      return;
    }
    const unsure =
      error.kind === 'network' ||
      error.kind === 'timeout' ||
      error.status === 502 ||
      error.status === 504;
    const referenceId = session.snapshot().referenceId;
    if (!unsure || !referenceId || !this.#client) return;
    this.error = msg(
      'We could not hear back whether your order was made. We are checking: please wait a moment.',
    );
    this.#host.requestUpdate();
    const client = this.#client;
    // Another session, an action on its way, or the order found some other way: nothing to do.
    const moved = () => this.#session !== session || !!this.busy || session.state === 'ordered';
    const look = (left: readonly number[]) => {
      const [delay, ...later] = left;
      if (delay === undefined) return;
      this.#recheck = setTimeout(async () => {
        this.#recheck = undefined;
        if (moved()) return;
        const found = await client.order.findByReferenceId(referenceId).catch(() => undefined);
        if (moved()) return;
        // Found: ordering again with the same referenceId settles on that order (the consumed
        // cart answers 404 and the session's lookup finds it), never a second one.
        if (found) void this.place(options);
        else if (later.length) look(later);
        else {
          this.error = msg('Your order was not made. Please try again.');
          this.#host.requestUpdate();
        }
      }, delay);
    };
    look(RECHECK_AFTER_MS);
  }

  #stopRecheck(): void {
    clearTimeout(this.#recheck);
    this.#recheck = undefined;
  }

  /** Holds the cart's seats again (a lapsed hold, or one running short). */
  async renew(): Promise<void> {
    const wasExpired = this.#session?.state === 'expired';
    const renewed = await this.#act('renew', (session) => session.renew());
    if (renewed?.errors.length) {
      // Seats were taken by someone else while the hold had lapsed. The buyer hears it at the
      // top of a step they can go on from (the message beside a form is off a phone's screen):
      // the cart with what is left, or the tours when nothing is.
      const left = this.#session?.cart?.items.length ?? 0;
      if (left && this.step !== 'products' && this.step !== 'product') this.go('cart');
      else if (!left) this.go('products');
      this.error = left
        ? msg(
            'Some seats could not be held again and were removed from your cart. Please check it.',
          )
        : msg(
            'Your seats were taken while they were not held, so your cart is empty. Please choose again.',
          );
      this.#hooks.step?.(this.step, true);
    } else if (renewed && wasExpired) {
      // The step comes back from hiding: take the buyer to it, not to the top of the page. An
      // automatic renew while the buyer types must not move their focus, so only after a lapse.
      this.#hooks.step?.(this.step, true);
    }
    this.#host.requestUpdate();
  }

  /** The buyer did something in the flow: a hold running short is renewed (issue 4, "The hold"). */
  active(): void {
    const session = this.#session;
    if (
      session &&
      !this.busy &&
      (session.state === 'holding' || session.state === 'customer-set') &&
      session.remainingMs() < RENEW_WITHIN_MS
    )
      void this.renew();
  }

  /** Discards the cart (its seats go back on sale) and starts over at the product list. */
  async reset(): Promise<void> {
    const session = this.#session;
    this.error = this.fields = this.product = undefined;
    this.promo = { status: 'idle' };
    if (session && session.state !== 'ordering') {
      // A cart that cannot be deleted now (offline) lapses on its own within the hold.
      await session.discard().catch(() => session.reset());
    }
    this.#hooks.persist?.(undefined);
    this.go('products');
  }

  /**
   * Tells the shell of a failure and returns the buyer's sentence for it. Customer fields the API
   * refused go to `fields`; anything else is shown as `error` unless `show` is false (the caller
   * shows it where it belongs).
   */
  fail(error: unknown, show = true): string {
    const known = error instanceof ResmarkError ? error : undefined;
    const message = shopperMessage(error);
    // Field problems belong at the customer form; any other step's (an add-item 400 naming
    // `participants`, say) would be invisible there, so they show as the step's message.
    if (known?.fields && known.endpoint === 'PUT /cart/{id}/customer') this.fields = known.fields;
    else if (show) this.error = message;
    this.#hooks.error?.(error, message);
    this.#host.requestUpdate();
    return message;
  }

  #complete(order: Order): void {
    this.#hooks.complete?.(order);
    this.go('done');
  }

  /**
   * Runs one session call with its busy state. A failure is told and shown, at the top or by
   * `place` (beside the control that failed); never thrown.
   */
  async #act<T>(
    busy: FlowBusy,
    work: (session: CartSession) => Promise<T>,
    place?: (message: string) => void,
  ): Promise<T | undefined> {
    await this.ready;
    const session = this.#session;
    if (!session) return undefined;
    this.busy = busy;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      return await work(session);
    } catch (error) {
      const message = this.fail(error, !place);
      place?.(message);
      return undefined;
    } finally {
      // Only its own: an auto-renew that ends while the order is on its way leaves 'order' alone.
      if (this.busy === busy) this.busy = '';
      this.#host.requestUpdate();
    }
  }

  /** A product's pickup zones, remembered so every step can name a pickup. */
  async #pickupsOf(product: string | number, options?: RequestOptions): Promise<PickupZone[]> {
    const zones = await this.#client!.product.pickups(product, options);
    const number = Number(product);
    if (Number.isInteger(number)) {
      this.#pickupsAsked.add(number);
      this.pickups = new Map(this.pickups).set(number, zones);
      this.#host.requestUpdate();
    }
    return zones;
  }

  // A cart or order restored from a reload or a resume link names its pickups by ids only: load
  // the zones of its products the booker has not (once each; a failure leaves "Pickup included").
  #namePickups(items: readonly { productNumber: number; pickupDetailId?: string | null }[]) {
    for (const { productNumber, pickupDetailId } of items)
      if (pickupDetailId && !this.#pickupsAsked.has(productNumber)) {
        this.#pickupsAsked.add(productNumber);
        this.#pickupsOf(productNumber).catch(() => this.#pickupsAsked.delete(productNumber));
      }
  }
}
