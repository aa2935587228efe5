import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Cart } from '../../../shared/cart.js';
import { createResmarkClient } from '../../../shared/client.js';
import { CartSession } from '../../../shared/session.js';
import { CART_TOKEN_HEADER, cartTokens } from '../../../widget/proxy/cart-token.js';
import { PAY_ON_ARRIVAL_MEMO } from '../../../widget/proxy/order-policy.js';
import { UPSTREAM_ORDER_TIMEOUT_MS } from '../../../widget/proxy/routes.js';
import { ORDER_TIMEOUT_MS } from '../../../shared/limits.js';
import { redact } from '../../../widget/proxy/redact.js';
import { ORDER_POLICY_HEADER } from '../../../widget/proxy-protocol.js';
import { CANYON_CUSTOMER, KAYAK_0900, PICKUP, SUNSET_1730 } from '../../sandbox/helpers.js';
import {
  PROXY_URL,
  SECRET,
  SHOP,
  proxyHarness,
  readyCart,
  type ProxyAnswer,
  type ProxyHarness,
} from './harness.js';

/** A browser: the shared client pointed at the proxy, keeping the newest cart token. */
function browser(
  h: ProxyHarness,
  network: (request: Request, answer: Response) => Promise<Response> = async (_, a) => a,
) {
  let token: string | undefined;
  const client = createResmarkClient({
    environment: PROXY_URL,
    auth: { headers: (): Record<string, string> => (token ? { [CART_TOKEN_HEADER]: token } : {}) },
    fetch: async (input, init) => {
      const request = new Request(input as string, init);
      return network(request, await h.handler(request.clone()));
    },
    onResponse({ response }) {
      token = response.headers.get(CART_TOKEN_HEADER) ?? token;
    },
    retry: 0,
  });
  return { client, token: () => token };
}

// The shared schemas still require `createdBy`/`createdByEmail`, which the proxy strips (they name
// staff). Until shared/ makes them optional, the shared-client runs are todo; the same flows run
// below with plain fetch.
const redactedCartParses = Cart.safeParse(
  redact({
    id: 'c',
    entityId: 'e',
    createdDate: 'd',
    createdBy: 'n',
    createdByEmail: 'm',
    customer: {},
    items: [],
    total: 0,
  }),
).success;
const needsShared = redactedCartParses
  ? false
  : 'shared/ Cart and Order must make createdBy/createdByEmail optional';

describe('a booking through the proxy', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness();
  });
  after(() => h.close());

  it(
    'with the shared client and a cart session, a lost order answer settled by referenceId',
    { todo: needsShared },
    async () => {
      let dropOrderAnswer = true;
      const shopper = browser(h, async (request, answer) => {
        // The proxy made the order, then the connection to the browser broke.
        if (
          request.method === 'POST' &&
          new URL(request.url).pathname === '/order' &&
          dropOrderAnswer
        ) {
          dropOrderAnswer = false;
          throw new TypeError('fetch failed');
        }
        return answer;
      });
      // The session's lock clock follows the sandbox's frozen one.
      const session = new CartSession({
        api: shopper.client,
        clock: { now: () => h.clock.ms, setTimeout: () => 0, clearTimeout: () => undefined },
      });
      const products = await shopper.client.product.list({ productNumbers: [94175] });
      assert.equal(products[0]?.name, 'Half-Day Canyon Kayak Tour');
      await session.addItem({
        itemId: KAYAK_0900,
        participants: { Adult: 2, Child: 1 },
        ...PICKUP,
      });
      await session.setCustomer(CANYON_CUSTOMER);
      const order = await session.placeOrder();
      assert.equal(dropOrderAnswer, false, 'the order answer was dropped');
      assert.equal(order.total, 237);
      assert.equal(session.state, 'ordered');
      // The lookup's answer granted the order: this browser may read it by confirmation number.
      const again = await shopper.client.order.get(order.confirmation);
      assert.equal(again.id, order.id);
      const upstream = await h.sandbox.api('GET', '/order?limit=100');
      assert.equal(
        upstream.body.data.filter((o: { id: string }) => o.id === order.id).length,
        1,
        'exactly one order',
      );
    },
  );

  it('with plain fetch: cart, items, customer, order, and lost answers on either side', async () => {
    const created = await h.call('POST', '/cart');
    const cartId: string = created.body.data.id;
    const token = created.token!;
    const add = await h.call('POST', `/cart/${cartId}/item`, {
      token,
      body: { itemId: KAYAK_0900, participants: { Adult: 2, Child: 1 }, ...PICKUP },
    });
    assert.equal(add.status, 200, add.text);
    const customer = await h.call('PUT', `/cart/${cartId}/customer`, {
      token,
      body: CANYON_CUSTOMER,
    });
    assert.equal(customer.status, 200, customer.text);

    // Resmark's answer to the proxy is lost: the proxy settles it by referenceId itself.
    await h.sandbox.control('POST', '/faults', {
      method: 'POST',
      path: '/order',
      dropResponse: true,
    });
    const placed = await h.call('POST', '/order', {
      token,
      body: { id: cartId, referenceId: 'chk_lost' },
    });
    assert.equal(placed.status, 200, placed.text);
    assert.equal(placed.body.data.referenceId, 'chk_lost');
    assert.equal(placed.body.data.total, 237);
    assert.equal(placed.body.data.amountPaid, 237);

    // And if the proxy's answer is lost too, the browser finds the order with its cart token.
    const found = await h.call('GET', '/order?referenceId=chk_lost&limit=1', { token });
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(
      found.body.data.map((o: { id: string }) => o.id),
      [placed.body.data.id],
    );
    assert.equal(found.body.data[0].referenceId, 'chk_lost');
    assert.ok(found.token, 'the lookup grants the order too');
    const read = await h.call('GET', `/order/${placed.body.data.confirmation}`, {
      token: found.token!,
    });
    assert.equal(read.status, 200, read.text);

    // Exactly one order upstream for that checkout.
    const upstream = await h.sandbox.api('GET', `/order?referenceId=chk_lost~${cartId}`);
    assert.equal(upstream.body.data.length, 1);
  });

  it('gives an order without a referenceId one, so a lost upstream answer still finds it', async () => {
    const { cartId, token } = await readyCart(h);
    await h.sandbox.control('POST', '/faults', {
      method: 'POST',
      path: '/order',
      dropResponse: true,
    });
    const answer = await h.call('POST', '/order', { token, body: { id: cartId } });
    assert.equal(answer.status, 200, answer.text);
    const referenceId: string = answer.body.data.referenceId;
    assert.match(referenceId, /^px_[0-9a-f]{32}$/);
    // The client can look it up by what it was told, as if it had sent it.
    const found = await h.call('GET', `/order?referenceId=${referenceId}`, {
      token: answer.token!,
    });
    assert.equal(found.body.data[0].id, answer.body.data.id);
  });

  it('waits longer for Resmark’s answer to an order than for other requests', async () => {
    // An order Resmark takes 20 s to make: the proxy must not give up at its usual 15 s (and then
    // tell the shopper it failed), yet answer before the widget gives up at 45 s.
    let orderSignal: AbortSignal | undefined;
    const slow = await proxyHarness({}, (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/order')) {
        const signal = (orderSignal = init.signal ?? undefined);
        // Resmark still working: only an abort ends the wait, as it ends a real fetch.
        return new Promise<Response>((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason)),
        );
      }
      return fetch(input, init);
    });
    try {
      const { cartId, token } = await readyCart(slow);
      mock.timers.enable({ apis: ['setTimeout'] });
      const answer = slow.call('POST', '/order', { token, body: { id: cartId } });
      // Event-loop turns, not time (setTimeout is mocked): reading the request's body and the
      // checks before the order goes upstream take a varying number of them.
      for (let i = 0; i < 1000 && !orderSignal; i++) await new Promise((r) => setImmediate(r));
      assert.ok(orderSignal, 'the order went upstream');
      mock.timers.tick(20_000);
      assert.equal(orderSignal.aborted, false, 'still waiting after 20 s');
      mock.timers.tick(UPSTREAM_ORDER_TIMEOUT_MS - 20_000);
      assert.equal(orderSignal.aborted, true, 'gave up before the widget does');
      mock.timers.reset();
      assert.ok(UPSTREAM_ORDER_TIMEOUT_MS < ORDER_TIMEOUT_MS - 5_000);
      assert.equal((await answer).status, 504);
    } finally {
      mock.timers.reset();
      await slow.close();
    }
  });
});

describe('ORDER_POLICY', () => {
  it('closed (the default) refuses every hold and every order with 403', async () => {
    const env = { ORDER_POLICY: '' };
    const h = await proxyHarness(env);
    try {
      assert.equal(h.config.orderPolicy, 'closed');
      const refused = /not taking orders/;
      const create = await h.call('POST', '/cart');
      assert.equal(create.status, 403);
      assert.match(create.body.errorMessage, refused);
      // A cart from before the shop closed (made upstream, its token signed with the secret) may
      // not hold seats or be ordered either: no hold that can never be an order.
      const upstream = await h.sandbox.api('POST', '/cart');
      const cartId: string = upstream.body.data.id;
      const token = await cartTokens(SECRET).sign({ cartId, expiresAt: h.clock.ms + 60_000 });
      const calls: [string, string, unknown?][] = [
        ['POST', `/cart/${cartId}/item`, { itemId: SUNSET_1730, participants: { All: 10 } }],
        ['GET', `/cart/${cartId}/renew`],
        ['POST', '/order', { id: cartId, referenceId: 'chk_closed' }],
      ];
      for (const [method, path, body] of calls) {
        const answer = await h.call(method, path, { token, body });
        assert.equal(answer.status, 403, `${method} ${path}: ${answer.text}`);
        assert.match(answer.body.errorMessage, refused);
      }
      assert.deepEqual((await h.sandbox.api('GET', `/cart/${cartId}`)).body.data.items, []);
      assert.deepEqual((await h.sandbox.api('GET', '/order')).body.data, []);
      // What holds nothing still works: the catalogue, and the cart itself.
      assert.equal((await h.call('GET', '/product')).status, 200);
      assert.equal((await h.call('GET', `/cart/${cartId}`, { token })).status, 200);
    } finally {
      await h.close();
    }
  });

  it('takes only documented and announced customer fields, naming any other', async () => {
    const h = await proxyHarness({ ORDER_POLICY: 'pay-on-arrival' });
    try {
      const { cartId, token } = await readyCart(h);
      const answer = await h.call('PUT', `/cart/${cartId}/customer`, {
        token,
        body: { ...CANYON_CUSTOMER, internalComment: 'VIP comp, no charge', billing: 'paid' },
      });
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(Object.keys(answer.body.detail.fields).sort(), [
        'billing',
        'internalComment',
      ]);
      const stored = (await h.sandbox.api('GET', `/cart/${cartId}`)).body.data.customer;
      assert.equal(stored.internalComment, undefined);
      assert.equal(stored.billing, undefined);
      assert.equal(stored.email, CANYON_CUSTOMER.email);
    } finally {
      await h.close();
    }
  });

  it('is stated on every answer a shop page may read, refusals and cached ones too', async () => {
    for (const policy of ['closed', 'pay-on-arrival'] as const) {
      const h = await proxyHarness({ ORDER_POLICY: policy });
      try {
        const answers = [
          await h.call('GET', '/product', { origin: SHOP }),
          await h.call('GET', '/product', { origin: SHOP }), // from the catalogue cache
          await h.call('POST', '/cart', { origin: SHOP }),
          await h.call('GET', '/cart/nope', { origin: SHOP }), // no token: 401
          await h.call('GET', '/agency/x', { origin: SHOP }), // not forwarded: 404
        ];
        for (const answer of answers) {
          assert.equal(answer.headers.get(ORDER_POLICY_HEADER), policy, answer.text);
          // A cross-origin page can read it only if CORS exposes it.
          assert.match(answer.headers.get('access-control-expose-headers') ?? '', /Order-Policy/);
        }
      } finally {
        await h.close();
      }
    }
  });

  it('pay-on-arrival sets its own billing memo, whatever the browser sends', async () => {
    const h = await proxyHarness({ ORDER_POLICY: 'pay-on-arrival' });
    try {
      const { cartId, token } = await readyCart(h);
      const answer = await h.call('POST', '/order', {
        token,
        body: {
          id: cartId,
          referenceId: 'chk_memo',
          billing: { memo: 'Paid in full by card' },
          disableConfirmationEmail: true,
        },
      });
      assert.equal(answer.status, 200, answer.text);
      const upstream = await h.sandbox.api('GET', `/order/${answer.body.data.id}`);
      assert.deepEqual(upstream.body.data.billing, { memo: PAY_ON_ARRIVAL_MEMO });
    } finally {
      await h.close();
    }
  });
});

describe('no secret in any response or log line', () => {
  it('keeps the API key, the bearer token, PROXY_SECRET and the customer out', async () => {
    const h = await proxyHarness();
    try {
      const answers: ProxyAnswer[] = [];
      const call = async (...args: Parameters<ProxyHarness['call']>) => {
        const answer = await h.call(...args);
        answers.push(answer);
        return answer;
      };
      const { cartId, token } = await h.newCart();
      await call('GET', `/product?productName=Sunset%20Paddle&ids=x`);
      await call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 }, internalComment: 'secret note' },
      });
      await call('PUT', `/cart/${cartId}/customer`, { token, body: CANYON_CUSTOMER });
      await call('PUT', `/cart/${cartId}/customer`, { token, body: { email: 'ana@example.com' } });
      await call('GET', `/cart/${cartId}`, { token: `${token}x` });
      await call('GET', `/order?referenceId=ana@example.com`, { token });
      await call('POST', '/authenticate', {
        body: { username: 'staff@canyon-kayak.test', apikey: 'x' },
      });
      const order = await call('POST', '/order', {
        token,
        body: { id: cartId, referenceId: 'chk_secret' },
      });
      assert.equal(order.status, 200, order.text);
      await call('GET', `/order/${order.body.data.id}`, { token: order.token! });

      assert.ok(h.bearers.size > 0, 'the proxy did authenticate upstream');
      const secrets = ['sandbox-operator-key', SECRET, ...h.bearers];
      for (const answer of answers) {
        const seen = answer.text + JSON.stringify([...answer.headers]);
        for (const secret of secrets) assert.ok(!seen.includes(secret), `secret in ${seen}`);
        assert.ok(!seen.includes('secret note'));
        assert.ok(!seen.includes('staff@canyon-kayak.test'));
      }

      assert.ok(h.lines.length >= answers.length);
      const log = h.lines.map((line) => JSON.stringify(line)).join('\n');
      for (const secret of [...secrets, token, order.token!, cartId, order.body.data.id])
        assert.ok(!log.includes(secret), `${secret.slice(0, 12)}… in the log`);
      for (const personal of ['ana@example.com', 'Ana', 'Lopez', '555', 'Sunset', 'chk_secret'])
        assert.ok(!log.includes(personal), `${personal} in the log`);
      // What the log does say: method, route template, status, duration.
      const routes = new Set(h.lines.map((line) => `${line.method} ${line.route} ${line.status}`));
      assert.ok(routes.has('PUT /cart/:id/customer 200'), [...routes].join(', '));
      assert.ok(routes.has('PUT /cart/:id/customer 400'));
      assert.ok(routes.has('GET /cart/:id 401'));
      assert.ok(h.lines.every((line) => typeof line.ms === 'number' && line.ms >= 0));
    } finally {
      await h.close();
    }
  });
});
