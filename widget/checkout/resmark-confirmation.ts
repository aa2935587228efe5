import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Order } from '../../shared/order.js';
import { clockTime } from '../booking/booking-helpers.js';
import { fire } from '../events.js';
import { getLocale } from '../localize.js';
import { calendarFile, printPage } from './booking-files.js';
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
 * and place) and what was paid or is still to pay, all from the order the API returned; whether a
 * confirmation e-mail is sent (the order's notification settings), an add-to-calendar file and a
 * printable summary. Focus moves to the heading, so a screen reader says it.
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
 * @csspart email-note - Whether a confirmation e-mail is sent, and to which address.
 * @csspart calendar - The "Add to calendar" link (an .ics file), when an item has a date.
 * @csspart print - The "Printable summary" link (a page of its own, opened in a new tab).
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
      .files {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em var(--_space);
      }
      .files a {
        display: inline-block;
        min-height: 24px;
        padding-block: 0.25em;
        color: var(--_accent);
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

  #urls: string[] = [];

  override updated(changed: Map<string, unknown>) {
    if (changed.has('order')) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.#files();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#revoke();
  }

  #revoke() {
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls = [];
  }

  // The files are made from what is on screen (pickups named, times in the shopper's language),
  // after each render, so they always say what the confirmation says.
  #files() {
    this.#revoke();
    const order = this.order;
    if (!order) return;
    const url = (text: string, type: string) => {
      const made = URL.createObjectURL(new Blob([text], { type }));
      this.#urls.push(made);
      return made;
    };
    const calendar = this.renderRoot.querySelector<HTMLAnchorElement>('[part=calendar]');
    const lines = [...this.renderRoot.querySelectorAll('[part=item]')].map((item) =>
      [...item.querySelectorAll('p')]
        .slice(1)
        .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    const ics = calendarFile(order, lines);
    if (calendar && ics) calendar.href = url(ics, 'text/calendar');
    const print = this.renderRoot.querySelector<HTMLAnchorElement>('[part=print]');
    const shown = [...this.renderRoot.querySelectorAll('[data-print], [part=totals]')]
      .map((node) => node.outerHTML)
      .join('');
    const title = `${msg('Booking confirmed')} ${order.confirmation}`;
    if (print) print.href = url(printPage(title, shown, getLocale()), 'text/html');
  }

  override render() {
    const { order, locale } = this;
    if (!order) return nothing;
    const currency = order.currency || this.currency;
    const onArrival = this.payment === 'on-arrival';
    // An answer without amountPaid says nothing of payment: the total is just the total.
    const paid = order.amountPaid;
    const owed = !onArrival && paid !== undefined && paid < order.total;
    // Resmark e-mails the customer unless the order was placed without it; an answer that does
    // not say is the default, which sends it (docs/wire.md, POST /order).
    const flags = order as { disableConfirmationEmail?: unknown; disableNotification?: unknown };
    const emailed = flags.disableConfirmationEmail !== true && flags.disableNotification !== true;
    const email = order.customer?.email;
    const dated = order.items.some((item) => item.date.startTime);
    return html`<h2 part="heading" tabindex="-1" data-print>${msg('Booking confirmed')}</h2>
      <p data-print>
        ${msg('Confirmation number')} <strong part="number">${order.confirmation}</strong>
      </p>
      <p part="email-note" data-print>
        ${
          !emailed
            ? msg('No confirmation e-mail is sent for this booking: keep this number.')
            : email
              ? msg(str`A confirmation e-mail is on its way to ${email}.`)
              : msg('A confirmation e-mail is on its way.')
        }
      </p>
      <ul part="items" data-print>
        ${order.items.map((item) =>
          lineTemplate(
            item,
            when(item.date.startTime, item.date.endTime, locale),
            currency,
            locale,
            pickupTemplate(item, this.pickups, (time) => clockTime(time, this.locale)),
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
          ? html`<p part="payment-note" data-print>
              ${msg('Nothing has been charged: you pay when you arrive.')}
            </p>`
          : nothing
      }
      <p class="files">
        ${
          dated
            ? html`<a part="calendar" href="#" download="booking-${order.confirmation}.ics"
                >${msg('Add to calendar')}</a
              >`
            : nothing
        }
        <a part="print" href="#" target="_blank" rel="noopener">${msg('Printable summary')}</a>
      </p>
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
