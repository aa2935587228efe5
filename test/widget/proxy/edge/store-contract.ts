/**
 * The store's contract (`widget/proxy/store.ts`), run against a store served over HTTP by another
 * runtime (`store-http.ts`): counts, a floor of zero, forgetting, keys apart, expiry, and no count
 * lost when many requests add to one counter at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

/** A store served somewhere, and how to stop it. */
export interface ServedStore {
  url: string;
  close(): Promise<void>;
}

/** Describes the contract for the store `start` serves. */
export function storeContract(name: string, start: () => Promise<ServedStore>): void {
  describe(name, () => {
    let served: ServedStore;
    before(async () => {
      served = await start();
    });
    after(() => served.close());

    async function call(path: string, query: Record<string, string | number>) {
      const search = new URLSearchParams(
        Object.entries(query).map(([key, value]) => [key, String(value)]),
      );
      const response = await fetch(`${served.url}${path}?${search}`, {
        method: path === '/get' ? 'GET' : 'POST',
      });
      assert.equal(response.status, 200, await response.clone().text());
      return ((await response.json()) as { value: number | null }).value;
    }
    const get = (key: string) => call('/get', { key });
    const increment = (key: string, delta: number, ttlMs = 60_000) =>
      call('/increment', { key, delta, ttlMs });

    it('counts, never goes below zero, and forgets', async () => {
      assert.equal(await get('a'), null);
      assert.equal(await increment('a', 2), 2);
      assert.equal(await increment('a', 3), 5);
      assert.equal(await increment('a', -9), 0, 'a late release is no credit');
      assert.equal(await get('a'), 0);
      await call('/delete', { key: 'a' });
      assert.equal(await get('a'), null);
      assert.equal(await increment('a', 1), 1);
    });

    it('keeps each key apart', async () => {
      await increment('rl:203.0.113.1:1', 4);
      await increment('rl:2001:db8::/64:1', 7);
      assert.equal(await get('rl:203.0.113.1:1'), 4);
      assert.equal(await get('rl:2001:db8::/64:1'), 7);
    });

    it('expires a counter after its time to live, counting again from zero', async () => {
      assert.equal(await increment('short', 5, 150), 5);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await get('short'), null, 'expired');
      assert.equal(await increment('short', 1, 150), 1);
    });

    it('loses no count when 40 requests add to one counter at once', async () => {
      const values = await Promise.all(Array.from({ length: 40 }, () => increment('busy', 1)));
      // Each increment saw a different value: none read the same old count as another.
      assert.deepEqual(
        values.toSorted((x, y) => (x ?? 0) - (y ?? 0)),
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      assert.equal(await get('busy'), 40);
    });
  });
}
