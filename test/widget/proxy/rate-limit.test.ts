import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientKeyOf, inRanges, parseRange } from '../../../widget/proxy/client-address.js';
import { memoryStore } from '../../../widget/proxy/store.js';
import { SHOP, proxyHarness, type ProxyHarness } from './harness.js';

describe('rate limit', () => {
  let h: ProxyHarness;
  before(async () => {
    // 5 at once, 60 a minute: a window of 5 s.
    h = await proxyHarness({ RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_MINUTE: '60' });
  });
  after(() => h.close());

  it('answers 429 with Retry-After once a client’s burst is spent, then recovers', async () => {
    // At the start of a window, so the previous one is empty.
    h.clock.ms = Math.ceil(h.clock.ms / 5_000) * 5_000 + 10 * 5_000;
    for (let i = 0; i < 5; i++)
      assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 200, `#${i}`);
    const refused = await h.call('GET', '/tag', { client: '198.51.100.7', origin: SHOP });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '5');
    assert.match(refused.body.errorMessage, /Too many requests/);
    assert.deepEqual(refused.body.detail, { limit: 'requests', max: 5 });
    assert.equal(
      refused.headers.get('access-control-allow-origin'),
      SHOP,
      'readable by the widget',
    );

    // Another client is not affected.
    assert.equal((await h.call('GET', '/tag', { client: '198.51.100.8' })).status, 200);

    // Two windows on, the old counts are gone.
    h.clock.ms += 10_000;
    for (let i = 0; i < 5; i++)
      assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 200);
    assert.equal((await h.call('GET', '/tag', { client: '198.51.100.7' })).status, 429);
  });

  it('holds a sustained rate to perMinute across window edges', async () => {
    const clock = h.clock;
    clock.ms = Math.ceil(clock.ms / 5_000) * 5_000 + 20 * 5_000;
    let allowed = 0;
    // One request every 100 ms for a minute: 600 asked; never more than 60 allowed (5 per 5 s), and
    // a steady asker gets most of them (the weighted previous window makes it a little stricter).
    for (let i = 0; i < 600; i++, clock.ms += 100)
      if ((await h.call('GET', '/tag', { client: '198.51.100.9' })).status === 200) allowed++;
    assert.ok(allowed >= 45 && allowed <= 62, `${allowed} allowed in a minute`);
  });

  it('says how long to wait when the refill is slow', async () => {
    const slow = await proxyHarness({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '2' });
    try {
      slow.clock.ms = Math.ceil(slow.clock.ms / 30_000) * 30_000 + 60_000;
      assert.equal((await slow.call('GET', '/tag')).status, 200);
      const refused = await slow.call('GET', '/tag');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '30');
    } finally {
      await slow.close();
    }
  });

  it('counts an IPv6 client by its /64, an IPv4 one by its address', async () => {
    const tight = await proxyHarness({ RATE_LIMIT_BURST: '1', RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const as = (client: string) => tight.call('GET', '/tag', { client });
      assert.equal((await as('2001:db8:1:2::1')).status, 200);
      // Another address of the same /64 is the same host.
      assert.equal((await as('2001:db8:1:2:ffff:ffff:ffff:fffe')).status, 429);
      assert.equal((await as('[2001:db8:1:2:0:0:0:7]')).status, 429);
      // Another /64 is another client.
      assert.equal((await as('2001:db8:1:3::1')).status, 200);
      assert.equal((await as('192.0.2.10')).status, 200);
      assert.equal((await as('::ffff:192.0.2.10')).status, 429, 'the same IPv4 client');
      assert.equal((await as('192.0.2.11')).status, 200);
    } finally {
      await tight.close();
    }
  });

  describe('behind a front proxy (CLIENT_ADDRESS_HEADER)', () => {
    let fronted: ProxyHarness;
    before(async () => {
      fronted = await proxyHarness({
        RATE_LIMIT_BURST: '1',
        RATE_LIMIT_PER_MINUTE: '1',
        CLIENT_ADDRESS_HEADER: 'X-Forwarded-For',
        TRUSTED_PROXIES: '10.1.0.0/16, ::1',
      });
    });
    after(() => fronted.close());
    const as = (xff: string, client: string) =>
      fronted.call('GET', '/tag', { client, headers: { 'x-forwarded-for': xff } });

    it('keys clients by the header’s last entry when the configured hop sent it', async () => {
      assert.equal((await as('10.0.0.1, 192.0.2.1', '10.1.2.3')).status, 200);
      // A spoofed first entry does not buy a new bucket.
      assert.equal((await as('10.9.9.9, 192.0.2.1', '10.1.2.3')).status, 429);
      assert.equal((await as('192.0.2.2', '::1')).status, 200);
    });

    it('ignores the header from anyone else: a direct client cannot name itself anew', async () => {
      assert.equal((await as('192.0.2.50', '203.0.113.77')).status, 200);
      assert.equal((await as('192.0.2.51', '203.0.113.77')).status, 429);
      assert.equal((await as('192.0.2.52', '203.0.113.77')).status, 429);
    });

    it('counts made-up header values as one client, so they neither evade nor grow memory', async () => {
      const long = 'x'.repeat(5_000);
      assert.equal((await as(`${long}1`, '10.1.0.9')).status, 200);
      assert.equal((await as(`${long}2`, '10.1.0.9')).status, 429);
    });
  });

  it('keeps memory bounded by the store, whatever keys a flood sends', async () => {
    const store = memoryStore({ maxKeys: 1_000 });
    const flood = await proxyHarness(
      { RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_MINUTE: '60' },
      fetch,
      { store },
    );
    try {
      for (let i = 0; i < 3_000; i++)
        await flood.call('GET', '/tag', { client: `2001:db8:${i.toString(16)}::1` });
      assert.ok(store.size > 0 && store.size <= 1_000, `${store.size} keys`);
    } finally {
      await flood.close();
    }
  });
});

describe('client-address', () => {
  it('keys addresses and matches ranges', () => {
    assert.equal(clientKeyOf('192.0.2.1'), '4:192.0.2.1');
    assert.equal(clientKeyOf('2001:db8::1'), '6:20010db800000000');
    assert.equal(clientKeyOf('fe80::1%eth0'), '6:fe80000000000000');
    assert.equal(clientKeyOf('not an address'), 'invalid');
    assert.equal(clientKeyOf('1.2.3.256'), 'invalid');
    assert.equal(clientKeyOf(undefined), 'unknown');
    const ranges = ['10.0.0.0/8', '2001:db8::/33'].map((r) => parseRange(r)!);
    assert.ok(inRanges('10.200.1.1', ranges));
    assert.ok(inRanges('::ffff:10.0.0.1', ranges));
    assert.ok(!inRanges('11.0.0.1', ranges));
    assert.ok(inRanges('2001:db8:7fff::1', ranges));
    assert.ok(!inRanges('2001:db8:8000::1', ranges));
    assert.equal(parseRange('10.0.0.0/33'), undefined);
  });
});
