import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Cart } from '../../shared/cart.js';
import type { ResmarkClient } from '../../shared/client.js';
import { ResmarkError } from '../../shared/errors.js';
import type { Order } from '../../shared/order.js';
import type { Product } from '../../shared/product.js';
import type { SessionSnapshot } from '../../shared/session.js';
import '../../widget/booking/resmark-product-booker.js';
import '../../widget/checkout/resmark-cart-summary.js';
import '../../widget/checkout/resmark-confirmation.js';
import '../../widget/checkout/resmark-customer-form.js';
import '../../widget/checkout/resmark-hold-timer.js';
import '../../widget/checkout/resmark-order-review.js';
import '../../widget/checkout/resmark-promo-code.js';
import { BookingFlow, busyMessage } from '../../widget/controllers/booking-flow.js';
import { fire, type ResmarkEvent } from '../../widget/events.js';
import { cartStep } from '../../widget/later-steps.js';
import { base, flowLayout } from '../../widget/styles.js';
import { fromTomorrow, tomorrowOf } from './availability.js';
import { parseContact } from './contact-paste.js';
import './resmark-agent-products.js';
import { orderProducts, type ProductAvailability } from './resmark-agent-products.js';
import './resmark-order-options.js';
import {
  emptyOrderFields,
  orderOptionsOf,
  type AgentOrderFields,
  type OrderFieldsChange,
} from './resmark-order-options.js';

/** Where the panel keeps each supplier's open cart (the extension's storage; a map in tests). */
export interface CartStore {
  read(supplierId: string): Promise<SessionSnapshot | undefined>;
  write(supplierId: string, snapshot: SessionSnapshot | undefined): Promise<void> | void;
}

/** The API the booking view uses: the agent's own client, straight to Resmark. */
export type AgentClient = Pick<ResmarkClient, 'product' | 'cart' | 'order'>;

/** `detail` of `resmark-order-show`: the agent asked to see the order just made in the Orders view. */
export interface OrderShow {
  order: Order;
}

// What a pasted contact filled, in the agent's words.
const PASTED_LABELS: Record<string, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'e-mail',
  phone: 'phone',
};

// How many products' days from tomorrow the list reads at once: the first screenful or two,
// favourites first; more would be requests for rows nobody scrolls to.
const AVAILABILITY_READS = 12;

const TITLES = {
  products: 'Products',
  product: '',
  cart: 'Cart',
  details: 'Customer',
  review: 'Review and book',
  done: '',
} as const;

/**
 * The reseller agent's booking view: one supplier's products (search, favourites), the widget's
 * booking elements to choose date, time, people and pickup with an internal comment, the reseller
 * cart with its hold, the customer (with paste of a whole contact block), and the order with the
 * agent's reference, payment note and notification switches. It runs the widget's `BookingFlow`
 * with the agent's client and a reseller cart (`POST /cart?supplierId=…`); the supplier's open
 * cart is kept in `carts` and resumed while its hold lasts. `customer-facing` hides agent-only data.
 * @tag resmark-agent-booking
 * @summary Book one supplier's products as a reseller agent.
 * @fires resmark-cart-change - The cart changed; `detail.cart`.
 * @fires resmark-checkout-complete - An order was placed; `detail` as the widget's.
 * @fires resmark-error - Something failed and the agent was told; `detail.kind`, `status`, `message`.
 * @fires resmark-favourites-change - The agent starred or unstarred a product; `detail.favourites`.
 * @fires resmark-order-show - The agent asked to open the order just made; `detail.order`.
 * @csspart step-heading - Each step's heading (it takes focus when the step changes).
 * @csspart back-button - The "Back" button.
 * @csspart comment - The internal comment field.
 * @csspart paste - The contact paste box.
 */
export class ResmarkAgentBooking extends LitElement {
  static override properties = {
    client: { attribute: false },
    supplierId: { attribute: 'supplier-id' },
    cartId: { attribute: 'cart-id' },
    products: { attribute: false },
    carts: { attribute: false },
    favourites: { attribute: false },
    customerFacing: { type: Boolean, attribute: 'customer-facing', reflect: true },
    now: { attribute: false },
    locale: {},
    currency: {},
    _products: { state: true },
    _loading: { state: true },
    _listError: { state: true },
    _availability: { state: true },
    _comment: { state: true },
    _fields: { state: true },
    _fieldErrors: { state: true },
    _pasted: { state: true },
    _copied: { state: true },
  };

  static override styles = [
    base,
    flowLayout,
    css`
      :host {
        display: grid;
        gap: var(--_space);
      }
      h2 {
        font-size: 1.2em;
      }
      label {
        display: grid;
        gap: 0.25em;
      }
      textarea {
        min-height: 4.5em;
        font: inherit;
      }
    `,
  ];

  /** The agent's client (their own token, straight to Resmark). */
  declare client: AgentClient | undefined;
  /** The supplier to book (its entity id): carts are reseller carts for it. */
  declare supplierId: string | undefined;
  /** Open this cart (from the agent's open carts) instead of the supplier's kept one. */
  declare cartId: string | undefined;
  /**
   * Every product the agent may book, when the panel has them already (it lists them to know the
   * suppliers): the view then asks for none itself.
   */
  declare products: Product[] | undefined;
  /** Where each supplier's open cart is kept across panel closes. */
  declare carts: CartStore | undefined;
  /** Ids of the agent's favourite products. */
  declare favourites: string[];
  /** The screen is turned to the customer: agent-only data (comment, reference, memo) is hidden. */
  declare customerFacing: boolean;
  /** The clock (epoch ms) that says which day is tomorrow; injectable for tests. */
  declare now: () => number;
  /** BCP 47 tag for money and dates; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for what names no currency. */
  declare currency: string;

  declare private _products: Product[];
  declare private _availability: Map<string, ProductAvailability>;
  declare private _loading: boolean;
  declare private _listError: string | undefined;
  declare private _comment: string;
  declare private _fields: AgentOrderFields;
  declare private _fieldErrors: Partial<Record<keyof AgentOrderFields, string>> | undefined;
  declare private _pasted: Partial<Record<string, string>> | undefined;
  declare private _copied: string;

  readonly #flow = new BookingFlow(this, {
    persist: (snapshot) => {
      if (this.supplierId) void this.carts?.write(this.supplierId, snapshot);
    },
    cartChange: (cart) => fire(this, 'resmark-cart-change', { cart }),
    complete: (order) => this.#complete(order),
    error: (error) => this.#tell(error),
    step: (_step, focus) => (this.#focusHeading = focus),
    expire: () => {
      const active = this.shadowRoot?.activeElement;
      if (active && this.renderRoot.querySelector('.step')?.contains(active))
        this.#focusTimer = true;
    },
  });
  #opened: string | undefined;
  #focusHeading = false;
  #focusTimer = false;

  constructor() {
    super();
    this.favourites = [];
    this.customerFacing = false;
    this.currency = 'USD';
    this.now = Date.now;
    this._products = [];
    this._availability = new Map();
    this._loading = false;
    this._comment = '';
    this._fields = emptyOrderFields();
    this._copied = '';
  }

  /** The booking flow this view runs (the panel's tests and the shell read its state). */
  get flow(): BookingFlow {
    return this.#flow;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.supplierId ?? ''}|${this.cartId ?? ''}`;
    if (
      (changed.has('client') || changed.has('supplierId') || changed.has('cartId')) &&
      this.client &&
      this.supplierId &&
      key !== this.#opened
    ) {
      this.#opened = key;
      void this.#open(this.client, this.supplierId);
    }
  }

  override updated(): void {
    if (this.#focusTimer) {
      this.#focusTimer = false;
      const timer = this.renderRoot.querySelector('resmark-hold-timer');
      void timer?.updateComplete.then(() => timer.focus());
    }
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[part=step-heading]')?.focus();
    }
  }

  /** Discards the open cart (its seats go back on sale) and starts again at the products. */
  reset(): Promise<void> {
    this._comment = '';
    this._fields = emptyOrderFields();
    return this.#flow.reset();
  }

  async #open(client: AgentClient, supplierId: string): Promise<void> {
    this._comment = '';
    this._fields = emptyOrderFields();
    this._fieldErrors = this._pasted = undefined;
    this._availability = new Map();
    const products = this.#loadProducts(client, supplierId);
    const saved = this.cartId
      ? { version: 1 as const, state: 'holding' as const, cartId: this.cartId, supplierId }
      : await this.carts?.read(supplierId).catch(() => undefined);
    await this.#flow.open(client, { supplierId, saved });
    // After the flow has its client: the reads are its, so the booker can take them over.
    await products;
    await this.#readAvailability(supplierId);
  }

  async #loadProducts(client: AgentClient, supplierId: string): Promise<void> {
    if (this.products) {
      this._products = this.products.filter((product) => product.entityId === supplierId);
      return;
    }
    this._loading = true;
    this._listError = undefined;
    try {
      // An agent's product list holds every connected supplier's products, each naming its
      // supplier in `entityId` (docs/wire.md, Products); there is no filter for it.
      const products = await client.product.list({ limit: 500 });
      if (supplierId !== this.supplierId) return;
      this._products = products.filter((product) => product.entityId === supplierId);
    } catch (error) {
      if (supplierId === this.supplierId) this._listError = this.#flow.fail(error, false);
    } finally {
      if (supplierId === this.supplierId) this._loading = false;
    }
  }

  /** What the first products have from tomorrow on, read ahead so the booker need not ask again. */
  async #readAvailability(supplierId: string): Promise<void> {
    if (supplierId !== this.supplierId) return;
    const tomorrow = tomorrowOf(this.now());
    const products = orderProducts(this._products, this.favourites).slice(0, AVAILABILITY_READS);
    this._availability = new Map(products.map((product) => [product.id, 'loading' as const]));
    await Promise.all(
      products.map(async (product) => {
        let known: ProductAvailability;
        try {
          const month = await this.#flow.readAhead(product.productNumber, {
            from: tomorrow.slice(0, 7),
          });
          known = fromTomorrow(month, tomorrow, product.dateless);
        } catch {
          // The row then says nothing; the booker asks again, and says why if it fails too.
          known = 'failed';
        }
        if (supplierId === this.supplierId)
          this._availability = new Map(this._availability).set(product.id, known);
      }),
    );
  }

  override render() {
    const flow = this.#flow;
    const { step } = flow;
    const back = flow.previous;
    const title = step === 'product' ? (flow.product?.name ?? 'Choose a time') : TITLES[step];
    const expired = flow.session?.state === 'expired';
    const beside = step === 'product' || ((step === 'details' || step === 'review') && !expired);
    const error = beside ? undefined : flow.error;
    return html`<div
      class="flow"
      aria-busy=${flow.busy ? 'true' : 'false'}
      @pointerdown=${() => flow.active()}
      @keydown=${() => flow.active()}
    >
      <div class="bar">
        ${
          back
            ? html`<button part="back-button" @click=${() => flow.go(back)}>
                ${step === 'products' ? 'Back to the cart' : 'Back'}
              </button>`
            : nothing
        }
      </div>
      ${title ? html`<h2 part="step-heading" tabindex="-1">${title}</h2>` : nothing}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing} ${this.#step()}
      <p class="visually-hidden" role="status">${busyMessage(flow.busy)}</p>
    </div>`;
  }

  #step() {
    const flow = this.#flow;
    const session = flow.session;
    const cart = session?.cart;
    switch (flow.step) {
      case 'products':
        return html`<resmark-agent-products
          .products=${this._products}
          .favourites=${this.favourites}
          .availability=${this._availability}
          .loading=${this._loading}
          .error=${this._listError}
          .locale=${this.locale}
          .currency=${this.currency}
          @resmark-product-select=${(event: ResmarkEvent<'resmark-product-select'>) =>
            flow.select(event.detail.product)}
        ></resmark-agent-products>`;
      case 'product':
        return html`<resmark-product-booker
            .client=${flow.bookerClient}
            .product=${flow.product}
            .now=${this.now}
            .locale=${this.locale}
            .currency=${this.currency}
            .busy=${flow.busy === 'add'}
            .error=${flow.error}
            @resmark-item-request=${this.#add}
          ></resmark-product-booker>
          ${
            this.customerFacing
              ? nothing
              : html`<label
                  >Internal comment (for the supplier’s staff, not the customer)
                  <textarea
                    part="comment"
                    maxlength="1000"
                    .value=${this._comment}
                    @input=${(event: Event) =>
                      (this._comment = (event.target as HTMLTextAreaElement).value)}
                  ></textarea>
                </label>`
          }`;
      case 'done':
        return this.#done(session?.order);
    }
    if (!session || !cart || session.state === 'failed')
      return html`<p>This cart is no longer available.</p>
        <button class="primary" @click=${() => this.reset()}>Start a new cart</button>`;
    const expired = session.state === 'expired';
    return html`<resmark-hold-timer
        .expiresAt=${expired ? 0 : session.expiresAt}
        .now=${flow.now}
        .renewing=${flow.busy === 'renew'}
        @resmark-hold-renew=${() => flow.renew()}
      ></resmark-hold-timer>
      <div class="step" ?hidden=${expired}>${this.#holdingStep(cart)}</div>`;
  }

  #holdingStep(cart: Cart) {
    const flow = this.#flow;
    switch (flow.step) {
      case 'cart':
        return cartStep(flow, cart, this, { another: 'Add another product', next: 'Continue' });
      case 'details':
        return html`<label part="paste"
            >Paste a contact (name, e-mail, phone) to fill the form
            <textarea
              @paste=${this.#handlePaste}
              @change=${(event: Event) =>
                this.#fillFrom((event.target as HTMLTextAreaElement).value)}
            ></textarea>
          </label>
          ${
            this._pasted
              ? html`<p role="status">
                  ${
                    Object.keys(this._pasted).length
                      ? `Filled in: ${Object.keys(this._pasted)
                          .map((key) => PASTED_LABELS[key] ?? key)
                          .join(', ')}. Check them before you continue.`
                      : 'No name, e-mail or phone found in what was pasted.'
                  }
                </p>`
              : nothing
          }
          <resmark-customer-form
            .rules=${cart}
            .value=${{ ...cart.customer, ...this._pasted }}
            .errors=${flow.fields}
            .busy=${flow.busy === 'customer'}
            .error=${flow.error}
            .locale=${this.locale}
            @resmark-customer-submit=${(event: ResmarkEvent<'resmark-customer-submit'>) =>
              flow.setCustomer(event.detail.customer)}
          ></resmark-customer-form>`;
      default:
        return html`${
            this.customerFacing
              ? nothing
              : html`<resmark-order-options
                  .fields=${this._fields}
                  .errors=${this._fieldErrors}
                  @resmark-order-fields-change=${(event: CustomEvent<OrderFieldsChange>) => {
                    this._fields = event.detail.fields;
                    this._fieldErrors = undefined;
                  }}
                ></resmark-order-options>`
          }
          <resmark-order-review
            .cart=${cart}
            .pickups=${flow.pickups}
            .customer=${cart.customer}
            .placing=${flow.busy === 'order'}
            .error=${flow.error}
            .locale=${this.locale}
            .currency=${this.currency}
            @resmark-order-place=${this.#place}
          ></resmark-order-review>`;
    }
  }

  #done(order: Order | undefined) {
    if (!order) return nothing;
    return html`<resmark-confirmation
        .order=${order}
        .pickups=${this.#flow.pickups}
        .locale=${this.locale}
        .currency=${this.currency}
        @resmark-booking-restart=${() => this.reset()}
      ></resmark-confirmation>
      <div class="actions">
        <button @click=${() => this.#copy(order)}>Copy confirmation</button>
        <button
          @click=${() =>
            this.dispatchEvent(
              new CustomEvent<OrderShow>('resmark-order-show', {
                detail: { order },
                bubbles: true,
                composed: true,
              }),
            )}
        >
          Open the order
        </button>
      </div>
      <p role="status">${this._copied}</p>`;
  }

  async #add(event: ResmarkEvent<'resmark-item-request'>) {
    const comment = this.customerFacing ? '' : this._comment.trim();
    const item = { ...event.detail.item, ...(comment ? { internalComment: comment } : {}) };
    if (await this.#flow.add(item)) this._comment = '';
  }

  #handlePaste(event: ClipboardEvent) {
    const text = event.clipboardData?.getData('text/plain');
    if (text) queueMicrotask(() => this.#fillFrom(text));
  }

  #fillFrom(text: string) {
    if (!text.trim()) return;
    const { firstName, lastName, email, phone } = parseContact(text);
    // In the form's order, so the status line reads as the form does.
    this._pasted = Object.fromEntries(
      Object.entries({ firstName, lastName, email, phone }).filter(([, value]) => value),
    );
  }

  async #place() {
    const flow = this.#flow;
    if (flow.busy === 'order') return;
    const fields = this._fields;
    const options = orderOptionsOf(fields);
    const client = this.client;
    if (!client) return;
    // Checks that cost a request are made only when the agent filled the field they check.
    try {
      const addTo = fields.addTo.trim();
      let orderId: string | undefined;
      if (addTo) {
        orderId = (await client.order.get(addTo)).id;
      }
      // The reference is also the key a lost answer is found by: it must name no other order.
      // Only before the first attempt: after one, an order with it may be this checkout's own.
      const firstAttempt = !flow.session?.snapshot().referenceId;
      if (options.referenceId && firstAttempt) {
        const taken = await client.order.findByReferenceId(options.referenceId);
        if (taken) {
          this._fieldErrors = {
            reference: `Order ${taken.confirmation} already has this reference: use another.`,
          };
          return;
        }
      }
      await flow.place({ ...options, ...(orderId ? { orderId } : {}) });
    } catch (error) {
      const status = error instanceof ResmarkError ? error.status : undefined;
      if (status === 404) this._fieldErrors = { addTo: 'No order has this confirmation number.' };
      else flow.fail(error);
    }
  }

  async #copy(order: Order) {
    const lines = [
      `Confirmation ${order.confirmation}`,
      ...order.items.map((item) => `${item.productName}`),
      `Total ${order.total}${order.currency ? ` ${order.currency}` : ''}`,
    ];
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      this._copied = `Copied confirmation ${order.confirmation}.`;
    } catch {
      this._copied = 'Copying was refused: select the confirmation and copy it by hand.';
    }
  }

  #complete(order: Order) {
    this._fields = emptyOrderFields();
    fire(this, 'resmark-checkout-complete', {
      orderId: order.id,
      confirmation: order.confirmation,
      items: order.items,
      total: order.total,
      currency: order.currency || this.currency,
    });
  }

  #tell(error: unknown) {
    const known = error instanceof ResmarkError ? error : undefined;
    fire(this, 'resmark-error', {
      kind: known?.kind ?? 'unknown',
      message: known?.message ?? String(error),
      ...(known?.status === undefined ? {} : { status: known.status }),
    });
  }
}

void (
  customElements.get('resmark-agent-booking') ??
  customElements.define('resmark-agent-booking', ResmarkAgentBooking)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-booking': ResmarkAgentBooking;
  }
  interface HTMLElementEventMap {
    'resmark-order-show': CustomEvent<OrderShow>;
  }
}
