import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REVIEWED_CART_HEADER, cartFingerprint } from '../../../widget/proxy-protocol.js';
import { CANYON_CUSTOMER, KAYAK_0900, PICKUP } from '../../sandbox/helpers.js';
import { proxyHarness, readyCart, type ProxyHarness } from './harness.js';

describe('cart fixation through resume links (issue 10, finding 2)', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  it('opening a resume link hands the cart over: the link’s token (the sender’s) stops working', async () => {
    // The sender makes a cart of their own and mails its link.
    const sender = await h.newCart();
    const opened = await h.call('POST', '/token', { token: sender.token });
    assert.equal(opened.status, 200, opened.text);
    assert.equal(opened.body.data.cartId, sender.cartId);
    const victim = opened.token!;
    assert.ok(victim && victim !== sender.token);

    // The victim types their details; the sender can neither read nor change anything.
    const put = await h.call('PUT', `/cart/${sender.cartId}/customer`, {
      token: victim,
      body: { ...CANYON_CUSTOMER, email: 'victim@example.com' },
    });
    assert.equal(put.status, 200, put.text);
    for (const [method, path, body] of [
      ['GET', `/cart/${sender.cartId}`],
      [
        'POST',
        `/cart/${sender.cartId}/item`,
        { itemId: KAYAK_0900, participants: { Adult: 5 }, ...PICKUP },
      ],
      ['PUT', `/cart/${sender.cartId}/customer`, { email: 'x@example.com' }],
      ['DELETE', `/cart/${sender.cartId}`],
      ['POST', '/order', { id: sender.cartId }],
      ['POST', '/token'],
    ] as const) {
      const answer = await h.call(method, path, { token: sender.token, body });
      assert.equal(answer.status, 401, `${method} ${path}: ${answer.text}`);
      assert.deepEqual(answer.body.detail, { token: 'handed-over' });
      assert.doesNotMatch(answer.text, /victim@example\.com/);
    }
    assert.equal((await h.call('GET', `/cart/${sender.cartId}`, { token: victim })).status, 200);
  });

  it('hands a cart over once when the link is opened twice at once', async () => {
    const { token } = await h.newCart();
    const answers = await Promise.all([
      h.call('POST', '/token', { token }),
      h.call('POST', '/token', { token }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 401]);
  });

  it('keeps the hand-over in the order’s token', async () => {
    const ready = await readyCart(h);
    const handed = (await h.call('POST', '/token', { token: ready.token })).token!;
    const order = await h.call('POST', '/order', { token: handed, body: { id: ready.cartId } });
    assert.equal(order.status, 200, order.text);
    const read = await h.call('GET', `/order/${order.body.data.id}`, { token: order.token! });
    assert.equal(read.status, 200, read.text);
  });

  it('makes an order only for the cart the shopper reviewed', async () => {
    const ready = await readyCart(h);
    const reviewed = cartFingerprint(
      (await h.call('GET', `/cart/${ready.cartId}`, { token: ready.token })).body.data,
    );
    // Someone else holding the token changes the cart after the review (1 pass became 5).
    const changed = await h.call('POST', `/cart/${ready.cartId}/item`, {
      token: ready.token,
      body: { itemId: KAYAK_0900, participants: { Adult: 4 }, ...PICKUP },
    });
    assert.equal(changed.status, 200, changed.text);
    const refused = await h.call('POST', '/order', {
      token: ready.token,
      body: { id: ready.cartId, referenceId: 'chk_reviewed_1' },
      headers: { [REVIEWED_CART_HEADER]: reviewed },
    });
    assert.equal(refused.status, 412, refused.text);
    assert.deepEqual(refused.body.detail, { reason: 'cart-changed' });
    const orders = await h.sandbox.api('GET', '/order?referenceId=chk_reviewed_1~' + ready.cartId);
    assert.deepEqual(orders.body.data, [], 'no order was made');

    // Reviewed again (the widget shows the cart as it is now), it is ordered.
    const now = cartFingerprint(
      (await h.call('GET', `/cart/${ready.cartId}`, { token: ready.token })).body.data,
    );
    const placed = await h.call('POST', '/order', {
      token: ready.token,
      body: { id: ready.cartId, referenceId: 'chk_reviewed_1' },
      headers: { [REVIEWED_CART_HEADER]: now },
    });
    assert.equal(placed.status, 200, placed.text);
  });
});
