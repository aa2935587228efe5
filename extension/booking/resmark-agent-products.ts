import { LitElement, css, html, nothing } from 'lit';
import { formatDate, formatMoney, formatTime } from '../../shared/format.js';
import type { Product } from '../../shared/product.js';
import { fire } from '../../widget/events.js';
import { base } from '../../widget/styles.js';
import { stackedList } from '../styles.js';
import type { FromTomorrow } from './availability.js';

/** What the list knows of a product's days from tomorrow: read, being read, or unknown. */
export type ProductAvailability = FromTomorrow | 'loading' | 'failed';

/** `detail` of `resmark-favourites-change`: every favourite product id, in the agent's order. */
export interface FavouritesChange {
  favourites: string[];
}

/** Does `product` answer the agent's search (its number, or words of its name or code)? */
export function matchesSearch(product: Product, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [product.name, product.productCode ?? '', String(product.productNumber)]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The list's order: favourites first (in the agent's order), then by name. */
export function orderProducts(
  products: readonly Product[],
  favourites: readonly string[],
): Product[] {
  const rank = (product: Product) => {
    const at = favourites.indexOf(product.id);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return [...products].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/**
 * One supplier's products for an agent who books all day: a search by name or number that
 * filters as they type, favourites (starred, listed first, kept by the panel) and one compact row
 * per product with its number, from-price and what it has from tomorrow on (`availability`, which
 * the host reads). Enter in the search books the only match.
 * @tag resmark-agent-products
 * @summary A supplier's products, searchable, with favourites.
 * @fires resmark-product-select - The agent chose a product; `detail.product` is it.
 * @fires resmark-favourites-change - A product was starred or unstarred; `detail.favourites` is the new list.
 * @csspart search - The search field.
 * @csspart product - One product's row.
 * @csspart favourite - A product's star toggle.
 */
export class ResmarkAgentProducts extends LitElement {
  static override properties = {
    products: { attribute: false },
    favourites: { attribute: false },
    availability: { attribute: false },
    loading: { type: Boolean },
    error: {},
    locale: {},
    currency: {},
    _search: { state: true },
  };

  static override styles = [
    base,
    stackedList,
    css`
      :host {
        display: grid;
        gap: 0.75em;
      }
      label {
        display: grid;
        gap: 0.25em;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.25em 0.5em;
      }
      .choose {
        flex: 1;
        display: grid;
        justify-items: start;
        text-align: start;
        border: 0;
        background: none;
        padding: 0.25em 0;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.875em;
      }
      .when {
        font-size: 0.875em;
      }
      [part='favourite'] {
        min-width: 2.75em;
        font-size: 1.25em;
        line-height: 1;
      }
      [part='favourite'][aria-pressed='true'] {
        color: var(--_warning);
      }
    `,
  ];

  /** The supplier's products. */
  declare products: Product[];
  /** Ids of the agent's favourite products; they are listed first. */
  declare favourites: string[];
  /** What each product has from tomorrow on, by product id; products without an entry say nothing. */
  declare availability: Map<string, ProductAvailability>;
  /** The products are on their way. */
  declare loading: boolean;
  /** Why the products could not be loaded. */
  declare error: string | undefined;
  /** BCP 47 tag for prices; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for a product that names none. */
  declare currency: string;
  declare private _search: string;

  constructor() {
    super();
    this.products = [];
    this.favourites = [];
    this.availability = new Map();
    this.loading = false;
    this.currency = 'USD';
    this._search = '';
  }

  override render() {
    const shown = this.#shown();
    const count = this.loading
      ? 'Loading products…'
      : this._search
        ? `${shown.length} of ${this.products.length} products match`
        : '';
    return html`<label
        >Search products
        <input
          part="search"
          type="search"
          autocomplete="off"
          placeholder="Name or number"
          .value=${this._search}
          @input=${this.#handleSearch}
          @keydown=${this.#handleSearchKey}
      /></label>
      <p class="visually-hidden" role="status">${count}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        !this.loading && !this.error && !shown.length
          ? html`<p>
              ${
                this.products.length
                  ? `No product matches “${this._search}”.`
                  : 'This supplier has no products you can book.'
              }
            </p>`
          : nothing
      }
      <ul aria-label="Products">
        ${shown.map((product) => this.#row(product))}
      </ul>`;
  }

  #row(product: Product) {
    const favourite = this.favourites.includes(product.id);
    const price = Number(product.price);
    return html`<li part="product">
      <button class="choose" @click=${() => this.#choose(product)}>
        <strong>${product.name}</strong>
        <span class="meta"
          >#${product.productNumber}${
            Number.isFinite(price) && price > 0
              ? ` · from ${formatMoney(price, product.currency ?? this.currency, this.locale)}`
              : ''
          }</span
        >
        ${this.#availability(product)}
      </button>
      <button
        part="favourite"
        aria-pressed=${favourite ? 'true' : 'false'}
        aria-label=${`Favourite: ${product.name}`}
        @click=${() => this.#toggle(product)}
      >
        ${favourite ? '★' : '☆'}
      </button>
    </li>`;
  }

  #availability(product: Product) {
    const known = this.availability.get(product.id);
    if (!known || known === 'failed') return nothing;
    if (known === 'loading') return html`<span class="meta">Checking tomorrow…</span>`;
    const next = known.next ? ` · next ${formatDate(known.next, this.locale)}` : '';
    const text =
      known.passesLeft !== undefined
        ? known.passesLeft > 0
          ? `${known.passesLeft} left`
          : 'Sold out'
        : known.tomorrow.length
          ? `Tomorrow: ${known.tomorrow.map((time) => formatTime(time, this.locale)).join(', ')}`
          : `${known.soldOutTomorrow ? 'Tomorrow: sold out' : 'Nothing tomorrow'}${next}`;
    return html`<span class="when">${text}</span>`;
  }

  /** The products that answer the search, in the list's order. */
  #shown(): Product[] {
    return orderProducts(
      this.products.filter((product) => matchesSearch(product, this._search)),
      this.favourites,
    );
  }

  #handleSearch(event: Event) {
    this._search = (event.target as HTMLInputElement).value;
  }

  // Enter books the one product left, the way an agent who typed its number expects.
  #handleSearchKey(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    const shown = this.#shown();
    if (shown.length === 1) this.#choose(shown[0]!);
  }

  #choose(product: Product) {
    fire(this, 'resmark-product-select', { product });
  }

  #toggle(product: Product) {
    // User input: the one time the element sets its own public property.
    this.favourites = this.favourites.includes(product.id)
      ? this.favourites.filter((id) => id !== product.id)
      : [...this.favourites, product.id];
    this.dispatchEvent(
      new CustomEvent<FavouritesChange>('resmark-favourites-change', {
        detail: { favourites: this.favourites },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

void (
  customElements.get('resmark-agent-products') ??
  customElements.define('resmark-agent-products', ResmarkAgentProducts)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-products': ResmarkAgentProducts;
  }
  interface HTMLElementEventMap {
    'resmark-favourites-change': CustomEvent<FavouritesChange>;
  }
}
