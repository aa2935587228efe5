import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON_CUSTOMER, KAYAK_0900, PICKUP, SUNSET_1730 } from '../../sandbox/helpers.js';
import { CART_TOKEN_HEADER } from '../../../widget/proxy/cart-token.js';
import { createProxy } from '../../../widget/proxy/proxy.js';
import { PROXY_URL, proxyHarness, readyCart, type ProxyHarness } from './harness.js';

describe('widget/proxy routes', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  describe('the catalogue (no token needed)', () => {
    it('lists products with filters', async () => {
      const answer = await h.call('GET', '/product?productNumbers=94175,94176&limit=10');
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.errorMessage, null);
      assert.deepEqual(
        answer.body.data.map((p: { productNumber: number }) => p.productNumber),
        [94175, 94176],
      );
    });
    it('refuses a malformed filter with 400 naming the field', async () => {
      const answer = await h.call('GET', '/product?limit=abc');
      assert.equal(answer.status, 400, answer.text);
      assert.match(answer.body.errorMessage, /limit/);
      assert.ok(answer.body.detail.fields.limit);
    });
    it('gets one product by number', async () => {
      const answer = await h.call('GET', '/product/94175');
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.data.name, 'Half-Day Canyon Kayak Tour');
    });
    it('passes an unknown product as the API’s 404, in the proxy’s words', async () => {
      const answer = await h.call('GET', '/product/99999999');
      assert.equal(answer.status, 404);
      assert.match(
        answer.body.errorMessage,
        /^That is not available \(any more\)\. \(reference \w+\)$/,
      );
    });
    it('gives inventory, and 400 without `from`', async () => {
      const answer = await h.call('GET', '/product/94175/item?from=2026-11-25');
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.data.items[0].timesAvailable[0].activityId, KAYAK_0900);
      const missing = await h.call('GET', '/product/94175/item');
      assert.equal(missing.status, 400);
      assert.ok(missing.body.detail.fields.from);
    });
    it('gives pickups and tags', async () => {
      const pickups = await h.call('GET', '/product/94175/pickup');
      assert.equal(pickups.status, 200);
      assert.equal(pickups.body.data[0].name, 'Page hotels');
      const tags = await h.call('GET', '/tag');
      assert.equal(tags.status, 200);
      assert.ok(Array.isArray(tags.body.data));
    });
  });

  describe('a cart', () => {
    it('is created with a token, and every cart call works with it', async () => {
      const created = await h.call('POST', '/cart');
      assert.equal(created.status, 200, created.text);
      assert.match(created.token ?? '', /^v1\.[\w-]+\.[\w-]+$/);
      const cartId: string = created.body.data.id;
      const token = created.token!;

      const added = await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: KAYAK_0900, participants: { Adult: 2, Child: 1 }, ...PICKUP },
      });
      assert.equal(added.status, 200, added.text);
      assert.equal(added.body.data.total, 237);

      const second = await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 } },
      });
      assert.equal(second.body.data.items.length, 2);
      const removed = await h.call('DELETE', `/cart/${cartId}/item/${SUNSET_1730}`, { token });
      assert.equal(removed.status, 200, removed.text);
      assert.equal(removed.body.data.items.length, 1);

      const customer = await h.call('PUT', `/cart/${cartId}/customer`, {
        token,
        body: CANYON_CUSTOMER,
      });
      assert.equal(customer.status, 200, customer.text);
      assert.equal(customer.body.data.customer.email, 'ana@example.com');

      const discount = await h.call('POST', `/cart/${cartId}/discount`, {
        token,
        body: { promoCode: 'SUMMER10' },
      });
      assert.equal(discount.status, 200, discount.text);
      assert.equal(discount.body.data.discount, 23.7);

      const got = await h.call('GET', `/cart/${cartId}`, { token });
      assert.equal(got.status, 200);
      assert.equal(got.body.data.promoCode, 'SUMMER10');

      const renewed = await h.call('GET', `/cart/${cartId}/renew`, { token });
      assert.equal(renewed.status, 200, renewed.text);
      assert.deepEqual(renewed.body.errors, [], 'renew answers bare, as Resmark does');
      assert.equal(typeof renewed.body.expDateTime, 'number');

      const deleted = await h.call('DELETE', `/cart/${cartId}`, { token });
      assert.equal(deleted.status, 200, deleted.text);
      assert.deepEqual(deleted.body.data, { id: cartId, deleted: true });
    });

    it('tells an invalid promo code from an inapplicable one, as the API does', async () => {
      const { cartId, token } = await readyCart(h);
      const invalid = await h.call('POST', `/cart/${cartId}/discount`, {
        token,
        body: { promoCode: 'EXPIRED5' },
      });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.detail.reason, 'invalid');
      const other = await h.call('POST', `/cart/${cartId}/discount`, {
        token,
        body: { promoCode: 'BIKES20' },
      });
      assert.equal(other.status, 400);
      assert.equal(other.body.detail.reason, 'not-applicable');
      assert.ok(other.body.errorMessage);
    });

    it('names the missing customer fields with a 400', async () => {
      const { cartId, token } = await h.newCart();
      const answer = await h.call('PUT', `/cart/${cartId}/customer`, {
        token,
        body: { email: 'not-an-email' },
      });
      assert.equal(answer.status, 400);
      assert.ok(answer.body.detail.fields.email);
      assert.ok(answer.body.detail.fields.firstName);
      assert.equal(answer.body.data, null, 'the detail goes beside data, as Resmark’s does');
    });

    it('sets the customer by the rules of the cart it last answered, without reading it again', async () => {
      const { cartId, token } = await h.newCart();
      await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 } },
      });
      h.upstreamCalls.length = 0;
      const customer = await h.call('PUT', `/cart/${cartId}/customer`, {
        token,
        body: CANYON_CUSTOMER,
      });
      assert.equal(customer.status, 200, customer.text);
      assert.deepEqual(h.upstreamCalls, [`PUT /cart/${cartId}/customer`]);
      // The rules still hold: a key that is neither a customer field nor the account's own is
      // refused, and a missing required one named.
      const extra = await h.call('PUT', `/cart/${cartId}/customer`, {
        token,
        body: { ...CANYON_CUSTOMER, notes: 'VIP' },
      });
      assert.equal(extra.status, 400, extra.text);
      assert.ok(extra.body.detail.fields.notes);
      const { phone: _phone, ...noPhone } = CANYON_CUSTOMER as Record<string, unknown>;
      const missing = await h.call('PUT', `/cart/${cartId}/customer`, { token, body: noPhone });
      assert.equal(missing.status, 400, missing.text);
      assert.ok(missing.body.detail.fields.phone);
    });

    it('reads a cart it has not answered for its rules (a restart, another instance)', async () => {
      const { cartId, token } = await h.newCart();
      await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 } },
      });
      // A second proxy with the same configuration, in front of the same sandbox: it has seen no
      // answer of this cart.
      const calls: string[] = [];
      const second = createProxy(h.config, {
        now: () => h.clock.ms,
        logger: () => undefined,
        fetch: (input, init) => {
          const url = new URL(String(input));
          calls.push(`${init?.method ?? 'GET'} ${url.pathname.replace(/^\/public\/api/, '')}`);
          return fetch(input, init);
        },
      });
      const put = (body: unknown) =>
        second(
          new Request(`${PROXY_URL}/cart/${cartId}/customer`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', [CART_TOKEN_HEADER]: token },
            body: JSON.stringify(body),
          }),
        );
      const extra = await put({ ...CANYON_CUSTOMER, notes: 'VIP' });
      assert.equal(extra.status, 400, 'the rules were read');
      const customer = await put(CANYON_CUSTOMER);
      assert.equal(customer.status, 200, await customer.text());
      assert.deepEqual(calls.slice(-2), [`GET /cart/${cartId}`, `PUT /cart/${cartId}/customer`]);
    });

    it('never lets the shopper write an internal comment', async () => {
      const { cartId, token } = await h.newCart();
      await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 }, internalComment: 'VIP, comp it' },
      });
      const upstream = await h.sandbox.api('GET', `/cart/${cartId}`);
      assert.equal(upstream.body.data.items[0].internalComment, null);
    });
  });

  describe('refusals', () => {
    const refused: [string, string, number, RegExp][] = [
      ['GET', '/cart', 403, /Cart lists/],
      ['GET', '/order', 403, /Order lists/],
      ['GET', '/order?confirmationIds=100001&referenceId=x', 403, /Order lists/],
      ['DELETE', '/order/100001', 403, /Cancellations/],
      ['DELETE', `/order/100001/item/${KAYAK_0900}`, 403, /Cancellations/],
      ['DELETE', `/order/100001/item/${KAYAK_0900}/participant/p1`, 403, /Cancellations/],
      ['GET', '/agency/5f1a00000000000000000003/agencyInfo', 403, /Agency/],
      ['GET', '/agency/u1', 403, /Agency/],
      ['POST', '/authenticate', 403, /authenticates by itself/],
      ['POST', '/cart?supplierId=5f1a00000000000000000001', 403, /Reseller carts/],
      ['GET', '/reports', 404, /no endpoint GET \/reports/],
      ['PATCH', '/cart/x', 404, /no endpoint PATCH/],
      ['GET', '/public/api/product', 404, /no endpoint/],
    ];
    for (const [method, path, status, message] of refused)
      it(`${method} ${path} → ${status}`, async () => {
        const answer = await h.call(method, path);
        assert.equal(answer.status, status, answer.text);
        assert.match(answer.body.errorMessage, message);
        assert.equal(answer.body.data, null);
      });

    it('refuses a supplierId in the body of POST /cart', async () => {
      const answer = await h.call('POST', '/cart', {
        body: { supplierId: '5f1a00000000000000000001' },
      });
      assert.equal(answer.status, 403);
      assert.equal(answer.token, null, 'no cart, no token');
    });

    it('refuses orderId on POST /order (no adding to someone’s order)', async () => {
      const { cartId, token } = await readyCart(h);
      const answer = await h.call('POST', '/order', {
        token,
        body: { id: cartId, orderId: '6a0000000000000000000001' },
      });
      assert.equal(answer.status, 403);
      assert.match(answer.body.errorMessage, /orderId/);
    });

    it('answers malformed JSON with 400 and a too large body with 413', async () => {
      const { cartId, token } = await h.newCart();
      const bad = await h.call('POST', `/cart/${cartId}/item`, { token, body: '{"itemId":' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.errorMessage, /not valid JSON/);
      const huge = await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: JSON.stringify({ itemId: 'x'.repeat(20_000) }),
      });
      assert.equal(huge.status, 413);
      assert.match(huge.body.errorMessage, /larger than 16384 bytes/);
    });

    it('limits a body by its Content-Length without reading it, and still counts what arrives', async () => {
      const { cartId, token } = await h.newCart();
      const path = `/cart/${cartId}/item`;
      // Said to be too large: refused on the header alone.
      const said = await h.call('POST', path, {
        token,
        body: '{}',
        headers: { 'content-length': '20000' },
      });
      assert.equal(said.status, 413);
      assert.match(said.body.errorMessage, /larger than 16384 bytes/);
      // Said to be small but larger (a host that does not hold a body to its length): the route
      // counts the body it reads.
      const understated = await h.call('POST', path, {
        token,
        body: JSON.stringify({ itemId: 'x'.repeat(20_000) }),
        headers: { 'content-length': '10' },
      });
      assert.equal(understated.status, 413);
      assert.match(understated.body.errorMessage, /larger than 16384 bytes/);
    });
  });

  describe('what a shopper must not see', () => {
    it('strips staff, agent and internal fields from carts and orders', async () => {
      const { cartId, token } = await readyCart(h);
      const cart = await h.call('GET', `/cart/${cartId}`, { token });
      const order = await h.call('POST', '/order', {
        token,
        body: { id: cartId, referenceId: 'chk_strip' },
      });
      assert.equal(order.status, 200, order.text);
      for (const answer of [cart, order]) {
        for (const hidden of [
          'createdBy',
          'createdByEmail',
          'internalComment',
          'reseller',
          'agentId',
          'agencyId',
          'billing',
        ])
          assert.ok(!answer.text.includes(`"${hidden}"`), `${hidden} in ${answer.text}`);
        assert.ok(!answer.text.includes('staff@canyon-kayak.test'));
        assert.ok(!answer.text.includes('Casey Canyon'));
        assert.ok(
          !answer.text.includes('Pay on arrival'),
          'the billing memo stays with the operator',
        );
      }
      // The operator sees all of it upstream.
      const upstream = await h.sandbox.api('GET', `/order/${order.body.data.id}`);
      assert.equal(upstream.body.data.createdByEmail, 'staff@canyon-kayak.test');
    });
  });
});
