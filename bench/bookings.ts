/**
 * Whole bookings against a running sandbox, the way a checkout makes them: products → inventory →
 * cart → item → customer → order, six requests, through the shared client. Used by `npm run bench`.
 */
import { createResmarkClient } from '../shared/client.js';
import { pickupsFor } from '../shared/item-rules.js';
import type { InventorySlot, PickupZone } from '../shared/product.js';

/** What one run measured. */
export interface BookingRun {
  bookings: number;
  /** Bookings refused because another client took the last seats first (a 409); they are retried. */
  conflicts: number;
  seconds: number;
  /** Milliseconds of every request, in the order they finished. */
  latencies: number[];
}

const CUSTOMER = {
  email: 'bench@example.com',
  firstName: 'Bench',
  lastName: 'Mark',
  phone: '+1 555 010 1234',
  'Wetsuit Size': ['M'],
};

const monthsFrom = (now: number) =>
  [0, 1, 2, 3].map((offset) => {
    const date = new Date(now);
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + offset);
    return date.toISOString().slice(0, 7);
  });

/** A pickup that reaches the slot's departure (shared/item-rules.ts), at its zone's first stop. */
export function pickupFor(zones: readonly PickupZone[], slotStart: string | null) {
  const [zone] = pickupsFor(zones, slotStart);
  const detail = zone?.pickupDetails[0];
  const location = zone?.locations[0];
  return detail && location ? { pickupDetailId: detail.id, locationId: location.id } : {};
}

/**
 * Runs `bookings` bookings with `clients` loops at once, sharing one authenticated client (the
 * token is fetched once, as a proxy would).
 */
export async function runBookings(options: {
  apiUrl: string;
  sandboxUrl: string;
  clients: number;
  bookings: number;
}): Promise<BookingRun> {
  const latencies: number[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      latencies.push(performance.now() - started);
    }
  };
  const resmark = createResmarkClient({
    environment: options.apiUrl,
    auth: { username: 'staff@canyon-kayak.test', apiKey: 'sandbox-operator-key' },
    fetch: timedFetch,
  });
  const clock = (await (await fetch(`${options.sandboxUrl}/__sandbox/clock`)).json()) as {
    now: number;
  };
  const months = monthsFrom(clock.now);
  // Pickup options change rarely; a checkout loads them once per product, not once per booking.
  const zones = await resmark.product.pickups(94175);
  latencies.length = 0;

  let started = 0;
  let conflicts = 0;
  const soldOut = new Set<string>();
  // Mostly the big group tour (32 seats a day), some of the 10-seat Sunset Paddle.
  const productNumbers = [94175, 94175, 94175, 94176];

  async function book(index: number): Promise<void> {
    const productNumber = productNumbers[index % productNumbers.length]!;
    const [product] = await resmark.product.list({ productNumbers: String(productNumber) });
    // Rotate over the months the sandbox sells, skipping any a product has sold out, so each
    // booking still makes six requests.
    let open: InventorySlot[] = [];
    for (let turn = 0; open.length === 0 && turn < months.length; turn += 1) {
      const month = months[(index + turn) % months.length]!;
      if (soldOut.has(`${productNumber} ${month}`)) continue;
      const inventory = await resmark.product.inventory(product!.productNumber, {
        from: month,
        to: month,
      });
      open = inventory.items.flatMap((day) =>
        day.timesAvailable.filter((slot) => (slot.tiersAvailable['*'] ?? 0) > 0),
      );
      if (open.length === 0) soldOut.add(`${productNumber} ${month}`);
    }
    if (open.length === 0) throw new Error(`product ${productNumber} is sold out`);
    const slot = open[Math.floor(Math.random() * open.length)]!;
    const cart = await resmark.cart.create();
    try {
      await resmark.cart.addItem(cart.id, {
        itemId: slot.activityId,
        participants: productNumber === 94175 ? { Adult: 1 } : { All: 1 },
        ...(productNumber === 94175 ? pickupFor(zones, slot.startTime) : {}),
      });
    } catch (error) {
      if ((error as { status?: number }).status === 409) {
        conflicts += 1;
        return book(index);
      }
      throw error;
    }
    await resmark.cart.setCustomer(cart.id, CUSTOMER);
    await resmark.order.create({ id: cart.id, billing: { memo: 'benchmark' } });
  }

  const begin = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (started < options.bookings) await book(started++);
    }),
  );
  return {
    bookings: options.bookings,
    conflicts,
    seconds: (performance.now() - begin) / 1000,
    latencies,
  };
}

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}
