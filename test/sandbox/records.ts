/** What the sandbox stores about carts and orders, and the pricing both share. */
import { percentOf, roundMoney } from '../../shared/money.js';
import type { Slot } from './inventory.js';
import type { Operator, User } from './seed.js';

/** One participant (or rental unit) with its price. */
export interface Line {
  id: string;
  tier: string;
  price: number;
  discount: number;
  total: number;
  status: 'active' | 'cancelled';
}

/** The pickup choice of an item, as sent. */
export interface PickupChoice {
  pickupDetailId: string | null;
  locationId: string | null;
  locationOther: string | null;
}

/** A slot in a cart. */
export interface CartItem extends PickupChoice {
  slot: Slot;
  participants: Record<string, number>;
  seats: number;
  internalComment: string | null;
  lines: Line[];
}

/** A cart; `ownerId` is the operator (staff cart) or the agency (reseller cart) that may see it. */
export interface CartRecord {
  id: string;
  ownerId: string;
  operator: Operator;
  agencyId: string | null;
  user: User;
  createdDate: string;
  customer: Record<string, unknown>;
  items: Map<string, CartItem>;
  promoCode: string | null;
  promoPercent: number;
  promoEntityId: string | undefined;
  /** When the seats stop being held; `null` while the cart is empty. */
  expDateTime: number | null;
}

/** A slot in an order. */
export interface OrderItem extends PickupChoice {
  slot: Slot;
  status: 'active' | 'cancelled';
  lines: Line[];
}

/** An order; `ownerIds` are the operator and, for a reseller order, the agency. */
export interface OrderRecord {
  id: string;
  confirmation: number;
  operator: Operator;
  agencyId: string | null;
  user: User;
  status: 'active' | 'cancelled';
  createdMs: number;
  modifiedMs: number;
  referenceId: string | null;
  billing: Record<string, unknown> | null;
  customer: Record<string, unknown>;
  promoCode: string | null;
  items: OrderItem[];
  cancellationFee: number;
  amountPaid: number;
}

/** Prices `count` participants of `tier`, with the cart's promo percent. */
export function priceLine(id: string, tier: string, price: number, percent: number): Line {
  const discount = percentOf(price, percent);
  return { id, tier, price, discount, total: roundMoney(price - discount), status: 'active' };
}

/** The percent off a promo gives an item of a product of `entityId`. */
export function promoPercentFor(cart: CartRecord, entityId: string): number {
  if (cart.promoCode === null) return 0;
  return cart.promoEntityId === undefined || cart.promoEntityId === entityId
    ? cart.promoPercent
    : 0;
}

/** Re-prices every line of a cart (after a promo code was applied). */
export function repriceCart(cart: CartRecord): void {
  for (const item of cart.items.values()) {
    const percent = promoPercentFor(cart, item.slot.product.view.entityId);
    item.lines = item.lines.map((line) => priceLine(line.id, line.tier, line.price, percent));
  }
}

/** Sums of the active lines. */
export function sums(lines: readonly Line[]): {
  subtotal: number;
  discount: number;
  total: number;
} {
  let subtotal = 0;
  let discount = 0;
  for (const line of lines) {
    if (line.status !== 'active') continue;
    subtotal += line.price;
    discount += line.discount;
  }
  subtotal = roundMoney(subtotal);
  discount = roundMoney(discount);
  return { subtotal, discount, total: roundMoney(subtotal - discount) };
}
