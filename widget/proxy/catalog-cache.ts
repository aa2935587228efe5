/**
 * A short-lived cache of catalogue answers (products, pickups, tags): every shopper's page load
 * lists the same products, and Resmark rate-limits its API without publishing the limits. It holds
 * the final bytes (checked by the shared client, redacted, serialised), only of successful answers,
 * and shares one upstream call among concurrent misses of the same key.
 */

/** Options of {@link catalogCache}. */
export interface CatalogCacheOptions {
  /** How long an answer is served again, in ms; 0 turns the cache off. */
  ttlMs: number;
  /** Most answers kept at once; the oldest go first. */
  maxEntries: number;
  /** Epoch ms; tests pass a fake clock. */
  now: () => number;
}

interface Entry {
  body: string;
  expiresAt: number;
}

/** A cache made by {@link catalogCache}. */
export interface CatalogCache {
  /**
   * The body cached under `key`, or `load`'s, which is then kept for the TTL. A rejection is passed
   * on to every caller waiting on that load and is not kept.
   */
  get(key: string, load: () => Promise<string>): Promise<string>;
}

/** Builds a cache; with a TTL of 0 every `get` calls `load`. */
export function catalogCache({ ttlMs, maxEntries, now }: CatalogCacheOptions): CatalogCache {
  if (ttlMs <= 0) return { get: (_key, load) => load() };
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<string>>();

  function keep(key: string, body: string, at: number) {
    if (entries.size >= maxEntries) {
      for (const [old, entry] of entries) if (entry.expiresAt <= at) entries.delete(old);
      // Still full of fresh answers: drop the oldest (a Map iterates in insertion order).
      while (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    }
    entries.set(key, { body, expiresAt: at + ttlMs });
  }

  return {
    get(key, load) {
      const entry = entries.get(key);
      if (entry !== undefined) {
        if (now() < entry.expiresAt) return Promise.resolve(entry.body);
        entries.delete(key);
      }
      let flight = pending.get(key);
      if (flight === undefined) {
        flight = load()
          .then((body) => {
            keep(key, body, now());
            return body;
          })
          .finally(() => pending.delete(key));
        pending.set(key, flight);
      }
      return flight;
    },
  };
}
