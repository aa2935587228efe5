/**
 * The events of the agents' Orders view, named `resmark-*` like the widget's: they bubble, are
 * composed (so the side panel hears them through the shadow roots) and carry a typed `detail`.
 * Failures are the widget's `resmark-error` (`widget/events.ts`), so one listener logs both.
 */
import type { Order } from '../../shared/order.js';
import type { CancelTarget } from './cancel.js';

/** How the agent reached an order. */
export type OrderOpenedBy = 'confirmation' | 'id' | 'reference' | 'list';

/** `detail` of each Orders event, by name. */
export interface OrderEventDetails {
  /** The agent opened an order (found by a search or picked from the list). */
  'resmark-order-open': { order: Order; by: OrderOpenedBy };
  /** The agent left an order for the list and the search. */
  'resmark-order-close': { order: Order };
  /** Resmark cancelled what the agent asked; `order` is its answer (new statuses, fee, total). */
  'resmark-order-cancel': { order: Order; target: CancelTarget; applyCancellationFee: boolean };
}

/** The name of one of the Orders events. */
export type OrderEventName = keyof OrderEventDetails;

/** One of the Orders events, with its typed `detail`. */
export type OrderEvent<K extends OrderEventName> = CustomEvent<OrderEventDetails[K]>;

/** Fires `name` from `target`, bubbling and composed. */
export function fireOrderEvent<K extends OrderEventName>(
  target: EventTarget,
  name: K,
  detail: OrderEventDetails[K],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/** `HTMLElementEventMap` entries for the Orders events. */
export type OrderEventMap = { [K in OrderEventName]: OrderEvent<K> };

declare global {
  // Merging the Orders events into the DOM's map types addEventListener('resmark-order-…').
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends OrderEventMap {}
}
