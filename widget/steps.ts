/**
 * Everything `<resmark-checkout>` needs after the product list: the booking flow and the elements
 * of its later steps (date and time, cart, details, review, confirmation). The shell imports this
 * module when the shopper moves towards a product, or when the browser is idle once the list is
 * up, so the first view downloads only what the list needs (issue 11, "The first view").
 */
import './booking/resmark-product-booker.js';
import './checkout/resmark-cart-summary.js';
import './checkout/resmark-confirmation.js';
import './checkout/resmark-customer-form.js';
import './checkout/resmark-hold-timer.js';
import './checkout/resmark-order-review.js';
import './checkout/resmark-promo-code.js';

export { BookingFlow, busyMessage } from './controllers/booking-flow.js';
export { laterStep } from './later-steps.js';
export { itemsOf, productItem, track } from './analytics.js';
export { shopperMessage } from './shopper-message.js';
// The cart's and order's endpoints (and their schemas): the page's client gets them here.
export { cartEndpoints } from '../shared/cart.js';
export { orderEndpoints } from '../shared/order.js';
