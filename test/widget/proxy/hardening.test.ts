import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON_CUSTOMER } from '../../sandbox/helpers.js';
import { PROXY_URL, SHOP, proxyHarness, readyCart, type ProxyHarness } from './harness.js';

describe('the smaller findings (issue 10, finding 7)', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  describe('customer fields', () => {
    const put = async (body: unknown) => {
      const { cartId, token } = await h.newCart();
      const answer = await h.call('PUT', `/cart/${cartId}/customer`, { token, body });
      return { answer, cartId };
    };

    it('bounds each field, with a message per field, and stores nothing', async () => {
      const { answer, cartId } = await put({
        ...CANYON_CUSTOMER,
        firstName: 'A'.repeat(10_000),
        city: 'x'.repeat(101),
      });
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(answer.body.detail.fields, {
        firstName: 'firstName must be at most 100 characters',
        city: 'city must be at most 100 characters',
      });
      const stored = await h.sandbox.api('GET', `/cart/${cartId}`);
      assert.deepEqual(stored.body.data.customer, {});
    });

    it('refuses NUL, ESC, bidi overrides and lone surrogates, naming each field', async () => {
      const { answer } = await put({
        ...CANYON_CUSTOMER,
        firstName: 'Ana\u0000',
        lastName: 'Lo\u001b[31mpez',
        organization: 'evil\u202egnp.exe',
        city: 'Pa\ud800ge',
      });
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(Object.keys(answer.body.detail.fields).sort(), [
        'city',
        'firstName',
        'lastName',
        'organization',
      ]);
      assert.match(answer.body.detail.fields.firstName, /cannot be used/);
    });

    it('folds line breaks into a space and trims', async () => {
      const { answer } = await put({ ...CANYON_CUSTOMER, firstName: ' Ana\r\nMaria\t' });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.data.customer.firstName, 'Ana Maria');
    });

    it('refuses a __proto__ key instead of dropping it', async () => {
      const { cartId, token } = await h.newCart();
      const raw = JSON.stringify(CANYON_CUSTOMER).replace('{', '{"__proto__":{"admin":true},');
      const answer = await h.call('PUT', `/cart/${cartId}/customer`, { token, body: raw });
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(
        answer.body.detail.fields,
        JSON.parse('{ "__proto__": "This is not a customer field" }'),
      );
    });
  });

  describe('headers', () => {
    it('says no-store on every answer with personal data or a grant, nosniff on all', async () => {
      const { cartId, token } = await readyCart(h);
      const personal = [
        await h.call('GET', `/cart/${cartId}`, { token }),
        await h.call('POST', '/cart'),
        await h.call('GET', `/cart/${cartId}`),
        await h.call('POST', '/order', { token, body: { id: cartId } }),
      ];
      for (const answer of personal) {
        assert.equal(answer.headers.get('cache-control'), 'no-store', answer.text);
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
      }
      const catalogue = await h.call('GET', '/product?limit=5');
      assert.equal(catalogue.headers.get('cache-control'), null);
      assert.equal(catalogue.headers.get('x-content-type-options'), 'nosniff');
    });

    it('says Vary: Origin whether or not the request had one, once', async () => {
      for (const origin of [undefined, SHOP]) {
        const answer = await h.call('GET', '/tag', { origin });
        assert.equal(answer.headers.get('vary'), 'Origin', String(origin));
      }
      const preflight = await h.call('OPTIONS', '/cart', { origin: SHOP });
      assert.equal(preflight.headers.get('vary'), 'Origin');
    });
  });

  it('answers and logs a body that breaks off on the wire as a 400', async () => {
    const { cartId, token } = await h.newCart();
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":'));
        controller.error(new TypeError('invalid chunked encoding'));
      },
    });
    const before = h.lines.length;
    const response = await h.handler(
      new Request(`${PROXY_URL}/cart/${cartId}/customer`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-resmark-cart-token': token },
        body: broken,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 400, await response.clone().text());
    const line = h.lines.slice(before).at(-1);
    assert.equal(line?.status, 400);
    assert.equal(line?.reason, 'malformed request body');
  });
});

describe('a bad or revoked API key (issue 10, finding 7)', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness({ RESMARK_API_KEY: 'revoked-key' });
  });
  after(() => h.close());

  it('backs off instead of authenticating upstream for every shopper, and logs why', async () => {
    const authentications = () => h.upstreamCalls.filter((c) => c.startsWith('POST /authenticate'));
    for (let i = 0; i < 30; i++) {
      const answer = await h.call('GET', '/product/94175/item?from=2026-11-25');
      assert.equal(answer.status, 502);
      assert.doesNotMatch(answer.text, /credential|API key|RESMARK_/i);
    }
    assert.equal(authentications().length, 1);
    const line = h.lines.at(-1)!;
    assert.match(line.reason ?? '', /credentials.*RESMARK_API_KEY.*back-off/);
    // After the back-off it asks again (once), and backs off longer.
    h.clock.ms += 5_000;
    await h.call('GET', '/product/94175/item?from=2026-11-25');
    await h.call('GET', '/product/94175/item?from=2026-11-25');
    assert.equal(authentications().length, 2);
    h.clock.ms += 5_000;
    await h.call('GET', '/product/94175/item?from=2026-11-25');
    assert.equal(authentications().length, 2, 'the second back-off is 10 s');
  });
});
