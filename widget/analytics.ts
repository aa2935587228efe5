/**
 * GA4 e-commerce events for `analytics="datalayer"`: pushed to `window.dataLayer`, where the
 * operator's own Google Tag Manager or gtag.js picks them up. The widget loads no analytics itself.
 */
import type { CartItem } from '../shared/cart.js';
import type { OrderItem } from '../shared/order.js';
import type { Product } from '../shared/product.js';

/** One GA4 `items[]` entry: a product at one tier (`item_variant`), at what one seat costs. */
export interface AnalyticsItem {
  item_id: string;
  item_name: string;
  item_variant?: string;
  price: number;
  quantity: number;
}

/** The GA4 e-commerce events the widget sends. */
export type AnalyticsEvent = 'view_item' | 'add_to_cart' | 'begin_checkout' | 'purchase';

/** The `ecommerce` object of a GA4 event. */
export interface Ecommerce {
  currency: string;
  value: number;
  items: AnalyticsItem[];
  transaction_id?: string;
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

/** GA4 items for cart or order lines: one per tier, priced at what the API charged (after discount). */
export function itemsOf(lines: readonly (CartItem | OrderItem)[]): AnalyticsItem[] {
  return lines.flatMap((line) => {
    const byTier = new Map<string, { total: number; quantity: number }>();
    for (const person of line.participantList ?? line.unitList ?? []) {
      const tier = byTier.get(person.tier) ?? { total: 0, quantity: 0 };
      tier.total += person.total;
      tier.quantity++;
      byTier.set(person.tier, tier);
    }
    return [...byTier].map(([tier, { total, quantity }]) => ({
      item_id: String(line.productNumber),
      item_name: line.productName,
      item_variant: tier,
      price: cents(total / quantity),
      quantity,
    }));
  });
}

/** The GA4 item for a product being looked at, at its marketing ("from") price. */
export function productItem(product: Product): AnalyticsItem {
  return {
    item_id: String(product.productNumber),
    item_name: product.name,
    price: Number(product.price) || 0,
    quantity: 1,
  };
}

/**
 * Pushes one GA4 event onto `window.dataLayer` (creating it if the page has none), after
 * `{ ecommerce: null }` so GTM does not merge it with the previous event's items, as GA4 advises.
 */
export function track(event: AnalyticsEvent, ecommerce: Ecommerce): void {
  const page = globalThis as { dataLayer?: unknown[] };
  const layer = (page.dataLayer ??= []);
  layer.push({ ecommerce: null }, { event, ecommerce });
}
