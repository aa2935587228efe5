import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KAYAK_0900, PICKUP, SUNSET_1730 } from '../../sandbox/helpers.js';
import { proxyHarness, readyCart, type ProxyHarness } from './harness.js';
import type { ProxyEnv } from '../../../widget/proxy/config.js';

/** Runs `test` against a proxy with these hold limits. */
async function withLimits(env: ProxyEnv, test: (h: ProxyHarness) => Promise<void>) {
  const h = await proxyHarness(env);
  try {
    await test(h);
  } finally {
    await h.close();
  }
}

const add = (
  h: ProxyHarness,
  cart: { cartId: string; token: string },
  body: object,
  client?: string,
) => h.call('POST', `/cart/${cart.cartId}/item`, { token: cart.token, body, client });

const kayak = (count: number) => ({
  itemId: KAYAK_0900,
  participants: { Adult: count },
  ...PICKUP,
});
const sunset = (count: number) => ({ itemId: SUNSET_1730, participants: { All: count } });

describe('hold limits (issue 10, finding 1)', () => {
  it('has defaults an operator would choose', async () => {
    const h = await proxyHarness({
      HOLD_MAX_SEATS_PER_CART: '',
      HOLD_MAX_ITEMS_PER_CART: '',
      HOLD_MAX_CARTS_PER_CLIENT: '',
      HOLD_MAX_SEATS_PER_CLIENT: '',
    });
    try {
      assert.deepEqual(h.config.holds, {
        seatsPerCart: 20,
        itemsPerCart: 10,
        cartsPerClient: 5,
        seatsPerClient: 40,
        maxMinutes: 60,
      });
    } finally {
      await h.close();
    }
  });

  it('refuses seats past HOLD_MAX_SEATS_PER_CART, holding nothing of the refused item', async () => {
    await withLimits({ HOLD_MAX_SEATS_PER_CART: '3' }, async (h) => {
      const cart = await h.newCart();
      assert.equal((await add(h, cart, sunset(3))).status, 200);
      const refused = await add(h, cart, kayak(1));
      assert.equal(refused.status, 403, refused.text);
      assert.deepEqual(refused.body.detail, { limit: 'seats-per-cart', max: 3 });
      assert.equal(refused.body.data, null);
      const upstream = await h.sandbox.api('GET', `/cart/${cart.cartId}`);
      assert.equal(upstream.body.data.items.length, 1);
      // The one the issue saw: a single request for every seat of a slot.
      const other = await h.newCart();
      assert.equal((await add(h, other, sunset(179))).status, 403);
    });
  });

  it('counts a slot added again (a quantity change) at its new count, not on top', async () => {
    await withLimits({ HOLD_MAX_SEATS_PER_CART: '3', HOLD_MAX_ITEMS_PER_CART: '1' }, async (h) => {
      const cart = await h.newCart();
      assert.equal((await add(h, cart, sunset(3))).status, 200);
      // One fewer, then back to three: the same slot, within both bounds.
      const fewer = await add(h, cart, sunset(2));
      assert.equal(fewer.status, 200, fewer.text);
      assert.equal((await add(h, cart, sunset(3))).status, 200);
      const more = await add(h, cart, sunset(4));
      assert.equal(more.status, 403);
      assert.deepEqual(more.body.detail, { limit: 'seats-per-cart', max: 3 });
      const upstream = await h.sandbox.api('GET', `/cart/${cart.cartId}`);
      assert.equal(upstream.body.data.items[0].participantList.length, 3);
    });
  });

  it('refuses items past HOLD_MAX_ITEMS_PER_CART; a removed item makes room again', async () => {
    await withLimits({ HOLD_MAX_ITEMS_PER_CART: '1' }, async (h) => {
      const cart = await h.newCart();
      assert.equal((await add(h, cart, sunset(1))).status, 200);
      const refused = await add(h, cart, kayak(1));
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.detail, { limit: 'items-per-cart', max: 1 });
      const removed = await h.call('DELETE', `/cart/${cart.cartId}/item/${SUNSET_1730}`, {
        token: cart.token,
      });
      assert.equal(removed.status, 200, removed.text);
      assert.equal((await add(h, cart, kayak(1))).status, 200);
    });
  });

  it('refuses carts past HOLD_MAX_CARTS_PER_CLIENT, per client; a deleted cart makes room', async () => {
    await withLimits({ HOLD_MAX_CARTS_PER_CLIENT: '2' }, async (h) => {
      const first = await h.newCart();
      await h.newCart();
      const refused = await h.call('POST', '/cart');
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.detail, { limit: 'carts-per-client', max: 2 });
      assert.equal(refused.token, null);
      // Another address is another shopper; another address in the same IPv6 /64 is not.
      assert.equal((await h.call('POST', '/cart', { client: '198.51.100.20' })).status, 200);
      await h.call('POST', '/cart', { client: '2001:db8:5:5::1' });
      await h.call('POST', '/cart', { client: '2001:db8:5:5::2' });
      assert.equal((await h.call('POST', '/cart', { client: '2001:db8:5:5::3' })).status, 403);
      const deleted = await h.call('DELETE', `/cart/${first.cartId}`, { token: first.token });
      assert.equal(deleted.status, 200, deleted.text);
      assert.equal((await h.call('POST', '/cart')).status, 200);
    });
  });

  it('refuses seats past HOLD_MAX_SEATS_PER_CLIENT over all of a client’s carts, even all at once', async () => {
    await withLimits(
      {
        HOLD_MAX_SEATS_PER_CART: '3',
        HOLD_MAX_SEATS_PER_CLIENT: '6',
        HOLD_MAX_CARTS_PER_CLIENT: '50',
      },
      async (h) => {
        // The run: many requests at once, each for as much as one cart may hold.
        const carts = await Promise.all(Array.from({ length: 8 }, () => h.newCart()));
        const answers = await Promise.all(carts.map((cart) => add(h, cart, sunset(3))));
        const held = answers.filter((a) => a.status === 200).length;
        assert.equal(held, 2, answers.map((a) => a.status).join());
        const refused = answers.find((a) => a.status === 403)!;
        assert.deepEqual(refused.body.detail, { limit: 'seats-per-client', max: 6 });
        let upstreamSeats = 0;
        for (const cart of carts) {
          const items = (await h.sandbox.api('GET', `/cart/${cart.cartId}`)).body.data.items;
          for (const item of items) upstreamSeats += item.participantList?.length ?? 0;
        }
        assert.equal(upstreamSeats, 6);
      },
    );
  });

  it('gives a client’s seats back when its cart becomes an order', async () => {
    await withLimits({ HOLD_MAX_SEATS_PER_CLIENT: '1' }, async (h) => {
      const { cartId, token } = await readyCart(h);
      const other = await h.newCart();
      assert.equal((await add(h, other, kayak(1))).status, 403);
      const order = await h.call('POST', '/order', { token, body: { id: cartId } });
      assert.equal(order.status, 200, order.text);
      assert.equal((await add(h, other, kayak(1))).status, 200);
    });
  });

  it('ends a hold HOLD_MAX_MINUTES after the cart was made, however often it is renewed', async () => {
    await withLimits({ HOLD_MAX_MINUTES: '45' }, async (h) => {
      const cart = await h.newCart();
      assert.equal((await add(h, cart, sunset(1))).status, 200);
      h.clock.ms += 10 * 60_000;
      // Renewed at 10 min: held until 40, within 45.
      const renew = () => h.call('GET', `/cart/${cart.cartId}/renew`, { token: cart.token });
      assert.equal((await renew()).status, 200);
      h.clock.ms += 6 * 60_000;
      // At 16 min a renewal would hold until 46.
      const refused = await renew();
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.detail, { limit: 'hold-minutes', max: 45 });
      assert.equal((await add(h, cart, kayak(1))).status, 403, 'nor does a new item');
    });
  });
});
