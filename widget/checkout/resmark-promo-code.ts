import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import type { DiscountRefusalReason } from '../../shared/cart.js';
import { fire } from '../events.js';
import { base } from '../styles.js';

/** What became of the last code: the host sets it from the API's answer. */
export type PromoStatus = 'idle' | 'applying' | 'applied' | DiscountRefusalReason;

/**
 * A promo code box. An applied, an unknown and a valid-but-inapplicable code each get their own
 * message, in a polite live region tied to the field; the new totals are the cart summary's to show.
 * @tag resmark-promo-code
 * @summary A labelled promo code field with Apply, and what became of the code.
 * @fires resmark-promo-apply - The shopper applied a code (Apply or Enter); `detail.promoCode` is it, trimmed.
 * @csspart input - The code field.
 * @csspart apply - The Apply button.
 * @csspart status - The message about the last code.
 * @cssprop --resmark-color-success - An applied code's message.
 * @cssprop --resmark-color-danger - A refused code's message.
 */
export class ResmarkPromoCode extends LitElement {
  static override properties = { status: {}, code: {}, message: {} };

  static override styles = [
    base,
    css`
      div {
        display: flex;
        gap: 0.5em;
        margin-top: 0.25em;
      }
      input {
        flex: 1;
        min-width: 0;
      }
      p {
        margin: 0.25em 0 0;
      }
      .ok {
        color: var(--_success);
      }
    `,
  ];

  /** What became of the last code. */
  declare status: PromoStatus;
  /** The code in the field: the shopper's last applied one, or the cart's. */
  declare code: string | undefined;
  /** Shown while `idle`: why the last try failed for some other reason (network, say). */
  declare message: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.status = 'idle';
  }

  override render() {
    const { status } = this;
    const refused = status === 'invalid' || status === 'not-applicable';
    const applying = status === 'applying';
    return html`<form novalidate aria-busy=${applying} @submit=${this.#submit}>
      <label for="code">${msg('Promo code')}</label>
      <div>
        <input
          id="code"
          part="input"
          autocomplete="off"
          autocapitalize="characters"
          .value=${this.code ?? ''}
          aria-invalid=${refused}
          aria-describedby="status"
        />
        <button part="apply" aria-disabled=${applying}>
          ${applying ? msg('Applying…') : msg('Apply')}
        </button>
      </div>
      <p
        id="status"
        part="status"
        role="status"
        class=${refused ? 'error' : status === 'applied' ? 'ok' : ''}
      >
        ${
          status === 'applied'
            ? msg(str`${this.code} applied`)
            : status === 'invalid'
              ? msg('This code is not valid')
              : status === 'not-applicable'
                ? msg('This code is valid but does not apply to anything in your cart')
                : applying
                  ? ''
                  : this.message
        }
      </p>
    </form>`;
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input')!;
    const promoCode = input.value.trim();
    // While applying, Apply (aria-disabled, so it keeps the focus) and Enter do nothing at all.
    if (this.status === 'applying') return;
    if (!promoCode) return input.focus();
    this.code = promoCode;
    fire(this, 'resmark-promo-apply', { promoCode });
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-promo-code') ??
  customElements.define('resmark-promo-code', ResmarkPromoCode)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-promo-code': ResmarkPromoCode;
  }
}
