import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON_CUSTOMER, SUNSET_1730, testSandbox } from './helpers.js';
import type { TestSandbox } from './helpers.js';

let t: TestSandbox;
before(async () => {
  t = await testSandbox();
  // Authenticate before any fault is set, so a fault on a path prefix cannot hit the login.
  await t.token('canyon');
});
after(() => t.sandbox.close());
beforeEach(() => t.reset());

async function readyCart(): Promise<string> {
  const cartId: string = (await t.api('POST', '/cart')).body.data.id;
  await t.api('POST', `/cart/${cartId}/item`, { itemId: SUNSET_1730, participants: { All: 1 } });
  await t.api('PUT', `/cart/${cartId}/customer`, CANYON_CUSTOMER);
  return cartId;
}

describe('faults', () => {
  it('delay the next matching request by latencyMs', async () => {
    await t.control('POST', '/faults', {
      faults: [{ method: 'GET', path: '/tag', latencyMs: 150 }],
    });
    const started = performance.now();
    const slow = await t.api('GET', '/tag');
    const took = performance.now() - started;
    assert.equal(slow.status, 200);
    assert.ok(took >= 140, `took ${took} ms`);
    const next = performance.now();
    await t.api('GET', '/tag');
    assert.ok(performance.now() - next < 100, 'used up after one request');
  });

  it('answer a status with an envelope, without running the handler', async () => {
    const cartId = await readyCart();
    await t.control('POST', '/faults', { method: 'POST', path: '/order', status: 503 });
    const failed = await t.api('POST', '/order', { id: cartId });
    assert.equal(failed.status, 503);
    assert.equal(failed.body.data, null);
    assert.ok(failed.body.errorMessage);
    assert.deepEqual((await t.api('GET', '/order')).body.data, [], 'no order was made');
    assert.equal(
      (await t.api('POST', '/order', { id: cartId })).status,
      200,
      'the cart is still there',
    );
  });

  it('send Retry-After with a 429, for as many requests as asked', async () => {
    await t.control('POST', '/faults', {
      path: '/product*',
      times: 2,
      status: 429,
      retryAfterSeconds: 2,
    });
    for (const path of ['/product', '/product/94175/item?from=2026-11']) {
      const answer = await t.api('GET', path);
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get('retry-after'), '2');
    }
    assert.equal((await t.api('GET', '/product')).status, 200);
  });

  it('drop the response of a write that still happens', async () => {
    const cartId = await readyCart();
    await t.control('POST', '/faults', {
      faults: [{ method: 'POST', path: '/order', dropResponse: true }],
    });
    await assert.rejects(
      t.api('POST', '/order', { id: cartId, referenceId: 'chk_dropped' }),
      TypeError,
      'fetch fails as on a lost connection',
    );
    const found = await t.api('GET', '/order?referenceId=chk_dropped');
    assert.equal(found.body.data.length, 1, 'the order was written');
    assert.equal(found.body.data[0].confirmation, 100001);
  });

  it('are cleared by DELETE and by reset', async () => {
    await t.control('POST', '/faults', { path: '/tag', status: 500, times: 5 });
    await t.control('DELETE', '/faults');
    assert.equal((await t.api('GET', '/tag')).status, 200);
    await t.control('POST', '/faults', { path: '/tag', status: 500, times: 5 });
    await t.reset();
    assert.equal((await t.api('GET', '/tag')).status, 200);
  });

  it('refuse a malformed fault body', async () => {
    const answer = await t.control('POST', '/faults', { faults: [{ status: 'soon' }] });
    assert.equal(answer.status, 400);
    assert.ok(answer.body.detail.fields['faults[0].status']);
  });
});

describe('reset', () => {
  it('restores the seed data, the order numbers and the clock', async () => {
    const start = (await t.control('GET', '/clock')).body.now;
    const cartId = await readyCart();
    await t.api('POST', '/order', { id: cartId });
    await t.control('POST', '/clock', { advanceMs: 3_600_000 });
    await t.reset();
    assert.equal((await t.control('GET', '/clock')).body.now, start);
    assert.deepEqual((await t.api('GET', '/order')).body.data, []);
    assert.deepEqual((await t.api('GET', '/cart')).body.data, []);
    const again = await t.api('POST', '/order', { id: await readyCart() });
    assert.equal(again.body.data.confirmation, 100001);
  });
});
