import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../../../widget/proxy/store.js';

describe('memoryStore', () => {
  it('counts, expires and never goes below zero', async () => {
    const clock = { ms: 1_000 };
    const store = memoryStore({ now: () => clock.ms });
    assert.equal(await store.get('a'), undefined);
    assert.equal(await store.increment('a', 2, 100), 2);
    assert.equal(await store.increment('a', 3, 100), 5);
    assert.equal(await store.increment('a', -9, 100), 0, 'a late release is no credit');
    assert.equal(await store.get('a'), 0);
    clock.ms += 100;
    assert.equal(await store.get('a'), undefined, 'expired');
    assert.equal(await store.increment('a', 1, 100), 1, 'an expired counter starts from 0');
    await store.delete('a');
    assert.equal(await store.get('a'), undefined);
  });

  it('keeps at most maxKeys, the oldest written going first, and sweeps off the request path', async () => {
    const clock = { ms: 0 };
    const store = memoryStore({ maxKeys: 3, now: () => clock.ms });
    await store.increment('a', 1, 10);
    await store.increment('b', 1, 1_000);
    await store.increment('c', 1, 1_000);
    await store.increment('a', 1, 10); // written again: now the newest
    await store.increment('d', 1, 1_000);
    assert.equal(store.size, 3);
    assert.equal(await store.get('b'), undefined, 'the oldest written went');
    assert.equal(await store.get('a'), 2);
    clock.ms = 20;
    assert.equal(store.size, 3, 'nothing is swept on a read or a write');
    store.sweep();
    assert.equal(store.size, 2);
  });
});
