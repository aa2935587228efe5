/**
 * The proxy's shared store (`../store.ts`) on Cloudflare: every counter is its own Durable Object,
 * named by the counter's key. A Durable Object is one instance worldwide that handles its calls one
 * at a time, which is exactly the store's contract (each call atomic on its key), and Cloudflare
 * places a new object near the request that first names it: a client's counters end up near that
 * client. One object per key rather than a few objects for many keys: no object becomes a hot spot
 * that every shopper waits on, and nothing here needs to know how the proxy spells its keys.
 */
import { DurableObject, type DurableObjectState } from 'cloudflare:workers';
import type { ProxyStore } from '../store.js';

/** The stored counter. */
interface Entry {
  value: number;
  /** Epoch ms. */
  expiresAt: number;
}

const ENTRY = 'entry';

/**
 * One counter: the Durable Object class behind {@link durableObjectStore}. Its value is kept in
 * memory and written through to its storage, so a call never waits for a read, and the runtime
 * holds each answer until its write is durable. An alarm deletes the storage once the counter has
 * expired, so a client seen once leaves nothing stored behind.
 */
export class ProxyStoreCounter extends DurableObject {
  #entry: Entry | undefined;
  /** When the pending alarm fires, if one is set (kept to set it at most once per expiry). */
  #alarmAt: number | null = null;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    // Before the first call: an object woken after eviction must count on from its stored value.
    void ctx.blockConcurrencyWhile(async () => {
      this.#entry = await ctx.storage.get<Entry>(ENTRY);
      this.#alarmAt = await ctx.storage.getAlarm();
    });
  }

  #live(at: number): Entry | undefined {
    const entry = this.#entry;
    return entry && entry.expiresAt > at ? entry : undefined;
  }

  /** The counter, or `undefined` when never set or expired. */
  read(): number | undefined {
    return this.#live(Date.now())?.value;
  }

  /** Adds `delta` (never below 0) and keeps the counter `ttlMs` from now; answers the new value. */
  add(delta: number, ttlMs: number): number {
    const at = Date.now();
    // No await between the read and the write: no other call can come in between.
    const entry = {
      value: Math.max(0, (this.#live(at)?.value ?? 0) + delta),
      expiresAt: at + ttlMs,
    };
    this.#entry = entry;
    void this.ctx.storage.put(ENTRY, entry);
    if (this.#alarmAt === null) {
      this.#alarmAt = entry.expiresAt;
      void this.ctx.storage.setAlarm(entry.expiresAt);
    }
    return entry.value;
  }

  /** Forgets the counter. */
  async forget(): Promise<void> {
    this.#entry = undefined;
    await this.ctx.storage.deleteAll();
    this.#alarmAt = null;
  }

  /** At the expiry the alarm was set for: deletes an expired counter, or waits for its new expiry. */
  async alarm(): Promise<void> {
    const entry = this.#live(Date.now());
    if (entry) {
      // Renewed since the alarm was set: look again when it expires now.
      this.#alarmAt = entry.expiresAt;
      await this.ctx.storage.setAlarm(entry.expiresAt);
      return;
    }
    this.#entry = undefined;
    this.#alarmAt = null;
    await this.ctx.storage.deleteAll();
  }
}

/** The calls {@link durableObjectStore} makes on a counter's stub (Workers RPC). */
interface CounterStub {
  read(): Promise<number | undefined>;
  add(delta: number, ttlMs: number): Promise<number>;
  forget(): Promise<void>;
}

/** A Durable Object namespace binding of {@link ProxyStoreCounter} (`PROXY_STORE`). */
export interface CounterNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): CounterStub;
}

/** A {@link ProxyStore} over a namespace of {@link ProxyStoreCounter}: one object per key. */
export function durableObjectStore(namespace: CounterNamespace): ProxyStore {
  const counter = (key: string) => namespace.get(namespace.idFromName(key));
  return {
    get: (key) => counter(key).read(),
    increment: (key, delta, ttlMs) => counter(key).add(delta, ttlMs),
    delete: (key) => counter(key).forget(),
  };
}
