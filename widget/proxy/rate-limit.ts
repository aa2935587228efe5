/**
 * A per-client rate limit over the shared {@link ProxyStore}: bursts are fine, a sustained flood
 * gets 429. A sliding window of `burst` requests per `burst / perMinute` minutes: the previous
 * window's count, weighted by how much of it still overlaps, plus this one's. That needs only
 * counters (one increment and one read per request), so every instance behind a shared store
 * counts the same client together, and nothing is swept on the request path: the counters
 * expire in the store.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ProxyError } from './errors.js';
import type { ProxyStore } from './store.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests a client may make at once (in one window). */
  burst: number;
  /** Requests per minute a client may sustain. */
  perMinute: number;
  /** Who is asking (`client-address.ts`'s key); requests with the same key share a count. */
  clientKey: (c: Context) => string;
  /** Epoch ms; tests pass a fake clock. */
  now: () => number;
  /** Where the counts live. */
  store: ProxyStore;
}

/** Refuses a client with 429 and `Retry-After` once its window is full. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { burst, now, clientKey, store } = options;
  const windowMs = Math.max(1_000, Math.round((burst / options.perMinute) * 60_000));

  return async function rateLimit(c, next) {
    const at = now();
    const key = clientKey(c);
    const index = Math.floor(at / windowMs);
    const elapsed = at - index * windowMs;
    const [current, previous = 0] = await Promise.all([
      store.increment(`rl:${key}:${index}`, 1, 2 * windowMs),
      store.get(`rl:${key}:${index - 1}`),
    ]);
    const overlap = previous * (1 - elapsed / windowMs);
    if (overlap + current > burst) {
      // A refusal takes nothing back from the allowance, as a token bucket's would not: a client
      // that keeps asking too fast still gets perMinute through.
      await store.increment(`rl:${key}:${index}`, -1, 2 * windowMs);
      // When the previous window's share has shrunk enough (the retry counts one more), or else
      // at the next window.
      const room = burst - current;
      const toNext = windowMs - elapsed;
      const waitMs =
        room >= 0 && previous > 0
          ? Math.min(toNext, windowMs * (1 - room / previous) - elapsed)
          : toNext;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new ProxyError(429, `Too many requests: try again in ${seconds} s.`, {
        headers: { 'retry-after': String(seconds) },
        detail: { limit: 'requests', max: burst },
      });
    }
    await next();
  };
}
