/**
 * What an agent reads when a request of the Orders view fails. `shared/`'s messages name endpoints
 * for the people who run the extension; an agent gets a sentence chosen by what went wrong and by
 * what they were doing, and for a cancellation, whether it may have happened all the same (a write
 * is never retried, and a lost answer does not say whether Resmark did it).
 */
import { ResmarkError } from '../../shared/errors.js';
import { fire } from '../../widget/events.js';

/** What the agent was doing when it failed. */
export type OrdersAction = 'find' | 'list' | 'cancel' | 'reload';

/** The agent's words for a failure, and whether the order on screen may now be out of date. */
export interface AgentProblem {
  message: string;
  /** The order may have changed: offer to reload it (a cancellation's outcome is unknown). */
  reload: boolean;
}

const MAY_HAVE_HAPPENED =
  'so it is not known whether the cancellation was made. Reload the order to see where it stands before trying again.';

/** The sentence for `error` during `action`. */
export function agentProblem(error: unknown, action: OrdersAction): AgentProblem {
  const write = action === 'cancel';
  const say = (message: string, reload = false): AgentProblem => ({ message, reload });
  if (!(error instanceof ResmarkError))
    return write
      ? say(`Something went wrong, ${MAY_HAVE_HAPPENED}`, true)
      : say('Something went wrong. Please try again.');
  const { kind, status = 0 } = error;
  if (kind === 'network')
    return write
      ? say(`Resmark could not be reached or its answer was lost, ${MAY_HAVE_HAPPENED}`, true)
      : say('Resmark cannot be reached. Check the connection and try again.');
  if (kind === 'timeout')
    return write
      ? say(`Resmark did not answer in time, ${MAY_HAVE_HAPPENED}`, true)
      : say('Resmark is taking too long to answer. Try again in a moment.');
  if (kind === 'input') return say(error.message);
  if (status === 401) return say('Your sign-in has run out. Sign in again, then try once more.');
  if (status === 403)
    return say(
      write
        ? 'Your account may not cancel this order: it belongs to a supplier or agency yours cannot change.'
        : action === 'list'
          ? 'Your account may not list these orders.'
          : 'Your account may not see this order.',
    );
  if (status === 409 && write)
    return say(
      'Resmark says this is already cancelled (from another screen, or by the supplier): nothing more was cancelled and no fee was added. Reload the order to see where it stands.',
      true,
    );
  if (status === 404)
    return write
      ? say(
          'Resmark no longer finds this in the order. Reload the order to see where it stands.',
          true,
        )
      : say('Resmark does not know this order.');
  if (status === 429) return say('Too many requests in a short time. Wait a moment and try again.');
  // 502, 503 and 504 say that nothing was done; any other server error does not.
  if (write && (kind === 'response' || (status >= 500 && ![502, 503, 504].includes(status))))
    return say(
      `Resmark had a problem (${status ? `HTTP ${status}` : 'an answer this panel cannot read'}), ${MAY_HAVE_HAPPENED}`,
      true,
    );
  if (status >= 500 || kind === 'http' || kind === 'response')
    return say('Resmark is not answering as expected right now. Try again in a moment.');
  // A refusal in Resmark's own words (a 400: a rental's unit, a bad date) names what to change.
  return say(`Resmark refused: ${error.message}`);
}

/**
 * Fires the widget's `resmark-error` from `target` with `shared/`'s technical words, for the panel's
 * log; `said` is what the agent was told, the message when the failure is not a `ResmarkError`.
 */
export function reportError(target: EventTarget, error: unknown, said: string): void {
  fire(
    target,
    'resmark-error',
    error instanceof ResmarkError
      ? { kind: error.kind, message: error.message, status: error.status }
      : { kind: 'unknown', message: error instanceof Error ? error.message : said },
  );
}
