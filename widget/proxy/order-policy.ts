/**
 * The one place that decides whether the proxy may create orders. Orders made through the Resmark
 * API are recorded as paid by an external source (`amountPaid == total`), so an operator must
 * either collect payment before the order or knowingly take pay-on-arrival bookings.
 */
import { ORDER_POLICIES, type OrderPolicy } from '../proxy-protocol.js';
import { ProxyError } from './errors.js';

// Named in widget/proxy-protocol.ts, since every answer tells the widget which one is in force.
export { ORDER_POLICIES, type OrderPolicy };

/** The default when `ORDER_POLICY` is unset: a misconfigured proxy never gives away free bookings. */
export const DEFAULT_ORDER_POLICY: OrderPolicy = 'closed';

/** The billing memo the proxy sets on every pay-on-arrival order (never taken from the browser). */
export const PAY_ON_ARRIVAL_MEMO = 'Pay on arrival — booked online';

/** What `POST /order` sends upstream besides the cart and the referenceId. */
export interface OrderTerms {
  billing: { memo: string };
}

/**
 * Refuses with the policy's 403 what would hold seats (a new cart, an item, a renewal) when no
 * order can follow: a hold that can never become an order only keeps seats from other buyers.
 */
export function checkHold(policy: OrderPolicy): void {
  orderTerms(policy);
}

/**
 * The terms for a new order under `policy`, or a 403 when the policy takes no orders.
 * Throws {@link ProxyError}.
 */
export function orderTerms(policy: OrderPolicy): OrderTerms {
  switch (policy) {
    case 'pay-on-arrival':
      return { billing: { memo: PAY_ON_ARRIVAL_MEMO } };
    case 'closed':
      throw new ProxyError(
        403,
        'Online booking is not taking orders right now: please contact the operator to book.',
      );
  }
}
