/** The order rules (Orders article; docs/wire.md, Orders): placing, finding, listing, cancelling. */
import { validateCustomer } from '../../shared/customer.js';
import { percentOf, roundMoney } from '../../shared/money.js';
import { customerRules, findCart } from './carts.js';
import { ApiError, invalid } from './errors.js';
import { csv, pageOf } from './http.js';
import { lowerBound } from './order-index.js';
import { sums } from './records.js';
import type { Line, OrderItem, OrderRecord } from './records.js';
import type { User } from './seed.js';
import type { SandboxState } from './state.js';

/** Whether `user` may see `order`: its operator's staff, or (reseller order) its agency's agents. */
function canSeeOrder(user: User, order: OrderRecord): boolean {
  return user.role === 'staff'
    ? order.operator.id === user.entityId
    : order.agencyId === user.entityId;
}

/** An order by session id or confirmation number; one the caller may not see is a 404. */
export function findOrder(state: SandboxState, user: User, idOrConfirmation: string): OrderRecord {
  const order = /^\d+$/.test(idOrConfirmation)
    ? state.ordersByConfirmation.get(Number(idOrConfirmation))
    : state.orders.get(idOrConfirmation);
  if (!order || !canSeeOrder(user, order))
    throw new ApiError(404, `Order ${idOrConfirmation} not found`);
  return order;
}

const optionalText = (body: Record<string, unknown>, key: string): string | null => {
  const value = body[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw invalid(`${key} must be a string`, { [key]: 'Send text' });
  return value;
};

/** `POST /order`: turns a cart into an order (or adds it to `orderId`); the cart is consumed. */
export function createOrder(
  state: SandboxState,
  user: User,
  body: Record<string, unknown>,
): OrderRecord {
  const cartId = body['id'];
  if (typeof cartId !== 'string' || cartId === '')
    throw invalid('id (the cart id) is required', { id: 'Send the id of the cart to order' });
  const orderId = optionalText(body, 'orderId');
  const referenceId = optionalText(body, 'referenceId');
  const billing = body['billing'];
  if (
    billing !== undefined &&
    billing !== null &&
    (typeof billing !== 'object' || Array.isArray(billing))
  )
    throw invalid('billing must be an object like { "memo": "…" }', { billing: 'Send an object' });

  const cart = findCart(state, user, cartId);
  if (cart.items.size === 0)
    throw invalid('The cart has no items', { items: 'Add at least one item before ordering' });
  const customer = validateCustomer(cart.customer, customerRules(cart));
  if (!customer.ok)
    throw invalid(
      `The customer is missing required fields: ${Object.keys(customer.fields).join(', ')}`,
      customer.fields,
    );
  const now = state.clock.now();
  if (cart.expDateTime === null || cart.expDateTime <= now)
    throw new ApiError(
      409,
      `The seat lock of cart ${cart.id} expired; renew the cart before ordering`,
    );
  const existing = orderId === null ? undefined : findOrder(state, user, orderId);
  if (existing?.status === 'cancelled') throw new ApiError(409, `Order ${orderId} is cancelled`);
  if (existing && existing.operator.id !== cart.operator.id)
    throw invalid('The cart and the order belong to different suppliers', {
      orderId: 'Choose an order of the same supplier',
    });

  let paid = 0;
  const items: OrderItem[] = [];
  for (const item of cart.items.values()) {
    state.inventory.book(item.slot.activityId, cart.id, item.seats);
    paid += sums(item.lines).total;
    items.push({
      slot: item.slot,
      status: 'active',
      pickupDetailId: item.pickupDetailId,
      locationId: item.locationId,
      locationOther: item.locationOther,
      lines: item.lines,
    });
  }
  state.carts.delete(cart.id);

  let order = existing;
  if (order) {
    for (const item of items) {
      // One entry per slot, so the slot's itemId still names one thing to cancel.
      const same = order.items.find(
        (i) => i.slot.activityId === item.slot.activityId && i.status === 'active',
      );
      if (same) same.lines.push(...item.lines);
      else order.items.push(item);
    }
    order.amountPaid = roundMoney(order.amountPaid + paid);
    order.modifiedMs = now;
    state.orderIndex.touched(order);
  } else {
    const { id, confirmation } = state.nextOrder();
    order = {
      id,
      confirmation,
      operator: cart.operator,
      agencyId: cart.agencyId,
      user,
      status: 'active',
      createdMs: now,
      modifiedMs: now,
      referenceId: null,
      billing: (billing as Record<string, unknown> | undefined) ?? null,
      customer: customer.customer,
      promoCode: cart.promoCode,
      items,
      cancellationFee: 0,
      amountPaid: roundMoney(paid),
    };
    state.orders.set(id, order);
    state.ordersByConfirmation.set(confirmation, order);
    state.orderIndex.add(order);
  }
  if (referenceId !== null && order.referenceId === null) {
    order.referenceId = referenceId;
    const list = state.ordersByReference.get(referenceId);
    if (list) list.push(order);
    else state.ordersByReference.set(referenceId, [order]);
  }
  return order;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayBound(query: Record<string, string>, key: string, end: boolean): number | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00.000Z`) : Number.NaN;
  if (Number.isNaN(ms))
    throw invalid(`${key} must be a date as YYYY-MM-DD`, { [key]: 'Send a date as YYYY-MM-DD' });
  return end ? ms + 86_400_000 - 1 : ms;
}

function range(
  query: Record<string, string>,
  what: 'Created' | 'Modified',
): [number, number] | undefined {
  const from = dayBound(query, `from${what}Date`, false);
  const to = dayBound(query, `to${what}Date`, true);
  // Orders article: "toCreatedDate must be used with fromCreatedDate".
  if (to !== undefined && from === undefined)
    throw invalid(`to${what}Date must be used with from${what}Date`, {
      [`to${what}Date`]: `Send from${what}Date as well`,
    });
  return from === undefined ? undefined : [from, to ?? Number.POSITIVE_INFINITY];
}

const byId = (a: OrderRecord, b: OrderRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const within = (ms: number, bounds: [number, number] | undefined) =>
  !bounds || (ms >= bounds[0] && ms <= bounds[1]);

/**
 * One page of `GET /order` with its filters, sorted by id (`asc` by default). Through the
 * {@link OrderIndex}, its cost follows the page and the orders its filters name, never the number
 * of orders stored (docs/wire.md, Orders; `npm run bench`).
 */
export function listOrders(
  state: SandboxState,
  user: User,
  query: Record<string, string>,
): OrderRecord[] {
  const created = range(query, 'Created');
  const modified = range(query, 'Modified');
  const sortOrder = (query['sortOrder'] ?? 'asc').toLowerCase();
  if (sortOrder !== 'asc' && sortOrder !== 'desc')
    throw invalid('sortOrder must be asc or desc', { sortOrder: 'Send asc or desc' });
  const { offset, limit } = pageOf(query);
  const ids = csv(query['ids']);
  const confirmations = csv(query['confirmationIds'])?.map(Number);
  const referenceId = query['referenceId'] || undefined;
  const owned = state.orderIndex.ownedBy(user);
  if (!owned) return [];

  // The filters that name orders outright (or a small log slice) give the candidates: only
  // they are checked and sorted.
  let candidates: OrderRecord[] | undefined;
  if (ids) candidates = ids.flatMap((id) => state.orders.get(id) ?? []);
  else if (confirmations)
    candidates = confirmations.flatMap((n) => state.ordersByConfirmation.get(n) ?? []);
  else if (referenceId) candidates = state.ordersByReference.get(referenceId) ?? [];
  else if (modified) {
    const { changes } = owned;
    const from = lowerBound(changes, (change) => change.ms, modified[0]);
    candidates = [];
    for (let i = from; i < changes.length && changes[i]!.ms <= modified[1]; i++)
      if (owned.isCurrent(changes[i]!)) candidates.push(changes[i]!.order);
  }
  if (candidates) {
    const idSet = ids && new Set(ids);
    const confirmationSet = confirmations && new Set(confirmations);
    const found = [...new Set(candidates)].filter(
      (order) =>
        canSeeOrder(user, order) &&
        (!idSet || idSet.has(order.id)) &&
        (!confirmationSet || confirmationSet.has(order.confirmation)) &&
        (referenceId === undefined || order.referenceId === referenceId) &&
        within(order.createdMs, created) &&
        within(order.modifiedMs, modified),
    );
    found.sort(byId);
    if (sortOrder === 'desc') found.reverse();
    return found.slice(offset, offset + limit);
  }

  // No such filter: the page is a slice of the owner's orders, bounded by the created range.
  const { byId: all } = owned;
  const low = created ? lowerBound(all, (order) => order.createdMs, created[0]) : 0;
  const high = created ? lowerBound(all, (order) => order.createdMs, created[1] + 1) : all.length;
  if (sortOrder === 'asc') return all.slice(low + offset, Math.min(high, low + offset + limit));
  const page: OrderRecord[] = [];
  for (let i = high - 1 - offset; i >= low && page.length < limit; i--) page.push(all[i]!);
  return page;
}

/** What a cancellation names: the whole order, one item, or one participant or unit of an item. */
export type CancelTarget =
  | { level: 'order' }
  | { level: 'item'; itemId: string }
  | { level: 'participant' | 'unit'; itemId: string; lineId: string };

/** The four cancellation levels (Orders, "Cancellation Levels"): seats return, the fee is charged. */
export function cancel(
  state: SandboxState,
  user: User,
  id: string,
  target: CancelTarget,
  applyFee: boolean,
): OrderRecord {
  const order = findOrder(state, user, id);
  const picked: { item: OrderItem; lines: Line[] }[] = [];
  if (target.level === 'order') {
    if (order.status === 'cancelled') throw new ApiError(409, `Order ${id} is already cancelled`);
    for (const item of order.items)
      picked.push({ item, lines: item.lines.filter((l) => l.status === 'active') });
  } else {
    // An item cancelled and then booked again (orderId) is in the order twice: the active entry
    // is the one a cancellation means, and a participant may be in either.
    const entries = order.items.filter((i) => i.slot.activityId === target.itemId);
    const withLine =
      target.level === 'item'
        ? undefined
        : entries.find((i) => i.lines.some((l) => l.id === target.lineId));
    const item = withLine ?? entries.find((i) => i.status === 'active') ?? entries[0];
    if (!item) throw new ApiError(404, `Item ${target.itemId} is not in order ${id}`);
    if (target.level === 'item') {
      if (item.status === 'cancelled')
        throw new ApiError(409, `Item ${target.itemId} is already cancelled`);
      picked.push({ item, lines: item.lines.filter((l) => l.status === 'active') });
    } else {
      const isUnit = item.slot.product.view.quantityType === 'unit';
      if (isUnit !== (target.level === 'unit'))
        throw invalid(
          isUnit
            ? `Item ${target.itemId} is a rental: cancel one of its units`
            : `Item ${target.itemId} is an activity: cancel one of its participants`,
          {
            [target.level === 'unit' ? 'unitId' : 'participantId']:
              'Use the other cancellation level for this item',
          },
        );
      const line = item.lines.find((l) => l.id === target.lineId);
      if (!line)
        throw new ApiError(
          404,
          `${isUnit ? 'Unit' : 'Participant'} ${target.lineId} is not in item ${target.itemId}`,
        );
      if (line.status === 'cancelled')
        throw new ApiError(
          409,
          `${isUnit ? 'Unit' : 'Participant'} ${target.lineId} is already cancelled`,
        );
      picked.push({ item, lines: [line] });
    }
  }

  let amount = 0;
  for (const { item, lines } of picked) {
    for (const line of lines) {
      line.status = 'cancelled';
      amount += line.total;
    }
    if (lines.length > 0) state.inventory.unbook(item.slot.activityId, lines.length);
    if (item.lines.every((l) => l.status === 'cancelled')) item.status = 'cancelled';
  }
  if (order.items.every((i) => i.status === 'cancelled')) order.status = 'cancelled';
  if (applyFee)
    order.cancellationFee = roundMoney(
      order.cancellationFee + percentOf(amount, order.operator.cancellationFeePercent),
    );
  order.modifiedMs = state.clock.now();
  state.orderIndex.touched(order);
  return order;
}
