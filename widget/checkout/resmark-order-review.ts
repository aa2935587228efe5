import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Cart } from '../../shared/cart.js';
import type { CustomerInput } from '../../shared/customer.js';
import { fire } from '../events.js';
import { base } from '../styles.js';
import type { PickupsByProduct } from './lines.js';
import './resmark-cart-summary.js';

/**
 * The last look before the order (step 10): the cart with its total, who it is for, and "Place order".
 * @tag resmark-order-review
 * @summary The cart, the customer and the total, with "Place order".
 * @fires resmark-order-place - The shopper placed the order (once until the host clears `placing`).
 * @csspart summary - The cart summary.
 * @csspart customer - The customer's name, email and phone.
 * @csspart payment-note - With `payment="on-arrival"`: that nothing is charged now.
 * @csspart place - The "Place order" button.
 * @csspart error - Why the last attempt failed.
 * @cssprop --resmark-color-accent - The "Place order" button.
 */
export class ResmarkOrderReview extends LitElement {
  static override properties = {
    cart: { attribute: false },
    customer: { attribute: false },
    pickups: { attribute: false },
    payment: {},
    placing: { type: Boolean },
    error: {},
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: var(--_space);
      }
    `,
  ];

  /** The cart as the API last answered it. */
  declare cart: Cart | undefined;
  /** Who the order is for (the cart's customer, or what the form sent). */
  declare customer: Partial<CustomerInput> | undefined;
  /** The pickup zones of the cart's products, by product number, to name each pickup. */
  declare pickups: PickupsByProduct | undefined;
  /**
   * How the shopper pays, when the host knows: `on-arrival` (the proxy's pay-on-arrival policy)
   * says before "Place order" that nothing is charged now.
   */
  declare payment: 'on-arrival' | undefined;
  /**
   * The order is being placed. The element sets it itself when pressed (so a double click is one
   * event); the host sets it back to false when the attempt failed.
   */
  declare placing: boolean;
  /** Why the last attempt failed, in words for the shopper. */
  declare error: string | undefined;
  /** BCP 47 tag for money, dates and times; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for a cart that names none. */
  declare currency: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.placing = false;
    this.currency = 'USD';
  }

  override render() {
    const { cart, locale, placing } = this;
    const who = this.customer ?? {};
    const name = [who.firstName, who.lastName].filter(Boolean).join(' ');
    const phone = who.phone ? `${who.dialCode ?? ''} ${who.phone}`.trim() : '';
    return html`<resmark-cart-summary
        part="summary"
        .cart=${cart}
        .pickups=${this.pickups}
        .locale=${locale}
        .currency=${this.currency}
      ></resmark-cart-summary>
      <div part="customer">
        <p><strong>${msg('Your details')}</strong></p>
        ${[name, who.email, phone].map((line) => (line ? html`<p>${line}</p>` : nothing))}
      </div>
      ${
        this.payment === 'on-arrival'
          ? html`<p part="payment-note">
              ${msg('You pay when you arrive: nothing is charged now.')}
            </p>`
          : nothing
      }
      <button
        part="place"
        class="primary"
        ?disabled=${!cart?.items.length}
        aria-disabled=${placing}
        aria-busy=${placing}
        @click=${this.#place}
      >
        ${placing ? msg('Placing your order…') : msg('Place order')}
      </button>
      ${
        // After the button: above it, the error would push the focused button off a phone's screen.
        this.error ? html`<p part="error" role="alert" class="error">${this.error}</p>` : nothing
      }`;
  }

  #place() {
    // A second click before the host re-renders must not make a second request.
    if (this.placing) return;
    this.placing = true;
    if (!fire(this, 'resmark-order-place', {})) this.placing = false;
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-order-review') ??
  customElements.define('resmark-order-review', ResmarkOrderReview)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-order-review': ResmarkOrderReview;
  }
}
