/**
 * The widget's client (widget/proxy-client.ts) against the proxy's handler, in Node: what it
 * sends on its own for issue 10's finding 2 (the hand-over of a token it did not receive, and
 * the reviewed cart's fingerprint with the order), and that the proxy agrees with it.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResmarkError } from '../../../shared/errors.js';
import { createProxyClient } from '../../../widget/proxy-client.js';
import { CANYON_CUSTOMER, KAYAK_0900, PICKUP, SUNSET_1730 } from '../../sandbox/helpers.js';
import { PROXY_URL, proxyHarness, type ProxyHarness } from './harness.js';

describe('the widget’s proxy client (issue 10, finding 2)', () => {
  let h: ProxyHarness;
  const original = globalThis.fetch;
  const paths: string[] = [];
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());
  beforeEach(() => {
    paths.length = 0;
    // The page's fetch reaches the proxy's handler; the proxy's own upstream fetch is the harness's.
    globalThis.fetch = async (input, init) => {
      const request = new Request(input as string, init);
      if (!request.url.startsWith(PROXY_URL)) return original(input, init);
      paths.push(`${request.method} ${new URL(request.url).pathname}`);
      return h.handler(request);
    };
  });
  afterEach(() => (globalThis.fetch = original));

  it('hands a token it did not receive over before using it', async () => {
    const sender = await h.newCart();
    const heard: string[] = [];
    const { client, token } = createProxyClient(PROXY_URL, {
      token: sender.token,
      onToken: (t) => heard.push(t),
    });
    const cart = await client.cart.get(sender.cartId);
    assert.equal(cart.id, sender.cartId);
    assert.deepEqual(paths, ['POST /token', `GET /cart/${sender.cartId}`]);
    assert.equal(heard.length, 1);
    assert.notEqual(token(), sender.token);
    const senders = await h.call('GET', `/cart/${sender.cartId}`, { token: sender.token });
    assert.equal(senders.status, 401, 'the link’s token reads nothing now');
  });

  it('orders the reviewed cart, and is refused with 412 when it changed since', async () => {
    const { client, token } = createProxyClient(PROXY_URL);
    const cart = await client.cart.create();
    await client.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 1 } });
    await client.cart.setCustomer(cart.id, CANYON_CUSTOMER);
    // The review shows this cart; then a second holder of the token adds four passes.
    const changed = await h.call('POST', `/cart/${cart.id}/item`, {
      token: token(),
      body: { itemId: KAYAK_0900, participants: { Adult: 4 }, ...PICKUP },
    });
    assert.equal(changed.status, 200, changed.text);
    const refused = await client.order
      .create({ id: cart.id, referenceId: 'chk_review_a' })
      .catch((error: unknown) => error);
    assert.ok(refused instanceof ResmarkError, String(refused));
    assert.equal(refused.status, 412);
    assert.deepEqual(refused.detail, { reason: 'cart-changed' });
    // Shown again (read again), the cart as it is now is ordered.
    await client.cart.get(cart.id);
    const order = await client.order.create({ id: cart.id, referenceId: 'chk_review_a' });
    assert.equal(order.items.length, 2);
  });

  it('agrees with the proxy on an unchanged cart’s fingerprint', async () => {
    const { client } = createProxyClient(PROXY_URL);
    const cart = await client.cart.create();
    await client.cart.addItem(cart.id, {
      itemId: KAYAK_0900,
      participants: { Adult: 2, Child: 1 },
      ...PICKUP,
    });
    await client.cart.applyDiscount(cart.id, 'SUMMER10');
    await client.cart.setCustomer(cart.id, CANYON_CUSTOMER);
    const before = h.upstreamCalls.length;
    const order = await client.order.create({ id: cart.id, referenceId: 'chk_review_b' });
    assert.equal(order.referenceId, 'chk_review_b');
    // It was checked: the proxy read the cart to compare before it ordered.
    assert.deepEqual(
      h.upstreamCalls.slice(before).map((call) => call.replace(/\?.*/, '')),
      [`GET /cart/${cart.id}`, 'POST /order'],
    );
  });
});
