import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Cart } from '../shared/cart.js';
import { ResmarkError } from '../shared/errors.js';
import type { Order } from '../shared/order.js';
import type { RequestOptions } from '../shared/http.js';
import type { PickupZone, Product, ProductQuery } from '../shared/product.js';
import { CartSession } from '../shared/session.js';
import {
  itemsOf,
  productItem,
  track,
  type AnalyticsEvent,
  type AnalyticsItem,
} from './analytics.js';
import './booking/resmark-product-booker.js';
import './booking/resmark-product-list.js';
import './checkout/resmark-cart-summary.js';
import './checkout/resmark-confirmation.js';
import './checkout/resmark-customer-form.js';
import './checkout/resmark-hold-timer.js';
import './checkout/resmark-order-review.js';
import './checkout/resmark-promo-code.js';
import { fire, type ResmarkEvent } from './events.js';
import { getLocale, useLocale } from './localize.js';
import type { PickupsByProduct } from './checkout/lines.js';
import { shopperMessage } from './shopper-message.js';
import { createProxyClient, type ProxyClient, type ProxyResources } from './proxy-client.js';
import type { OrderPolicy } from './proxy-protocol.js';
import { clearCart, readCart, takeResumeLink, writeCart, type SavedCart } from './storage.js';
import { base } from './styles.js';

/** The steps of the flow, in order. */
export type CheckoutStep = 'products' | 'product' | 'cart' | 'details' | 'review' | 'done';

/** What a write in flight is doing (announced, and it disables its control). */
type Busy = '' | 'add' | 'remove' | 'promo' | 'customer' | 'order' | 'renew';

/** The promo code box's state, as `resmark-promo-code` takes it. */
interface PromoState {
  status: 'idle' | 'applying' | 'applied' | 'invalid' | 'not-applicable';
  code?: string | undefined;
  message?: string | undefined;
}

// Where "Back" goes from each step; the product list goes back to a cart only if there is one.
const PREVIOUS: Partial<Record<CheckoutStep, CheckoutStep>> = {
  product: 'products',
  cart: 'products',
  details: 'cart',
  review: 'details',
};

// Renew the hold on the shopper's activity once less than this is left, so nobody who is still
// typing loses seats; a shopper who walked away lets it lapse (the seats go back on sale).
const RENEW_WITHIN_MS = 10 * 60_000;

const split = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * The whole booking flow an operator embeds: products → date, time and quantities → cart (with
 * the seat hold and a promo code) → customer details → review → confirmation. It talks only to the
 * operator's proxy, keeps one cart session, survives a reload during the hold (session storage),
 * opens a cart handed over by a resume link (`?resmark-cart=<id>&resmark-token=<token>`), sets no
 * cookies, and with `variant="dialog"` fetches nothing until the shopper opens it.
 * @tag resmark-checkout
 * @summary The embeddable Resmark booking widget.
 * @fires resmark-ready - The product list is on screen; `detail.products` is how many.
 * @fires resmark-cart-change - The cart changed (item added or removed, promo applied, hold renewed or lost); `detail.cart`.
 * @fires resmark-item-add - A time slot was added; `detail.cartId`, `detail.item` (the API's cart item).
 * @fires resmark-checkout-complete - The order was placed; `detail.orderId`, `confirmation`, `items`, `total`, `currency`.
 * @fires resmark-error - Something failed and the shopper was told (in their language); `detail.kind`, `status`, and the technical `message` for the operator's logs.
 * @csspart open-button - The "Book now" button of `variant="dialog"`.
 * @csspart dialog - The modal `<dialog>` of `variant="dialog"`.
 * @csspart panel - The flow's box.
 * @csspart step-heading - Each step's heading (it takes focus when the step changes).
 * @csspart back-button - The "Back" button ("Back to your cart" from the product list).
 * @csspart closed-notice - "Online booking is closed right now…", when the proxy takes no orders.
 * @cssprop --resmark-color-accent - Primary buttons, focus ring, links. Default #0b5f86.
 * @cssprop --resmark-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssprop --resmark-color-text - Body text. Default #1b2631.
 * @cssprop --resmark-color-muted - Secondary text. Default #4f5d69.
 * @cssprop --resmark-color-surface - Backgrounds of the panel, cards and fields. Default #ffffff.
 * @cssprop --resmark-color-subtle - Quiet backgrounds (skeletons, notices). Default #f2f5f7.
 * @cssprop --resmark-color-border - Borders of fields, cards and buttons. Default #8a97a3.
 * @cssprop --resmark-color-danger - Errors. Default #b3261e.
 * @cssprop --resmark-color-warning - Warnings (the hold running out, nearly full). Default #8a4b00.
 * @cssprop --resmark-color-success - Success (a promo applied, the confirmation). Default #1b6e2e.
 * @cssprop --resmark-radius - Corner radius. Default 8px.
 * @cssprop --resmark-space - The spacing unit. Default 1em.
 * @cssprop --resmark-font-family - Font. Default: the page's.
 * @cssprop --resmark-font-size - Base font size. Default: the surrounding text's, at least 16px.
 * @cssprop --resmark-focus-color - Focus ring. Default: the accent colour.
 */
export class ResmarkCheckout extends LitElement {
  static override properties = {
    proxy: {},
    products: {},
    tags: {},
    locale: {},
    currency: {},
    variant: { reflect: true },
    analytics: {},
    _step: { state: true },
    _list: { state: true },
    _loading: { state: true },
    _listError: { state: true },
    _product: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _fields: { state: true },
    _promo: { state: true },
    _started: { state: true },
    _policy: { state: true },
    _pickups: { state: true },
  };

  static override styles = [
    base,
    css`
      .panel {
        display: grid;
        gap: var(--_space);
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .bar,
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        justify-content: space-between;
      }
      .close {
        margin-inline-start: auto;
      }
      .step {
        display: grid;
        gap: var(--_space);
      }
      .step[hidden] {
        display: none;
      }
      .notice {
        padding: var(--_space);
        background: var(--_subtle);
        border-radius: var(--_radius);
      }
      h2 {
        font-size: 1.35em;
      }
      dialog {
        width: min(44em, 100vw - 1em);
        max-height: calc(100dvh - 1em);
        padding: 0;
        border: 0;
        border-radius: var(--_radius);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.55);
      }
    `,
  ];

  /** Base URL of the operator's proxy (`widget/proxy/`); the widget talks to nothing else. */
  declare proxy: string | undefined;
  /** Product numbers or ids to offer, comma-separated (`94175,94176`); all of them when empty. */
  declare products: string | undefined;
  /** Tag ids, comma-separated: offer the products with these tags instead of `products`. */
  declare tags: string | undefined;
  /** BCP 47 language tag; default the page's `<html lang>`, else the browser's. */
  declare locale: string | undefined;
  /** ISO 4217 code for prices; default the cart's or product's currency, else USD. */
  declare currency: string | undefined;
  /** `inline` (the flow in place) or `dialog` (a "Book now" button opening a modal dialog). */
  declare variant: 'inline' | 'dialog';
  /** `datalayer` also pushes GA4 e-commerce events to `window.dataLayer`. */
  declare analytics: string | undefined;

  declare private _step: CheckoutStep;
  declare private _list: Product[];
  declare private _loading: boolean;
  declare private _listError: string | undefined;
  declare private _product: Product | undefined;
  declare private _busy: Busy;
  declare private _error: string | undefined;
  declare private _fields: Record<string, string> | undefined;
  declare private _promo: PromoState;
  declare private _started: boolean;
  /** What the proxy said of orders; unknown until its first answer (or from a proxy that does not say). */
  declare private _policy: OrderPolicy | undefined;
  /** Pickup zones loaded so far, by product number: they name the pickups in the cart and order. */
  declare private _pickups: PickupsByProduct;

  #api: ProxyClient | undefined;
  /** The client the booker gets: the proxy's, remembering every product's pickup zones. */
  #bookerClient: Pick<ProxyResources, 'product'> | undefined;
  #pickupsAsked = new Set<number>();
  #session: CartSession | undefined;
  #booting: Promise<void> | undefined;
  #resume: SavedCart | undefined;
  #listed: string | undefined;
  #lastCart: Cart | undefined;
  #focusHeading = false;
  #pageLang = new MutationObserver(() => {
    if (this.locale) return;
    void useLocale(this.#lang());
    this.requestUpdate();
  });
  #focusTimer = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.variant = 'inline';
    this._step = 'products';
    this._list = [];
    this._loading = false;
    this._busy = '';
    this._promo = { status: 'idle' };
    this._started = false;
    this._pickups = new Map();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void useLocale(this.#lang());
    // Without a locale of its own the widget speaks the page's: a page that switches language
    // (a site's language menu) switches the widget's words, dates and money too.
    this.#pageLang.observe(document.documentElement, { attributeFilter: ['lang'] });
    // Read (and clear from the address bar) at once, even before a dialog is opened: the token
    // must not stay in the URL, and a reload before the first open must not lose the cart.
    const link = takeResumeLink();
    if (link) {
      this.#resume = link;
      if (this.proxy) writeCart(this.#storageKey(), link);
    }
    if (this.variant !== 'dialog') void this.#start();
    else if (link) {
      // A shopper who followed a link to their cart must not find it behind a "Book now" button.
      void this.open();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pageLang.disconnect();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('locale')) void useLocale(this.#lang());
    if (this.#api && this.#listKey() !== this.#listed) void this.#loadProducts();
    if (this.#focusTimer) {
      this.#focusTimer = false;
      const timer = this.renderRoot.querySelector('resmark-hold-timer');
      void timer?.updateComplete.then(() => timer.focus());
    }
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.#heading()?.focus();
    }
  }

  /**
   * Shows the flow: the dialog variant opens its dialog (loading the products on the first
   * open); the inline variant scrolls to its heading and focuses it.
   */
  async open(): Promise<void> {
    void this.#start();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    // Focusing the heading also scrolls it into view, and a screen reader reads where we are.
    this.#heading()?.focus();
  }

  /** Discards the cart (its seats go back on sale) and starts over at the product list. */
  async reset(): Promise<void> {
    const session = this.#session;
    this._error = this._fields = this._product = undefined;
    this._promo = { status: 'idle' };
    if (session && session.state !== 'ordering') {
      // A cart that cannot be deleted now (offline) lapses on its own within the hold.
      await session.discard().catch(() => session.reset());
    }
    if (this.proxy) clearCart(this.#storageKey());
    this.#go('products');
  }

  override render() {
    const flow = this._started ? this.#flow() : nothing;
    if (this.variant !== 'dialog') return flow;
    return html`<button
        part="open-button"
        class="primary"
        aria-haspopup="dialog"
        @click=${() => this.open()}
      >
        ${msg('Book now')}
      </button>
      <dialog
        part="dialog"
        lang=${getLocale()}
        aria-label=${msg('Book a tour')}
        @close=${this.#closed}
      >
        ${flow}
      </dialog>`;
  }

  #flow() {
    const step = this._step;
    const session = this.#session;
    const back =
      step === 'products' ? (session?.cart?.items.length ? 'cart' : undefined) : PREVIOUS[step];
    const busy = {
      '': '',
      add: msg('Adding to your cart…'),
      remove: msg('Updating your cart…'),
      promo: msg('Applying the code…'),
      customer: msg('Saving your details…'),
      order: msg('Placing your order…'),
      renew: msg('Holding your seats…'),
    }[this._busy];
    const title = {
      products: msg('Choose a tour'),
      product: this._product?.name ?? msg('Choose a date and time'),
      cart: msg('Your cart'),
      details: msg('Your details'),
      review: msg('Review and book'),
      done: '',
    }[step];
    // The booker, the form and the review show their own error beside "Add to cart", "Continue"
    // and "Place order", where the shopper is looking (above the heading, a phone shopper would
    // never see it). While the hold is lapsed the step is hidden, so its error shows here instead.
    const expired = this.#session?.state === 'expired';
    const beside = step === 'product' || ((step === 'details' || step === 'review') && !expired);
    const error = beside ? undefined : this._error;
    // The words' language (the locale loaded, English for one not shipped), so a screen reader
    // reads Spanish with a Spanish voice on an English page.
    return html`<section
      part="panel"
      class="panel"
      lang=${getLocale()}
      aria-busy=${this._busy ? 'true' : 'false'}
      @pointerdown=${this.#active}
      @keydown=${this.#active}
    >
      <div class="bar">
        ${
          back && step !== 'done'
            ? html`<button part="back-button" @click=${() => this.#go(back)}>
                ${step === 'products' ? msg('Back to your cart') : msg('Back')}
              </button>`
            : nothing
        }
        ${
          this.variant === 'dialog'
            ? html`<button class="close" @click=${this.#close}>${msg('Close')}</button>`
            : nothing
        }
      </div>
      ${
        // The confirmation has its own heading (and takes focus): one "Booking confirmed" is enough.
        title ? html`<h2 part="step-heading" tabindex="-1">${title}</h2>` : nothing
      }
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing} ${this.#step()}
      <p class="visually-hidden" role="status">${busy}</p>
    </section>`;
  }

  #step() {
    const session = this.#session;
    const cart = session?.cart;
    const locale = this.#lang();
    const currency = this.#currency();
    switch (this._step) {
      case 'products':
        return html`${
            this._policy === 'closed'
              ? html`<p part="closed-notice" class="notice">
                  ${msg('Online booking is closed right now. Please contact us to book.')}
                </p>`
              : nothing
          }
          <resmark-product-list
            .products=${this._list}
            .browseOnly=${this._policy === 'closed'}
            .loading=${this._loading}
            .error=${this._listError}
            .locale=${locale}
            .currency=${currency}
            @resmark-product-select=${this.#select}
          ></resmark-product-list>`;
      case 'product':
        return html`<resmark-product-booker
          .client=${this.#bookerClient}
          .product=${this._product}
          .locale=${locale}
          .currency=${currency}
          .busy=${this._busy === 'add'}
          .error=${this._error}
          @resmark-item-request=${this.#add}
        ></resmark-product-booker>`;
      case 'done':
        return html`<resmark-confirmation
          .order=${session?.order}
          .pickups=${this._pickups}
          .payment=${this.#payment()}
          .locale=${locale}
          .currency=${currency}
          @resmark-booking-restart=${() => this.reset()}
        ></resmark-confirmation>`;
    }
    if (!session || !cart || session.state === 'failed')
      return html`<p>${msg('This cart is no longer available.')}</p>
        <button class="primary" @click=${() => this.reset()}>${msg('Start over')}</button>`;
    const expired = session.state === 'expired';
    // Expired: the timer shows the notice and its "Hold my seats again"; nothing else may go on,
    // but the step stays (hidden), so what the shopper typed is there when the seats are back.
    return html`<resmark-hold-timer
        .expiresAt=${expired ? 0 : session.expiresAt}
        .now=${this.#serverNow}
        .renewing=${this._busy === 'renew'}
        @resmark-hold-renew=${this.#renew}
      ></resmark-hold-timer>
      <div class="step" ?hidden=${expired}>${this.#holdingStep(cart, locale, currency)}</div>`;
  }

  /** The steps on a cart that holds seats: the cart, the customer's details, the review. */
  #holdingStep(cart: Cart, locale: string | undefined, currency: string) {
    switch (this._step) {
      case 'cart':
        return html`<resmark-cart-summary
            .cart=${cart}
            .pickups=${this._pickups}
            .editable=${true}
            .locale=${locale}
            .currency=${currency}
            @resmark-item-remove=${this.#remove}
          ></resmark-cart-summary>
          <resmark-promo-code
            .status=${this._promo.status}
            .code=${this._promo.code}
            .message=${this._promo.message}
            @resmark-promo-apply=${this.#applyPromo}
          ></resmark-promo-code>
          <div class="actions">
            <button @click=${() => this.#go('products')}>${msg('Add another tour')}</button>
            <button
              class="primary"
              ?disabled=${!cart.items.length}
              aria-disabled=${this.#changingCart()}
              @click=${this.#checkout}
            >
              ${msg('Continue')}
            </button>
          </div>`;
      case 'details':
        return html`<resmark-customer-form
          .rules=${cart}
          .value=${cart.customer}
          .errors=${this._fields}
          .busy=${this._busy === 'customer'}
          .error=${this._error}
          .locale=${locale}
          @resmark-customer-submit=${this.#setCustomer}
        ></resmark-customer-form>`;
      default:
        return html`<resmark-order-review
          .cart=${cart}
          .pickups=${this._pickups}
          .payment=${this.#payment()}
          .customer=${cart.customer}
          .placing=${this._busy === 'order'}
          .error=${this._error}
          .locale=${locale}
          .currency=${currency}
          @resmark-order-place=${this.#place}
        ></resmark-order-review>`;
    }
  }

  /** The countdown's clock: the session's, which is the server's even on a wrong device clock. */
  #serverNow = () => this.#session?.now() ?? Date.now();

  /**
   * A write that changes the cart is on its way. Not a renew: it changes nothing the next step
   * needs, and the press on "Continue" that started it (activity renews a short hold) must count.
   */
  #changingCart() {
    return !!this._busy && this._busy !== 'renew';
  }

  /** How the shopper pays, as the review and the confirmation say it. */
  #payment() {
    return this._policy === 'pay-on-arrival' ? ('on-arrival' as const) : undefined;
  }

  // Config is read here, once: the proxy and any saved or handed-over cart.
  #start(): Promise<void> {
    this._started = true;
    return (this.#booting ??= this.#boot());
  }

  async #boot(): Promise<void> {
    const proxy = this.proxy;
    if (!proxy) {
      this._listError = msg('This checkout is not set up yet.');
      this.#fail(new ResmarkError('input', 'The proxy attribute is missing.'), false);
      return;
    }
    const saved = this.#resume ?? readCart(this.#storageKey());
    const api = (this.#api = createProxyClient(proxy, {
      token: saved?.token,
      onToken: () => this.#save(),
      onPolicy: (policy) => (this._policy = policy),
    }));
    this.#bookerClient = {
      product: {
        ...api.client.product,
        pickups: (product, options) => this.#pickupsOf(product, options),
      },
    };
    void this.#loadProducts();
    const options = { api: this.#api.client };
    let session: CartSession | undefined;
    // Offline on reload: keep what was saved so the next load can try again; junk goes.
    let keep = false;
    if (saved) {
      try {
        session = await CartSession.restore(saved.snapshot, options);
      } catch (error) {
        keep = !(error instanceof ResmarkError && error.kind === 'input');
        this.#fail(error);
      }
    }
    session ??= new CartSession(options);
    this.#session = session;
    this.#lastCart = session.cart;
    session.on('change', ({ cart }) => {
      this.#save();
      if (cart) this.#namePickups(cart.items);
      if (cart !== this.#lastCart || session.state === 'expired')
        fire(this, 'resmark-cart-change', { cart: (this.#lastCart = cart) });
      this.requestUpdate();
    });
    session.on('order', ({ order }) => this.#complete(order));
    session.on('expire', () => {
      // The step hides; focus inside it would fall to the page: hand it to "Hold my seats again".
      const active = this.shadowRoot?.activeElement;
      if (active && this.renderRoot.querySelector('.step')?.contains(active))
        this.#focusTimer = true;
    });
    // A restored cart is news to the page too (a cart badge, say).
    if (session.cart) fire(this, 'resmark-cart-change', { cart: session.cart });
    this.#namePickups(session.cart?.items ?? session.order?.items ?? []);
    if (session.order) {
      // The order was on its way when the page went away: the page has not heard of it yet.
      if (saved?.snapshot.state !== 'ordered') this.#complete(session.order);
      else this.#go('done', false);
    } else if (session.state === 'failed') {
      session.reset();
      this._error = msg('Your earlier cart is no longer available.');
    } else if (session.cart?.items.length) this.#go('cart', false);
    if (!keep) this.#save();
  }

  /** A product's pickup zones from the proxy, remembered so every step can name a pickup. */
  async #pickupsOf(product: string | number, options?: RequestOptions): Promise<PickupZone[]> {
    const zones = await this.#api!.client.product.pickups(product, options);
    const number = Number(product);
    if (Number.isInteger(number)) {
      this.#pickupsAsked.add(number);
      this._pickups = new Map(this._pickups).set(number, zones);
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

  #listKey() {
    return `${this.tags ?? ''}|${this.products ?? ''}`;
  }

  async #loadProducts(): Promise<void> {
    const client = this.#api?.client;
    if (!client) return;
    const key = (this.#listed = this.#listKey());
    const wanted = split(this.tags || this.products);
    const numbers = wanted.filter((entry) => /^\d+$/.test(entry));
    const ids = wanted.filter((entry) => !/^\d+$/.test(entry));
    // Ids and numbers are separate filters the API would AND together: ask for each kind.
    const queries: ProductQuery[] = this.tags
      ? [{ tagIds: wanted }]
      : wanted.length
        ? [
            ...(numbers.length ? [{ productNumbers: numbers }] : []),
            ...(ids.length ? [{ ids }] : []),
          ]
        : [{}];
    this._loading = true;
    this._listError = undefined;
    try {
      const lists = await Promise.all(queries.map((query) => client.product.list(query)));
      if (key !== this.#listed) return;
      const rank = (product: Product) => {
        const at = wanted.findIndex((w) => w === product.id || w === String(product.productNumber));
        return at < 0 ? wanted.length : at;
      };
      const seen = new Set<string>();
      this._list = lists
        .flat()
        .filter((product) => !seen.has(product.id) && !!seen.add(product.id))
        .sort((a, b) => (this.tags ? 0 : rank(a) - rank(b)));
      this._loading = false;
      await this.updateComplete;
      fire(this, 'resmark-ready', { products: this._list.length });
    } catch (error) {
      if (key !== this.#listed) return;
      this._listError = this.#fail(error, false);
    } finally {
      if (key === this.#listed) this._loading = false;
    }
  }

  #select(event: ResmarkEvent<'resmark-product-select'>) {
    const { product } = event.detail;
    this._product = product;
    this.#track('view_item', [productItem(product)], Number(product.price) || 0, product.currency);
    this.#go('product');
  }

  async #add(event: ResmarkEvent<'resmark-item-request'>) {
    const { item } = event.detail;
    // The add-item schema lets numeric strings through (as real clients send them); the session
    // takes numbers.
    const participants = Object.fromEntries(
      Object.entries(item.participants).map(([tier, count]) => [tier, Number(count)]),
    );
    const cart = await this.#act('add', async (session) => {
      // A hold that lapsed while the shopper chose another tour: they are plainly still here, and
      // nothing on this step could renew it, so hold the cart's seats again first.
      if (session.state === 'expired') await session.renew();
      return session.addItem({ ...item, participants });
    });
    const line = cart?.items.find((entry) => entry.itemId === item.itemId);
    if (!cart || !line) return;
    fire(this, 'resmark-item-add', { cartId: cart.id, item: line });
    this.#track('add_to_cart', itemsOf([line]), line.total, cart.currency);
    this._promo = { status: 'idle', code: cart.promoCode ?? undefined };
    this.#go('cart');
  }

  async #remove(event: ResmarkEvent<'resmark-item-remove'>) {
    const cart = await this.#act('remove', (session) => session.removeItem(event.detail.itemId));
    if (cart && !cart.items.length) this.#go('products');
  }

  async #applyPromo(event: ResmarkEvent<'resmark-promo-apply'>) {
    const code = event.detail.promoCode;
    this._promo = { status: 'applying', code };
    let failure: string | undefined;
    const result = await this.#act(
      'promo',
      (session) => session.applyDiscount(code),
      (message) => (failure = message),
    );
    this._promo = !result
      ? { status: 'idle', code, message: failure }
      : result.status === 'applied'
        ? { status: 'applied', code }
        : { status: result.status, code, message: result.message };
  }

  #checkout() {
    // aria-disabled, not disabled, while busy: the pressed button keeps its focus.
    if (this.#changingCart()) return;
    const cart = this.#session?.cart;
    if (cart) this.#track('begin_checkout', itemsOf(cart.items), cart.total, cart.currency);
    this.#go('details');
  }

  async #setCustomer(event: ResmarkEvent<'resmark-customer-submit'>) {
    this._fields = undefined;
    const cart = await this.#act('customer', (session) =>
      session.setCustomer(event.detail.customer),
    );
    if (cart) this.#go('review');
  }

  async #place() {
    // The session makes a double click one order anyway; this keeps it one busy state too.
    if (this._busy === 'order') return;
    await this.#act('order', (session) => session.placeOrder());
  }

  async #renew() {
    const wasExpired = this.#session?.state === 'expired';
    const renewed = await this.#act('renew', (session) => session.renew());
    if (renewed?.errors.length)
      this._error = msg('Some seats could not be held again and were removed from your cart.');
    // The step comes back from hiding: take the shopper to it, not to the top of the page. An
    // automatic renew while the shopper types must not move their focus, so only after a lapse.
    if (renewed && wasExpired) {
      this.#focusHeading = true;
      this.requestUpdate();
    }
  }

  // Activity inside the flow keeps the hold alive (issue 4, "The hold").
  #active() {
    const session = this.#session;
    if (
      session &&
      !this._busy &&
      (session.state === 'holding' || session.state === 'customer-set') &&
      session.remainingMs() < RENEW_WITHIN_MS
    )
      void this.#renew();
  }

  #complete(order: Order) {
    fire(this, 'resmark-checkout-complete', {
      orderId: order.id,
      confirmation: order.confirmation,
      items: order.items,
      total: order.total,
      currency: order.currency || this.#currency(),
    });
    this.#track('purchase', itemsOf(order.items), order.total, order.currency || this.#currency(), {
      transaction_id: String(order.confirmation),
    });
    this.#go('done');
  }

  /**
   * Runs one session call with its busy state. A failure is fired and shown, at the top or by
   * `place` (beside the control that failed); never thrown.
   */
  async #act<T>(
    busy: Busy,
    work: (session: CartSession) => Promise<T>,
    place?: (message: string) => void,
  ): Promise<T | undefined> {
    await this.#start();
    const session = this.#session;
    if (!session) return undefined;
    this._busy = busy;
    this._error = undefined;
    try {
      return await work(session);
    } catch (error) {
      const message = this.#fail(error, !place);
      place?.(message);
      return undefined;
    } finally {
      // Only its own: an auto-renew that ends while the order is on its way leaves 'order' alone.
      if (this._busy === busy) this._busy = '';
    }
  }

  /** Tells the shopper (unless `show` is false: the caller shows it) and the page; returns the message. */
  #fail(error: unknown, show = true): string {
    const known = error instanceof ResmarkError ? error : undefined;
    const message = shopperMessage(error);
    // Field problems belong at the customer form; any other step's (an add-item 400 naming
    // `participants`, say) would be invisible there, so they show as the step's message.
    if (known?.fields && known.endpoint === 'PUT /cart/{id}/customer') this._fields = known.fields;
    else if (show) this._error = message;
    fire(this, 'resmark-error', {
      kind: known?.kind ?? 'unknown',
      // The operator's logs want what happened, not what the shopper was told.
      message: known?.message ?? String(error),
      ...(known?.status === undefined ? {} : { status: known.status }),
    });
    return message;
  }

  #save() {
    const proxy = this.proxy;
    const snapshot = this.#session?.snapshot();
    if (!proxy || !snapshot) return;
    // Nothing left to resume once the order exists or before there is a cart.
    if (snapshot.state === 'ordered' || snapshot.cartId === undefined)
      clearCart(this.#storageKey());
    else writeCart(this.#storageKey(), { snapshot, token: this.#api?.token() });
  }

  // Two widgets on one page (inline and a dialog button, say) each keep their own cart when they
  // have ids; without ids they share the proxy's. Two live sessions on one saved cart would drift.
  #storageKey(): string {
    const proxy = this.proxy ?? '';
    return this.id ? `${proxy}#${this.id}` : proxy;
  }

  #go(step: CheckoutStep, focus = true) {
    if (step !== this._step) this._error = undefined;
    this._step = step;
    // Moving focus on every step change tells a screen reader where the shopper now is; not on
    // restore, which must not pull the page's focus into the widget.
    this.#focusHeading = focus;
    this.requestUpdate();
  }

  #track(
    event: AnalyticsEvent,
    items: AnalyticsItem[],
    value: number,
    currency: string | null | undefined,
    extra?: { transaction_id: string },
  ) {
    if (this.analytics === 'datalayer')
      track(event, { currency: currency || this.#currency(), value, items, ...extra });
  }

  #lang() {
    return this.locale || document.documentElement.lang || navigator.language;
  }

  #currency() {
    return (
      this.currency ||
      this.#session?.order?.currency ||
      this.#session?.cart?.currency ||
      this._product?.currency ||
      this._list[0]?.currency ||
      'USD'
    );
  }

  #heading() {
    return this.renderRoot.querySelector<HTMLElement>('[part=step-heading]');
  }

  #close() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  // The dialog closed (Escape or Close): focus goes back to the button that opened it.
  #closed() {
    this.renderRoot.querySelector<HTMLElement>('[part=open-button]')?.focus();
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-checkout') ??
  customElements.define('resmark-checkout', ResmarkCheckout)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-checkout': ResmarkCheckout;
  }
}
