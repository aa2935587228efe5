import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { AddCartItem } from '../../shared/cart.js';
import type { ResmarkClient } from '../../shared/client.js';
import { ResmarkError } from '../../shared/errors.js';
import { formatDate, formatMoney } from '../../shared/format.js';
import { checkAddItem, pickupsFor } from '../../shared/item-rules.js';
import type { Inventory, InventorySlot, PickupZone, Product } from '../../shared/product.js';
import { fire, type PickupChoice, type ResmarkEvent } from '../events.js';
import { sourceLocale } from '../generated/locale-codes.js';
import { getLocale } from '../localize.js';
import { base } from '../styles.js';
import { addMonths, monthOf, seatsLeft } from './booking-helpers.js';
import './resmark-availability-calendar.js';
import './resmark-pickup-picker.js';
import './resmark-slot-picker.js';
import './resmark-tier-quantities.js';

// How many months (this one included) to look through for the first open day before showing the
// last one anyway: a product that opens later than that is one the shopper pages to.
const SEARCH_MONTHS = 3;

/** What a problem of the add-item rules is worded from: the choice that was checked. */
interface Checked {
  guests: number;
  left: number;
  pickup: PickupChoice;
  zones: readonly PickupZone[];
}

// Empty strings are what the pickers send for "not chosen", as in shared/item-rules.ts.
const given = (value: string | undefined) => value !== undefined && value !== '';

/**
 * A problem of `checkAddItem` in the shopper's language, by the field it is about
 * (`participants.` for every `participants.<tier>`), with the same meaning as
 * shared/item-rules.ts's English for the choice that was checked.
 */
const WORDS: Record<string, (checked: Checked) => string> = {
  participants: ({ guests, left }) =>
    !guests
      ? msg('Choose at least one guest')
      : left > 1
        ? msg(str`Only ${left} seats are left at this time: choose ${left} or fewer guests`)
        : left
          ? msg('Only 1 seat is left at this time: choose 1 or fewer guests')
          : msg('This time is sold out: choose another time'),
  // Only an offered tier has a row to show it at, and the quantities hand over whole numbers: the
  // one problem left is a count the API refused, worded as the row's own typing problem.
  'participants.': () => msg('Enter a whole number, 0 or more.'),
  pickupDetailId: () => msg('Choose a pickup option from the list'),
  locationId: ({ pickup: { locationId, locationOther }, zones }) =>
    !given(locationId) && !given(locationOther)
      ? msg('Choose a pickup location, or type where to be picked up')
      : zones.some((zone) => zone.locations.some((l) => l.id === locationId))
        ? msg('That location is not served by this pickup option: choose one of its locations')
        : msg('Choose a pickup location from the list'),
  locationOther: ({ pickup: { locationId, locationOther } }) =>
    !locationOther?.trim()
      ? msg('Type where to be picked up')
      : given(locationId)
        ? msg('Choose a listed pickup location or type one, not both')
        : msg('This pickup option only stops at listed locations: choose one of them'),
};

/**
 * Books one product: loads its inventory month by month (caching each) and its pickups, composes
 * the calendar, slots, quantities and pickup pickers, checks the choice with `checkAddItem`, and
 * asks the host to add it. A dateless product skips the calendar and the slots.
 * @tag resmark-product-booker
 * @summary Date, time, quantities and pickup for one product.
 * @fires resmark-item-request - The shopper's choice passed the add-item rules; `detail` is `{ product, slot, item }`, `item` the body of `POST /cart/{id}/item`.
 * @fires resmark-availability-change - What the first inventory loaded says of the product: `detail.from` (the lowest price of its open slots) or `detail.soldOut`, for a product list to show.
 * @fires resmark-error - Inventory or pickups could not be loaded (the shopper sees it with a Retry button).
 * @csspart running-total - What the chosen people cost, before "Add to cart" holds them.
 * @csspart next-available - "Next available:" with the first open day as a button, before a day is chosen.
 * @csspart sold-out - That nothing is left to book, and for how long that is known.
 * @csspart add - The "Add to cart" button.
 * @csspart error - Why the last "Add to cart" failed (the `error` property), right after the button.
 * @csspart failure - The load error with its Retry button.
 * @cssprop --resmark-space - Gap between the steps.
 */
export class ResmarkProductBooker extends LitElement {
  static override properties = {
    client: { attribute: false },
    product: { attribute: false },
    locale: {},
    currency: {},
    busy: { type: Boolean },
    error: {},
    now: { attribute: false },
    _month: { state: true },
    _date: { state: true },
    _noneAhead: { state: true },
    _slot: { state: true },
    _participants: { state: true },
    _pickup: { state: true },
    _zones: { state: true },
    _errors: { state: true },
    _failure: { state: true },
  };

  static override styles = [
    base,
    css`
      /*
       * A desktop uses its width (issue 11, item 11): the dates beside the rest of the choice,
       * which ends with its summary (the running total and "Add to cart"), where both columns fit
       * (45em: the 24em calendar, a gap and 20em); a phone, the side panel and the dialog stack
       * them. Wrapping, not a media query, so the page's column decides, not the window; the DOM
       * order (and so the keyboard's) is the same either way.
       */
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: var(--_space);
      }
      .dates,
      .choice {
        display: grid;
        gap: var(--_space);
        min-width: 0;
      }
      .dates {
        flex: 0 1 24em;
      }
      .choice {
        flex: 1 1 20em;
        max-width: 32em;
      }
      h3 {
        font-size: 1em;
        margin-bottom: 0.5em;
      }
      [part='failure'] {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
    `,
  ];

  /** The API (the widget's proxy, or Resmark itself in the extension): only `product` is used. */
  declare client: Pick<ResmarkClient, 'product'> | undefined;
  /** The product to book. */
  declare product: Product | undefined;
  /** BCP 47 tag for names, money and dates; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for a product that names none. */
  declare currency: string;
  /** The host is adding an item: "Add to cart" waits. */
  declare busy: boolean;
  /** Why the last "Add to cart" failed, in words for the shopper; the host sets and clears it. */
  declare error: string | undefined;
  /** The clock (epoch ms) that decides the first month to show; injectable for tests. */
  declare now: () => number;

  declare private _month: string | undefined;
  declare private _date: string | undefined;
  /** The months searched ahead have no open day: the product is sold out for now. */
  declare private _noneAhead: boolean;
  declare private _slot: InventorySlot | undefined;
  declare private _participants: Record<string, number>;
  declare private _pickup: PickupChoice;
  declare private _zones: PickupZone[] | undefined;
  declare private _errors: Record<string, string> | undefined;
  declare private _failure: { message: string; retry: () => void } | undefined;

  // Month → its inventory request, and the answers that arrived; both belong to one product.
  #requests = new Map<string, Promise<Inventory>>();
  #months = new Map<string, Inventory>();
  #controller: AbortController | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.currency = 'USD';
    this.busy = false;
    this.now = Date.now;
    this._participants = {};
    this._pickup = {};
    this._noneAhead = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Back in the page after a disconnect aborted everything: start over.
    if (this.#controller?.signal.aborted) this.#start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('product') || changed.has('client')) this.#start();
  }

  override render() {
    const product = this.product;
    if (!product) return nothing;
    const currency = product.currency ?? this.currency;
    const month = this._month;
    const inventory = month ? this.#months.get(month) : undefined;
    const slot = this._slot;
    const errors = slot && this.#words(slot);
    const fitting = slot ? this.#fitting(slot) : [];
    const loading = this.#loading();
    const status = loading ? msg('Loading availability…') : '';
    const dated = !product.dateless && month;
    // No heading of its own: the host names the product (the checkout's step heading).
    return html`<p role="status" class="visually-hidden">${status}</p>
      ${
        this._failure
          ? html`<div part="failure" role="alert">
              <p class="error">${this._failure.message}</p>
              <button @click=${this._failure.retry}>${msg('Retry')}</button>
            </div>`
          : nothing
      }
      ${
        dated
          ? html`<div class="dates">
              <resmark-availability-calendar
                .month=${month}
                .days=${this.#days(inventory)}
                .selected=${this._date}
                .min=${monthOf(this.now())}
                ?loading=${!inventory && !this._failure}
                .locale=${this.locale}
                @resmark-month-change=${this.#handleMonth}
                @resmark-date-select=${this.#handleDate}
              ></resmark-availability-calendar>
              ${this.#soldOutOrNext()}
            </div>`
          : nothing
      }
      <div class="choice">
        ${
          dated && this._date
            ? html`<section>
                <h3>${msg(str`Times on ${formatDate(this._date, this.locale)}`)}</h3>
                <resmark-slot-picker
                  .slots=${this.#slotsOn(this._date)}
                  .selected=${slot?.activityId}
                  .locale=${this.locale}
                  .currency=${currency}
                  @resmark-slot-select=${this.#handleSlot}
                ></resmark-slot-picker>
              </section>`
            : nothing
        }
        ${
          slot
            ? html`<resmark-tier-quantities
                  .prices=${slot.price}
                  .seatsLeft=${seatsLeft(slot)}
                  .value=${this._participants}
                  .label=${product.quantityLabel}
                  .errors=${errors}
                  .locale=${this.locale}
                  .currency=${currency}
                  @resmark-quantities-change=${this.#handleQuantities}
                ></resmark-tier-quantities>
                ${
                  fitting.length
                    ? html`<resmark-pickup-picker
                        .zones=${fitting}
                        .value=${this._pickup}
                        .errors=${errors}
                        .locale=${this.locale}
                        .currency=${currency}
                        @resmark-pickup-change=${this.#handlePickup}
                      ></resmark-pickup-picker>`
                    : nothing
                }
                ${this.#runningTotal(slot, currency)}
                <button
                  class="primary"
                  part="add"
                  aria-disabled=${this.busy || loading}
                  aria-busy=${this.busy ? 'true' : 'false'}
                  aria-describedby=${this.error ? 'add-error' : nothing}
                  @click=${this.#add}
                >
                  ${msg('Add to cart')}
                </button>`
            : nothing
        }
        ${
          // Right after "Add to cart", where the shopper is looking; with no slot chosen (no
          // button) it still shows, so a failure is never lost.
          this.error
            ? html`<p id="add-error" part="error" class="error" role="alert">${this.error}</p>`
            : nothing
        }
        ${
          product.dateless && inventory && !slot
            ? html`<p part="sold-out" role="status">
                ${
                  // The one undated slot is listed with nothing left: say so, not a vague line.
                  inventory.items[0]?.timesAvailable.length
                    ? msg('Sold out: none are left right now. Please check back later.')
                    : msg('This is not available right now.')
                }
              </p>`
            : nothing
        }
      </div>`;
  }

  /**
   * The total of the people chosen so far at the slot's prices, as the cart will add it up (a
   * pickup's price is not in Resmark's total, so none is shown or added: issue 11, item 5). A
   * live region, so a screen reader hears it change with each count.
   */
  #runningTotal(slot: InventorySlot, currency: string) {
    const total = Object.entries(this._participants).reduce(
      (sum, [tier, count]) => sum + (slot.price[tier] ?? 0) * count,
      0,
    );
    return html`<p part="running-total" aria-live="polite">
      ${total ? msg(str`Total: ${formatMoney(total, currency, this.locale)}`) : ''}
    </p>`;
  }

  // The zones as this slot's departure can use them (issue 11, item 3). The same array while
  // nothing changed, so the picker is not handed new zones on every render.
  #fitted:
    { zones: readonly PickupZone[]; start: string | null; fitting: PickupZone[] } | undefined;
  #fitting(slot: InventorySlot): PickupZone[] {
    const zones = this._zones ?? [];
    const cached = this.#fitted;
    if (cached?.zones === zones && cached.start === slot.startTime) return cached.fitting;
    const fitted = pickupsFor(zones, slot.startTime);
    const same = fitted.length === zones.length && fitted.every((zone, i) => zone === zones[i]);
    const fitting = same ? (zones as PickupZone[]) : fitted;
    this.#fitted = { zones, start: slot.startTime, fitting };
    return fitting;
  }

  /** Inventory or pickups are still on their way (and no load failure is shown instead). */
  #loading(): boolean {
    const month = this._month;
    return !this._failure && (!(month && this.#months.has(month)) || !this._zones);
  }

  /**
   * The rules' problems in the page's language. In English the rules' own sentences; in another
   * language each key and the choice it was about (unchanged since the check: any change clears
   * the problems) pick the sentence, and a key the booker does not know keeps its English.
   */
  #words(slot: InventorySlot): Record<string, string> | undefined {
    const errors = this._errors;
    if (!errors || getLocale() === sourceLocale) return errors;
    const checked = {
      guests: Object.values(this._participants).reduce((sum, n) => sum + n, 0),
      left: Math.max(0, seatsLeft(slot)),
      pickup: this._pickup,
      zones: this._zones ?? [],
    };
    return Object.fromEntries(
      Object.entries(errors).map(([key, english]) => {
        const word = WORDS[key.replace(/\..*/s, '.')];
        return [key, word ? word(checked) : english];
      }),
    );
  }

  #days(inventory: Inventory | undefined): Record<string, { seatsLeft: number }> {
    const days: Record<string, { seatsLeft: number }> = {};
    for (const day of inventory?.items ?? [])
      if (day.date && day.timesAvailable.length)
        days[day.date] = { seatsLeft: Math.max(...day.timesAvailable.map(seatsLeft)) };
    return days;
  }

  #slotsOn(date: string): InventorySlot[] {
    const inventory = this.#months.get(date.slice(0, 7));
    return inventory?.items.find((day) => day.date === date)?.timesAvailable ?? [];
  }

  // A new product (or client) drops everything of the old one, in flight or cached.
  #start() {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.#requests.clear();
    this.#months.clear();
    this._month = this._date = this._slot = this._zones = this._errors = undefined;
    this._noneAhead = false;
    this._failure = undefined;
    this._participants = {};
    this._pickup = {};
    const { product, client } = this;
    if (!product || !client || !this.isConnected) return;
    const { signal } = controller;
    if (product.hasPickups === false) this._zones = [];
    // Without hasPickups, ask: a product with zones has pickups.
    else
      void this.#guard(signal, msg('Pickup places could not be loaded.'), () =>
        this.#pickups(signal),
      );
    void this.#guard(signal, msg('Availability could not be loaded.'), () =>
      product.dateless ? this.#dateless(signal) : this.#firstMonth(signal),
    );
  }

  async #pickups(signal: AbortSignal) {
    this._zones = await this.client!.product.pickups(this.product!.productNumber, { signal });
  }

  async #dateless(signal: AbortSignal) {
    const month = monthOf(this.now());
    const inventory = await this.#load(month, signal);
    this._month = month;
    this._slot = inventory.items[0]?.timesAvailable.find((slot) => seatsLeft(slot) > 0);
    this.#tell(inventory, !this._slot);
  }

  /**
   * Tells the host what the product's inventory says: the lowest price of its open slots (the
   * one rule for "From", which a card can only learn here), or that it is sold out.
   */
  #tell(inventory: Inventory, soldOut: boolean) {
    const prices = inventory.items.flatMap((day) =>
      day.timesAvailable
        .filter((slot) => seatsLeft(slot) > 0)
        .flatMap((s) => Object.values(s.price)),
    );
    fire(this, 'resmark-availability-change', {
      product: this.product!,
      soldOut,
      ...(!soldOut && prices.length ? { from: Math.min(...prices) } : {}),
    });
  }

  async #firstMonth(signal: AbortSignal) {
    let month = monthOf(this.now());
    for (let tried = 1; ; tried++) {
      this._month = month;
      const inventory = await this.#load(month, signal);
      const open = inventory.items.some((day) => day.timesAvailable.some((s) => seatsLeft(s) > 0));
      if (open || tried === SEARCH_MONTHS) {
        this._noneAhead = !open;
        return this.#tell(inventory, !open);
      }
      month = addMonths(month, 1);
    }
  }

  // One request per month and product; a failed one is forgotten so Retry asks again.
  async #load(month: string, signal: AbortSignal): Promise<Inventory> {
    let request = this.#requests.get(month);
    if (!request) {
      request = this.client!.product.inventory(
        this.product!.productNumber,
        { from: month },
        {
          signal,
        },
      );
      this.#requests.set(month, request);
    }
    try {
      const inventory = await request;
      if (!signal.aborted) this.#months.set(month, inventory);
      this.requestUpdate();
      return inventory;
    } catch (error) {
      if (this.#requests.get(month) === request) this.#requests.delete(month);
      throw error;
    }
  }

  // Runs a load; a failure (not an abort) is shown with Retry and fired as resmark-error.
  async #guard(signal: AbortSignal, message: string, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      if (signal.aborted) return;
      const known = error instanceof ResmarkError ? error : undefined;
      this._failure = {
        message,
        retry: () => {
          this._failure = undefined;
          void this.#guard(signal, message, work);
        },
      };
      fire(this, 'resmark-error', {
        kind: known?.kind ?? 'unknown',
        message: known?.message ?? String(error),
        ...(known?.status ? { status: known.status } : {}),
      });
    }
  }

  #handleMonth(event: ResmarkEvent<'resmark-month-change'>) {
    const month = event.detail.month;
    this._month = month;
    this._failure = undefined; // another month, another try
    const signal = this.#controller!.signal;
    void this.#guard(signal, msg('Availability could not be loaded.'), async () => {
      await this.#load(month, signal);
    });
  }

  #handleDate(event: ResmarkEvent<'resmark-date-select'>) {
    this.#pickDate(event.detail.date);
  }

  #pickDate(date: string) {
    this._date = date;
    this._month = date.slice(0, 7);
    this._slot = this._errors = undefined;
  }

  /** The first day with seats among the months loaded, from the one shown on. */
  #nextOpen(): string | undefined {
    const from = this._month ?? '';
    for (const month of [...this.#months.keys()].filter((m) => m >= from).sort())
      for (const day of this.#months.get(month)?.items ?? [])
        if (day.date && day.timesAvailable.some((slot) => seatsLeft(slot) > 0)) return day.date;
    return undefined;
  }

  /**
   * Before a day is chosen: when the product is next available (a button that chooses that day),
   * or that it is sold out as far ahead as was searched (issue 11, item 10).
   */
  #soldOutOrNext() {
    if (this._date || this.#loading()) return nothing;
    const next = this.#nextOpen();
    if (next)
      return html`<p part="next-available">
        ${msg('Next available:')}
        <button @click=${() => this.#pickDate(next)}>${formatDate(next, this.locale)}</button>
      </p>`;
    return this._noneAhead
      ? html`<p part="sold-out" role="status">
          ${msg('Sold out: no dates are open in the next three months. Please check back later.')}
        </p>`
      : nothing;
  }

  #handleSlot(event: ResmarkEvent<'resmark-slot-select'>) {
    const slot = event.detail.slot;
    this._slot = slot;
    this._errors = undefined;
    // Counts carry over to the new slot's tiers that exist; the rules check the seats again.
    this._participants = Object.fromEntries(
      Object.entries(this._participants).filter(([tier]) => Object.hasOwn(slot.price, tier)),
    );
    // A pickup chosen for another departure goes if it cannot reach this one.
    const { pickupDetailId } = this._pickup;
    if (
      pickupDetailId &&
      !this.#fitting(slot).some((zone) => zone.pickupDetails.some((d) => d.id === pickupDetailId))
    )
      this._pickup = {};
  }

  #handleQuantities(event: ResmarkEvent<'resmark-quantities-change'>) {
    this._participants = event.detail.participants;
    this._errors = undefined;
  }

  #handlePickup(event: ResmarkEvent<'resmark-pickup-change'>) {
    this._pickup = event.detail;
    this._errors = undefined;
  }

  #add() {
    const { product, _slot: slot } = this;
    // aria-disabled, not disabled, while busy or loading (a pressed button keeps the focus): so
    // presses come here, and do nothing.
    if (!product || !slot || this.busy || this.#loading()) return;
    const zones = this._zones ?? [];
    const pickup = this.#fitting(slot).length ? this._pickup : {};
    const result = checkAddItem(
      { participants: this._participants, ...pickup },
      { price: slot.price, seatsLeft: seatsLeft(slot), startTime: slot.startTime },
      zones,
    );
    if (!result.ok) {
      this._errors = result.fields;
      return;
    }
    const item: AddCartItem = {
      itemId: slot.activityId,
      participants: result.participants,
      ...pickup,
    };
    fire(this, 'resmark-item-request', { product, slot, item });
  }
}

if (!customElements.get('resmark-product-booker'))
  customElements.define('resmark-product-booker', ResmarkProductBooker);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-product-booker': ResmarkProductBooker;
  }
}
