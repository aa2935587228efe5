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
