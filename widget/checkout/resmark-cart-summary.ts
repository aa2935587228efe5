import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Cart } from '../../shared/cart.js';
import { fire } from '../events.js';
import { base } from '../styles.js';
import {
  discountLabel,
  lineStyles,
  lineTemplate,
  pickupTemplate,
  totalsTemplate,
  when,
  type PickupsByProduct,
} from './lines.js';

/**
 * The cart: each time slot with its people, pickup and total, and the cart's subtotal, discount and
 * total. Every amount is the API's: nothing is added up here, so a promo or a fee can never disagree.
 * @tag resmark-cart-summary
 * @summary The cart's items and totals, with a remove button per item when editable.
 * @fires resmark-item-remove - The shopper asked to remove an item; `detail.itemId` names it.
 * @csspart items - The list of items.
 * @csspart item - One item.
 * @csspart product - An item's product name.
 * @csspart item-total - An item's total.
 * @csspart pickup - An item's pickup: its time and place.
 * @csspart remove - An item's remove button.
 * @csspart totals - The subtotal, discount and total.
 * @csspart empty - The empty-cart message.
 * @cssprop --resmark-color-border - The lines between items.
 */
export class ResmarkCartSummary extends LitElement {
  static override properties = {
    cart: { attribute: false },
    pickups: { attribute: false },
    editable: { type: Boolean },
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    lineStyles,
    css`
      [part='remove'] {
        justify-self: start;
      }
    `,
  ];

  /** The cart as the API last answered it. */
  declare cart: Cart | undefined;
  /**
   * The pickup zones of the cart's products, by product number, to name each pickup's time and
   * place; without them an item with a pickup says "Pickup included".
   */
  declare pickups: PickupsByProduct | undefined;
  /** Show a remove button per item. */
  declare editable: boolean;
  /** BCP 47 tag for money, dates and times; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for a cart that names none. */
  declare currency: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.editable = false;
    this.currency = 'USD';
  }

  override render() {
    const cart = this.cart;
    if (!cart?.items.length)
      return html`<p part="empty" tabindex="-1">${msg('Your cart is empty')}</p>`;
    const { locale } = this;
    const currency = cart.currency || this.currency;
    return html`<ul part="items">
        ${cart.items.map((item, index) => {
          const time = when(item.startTime, item.endTime, locale);
          return lineTemplate(
            item,
            time,
            currency,
            locale,
            html`${pickupTemplate(item, this.pickups)}
            ${
              this.editable
                ? html`<button
                    part="remove"
                    aria-label=${
                      time
                        ? msg(str`Remove ${item.productName}, ${time}`)
                        : msg(str`Remove ${item.productName}`)
                    }
                    @click=${() => this.#remove(item.itemId, index)}
                  >
                    ${msg('Remove')}
                  </button>`
                : nothing
            }`,
          );
        })}
      </ul>
      ${totalsTemplate(
        [
          [msg('Subtotal'), cart.subtotal],
          [
            discountLabel(cart.promoCode),
            cart.discount || cart.promoCode ? -(cart.discount ?? 0) : null,
          ],
          [msg('Total'), cart.total],
        ],
        currency,
        locale,
      )}`;
  }

  override updated(changed: Map<string, unknown>) {
    // The pressed button is gone with its item: keep focus in the cart, not on the page's body.
    if (changed.has('cart') && this.#focusAt !== undefined) {
      const root = this.renderRoot;
      const buttons = root.querySelectorAll<HTMLElement>('[part=remove]');
      (
        buttons[Math.min(this.#focusAt, buttons.length - 1)] ??
        root.querySelector<HTMLElement>('[part=empty]')
      )?.focus();
      this.#focusAt = undefined;
    }
  }

  #focusAt: number | undefined;

  #remove(itemId: string, index: number) {
    this.#focusAt = index;
    fire(this, 'resmark-item-remove', { itemId });
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-cart-summary') ??
  customElements.define('resmark-cart-summary', ResmarkCartSummary)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-cart-summary': ResmarkCartSummary;
  }
}
