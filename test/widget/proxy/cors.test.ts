import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SHOP, proxyHarness, type ProxyHarness } from './harness.js';

describe('CORS', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness({ ALLOWED_ORIGINS: `${SHOP}, https://www.shop.example` });
  });
  after(() => h.close());

  it('grants an allowed origin, exposing the cart token header', async () => {
    const answer = await h.call('POST', '/cart', { origin: SHOP });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHOP);
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /X-Resmark-Cart-Token/);
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
    assert.ok(answer.token);
  });

  it('grants the second configured origin too', async () => {
    const answer = await h.call('GET', '/tag', { origin: 'https://www.shop.example' });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'https://www.shop.example');
  });

  it('answers a preflight from an allowed origin', async () => {
    const answer = await h.call('OPTIONS', '/cart/abc/item', {
      origin: SHOP,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-resmark-cart-token',
      },
    });
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHOP);
    assert.match(answer.headers.get('access-control-allow-methods') ?? '', /PUT/);
    assert.match(
      (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase(),
      /x-resmark-cart-token/,
    );
  });

  it('refuses another origin with 403 and no grant, preflight or not', async () => {
    for (const method of ['OPTIONS', 'GET', 'POST']) {
      const answer = await h.call(method, '/cart', {
        origin: 'https://evil.example',
        headers: { 'access-control-request-method': 'POST' },
      });
      assert.equal(answer.status, 403, method);
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
      assert.match(answer.body.errorMessage, /origin is not allowed/);
    }
  });

  it('does not create a cart for a refused origin', async () => {
    const answer = await h.call('POST', '/cart', { origin: `${SHOP}.evil.example` });
    assert.equal(answer.status, 403);
    assert.equal(answer.token, null);
  });

  it('keeps the grant on refusals, so the widget can read them', async () => {
    const answer = await h.call('GET', '/cart/nope', { origin: SHOP });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHOP);
  });
});
