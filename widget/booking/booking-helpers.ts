/**
 * Small helpers the booking elements share: month arithmetic on `YYYY-MM` strings (inventory
 * months are UTC, docs/wire.md, Inventory) and the seats a slot has left.
 */
import type { InventorySlot } from '../../shared/product.js';

/** `YYYY-MM` of an epoch-ms instant, in UTC like the inventory's dates. */
export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** `YYYY-MM` `n` months after `month` (before it when `n` is negative). */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number);
  return monthOf(Date.UTC(year ?? 1970, (m ?? 1) - 1 + n, 1));
}

/** Seats (or units) left in a slot, all tiers together: `tiersAvailable['*']`. */
export const seatsLeft = (slot: InventorySlot): number => slot.tiersAvailable['*'] ?? 0;

/** "Nearly full": this few seats left or fewer (docs/widget-elements.md). */
export const FEW_LEFT = 3;

/** `YYYY-MM-DD` of an epoch-ms instant, in UTC. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * An `Intl.DateTimeFormat` in UTC (inventory dates are UTC days); a malformed locale tag from a
 * page attribute falls back to the browser's instead of breaking the widget.
 */
export function utcFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const all = { ...options, timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, all);
  } catch {
    return new Intl.DateTimeFormat(undefined, all);
  }
}

/**
 * A pickup's `HH:MM` (docs/wire.md, Pickups) in the locale's own clock, as the slots' times are
 * written ("8:15 AM" beside "9:00 AM" in en-US, "8:15" in es): one clock style per locale (issue
 * 11, item 11). Anything else is shown as given.
 */
export function clockTime(time: string, locale: string | undefined): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return time;
  return utcFormat(locale, { timeStyle: 'short' }).format(
    Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2])),
  );
}
