import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOCAL_SANDBOX_URL,
  ProxyConfigError,
  readProxyConfig,
} from '../../../widget/proxy/config.js';

const SECRET = 'x'.repeat(32);
const minimal = { RESMARK_USERNAME: 'u@example.com', RESMARK_API_KEY: 'k', PROXY_SECRET: SECRET };

describe('readProxyConfig', () => {
  it('fills the defaults: local sandbox, port 4020, orders closed, no origins', () => {
    const config = readProxyConfig(minimal);
    assert.equal(config.baseUrl, LOCAL_SANDBOX_URL);
    assert.equal(config.port, 4020);
    assert.equal(config.orderPolicy, 'closed');
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.maxBodyBytes, 16 * 1024);
    assert.deepEqual(config.rateLimit, { burst: 60, perMinute: 120 });
    assert.deepEqual(config.catalogCache, { seconds: 30, maxEntries: 500 });
  });

  it('reads the catalogue cache: 0 seconds turns it off, other numbers are refused', () => {
    const off = readProxyConfig({ ...minimal, CATALOG_CACHE_SECONDS: '0' });
    assert.equal(off.catalogCache.seconds, 0);
    const set = readProxyConfig({
      ...minimal,
      CATALOG_CACHE_SECONDS: '120',
      CATALOG_CACHE_ENTRIES: '50',
    });
    assert.deepEqual(set.catalogCache, { seconds: 120, maxEntries: 50 });
    assert.throws(
      () =>
        readProxyConfig({ ...minimal, CATALOG_CACHE_SECONDS: '-1', CATALOG_CACHE_ENTRIES: '0' }),
      (error: unknown) => {
        assert.ok(error instanceof ProxyConfigError);
        assert.match(error.message, /CATALOG_CACHE_SECONDS must be a whole number from 0 to 3600/);
        assert.match(error.message, /CATALOG_CACHE_ENTRIES must be a whole number from 1/);
        return true;
      },
    );
  });

  it('reads the issue-10 settings: hold limits, trusted hops, the previous secret', () => {
    const config = readProxyConfig(minimal);
    assert.deepEqual(config.holds, {
      seatsPerCart: 20,
      itemsPerCart: 10,
      cartsPerClient: 5,
      seatsPerClient: 40,
      maxMinutes: 60,
    });
    assert.equal(config.previousSecret, undefined);
    assert.equal(config.trustedProxies.length, 2, 'loopback by default');
    const set = readProxyConfig({
      ...minimal,
      HOLD_MAX_SEATS_PER_CART: '8',
      HOLD_MAX_MINUTES: '45',
      TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32',
      PROXY_SECRET_PREVIOUS: 'y'.repeat(32),
    });
    assert.equal(set.holds.seatsPerCart, 8);
    assert.equal(set.holds.maxMinutes, 45);
    assert.deepEqual(
      set.trustedProxies.map((range) => range.bits),
      [8, 32],
    );
    assert.equal(set.previousSecret, 'y'.repeat(32));
    assert.throws(
      () =>
        readProxyConfig({
          ...minimal,
          HOLD_MAX_MINUTES: '10',
          TRUSTED_PROXIES: 'the-cdn',
          PROXY_SECRET_PREVIOUS: 'short',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ProxyConfigError);
        // Barely longer than one 30-minute lock would leave no time to add anything.
        assert.match(error.message, /HOLD_MAX_MINUTES must be a whole number from 45/);
        assert.match(error.message, /TRUSTED_PROXIES entries must be addresses/);
        assert.match(error.message, /PROXY_SECRET_PREVIOUS, when set, must be at least 32/);
        return true;
      },
    );
  });

  it('names the Resmark environments and trims a base URL', () => {
    assert.equal(
      readProxyConfig({ ...minimal, RESMARK_BASE_URL: 'production' }).baseUrl,
      'https://app.resmarksystems.com/public/api',
    );
    assert.equal(
      readProxyConfig({ ...minimal, RESMARK_BASE_URL: 'sandbox' }).baseUrl,
      'https://sandbox.resmarksystems.com/public/api',
    );
    assert.equal(
      readProxyConfig({ ...minimal, RESMARK_BASE_URL: 'http://127.0.0.1:9/public/api/' }).baseUrl,
      'http://127.0.0.1:9/public/api',
    );
  });

  it('reads origins, policy, port and limits', () => {
    const config = readProxyConfig({
      ...minimal,
      ALLOWED_ORIGINS: 'https://a.example, http://localhost:4000',
      ORDER_POLICY: 'pay-on-arrival',
      PROXY_PORT: '8080',
      RATE_LIMIT_BURST: '10',
      RATE_LIMIT_PER_MINUTE: '30',
    });
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'http://localhost:4000']);
    assert.equal(config.orderPolicy, 'pay-on-arrival');
    assert.equal(config.port, 8080);
    assert.deepEqual(config.rateLimit, { burst: 10, perMinute: 30 });
  });

  it('refuses to start without credentials or a long enough secret, naming each problem', () => {
    assert.throws(
      () => readProxyConfig({ PROXY_SECRET: 'short' }),
      (error: unknown) => {
        assert.ok(error instanceof ProxyConfigError);
        assert.match(error.message, /cannot start/);
        assert.equal(error.problems.length, 3);
        assert.match(error.message, /RESMARK_USERNAME is required/);
        assert.match(error.message, /RESMARK_API_KEY is required/);
        assert.match(error.message, /PROXY_SECRET .* at least 32 characters/);
        assert.ok(!error.message.includes('short'), 'the secret is not echoed');
        return true;
      },
    );
  });

  it('refuses wildcard or path origins, an unknown policy and bad numbers', () => {
    assert.throws(
      () =>
        readProxyConfig({
          ...minimal,
          ALLOWED_ORIGINS: '*, https://a.example/shop',
          ORDER_POLICY: 'free',
          PROXY_PORT: 'eighty',
          RATE_LIMIT_BURST: '0',
          RESMARK_BASE_URL: 'ftp://x',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ProxyConfigError);
        assert.equal(error.problems.length, 6, error.message);
        assert.match(error.message, /ORDER_POLICY must be one of: closed, pay-on-arrival/);
        return true;
      },
    );
  });
});
