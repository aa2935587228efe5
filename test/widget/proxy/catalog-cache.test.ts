import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogCache } from '../../../widget/proxy/catalog-cache.js';
import { readProxyConfig } from '../../../widget/proxy/config.js';
import { createProxy } from '../../../widget/proxy/proxy.js';
import { SUNSET_1730, testSandbox } from '../../sandbox/helpers.js';
import { PROXY_URL, proxyEnv, proxyHarness, type ProxyHarness } from './harness.js';

/** A cache on a fake clock, and a loader that counts its calls. */
function setup(ttlMs = 30_000, maxEntries = 100) {
  const clock = { ms: 0 };
  const cache = catalogCache({ ttlMs, maxEntries, now: () => clock.ms });
  const loads: string[] = [];
  const load = (key: string) => () => {
    loads.push(key);
    return Promise.resolve(`body of ${key} #${loads.length}`);
  };
  return { clock, cache, loads, load };
}

describe('catalogCache', () => {
  it('answers a key again from memory until its time is up, then loads it again', async () => {
    const { clock, cache, loads, load } = setup(30_000);
    assert.equal(await cache.get('/tag', load('/tag')), 'body of /tag #1');
    clock.ms = 29_999;
    assert.equal(
      await cache.get('/tag', () => Promise.reject(new Error('not called'))),
      'body of /tag #1',
    );
    clock.ms = 30_000;
    assert.equal(await cache.get('/tag', load('/tag')), 'body of /tag #2');
    assert.deepEqual(loads, ['/tag', '/tag']);
  });

  it('keeps keys apart', async () => {
    const { cache, load } = setup();
    assert.equal(await cache.get('a', load('a')), 'body of a #1');
    assert.equal(await cache.get('b', load('b')), 'body of b #2');
    assert.equal(await cache.get('a', load('a')), 'body of a #1');
  });

  it('shares one load among concurrent misses of a key', async () => {
    const { cache } = setup();
    let calls = 0;
    let release: (body: string) => void = () => undefined;
    const slow = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const answers = Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)]);
    release('one');
    assert.deepEqual(await answers, ['one', 'one', 'one']);
    assert.equal(calls, 1);
  });

  it('does not keep a failure: every waiter gets it, the next call loads again', async () => {
    const { cache, load, loads } = setup();
    let fail: (error: Error) => void = () => undefined;
    const failing = () => {
      loads.push('k');
      return new Promise<string>((_, reject) => (fail = reject));
    };
    const first = cache.get('k', failing);
    const second = cache.get('k', failing);
    fail(new Error('upstream 503'));
    await assert.rejects(first, /upstream 503/);
    await assert.rejects(second, /upstream 503/);
    assert.equal(await cache.get('k', load('k')), 'body of k #2');
    assert.deepEqual(loads, ['k', 'k']);
  });

  it('holds at most maxEntries answers, dropping the oldest', async () => {
    const { cache, load, loads } = setup(30_000, 2);
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('c', load('c'));
    await cache.get('c', load('c'));
    await cache.get('b', load('b'));
    assert.deepEqual(loads, ['a', 'b', 'c'], 'b and c still held');
    await cache.get('a', load('a'));
    assert.deepEqual(loads, ['a', 'b', 'c', 'a'], 'a was dropped');
  });

  it('with a TTL of 0 loads every time', async () => {
    const { cache, load, loads } = setup(0);
    await cache.get('k', load('k'));
    await cache.get('k', load('k'));
    assert.deepEqual(loads, ['k', 'k']);
  });
});

/** The upstream requests whose path starts with `prefix`. */
const callsTo = (h: ProxyHarness, prefix: string) =>
  h.upstreamCalls.filter((call) => call.startsWith(prefix));

/** Runs `test` against a fresh proxy harness (own sandbox, empty cache). */
async function withProxy(env: Record<string, string>, test: (h: ProxyHarness) => Promise<void>) {
  const h = await proxyHarness(env);
  try {
    await test(h);
  } finally {
    await h.close();
  }
}

describe('the catalogue cache in the proxy', () => {
  it('serves products, a product, pickups and tags again without asking Resmark', () =>
    withProxy({}, async (h) => {
      const paths = [
        '/product?productNumbers=94175,94176&limit=10',
        '/product/94175',
        '/product/94175/pickup',
        '/tag',
      ];
      const first = [];
      for (const path of paths) first.push(await h.call('GET', path));
      const upstream = h.upstreamCalls.length;
      for (const [i, path] of paths.entries()) {
        const again = await h.call('GET', path);
        assert.equal(again.status, 200, again.text);
        assert.equal(again.text, first[i]!.text, path);
        assert.match(again.headers.get('content-type') ?? '', /application\/json/);
      }
      assert.equal(h.upstreamCalls.length, upstream, h.upstreamCalls.slice(upstream).join(', '));
      assert.deepEqual(
        first.map((answer) => answer.status),
        [200, 200, 200, 200],
      );
    }));

  it('asks again once CATALOG_CACHE_SECONDS have passed', () =>
    withProxy({ CATALOG_CACHE_SECONDS: '5' }, async (h) => {
      await h.call('GET', '/product/94175');
      h.clock.ms += 4_999;
      await h.call('GET', '/product/94175');
      assert.equal(callsTo(h, 'GET /product/94175').length, 1);
      h.clock.ms += 1;
      const answer = await h.call('GET', '/product/94175');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.data.productNumber, 94175);
      assert.equal(callsTo(h, 'GET /product/94175').length, 2);
    }));

  it('keys by the query: other filters are other answers', () =>
    withProxy({}, async (h) => {
      const one = await h.call('GET', '/product?productNumbers=94175');
      const two = await h.call('GET', '/product?productNumbers=94176');
      assert.deepEqual(
        [one.body.data[0].productNumber, two.body.data[0].productNumber],
        [94175, 94176],
      );
      // Concurrent, with one key each: a refused filter does not share the valid list's answer.
      const [bad, all] = await Promise.all([
        h.call('GET', '/product?limit=abc'),
        h.call('GET', '/product'),
      ]);
      assert.equal(bad.status, 400);
      assert.equal(all.status, 200);
    }));

  it('shares one upstream call among concurrent shoppers', () =>
    withProxy({}, async (h) => {
      const answers = await Promise.all([1, 2, 3, 4].map(() => h.call('GET', '/tag')));
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [200, 200, 200, 200],
      );
      assert.equal(callsTo(h, 'GET /tag').length, 1);
    }));

  it('never caches inventory: a booked seat shows at once', () =>
    withProxy({}, async (h) => {
      const seats = async () => {
        const answer = await h.call('GET', '/product/94176/item?from=2026-11-25');
        assert.equal(answer.status, 200, answer.text);
        const slot = answer.body.data.items[0].timesAvailable.find(
          (s: { activityId: string }) => s.activityId === SUNSET_1730,
        );
        return slot.tiersAvailable['*'] as number;
      };
      const before = await seats();
      const { cartId, token } = await h.newCart();
      const add = await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 2 } },
      });
      assert.equal(add.status, 200, add.text);
      assert.equal(await seats(), before - 2);
      assert.equal(callsTo(h, 'GET /product/94176/item').length, 2);
    }));

  it('never caches carts', () =>
    withProxy({}, async (h) => {
      const { cartId, token } = await h.newCart();
      const empty = await h.call('GET', `/cart/${cartId}`, { token });
      assert.deepEqual(empty.body.data.items, []);
      const add = await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 } },
      });
      assert.equal(add.status, 200, add.text);
      const full = await h.call('GET', `/cart/${cartId}`, { token });
      assert.equal(full.body.data.items.length, 1);
    }));

  it('with CATALOG_CACHE_SECONDS=0 asks Resmark every time', () =>
    withProxy({ CATALOG_CACHE_SECONDS: '0' }, async (h) => {
      await h.call('GET', '/tag');
      await h.call('GET', '/tag');
      await Promise.all([h.call('GET', '/product/94175'), h.call('GET', '/product/94175')]);
      assert.equal(callsTo(h, 'GET /tag').length, 2);
      assert.equal(callsTo(h, 'GET /product/94175').length, 2);
    }));

  it('does not keep an upstream error: the next shopper gets the product', () =>
    withProxy({}, async (h) => {
      // 500 is not retried by the shared client, so one fault is one failed answer.
      await h.sandbox.control('POST', '/faults', { path: '/product/94175', status: 500 });
      const failed = await h.call('GET', '/product/94175');
      assert.equal(failed.status, 502, failed.text);
      const retried = await h.call('GET', '/product/94175');
      assert.equal(retried.status, 200, retried.text);
      assert.equal(retried.body.data.productNumber, 94175);
      // Nor a 404: the product may be published a moment later.
      assert.equal((await h.call('GET', '/product/99999999')).status, 404);
      assert.equal((await h.call('GET', '/product/99999999')).status, 404);
      assert.equal(callsTo(h, 'GET /product/99999999').length, 2);
    }));

  it('caches the redacted bytes: a hidden field from Resmark stays out of hits too', async () => {
    const sandbox = await testSandbox();
    try {
      let upstreamProductCalls = 0;
      // Resmark adds fields a shopper must not see to the product (loose schemas pass them on).
      const leaky: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input instanceof Request ? input.url : input).endsWith('/product/94175'))
          return response;
        upstreamProductCalls++;
        const body = await response.json();
        body.data.internalComment = 'staff only: overbook on Fridays';
        body.data.location[0].createdByEmail = 'staff@canyon-kayak.test';
        return new Response(JSON.stringify(body), {
          status: response.status,
          headers: { 'content-type': 'application/json' },
        });
      };
      const proxy = createProxy(readProxyConfig(proxyEnv(sandbox.sandbox.apiUrl)), {
        fetch: leaky,
        logger: () => undefined,
      });
      for (let i = 0; i < 2; i++) {
        const answer = await proxy(new Request(`${PROXY_URL}/product/94175`));
        const text = await answer.text();
        assert.equal(answer.status, 200, text);
        assert.equal(JSON.parse(text).data.name, 'Half-Day Canyon Kayak Tour');
        assert.ok(!text.includes('internalComment'), text);
        assert.ok(!text.includes('overbook'), text);
        assert.ok(!text.includes('staff@canyon-kayak.test'), text);
      }
      assert.equal(upstreamProductCalls, 1, 'the second answer was a hit');
    } finally {
      await sandbox.sandbox.close();
    }
  });
});
