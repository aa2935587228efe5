import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { PickupZone } from '../../shared/product.js';
import { fire, type PickupChoice } from '../events.js';
import { clockTime } from './booking-helpers.js';
import { base } from '../styles.js';

const OTHER = '\u0000other'; // no id looks like this

/**
 * Where and when to be picked up: zone → pickup time → location, or a typed place where the zone
 * `allowOther`.
 * @tag resmark-pickup-picker
 * @summary Pickup zone, time and location.
 * @fires resmark-pickup-change - The choice changed; `detail` is `{ pickupDetailId?, locationId?, locationOther? }`.
 * @csspart field - Each label with its control.
 * @cssprop --resmark-color-danger - Errors at a field.
 */
export class ResmarkPickupPicker extends LitElement {
  static override properties = {
    zones: { attribute: false },
    value: { attribute: false },
    errors: { attribute: false },
    locale: {},
    currency: {},
  };

  static override styles = [
    base,
    css`
      label {
        display: block;
        margin-bottom: 0.25em;
      }
      p {
        margin: 0.25em 0 0;
      }
    `,
  ];

  /** The product's pickup zones. */
  declare zones: PickupZone[];
  /** The current choice. */
  declare value: PickupChoice;
  /** Messages by field: `pickupDetailId`, `locationId`, `locationOther`. */
  declare errors: Record<string, string> | undefined;
  /** BCP 47 tag for the pickup times' clock ("8:15 AM", "8:15"); the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code (kept for hosts that set it: no price is shown). */
  declare currency: string;

  // The zone and the "somewhere else" choice live here until they are part of a value.
  #zoneId: string | undefined;
  #other = false;
  // What each select shows. Set after render: a select keeps its old choice when its options are
  // replaced under it, and a `.value` binding would run before the new options exist.
  #shown: Record<string, string | undefined> = {};

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.zones = [];
    this.value = {};
    this.currency = 'USD';
  }

  override render() {
    const { pickupDetailId, locationId, locationOther } = this.value;
    const zone =
      this.zones.find((z) => z.pickupDetails.some((d) => d.id === pickupDetailId)) ??
      this.zones.find((z) => z.id === this.#zoneId) ??
      (this.zones.length === 1 ? this.zones[0] : undefined);
    const other = !!zone?.allowOther && (this.#other || locationOther !== undefined);
    const errors = this.errors ?? {};
    const zoneError = zone ? undefined : (errors['pickupDetailId'] ?? errors['locationId']);
    const detailError = errors['pickupDetailId'];
    const placeError = errors['locationId'] ?? (other ? undefined : errors['locationOther']);
    const otherError = errors['locationOther'];
    this.#shown = {
      zone: zone?.id,
      detail: pickupDetailId,
      location: other ? OTHER : locationId,
    };
    return html`<fieldset>
      <legend>${msg('Pickup')}</legend>
      ${this.#select(
        'zone',
        msg('Pickup area'),
        zoneError,
        this.#zone,
        this.zones.map((z) => html`<option value=${z.id}>${z.name}</option>`),
      )}
      ${
        zone
          ? html`${this.#select(
              'detail',
              msg('Pickup time'),
              detailError,
              (e: Event) => this.#set({ pickupDetailId: value(e) || undefined }),
              zone.pickupDetails.map(
                (d) =>
                  html`<option value=${d.id}>
                    ${
                      // No price: Resmark's cart total does not add a pickup's, and a price the
                      // total leaves out would not add up (issue 11, item 5).
                      [d.name, d.time && clockTime(d.time, this.locale)].filter(Boolean).join(' · ')
                    }
                  </option>`,
              ),
            )}
            ${this.#select('location', msg('Pickup place'), placeError, this.#location, [
              zone.locations.map(
                (l) =>
                  html`<option value=${l.id}>
                    ${l.address ? `${l.name} (${l.address})` : l.name}
                  </option>`,
              ),
              zone.allowOther
                ? html`<option value=${OTHER}>${msg('Somewhere else')}</option>`
                : nothing,
            ])}
            ${
              other
                ? this.#field(
                    'other',
                    msg('Where should we pick you up?'),
                    otherError,
                    html`<input
                      id="other"
                      type="text"
                      autocomplete="street-address"
                      aria-invalid=${!!otherError}
                      aria-describedby=${otherError ? 'other-error' : nothing}
                      .value=${locationOther ?? ''}
                      @input=${(e: Event) => this.#set({ locationOther: value(e) })}
                    />`,
                  )
                : nothing
            }`
          : nothing
      }
    </fieldset>`;
  }

  // One label, control and error; the error names itself on the control through its id.
  #field(id: string, label: string, error: string | undefined, control: TemplateResult) {
    return html`<div part="field">
      <label for=${id}>${label}</label>${control}
      ${error ? html`<p id="${id}-error" class="error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  // A field whose control is a select that starts at "Choose…" (its choice is set in `updated`).
  #select(
    id: string,
    label: string,
    error: string | undefined,
    change: (event: Event) => void,
    options: unknown,
  ) {
    return this.#field(
      id,
      label,
      error,
      html`<select
        id=${id}
        aria-invalid=${!!error}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${change}
      >
        <option value="">${msg('Choose…')}</option>
        ${options}
      </select>`,
    );
  }

  override updated() {
    for (const select of this.renderRoot.querySelectorAll('select'))
      select.value = this.#shown[select.id] ?? '';
  }

  #zone(event: Event) {
    this.#zoneId = value(event) || undefined;
    this.#other = false;
    this.value = {};
    fire(this, 'resmark-pickup-change', {});
  }

  #location(event: Event) {
    const id = value(event);
    this.#other = id === OTHER;
    this.#set(this.#other ? { locationOther: '' } : { locationId: id || undefined }, true);
  }

  // A pickup time keeps the place; a place (listed or typed) replaces the other kind.
  #set(change: PickupChoice, place = 'locationOther' in change) {
    const { pickupDetailId, locationId, locationOther } = { ...this.value, ...change };
    const next: PickupChoice = place
      ? { pickupDetailId, ...change }
      : { pickupDetailId, locationId, locationOther };
    // Keys left undefined are not choices: keep the detail as small as the API body.
    this.value = Object.fromEntries(
      Object.entries(next).filter(([, v]) => v !== undefined),
    ) as PickupChoice;
    fire(this, 'resmark-pickup-change', { ...this.value });
  }
}

const value = (event: Event) => (event.target as HTMLSelectElement | HTMLInputElement).value;

if (!customElements.get('resmark-pickup-picker'))
  customElements.define('resmark-pickup-picker', ResmarkPickupPicker);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-pickup-picker': ResmarkPickupPicker;
  }
}
