/**
 * The widget's entry (`npm run build:widget` bundles it): defines `<resmark-checkout>` and its
 * product list, so one script tag and `<resmark-checkout>` are the whole embedding. The elements
 * of the later steps (widget/steps.ts) are defined when the element loads them; the reseller
 * extension imports the booking elements it composes from their own modules.
 */
export { ResmarkCheckout, type CheckoutStep } from './resmark-checkout.js';
export { getLocale, useLocale } from './localize.js';
export type { ResmarkEventDetails, ResmarkEventName } from './events.js';
