/**
 * A fake `fetch` for the shared/ client tests: it records every request and answers with what the
 * test's handler returns, honouring the request's AbortSignal like a real fetch.
 */
import { readFileSync } from 'node:fs';
import { createResmarkClient, type ResmarkClientOptions } from '../../shared/client.js';

/** One request the client sent. */
export interface Seen {
  method: string;
  url: URL;
  /** Path below the base URL, e.g. `/cart/c1/item`. */
  path: string;
  headers: Headers;
  body: unknown;
}

/** What a handler may answer: a response, a rejection (network failure), or never (`hang`). */
export type Answer = Response | Error | 'hang';

export const BASE = 'http://resmark.test/public/api';

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
/** A successful envelope. */
export const ok = (data: unknown) => json({ errorMessage: null, data });
/** A failed envelope: `data` null, and `detail` (when given) beside it (docs/wire.md, Envelope). */
export const fail = (status: number, errorMessage: string, detail?: unknown) =>
  json(
    detail === undefined ? { errorMessage, data: null } : { errorMessage, data: null, detail },
    status,
  );

/** A fake fetch: `handler` answers each request; `seen` lists them. */
export function fakeFetch(handler: (request: Seen, index: number) => Answer | Promise<Answer>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const request: Seen = {
      method: init.method ?? 'GET',
      url,
      path: url.pathname.replace('/public/api', ''),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    seen.push(request);
    const signal = init.signal;
    signal?.throwIfAborted();
    const answer = await handler(request, seen.length - 1);
    if (answer instanceof Error) throw answer;
    if (answer !== 'hang') return answer;
    signal?.throwIfAborted();
    return new Promise<Response>((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason)),
    );
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

/**
 * A client on a fake fetch with header auth (so no authenticate call), instant sleeps that are
 * recorded, and no jitter randomness.
 */
export function fakeClient(
  handler: (request: Seen, index: number) => Answer | Promise<Answer>,
  options: Partial<ResmarkClientOptions> = {},
) {
  const { fetch, seen } = fakeFetch(handler);
  const sleeps: number[] = [];
  const client = createResmarkClient({
    environment: BASE,
    auth: { headers: () => ({ Authorization: 'Bearer proxy-token' }) },
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
    ...options,
  });
  return { client, seen, sleeps };
}

/** The JSON examples of docs/wire.md, in order: product, inventory, cart, order. */
export function wireExamples(): {
  product: Record<string, unknown>;
  inventory: Record<string, unknown>;
  cart: Record<string, unknown>;
  order: Record<string, unknown>;
} {
  const text = readFileSync(new URL('../../docs/wire.md', import.meta.url), 'utf8');
  const [product, inventory, cart, order] = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
  return { product: product!, inventory: inventory!, cart: cart!, order: order! };
}

/** Resolves what `promise` rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
