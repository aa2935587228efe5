import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { formatMoney } from '../../shared/format.js';
import type { Product } from '../../shared/product.js';
import { fire } from '../events.js';
import { sanitize } from '../sanitize.js';
import { base } from '../styles.js';

/**
 * The products a shopper can book (step 1): image, name, short description, highlights, the
 * operator's price and a "Book" button each (none with `browse-only`, while online booking is closed).
 * @tag resmark-product-list
 * @summary The bookable products, one card each.
 * @fires resmark-product-select - The shopper pressed a product's "Book"; `detail.product` is it.
 * @fires resmark-products-retry - The products could not be fetched and the shopper pressed "Try again".
 * @csspart list - The list of cards.
 * @csspart product - One product's card.
 * @csspart image - A product's image.
 * @csspart price - A product's price, as the operator gives it (not a lowest price).
 * @csspart book - A product's "Book" button.
 * @csspart retry - "Try again", beside why the products could not be fetched.
 * @cssprop --resmark-color-subtle - Background of the loading skeletons.
 */
export class ResmarkProductList extends LitElement {
  static override properties = {
    products: { attribute: false },
    loading: { type: Boolean },
    browseOnly: { type: Boolean, attribute: 'browse-only' },
    availability: { attribute: false },
    error: {},
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    css`
      .cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
      }
      .card {
        display: flex;
        flex-direction: column;
        gap: 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_surface);
      }
      img,
      .skeleton {
        width: 100%;
        aspect-ratio: 3 / 2;
        object-fit: cover;
        border-radius: var(--_radius);
        background: var(--_subtle);
      }
      /* A broken image keeps its box, without the alt text spilling over it (the alt stays for
         screen readers). */
      .failed {
        content: linear-gradient(transparent, transparent);
        color: transparent;
      }
      .highlights ul {
        margin: 0;
        padding-inline-start: 1.25em;
        list-style: disc;
      }
      .failed-list {
        display: grid;
        gap: 0.5em;
        justify-items: start;
      }
      .price {
        font-weight: 600;
        margin-top: auto;
      }
    `,
  ];

  /** The products to offer, in order. */
  declare products: Product[];
  /** The products are being fetched: show skeletons. */
  declare loading: boolean;
  /** Shows the products without their "Book" buttons: nothing can be booked right now. */
  declare browseOnly: boolean;
  /**
   * What is known of a product's availability, by product id (from the booker's
   * `resmark-availability-change`): its lowest real price, or that it is sold out.
   */
  declare availability: ReadonlyMap<string, { soldOut: boolean; from?: number }>;
  /** Why the products could not be fetched (the host fires `resmark-error`). */
  declare error: string | undefined;
  /** BCP 47 tag for money; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for a product that names none. */
  declare currency: string;

  // One fragment per product: Lit keeps a node that is the same object, and rebuilding on every
  // render would cost a parse each time.
  #highlights = new WeakMap<Product, DocumentFragment>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.products = [];
    this.loading = false;
    this.browseOnly = false;
    this.availability = new Map();
    this.currency = 'USD';
  }

  override render() {
    const empty = !this.loading && !this.error && this.products.length === 0;
    // One live region that is always there: a region created with its text is often not read.
    return html`<p role="status" class=${this.loading ? 'visually-hidden' : ''}>
        ${this.loading ? msg('Loading tours…') : empty ? msg('No tours to book right now') : ''}
      </p>
      ${
        // One way forward: without it a failed list is a dead end until the page is reloaded.
        this.error
          ? html`<div class="failed-list">
              <p class="error" role="alert">${this.error}</p>
              <button part="retry" class="primary" @click=${this.#retry}>
                ${msg('Try again')}
              </button>
            </div>`
          : nothing
      }
      <ul part="list" class="cards" aria-busy=${this.loading ? 'true' : 'false'}>
        ${
          this.loading
            ? [0, 1].map(
                () => html`<li class="card" aria-hidden="true"><div class="skeleton"></div></li>`,
              )
            : this.error
              ? nothing
              : this.products.map((product) => this.#card(product))
        }
      </ul>`;
  }

  #card(product: Product) {
    const image = product.images[0];
    // The marketing price is the operator's, a string: not a lowest price (a child's may be
    // lower), so it is never called "From", the word kept for the lowest of a slot's real prices
    // (issue 11, item 5: a card's "From $89" beside its slots' "From $59").
    // Once the shopper has looked at a product, its card says what its inventory said: the
    // lowest real price as "From", or that it is sold out (issue 11, items 5 and 10).
    const known = this.availability.get(product.id);
    const money = (amount: number) =>
      formatMoney(amount, product.currency ?? this.currency, this.locale);
    const price = known?.soldOut
      ? msg('Sold out')
      : known?.from !== undefined
        ? msg(str`From ${money(known.from)}`)
        : /^\d+(\.\d+)?$/.test(product.price.trim())
          ? money(Number(product.price))
          : product.price;
    let highlights = this.#highlights.get(product);
    if (!highlights) this.#highlights.set(product, (highlights = sanitize(product.highlights)));
    return html`<li part="product" class="card">
      ${
        image
          ? html`<img
              part="image"
              src=${image.small}
              alt=${image.alt ?? ''}
              loading="lazy"
              @error=${this.#imageSettled}
              @load=${this.#imageSettled}
            />`
          : nothing
      }
      <h3>${product.name}</h3>
      <p>${product.shortDescription}</p>
      <div class="highlights">${highlights}</div>
      ${price ? html`<p class="price" part="price">${price}</p>` : nothing}
      ${this.browseOnly ? nothing : this.#book(product)}
    </li>`;
  }

  #book(product: Product) {
    return html`<button
      class="primary"
      part="book"
      @click=${() => fire(this, 'resmark-product-select', { product })}
    >
      ${msg('Book')}<span class="visually-hidden"> ${product.name}</span>
    </button>`;
  }

  #retry() {
    fire(this, 'resmark-products-retry', {});
  }

  // Load as well as error: Lit reuses the <img> for the next product list.
  #imageSettled(event: Event) {
    (event.target as HTMLElement).classList.toggle('failed', event.type === 'error');
  }
}

// Twice-loaded scripts (a page with both builds) must not throw on the second define.
if (!customElements.get('resmark-product-list'))
  customElements.define('resmark-product-list', ResmarkProductList);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-product-list': ResmarkProductList;
  }
}
