import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { SeatLockController, type Clock } from '../controllers/seat-lock-controller.js';
import { fire } from '../events.js';
import { base } from '../styles.js';

/**
 * How long the shopper's seats stay held and, once the hold ran out, one way to hold them again.
 * The countdown is not a live region (a screen reader would hear every second); a polite one says
 * when 5 minutes and 1 minute are left.
 * @tag resmark-hold-timer
 * @summary The seat hold's countdown, and "Hold my seats again" once it ran out.
 * @fires resmark-lock-expire - The hold reached zero (once per hold).
 * @fires resmark-hold-renew - The shopper asked to hold the seats again.
 * @csspart countdown - The "Your seats are held for 12:34" line; it also has `urgent` under 5 minutes.
 * @csspart renews-note - With `renews-while-active`: that the hold renews while the shopper books.
 * @csspart notice - The notice shown once the hold ran out.
 * @csspart renew - The "Hold my seats again" button (focusing the element focuses it).
 * @cssprop --resmark-color-warning - The countdown under 5 minutes.
 * @cssprop --resmark-color-danger - The run-out notice's edge.
 */
export class ResmarkHoldTimer extends LitElement {
  // The host can hand the focus straight to "Hold my seats again" (when the step it was in hides).
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    expiresAt: { type: Number, attribute: 'expires-at' },
    now: { attribute: false },
    renewing: { type: Boolean },
    renewsWhileActive: { type: Boolean, attribute: 'renews-while-active' },
  };

  static override styles = [
    base,
    css`
      .urgent {
        color: var(--_warning);
        font-weight: 600;
      }
      [part='notice'] {
        display: grid;
        gap: calc(var(--_space) / 2);
        padding: calc(var(--_space) / 2) var(--_space);
        border-left: 4px solid var(--_danger);
        background: var(--_subtle);
      }
      button {
        justify-self: start;
      }
    `,
  ];

  /** When the hold ends (epoch ms); nothing shows without one. */
  declare expiresAt: number | undefined;
  /** The clock the countdown reads (epoch ms); injectable for tests and for a server's clock skew. */
  declare now: () => number;
  /** A renewal is in flight: the button waits. */
  declare renewing: boolean;
  /**
   * The host renews the hold while the shopper is active (BookingFlow's `active()`): say so under
   * the countdown, so nobody hurries through their details for fear of a clock that will be reset.
   */
  declare renewsWhileActive: boolean;
  /** The timer functions the countdown ticks with (not a property: read when the element is attached). */
  clock: Clock;

  readonly #lock = new SeatLockController(this, {
    expiresAt: () => this.expiresAt,
    now: () => this.now(),
    onExpire: () => fire(this, 'resmark-lock-expire', {}),
    clock: () => this.clock,
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.now = Date.now;
    this.renewing = false;
    this.renewsWhileActive = false;
    this.clock = globalThis;
  }

  override render() {
    const left = this.#lock.remaining;
    if (left === undefined) return nothing;
    const s = Math.ceil(left / 1000);
    const urgent = s <= 300;
    return html`<p role="status" class="visually-hidden">
        ${
          !s
            ? ''
            : s <= 60
              ? msg('Less than 1 minute left to keep your seats')
              : urgent
                ? msg('Less than 5 minutes left to keep your seats')
                : ''
        }
      </p>
      ${
        s
          ? html`<p
                part=${urgent ? 'countdown urgent' : 'countdown'}
                class=${urgent ? 'urgent' : ''}
              >
                ${msg(
                  str`Your seats are held for ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`,
                )}
              </p>
              ${
                this.renewsWhileActive
                  ? html`<p part="renews-note" class="muted">
                      ${msg('The hold renews while you keep booking.')}
                    </p>`
                  : nothing
              }`
          : html`<div part="notice">
              <p role="alert">${msg('Your hold ran out and the seats were released')}</p>
              <button
                part="renew"
                class="primary"
                aria-disabled=${this.renewing}
                @click=${this.#handleRenew}
              >
                ${this.renewing ? msg('Holding…') : msg('Hold my seats again')}
              </button>
            </div>`
      }`;
  }

  // Not `disabled` while renewing: the pressed button would drop the focus to the page's <body>.
  #handleRenew() {
    if (!this.renewing) fire(this, 'resmark-hold-renew', {});
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-hold-timer') ??
  customElements.define('resmark-hold-timer', ResmarkHoldTimer)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-hold-timer': ResmarkHoldTimer;
  }
}
