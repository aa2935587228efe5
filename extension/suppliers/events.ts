/**
 * The events of the supplier elements: names, `detail` types and one way to fire them. Like the
 * widget's (`widget/events.ts`), they bubble and are composed, so the side panel hears them
 * through the shadow roots; `HTMLElementEventMap` below types `addEventListener` for them.
 */
import type { ListedSupplier, Supplier } from './supplier-match.js';

/** `detail` of each supplier event, by name. */
export interface SupplierEventDetails {
  /** The agent changed their supplier settings; `suppliers` is the whole new list, to persist. */
  'resmark-suppliers-change': { suppliers: Supplier[] };
  /** The agent chose the supplier to book for. */
  'resmark-supplier-select': { supplier: ListedSupplier };
}

/** The name of one of the supplier events. */
export type SupplierEventName = keyof SupplierEventDetails;

/** One of the supplier events, with its typed `detail`. */
export type SupplierEvent<K extends SupplierEventName> = CustomEvent<SupplierEventDetails[K]>;

/** Fires `name` from `target`, bubbling and composed. */
export function fireSupplierEvent<K extends SupplierEventName>(
  target: EventTarget,
  name: K,
  detail: SupplierEventDetails[K],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/** `HTMLElementEventMap` entries for the supplier events. */
export type SupplierEventMap = { [K in SupplierEventName]: SupplierEvent<K> };

declare global {
  // Merging the supplier events into the DOM's map types addEventListener('resmark-supplier…').
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SupplierEventMap {}
}
