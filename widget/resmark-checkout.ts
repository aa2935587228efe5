import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { ResmarkError } from '../shared/errors.js';
import type { Order } from '../shared/order.js';
import type { Product, ProductQuery } from '../shared/product.js';
import type { AnalyticsEvent, AnalyticsItem, track } from './analytics.js';
import './booking/resmark-product-list.js';
import type { BookingFlow, BookingFlowHooks } from './controllers/booking-flow.js';
import type { laterStep } from './later-steps.js';
import type * as Steps from './steps.js';
import { fire, type ResmarkEvent } from './events.js';
import { getLocale, useLocale } from './localize.js';
import { joinPageCart, leavePageCart, type PageCart, type PageCartMember } from './page-cart.js';
import type { OrderPolicy } from './proxy-protocol.js';
import { clearCart, readCart, takeResumeLink, writeCart, type SavedCart } from './storage.js';
import { base, flowLayout } from './styles.js';
import type { CartSession } from '../shared/session.js';

// The later steps, loaded once per page (widget/steps.ts); a failed load is tried again next time.
let steps: Promise<typeof Steps> | undefined;
const loadSteps = () =>
  (steps ??= import('./steps.js').catch((error: unknown) => {
    steps = undefined;
    throw error;
  }));

// When the browser has nothing else to do (Safari has no requestIdleCallback: soon after, then).
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 2000 })
    : setTimeout(work, 200);

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
  // The booking flow, made once widget/steps.ts has loaded: until then the shell shows the
  // product list alone (the flow's first step), which is all the first view needs.
  #flow: BookingFlow | undefined;
  #flowOpening: Promise<BookingFlow> | undefined;
  #busyMessage: ((busy: BookingFlow['busy']) => string) | undefined;
  #laterStep: typeof laterStep | undefined;
  #send: typeof track | undefined;
  #saved: SavedCart | undefined;

  // The analytics helpers come with the flow (widget/steps.ts): only the flow's events use them.
  #hooks({ itemsOf, productItem, track }: typeof Steps): BookingFlowHooks {
    this.#send = track;
    return {
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
      complete: (order) => this.#complete(order, itemsOf),
      error: (error) => this.#tell(error),
      step: (_step, focus) => (this.#focusHeading = focus),
      expire: () => {
        const active = this.shadowRoot?.activeElement;
        if (active && this.renderRoot.querySelector('.step')?.contains(active))
          this.#focusTimer = true;
      },
    };
  }

  /** The cart this widget shares with the page's other widgets on the same proxy. */
  #page: PageCart | undefined;
  #member: PageCartMember = {
    token: () => this.#flow?.save(),
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
    if (this.#page && this.#listKey() !== this.#listed) void this.#loadProducts();
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
    const flow = this.#flow ?? (await this.#flowOpening?.catch(() => undefined));
    await flow?.reset();
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
    const step = flow?.step ?? 'products';
    const back = flow?.previous;
    const title = {
      products: msg('Choose a tour'),
      product: flow?.product?.name ?? msg('Choose a date and time'),
      cart: msg('Your cart'),
      details: msg('Your details'),
      review: msg('Review and book'),
      done: '',
    }[step];
    // The booker, the form and the review show their own error beside "Add to cart", "Continue"
    // and "Place order", where the shopper is looking (above the heading, a phone shopper would
    // never see it). While the hold is lapsed the step is hidden, so its error shows here instead.
    const expired = flow?.session?.state === 'expired';
    const beside = step === 'product' || ((step === 'details' || step === 'review') && !expired);
    const error = beside ? undefined : flow?.error;
    // The words' language (the locale loaded, English for one not shipped), so a screen reader
    // reads Spanish with a Spanish voice on an English page.
    return html`<section
      part="panel"
      class="panel"
      lang=${getLocale()}
      aria-busy=${flow?.busy ? 'true' : 'false'}
      @pointerdown=${this.#active}
      @keydown=${this.#active}
    >
      <div class="bar">
        ${
          back
            ? html`<button part="back-button" @click=${() => flow?.go(back)}>
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
      <p class="visually-hidden" role="status">
        ${flow && this.#busyMessage ? this.#busyMessage(flow.busy) : ''}
      </p>
    </section>`;
  }

  #step() {
    const flow = this.#flow;
    const locale = this.#lang();
    const currency = this.#currency();
    switch (flow?.step ?? 'products') {
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
            @pointerover=${this.#prefetch}
            @focusin=${this.#prefetch}
          ></resmark-product-list>`;
    }
    // Past the list, the flow (and widget/steps.ts with it) is there.
    return flow && this.#laterStep
      ? this.#laterStep({
          flow,
          locale,
          currency,
          payment: this.#payment(),
          learn: (event) => this.#learn(event),
          reset: () => void this.reset(),
        })
      : nothing;
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
      this.#tell(new ResmarkError('input', 'The proxy attribute is missing.'));
      this._listError = msg('This checkout is not set up yet.');
      return;
    }
    const saved = (this.#saved = this.#resume ?? readCart(this.#storageKey()));
    const page = (this.#page = joinPageCart(proxy, this.#member, () => saved?.token));
    if (page.policy) this._policy = page.policy;
    void this.#loadProducts();
    // A cart to resume (or one another widget on the page opened) needs the flow now; a new
    // shopper's waits until the list is up or they move towards a product.
    if (saved || page.session) await this.#openFlow().catch(() => undefined);
  }

  /**
   * Loads the later steps (once) and opens the flow over the page's cart: joins the session another
   * widget opened, or opens it (restoring the saved cart) and shares it.
   */
  #openFlow(): Promise<BookingFlow> {
    return (this.#flowOpening ??= this.#makeFlow().catch((error: unknown) => {
      this.#flowOpening = undefined;
      throw error;
    }));
  }

  async #makeFlow(): Promise<BookingFlow> {
    const page = this.#page!;
    const joined = page.session;
    // Claimed before the module loads: a second widget starting meanwhile joins this session
    // instead of opening its own.
    let share: ((session: CartSession | undefined) => void) | undefined;
    if (!joined) page.session = new Promise((resolve) => (share = resolve));
    try {
      const steps = await loadSteps();
      const { BookingFlow, busyMessage, cartEndpoints, orderEndpoints } = steps;
      this.#laterStep = steps.laterStep;
      const { call } = page.transport;
      const client = (page.client ??= {
        product: page.products,
        cart: cartEndpoints(call),
        order: orderEndpoints(call),
      });
      const flow = (this.#flow ??= new BookingFlow(this, this.#hooks(steps)));
      this.#busyMessage = busyMessage;
      const open = joined && (await joined);
      if (open) await flow.open(client, { session: open });
      else {
        await flow.open(client, { saved: this.#saved?.snapshot, shared: true });
        share?.(flow.session);
        if (joined) page.session = Promise.resolve(flow.session);
      }
      this.requestUpdate();
      return flow;
    } catch (error) {
      if (share) {
        share(undefined);
        page.session = undefined;
      }
      throw error;
    }
  }

  // The shopper moves towards a product, or the browser is idle with the list up: load the rest.
  #prefetch() {
    if (this.#page) void this.#openFlow().catch(() => undefined);
  }

  /**
   * A failure before the flow: the page hears of it (`resmark-error`) and the list shows it in the
   * shopper's words. Those words come with the later steps (widget/steps.ts), loaded on a failure
   * if they are not there yet: a first view that works does not download them.
   */
  #fail(error: unknown): void {
    this.#tell(error);
    const listed = this.#listed;
    void loadSteps().then(
      ({ shopperMessage }) => {
        if (listed === this.#listed) this._listError = shopperMessage(error);
      },
      // Not even that could load: the network is gone, which is what the shopper needs to know.
      () =>
        (this._listError = msg(
          'The booking service cannot be reached. Check your connection and try again.',
        )),
    );
  }

  #listKey() {
    return `${this.tags ?? ''}|${this.products ?? ''}`;
  }

  async #loadProducts(): Promise<void> {
    const products = this.#page?.products;
    if (!products) return;
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
      const lists = await Promise.all(queries.map((query) => products.list(query)));
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
      whenIdle(() => this.#prefetch());
    } catch (error) {
      if (key !== this.#listed) return;
      this.#fail(error);
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

  async #select(event: ResmarkEvent<'resmark-product-select'>) {
    const { product } = event.detail;
    let flow: BookingFlow;
    try {
      flow = await this.#openFlow();
    } catch (error) {
      // The next steps could not be downloaded: the list says so, and its Try again loads it.
      this.#fail(error);
      return;
    }
    flow.select(product);
  }

  #learn({ detail: { product, soldOut, from } }: ResmarkEvent<'resmark-availability-change'>) {
    this._availability = new Map(this._availability).set(product.id, {
      soldOut,
      ...(from === undefined ? {} : { from }),
    });
  }

  // Activity inside the flow keeps the hold alive (issue 4, "The hold").
  #active() {
    this.#flow?.active();
  }

  #complete(order: Order, itemsOf: typeof Steps.itemsOf) {
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
    if (snapshot) writeCart(this.#storageKey(), { snapshot, token: this.#page?.transport.token() });
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
      this.#send?.(event, { currency: currency || this.#currency(), value, items, ...extra });
  }

  #lang() {
    return this.locale || document.documentElement.lang || navigator.language;
  }

  #currency() {
    const session = this.#flow?.session;
    return (
      this.currency ||
      session?.order?.currency ||
      session?.cart?.currency ||
      this.#flow?.product?.currency ||
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
