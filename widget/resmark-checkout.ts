import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Cart } from '../shared/cart.js';
import { ResmarkError } from '../shared/errors.js';
import type { Order } from '../shared/order.js';
import type { Product, ProductQuery } from '../shared/product.js';
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
import { BookingFlow, busyMessage } from './controllers/booking-flow.js';
import { fire, type ResmarkEvent } from './events.js';
import { getLocale, useLocale } from './localize.js';
import { joinPageCart, leavePageCart, type PageCart, type PageCartMember } from './page-cart.js';
import type { ProxyClient } from './proxy-client.js';
import type { OrderPolicy } from './proxy-protocol.js';
import { clearCart, readCart, takeResumeLink, writeCart, type SavedCart } from './storage.js';
import { base, flowLayout } from './styles.js';

export type { CheckoutStep } from './controllers/booking-flow.js';

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
    _list: { state: true },
    _availability: { state: true },
    _loading: { state: true },
    _listError: { state: true },
    _started: { state: true },
    _policy: { state: true },
  };

  static override styles = [
    base,
    flowLayout,
    css`
      /*
       * The element a page embeds keeps its display against the page's rules that reach it
       * (section > * { display: flex } shrank it to two-thirds: issue 11, item 9). Only
       * !important in :host beats a page rule; so the hidden attribute is how to hide it.
       */
      :host {
        display: block !important;
      }
      :host([hidden]) {
        display: none !important;
      }
      .panel {
        display: grid;
        gap: var(--_space);
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .close {
        margin-inline-start: auto;
      }
      /* The hold stays in view while a phone shopper scrolls a long step (issue 11, item 10). */
      resmark-hold-timer {
        position: sticky;
        top: 0;
        z-index: 1;
        padding-block: 0.25em;
        background: var(--_surface);
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

  declare private _list: Product[];
  /** What each product's inventory said once looked at: its lowest price, or sold out. */
  declare private _availability: ReadonlyMap<string, { soldOut: boolean; from?: number }>;
  declare private _loading: boolean;
  declare private _listError: string | undefined;
  declare private _started: boolean;
  /** What the proxy said of orders; unknown until its first answer (or from a proxy that does not say). */
  declare private _policy: OrderPolicy | undefined;

  /** The booking flow, shared with the reseller side panel; this element is its widget shell. */
  readonly #flow = new BookingFlow(this, {
    // A reload after the order shows its confirmation again, not an empty widget (issue 11).
    keepOrder: true,
    persist: (snapshot) => this.#persist(snapshot),
    cartChange: (cart) => fire(this, 'resmark-cart-change', { cart }),
    productSelect: (product) =>
      this.#track(
        'view_item',
        [productItem(product)],
        Number(product.price) || 0,
        product.currency,
      ),
    itemAdd: (cart, line) => {
      fire(this, 'resmark-item-add', { cartId: cart.id, item: line });
      this.#track('add_to_cart', itemsOf([line]), line.total, cart.currency);
    },
    checkoutBegin: (cart) =>
      this.#track('begin_checkout', itemsOf(cart.items), cart.total, cart.currency),
    complete: (order) => this.#complete(order),
    error: (error) => this.#tell(error),
    // Moving focus on every step change tells a screen reader where the shopper now is; not on
    // restore, which must not pull the page's focus into the widget.
    step: (_step, focus) => (this.#focusHeading = focus),
    expire: () => {
      // The step hides; focus inside it would fall to the page: hand it to "Hold my seats again".
      const active = this.shadowRoot?.activeElement;
      if (active && this.renderRoot.querySelector('.step')?.contains(active))
        this.#focusTimer = true;
    },
  });
  #api: ProxyClient | undefined;
  /** The cart this widget shares with the page's other widgets on the same proxy. */
  #page: PageCart | undefined;
  #member: PageCartMember = {
    token: () => this.#flow.save(),
    policy: (policy) => (this._policy = policy),
  };
  #booting: Promise<void> | undefined;
  #resume: SavedCart | undefined;
  #listed: string | undefined;
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
    this._list = [];
    this._availability = new Map();
    this._loading = false;
    this._started = false;
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
    // Back on the page (moved in the DOM): it takes its part in the page's cart again.
    if (this.#page && this.proxy)
      this.#page = joinPageCart(this.proxy, this.#member, () => undefined, this.#page);
    if (this.variant !== 'dialog') void this.#start();
    else if (link) {
      // A shopper who followed a link to their cart must not find it behind a "Book now" button.
      void this.open();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pageLang.disconnect();
    if (this.#page && this.proxy) leavePageCart(this.proxy, this.#member);
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
  reset(): Promise<void> {
    return this.#flow.reset();
  }

  override render() {
    const flow = this._started ? this.#panel() : nothing;
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

  #panel() {
    const flow = this.#flow;
    const { step } = flow;
    const back = flow.previous;
    const title = {
      products: msg('Choose a tour'),
      product: flow.product?.name ?? msg('Choose a date and time'),
      cart: msg('Your cart'),
      details: msg('Your details'),
      review: msg('Review and book'),
      done: '',
    }[step];
    // The booker, the form and the review show their own error beside "Add to cart", "Continue"
    // and "Place order", where the shopper is looking (above the heading, a phone shopper would
    // never see it). While the hold is lapsed the step is hidden, so its error shows here instead.
    const expired = flow.session?.state === 'expired';
    const beside = step === 'product' || ((step === 'details' || step === 'review') && !expired);
    const error = beside ? undefined : flow.error;
    // The words' language (the locale loaded, English for one not shipped), so a screen reader
    // reads Spanish with a Spanish voice on an English page.
    return html`<section
      part="panel"
      class="panel"
      lang=${getLocale()}
      aria-busy=${flow.busy ? 'true' : 'false'}
      @pointerdown=${this.#active}
      @keydown=${this.#active}
    >
      <div class="bar">
        ${
          back
            ? html`<button part="back-button" @click=${() => flow.go(back)}>
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
      <p class="visually-hidden" role="status">${busyMessage(flow.busy)}</p>
    </section>`;
  }

  #step() {
    const flow = this.#flow;
    const session = flow.session;
    const cart = session?.cart;
    const locale = this.#lang();
    const currency = this.#currency();
    switch (flow.step) {
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
            .availability=${this._availability}
            .loading=${this._loading}
            .error=${this._listError}
            .locale=${locale}
            .currency=${currency}
            @resmark-product-select=${this.#select}
            @resmark-products-retry=${this.#retryProducts}
          ></resmark-product-list>`;
      case 'product':
        return html`<resmark-product-booker
          .client=${flow.bookerClient}
          .product=${flow.product}
          .locale=${locale}
          .currency=${currency}
          .busy=${flow.busy === 'add'}
          .error=${flow.error}
          @resmark-item-request=${this.#add}
          @resmark-availability-change=${this.#learn}
        ></resmark-product-booker>`;
      case 'done':
        return html`<resmark-confirmation
          .order=${session?.order}
          .pickups=${flow.pickups}
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
        .now=${flow.now}
        .renewing=${flow.busy === 'renew'}
        renews-while-active
        @resmark-hold-renew=${this.#renew}
      ></resmark-hold-timer>
      <div class="step" ?hidden=${expired}>${this.#holdingStep(cart, locale, currency)}</div>`;
  }

  /** The steps on a cart that holds seats: the cart, the customer's details, the review. */
  #holdingStep(cart: Cart, locale: string | undefined, currency: string) {
    const flow = this.#flow;
    switch (flow.step) {
      case 'cart':
        return html`<resmark-cart-summary
            .cart=${cart}
            .pickups=${flow.pickups}
            .editable=${true}
            .adjustable=${true}
            .busy=${flow.changingCart}
            .locale=${locale}
            .currency=${currency}
            @resmark-item-remove=${this.#remove}
            @resmark-item-change=${this.#change}
          ></resmark-cart-summary>
          <resmark-promo-code
            .status=${flow.promo.status}
            .code=${flow.promo.code}
            .message=${flow.promo.message}
            @resmark-promo-apply=${this.#applyPromo}
          ></resmark-promo-code>
          <div class="actions">
            <button @click=${() => flow.go('products')}>${msg('Add another tour')}</button>
            <button
              class="primary"
              ?disabled=${!cart.items.length}
              aria-disabled=${flow.changingCart}
              @click=${() => flow.checkout()}
            >
              ${msg('Continue')}
            </button>
          </div>`;
      case 'details':
        return html`<resmark-customer-form
          .rules=${cart}
          .value=${cart.customer}
          .errors=${flow.fields}
          .busy=${flow.busy === 'customer'}
          .error=${flow.error}
          .locale=${locale}
          @resmark-customer-submit=${this.#setCustomer}
        ></resmark-customer-form>`;
      default:
        return html`<resmark-order-review
          .cart=${cart}
          .pickups=${flow.pickups}
          .payment=${this.#payment()}
          .customer=${cart.customer}
          .placing=${flow.busy === 'order'}
          .error=${flow.error}
          .locale=${locale}
          .currency=${currency}
          @resmark-order-place=${this.#place}
        ></resmark-order-review>`;
    }
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
      this.#flow.fail(new ResmarkError('input', 'The proxy attribute is missing.'), false);
      return;
    }
    const saved = this.#resume ?? readCart(this.#storageKey());
    // One cart per page and proxy: the first widget opens it, the others join (issue 11).
    const page = (this.#page = joinPageCart(proxy, this.#member, () => saved?.token));
    const api = (this.#api = page.api);
    if (page.policy) this._policy = page.policy;
    void this.#loadProducts();
    const open = page.session && (await page.session);
    if (open) return this.#flow.open(api.client, { session: open });
    const opening = this.#flow.open(api.client, { saved: saved?.snapshot, shared: true });
    page.session = opening.then(() => this.#flow.session);
    await opening;
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
      this._listError = this.#flow.fail(error, false);
    } finally {
      if (key === this.#listed) this._loading = false;
    }
  }

  // "Try again" on a failed list: the same request again, no reload. The button goes while the
  // list loads, so the heading takes the focus rather than letting it fall to the page.
  async #retryProducts() {
    this.#focusHeading = true;
    await this.#loadProducts();
  }

  #select(event: ResmarkEvent<'resmark-product-select'>) {
    this.#flow.select(event.detail.product);
  }

  #learn({ detail: { product, soldOut, from } }: ResmarkEvent<'resmark-availability-change'>) {
    this._availability = new Map(this._availability).set(product.id, {
      soldOut,
      ...(from === undefined ? {} : { from }),
    });
  }

  async #add(event: ResmarkEvent<'resmark-item-request'>) {
    await this.#flow.add(event.detail.item);
  }

  async #remove(event: ResmarkEvent<'resmark-item-remove'>) {
    await this.#flow.remove(event.detail.itemId);
  }

  async #change(event: ResmarkEvent<'resmark-item-change'>) {
    await this.#flow.change(event.detail.itemId, event.detail.participants);
  }

  async #applyPromo(event: ResmarkEvent<'resmark-promo-apply'>) {
    await this.#flow.applyPromo(event.detail.promoCode);
  }

  async #setCustomer(event: ResmarkEvent<'resmark-customer-submit'>) {
    await this.#flow.setCustomer(event.detail.customer);
  }

  async #place() {
    await this.#flow.place();
  }

  async #renew() {
    await this.#flow.renew();
  }

  // Activity inside the flow keeps the hold alive (issue 4, "The hold").
  #active() {
    this.#flow.active();
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
  }

  /** Tells the page what failed: the operator's logs want what happened, not the shopper's words. */
  #tell(error: unknown) {
    const known = error instanceof ResmarkError ? error : undefined;
    fire(this, 'resmark-error', {
      kind: known?.kind ?? 'unknown',
      message: known?.message ?? String(error),
      ...(known?.status === undefined ? {} : { status: known.status }),
    });
  }

  /** Keeps the cart (with the proxy's token for it) for a reload; `undefined` forgets it. */
  #persist(snapshot: SavedCart['snapshot'] | undefined) {
    if (!this.proxy) return;
    if (snapshot) writeCart(this.#storageKey(), { snapshot, token: this.#api?.token() });
    else clearCart(this.#storageKey());
  }

  // One cart per page and proxy, kept under the proxy alone: every widget on it shares the cart
  // (an `id` does not split it), and a reload gives it back to all of them.
  #storageKey(): string {
    return this.proxy ?? '';
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
    const session = this.#flow.session;
    return (
      this.currency ||
      session?.order?.currency ||
      session?.cart?.currency ||
      this.#flow.product?.currency ||
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
