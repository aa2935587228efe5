import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SHOP, proxyHarness, type ProxyHarness } from './harness.js';

describe('rate limit', () => {
  let h: ProxyHarness;
  before(async () => {
    // 5 at once, then one a second.
    h = await proxyHarness({ RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_MINUTE: '60' });
  });
  after(() => h.close());

  it('answers 429 with Retry-After once a client’s burst is spent, then recovers', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 200, `#${i}`);
    const refused = await h.call('GET', '/tag', { client: '198.51.100.7', origin: SHOP });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.match(refused.body.errorMessage, /Too many requests/);
    assert.equal(
      refused.headers.get('access-control-allow-origin'),
      SHOP,
      'readable by the widget',
    );

    // Another client is not affected.
    assert.equal((await h.call('GET', '/tag', { client: '198.51.100.8' })).status, 200);

    h.clock.ms += 1_000;
    assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 200);
    assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 429);
    h.clock.ms += 5_000;
    for (let i = 0; i < 5; i++)
      assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 200);
  });

  it('says how long to wait when the refill is slow', async () => {
    const slow = await proxyHarness({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '2' });
    try {
      assert.equal((await slow.call('GET', '/tag')).status, 200);
      const refused = await slow.call('GET', '/tag');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '30');
    } finally {
      await slow.close();
    }
  });

  it('keys clients by the configured front-proxy header, its last entry', async () => {
    const fronted = await proxyHarness({
      RATE_LIMIT_BURST: '1',
      RATE_LIMIT_PER_MINUTE: '1',
      CLIENT_ADDRESS_HEADER: 'X-Forwarded-For',
    });
    try {
      const as = (xff: string) =>
        fronted.call('GET', '/tag', { headers: { 'x-forwarded-for': xff } });
      assert.equal((await as('10.0.0.1, 192.0.2.1')).status, 200);
      // A spoofed first entry does not buy a new bucket.
      assert.equal((await as('10.9.9.9, 192.0.2.1')).status, 429);
      assert.equal((await as('192.0.2.2')).status, 200);
    } finally {
      await fronted.close();
    }
  });
});
