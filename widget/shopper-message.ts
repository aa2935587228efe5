/**
 * What a shopper reads when something fails. The shared client's messages are written for the
 * people who run the checkout ("Could not reach Resmark for GET /product…"), in English; a shopper
 * gets a sentence in the widget's language chosen by what went wrong, and the technical message
 * stays in `resmark-error`'s detail for the operator's logs.
 */
import { msg } from '@lit/localize';
import { ResmarkError } from '../shared/errors.js';
import { sourceLocale } from './generated/locale-codes.js';
import { getLocale } from './localize.js';

/** The sentence for `error`: Resmark's own words where they say what the shopper can act on. */
export function shopperMessage(error: unknown): string {
  if (!(error instanceof ResmarkError)) return msg('Something went wrong. Please try again.');
  const { kind, status = 0 } = error;
  if (kind === 'network')
    return msg('The booking service cannot be reached. Check your connection and try again.');
  if (kind === 'timeout')
    return msg('The booking service is taking too long to answer. Please try again.');
  if (status === 429)
    return msg('There were too many tries in a short time. Please wait a moment and try again.');
  if (status >= 500 || kind === 'http' || kind === 'response')
    return msg('The booking service is not available right now. Please try again in a moment.');
  // The proxy's refusal of a cart token: this browser no longer holds (or never held) the cart.
  if (status === 401) return msg('This cart can no longer be used here. Please start again.');
  // A refusal from Resmark (seats gone, a code not valid) or our own check names what to change,
  // in English: the most precise words for an English page, a sentence by kind for any other.
  if (getLocale() === sourceLocale) return error.message;
  if (status === 409)
    return msg('Those seats are no longer available. Please choose another time or fewer people.');
  if (status === 404) return msg('That is no longer available. Please start again.');
  if (status === 403) return msg('This cannot be done online. Please contact us.');
  return msg('Please check your choices and try again.');
}
