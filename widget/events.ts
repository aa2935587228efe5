/**
 * Every DOM event the widget's elements fire: names, `detail` types, and one way to fire them.
 * They bubble and are composed, so a page (or the extension's side panel) hears them through the
 * shadow roots; `HTMLElementEventMap` below types `addEventListener` for them.
 */
import type { AddCartItem, Cart, CartItem } from '../shared/cart.js';
import type { CustomerInput } from '../shared/customer.js';
import type { ResmarkErrorKind } from '../shared/errors.js';
import type { Order } from '../shared/order.js';
import type { InventorySlot, Product } from '../shared/product.js';

/** A pickup choice: a zone's pickup detail and one of its locations, or a free-text location. */
export interface PickupChoice {
  pickupDetailId?: string;
  locationId?: string;
  locationOther?: string;
}

/** `detail` of each event, by name. */
export interface ResmarkEventDetails {
  // The public events of <resmark-checkout>: the operator's page listens to these.
  /** The product list is on screen and the widget takes input. */
  'resmark-ready': { products: number };
  /** The cart changed (an item added or removed, a promo applied, the hold renewed or lost). */
  'resmark-cart-change': { cart: Cart | undefined };
  /** A time slot was added to the cart. */
  'resmark-item-add': { cartId: string; item: CartItem };
  /** The order was placed. Totals are the API's. */
  'resmark-checkout-complete': {
    orderId: string;
    confirmation: number;
    items: Order['items'];
    total: number;
    currency: string;
  };
  /** Something failed that the shopper was told about. */
  'resmark-error': { kind: ResmarkErrorKind | 'unknown'; message: string; status?: number };

  // Booking elements.
  'resmark-product-select': { product: Product };
  'resmark-products-retry': Record<string, never>;
  'resmark-month-change': { month: string };
  'resmark-date-select': { date: string };
  'resmark-slot-select': { slot: InventorySlot };
  'resmark-quantities-change': { participants: Record<string, number> };
  'resmark-pickup-change': PickupChoice;
  'resmark-item-request': { product: Product; slot: InventorySlot; item: AddCartItem };
  'resmark-availability-change': { product: Product; soldOut: boolean; from?: number };

  // Checkout elements.
  'resmark-hold-renew': Record<string, never>;
  'resmark-lock-expire': Record<string, never>;
  'resmark-item-remove': { itemId: string };
  'resmark-item-change': { itemId: string; participants: Record<string, number> };
  'resmark-promo-apply': { promoCode: string };
  'resmark-customer-submit': { customer: CustomerInput };
  'resmark-order-place': Record<string, never>;
  'resmark-booking-restart': Record<string, never>;
}

/** The name of one of the widget's events. */
export type ResmarkEventName = keyof ResmarkEventDetails;

/** One of the widget's events, with its typed `detail`. */
export type ResmarkEvent<K extends ResmarkEventName> = CustomEvent<ResmarkEventDetails[K]>;

/** Fires `name` from `target`, bubbling and composed. Returns false if a listener cancelled it. */
export function fire<K extends ResmarkEventName>(
  target: EventTarget,
  name: K,
  detail: ResmarkEventDetails[K],
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}

declare global {
  // Merging the widget's events into the DOM's map types addEventListener('resmark-…').
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ResmarkEventMap {}
}

/** `HTMLElementEventMap` entries for the widget's events. */
export type ResmarkEventMap = { [K in ResmarkEventName]: ResmarkEvent<K> };
