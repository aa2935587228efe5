import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Order } from '../../shared/order.js';
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
 * The booking is made (step 10): its confirmation number, what was booked (with each pickup's time
 * and place) and what was paid or is still to pay, all from the order the API returned. Focus
 * moves to the heading, so a screen reader says it.
 * @tag resmark-confirmation
 * @summary "Booking confirmed", with the confirmation number, items and total.
 * @fires resmark-booking-restart - The shopper chose "Book something else".
 * @csspart heading - The "Booking confirmed" heading.
 * @csspart number - The confirmation number.
 * @csspart items - The list of booked items.
 * @csspart item - One booked item.
 * @csspart pickup - An item's pickup: its time and place.
 * @csspart totals - The subtotal and discount (with a promo code), amount paid and total.
 * @csspart payment-note - With `payment="on-arrival"`: that the total is paid on arrival.
 * @csspart restart - The "Book something else" button.
 * @cssprop --resmark-color-success - The heading.
 */
export class ResmarkConfirmation extends LitElement {
  static override properties = {
    order: { attribute: false },
    pickups: { attribute: false },
    payment: {},
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    lineStyles,
    css`
      :host {
        display: grid;
        gap: var(--_space);
      }
      h2 {
        color: var(--_success);
      }
      [part='number'] {
        display: block;
        font-size: 1.75em;
        font-weight: 700;
        letter-spacing: 0.05em;
      }
      button {
        justify-self: start;
      }
    `,
  ];

  /** The order the API returned. */
  declare order: Order | undefined;
  /** The pickup zones of the order's products, by product number, to name each pickup. */
  declare pickups: PickupsByProduct | undefined;
  /**
   * How the shopper pays, when the host knows: `on-arrival` (the proxy's pay-on-arrival policy)
   * says the total is still to pay, whatever the API records as paid (orders made through the API
   * are recorded as paid by an external source).
   */
  declare payment: 'on-arrival' | undefined;
  /** BCP 47 tag for money, dates and times; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for an order that names none. */
  declare currency: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.currency = 'USD';
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('order')) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const { order, locale } = this;
    if (!order) return nothing;
    const currency = order.currency || this.currency;
    const onArrival = this.payment === 'on-arrival';
    // An answer without amountPaid says nothing of payment: the total is just the total.
    const paid = order.amountPaid;
    const owed = !onArrival && paid !== undefined && paid < order.total;
    return html`<h2 part="heading" tabindex="-1">${msg('Booking confirmed')}</h2>
      <p>${msg('Confirmation number')} <strong part="number">${order.confirmation}</strong></p>
      <ul part="items">
        ${order.items.map((item) =>
          lineTemplate(
            item,
            when(item.date.startTime, item.date.endTime, locale),
            currency,
            locale,
            pickupTemplate(item, this.pickups),
          ),
        )}
      </ul>
      ${totalsTemplate(
        [
          // The lines show amounts before the discount; the subtotal makes the sum read right.
          [msg('Subtotal'), order.discount ? order.subtotal : null],
          [discountLabel(order.promoCode), order.discount ? -order.discount : null],
          [msg('Paid'), owed ? paid : null],
          [
            onArrival
              ? msg('Total to pay on arrival')
              : owed || paid === undefined
                ? msg('Total')
                : msg('Total paid'),
            order.total,
          ],
        ],
        currency,
        locale,
      )}
      ${
        onArrival
          ? html`<p part="payment-note">
              ${msg('Nothing has been charged: you pay when you arrive.')}
            </p>`
          : nothing
      }
      <button part="restart" @click=${() => fire(this, 'resmark-booking-restart', {})}>
        ${msg('Book something else')}
      </button>`;
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-confirmation') ??
  customElements.define('resmark-confirmation', ResmarkConfirmation)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-confirmation': ResmarkConfirmation;
  }
}
