/**
 * What one shopper may hold (issue 10, finding 1): seats and items per cart, carts and seats per
 * client at once, and a hold's total life. Counted in the shared {@link ProxyStore}, so every
 * instance sees the same client: a request reserves what it asks for before it goes upstream
 * (an atomic increment, so 46 requests at once cannot all pass a check made before any counted),
 * gives it back if upstream refuses, and the counts are set to what Resmark's answer shows after
 * an item is added or removed. A refusal is 403 with `detail: { limit, max }` that the widget
 * words for the shopper.
 *
 * The counts expire `maxMinutes` after their last change: no seat is held longer than that (see
 * {@link HoldPolicy.checkLife}), so a count never forgets a seat that is still held. A hold that
 * lapses without its cart being deleted is still counted until then: an over-count, never an
 * under-count.
 */
import { SEAT_LOCK_MS } from '../../shared/limits.js';
import type { HoldLimits } from './config.js';
import { ProxyError } from './errors.js';
import type { ProxyStore } from './store.js';

/** The `detail.limit` of a hold refusal: which bound was reached. */
export type HoldLimit =
  'seats-per-cart' | 'items-per-cart' | 'carts-per-client' | 'seats-per-client' | 'hold-minutes';

const MESSAGES: Record<HoldLimit, (max: number) => string> = {
  'seats-per-cart': (max) => `One cart holds at most ${max} seats.`,
  'items-per-cart': (max) => `One cart holds at most ${max} time slots.`,
  'carts-per-client': (max) => `At most ${max} carts can be held at once.`,
  'seats-per-client': (max) => `At most ${max} seats can be held at once.`,
  'hold-minutes': (max) => `Seats are held for at most ${max} minutes in all.`,
};

/** The refusal for `limit`. */
export const holdRefusal = (limit: HoldLimit, max: number) =>
  new ProxyError(403, MESSAGES[limit](max), { detail: { limit, max } });

/** Seats of a cart as Resmark answers it: each item's participants (or units, for rentals). */
export function seatsOf(cart: { items: readonly unknown[] }): number {
  let seats = 0;
  for (const item of cart.items as {
    participants?: Record<string, unknown>;
    participantList?: unknown[];
    unitList?: unknown[];
  }[]) {
    if (item.participants)
      for (const count of Object.values(item.participants)) seats += Number(count) || 0;
    else seats += item.participantList?.length ?? item.unitList?.length ?? 0;
  }
  return seats;
}

/** The hold bookkeeping the routes call. */
export interface HoldPolicy {
  /** Counts a new cart for `client`, or refuses; `release` if it was not made after all. */
  openCart(client: string): Promise<() => Promise<void>>;
  /**
   * Counts item `itemId` of `cartId` at `seats` for `client`, or refuses. Adding a slot again
   * replaces its counts (the API's rule; the widget changes quantities so), so only the
   * difference to what the slot held counts. The result gives it back when upstream refuses.
   */
  addItem(
    client: string,
    cartId: string,
    itemId: string,
    seats: number,
  ): Promise<() => Promise<void>>;
  /** Item `itemId` left the cart (the cart's own counts follow from {@link settle}). */
  removeItem(cartId: string, itemId: string): Promise<void>;
  /** Sets the cart's counts to what Resmark answered (after an item was added or removed). */
  settle(client: string, cart: { id: string; items: readonly unknown[] }): Promise<void>;
  /** The cart is gone (deleted, or ordered): its seats and the cart itself count no more. */
  closeCart(client: string, cartId: string): Promise<void>;
  /** Refuses to hold seats (add, renew) beyond `maxMinutes` after `heldSince`. */
  checkLife(heldSince: number, now: number): void;
}

/** Builds the bookkeeping for `limits` over `store`. */
export function holdPolicy(limits: HoldLimits, store: ProxyStore): HoldPolicy {
  const ttl = limits.maxMinutes * 60_000;
  const add = (key: string, delta: number) => store.increment(key, delta, ttl);
  const keys = (client: string, cartId: string) => ({
    cartSeats: `hold:cs:${cartId}`,
    cartItems: `hold:ci:${cartId}`,
    clientSeats: `hold:hs:${client}`,
  });
  // The browser's text: bounded, so a made-up id cannot make a large key (the shared client
  // refuses such an id before it goes upstream anyway).
  const itemKey = (cartId: string, itemId: string) => `hold:it:${cartId}:${itemId.slice(0, 80)}`;

  return {
    async openCart(client) {
      const key = `hold:hc:${client}`;
      if ((await add(key, 1)) > limits.cartsPerClient) {
        await add(key, -1);
        throw holdRefusal('carts-per-client', limits.cartsPerClient);
      }
      return async () => void (await add(key, -1));
    },
    async addItem(client, cartId, itemId, seats) {
      const k = keys(client, cartId);
      const item = itemKey(cartId, itemId);
      const before = (await store.get(item)) ?? 0;
      const delta = seats - before;
      const newItem = before === 0 ? 1 : 0;
      const [cartSeats, cartItems, clientSeats] = await Promise.all([
        add(k.cartSeats, delta),
        add(k.cartItems, newItem),
        add(k.clientSeats, delta),
        add(item, delta),
      ]);
      const release = async () =>
        void (await Promise.all([
          add(k.cartSeats, -delta),
          add(k.cartItems, -newItem),
          add(k.clientSeats, -delta),
          add(item, -delta),
        ]));
      // Fewer seats in a slot are always fine, even over a bound lowered meanwhile.
      const refusal =
        delta > 0 && cartSeats > limits.seatsPerCart
          ? holdRefusal('seats-per-cart', limits.seatsPerCart)
          : newItem && cartItems > limits.itemsPerCart
            ? holdRefusal('items-per-cart', limits.itemsPerCart)
            : delta > 0 && clientSeats > limits.seatsPerClient
              ? holdRefusal('seats-per-client', limits.seatsPerClient)
              : undefined;
      if (refusal) {
        await release();
        throw refusal;
      }
      return release;
    },
    removeItem(cartId, itemId) {
      return store.delete(itemKey(cartId, itemId));
    },
    async settle(client, cart) {
      const k = keys(client, cart.id);
      const [seats = 0, items = 0] = await Promise.all([
        store.get(k.cartSeats),
        store.get(k.cartItems),
      ]);
      const seatDelta = seatsOf(cart) - seats;
      const itemDelta = cart.items.length - items;
      await Promise.all([
        seatDelta ? add(k.cartSeats, seatDelta) : undefined,
        seatDelta ? add(k.clientSeats, seatDelta) : undefined,
        itemDelta ? add(k.cartItems, itemDelta) : undefined,
      ]);
    },
    async closeCart(client, cartId) {
      const k = keys(client, cartId);
      const seats = (await store.get(k.cartSeats)) ?? 0;
      await Promise.all([
        seats ? add(k.clientSeats, -seats) : undefined,
        add(`hold:hc:${client}`, -1),
        store.delete(k.cartSeats),
        store.delete(k.cartItems),
      ]);
    },
    checkLife(heldSince, now) {
      // A lock is 30 minutes from the add or renew that makes it: one made later than this would
      // outlive the bound.
      if (now + SEAT_LOCK_MS > heldSince + ttl)
        throw holdRefusal('hold-minutes', limits.maxMinutes);
    },
  };
}
