import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { formatMoney, formatTime } from '../../shared/format.js';
import type { InventorySlot } from '../../shared/product.js';
import { fire } from '../events.js';
import { base } from '../styles.js';
import { FEW_LEFT, seatsLeft } from './booking-helpers.js';

/**
 * The time slots of one day, with the seats left and the lowest price. Toggle buttons
 * (`aria-pressed`): Tab moves between them, Enter or Space chooses. Sold-out slots are shown,
 * disabled.
 * @tag resmark-slot-picker
 * @summary The times of a day to choose from.
 * @fires resmark-slot-select - The shopper chose a slot; `detail.slot` is it.
 * @csspart slot - Each slot's button.
 * @cssprop --resmark-color-accent - The chosen slot's border.
 * @cssprop --resmark-color-warning - The "Only N left" text.
 */
export class ResmarkSlotPicker extends LitElement {
  static override properties = {
    slots: { attribute: false },
    selected: {},
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    css`
      div {
        display: grid;
        gap: 0.5em;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 11.5em), 1fr));
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        text-align: start;
      }
      [aria-pressed='true'] {
        border: 2px solid var(--_accent);
        background: var(--_subtle);
      }
      .time {
        font-weight: 600;
        /* "9:00 AM – 1:00 PM" on one line: a time split over two reads as two times. */
        white-space: nowrap;
      }
      .few {
        color: var(--_warning);
      }
    `,
  ];

  /** The slots to offer, earliest first. */
  declare slots: InventorySlot[];
  /** The chosen slot's `activityId`. */
  declare selected: string | undefined;
  /** BCP 47 tag for times and money; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code of the prices. */
  declare currency: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.slots = [];
    this.currency = 'USD';
  }

  override render() {
    if (this.slots.length === 0) return html`<p>${msg('No times on this day.')}</p>`;
    return html`<div role="group" aria-label=${msg('Times')}>
      ${this.slots.map((slot) => this.#slot(slot))}
    </div>`;
  }

  #slot(slot: InventorySlot) {
    const left = seatsLeft(slot);
    const prices = Object.values(slot.price);
    const lowest = formatMoney(Math.min(...prices), this.currency, this.locale);
    const time = slot.startTime
      ? [slot.startTime, slot.endTime]
          .filter((t): t is string => !!t)
          .map((t) => formatTime(t, this.locale))
          .join(' – ')
      : msg('Any time');
    return html`<button
      part="slot"
      aria-pressed=${String(slot.activityId === this.selected)}
      ?disabled=${left <= 0}
      @click=${() => this.#choose(slot)}
    >
      <span class="time">${time}</span>
      <span class=${left <= FEW_LEFT ? 'few' : 'muted'}
        >${
          left <= 0
            ? msg('Sold out')
            : left <= FEW_LEFT
              ? msg(str`Only ${left} left`)
              : msg(str`${left} seats left`)
        }</span
      >
      <span>${prices.length > 1 ? msg(str`From ${lowest}`) : lowest}</span>
    </button>`;
  }

  #choose(slot: InventorySlot) {
    this.selected = slot.activityId;
    fire(this, 'resmark-slot-select', { slot });
  }
}

if (!customElements.get('resmark-slot-picker'))
  customElements.define('resmark-slot-picker', ResmarkSlotPicker);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-slot-picker': ResmarkSlotPicker;
  }
}
