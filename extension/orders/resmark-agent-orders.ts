import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { ResmarkError } from '../../shared/errors.js';
import { formatDate, formatMoney } from '../../shared/format.js';
import type { Order } from '../../shared/order.js';
import type { PickupsByProduct } from '../../widget/checkout/lines.js';
import { base } from '../../widget/styles.js';
import { agentProblem, reportError } from './agent-message.js';
import { orderStatusWord, type OrdersClient } from './cancel.js';
import { fireOrderEvent, type OrderEvent, type OrderOpenedBy } from './events.js';
import { ordersStyles } from './orders.styles.js';
import './resmark-agent-order.js';

/** What the agent searches by. */
export type OrderSearchBy = 'confirmation' | 'id' | 'reference';

/** Where a search stands. */
type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'invalid' | 'not-found' | 'error'; message: string }
  | { status: 'results'; orders: Order[] };

/** Where the list of recent orders stands. `page` is 0-based, as the API counts. */
interface List {
  status: 'idle' | 'loading' | 'ready' | 'error';
  orders: Order[];
  page: number;
  message?: string;
}

const SEARCH_LABELS: Record<OrderSearchBy, string> = {
  confirmation: 'Confirmation number',
  id: 'Session (order) id',
  reference: 'Your reference',
};

const DAY_MS = 86_400_000;
/** How many days the list covers until the agent picks others: the last 30, today included. */
export const DEFAULT_RANGE_DAYS = 30;

// The API's created-date filter takes days; we count them in UTC, as the sandbox does (docs/wire.md,
// Orders). Today's UTC day is never before the agent's own, so "to today" leaves out no new order.
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The agent's Orders view: find an order by confirmation number, session id or the agent's own
 * reference, or pick one from the recent orders (a created-date range, newest first, a page at a
 * time); an order opens in `<resmark-agent-order>`, where it is copied, printed and cancelled.
 * A cancellation's answer updates the list too, so nothing is fetched again after a write.
 * @tag resmark-agent-orders
 * @summary Search and recent orders for a reseller agent, opening one order's detail.
 * @fires resmark-order-open - The agent opened an order; `detail.by` says how it was found.
 * @fires resmark-order-close - The agent went back from an order to the list.
 * @fires resmark-order-cancel - (from the detail) Resmark cancelled part or all of an order.
 * @fires resmark-error - A search, the list or a cancellation failed; the agent was told.
 * @csspart search - The search form.
 * @csspart search-by - What to search by.
 * @csspart search-input - The confirmation number, id or reference.
 * @csspart search-button - The "Find" button.
 * @csspart search-status - What the search found, or why not.
 * @csspart range - The created-date range form.
 * @csspart list-status - Loading, how many orders, or why the list failed.
 * @csspart orders - The list of orders (recent, or a search's several results).
 * @csspart order-row - One order's button: confirmation, created, customer, total, status.
 * @csspart previous - The "Previous" page button.
 * @csspart next - The "Next" page button.
 * @csspart back - The "Back to orders" button over an open order.
 * @csspart order - The open order's `<resmark-agent-order>`.
 * @cssprop --resmark-color-accent - The Find button and the "Back to orders" link.
 */
export class ResmarkAgentOrders extends LitElement {
  static override properties = {
    client: { attribute: false },
    customerFacing: { type: Boolean, attribute: 'customer-facing', reflect: true },
    locale: {},
    currency: {},
    timeZone: { attribute: 'time-zone' },
    pageSize: { type: Number, attribute: 'page-size' },
    now: { attribute: false },
    pickups: { attribute: false },
    _by: { state: true },
    _query: { state: true },
    _search: { state: true },
    _from: { state: true },
    _to: { state: true },
    _rangeError: { state: true },
    _list: { state: true },
    _open: { state: true },
  };

  static override styles = [
    base,
    ordersStyles,
    css`
      section,
      form {
        display: grid;
        gap: calc(var(--_space) * 0.75);
      }
      label {
        display: grid;
        gap: 0.25em;
        font-weight: 600;
        /* A date field's own minimum width must not push a narrow panel sideways. */
        min-width: 0;
      }
      input {
        min-width: 0;
      }
      .range {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
        gap: calc(var(--_space) / 2);
      }
      [part='orders'] {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      [part='order-row'] {
        width: 100%;
        display: grid;
        gap: 0.25em;
        text-align: start;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 var(--_space);
      }
      [part='back'] {
        justify-self: start;
      }
      @media print {
        [part='back'] {
          display: none;
        }
      }
    `,
  ];

  /** The agent's `ResmarkClient` (or anything with its `order` methods). */
  declare client: OrdersClient | undefined;
  /**
   * The screen is turned to the customer: the recent orders (other customers') are hidden, and an
   * open order hides the agent-only data.
   */
  declare customerFacing: boolean;
  /** BCP 47 tag for money and dates; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for an order that names none. */
  declare currency: string;
  /** IANA time zone for when orders were made; the browser's when unset. */
  declare timeZone: string | undefined;
  /** Orders per page of the list. */
  declare pageSize: number;
  /** The clock (epoch ms) that sets the default date range. */
  declare now: () => number;
  /** Pickup zones by product number, when the panel has them, to name an open order's pickups. */
  declare pickups: PickupsByProduct | undefined;

  declare _by: OrderSearchBy;
  declare _query: string;
  declare _search: Search;
  declare _from: string;
  declare _to: string;
  declare _rangeError: string | undefined;
  declare _list: List;
  declare _open: Order | undefined;

  #listAbort: AbortController | undefined;
  #searchAbort: AbortController | undefined;
  #focusAfterBack: string | undefined;

  constructor() {
    super();
    this.customerFacing = false;
    this.currency = 'USD';
    this.pageSize = 10;
    this.now = Date.now;
    this._by = 'confirmation';
    this._query = '';
    this._search = { status: 'idle' };
    this._from = this._to = '';
    this._list = { status: 'idle', orders: [], page: 0 };
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#listAbort?.abort();
    this.#searchAbort?.abort();
  }

  /** Fetches the list's current page again (the panel calls it when the agent may have booked). */
  refresh(): Promise<void> {
    return this.#load(this._list.page);
  }

  /**
   * Opens `order` as it is, with no request (the panel shows an order it just placed). No
   * `resmark-order-open`: the event says what the agent did, and this is the panel's doing.
   */
  showOrder(order: Order): void {
    this._open = order;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (!this._to) {
      const today = this.now();
      this._to = utcDay(today);
      this._from = utcDay(today - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
    }
    // Another agent's client: what the last one found is not this one's to see.
    if (changed.has('client') && changed.get('client')) {
      this._open = undefined;
      this._search = { status: 'idle' };
    }
    // Here rather than in updated(): the list's "Loading" state is then part of this update.
    if (changed.has('client') && this.client) void this.#load(0);
  }

  override updated() {
    const id = this.#focusAfterBack;
    if (id !== undefined && !this._open) {
      this.#focusAfterBack = undefined;
      const row = [...this.renderRoot.querySelectorAll<HTMLElement>('[part=order-row]')].find(
        (button) => button.dataset['id'] === id,
      );
      (row ?? this.renderRoot.querySelector<HTMLElement>('[part=search-input]'))?.focus();
    }
  }

  override render() {
    const open = this._open;
    if (open)
      return html`<button part="back" class="link" @click=${this.#back}>← Back to orders</button>
        <resmark-agent-order
          part="order"
          .client=${this.client}
          .order=${open}
          .pickups=${this.pickups}
          ?customer-facing=${this.customerFacing}
          locale=${this.locale ?? nothing}
          currency=${this.currency}
          time-zone=${this.timeZone ?? nothing}
          @resmark-order-cancel=${this.#cancelled}
        ></resmark-agent-order>`;
    return html`${this.#searchTemplate()} ${this.#listTemplate()}`;
  }

  #searchTemplate() {
    const search = this._search;
    const busy = search.status === 'searching';
    const problem =
      search.status === 'invalid' || search.status === 'not-found' || search.status === 'error';
    const statusText =
      search.status === 'searching'
        ? 'Searching…'
        : problem
          ? search.message
          : search.status === 'results'
            ? `${search.orders.length} orders have this reference. Choose one.`
            : '';
    return html`<section aria-labelledby="find-heading">
      <h2 id="find-heading">Find an order</h2>
      <form part="search" role="search" aria-label="Find an order" novalidate @submit=${this.#find}>
        <label>
          Find by
          <select
            part="search-by"
            .value=${this._by}
            @change=${(event: Event) => {
              this._by = (event.target as HTMLSelectElement).value as OrderSearchBy;
              if (this._search.status === 'invalid') this._search = { status: 'idle' };
            }}
          >
            ${(Object.keys(SEARCH_LABELS) as OrderSearchBy[]).map(
              (by) =>
                html`<option value=${by} ?selected=${by === this._by}>
                  ${SEARCH_LABELS[by]}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${SEARCH_LABELS[this._by]}
          <input
            part="search-input"
            autocomplete="off"
            spellcheck="false"
            inputmode=${this._by === 'confirmation' ? 'numeric' : 'text'}
            .value=${this._query}
            aria-invalid=${search.status === 'invalid' ? 'true' : 'false'}
            aria-describedby="search-status"
            @input=${(event: Event) => (this._query = (event.target as HTMLInputElement).value)}
          />
        </label>
        <div class="actions">
          <button
            part="search-button"
            class="primary"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
          >
            Find
          </button>
          <p
            id="search-status"
            part="search-status"
            role="status"
            class=${problem && search.status !== 'not-found' ? 'error' : ''}
          >
            ${statusText}
          </p>
        </div>
      </form>
      ${search.status === 'results' ? this.#ordersTemplate(search.orders, 'reference') : nothing}
    </section>`;
  }

  #listTemplate() {
    // Other customers' names and totals are not for the customer looking at the screen; the list
    // stays loaded for when the agent turns it back.
    if (this.customerFacing)
      return html`<section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent orders</h2>
        <p part="list-status">Hidden while the screen is turned to the customer.</p>
      </section>`;
    const list = this._list;
    const loading = list.status === 'loading';
    const count = list.orders.length;
    const range = `${formatDate(this._from, this.locale)} and ${formatDate(this._to, this.locale)}`;
    const statusText = loading
      ? 'Loading orders…'
      : list.status === 'error'
        ? (list.message ?? '')
        : list.status === 'ready'
          ? count === 0
            ? list.page === 0
              ? `No orders were created between ${range}.`
              : 'No more orders.'
            : `Page ${list.page + 1}: ${count === 1 ? '1 order' : `${count} orders`}, newest first.`
          : '';
    const noPrevious = loading || list.page === 0;
    const noNext = loading || list.status !== 'ready' || count < this.pageSize;
    return html`<section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent orders</h2>
      <form part="range" novalidate @submit=${this.#applyRange}>
        <fieldset>
          <legend>Created between</legend>
          <div class="range">
            <label>
              From
              <input
                type="date"
                name="from"
                .value=${this._from}
                aria-invalid=${this._rangeError ? 'true' : 'false'}
                aria-describedby=${this._rangeError ? 'range-error' : nothing}
              />
            </label>
            <label>
              To
              <input type="date" name="to" .value=${this._to} />
            </label>
          </div>
          <div class="actions">
            <button type="submit">Show orders</button>
            ${
              this._rangeError
                ? html`<p id="range-error" class="error" role="alert">${this._rangeError}</p>`
                : nothing
            }
          </div>
        </fieldset>
      </form>
      <div class="actions">
        <p part="list-status" role="status" class=${list.status === 'error' ? 'error' : ''}>
          ${statusText}
        </p>
        ${
          list.status === 'error'
            ? html`<button @click=${() => this.#load(list.page)}>Try again</button>`
            : nothing
        }
      </div>
      ${count ? this.#ordersTemplate(list.orders, 'list') : nothing}
      <nav class="actions" aria-label="Pages of recent orders">
        <button
          part="previous"
          aria-disabled=${noPrevious ? 'true' : 'false'}
          @click=${() => !noPrevious && this.#load(list.page - 1)}
        >
          Previous<span class="visually-hidden"> page</span>
        </button>
        <button
          part="next"
          aria-disabled=${noNext ? 'true' : 'false'}
          @click=${() => !noNext && this.#load(list.page + 1)}
        >
          Next<span class="visually-hidden"> page</span>
        </button>
      </nav>
    </section>`;
  }

  #ordersTemplate(orders: Order[], by: OrderOpenedBy) {
    return html`<ul part="orders">
      ${orders.map((order) => {
        const status = orderStatusWord(order);
        const name = order.customer
          ? `${order.customer.firstName} ${order.customer.lastName}`.trim()
          : '';
        return html`<li>
          <button part="order-row" data-id=${order.id} @click=${() => this.#openOrder(order, by)}>
            <span class="line">
              <strong><span class="visually-hidden">Order </span>${order.confirmation}</strong>
              <span class="status" data-status=${status}>${status}</span>
            </span>
            <span class="line">
              <span>${formatDate(order.createdDate, this.locale, this.#zone())}</span>
              <span>${name || 'No customer name'}</span>
              <span>${formatMoney(order.total, order.currency || this.currency, this.locale)}</span>
            </span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #zone() {
    return this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  async #load(page: number) {
    const { client } = this;
    if (!client) return;
    this.#listAbort?.abort();
    const abort = (this.#listAbort = new AbortController());
    this._list = { ...this._list, status: 'loading', page };
    try {
      const orders = await client.order.list(
        {
          // desc sorts by id, which Resmark gives in the order orders are made: newest first.
          fromCreatedDate: this._from,
          toCreatedDate: this._to,
          sortOrder: 'desc',
          page,
          limit: this.pageSize,
        },
        { signal: abort.signal },
      );
      this._list = { status: 'ready', orders, page };
    } catch (error) {
      if (abort.signal.aborted) return;
      const { message } = agentProblem(error, 'list');
      this._list = { ...this._list, status: 'error', message };
      reportError(this, error, message);
    }
  }

  #applyRange(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement).value;
    const to = (form.elements.namedItem('to') as HTMLInputElement).value;
    this._rangeError = !from
      ? 'Enter the first day.'
      : !to
        ? 'Enter the last day.'
        : from > to
          ? 'The first day must not be after the last.'
          : undefined;
    if (this._rangeError) return;
    this._from = from;
    this._to = to;
    void this.#load(0);
  }

  async #find(event: SubmitEvent) {
    event.preventDefault();
    const { client } = this;
    if (!client || this._search.status === 'searching') return;
    const by = this._by;
    const text = this._query.trim();
    const invalid = (message: string) => {
      this._search = { status: 'invalid', message };
      this.renderRoot.querySelector<HTMLElement>('[part=search-input]')?.focus();
    };
    if (!text) return invalid(`Enter the ${SEARCH_LABELS[by].toLowerCase()}.`);
    // Agents paste "#100001" from e-mails; the number is what Resmark knows.
    const digits = text.replace(/^#/, '');
    if (by === 'confirmation' && !/^\d+$/.test(digits))
      return invalid('A confirmation number has digits only, like 100001.');
    this.#searchAbort?.abort();
    const abort = (this.#searchAbort = new AbortController());
    const request = { signal: abort.signal };
    this._search = { status: 'searching' };
    try {
      if (by === 'reference') {
        const found = await client.order.list({ referenceId: text, limit: this.pageSize }, request);
        // A server that ignored the filter must not make us show someone else's order.
        const orders = found.filter((order) => order.referenceId === text);
        if (orders.length === 1) return this.#openOrder(orders[0]!, by);
        this._search = orders.length
          ? { status: 'results', orders }
          : { status: 'not-found', message: 'No order has this reference.' };
        return;
      }
      const order = await client.order.get(by === 'confirmation' ? Number(digits) : text, request);
      this.#openOrder(order, by);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof ResmarkError && error.status === 404) {
        this._search = {
          status: 'not-found',
          message:
            by === 'confirmation'
              ? `No order has confirmation number ${digits}.`
              : 'No order has this session id.',
        };
        return;
      }
      const { message } = agentProblem(error, 'find');
      this._search = { status: 'error', message };
      reportError(this, error, message);
    }
  }

  #openOrder(order: Order, by: OrderOpenedBy) {
    this._open = order;
    if (this._search.status === 'searching') this._search = { status: 'idle' };
    fireOrderEvent(this, 'resmark-order-open', { order, by });
  }

  #back() {
    const open = this._open;
    if (!open) return;
    this._open = undefined;
    this.#focusAfterBack = open.id;
    fireOrderEvent(this, 'resmark-order-close', { order: open });
  }

  /** The detail's cancellation answered: the list and the results show the new order too. */
  #cancelled(event: OrderEvent<'resmark-order-cancel'>) {
    const { order } = event.detail;
    const replace = (orders: Order[]) => orders.map((o) => (o.id === order.id ? order : o));
    if (this._open?.id === order.id) this._open = order;
    this._list = { ...this._list, orders: replace(this._list.orders) };
    if (this._search.status === 'results')
      this._search = { status: 'results', orders: replace(this._search.orders) };
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-agent-orders') ??
  customElements.define('resmark-agent-orders', ResmarkAgentOrders)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-orders': ResmarkAgentOrders;
  }
}
