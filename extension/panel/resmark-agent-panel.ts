import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ResmarkClient } from '../../shared/client.js';
import { DEFAULT_PAGE_LIMIT } from '../../shared/limits.js';
import type { Product } from '../../shared/product.js';
import { base } from '../../widget/styles.js';
import {
  AgentSession,
  baseUrlOf,
  environmentOf,
  problemOf,
  type SignInProblem,
  type SignedIn,
} from '../auth/agent-session.js';
import { hasHostPermission, watchHostPermission } from '../auth/host-permission.js';
import '../auth/resmark-agent-sign-in.js';
import type { CartStore, OrderShow } from '../booking/resmark-agent-booking.js';
import type { FavouritesChange } from '../booking/resmark-agent-products.js';
import type { CartResume } from '../booking/resmark-open-carts.js';
import { panelText as text } from '../strings.js';
import '../suppliers/resmark-supplier-picker.js';
import {
  mergeSuppliers,
  supplierForUrl,
  type ListedSupplier,
} from '../suppliers/supplier-match.js';
import {
  activeTab,
  agentSession,
  favourites as storedFavourites,
  openCarts,
  settings,
  suppliers as storedSuppliers,
  type Settings,
  type Supplier,
} from '../utils/storage.js';

/** The two views of a signed-in panel. */
type View = 'book' | 'orders';

/** What the API says the agent may book: the suppliers (`entityId`s) of their products. */
type Bookable =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; entityIds: Set<string>; products: Product[] };

/**
 * The views the panel loads when first needed: what opens the panel is the sign-in or the supplier
 * choice, and every kilobyte parsed before it delays the agent (issue 9's first-view budget). The
 * booking view, the one an agent needs next, is fetched as soon as the panel is idle.
 */
const VIEWS = {
  booking: () => import('../booking/resmark-agent-booking.js'),
  carts: () => import('../booking/resmark-open-carts.js'),
  orders: () => import('../orders/resmark-agent-orders.js'),
  manager: () => import('../suppliers/resmark-supplier-manager.js'),
};
type LazyView = keyof typeof VIEWS;

/** A safety net: an agent with more products than this is far past what a list can show. */
const MAX_PRODUCT_PAGES = 20;

/**
 * The reseller agent's side panel: signed out, the sign-in; signed in, a header (agency, sign out,
 * customer-facing mode) over two views, "Book" (choose a supplier, the one whose site the panel was
 * opened on first, then book with it) and "Orders". The views are the booking and orders elements;
 * this shell owns the session, the supplier list and what is kept in storage.
 * @tag resmark-agent-panel
 * @summary The side panel's shell: sign-in, header, Book and Orders.
 * @csspart header - The signed-in header.
 * @csspart tabs - The Book / Orders tab list.
 * @csspart picker - The supplier picker (the site's supplier first).
 * @csspart manage - The "Manage suppliers" button.
 * @csspart open-carts - The "Open carts" disclosure (the list loads when it is opened).
 * @cssprop --resmark-color-accent - The chosen tab and the offered supplier.
 */
export class ResmarkAgentPanel extends LitElement {
  static override properties = {
    agent: { attribute: false },
    _phase: { state: true },
    _signedIn: { state: true },
    _signIn: { state: true },
    _settings: { state: true },
    _view: { state: true },
    _customerFacing: { state: true },
    _suppliers: { state: true },
    _bookable: { state: true },
    _tabUrl: { state: true },
    _chosen: { state: true },
    _managing: { state: true },
    _cartId: { state: true },
    _favourites: { state: true },
    _cartsOpen: { state: true },
    _viewFailed: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        padding: 0.75em;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: center;
        justify-content: space-between;
        padding-bottom: 0.75em;
        border-bottom: 1px solid var(--_border);
      }
      .who {
        display: grid;
      }
      .agency {
        font-weight: 600;
        font-size: 1.1em;
      }
      .who .muted {
        font-size: 0.875em;
      }
      .switch {
        display: flex;
        gap: 0.5em;
        align-items: center;
      }
      .switch input {
        width: auto;
        min-height: 1.25em;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.25em;
        margin: 0.75em 0;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        background: none;
      }
      [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--_accent);
        font-weight: 600;
      }
      section {
        display: grid;
        gap: 0.75em;
      }
      h2 {
        font-size: 1.15em;
      }
      /* An order prints from its own view (Orders' Print): the panel's chrome stays off paper. */
      @media print {
        header,
        [role='tablist'] {
          display: none;
        }
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        justify-content: space-between;
      }
    `,
  ];

  /** Signs the agent in and out; a test gives one with its own fetch. */
  declare agent: AgentSession;
  declare _phase: 'loading' | 'signed-out' | 'signed-in';
  declare _signedIn: SignedIn | undefined;
  /** The sign-in form's start: the last username and environment, and why it is shown again. */
  declare _signIn: { username: string; environment: string; problem?: SignInProblem };
  declare _settings: Settings;
  declare _view: View;
  declare _customerFacing: boolean;
  declare _suppliers: Supplier[];
  declare _bookable: Bookable;
  declare _tabUrl: string | undefined;
  declare _chosen: ListedSupplier | undefined;
  declare _managing: boolean;
  /** A cart the agent chose to resume from the open carts, instead of the supplier's kept one. */
  declare _cartId: string | undefined;
  declare _favourites: string[];
  declare _cartsOpen: boolean;
  /** A view whose module could not be loaded (a broken install, an update mid-session). */
  declare _viewFailed: LazyView | undefined;

  #stops: (() => void)[] = [];
  #loaded = new Set<LazyView>();
  #loadingViews = new Map<LazyView, Promise<void>>();
  #stopPermission: (() => void) | undefined;
  #loading: AbortController | undefined;

  constructor() {
    super();
    this.agent = new AgentSession();
    this._phase = 'loading';
    this._signIn = { username: '', environment: 'production' };
    this._settings = settings.fallback;
    this._view = 'book';
    this._customerFacing = false;
    this._suppliers = [];
    this._bookable = { status: 'loading' };
    this._managing = false;
    this._favourites = [];
    this._cartsOpen = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A closed panel keeps no listener, request or permission watch alive.
    for (const stop of this.#stops.splice(0)) stop();
    this.#stopPermission?.();
    this.#loading?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('agent')) this.agent.onExpired = () => this.#expired();
  }

  async #start() {
    // Other pages change what is kept: the options page signs out, the background records the tab.
    this.#stops.push(
      storedSuppliers.watch((list) => (this._suppliers = list)),
      storedFavourites.watch((list) => (this._favourites = list)),
      activeTab.watch((tab) => (this._tabUrl = tab?.url)),
      settings.watch((value) => (this._settings = value)),
      agentSession.watch((session) => {
        if (!session && this._signedIn) this.#forget();
      }),
    );
    const [restored, saved, tab, prefs, starred] = await Promise.all([
      this.agent.restore(),
      storedSuppliers.getValue(),
      activeTab.getValue(),
      settings.getValue(),
      storedFavourites.getValue(),
    ]);
    this._suppliers = saved;
    this._favourites = starred;
    this._tabUrl = tab?.url;
    this._settings = prefs;
    if (restored.signedIn) {
      if (!(await hasHostPermission(restored.signedIn.session.baseUrl)))
        return this.#signedOut(restored.signedIn.session, 'revoked');
      return this.#enter(restored.signedIn);
    }
    this._signIn = {
      username: restored.username ?? '',
      environment: restored.baseUrl ? environmentOf(restored.baseUrl) : prefs.environment,
      ...(restored.problem ? { problem: restored.problem } : {}),
    };
    this._phase = 'signed-out';
  }

  #enter(signedIn: SignedIn) {
    this._signedIn = signedIn;
    this._phase = 'signed-in';
    this.#stopPermission?.();
    this.#stopPermission = watchHostPermission(signedIn.session.baseUrl, () =>
      this.#signedOut(signedIn.session, 'revoked'),
    );
    void this.#loadBookable(signedIn.client);
    // What the agent does next is book: have it ready by the time they choose a supplier.
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(() => void this.#load('booking'));
  }

  /** Back to the sign-in, keeping who and where, with why. */
  #signedOut(session: { username: string; baseUrl: string }, problem?: SignInProblem) {
    this.#stopPermission?.();
    this.#loading?.abort();
    this._signedIn = undefined;
    this._signIn = {
      username: session.username,
      environment: environmentOf(session.baseUrl),
      ...(problem ? { problem } : {}),
    };
    this._phase = 'signed-out';
  }

  #expired() {
    if (this._signedIn) this.#signedOut(this._signedIn.session, 'expired');
  }

  /** The suppliers of every product the agent may book. */
  async #loadBookable(client: ResmarkClient) {
    this.#loading?.abort();
    const loading = (this.#loading = new AbortController());
    this._bookable = { status: 'loading' };
    try {
      const entityIds = new Set<string>();
      // Kept: the booking view lists a supplier's products from these, asking for none again.
      const all: Product[] = [];
      for (let page = 0; page < MAX_PRODUCT_PAGES; page++) {
        const products = await client.product.list(
          { limit: DEFAULT_PAGE_LIMIT, page },
          { signal: loading.signal },
        );
        all.push(...products);
        for (const { entityId } of products) if (entityId) entityIds.add(entityId);
        if (products.length < DEFAULT_PAGE_LIMIT) break;
      }
      this._bookable = { status: 'ready', entityIds, products: all };
    } catch (error) {
      if (loading.signal.aborted) return;
      const problem = problemOf(error);
      // An ended session is the sign-in's to say (onExpired has switched already).
      if (problem === 'expired') return;
      this._bookable = { status: 'failed', message: text.suppliersFailed };
    }
  }

  /** The suppliers to list: the API's, named as the agent named them, and the agent's others. */
  get #listed(): ListedSupplier[] {
    const ids = this._bookable.status === 'ready' ? [...this._bookable.entityIds] : [];
    return mergeSuppliers(
      ids.map((entityId) => ({ entityId })),
      this._suppliers,
    );
  }

  override render() {
    switch (this._phase) {
      case 'loading':
        return html`<p role="status">${text.loading}</p>`;
      case 'signed-out':
        return html`<resmark-agent-sign-in
          .agent=${this.agent}
          .environment=${this._signIn.environment}
          .username=${this._signIn.username}
          .remember=${this._settings.rememberKey}
          .notice=${this._signIn.problem}
          .noticeBaseUrl=${baseUrlOf(this._signIn.environment)}
          @resmark-agent-sign-in=${(e: CustomEvent<{ signedIn: SignedIn }>) =>
            this.#enter(e.detail.signedIn)}
        ></resmark-agent-sign-in>`;
      case 'signed-in':
        return this.#renderSignedIn(this._signedIn!);
    }
  }

  #renderSignedIn({ session, client }: SignedIn) {
    const agencies = session.agencies.map((agency) => agency.name).join(', ');
    return html`<header part="header">
        <div class="who">
          <span class="agency">${agencies}</span>
          ${
            this._customerFacing
              ? nothing
              : html`<span class="muted">${text.signedInAs(session.username)}</span>`
          }
        </div>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            name="customerFacing"
            .checked=${this._customerFacing}
            aria-describedby="customer-facing-hint"
            @change=${(e: Event) => (this._customerFacing = (e.target as HTMLInputElement).checked)}
          />
          ${text.customerFacing}
        </label>
        <span id="customer-facing-hint" class="visually-hidden">${text.customerFacingHint}</span>
        <button type="button" @click=${this.#signOut}>${text.signOut}</button>
      </header>
      <div role="tablist" part="tabs" aria-label=${text.views} @keydown=${this.#tabKey}>
        ${this.#tab('book', text.book)} ${this.#tab('orders', text.orders)}
      </div>
      <section
        role="tabpanel"
        id="panel-book"
        aria-labelledby="tab-book"
        ?hidden=${this._view !== 'book'}
      >
        ${this._view === 'book' ? this.#renderBook(client) : nothing}
      </section>
      <section
        role="tabpanel"
        id="panel-orders"
        aria-labelledby="tab-orders"
        ?hidden=${this._view !== 'orders'}
      >
        ${
          this._view === 'orders'
            ? this.#lazy(
                'orders',
                () =>
                  html`<resmark-agent-orders
                    .client=${client}
                    .customerFacing=${this._customerFacing}
                  ></resmark-agent-orders>`,
              )
            : nothing
        }
      </section>`;
  }

  #tab(view: View, label: string) {
    const selected = this._view === view;
    return html`<button
      type="button"
      role="tab"
      id=${`tab-${view}`}
      aria-controls=${`panel-${view}`}
      aria-selected=${selected}
      tabindex=${selected ? 0 : -1}
      @click=${() => (this._view = view)}
    >
      ${label}
    </button>`;
  }

  /** Arrow keys, Home and End move between the tabs (WAI-ARIA tabs, automatic activation). */
  async #tabKey(event: KeyboardEvent) {
    const views: View[] = ['book', 'orders'];
    const at = views.indexOf(this._view);
    const next =
      event.key === 'ArrowRight'
        ? views[(at + 1) % views.length]
        : event.key === 'ArrowLeft'
          ? views[(at + views.length - 1) % views.length]
          : event.key === 'Home'
            ? views[0]
            : event.key === 'End'
              ? views.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    this._view = next;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  }

  #renderBook(client: ResmarkClient) {
    if (this._managing)
      return html`<div class="row">
          <h2>${text.manageSuppliers}</h2>
          <button type="button" @click=${() => (this._managing = false)}>
            ${text.doneManaging}
          </button>
        </div>
        ${this.#lazy(
          'manager',
          () =>
            html`<resmark-supplier-manager
              .suppliers=${this._suppliers}
              .known=${this._bookable.status === 'ready' ? [...this._bookable.entityIds] : []}
              @resmark-suppliers-change=${this.#saveSuppliers}
            ></resmark-supplier-manager>`,
        )}`;
    const chosen = this._chosen;
    if (chosen)
      return html`<div class="row">
          <h2 id="booking-heading" tabindex="-1">${text.booking(chosen.name)}</h2>
          <button type="button" @click=${this.#unchoose}>${text.change}</button>
        </div>
        ${this.#lazy(
          'booking',
          () =>
            html`<resmark-agent-booking
              .client=${client}
              .supplierId=${chosen.entityId}
              .cartId=${this._cartId}
              .products=${this._bookable.status === 'ready' ? this._bookable.products : undefined}
              .carts=${this.#carts}
              .favourites=${this._favourites}
              .customerFacing=${this._customerFacing}
              @resmark-favourites-change=${this.#saveFavourites}
              @resmark-order-show=${this.#showOrder}
            ></resmark-agent-booking>`,
        )}`;
    return this.#renderChooser();
  }

  #renderChooser() {
    const bookable = this._bookable;
    if (bookable.status === 'loading') return html`<p role="status">${text.loadingSuppliers}</p>`;
    if (bookable.status === 'failed')
      return html`<div role="alert" class="row">
        <p class="error">${bookable.message}</p>
        <button type="button" @click=${() => void this.#loadBookable(this._signedIn!.client)}>
          ${text.retry}
        </button>
      </div>`;
    const listed = this.#listed;
    // The site being browsed names its supplier first (patterns from the agent's settings).
    const offered = this._tabUrl ? supplierForUrl(this._tabUrl, listed) : undefined;
    return html`<h2>${text.chooseSupplier}</h2>
      <resmark-supplier-picker
        part="picker"
        .suppliers=${listed}
        .offered=${offered?.entityId}
        @resmark-supplier-select=${(e: CustomEvent<{ supplier: ListedSupplier }>) =>
          void this.#choose(e.detail.supplier)}
      ></resmark-supplier-picker>
      ${
        this._customerFacing
          ? nothing
          : html`<button type="button" part="manage" @click=${() => (this._managing = true)}>
                ${text.manageSuppliers}
              </button>
              <details
                part="open-carts"
                @toggle=${(e: Event) => (this._cartsOpen = (e.target as HTMLDetailsElement).open)}
              >
                <summary>${text.openCarts}</summary>
                ${
                  // Asked for only when the agent looks: GET /cart is not needed to book.
                  this._cartsOpen
                    ? this.#lazy(
                        'carts',
                        () =>
                          html`<resmark-open-carts
                            .client=${this._signedIn?.client}
                            .names=${Object.fromEntries(listed.map((s) => [s.entityId, s.name]))}
                            @resmark-cart-resume=${(e: CustomEvent<CartResume>) =>
                              void this.#resume(e.detail)}
                          ></resmark-open-carts>`,
                      )
                    : nothing
                }
              </details>`
      }`;
  }

  /** Each supplier's open cart, kept in `local:` storage across panel closes and restarts. */
  readonly #carts: CartStore = {
    read: async (supplierId) => (await openCarts.getValue())[supplierId]?.snapshot,
    write: async (supplierId, snapshot) => {
      const kept = { ...(await openCarts.getValue()) };
      if (snapshot) kept[supplierId] = { snapshot, savedAt: Date.now() };
      else delete kept[supplierId];
      await openCarts.setValue(kept);
    },
  };

  async #resume({ cartId, supplierId }: CartResume) {
    const supplier =
      this.#listed.find((s) => s.entityId === supplierId) ??
      mergeSuppliers([{ entityId: supplierId }], [])[0]!;
    this._cartId = cartId;
    await this.#choose(supplier);
  }

  #unchoose() {
    this._chosen = this._cartId = undefined;
  }

  /** The view's template once its module is loaded; until then, a loading line, and the load. */
  #lazy(view: LazyView, template: () => TemplateResult): TemplateResult {
    if (this.#loaded.has(view)) return template();
    void this.#load(view);
    return this._viewFailed === view
      ? html`<div role="alert" class="row">
          <p class="error">${text.viewFailed}</p>
          <button type="button" @click=${() => this.#retryView(view)}>${text.retry}</button>
        </div>`
      : html`<p role="status">${text.loading}</p>`;
  }

  /** Loads a view's module once (a failed load may be tried again). */
  #load(view: LazyView): Promise<void> {
    let loading = this.#loadingViews.get(view);
    if (!loading) {
      loading = VIEWS[view]().then(
        () => {
          this.#loaded.add(view);
          this.requestUpdate();
        },
        () => {
          this.#loadingViews.delete(view);
          this._viewFailed = view;
        },
      );
      this.#loadingViews.set(view, loading);
    }
    return loading;
  }

  #retryView(view: LazyView) {
    this._viewFailed = undefined;
    void this.#load(view);
  }

  #saveFavourites(event: CustomEvent<FavouritesChange>) {
    this._favourites = event.detail.favourites;
    void storedFavourites.setValue(event.detail.favourites);
  }

  /** "Open the order" after a booking: the Orders view shows it, from the answer already here. */
  async #showOrder(event: CustomEvent<OrderShow>) {
    this._view = 'orders';
    await this.#load('orders');
    await this.updateComplete;
    const orders = this.renderRoot.querySelector('resmark-agent-orders');
    orders?.showOrder(event.detail.order);
  }

  async #choose(supplier: ListedSupplier) {
    this._chosen = supplier;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#booking-heading')?.focus();
  }

  #saveSuppliers(event: CustomEvent<{ suppliers: Supplier[] }>) {
    this._suppliers = event.detail.suppliers;
    void storedSuppliers.setValue(event.detail.suppliers);
  }

  async #signOut() {
    await this.agent.signOut();
    this.#forget();
  }

  /** Signed out (here or on the settings page): nothing of the agent stays on screen. */
  #forget() {
    this.#stopPermission?.();
    this.#loading?.abort();
    this._signedIn = undefined;
    this._chosen = this._cartId = undefined;
    this._favourites = [];
    this._managing = false;
    this._customerFacing = false;
    this._suppliers = [];
    this._settings = settings.fallback;
    // The username too: the next agent at this desk starts blank.
    this._signIn = { username: '', environment: settings.fallback.environment };
    this._phase = 'signed-out';
  }
}

void (
  customElements.get('resmark-agent-panel') ??
  customElements.define('resmark-agent-panel', ResmarkAgentPanel)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-panel': ResmarkAgentPanel;
  }
}
