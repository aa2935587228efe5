/**
 * What proxy instances must share: the rate limit's counters, the per-client hold counts and the
 * resume-link hand-over (a cart's token generation). One small interface, so one Node process
 * keeps it in memory ({@link memoryStore}) and an edge deployment in a shared place (a Durable
 * Object on Cloudflare). Every value is a whole-number counter with an expiry: that is all the
 * three need, and it is what every shared store does atomically.
 *
 * An implementation must make each call atomic on its key (two `increment`s never both read the
 * same old value); nothing needs transactions across keys.
 */

/** A shared, expiring counter store (see the file's comment for who uses it). */
export interface ProxyStore {
  /** The counter under `key`, or `undefined` when it was never set or has expired. */
  get(key: string): Promise<number | undefined>;
  /**
   * Adds `delta` (may be negative) to the counter under `key` (a missing or expired one counts
   * from 0) and answers the new value. The counter never goes below 0: a release that arrives
   * after its count expired must not become credit. Every call sets the expiry to `ttlMs` from
   * now, so a counter lives as long as it is in use.
   */
  increment(key: string, delta: number, ttlMs: number): Promise<number>;
  /** Forgets `key`. */
  delete(key: string): Promise<void>;
}

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Most keys kept; past it the oldest written goes first (a Map keeps write order, so that costs
   * nothing per request). Default 100,000: about 10 MB, whatever keys a flood sends.
   */
  maxKeys?: number;
  /** Epoch ms; tests pass a fake clock. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  value: number;
  expiresAt: number;
}

/** The memory store, with {@link MemoryStore.sweep} for a host's timer. */
export interface MemoryStore extends ProxyStore {
  /**
   * Drops every expired key. Not called on the request path (an expired key is ignored when read
   * and replaced when written): a host calls it from a timer, see `main.ts`.
   */
  sweep(): void;
  /** Keys held now, expired ones included until swept. */
  readonly size: number;
}

/**
 * A {@link ProxyStore} in this process's memory: right for one Node process, wrong for several
 * instances (each would count alone). Bounded by `maxKeys`.
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const { maxKeys = 100_000, now = Date.now } = options;
  const entries = new Map<string, Entry>();

  const live = (key: string, at: number) => {
    const entry = entries.get(key);
    return entry && entry.expiresAt > at ? entry : undefined;
  };

  return {
    get(key) {
      return Promise.resolve(live(key, now())?.value);
    },
    increment(key, delta, ttlMs) {
      const at = now();
      const value = Math.max(0, (live(key, at)?.value ?? 0) + delta);
      // Delete first so the key moves to the end of the write order: the oldest goes first.
      entries.delete(key);
      if (entries.size >= maxKeys) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { value, expiresAt: at + ttlMs });
      return Promise.resolve(value);
    },
    delete(key) {
      entries.delete(key);
      return Promise.resolve();
    },
    sweep() {
      const at = now();
      for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
