import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { formatMoney } from '../../shared/format.js';
import { fire } from '../events.js';
import { base } from '../styles.js';

/**
 * How many of each tier (Adult, Child, … or one `All` row named by the product's `quantityLabel`):
 * −/+ buttons and a number field per tier. The total never passes the seats left.
 * @tag resmark-tier-quantities
 * @summary Quantities per price tier.
 * @fires resmark-quantities-change - A quantity changed; `detail.participants` maps every tier to its count.
 * @csspart row - One tier's row.
 * @csspart input - A tier's number field.
 * @cssprop --resmark-color-danger - Errors at a field.
 */
export class ResmarkTierQuantities extends LitElement {
  static override properties = {
    prices: { attribute: false },
    seatsLeft: { type: Number, attribute: 'seats-left' },
    value: { attribute: false },
    label: {},
    errors: { attribute: false },
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    css`
      :host {
        /* On a desktop the steppers stay near their labels, not 700 px away (issue 11, item 11). */
        max-width: 28em;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      label {
        flex: 1 1 8em;
      }
      .controls {
        display: flex;
        gap: 0.25em;
      }
      .controls button {
        width: 2.75em;
        padding: 0;
      }
      input {
        width: 4em;
        text-align: center;
      }
      .row p {
        flex-basis: 100%;
      }
    `,
  ];

  /** Unit price by tier key, from the chosen slot. */
  declare prices: Record<string, number>;
  /** Seats (or units) left in the slot, all tiers together. */
  declare seatsLeft: number;
  /** Count by tier key. */
  declare value: Record<string, number>;
  /** The product's `quantityLabel` ("Guest"), the name of a single `All` tier. */
  declare label: string;
  /** Messages by field: `participants.<tier>` at that tier, `participants` for the whole choice. */
  declare errors: Record<string, string> | undefined;
  /** BCP 47 tag for money; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code of the prices. */
  declare currency: string;

  // A tier whose field holds something that is not a whole number: shown here, not fired.
  #invalid: Record<string, string> = {};

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.prices = {};
    this.seatsLeft = 0;
    this.value = {};
    this.label = '';
    this.currency = 'USD';
  }

  override render() {
    const total = Object.keys(this.prices).reduce((sum, tier) => sum + this.#count(tier), 0);
    const full = total >= this.seatsLeft;
    const whole = this.errors?.['participants'];
    const note =
      this.seatsLeft <= 0
        ? msg('Sold out')
        : full
          ? msg(str`Only ${this.seatsLeft} left at this time.`)
          : '';
    return html`<fieldset aria-describedby="note whole">
      <legend>${msg('How many?')}</legend>
      ${Object.entries(this.prices).map(([tier, price], i) => this.#row(tier, price, i, full))}
      <p id="note" role="status" class="muted">${note}</p>
      <p id="whole" role="alert" class="error">${whole ?? ''}</p>
    </fieldset>`;
  }

  #count = (tier: string) => this.value[tier] ?? 0;

  #row(tier: string, price: number, i: number, full: boolean) {
    const name = tier === 'All' && this.label ? this.label : tier;
    const count = this.#count(tier);
    const error = this.#invalid[tier] ?? this.errors?.[`participants.${tier}`];
    return html`<div class="row" part="row">
      <label for="q${i}"
        >${name} <span class="muted">${formatMoney(price, this.currency, this.locale)}</span></label
      >
      <div class="controls">
        <button
          aria-label=${msg(str`Remove one ${name}`)}
          ?disabled=${count <= 0}
          @click=${() => this.#set(tier, count - 1)}
        >
          −
        </button>
        <input
          id="q${i}"
          part="input"
          type="number"
          inputmode="numeric"
          min="0"
          step="1"
          .value=${String(count)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `e${i}` : nothing}
          @change=${(event: Event) => this.#typed(tier, event.target as HTMLInputElement)}
        />
        <button
          aria-label=${msg(str`Add one ${name}`)}
          ?disabled=${full}
          @click=${() => this.#set(tier, count + 1)}
        >
          +
        </button>
      </div>
      ${error ? html`<p id="e${i}" class="error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  #typed(tier: string, input: HTMLInputElement) {
    const text = input.value.trim();
    // type=number hands over "" for what it cannot parse ("2.5" parses, "abc" does not).
    if (!/^\d*$/.test(text) || (text === '' && input.validity.badInput)) {
      this.#invalid = { ...this.#invalid, [tier]: msg('Enter a whole number, 0 or more.') };
      this.requestUpdate();
    } else this.#set(tier, Number(text));
    // The field shows the count kept: a capped 9 reads 1. The binding cannot do it when the count
    // did not change (it compares with what it last wrote, not with what was typed), and lit's
    // live() for it would cost the whole flow 0.4 KiB.
    input.value = String(this.#count(tier));
  }

  #set(tier: string, wanted: number) {
    const others = Object.keys(this.prices).reduce(
      (sum, t) => (t === tier ? sum : sum + this.#count(t)),
      0,
    );
    // Never more than the seats left; the note says why the count stopped there.
    const count = Math.max(0, Math.min(wanted, this.seatsLeft - others));
    delete this.#invalid[tier];
    // Only this slot's tiers: a count left over from another slot's tier is not a choice.
    this.value = Object.fromEntries(
      Object.keys(this.prices).map((t) => [t, t === tier ? count : this.#count(t)]),
    );
    fire(this, 'resmark-quantities-change', { participants: { ...this.value } });
  }
}

if (!customElements.get('resmark-tier-quantities'))
  customElements.define('resmark-tier-quantities', ResmarkTierQuantities);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-tier-quantities': ResmarkTierQuantities;
  }
}
