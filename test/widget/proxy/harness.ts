/**
 * A proxy in front of an in-process sandbox, called through its fetch handler directly (no port),
 * with a fake clock for its tokens and rate limit and a log collector.
 */
import { readProxyConfig, type ProxyConfig, type ProxyEnv } from '../../../widget/proxy/config.js';
import type { AccessLine } from '../../../widget/proxy/access-log.js';
import { createProxy, type ProxyHandler, type ProxyOptions } from '../../../widget/proxy/proxy.js';
import { CART_TOKEN_HEADER } from '../../../widget/proxy/cart-token.js';
import {
  CANYON_CUSTOMER,
  SUNSET_1730,
  T0,
  testSandbox,
  type Answer,
  type TestSandbox,
} from '../../sandbox/helpers.js';

/** The secret every harness proxy signs with (a test must find it in no response or log). */
export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
/** The shop origin the harness allows. */
export const SHOP = 'https://shop.example';
/** Where the handler thinks it lives (any URL does: only the path matters). */
export const PROXY_URL = 'http://proxy.test';

/** The environment of a harness proxy: Canyon Kayak's staff user against the sandbox. */
export const proxyEnv = (apiUrl: string, extra: ProxyEnv = {}): ProxyEnv => ({
  RESMARK_BASE_URL: apiUrl,
  RESMARK_USERNAME: 'staff@canyon-kayak.test',
  RESMARK_API_KEY: 'sandbox-operator-key',
  PROXY_SECRET: SECRET,
  ALLOWED_ORIGINS: SHOP,
  ORDER_POLICY: 'pay-on-arrival',
  RATE_LIMIT_BURST: '100000',
  RATE_LIMIT_PER_MINUTE: '1000000',
  // Out of the way, as the rate limit is: holds.test.ts sets its own.
  HOLD_MAX_SEATS_PER_CART: '10000',
  HOLD_MAX_ITEMS_PER_CART: '1000',
  HOLD_MAX_CARTS_PER_CLIENT: '10000',
  HOLD_MAX_SEATS_PER_CLIENT: '100000',
  ...extra,
});

/** How {@link ProxyHarness.call} sends one request. */
export interface CallOptions {
  body?: unknown;
  token?: string | undefined;
  origin?: string;
  headers?: Record<string, string>;
  /** The client address the host reports (rate-limit key). */
  client?: string;
}

/** A proxy's answer: status, headers, parsed body (or text), and the raw text. */
export interface ProxyAnswer extends Answer {
  text: string;
  /** The cart token the answer carries, if any. */
  token: string | null;
}

/**
 * A sandbox and a proxy over it; `clock.ms` moves the proxy's time. `via` is how the proxy reaches
 * the sandbox (default the global fetch; `main.ts` deploys with `nodeFetch()`).
 */
export async function proxyHarness(
  extra: ProxyEnv = {},
  via: typeof fetch = fetch,
  options: ProxyOptions = {},
) {
  const sandbox: TestSandbox = await testSandbox();
  const clock = { ms: T0 };
  const lines: AccessLine[] = [];
  /** Every Authorization header the proxy sent upstream (a test must find none downstream). */
  const bearers = new Set<string>();
  /** Every request the proxy sent upstream, as `GET /product?limit=5` (under the API's base). */
  const upstreamCalls: string[] = [];
  const upstream: typeof fetch = (input, init) => {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth) bearers.add(auth.replace(/^Bearer /, ''));
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    upstreamCalls.push(`${method} ${url.pathname.replace(/^\/public\/api/, '')}${url.search}`);
    return via(input, init);
  };
  const config: ProxyConfig = readProxyConfig(proxyEnv(sandbox.sandbox.apiUrl, extra));
  const handler: ProxyHandler = createProxy(config, {
    now: () => clock.ms,
    logger: (line) => lines.push(line),
    fetch: upstream,
    clientAddress: (request) => request.headers.get('x-test-client') ?? '203.0.113.1',
    ...options,
  });

  async function call(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ProxyAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers[CART_TOKEN_HEADER] = options.token;
    if (options.origin !== undefined) headers['origin'] = options.origin;
    if (options.client !== undefined) headers['x-test-client'] = options.client;
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      body =
        typeof options.body === 'string' || options.body instanceof Uint8Array
          ? (options.body as BodyInit)
          : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await handler(new Request(PROXY_URL + path, { method, headers, body }));
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return {
      status: response.status,
      headers: response.headers,
      body: parsed,
      text,
      token: response.headers.get(CART_TOKEN_HEADER),
    };
  }

  /** A new cart and its token. */
  async function newCart(): Promise<{ cartId: string; token: string }> {
    const answer = await call('POST', '/cart');
    if (answer.status !== 200 || !answer.token) throw new Error(`POST /cart: ${answer.text}`);
    return { cartId: answer.body.data.id, token: answer.token };
  }

  return {
    sandbox,
    config,
    handler,
    call,
    newCart,
    clock,
    lines,
    bearers,
    upstreamCalls,
    close: () => sandbox.sandbox.close(),
  };
}

/** A running {@link proxyHarness}. */
export type ProxyHarness = Awaited<ReturnType<typeof proxyHarness>>;

/** A cart holding one Sunset Paddle seat and Canyon Kayak's required customer: ready to order. */
export async function readyCart(h: ProxyHarness) {
  const { cartId, token } = await h.newCart();
  const item = await h.call('POST', `/cart/${cartId}/item`, {
    token,
    body: { itemId: SUNSET_1730, participants: { All: 1 } },
  });
  if (item.status !== 200) throw new Error(`add item: ${item.text}`);
  const customer = await h.call('PUT', `/cart/${cartId}/customer`, {
    token,
    body: CANYON_CUSTOMER,
  });
  if (customer.status !== 200) throw new Error(`customer: ${customer.text}`);
  return { cartId, token };
}
