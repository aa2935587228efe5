/**
 * The JSON the sandbox answers with, shaped after the examples in docs/wire.md (Carts, Orders,
 * Inventory) and never after our `shared/` schemas.
 */
import { roundMoney } from '../../shared/money.js';
import type { Slot } from './inventory.js';
import { sums } from './records.js';
import type { CartRecord, Line, OrderRecord } from './records.js';
import { AGENCIES } from './seed.js';

const lineView = (line: Line) => ({
  id: line.id,
  tier: line.tier,
  price: line.price,
  discount: line.discount,
  total: line.total,
});

const iso = (ms: number) => new Date(ms).toISOString();

/** A cart as `GET /cart/{id}` returns it. */
export function cartView(cart: CartRecord) {
  const items = [];
  let subtotal = 0;
  let discount = 0;
  let total = 0;
  for (const item of cart.items.values()) {
    const product = item.slot.product.view;
    const money = sums(item.lines);
    subtotal += money.subtotal;
    discount += money.discount;
    total += money.total;
    items.push({
      itemId: item.slot.activityId,
      productId: product.id,
      productNumber: product.productNumber,
      productName: product.name,
      quantityType: product.quantityType,
      startTime: item.slot.startTime,
      endTime: item.slot.endTime,
      participants: item.participants,
      pickupDetailId: item.pickupDetailId,
      locationId: item.locationId,
      locationOther: item.locationOther,
      internalComment: item.internalComment,
      participantList: item.lines.map(lineView),
      ...money,
    });
  }
  const reseller = cart.agencyId !== null;
  return {
    id: cart.id,
    entityId: cart.operator.id,
    supplierId: reseller ? cart.operator.id : null,
    agencyId: cart.agencyId,
    agentId: reseller ? (cart.user.agentId ?? null) : null,
    createdDate: cart.createdDate,
    createdBy: cart.user.name,
    createdByEmail: cart.user.email,
    customer: cart.customer,
    currency: cart.operator.currency,
    items,
    promoCode: cart.promoCode,
    subtotal: roundMoney(subtotal),
    discount: roundMoney(discount),
    total: roundMoney(total),
    expDateTime: cart.items.size === 0 ? null : cart.expDateTime,
    requiredCustomerFields: cart.operator.requiredCustomerFields,
    customFields: cart.operator.customFields,
  };
}

/** An order as `GET /order/{id}` returns it. */
export function orderView(order: OrderRecord) {
  let subtotal = 0;
  let discount = 0;
  let total = 0;
  const items = order.items.map((item) => {
    const product = item.slot.product.view;
    const money = sums(item.lines);
    subtotal += money.subtotal;
    discount += money.discount;
    total += money.total;
    const lines = item.lines.map((line) => ({ ...lineView(line), status: line.status }));
    return {
      itemId: item.slot.activityId,
      productId: product.id,
      productNumber: product.productNumber,
      productName: product.name,
      quantityType: product.quantityType,
      status: item.status,
      date: { startTime: item.slot.startTime, endTime: item.slot.endTime },
      pickupDetailId: item.pickupDetailId,
      locationId: item.locationId,
      locationOther: item.locationOther,
      // Rentals list units, activities participants (Orders, "Cancel Unit").
      ...(product.quantityType === 'unit' ? { unitList: lines } : { participantList: lines }),
      ...money,
    };
  });
  const agency = order.agencyId === null ? undefined : AGENCIES.get(order.agencyId);
  return {
    id: order.id,
    confirmation: order.confirmation,
    entityId: order.operator.id,
    status: order.status,
    createdDate: iso(order.createdMs),
    modifiedDate: iso(order.modifiedMs),
    createdBy: order.user.name,
    createdByEmail: order.user.email,
    referenceId: order.referenceId,
    billing: order.billing,
    paymentSource: 'external',
    customer: order.customer,
    currency: order.operator.currency,
    promoCode: order.promoCode,
    items,
    subtotal: roundMoney(subtotal),
    discount: roundMoney(discount),
    cancellationFee: order.cancellationFee,
    total: roundMoney(total + order.cancellationFee),
    amountPaid: order.amountPaid,
    reseller: agency
      ? {
          agencyId: agency.id,
          agencyName: agency.name,
          agentId: order.user.agentId ?? null,
          agentEmail: order.user.email,
          agentName: order.user.name,
        }
      : null,
  };
}

/** One inventory slot as `GET /product/{id}/item` lists it. */
export function slotView(slot: Slot, seatsLeft: number) {
  return {
    activityId: slot.activityId,
    startTime: slot.startTime,
    endTime: slot.endTime,
    price: slot.product.price,
    tiersAvailable: { '*': Math.max(0, seatsLeft) },
    capacity: slot.capacity,
  };
}
