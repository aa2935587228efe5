import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CART_TOKEN_HEADER,
  CART_TOKEN_TTL_MS,
  cartTokens,
  webCryptoHmac,
} from '../../../widget/proxy/cart-token.js';
import { readProxyConfig } from '../../../widget/proxy/config.js';
import { nodeHmac } from '../../../widget/proxy/main.js';
import { createProxy } from '../../../widget/proxy/proxy.js';
import { SUNSET_1730 } from '../../sandbox/helpers.js';
import {
  PROXY_URL,
  SECRET,
  proxyEnv,
  proxyHarness,
  readyCart,
  type ProxyHarness,
} from './harness.js';

const NEW_SECRET = 'the-next-secret-0123456789-abcdefghijkl';

describe('cartTokens', () => {
  const tokens = cartTokens(SECRET);
  it('verifies what it signed, until it expires', async () => {
    const token = await tokens.sign({ cartId: 'c1', expiresAt: 2_000 });
    assert.deepEqual(await tokens.verify(token, 1_999), {
      ok: true,
      grant: { cartId: 'c1', expiresAt: 2_000 },
    });
    assert.deepEqual(await tokens.verify(token, 2_000), { ok: false, problem: 'expired' });
  });
  it('refuses a token signed with another secret, or with its payload changed', async () => {
    const other = await cartTokens('another-secret-of-at-least-32-chars!').sign({
      cartId: 'c1',
      expiresAt: 9e15,
    });
    assert.deepEqual(await tokens.verify(other, 0), { ok: false, problem: 'forged' });
    const mine = await tokens.sign({ cartId: 'c1', expiresAt: 9e15 });
    const [version, , signature] = mine.split('.');
    const payload = Buffer.from(JSON.stringify({ c: 'c2', e: 9e15 })).toString('base64url');
    assert.deepEqual(await tokens.verify(`${version}.${payload}.${signature}`, 0), {
      ok: false,
      problem: 'forged',
    });
  });
  it('still verifies tokens of the previous secret after a rotation, marked stale', async () => {
    const old = await tokens.sign({ cartId: 'c1', expiresAt: 9e15 });
    const rotated = cartTokens(NEW_SECRET, { previous: SECRET });
    assert.deepEqual(await rotated.verify(old, 0), {
      ok: true,
      grant: { cartId: 'c1', expiresAt: 9e15 },
      stale: true,
    });
    const fresh = await rotated.sign({ cartId: 'c1', expiresAt: 9e15 });
    assert.deepEqual(await rotated.verify(fresh, 0), {
      ok: true,
      grant: { cartId: 'c1', expiresAt: 9e15 },
    });
    assert.equal((await cartTokens(NEW_SECRET).verify(old, 0)).ok, false);
  });
  it('signs the same bytes with node:crypto (the Node entry) as with Web Crypto (the edge)', async () => {
    const grant = { cartId: 'c1', orderId: 'o1', expiresAt: 9e15, heldSince: 5, generation: 2 };
    const web = await cartTokens(SECRET, { hmac: webCryptoHmac }).sign(grant);
    const node = await cartTokens(SECRET, { hmac: nodeHmac }).sign(grant);
    assert.equal(node, web);
    assert.deepEqual(await cartTokens(SECRET, { hmac: nodeHmac }).verify(web, 0), {
      ok: true,
      grant,
    });
  });
  it('refuses garbage and an absent token', async () => {
    for (const garbage of ['', 'abc', 'v1.!!.??', 'v2.a.b', 'v1..', 'v1.a.b.c'])
      assert.equal((await tokens.verify(garbage, 0)).ok, false, garbage);
    assert.deepEqual(await tokens.verify(undefined, 0), { ok: false, problem: 'missing' });
  });
});

describe('cart-token binding through the proxy', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  it('another browser can neither read, change, renew, delete nor order someone’s cart', async () => {
    const alice = await readyCart(h);
    const bob = await h.newCart();
    const attempts: [string, string, unknown?][] = [
      ['GET', `/cart/${alice.cartId}`],
      ['POST', `/cart/${alice.cartId}/item`, { itemId: SUNSET_1730, participants: { All: 2 } }],
      ['DELETE', `/cart/${alice.cartId}/item/${SUNSET_1730}`],
      ['PUT', `/cart/${alice.cartId}/customer`, { email: 'bob@example.com' }],
      ['POST', `/cart/${alice.cartId}/discount`, { promoCode: 'SUMMER10' }],
      ['GET', `/cart/${alice.cartId}/renew`],
      ['DELETE', `/cart/${alice.cartId}`],
      ['POST', '/order', { id: alice.cartId, referenceId: 'chk_bob' }],
    ];
    for (const [method, path, body] of attempts) {
      const withBobs = await h.call(method, path, { token: bob.token, body });
      assert.equal(withBobs.status, 403, `${method} ${path}: ${withBobs.text}`);
      assert.match(withBobs.body.errorMessage, /another browser/);
      const without = await h.call(method, path, { body });
      assert.equal(without.status, 401, `${method} ${path} without a token`);
      assert.match(without.body.errorMessage, /X-Resmark-Cart-Token/);
    }
    // Alice's cart is untouched and still hers.
    const upstream = await h.sandbox.api('GET', `/cart/${alice.cartId}`);
    assert.equal(upstream.body.data.items[0].participants.All, 1);
    assert.equal(upstream.body.data.customer.email, 'ana@example.com');
    const order = await h.call('POST', '/order', {
      token: alice.token,
      body: { id: alice.cartId, referenceId: 'chk_alice' },
    });
    assert.equal(order.status, 200, order.text);
  });

  it('refuses forged and expired tokens', async () => {
    const { cartId, token } = await h.newCart();
    const [version, payload] = token.split('.');
    const forged = `${version}.${payload}.${'A'.repeat(43)}`;
    const answer = await h.call('GET', `/cart/${cartId}`, { token: forged });
    assert.equal(answer.status, 401);
    assert.match(answer.body.errorMessage, /not issued by this checkout/);

    const selfMade = await cartTokens('a-guess-at-the-secret-0123456789abcdef').sign({
      cartId,
      expiresAt: h.clock.ms + 1e9,
    });
    assert.equal((await h.call('GET', `/cart/${cartId}`, { token: selfMade })).status, 401);

    const started = h.clock.ms;
    h.clock.ms += CART_TOKEN_TTL_MS;
    try {
      const expired = await h.call('GET', `/cart/${cartId}`, { token });
      assert.equal(expired.status, 401);
      assert.match(expired.body.errorMessage, /expired/);
    } finally {
      h.clock.ms = started;
    }
  });

  it('binds the order to the browser that made it: by id, by confirmation, and by referenceId', async () => {
    const alice = await readyCart(h);
    const created = await h.call('POST', '/order', {
      token: alice.token,
      body: { id: alice.cartId, referenceId: 'chk_same' },
    });
    assert.equal(created.status, 200, created.text);
    const order = created.body.data;
    assert.equal(order.referenceId, 'chk_same', 'the widget sees the referenceId it sent');
    const orderToken = created.token!;
    assert.ok(orderToken && orderToken !== alice.token, 'a new token that binds the order');

    for (const key of [order.id, String(order.confirmation)]) {
      const mine = await h.call('GET', `/order/${key}`, { token: orderToken });
      assert.equal(mine.status, 200, mine.text);
      assert.equal(mine.body.data.id, order.id);
    }
    // The cart-only token does not read the order: the order token does.
    assert.equal((await h.call('GET', `/order/${order.id}`, { token: alice.token })).status, 403);

    // Bob, with his own cart and even the same referenceId, finds nothing and reads nothing.
    const bob = await readyCart(h);
    for (const key of [order.id, String(order.confirmation)]) {
      const answer = await h.call('GET', `/order/${key}`, { token: bob.token });
      assert.equal(answer.status, 403);
      assert.match(answer.body.errorMessage, /not made in this browser/);
    }
    const lookup = await h.call('GET', '/order?referenceId=chk_same&limit=1', { token: bob.token });
    assert.equal(lookup.status, 200, lookup.text);
    assert.deepEqual(lookup.body.data, []);
    assert.equal((await h.call('GET', '/order?referenceId=chk_same')).status, 401);

    // Bob's own order with the same referenceId is his alone.
    const bobs = await h.call('POST', '/order', {
      token: bob.token,
      body: { id: bob.cartId, referenceId: 'chk_same' },
    });
    assert.equal(bobs.status, 200, bobs.text);
    const aliceLookup = await h.call('GET', '/order?referenceId=chk_same', { token: alice.token });
    assert.deepEqual(
      aliceLookup.body.data.map((o: { id: string }) => o.id),
      [order.id],
    );
    // Upstream, each carries its cart in the referenceId.
    const upstream = await h.sandbox.api('GET', `/order/${order.id}`);
    assert.equal(upstream.body.data.referenceId, `chk_same~${alice.cartId}`);
  });
});

describe('a secret change does not orphan an order (issue 10, finding 4)', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  /** The same sandbox behind a proxy restarted with other secrets. */
  const restarted = (env: Record<string, string>) => {
    const handler = createProxy(readProxyConfig(proxyEnv(h.sandbox.sandbox.apiUrl, env)), {
      logger: () => {},
      now: () => h.clock.ms,
    });
    return async (method: string, path: string, token: string, body?: unknown) => {
      const response = await handler(
        new Request(PROXY_URL + path, {
          method,
          headers: { [CART_TOKEN_HEADER]: token, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return {
        status: response.status,
        body: JSON.parse(await response.text()),
        token: response.headers.get(CART_TOKEN_HEADER),
      };
    };
  };

  it('PROXY_SECRET_PREVIOUS keeps carts in flight working, and answers with a current token', async () => {
    const { cartId, token } = await readyCart(h);
    const call = restarted({ PROXY_SECRET: NEW_SECRET, PROXY_SECRET_PREVIOUS: SECRET });
    const read = await call('GET', `/cart/${cartId}`, token);
    assert.equal(read.status, 200);
    assert.ok(read.token, 'a token signed with the new secret');
    assert.equal((await cartTokens(NEW_SECRET).verify(read.token, 0)).ok, true);
    const order = await call('POST', '/order', token, { id: cartId });
    assert.equal(order.status, 200, JSON.stringify(order.body));
  });

  it('a checkout whose token is refused still finds its order by its referenceId', async () => {
    const { cartId, token } = await readyCart(h);
    const referenceId = 'chk_0123456789abcdef0123456789abcdef';
    const made = await h.call('POST', '/order', { token, body: { id: cartId, referenceId } });
    assert.equal(made.status, 200, made.text);
    // The answer was lost, then the secret changed with no previous one kept.
    const call = restarted({ PROXY_SECRET: NEW_SECRET });
    assert.equal((await call('GET', `/cart/${cartId}`, token)).status, 401);
    const found = await call('GET', `/order?referenceId=${referenceId}`, token);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.body.data[0].id, made.body.data.id);
    assert.equal(found.body.data[0].referenceId, referenceId);
    assert.equal((await cartTokens(NEW_SECRET).verify(found.token, 0)).ok, true);
    // A guessable referenceId proves nothing: the refused token stays refused.
    const weak = await call('GET', '/order?referenceId=1', token);
    assert.equal(weak.status, 401);
  });
});
