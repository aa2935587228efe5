/**
 * The proxy's shared store (`../store.ts`) on Deno KV, for Deno Deploy, where one app runs in many
 * isolates and only KV is shared between them. Each counter is one KV entry; an increment reads it
 * and writes it back in an atomic operation checked against what it read, and tries again when
 * another isolate wrote first, so no count is lost. KV's own `expireIn` removes an expired entry
 * (some time after it expires: the entry carries its own expiry, which is what is believed).
 */
import type { ProxyStore } from '../store.js';

/** A KV key (Deno's `Deno.KvKey`, as this store uses it). */
type KvKey = readonly string[];

/** What `kv.get` answers. */
interface KvEntry<T> {
  value: T | null;
  versionstamp: string | null;
}

/** The parts of `Deno.AtomicOperation` used here. */
interface KvAtomic {
  check(...checks: { key: KvKey; versionstamp: string | null }[]): KvAtomic;
  set(key: KvKey, value: unknown, options?: { expireIn?: number }): KvAtomic;
  commit(): Promise<{ ok: boolean }>;
}

/** The parts of `Deno.Kv` used here (the project's TypeScript has no Deno types). */
export interface Kv {
  get<T>(key: KvKey): Promise<KvEntry<T>>;
  atomic(): KvAtomic;
  delete(key: KvKey): Promise<void>;
}

interface Counter {
  value: number;
  /** Epoch ms. */
  expiresAt: number;
}

/** Options of {@link denoKvStore}. */
export interface DenoKvStoreOptions {
  /** The first part of every key, so the proxy's entries stay apart in a shared database. */
  prefix?: string;
  /** Epoch ms; default `Date.now`. */
  now?: () => number;
}

/** A {@link ProxyStore} over a Deno KV database. */
export function denoKvStore(kv: Kv, options: DenoKvStoreOptions = {}): ProxyStore {
  const { prefix = 'resmark-proxy', now = Date.now } = options;
  const keyOf = (key: string): KvKey => [prefix, key];
  const live = (entry: KvEntry<Counter>, at: number) =>
    entry.value && entry.value.expiresAt > at ? entry.value.value : undefined;

  return {
    async get(key) {
      return live(await kv.get<Counter>(keyOf(key)), now());
    },
    async increment(key, delta, ttlMs) {
      const kvKey = keyOf(key);
      for (;;) {
        const entry = await kv.get<Counter>(kvKey);
        const at = now();
        const value = Math.max(0, (live(entry, at) ?? 0) + delta);
        const written = await kv
          .atomic()
          // Unchanged since read (versionstamp null: still absent), or nothing is written.
          .check({ key: kvKey, versionstamp: entry.versionstamp })
          .set(kvKey, { value, expiresAt: at + ttlMs } satisfies Counter, { expireIn: ttlMs })
          .commit();
        if (written.ok) return value;
      }
    },
    async delete(key) {
      await kv.delete(keyOf(key));
    },
  };
}
