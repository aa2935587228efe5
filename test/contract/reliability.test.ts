import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUNSET_1730 } from '../sandbox/helpers.js';
import { readyCart, rejectsWith, seatsLeft, useContract, type Recorded } from './harness.js';

const c = await useContract();

const PADDLE_TWO = { itemId: SUNSET_1730, participants: { All: 2 } };

/** A client that has authenticated already, so a fault cannot land on its login. */
async function warm(): Promise<Recorded> {
  const recorded = c.record('canyon');
  await recorded.client.tag.list();
  recorded.sent.length = 0;
  recorded.received.length = 0;
  return recorded;
}

const count = (sent: readonly string[], request: string) =>
  sent.filter((s) => s === request).length;

describe('reads', () => {
  it('a GET that meets one 503 is retried and succeeds', async () => {
    const { client, sent, received, waits } = await warm();
    await c.faults([{ method: 'GET', path: '/tag', status: 503 }]);
    const tags = await client.tag.list();
    assert.equal(tags.length, 3);
    assert.deepEqual(sent, ['GET /tag', 'GET /tag']);
    assert.deepEqual(
      received.map((r) => r.status),
      [503, 200],
    );
    assert.equal(waits.length, 1, 'it waited once before trying again');
  });

  it('a 429 with Retry-After is waited out for exactly that long', async () => {
    const { client, sent, waits } = await warm();
    await c.faults([{ method: 'GET', path: '/product*', status: 429, retryAfterSeconds: 2 }]);
    const zones = await client.product.pickups(94175);
    assert.equal(zones.length, 2);
    assert.deepEqual(waits, [2000]);
    assert.equal(count(sent, 'GET /product/94175/pickup'), 2);
  });

  it('a GET is tried three times at most (two retries), then the 503 surfaces', async () => {
    const { client, sent, waits } = await warm();
    await c.faults([{ method: 'GET', path: '/tag', status: 503, times: 5 }]);
    await rejectsWith(client.tag.list(), { kind: 'api', status: 503 });
    assert.equal(count(sent, 'GET /tag'), 3);
    assert.equal(waits.length, 2);
  });

  it('a GET that outlasts the timeout surfaces as kind timeout', async () => {
    const recorded = c.record('canyon', { timeoutMs: 100 });
    await recorded.client.tag.list();
    await c.faults([{ method: 'GET', path: '/tag', latencyMs: 400 }]);
    await rejectsWith(recorded.client.tag.list(), { kind: 'timeout' });
  });
});

describe('writes', () => {
  it('a POST /order that meets a 503 is not retried, and nothing was written', async () => {
    const { client, sent, waits } = await warm();
    const cart = await readyCart(client, [PADDLE_TWO]);
    await c.faults([{ method: 'POST', path: '/order', status: 503, times: 2 }]);
    await rejectsWith(client.order.create({ id: cart.id, referenceId: 'chk_503' }), {
      kind: 'api',
      status: 503,
    });
    assert.equal(count(sent, 'POST /order'), 1, 'sent once');
    assert.deepEqual(waits, []);
    assert.equal(
      (await c.faults([])).length,
      1,
      'the second 503 is still pending: nothing else was sent',
    );
    assert.deepEqual(await client.order.list(), [], 'no order');
    assert.equal(await client.order.findByReferenceId('chk_503'), undefined);
    assert.equal(
      (await client.cart.get(cart.id)).items.length,
      1,
      'the cart is still there to order',
    );
  });

  it('a POST /cart/{id}/item that meets a 503 is not retried, and holds no seat', async () => {
    const { client, sent } = await warm();
    const cart = await client.cart.create();
    await c.faults([{ method: 'POST', path: '/cart/*', status: 503 }]);
    await rejectsWith(client.cart.addItem(cart.id, PADDLE_TWO), { kind: 'api', status: 503 });
    assert.equal(count(sent, `POST /cart/${cart.id}/item`), 1);
    assert.equal(await seatsLeft(client, SUNSET_1730), 10);
    assert.deepEqual((await client.cart.get(cart.id)).items, []);
  });

  it('a dropped answer to POST /order is kind network; the referenceId finds exactly one order', async () => {
    const { client, sent } = await warm();
    const cart = await readyCart(client, [PADDLE_TWO]);
    await c.faults([{ method: 'POST', path: '/order', dropResponse: true }]);
    await rejectsWith(client.order.create({ id: cart.id, referenceId: 'chk_lost' }), {
      kind: 'network',
    });
    assert.equal(count(sent, 'POST /order'), 1, 'not resent');
    const found = await client.order.findByReferenceId('chk_lost');
    assert.equal(found?.confirmation, 100001);
    assert.equal(found?.total, 98);
    assert.equal((await client.order.list({ referenceId: 'chk_lost' })).length, 1);
    assert.equal((await client.order.list()).length, 1, 'exactly one order in all');
    assert.equal(await seatsLeft(client, SUNSET_1730), 8);
  });
});
