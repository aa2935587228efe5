import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Cart, CartItem } from '../../shared/cart.js';
import { clockTime } from '../booking/booking-helpers.js';
import { fire } from '../events.js';
import { base } from '../styles.js';
import {
  counts,
  discountLabel,
  lineStyles,
  lineTemplate,
  unitPrices,
  pickupTemplate,
  tierName,
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
 * @fires resmark-item-change - The shopper changed an item's quantities; `detail.itemId`, `detail.participants` (every tier's new count).
 * @csspart quantities - An item's quantities, each with one fewer / one more buttons, when `adjustable`.
 * @csspart decrease - The "one fewer" button of a tier.
 * @csspart increase - The "one more" button of a tier.
 * @csspart items - The list of items.
 * @csspart item - One item.
 * @csspart product - An item's product name.
 * @csspart item-total - An item's total.
 * @csspart prices - What one person (or unit) of each tier costs: "Adult: $89.00 · Child: $59.00".
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
    adjustable: { type: Boolean },
    busy: { type: Boolean },
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
      [part='quantities'] {
        display: grid;
        gap: 0.25em;
      }
      .tier {
        display: flex;
        align-items: center;
        gap: 0.5em;
      }
      .tier span {
        flex: 1;
      }
      .tier output {
        min-width: 2ch;
        text-align: center;
        font-weight: 600;
      }
      .tier button {
        min-width: 2.75em;
        padding: 0;
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
  /**
   * Also show each item's quantities with one fewer / one more buttons (the host then handles
   * `resmark-item-change`, e.g. with `BookingFlow.change`).
   */
  declare adjustable: boolean;
  /** The cart is being changed: presses wait (the buttons keep their focus). */
  declare busy: boolean;
  /** BCP 47 tag for money, dates and times; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for a cart that names none. */
  declare currency: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.editable = false;
    this.adjustable = false;
    this.busy = false;
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
            html`${this.#prices(item, currency)}
            ${pickupTemplate(item, this.pickups, (time) => clockTime(time, this.locale))}
            ${this.editable && this.adjustable ? this.#quantities(item, time) : nothing}
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

  #prices(item: CartItem, currency: string) {
    const prices = unitPrices(item, currency, this.locale);
    return prices ? html`<p part="prices" class="muted">${prices}</p>` : nothing;
  }

  /**
   * A stepper per tier of the item's counts. Adding the same slot again replaces its
   * participants (docs/wire.md, Carts), so a change sends every tier's new count.
   */
  #quantities(item: CartItem, time: string) {
    const counted = counts(item);
    const name = time ? `${item.productName}, ${time}` : item.productName;
    return html`<div part="quantities" role="group" aria-label=${msg(str`Quantities: ${name}`)}>
      ${Object.entries(counted).map(([tier, n]) => {
        const label = tierName(item, tier);
        return html`<div class="tier">
          <span>${label}</span>
          <button
            part="decrease"
            aria-label=${msg(str`One fewer: ${label}`)}
            aria-disabled=${this.busy}
            ?disabled=${n === 0}
            @click=${() => this.#change(item, counted, tier, n - 1)}
          >
            −
          </button>
          <output aria-live="polite">${n}</output>
          <button
            part="increase"
            aria-label=${msg(str`One more: ${label}`)}
            aria-disabled=${this.busy}
            @click=${() => this.#change(item, counted, tier, n + 1)}
          >
            +
          </button>
        </div>`;
      })}
    </div>`;
  }

  #change(item: CartItem, counts: Record<string, number>, tier: string, n: number) {
    if (this.busy) return;
    const participants = { ...counts, [tier]: n };
    // Nobody left on the line: that is removing it, not a booking for no one.
    if (Object.values(participants).every((count) => count === 0))
      return this.#remove(item.itemId, this.cart?.items.indexOf(item) ?? 0);
    fire(this, 'resmark-item-change', { itemId: item.itemId, participants });
  }

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
