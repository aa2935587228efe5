import { LitElement, css, html, nothing } from 'lit';
import type { Cart } from '../../shared/cart.js';
import type { ResmarkClient } from '../../shared/client.js';
import { formatMoney } from '../../shared/format.js';
import { shopperMessage } from '../../widget/shopper-message.js';
import { base } from '../../widget/styles.js';
import { stackedList } from '../styles.js';

/** `detail` of `resmark-cart-resume`: the cart to open, and its supplier. */
export interface CartResume {
  cartId: string;
  supplierId: string;
}

/**
 * The agent's open carts (`GET /cart`: every cart of their agency that holds items), newest
 * first, with when each was made, its supplier, its total and whether its seats are still held: to
 * resume one or delete it (its seats go back on sale).
 * @tag resmark-open-carts
 * @summary The agent's open carts, to resume or delete.
 * @fires resmark-cart-resume - The agent chose a cart to carry on with; `detail.cartId`, `detail.supplierId`.
 * @csspart cart - One cart's row.
 */
export class ResmarkOpenCarts extends LitElement {
  static override properties = {
    client: { attribute: false },
    names: { attribute: false },
    now: { attribute: false },
    locale: {},
    _carts: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _confirming: { state: true },
    _status: { state: true },
  };

  static override styles = [
    base,
    stackedList,
    css`
      :host {
        display: grid;
        gap: 0.75em;
      }
      li {
        display: grid;
        gap: 0.25em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.5em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.875em;
      }
      button.danger {
        border-color: var(--_danger);
        color: var(--_danger);
      }
    `,
  ];

  /** The agent's client. */
  declare client: Pick<ResmarkClient, 'cart'> | undefined;
  /** Supplier names by entity id, as the agent named them. */
  declare names: Record<string, string>;
  /** The clock (epoch ms) that says whether a hold lasts; injectable for tests. */
  declare now: () => number;
  /** BCP 47 tag for money and dates; the browser's when unset. */
  declare locale: string | undefined;
  declare private _carts: Cart[] | undefined;
  declare private _loading: boolean;
  declare private _error: string | undefined;
  declare private _confirming: string | undefined;
  declare private _status: string;

  constructor() {
    super();
    this.names = {};
    this.now = Date.now;
    this._loading = false;
    this._status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Reads the open carts again. */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this._loading = true;
    this._error = undefined;
    try {
      // One page of the newest is what an agent works through; older carts have long lapsed.
      const carts = await client.cart.list({ limit: 100 });
      this._carts = carts
        .filter((cart) => cart.items.length)
        .sort((a, b) => b.createdDate.localeCompare(a.createdDate));
    } catch (error) {
      this._error = `Open carts could not be loaded. ${shopperMessage(error)}`;
    } finally {
      this._loading = false;
    }
  }

  override render() {
    const carts = this._carts;
    return html`<div class="actions">
        <button @click=${() => this.refresh()} aria-disabled=${this._loading}>Refresh</button>
      </div>
      <p role="status" class=${this._status ? '' : 'visually-hidden'}>
        ${this._loading ? 'Loading open carts…' : this._status}
      </p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${carts && !carts.length ? html`<p>No open carts.</p>` : nothing}
      ${
        carts?.length
          ? html`<ul aria-label="Open carts">
              ${carts.map((cart) => this.#row(cart))}
            </ul>`
          : nothing
      }`;
  }

  #row(cart: Cart) {
    const supplierId = cart.supplierId ?? cart.entityId;
    const supplier = this.names[supplierId] ?? `Supplier …${supplierId.slice(-4)}`;
    const held = cart.expDateTime ? cart.expDateTime - this.now() : 0;
    const created = new Date(cart.createdDate).toLocaleString(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const label = `${supplier}, ${created}`;
    return html`<li part="cart">
      <strong>${supplier}</strong>
      <span class="meta"
        >Created ${created} · ${cart.items.length} ${cart.items.length === 1 ? 'item' : 'items'} ·
        ${formatMoney(cart.total, cart.currency ?? 'USD', this.locale)} ·
        ${held > 0 ? `held for ${Math.ceil(held / 60_000)} more min` : 'hold lapsed'}</span
      >
      <div class="actions">
        ${
          this._confirming === cart.id
            ? html`<span>Delete this cart? Its seats go back on sale.</span>
                <button
                  class="danger"
                  aria-label=${`Delete cart: ${label}`}
                  @click=${() => this.#delete(cart)}
                >
                  Delete cart
                </button>
                <button @click=${() => this.#ask(undefined)}>Keep</button>`
            : html`<button
                  class="primary"
                  aria-label=${`Resume: ${label}`}
                  @click=${() => this.#resume(cart, supplierId)}
                >
                  Resume
                </button>
                <button aria-label=${`Delete: ${label}`} @click=${() => this.#ask(cart.id)}>
                  Delete
                </button>`
        }
      </div>
    </li>`;
  }

  async #ask(cartId: string | undefined) {
    this._confirming = cartId;
    await this.updateComplete;
    // The row's buttons were replaced: keep the keyboard where it was.
    this.renderRoot
      .querySelector<HTMLButtonElement>(cartId ? 'button.danger' : 'li button.primary')
      ?.focus();
  }

  #resume(cart: Cart, supplierId: string) {
    this.dispatchEvent(
      new CustomEvent<CartResume>('resmark-cart-resume', {
        detail: { cartId: cart.id, supplierId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  async #delete(cart: Cart) {
    const client = this.client;
    if (!client) return;
    try {
      await client.cart.delete(cart.id);
      // The answer says it is gone; no need to read the list again.
      this._carts = this._carts?.filter((entry) => entry.id !== cart.id);
      this._confirming = undefined;
      this._status = 'Cart deleted; its seats are back on sale.';
    } catch (error) {
      this._error = `The cart could not be deleted. ${shopperMessage(error)}`;
    }
  }
}

void (
  customElements.get('resmark-open-carts') ??
  customElements.define('resmark-open-carts', ResmarkOpenCarts)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-open-carts': ResmarkOpenCarts;
  }
  interface HTMLElementEventMap {
    'resmark-cart-resume': CustomEvent<CartResume>;
  }
}
