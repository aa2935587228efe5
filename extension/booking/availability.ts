/**
 * What an agent reads at a glance in the product list: what a product has from tomorrow on (the
 * question agents are asked all day: "anything tomorrow?"), from one month of its inventory.
 */
import type { Inventory } from '../../shared/product.js';
import { dayOf, seatsLeft } from '../../widget/booking/booking-helpers.js';

/** A product's availability from tomorrow. */
export interface FromTomorrow {
  /** Start times (ISO) of tomorrow's slots that have seats, earliest first. */
  tomorrow: string[];
  /** Tomorrow has slots, and every one is sold out. */
  soldOutTomorrow: boolean;
  /** The first day after tomorrow with seats, in the month read (`YYYY-MM-DD`). */
  next?: string | undefined;
  /** A dateless product's seats (passes) left; `undefined` for a dated product. */
  passesLeft?: number | undefined;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of tomorrow (UTC, as inventory days are) on the clock `now`. */
export const tomorrowOf = (now: number): string => dayOf(now + DAY_MS);

/** Summarises `inventory` (a month of one product) from `tomorrow` (`YYYY-MM-DD`) on. */
export function fromTomorrow(
  inventory: Inventory,
  tomorrow: string,
  dateless = false,
): FromTomorrow {
  if (dateless) {
    const slots = inventory.items.flatMap((day) => day.timesAvailable);
    return {
      tomorrow: [],
      soldOutTomorrow: false,
      passesLeft: slots.reduce((sum, slot) => sum + Math.max(0, seatsLeft(slot)), 0),
    };
  }
  const day = inventory.items.find((entry) => entry.date === tomorrow);
  const slots = day?.timesAvailable ?? [];
  const open = slots.filter((slot) => seatsLeft(slot) > 0);
  const next = inventory.items
    .filter((entry) => entry.date && entry.date > tomorrow)
    .sort((a, b) => (a.date! < b.date! ? -1 : 1))
    .find((entry) => entry.timesAvailable.some((slot) => seatsLeft(slot) > 0))?.date;
  return {
    tomorrow: open
      .map((slot) => slot.startTime)
      .filter((time): time is string => !!time)
      .sort(),
    soldOutTomorrow: slots.length > 0 && open.length === 0,
    next: next ?? undefined,
  };
}
