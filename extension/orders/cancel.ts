/**
 * The four cancellation levels as the Orders view sees them: what one names, the request that
 * cancels it, and the words that tell an agent exactly what goes. The rule itself (what a level
 * cancels, the fee) is Resmark's; `shared/order.ts` holds the endpoints.
 */
import type { ResmarkClient } from '../../shared/client.js';
import { formatMoney } from '../../shared/format.js';
import type { RequestOptions } from '../../shared/http.js';
import type { Order, OrderItem, OrderParticipant } from '../../shared/order.js';
import { people, when } from '../../widget/checkout/lines.js';

/** The order endpoints the Orders view calls: a `ResmarkClient`, or anything with these. */
export interface OrdersClient {
  order: Pick<
    ResmarkClient['order'],
    'list' | 'get' | 'cancel' | 'cancelItem' | 'cancelParticipant' | 'cancelUnit'
  >;
}

/** What one cancellation names: the whole order, one item, or one participant or unit of an item. */
export type CancelTarget =
  | { level: 'order' }
  | { level: 'item'; itemId: string }
  | { level: 'participant' | 'unit'; itemId: string; lineId: string };

/** Whether an order, item or line is still booked: without a `status` it counts as booked. */
export const isActive = (thing: { status?: string | undefined }) => thing.status !== 'cancelled';

/** The people of an activity or the units of a rental. */
export const linesOf = (item: OrderItem): OrderParticipant[] =>
  item.unitList ?? item.participantList ?? [];

/** Whether an item's lines are rental units (Orders article, Cancel Unit). */
export const isRental = (item: OrderItem) =>
  item.quantityType === 'unit' || (item.unitList !== undefined && !item.participantList);

/** Sends the cancellation; the answer is the order as Resmark now has it. */
export function sendCancel(
  client: OrdersClient,
  order: Order,
  target: CancelTarget,
  applyCancellationFee: boolean,
  request: RequestOptions = {},
): Promise<Order> {
  // Sent only when waived: the API's default is to charge, and the request then says nothing else.
  const options = applyCancellationFee ? request : { ...request, applyCancellationFee };
  const { order: api } = client;
  switch (target.level) {
    case 'order':
      return api.cancel(order.id, options);
    case 'item':
      return api.cancelItem(order.id, target.itemId, options);
    case 'participant':
      return api.cancelParticipant(order.id, target.itemId, target.lineId, options);
    case 'unit':
      return api.cancelUnit(order.id, target.itemId, target.lineId, options);
  }
}

/** The item a target names (the active entry first: an item booked again appears twice). */
export function itemOf(order: Order, target: CancelTarget): OrderItem | undefined {
  if (target.level === 'order') return undefined;
  const entries = order.items.filter((item) => item.itemId === target.itemId);
  if (target.level !== 'item')
    return entries.find((item) => linesOf(item).some((line) => line.id === target.lineId));
  return entries.find(isActive) ?? entries[0];
}

/** "Child 1", "Adult 2": a line's tier and its place among the item's lines of that tier. */
export function lineName(item: OrderItem, line: OrderParticipant): string {
  const sameTier = linesOf(item).filter((other) => other.tier === line.tier);
  const tier = line.tier === 'All' ? (isRental(item) ? 'Unit' : 'Person') : line.tier;
  return `${tier} ${sameTier.indexOf(line) + 1}`;
}

/** What the confirmation dialog says: its title, exactly what goes, and the confirm button. */
export interface CancelWords {
  /** What is cancelled, as a sentence's subject: "Child 1 of Half-Day Canyon Kayak Tour, …". */
  name: string;
  title: string;
  what: string;
  confirm: string;
  /** What Resmark's line totals say is cancelled (the fee is the supplier's share of this). */
  amount: number;
}

const activeTotal = (lines: OrderParticipant[]) =>
  lines.filter(isActive).reduce((sum, line) => sum + line.total, 0);

/** The words for cancelling `target` of `order`, or `undefined` if the order has no such thing. */
export function describeCancel(
  order: Order,
  target: CancelTarget,
  currency: string,
  locale: string | undefined,
): CancelWords | undefined {
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const slot = (item: OrderItem) =>
    [item.productName, when(item.date.startTime, item.date.endTime, locale)]
      .filter(Boolean)
      .join(', ');
  if (target.level === 'order') {
    const items = order.items.filter(isActive);
    const amount = items.reduce((sum, item) => sum + activeTotal(linesOf(item)), 0);
    const list = items.map((item) => `${slot(item)} (${people(item)})`).join('; ');
    return {
      name: `Order ${order.confirmation}`,
      title: `Cancel all of order ${order.confirmation}?`,
      what: `Everything still booked on order ${order.confirmation}: ${list}. ${money(amount)} in all.`,
      confirm: 'Cancel the whole order',
      amount,
    };
  }
  const item = itemOf(order, target);
  if (!item) return undefined;
  if (target.level === 'item') {
    const amount = activeTotal(linesOf(item));
    return {
      name: slot(item),
      title: 'Cancel this item?',
      what: `${slot(item)}: ${people(item)}, ${money(amount)}, on order ${order.confirmation}.`,
      confirm: 'Cancel the item',
      amount,
    };
  }
  const line = linesOf(item).find((l) => l.id === target.lineId);
  if (!line) return undefined;
  const noun = target.level === 'unit' ? 'unit' : 'participant';
  return {
    name: `${lineName(item, line)} of ${slot(item)}`,
    title: `Cancel this ${noun}?`,
    what: `${lineName(item, line)} (${money(line.total)}) of ${slot(item)}, on order ${order.confirmation}. The rest of the order stays booked.`,
    confirm: `Cancel the ${noun}`,
    amount: line.total,
  };
}

/**
 * "Active", "Cancelled", or "Partly cancelled" for a booked order or item some of whose `parts`
 * (items, people, units) are cancelled.
 */
export function statusWord(
  status: string | undefined,
  parts: readonly { status?: string | undefined }[] = [],
): string {
  if (status === 'cancelled') return 'Cancelled';
  if (parts.some((part) => !isActive(part))) return 'Partly cancelled';
  // A status we do not know is shown as Resmark wrote it, not hidden behind "Active".
  return !status || status === 'active' ? 'Active' : status[0]!.toUpperCase() + status.slice(1);
}

/** {@link statusWord} of an order: its items, people and units are its parts. */
export const orderStatusWord = (order: Order) =>
  statusWord(order.status, [...order.items, ...order.items.flatMap(linesOf)]);

/** The status the answer gives the thing `target` names: `'cancelled'` after a cancellation. */
export function statusOf(order: Order, target: CancelTarget): string | undefined {
  if (target.level === 'order') return order.status;
  const item = itemOf(order, target);
  if (!item || target.level === 'item') return item?.status;
  return linesOf(item).find((line) => line.id === target.lineId)?.status;
}
