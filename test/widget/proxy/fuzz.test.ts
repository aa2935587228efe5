/**
 * A bounded, reproducible fuzz run: 1,000 malformed requests, each of which must get a 4xx with a
 * JSON message in the envelope (never a 5xx), while the proxy keeps serving.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CART_TOKEN_TTL_MS, cartTokens } from '../../../widget/proxy/cart-token.js';
import { SUNSET_1730 } from '../../sandbox/helpers.js';
import { proxyHarness, readyCart, type CallOptions, type ProxyHarness } from './harness.js';

const RUNS = 1000;
const SEED = 0x5eed_2026;

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  method: string;
  path: string;
  options: CallOptions;
}

describe('fuzz: 1,000 malformed requests', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  it('all answer 4xx with a JSON message, and the proxy keeps serving', async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const int = (n: number) => Math.floor(random() * n);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
    const word = () => int(36 ** 6).toString(36);

    const carts = [await h.newCart(), await h.newCart(), await readyCart(h)];
    const otherSigner = cartTokens('not-the-proxy-secret-but-long-enough!!');
    const expired = await cartTokens(
      'test-secret-0123456789-abcdefghijklmnop', // the harness's own secret, an old token
    ).sign({ cartId: carts[0]!.cartId, expiresAt: h.clock.ms - 1 });
    const forged = await otherSigner.sign({
      cartId: carts[0]!.cartId,
      expiresAt: h.clock.ms + CART_TOKEN_TTL_MS,
    });
    const badTokens = [
      expired,
      forged,
      'v1.e30.AAAA',
      'garbage',
      `${carts[1]!.token}`, // another cart's, when used on carts[0]
      carts[0]!.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      'v1.' + 'A'.repeat(5000) + '.x',
    ];

    const badJson = [
      '{',
      '{"itemId":',
      '[1,2',
      'nul',
      '{"a":1}}',
      "{'single':'quotes'}",
      '\u0000\u0001',
      '{"x":NaN}',
    ];
    const wrongTypes: unknown[] = [
      [],
      42,
      'text',
      null,
      true,
      { itemId: 7, participants: { All: 1 } },
      { itemId: SUNSET_1730, participants: 'All:1' },
      { itemId: SUNSET_1730, participants: [1] },
      { itemId: SUNSET_1730, participants: { All: -1 } },
      { itemId: SUNSET_1730, participants: { All: 1.5 } },
      { itemId: SUNSET_1730, participants: { All: 0 } },
      { itemId: SUNSET_1730, participants: { All: { n: 1 } } },
      { itemId: SUNSET_1730, participants: { Nobody: 1 } },
      { itemId: '', participants: { All: 1 } },
      { itemId: SUNSET_1730, participants: { All: 1 }, pickupDetailId: 5 },
      { itemId: `a-94176-${word()}`, participants: { All: 1 } },
      { email: 5, firstName: [], lastName: {} },
      { email: 'x@example.com', firstName: 'A', lastName: 'B', phone: 'not a phone' },
      { promoCode: 12 },
      { promoCode: '' },
      { promoCode: { $ne: null } },
      { id: 12 },
      { id: carts[0]!.cartId, referenceId: { a: 1 } },
      { id: carts[0]!.cartId, referenceId: 'x'.repeat(200) },
      { id: carts[0]!.cartId, orderId: 'x' },
      { id: 'someone-elses-cart' },
      { supplierId: '5f1a00000000000000000001' },
    ];
    const oddMethods = ['PATCH', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'FOO', 'OPTIONS'];

    function cartPath(cartId: string) {
      return pick([
        `/cart/${cartId}`,
        `/cart/${cartId}/item`,
        `/cart/${cartId}/customer`,
        `/cart/${cartId}/discount`,
        `/cart/${cartId}/renew`,
        `/cart/${cartId}/item/${SUNSET_1730}`,
      ]);
    }
    const writeOf = (path: string) =>
      path.endsWith('/customer')
        ? 'PUT'
        : path.endsWith('/item') || path.endsWith('/discount')
          ? 'POST'
          : 'DELETE';

    function nextCase(): Case {
      const target = carts[int(2)]!; // the two carts without a customer: fuzz never orders
      const token = target.token;
      switch (int(9)) {
        case 0: {
          const path = pick([
            `/cart/${target.cartId}/item`,
            `/cart/${target.cartId}/customer`,
            `/cart/${target.cartId}/discount`,
            '/order',
            '/cart',
          ]);
          return {
            method:
              writeOf(path) === 'DELETE'
                ? 'POST'
                : path === '/order' || path === '/cart'
                  ? 'POST'
                  : writeOf(path),
            path,
            options: { token, body: pick(badJson) },
          };
        }
        case 1: {
          const path = pick([
            `/cart/${target.cartId}/item`,
            `/cart/${target.cartId}/customer`,
            `/cart/${target.cartId}/discount`,
            '/order',
          ]);
          const method = path === '/order' ? 'POST' : writeOf(path);
          return { method, path, options: { token, body: JSON.stringify(pick(wrongTypes)) } };
        }
        case 2: {
          // Huge: past the 16 KiB limit, as JSON or as bytes.
          const size = 16 * 1024 + 1 + int(200_000);
          const body = random() < 0.5 ? JSON.stringify({ itemId: 'x'.repeat(size) }) : bytes(size);
          return {
            method: pick(['POST', 'PUT']),
            path: pick([
              `/cart/${target.cartId}/item`,
              `/cart/${target.cartId}/customer`,
              '/order',
              '/cart',
            ]),
            options: { token, body },
          };
        }
        case 3: {
          const segments = Array.from({ length: 1 + int(4) }, () =>
            pick([
              word(),
              '%ZZ',
              '%E0%A4%A',
              '..',
              'order',
              'cart',
              'agency',
              '%00',
              'product',
              '',
            ]),
          );
          return {
            method: pick(['GET', 'POST', 'PUT', 'DELETE']),
            path: `/${pick(['x', 'reports', 'carts', 'orders', 'public', 'admin', 'cart'])}/${segments.join('/')}/${word()}`,
            options: { token },
          };
        }
        case 4: {
          const path = cartPath(carts[0]!.cartId);
          const method =
            path.endsWith('/renew') || path === `/cart/${carts[0]!.cartId}`
              ? pick(['GET', 'DELETE'])
              : writeOf(path);
          return {
            method,
            path,
            options: {
              token: pick(badTokens),
              body:
                path.endsWith('renew') || method === 'GET' ? undefined : { promoCode: 'SUMMER10' },
            },
          };
        }
        case 5:
          return {
            method: pick(oddMethods),
            path: pick(['/product', '/cart', `/cart/${target.cartId}`, '/order', '/tag']),
            options: { token },
          };
        case 6:
          return {
            method: pick(['POST', 'PUT']),
            path: pick([
              `/cart/${target.cartId}/item`,
              `/cart/${target.cartId}/customer`,
              '/order',
            ]),
            options: {
              token,
              body: bytes(1 + int(2000)),
              headers: {
                'content-type': pick([
                  'application/json',
                  'application/octet-stream',
                  'text/plain',
                ]),
              },
            },
          };
        case 7:
          return {
            method: 'GET',
            path: pick([
              `/product?limit=${pick(['-1', '0', 'abc', '1.5', '1e999'])}`,
              `/product?page=${pick(['-3', 'x', '0.5'])}`,
              `/product/94175/item?from=${pick(['2026-13', 'yesterday', '2026-11-31', '', '2026-01-01&to=2027-12-31'])}`,
              `/product/94175/item`,
              `/order?referenceId=${pick(['', 'a b', 'x'.repeat(100), '%00'])}`,
              `/order?ids=1,2,3&referenceId=x`,
              `/order/${pick(['100001', word(), '6a0000000000000000000001'])}`,
            ]),
            options: { token },
          };
        default:
          return {
            method: pick(['GET', 'DELETE', 'POST']),
            path: pick([
              '/agency/x',
              '/agency/x/agencyInfo',
              '/order',
              `/order/${word()}`,
              '/authenticate',
              `/cart?supplierId=${word()}`,
            ]),
            options: { token: pick([token, undefined]) },
          };
      }
    }

    const failures: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { method, path, options } = nextCase();
      const answer = await h.call(method, path, options);
      const ok =
        answer.status >= 400 &&
        answer.status < 500 &&
        typeof answer.body === 'object' &&
        typeof answer.body.errorMessage === 'string' &&
        answer.body.errorMessage.length > 0;
      // A preflight from no origin is not a preflight: 404, like any unknown route.
      if (!ok)
        failures.push(
          `#${run} ${method} ${path.slice(0, 80)} → ${answer.status} ${answer.text.slice(0, 120)}`,
        );
    }
    assert.deepEqual(failures, [], `seed ${SEED}`);

    // Still serving: the catalogue, and a whole order from the ready cart.
    assert.equal((await h.call('GET', '/product/94175')).status, 200);
    const ready = carts[2]!;
    const order = await h.call('POST', '/order', {
      token: ready.token,
      body: { id: ready.cartId, referenceId: 'chk_after_fuzz' },
    });
    assert.equal(order.status, 200, order.text);
    assert.ok(
      h.lines.every((line) => line.status < 500),
      'no 5xx in the log',
    );
  });
});
