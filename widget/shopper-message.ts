/**
 * What a shopper reads when something fails. The shared client's messages are written for the
 * people who run the checkout ("Could not reach Resmark for GET /product…"), and Resmark's own
 * refusals for API users ("The seat lock of cart 2958… expired; renew the cart before ordering"),
 * in English; a shopper gets a sentence in the widget's language chosen by what went wrong, saying
 * what they can do next, and the technical message stays in `resmark-error`'s detail for the
 * operator's logs. No API or internal sentence ever reaches a shopper, in any language (issue 11).
 */
import { msg, str } from '@lit/localize';
import { ResmarkError } from '../shared/errors.js';
import type { SessionRefusal } from '../shared/session.js';

/** What the cart session refused, when `error` is its refusal (shared/session.ts). */
function refusalOf(error: ResmarkError): SessionRefusal | undefined {
  const detail = error.detail as Partial<SessionRefusal> | undefined;
  return error.kind === 'input' && typeof detail?.refused === 'string'
    ? (detail as SessionRefusal)
    : undefined;
}

/**
 * The proxy's refusal of a hold past one of its bounds (widget/proxy/holds.ts): `detail` is
 * `{ limit, max }`, so the shopper hears which bound and how far it goes.
 */
function holdLimitMessage(detail: unknown): string | undefined {
  const { limit, max } = (detail ?? {}) as { limit?: unknown; max?: unknown };
  if (typeof max !== 'number') return undefined;
  switch (limit) {
    case 'seats-per-cart':
      return msg(
        str`One booking can hold at most ${max} seats. Please choose fewer people, or contact us for a group.`,
      );
    case 'items-per-cart':
      return msg(
        str`One booking can hold at most ${max} times. Please book the others separately.`,
      );
    case 'carts-per-client':
      return msg(
        str`At most ${max} bookings can be open at once here. Please finish or empty another one first.`,
      );
    case 'seats-per-client':
      return msg(
        str`At most ${max} seats can be held at once here. Please finish your other booking first, or choose fewer people.`,
      );
    case 'hold-minutes':
      return msg(
        str`Seats can be held for at most ${max} minutes in all. Please place your order now, or start again.`,
      );
    default:
      return undefined;
  }
}

/** The sentence for `error`, by what went wrong (its kind, status, endpoint), never its text. */
export function shopperMessage(error: unknown): string {
  if (!(error instanceof ResmarkError)) return msg('Something went wrong. Please try again.');
  const { kind, status = 0, endpoint } = error;
  if (kind === 'network')
    return msg('The booking service cannot be reached. Check your connection and try again.');
  if (kind === 'timeout')
    return msg('The booking service is taking too long to answer. Please try again.');
  if (status === 429)
    return msg('There were too many tries in a short time. Please wait a moment and try again.');
  // A read refused as malformed (a product list's filter, say) is the set-up's fault, not a choice
  // the shopper can change.
  const badRead = status === 400 && !!endpoint?.startsWith('GET ');
  if (status >= 500 || kind === 'http' || kind === 'response' || badRead)
    return msg('The booking service is not available right now. Please try again in a moment.');
  // The proxy's refusal of a cart token: this browser no longer holds (or never held) the cart.
  if (status === 401)
    return (error.detail as { token?: unknown } | undefined)?.token === 'handed-over'
      ? msg('This cart was opened from its link in another browser. Please start again here.')
      : msg('This cart can no longer be used here. Please start again.');
  // The proxy refused an order for a cart that changed after the shopper reviewed it.
  if (status === 412)
    return msg('Your cart changed after you reviewed it. Please check it again before you book.');
  const limit = status === 403 ? holdLimitMessage(error.detail) : undefined;
  if (limit) return limit;
  const refusal = refusalOf(error);
  // Resmark answers an order on a lapsed lock with 409; the session refuses one itself when it
  // knows. Either way the way forward is the hold timer's "Hold my seats again".
  if ((status === 409 && endpoint === 'POST /order') || refusal?.state === 'expired')
    return msg('Your seats are no longer held. Hold them again to go on.');
  if (status === 409)
    return msg('Those seats are no longer available. Please choose another time or fewer people.');
  if (status === 404) return msg('That is no longer available. Please start again.');
  if (status === 403) return msg('This cannot be done online. Please contact us.');
  // The cart is not in a state for this (emptied or ordered meanwhile, say): the flow moves the
  // shopper on from such a state, so this is a race, and starting again is the way out.
  if (refusal) return msg('Your cart has changed. Please check it and try again.');
  return msg('Please check your choices and try again.');
}
