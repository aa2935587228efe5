/**
 * The widget's entry (`npm run build:widget` bundles it): defines every element, so one script tag
 * and `<resmark-checkout>` are the whole embedding, and the reseller extension can compose the
 * booking elements on their own.
 */
import './booking/resmark-availability-calendar.js';
import './booking/resmark-pickup-picker.js';
import './booking/resmark-product-booker.js';
import './booking/resmark-product-list.js';
import './booking/resmark-slot-picker.js';
import './booking/resmark-tier-quantities.js';
import './checkout/resmark-cart-summary.js';
import './checkout/resmark-confirmation.js';
import './checkout/resmark-customer-form.js';
import './checkout/resmark-hold-timer.js';
import './checkout/resmark-order-review.js';
import './checkout/resmark-promo-code.js';

export { ResmarkCheckout, type CheckoutStep } from './resmark-checkout.js';
export { getLocale, useLocale } from './localize.js';
export type { ResmarkEventDetails, ResmarkEventName } from './events.js';
