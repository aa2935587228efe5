/**
 * What the cart summary and the confirmation both show: a booked time slot's line (product, day
 * and times, people, total) and the totals list. One copy, so the widget's bytes count it once.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney, formatTime } from '../../shared/format.js';
import type { CartItem } from '../../shared/cart.js';
import type { PickupZone } from '../../shared/product.js';

/** The parts of a cart or order item a line shows. */
export interface Line {
  productName: string;
  /** Before any discount: what the line shows, so subtotal − discount = total reads right. */
  subtotal?: number;
  total: number;
  /** `participant` (activities) or `unit` (rentals). */
  quantityType?: string;
  participants?: Record<string, number>;
  participantList?: { tier: string; status?: string; price?: number }[];
  unitList?: { tier: string; status?: string; price?: number }[];
}

/** "Wed, Nov 25, 2026, 9:00 AM – 1:00 PM"; "" for a dateless item (no start). */
export function when(start: string | null, end: string | null, locale?: string): string {
  if (!start) return '';
  const from = `${formatDate(start, locale)}, ${formatTime(start, locale)}`;
  return end ? `${from} – ${formatTime(end, locale)}` : from;
}

// The tier of a single-price product (docs/wire.md): a shopper never saw it named "All".
const SINGLE_TIER = 'All';

/** Count by tier: the item's own counts, else its people's lines (cancelled ones left out). */
export function counts(line: Line): Record<string, number> {
  if (line.participants) return { ...line.participants };
  const counts: Record<string, number> = {};
  for (const { tier, status } of line.participantList ?? line.unitList ?? [])
    if (status !== 'cancelled') counts[tier] = (counts[tier] ?? 0) + 1;
  return counts;
}

/** A tier as a shopper reads it: a single-price product's is "People" (or "Units" for a rental). */
export const tierName = (line: Line, tier: string): string =>
  tier !== SINGLE_TIER ? tier : line.quantityType === 'unit' ? msg('Units') : msg('People');

/**
 * "2 × Adult, 1 × Child" ({@link counts}). A single-price product's count reads "2 people" (or
 * "2 units" for a rental).
 */
export function people(line: Line): string {
  const units = line.quantityType === 'unit';
  return Object.entries(counts(line))
    .filter(([, n]) => n > 0)
    .map(([tier, n]) =>
      tier !== SINGLE_TIER
        ? `${n} × ${tier}`
        : units
          ? n === 1
            ? msg('1 unit')
            : msg(str`${n} units`)
          : n === 1
            ? msg('1 person')
            : msg(str`${n} people`),
    )
    .join(', ');
}

/**
 * What one person (or unit) of each tier costs, before any discount: "Adult: $89.00 · Child:
 * $59.00", or "People: $49.00" for a single price. From the line's people, as the API priced them;
 * "" when it lists none.
 */
export function unitPrices(line: Line, currency: string, locale: string | undefined): string {
  const prices = new Map<string, number>();
  for (const { tier, price, status } of line.participantList ?? line.unitList ?? [])
    if (price !== undefined && status !== 'cancelled' && !prices.has(tier)) prices.set(tier, price);
  return [...prices]
    .map(([tier, price]) => `${tierName(line, tier)}: ${formatMoney(price, currency, locale)}`)
    .join(' · ');
}

/** One line: product, day and times, people, anything `extra`, and the line's total. */
export function lineTemplate(
  line: Line,
  time: string,
  currency: string,
  locale: string | undefined,
  extra: unknown = nothing,
): TemplateResult {
  return html`<li part="item">
    <p class="row">
      <strong part="product">${line.productName}</strong>
      <span part="item-total">${formatMoney(line.subtotal ?? line.total, currency, locale)}</span>
    </p>
    ${time ? html`<p class="muted">${time}</p>` : nothing}
    <p>${people(line)}</p>
    ${extra}
  </li>`;
}

/** The totals as a definition list; rows with no amount are left out, the last row is bold. */
export function totalsTemplate(
  rows: [label: string, amount: number | null | undefined][],
  currency: string,
  locale: string | undefined,
): TemplateResult {
  return html`<dl part="totals">
    ${rows.map(([label, amount]) =>
      amount == null
        ? nothing
        : html`<div class="row">
            <dt>${label}</dt>
            <dd>${formatMoney(amount, currency, locale)}</dd>
          </div>`,
    )}
  </dl>`;
}

/** The discount row's label, naming the code when there is one. */
export const discountLabel = (code: string | null | undefined) =>
  code ? msg(str`Discount (${code})`) : msg('Discount');

/** Pickup zones by product number: what names a booked pickup (the API's items carry its ids only). */
export type PickupsByProduct = ReadonlyMap<number, readonly PickupZone[]>;

/** The parts of a cart or order item (the same fields in both) that name its pickup. */
type PickupRef = Pick<
  CartItem,
  'productNumber' | 'pickupDetailId' | 'locationId' | 'locationOther'
>;

/**
 * "Pickup: Morning pickup · 08:15, Lake Powell Resort lobby", named from the product's zones; a
 * typed place as typed; "Pickup included" while the zones are unknown; nothing without a pickup.
 */
export function pickupTemplate(
  item: PickupRef,
  pickups: PickupsByProduct | undefined,
  /** Writes a pickup's `HH:MM` in the page's clock (`clockTime`); as given without it. */
  clock: (time: string) => string = (time) => time,
) {
  if (!item.pickupDetailId && !item.locationOther) return nothing;
  let detail: PickupZone['pickupDetails'][number] | undefined;
  let place = item.locationOther;
  for (const zone of pickups?.get(item.productNumber) ?? []) {
    detail ??= zone.pickupDetails.find((d) => d.id === item.pickupDetailId);
    place ||= zone.locations.find((l) => l.id === item.locationId)?.name;
  }
  const named = [
    detail && [detail.name, detail.time && clock(detail.time)].filter(Boolean).join(' · '),
    place,
  ]
    .filter(Boolean)
    .join(', ');
  return html`<p part="pickup">${named ? msg(str`Pickup: ${named}`) : msg('Pickup included')}</p>`;
}

/** Styles for {@link lineTemplate} and {@link totalsTemplate}. */
export const lineStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    gap: 0.25em;
    padding: calc(var(--_space) * 0.75) 0;
    border-bottom: 1px solid var(--_border);
  }
  dl,
  dd {
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space);
  }
  dl {
    padding-top: calc(var(--_space) / 2);
  }
  dl .row:last-child {
    font-weight: 700;
    font-size: 1.125em;
  }
`;
