/**
 * The yardstick for the widget's start-up figure (bench/widget-startup.ts): the least a Lit element
 * can do to show the same product list. It fetches `GET {proxy}/product?productNumbers=…` with plain
 * `fetch` and renders each product's name and price on a button: no schemas, no session, no
 * localisation, no sanitising. It is bundled the way the widget is (esbuild, production
 * conditions, minified, IIFE) and, like the widget, fires `resmark-ready` once its list is on screen.
 */
import { LitElement, css, html } from 'lit';

/** The fields of a product (docs/wire.md, Products) the baseline shows. */
interface ListedProduct {
  id: string;
  name: string;
  price: string;
  currency?: string | null;
}

/**
 * A bare product list: one "name · price" button per product.
 * @tag bench-product-list
 * @fires resmark-ready - The buttons are on screen; `detail.products` is how many.
 * @csspart book - Each product's button.
 */
export class BenchProductList extends LitElement {
  static override properties = { proxy: {}, products: {}, _list: { state: true } };
  static override styles = css`
    ul {
      list-style: none;
      padding: 0;
    }
  `;

  /** Base URL of the checkout proxy. */
  declare proxy: string;
  /** Product numbers, comma-separated, as the proxy takes them. */
  declare products: string;
  declare private _list: ListedProduct[];

  constructor() {
    super();
    this.proxy = '';
    this.products = '';
    this._list = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const response = await fetch(`${this.proxy}/product?productNumbers=${this.products}`);
    this._list = ((await response.json()) as { data: ListedProduct[] }).data;
    await this.updateComplete;
    this.dispatchEvent(
      new CustomEvent('resmark-ready', {
        detail: { products: this._list.length },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    return html`<ul>
      ${this._list.map(
        (product) =>
          html`<li>
            <button part="book">
              ${product.name} ·
              ${new Intl.NumberFormat(undefined, {
                style: 'currency',
                currency: product.currency ?? 'USD',
              }).format(Number(product.price))}
            </button>
          </li>`,
      )}
    </ul>`;
  }
}

if (!customElements.get('bench-product-list'))
  customElements.define('bench-product-list', BenchProductList);

declare global {
  interface HTMLElementTagNameMap {
    'bench-product-list': BenchProductList;
  }
}
