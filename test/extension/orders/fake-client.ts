/**
 * A client with the order endpoints the Orders view calls, answering from the captured sandbox
 * answers (parsed with `shared/`'s schema, as the real client does) and recording each call's
 * method and arguments (the abort signal left out: it is ours, not the agent's request).
 */
import type { OrdersClient } from '../../../extension/orders/cancel.js';
import { ResmarkError } from '../../../shared/errors.js';
import { Order } from '../../../shared/order.js';

/** The endpoints, by name. */
export type Method = keyof OrdersClient['order'];

/** One call: the endpoint and what it was given. */
export interface Call {
  method: Method;
  args: unknown[];
}

/** What an endpoint answers: an order, a list, an error to throw, or `'hang'` (until aborted). */
export type Answer = Order | Order[] | Error | 'hang';

/** The error `shared/` throws for a captured `{ status, body: { errorMessage } }` answer. */
export function apiError(
  answer: { status: number; body: { errorMessage: string; data: unknown } },
  endpoint: string,
): ResmarkError {
  return new ResmarkError('api', answer.body.errorMessage, {
    status: answer.status,
    endpoint,
    data: answer.body.data,
  });
}

/** A client whose endpoints answer `answers[method]` (a function gets the call's arguments). */
export function fakeClient(
  answers: Partial<Record<Method, Answer | ((...args: unknown[]) => Answer)>>,
) {
  const calls: Call[] = [];
  const endpoint =
    (method: Method) =>
    (...given: unknown[]): Promise<unknown> => {
      const last = given[given.length - 1];
      let signal: AbortSignal | undefined;
      const args = [...given];
      if (last && typeof last === 'object' && !Array.isArray(last) && 'signal' in last) {
        const { signal: s, ...rest } = last as { signal?: AbortSignal };
        signal = s;
        args.pop();
        if (Object.keys(rest).length) args.push(rest);
      }
      calls.push({ method, args });
      const answer = answers[method];
      const value = typeof answer === 'function' ? answer(...args) : answer;
      if (value === undefined) return Promise.reject(new Error(`no answer for ${method}`));
      if (value === 'hang')
        return new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason)),
        );
      if (value instanceof Error) return Promise.reject(value);
      return Promise.resolve(
        Array.isArray(value) ? value.map((o) => Order.parse(o)) : Order.parse(value),
      );
    };
  const order = {
    list: endpoint('list'),
    get: endpoint('get'),
    cancel: endpoint('cancel'),
    cancelItem: endpoint('cancelItem'),
    cancelParticipant: endpoint('cancelParticipant'),
    cancelUnit: endpoint('cancelUnit'),
  };
  // Typed loosely inside (every endpoint is one recorder); the cast says these six are all it has.
  const client = { order } as unknown as OrdersClient;
  return { client, calls };
}
