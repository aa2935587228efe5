/**
 * The orders each caller may list, kept in the orders `GET /order` answers them in, so a page costs
 * the same at 100 000 orders as at 1 000: no request scans or sorts every stored order.
 *
 * Two facts make it cheap. Ids are handed out in creation order and the clock never goes back
 * (it only advances, and a reset forgets every order), so an owner's orders in id order are also
 * in creation order: a created-date range is one slice, found by binary search. And a change
 * always happens "now", after every earlier change, so a log of changes appended as they happen
 * is in modification order: a modified-date range is one slice of it too.
 */
import type { OrderRecord } from './records.js';
import type { User } from './seed.js';

/** One entry of an owner's change log; it counts only while it is its order's latest. */
interface Change {
  order: OrderRecord;
  ms: number;
}

/** The orders one owner (an operator's staff, or a reseller agency's agents) may see. */
export interface OwnedOrders {
  /** In id order, which is creation order: `createdMs` never decreases along it. */
  readonly byId: readonly OrderRecord[];
  /** Creation and every later change, in time order: `ms` never decreases along it. */
  readonly changes: readonly Change[];
  /** Whether `change` is still its order's latest (a later change makes it stale). */
  isCurrent(change: Change): boolean;
}

// Staff see their operator's orders, agents their agency's (orders.ts, canSeeOrder): one key each.
const staffKey = (operatorId: string) => `staff:${operatorId}`;
const agencyKey = (agencyId: string) => `agent:${agencyId}`;

/** Orders by owner, with the change log of each. `clear()` goes with the sandbox's reset. */
export class OrderIndex {
  readonly #owners = new Map<string, { byId: OrderRecord[]; changes: Change[] }>();
  readonly #latest = new Map<OrderRecord, Change>();
  readonly #isCurrent = (change: Change) => this.#latest.get(change.order) === change;

  /** Forgets every order. */
  clear(): void {
    this.#owners.clear();
    this.#latest.clear();
  }

  /** Adds a new order: it must have a higher id than every order added before it. */
  add(order: OrderRecord): void {
    for (const key of this.#keys(order)) {
      let owned = this.#owners.get(key);
      if (!owned) this.#owners.set(key, (owned = { byId: [], changes: [] }));
      owned.byId.push(order);
    }
    this.touched(order);
  }

  /** Records that `order` changed at its `modifiedMs` (now): earlier entries go stale. */
  touched(order: OrderRecord): void {
    const change = { order, ms: order.modifiedMs };
    this.#latest.set(order, change);
    for (const key of this.#keys(order)) this.#owners.get(key)!.changes.push(change);
  }

  /** The orders `user` may see, or `undefined` when there are none. */
  ownedBy(user: User): OwnedOrders | undefined {
    const owned = this.#owners.get(
      user.role === 'staff' ? staffKey(user.entityId) : agencyKey(user.entityId),
    );
    return owned && { ...owned, isCurrent: this.#isCurrent };
  }

  #keys(order: OrderRecord): string[] {
    const keys = [staffKey(order.operator.id)];
    if (order.agencyId !== null) keys.push(agencyKey(order.agencyId));
    return keys;
  }
}

/** The first index in `list` whose `key` is at least `bound` (`list.length` when none is). */
export function lowerBound<T>(list: readonly T[], key: (item: T) => number, bound: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(list[middle]!) < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}
