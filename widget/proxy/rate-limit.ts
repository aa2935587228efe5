/** A token bucket per client address: bursts are fine, a sustained flood gets 429. */
import type { Context, MiddlewareHandler } from 'hono';
import { ProxyError } from './errors.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** The bucket's size: requests a client may make at once. */
  burst: number;
  /** The refill: requests per minute a client may sustain. */
  perMinute: number;
  /** Who is asking (an address); requests with the same key share a bucket. */
  clientKey: (c: Context) => string;
  /** Epoch ms; tests pass a fake clock. */
  now: () => number;
  /** Past this many tracked clients, full (idle) buckets are dropped; default 10,000. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Refuses a client with 429 and `Retry-After` once its bucket is empty. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { burst, now, clientKey, maxClients = 10_000 } = options;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  // A clock that steps back (NTP, a test) must not drain anyone's bucket.
  const level = (bucket: Bucket, at: number) =>
    Math.min(burst, bucket.tokens + Math.max(0, at - bucket.at) * perMs);

  // Memory stays bounded by the active clients: an idle client's bucket is full, so forgetting it
  // changes nothing.
  function sweep(at: number) {
    for (const [key, bucket] of buckets) if (level(bucket, at) >= burst) buckets.delete(key);
  }

  return async function rateLimit(c, next) {
    const at = now();
    const key = clientKey(c);
    const bucket = buckets.get(key) ?? { tokens: burst, at };
    bucket.tokens = level(bucket, at);
    bucket.at = Math.max(bucket.at, at);
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new ProxyError(429, `Too many requests: try again in ${seconds} s.`, {
        headers: { 'retry-after': String(seconds) },
      });
    }
    bucket.tokens -= 1;
    if (!buckets.has(key)) {
      if (buckets.size >= maxClients) sweep(at);
      buckets.set(key, bucket);
    }
    await next();
  };
}
