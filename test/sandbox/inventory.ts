/**
 * Time slots and the seats left in them. Slots are generated from the products' daily templates
 * on demand; only what was booked or locked is stored, so availability is computed lazily from the
 * clock (a lapsed lock simply stops counting, no timer frees it).
 */
import { INVENTORY_DAYS, PRODUCTS, preBookedSeats } from './seed.js';
import type { SeedProduct } from './seed.js';

/** One bookable slot: a dated product's time on one day, or a dateless product's single slot. */
export interface Slot {
  activityId: string;
  product: SeedProduct;
  /** `YYYY-MM-DD`, or `null` for a dateless product. */
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  startMs: number;
  capacity: number;
  preBooked: number;
}

/** Seats a cart holds on a slot; they count only while the cart's lock is live. */
export interface Hold {
  cart: { expDateTime: number | null };
  seats: number;
}

/** What is stored about a slot: seats sold by orders and seats held by carts (by cart id). */
export interface SlotUse {
  booked: number;
  holds: Map<string, Hold>;
}

const DAY_MS = 86_400_000;

/** The products by id and by number. */
export const productsById: ReadonlyMap<string, SeedProduct> = new Map(
  PRODUCTS.map((p) => [p.view.id, p]),
);
const productsByNumber: ReadonlyMap<number, SeedProduct> = new Map(
  PRODUCTS.map((p) => [p.view.productNumber, p]),
);
const productsByName: ReadonlyMap<string, SeedProduct> = new Map(
  PRODUCTS.map((p) => [p.view.name.toLowerCase(), p]),
);

/** Finds a product by id, number or exact name, case-insensitive (Products, "Get Single Product"). */
export function findProduct(searchTerm: string): SeedProduct | undefined {
  const trimmed = searchTerm.trim();
  if (/^\d+$/.test(trimmed)) return productsByNumber.get(Number(trimmed));
  return productsById.get(trimmed.toLowerCase()) ?? productsByName.get(trimmed.toLowerCase());
}

/** Days since the epoch of a UTC instant. */
export const dayNumber = (ms: number) => Math.floor(ms / DAY_MS);

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Generates slots and counts their seats; `seedTomorrow` is the day kept free of pre-booked seats. */
export class Inventory {
  /** Seats sold and held, by activityId. */
  readonly uses = new Map<string, SlotUse>();
  seedTomorrow = 0;

  /** Forgets every booking and lock; `seedNow` fixes which day is the seed's "tomorrow". */
  reset(seedNow: number): void {
    this.uses.clear();
    this.seedTomorrow = dayNumber(seedNow) + 1;
  }

  /** The slot of `product` at template `index` on `day` (days since the epoch). */
  slotOn(product: SeedProduct, day: number, index: number): Slot {
    const template = product.slots[index]!;
    const date = isoDay(day);
    const startTime = `${date}T${template.start}:00.000Z`;
    const dayOfMonth = new Date(day * DAY_MS).getUTCDate();
    return {
      activityId: `a-${product.view.productNumber}-${date.replaceAll('-', '')}-${template.start.replace(':', '')}`,
      product,
      date,
      startTime,
      endTime: `${date}T${template.end}:00.000Z`,
      startMs: Date.parse(startTime),
      capacity: product.capacity,
      preBooked: preBookedSeats(
        dayOfMonth,
        index,
        product.slots.length,
        product.capacity,
        day === this.seedTomorrow,
      ),
    };
  }

  /** The single slot of a dateless product. */
  datelessSlot(product: SeedProduct): Slot {
    return {
      activityId: `a-${product.view.productNumber}-dateless`,
      product,
      date: null,
      startTime: null,
      endTime: null,
      startMs: Number.POSITIVE_INFINITY,
      capacity: product.capacity,
      preBooked: 0,
    };
  }

  /**
   * The slot an `activityId` names, if it is on sale at `now`: inside the window of
   * {@link INVENTORY_DAYS} and not yet started.
   */
  resolve(activityId: string, now: number): Slot | undefined {
    const dateless = /^a-(\d+)-dateless$/.exec(activityId);
    if (dateless) {
      const product = productsByNumber.get(Number(dateless[1]));
      return product?.view.dateless ? this.datelessSlot(product) : undefined;
    }
    const match = /^a-(\d+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(activityId);
    if (!match) return undefined;
    const [, number, y, mo, d, h, mi] = match as unknown as string[];
    const product = productsByNumber.get(Number(number));
    if (!product || product.view.dateless) return undefined;
    const index = product.slots.findIndex((t) => t.start === `${h}:${mi}`);
    const dayMs = Date.UTC(Number(y), Number(mo) - 1, Number(d));
    if (index < 0 || Number.isNaN(dayMs)) return undefined;
    const day = dayNumber(dayMs);
    const today = dayNumber(now);
    if (day < today || day >= today + INVENTORY_DAYS) return undefined;
    const slot = this.slotOn(product, day, index);
    return slot.activityId === activityId && slot.startMs > now ? slot : undefined;
  }

  /**
   * Seats (or units) left on a slot at `now`, not counting `exceptCartId`'s own hold. Lapsed holds
   * are dropped on the way, which keeps each slot's hold list as short as its live carts.
   */
  seatsLeft(slot: Slot, now: number, exceptCartId?: string): number {
    const use = this.uses.get(slot.activityId);
    if (!use) return slot.capacity - slot.preBooked;
    let held = 0;
    for (const [cartId, hold] of use.holds) {
      if (hold.cart.expDateTime === null || hold.cart.expDateTime <= now) use.holds.delete(cartId);
      else if (cartId !== exceptCartId) held += hold.seats;
    }
    return slot.capacity - slot.preBooked - use.booked - held;
  }

  /** The stored use of a slot, created on first need. */
  use(activityId: string): SlotUse {
    let use = this.uses.get(activityId);
    if (!use) {
      use = { booked: 0, holds: new Map() };
      this.uses.set(activityId, use);
    }
    return use;
  }

  /** Holds `seats` on a slot for a cart (replacing the cart's earlier hold there). */
  hold(activityId: string, cartId: string, hold: Hold): void {
    this.use(activityId).holds.set(cartId, hold);
  }

  /** Lets go of a cart's hold on a slot. */
  release(activityId: string, cartId: string): void {
    this.uses.get(activityId)?.holds.delete(cartId);
  }

  /** Turns a cart's hold into sold seats (an order was placed). */
  book(activityId: string, cartId: string, seats: number): void {
    const use = this.use(activityId);
    use.holds.delete(cartId);
    use.booked += seats;
  }

  /** Gives cancelled seats back. */
  unbook(activityId: string, seats: number): void {
    const use = this.use(activityId);
    use.booked = Math.max(0, use.booked - seats);
  }

  /**
   * The slots of `product` from `fromDay` to `toDay` (inclusive, days since the epoch) that are
   * on sale at `now`, grouped by day.
   */
  days(
    product: SeedProduct,
    fromDay: number,
    toDay: number,
    now: number,
  ): { date: string | null; slots: Slot[] }[] {
    if (product.view.dateless) return [{ date: null, slots: [this.datelessSlot(product)] }];
    const today = dayNumber(now);
    const first = Math.max(fromDay, today);
    const last = Math.min(toDay, today + INVENTORY_DAYS - 1);
    const days: { date: string | null; slots: Slot[] }[] = [];
    for (let day = first; day <= last; day++) {
      const slots: Slot[] = [];
      for (let i = 0; i < product.slots.length; i++) {
        const slot = this.slotOn(product, day, i);
        if (slot.startMs > now) slots.push(slot);
      }
      if (slots.length > 0) days.push({ date: slots[0]!.date, slots });
    }
    return days;
  }
}
