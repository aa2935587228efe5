import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createResmarkClient, type ResmarkClientOptions } from '../../shared/client.js';
import { cartEndpoints } from '../../shared/cart.js';
import { CLIENT_DEFAULTS, createCall, type SendFactory, type SendInit } from '../../shared/http.js';
import { fetchSend } from '../../shared/send-fetch.js';
import { ofetchSend } from '../../shared/send-ofetch.js';
import { ResmarkError } from '../../shared/errors.js';
import {
  BASE,
  fail,
  fakeClient,
  fakeFetch,
  json,
  ok,
  rejection,
  type Answer,
  type Seen,
} from './fake-fetch.js';

const TAGS = [{ id: 't1', name: 'Season', tags: [] }];
const CART = {
  id: 'c1',
  entityId: 'e1',
  createdDate: '2026-11-24T21:31:39.195Z',
  createdBy: 'Casey Canyon',
  createdByEmail: 'staff@canyon-kayak.test',
  customer: {},
  items: [],
  total: 0,
};

// The loop behaves alike over either sender: ofetch (every client's default) and the plain fetch
// (the widget's and the proxy's).
const SENDERS: [string, SendFactory][] = [
  ['ofetch', ofetchSend],
  ['fetch', fetchSend],
];

for (const [sender, send] of SENDERS) {
  const sentClient = (
    handler: (request: Seen, index: number) => Answer | Promise<Answer>,
    options: Partial<ResmarkClientOptions> = {},
  ) => fakeClient(handler, { send, ...options });

  describe(`over ${sender}`, () => {
    describe('environments', () => {
      for (const [environment, base] of [
        ['production', 'https://app.resmarksystems.com/public/api/tag'],
        ['sandbox', 'https://sandbox.resmarksystems.com/public/api/tag'],
        ['http://127.0.0.1:4010/public/api', 'http://127.0.0.1:4010/public/api/tag'],
      ]) {
        it(`sends ${environment} requests to ${base}`, async () => {
          const { fetch, seen } = fakeFetch(() => ok(TAGS));
          const resmark = createResmarkClient({
            send,
            environment: environment!,
            auth: { headers: () => ({}) },
            fetch,
          });
          await resmark.tag.list();
          assert.equal(seen[0]!.url.href, base);
        });
      }
    });

    describe('retries', () => {
      it('repeats a GET after a 503 and returns the later success', async () => {
        const { client, seen, sleeps } = sentClient((_, index) =>
          index === 0 ? fail(503, 'Busy') : ok(TAGS),
        );
        assert.deepEqual(await client.tag.list(), TAGS);
        assert.equal(seen.length, 2);
        assert.deepEqual(sleeps, [300]);
      });

      it('backs off exponentially with full jitter, then throws after 2 retries', async () => {
        const { client, seen, sleeps } = sentClient(
          () => new Response('Bad gateway', { status: 502 }),
          {
            random: () => 0.5,
          },
        );
        const error = await rejection(client.tag.list());
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'http');
        assert.equal(error.status, 502);
        assert.equal(seen.length, 3);
        assert.deepEqual(sleeps, [150, 300]);
      });

      it('honours Retry-After in seconds on a 429', async () => {
        const { client, sleeps } = sentClient((_, index) =>
          index === 0 ? fail(429, 'Slow down', null) : ok(TAGS),
        );
        await client.tag.list();
        assert.deepEqual(sleeps, [300], 'no header: the backoff');
        const second = sentClient((_, index) =>
          index === 0
            ? json({ errorMessage: 'Slow down', data: null }, 429, { 'retry-after': '3' })
            : ok(TAGS),
        );
        await second.client.tag.list();
        assert.deepEqual(second.sleeps, [3000]);
      });

      it('honours Retry-After as an HTTP date, against the injected clock', async () => {
        const now = Date.parse('2026-11-24T12:00:00Z');
        const { client, sleeps } = sentClient(
          (_, index) =>
            index === 0
              ? json({ errorMessage: 'Slow down', data: null }, 429, {
                  'retry-after': 'Tue, 24 Nov 2026 12:00:05 GMT',
                })
              : ok(TAGS),
          { now: () => now },
        );
        await client.tag.list();
        assert.deepEqual(sleeps, [5000]);
      });

      it('gives up at once when Retry-After asks for more than 10 s', async () => {
        const { client, seen, sleeps } = sentClient(() =>
          json({ errorMessage: 'Daily limit reached', data: null }, 429, { 'retry-after': '60' }),
        );
        const error = await rejection(client.tag.list());
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.status, 429);
        assert.equal(error.message, 'Daily limit reached');
        assert.equal(seen.length, 1);
        assert.deepEqual(sleeps, []);
      });

      it('repeats a GET after a network error', async () => {
        const { client, seen } = sentClient((_, index) =>
          index === 0 ? new TypeError('fetch failed') : ok(TAGS),
        );
        assert.deepEqual(await client.tag.list(), TAGS);
        assert.equal(seen.length, 2);
      });

      it('never repeats a POST, on a 503 or on a network error', async () => {
        for (const answer of [fail(503, 'Busy'), new TypeError('fetch failed')]) {
          const { client, seen } = sentClient(() => answer);
          const error = await rejection(client.order.create({ id: 'c1', referenceId: 'chk_1' }));
          assert.ok(error instanceof ResmarkError);
          assert.equal(seen.length, 1);
        }
      });

      it('never repeats a DELETE or a PUT', async () => {
        const { client, seen } = sentClient(() => fail(503, 'Busy'));
        await rejection(client.order.cancel('o1'));
        await rejection(
          client.cart.setCustomer('c1', { email: 'a@b.co', firstName: 'A', lastName: 'B' }),
        );
        assert.equal(seen.length, 2);
      });

      it('does not repeat a GET refused for a reason (400, 404, 409)', async () => {
        for (const status of [400, 404, 409]) {
          const { client, seen } = sentClient(() => fail(status, 'No'));
          await rejection(client.cart.get('c1'));
          assert.equal(seen.length, 1);
        }
      });

      it('takes `retry` from the options', async () => {
        const { client, seen } = sentClient(() => fail(503, 'Busy'), { retry: 0 });
        await rejection(client.tag.list());
        assert.equal(seen.length, 1);
      });
    });

    describe('abort and timeout', () => {
      it('surfaces the caller’s abort as the AbortError it is, and does not retry', async () => {
        const controller = new AbortController();
        const { client, seen } = sentClient(() => {
          controller.abort();
          return 'hang';
        });
        const error = await rejection(client.tag.list({ signal: controller.signal }));
        assert.ok(error instanceof DOMException);
        assert.equal(error.name, 'AbortError');
        assert.equal(seen.length, 1);
      });

      it('sends nothing when the signal is already aborted', async () => {
        const { client, seen } = sentClient(() => ok(TAGS));
        const error = await rejection(client.tag.list({ signal: AbortSignal.abort() }));
        assert.equal((error as Error).name, 'AbortError');
        assert.equal(seen.length, 0);
      });

      it('stops waiting between retries when the caller aborts', async () => {
        const controller = new AbortController();
        const { client, seen } = sentClient(() => fail(503, 'Busy'), {
          sleep: async () => controller.abort(),
        });
        const error = await rejection(client.tag.list({ signal: controller.signal }));
        assert.equal((error as Error).name, 'AbortError');
        assert.equal(seen.length, 1);
      });

      it('stops the default sleep as soon as the caller aborts', async () => {
        const controller = new AbortController();
        const { fetch } = fakeFetch(() => fail(503, 'Busy'));
        const resmark = createResmarkClient({
          send,
          environment: BASE,
          auth: { headers: () => ({}) },
          fetch,
          random: () => 1,
          retry: 5,
        });
        const started = performance.now();
        setTimeout(() => controller.abort(), 5);
        const error = await rejection(resmark.tag.list({ signal: controller.signal }));
        assert.equal((error as Error).name, 'AbortError');
        assert.ok(performance.now() - started < 250, 'did not sit out the 300 ms backoff');
      });

      it('turns its own timeout into kind `timeout`, not retried', async () => {
        const { client, seen } = sentClient(() => 'hang', { timeoutMs: 15 });
        const error = await rejection(client.tag.list());
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'timeout');
        assert.equal(error.endpoint, 'GET /tag');
        assert.equal(seen.length, 1);
      });

      it('takes a per-call timeout', async () => {
        const { client } = sentClient(() => 'hang');
        const error = await rejection(client.cart.get('c1', { timeoutMs: 10 }));
        assert.equal((error as ResmarkError).kind, 'timeout');
      });
    });

    describe('errors', () => {
      it('network: fetch failed, the original kept as cause', async () => {
        const cause = new TypeError('fetch failed');
        const { client } = sentClient(() => cause, { retry: 0 });
        const error = await rejection(client.tag.list());
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'network');
        assert.equal(error.endpoint, 'GET /tag');
        assert.equal(error.status, undefined);
        assert.ok(error.cause instanceof Error);
        assert.match(error.message, /Could not reach Resmark for GET \/tag/);
      });

      it('http: a status without an envelope', async () => {
        const { client } = sentClient(
          () =>
            new Response('<h1>Bad gateway</h1>', {
              status: 502,
              headers: { 'content-type': 'text/html' },
            }),
        );
        const error = await rejection(client.order.create({ id: 'c1' }));
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'http');
        assert.equal(error.status, 502);
        assert.equal(error.endpoint, 'POST /order');
        assert.match(error.message, /HTTP 502.*try again/);
      });

      it('api: keeps the status, errorMessage and detail, and lifts detail.fields', async () => {
        const fields = { email: 'Enter an email address', lastName: 'Enter a last name' };
        const { client } = sentClient(() => fail(400, 'The customer is incomplete', { fields }));
        const error = await rejection(client.order.create({ id: 'c1' }));
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'api');
        assert.equal(error.status, 400);
        assert.equal(error.message, 'The customer is incomplete');
        assert.deepEqual(error.fields, fields);
        assert.deepEqual(error.detail, { fields });
        assert.equal(error.data, null, 'a failure’s data is null');
      });

      it('api: fields are read beside data, not inside it', async () => {
        // Real clients take an object `data` for success (docs/wire.md, Envelope): nothing answers
        // a failure that way, so a `data.fields` is not a field list.
        const { client } = sentClient(() =>
          json({ errorMessage: 'No', data: { fields: { email: 'x' } } }, 400),
        );
        const error = await rejection(client.order.create({ id: 'c1' }));
        assert.equal((error as ResmarkError).kind, 'api');
        assert.equal((error as ResmarkError).fields, undefined);
      });

      it('api: a non-null errorMessage fails even with HTTP 200', async () => {
        const { client } = sentClient(() => json({ errorMessage: 'Cart expired', data: null }));
        const error = await rejection(client.cart.get('c1'));
        assert.equal((error as ResmarkError).kind, 'api');
        assert.equal((error as ResmarkError).status, 200);
      });

      it('response: a missing required field names the endpoint and the path', async () => {
        const item = {
          itemId: 'a1',
          productId: 'p1',
          productNumber: 1,
          productName: 'Kayak',
          quantityType: 'participant',
          startTime: null,
          endTime: null,
          participants: { All: 1 },
          subtotal: 10,
          discount: 0,
        };
        const { client } = sentClient(() => ok({ ...CART, items: [item] }));
        const error = await rejection(client.cart.get('c1'));
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'response');
        assert.equal(error.endpoint, 'GET /cart/{id}');
        assert.match(error.message, /GET \/cart\/\{id\}/);
        assert.match(error.message, /expected data\.items\[0\]\.total\b/);
      });

      it('response: a wrong type says what was expected', async () => {
        const { client } = sentClient(() => ok({ ...CART, total: '0' }));
        const error = await rejection(client.cart.get('c1'));
        assert.match((error as Error).message, /expected data\.total as a number/);
      });

      it('input: an empty path id is refused before sending', async () => {
        const { client, seen } = sentClient(() => ok(CART));
        const error = await rejection(client.cart.get(''));
        assert.ok(error instanceof ResmarkError);
        assert.equal(error.kind, 'input');
        assert.deepEqual(error.fields, { id: 'Enter id' });
        assert.equal(seen.length, 0);
      });
    });

    describe('requests', () => {
      it('encodes path ids and joins csv filters with commas', async () => {
        const { client, seen } = sentClient(() => ok([]));
        await client.cart.list({ ids: ['a', 'b'], limit: 5, page: 1 });
        await rejection(client.cart.get('a/b?c'));
        assert.equal(seen[0]!.url.searchParams.get('ids'), 'a,b');
        assert.equal(seen[0]!.url.searchParams.get('limit'), '5');
        assert.equal(seen[0]!.url.searchParams.get('page'), '1');
        assert.equal(seen[1]!.path, '/cart/a%2Fb%3Fc');
      });

      it('shows every response to onResponse, with the endpoint', async () => {
        const seenHeaders: string[] = [];
        const { client } = sentClient(
          () => json({ errorMessage: null, data: CART }, 200, { 'x-cart-token': 'ct-9' }),
          {
            onResponse: ({ endpoint, response }) =>
              seenHeaders.push(`${endpoint} ${response.headers.get('x-cart-token')}`),
          },
        );
        await client.cart.create();
        assert.deepEqual(seenHeaders, ['POST /cart ct-9']);
      });
    });

    describe('the sender', () => {
      const sendOne = async (answer: Response, init: Partial<SendInit> = {}) => {
        const { fetch, seen } = fakeFetch(() => answer);
        const data = await send(BASE, fetch)('/cart/c1', {
          method: 'GET',
          signal: new AbortController().signal,
          ...init,
        });
        return { data, seen: seen[0]! };
      };

      it('sends a JSON body with its content type, and the query', async () => {
        const { seen } = await sendOne(json({}), {
          method: 'POST',
          query: { supplierId: 'e 2' },
          body: { itemId: 'a1' },
          headers: { authorization: 'Bearer t' },
        });
        assert.equal(seen.url.href, `${BASE}/cart/c1?supplierId=e+2`);
        assert.equal(seen.headers.get('content-type'), 'application/json');
        assert.equal(seen.headers.get('accept'), 'application/json');
        assert.equal(seen.headers.get('authorization'), 'Bearer t');
        assert.deepEqual(seen.body, { itemId: 'a1' });
      });

      it('parses a JSON answer, and keeps one that is not JSON as its text', async () => {
        assert.deepEqual((await sendOne(json({ a: 1 }))).data._data, { a: 1 });
        const page = new Response('<h1>Bad gateway</h1>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        });
        const { data } = await sendOne(page);
        assert.equal(data._data, '<h1>Bad gateway</h1>');
        assert.equal(data.status, 502);
        assert.equal(data.ok, false);
        const broken = new Response('{"errorMessage":', {
          headers: { 'content-type': 'application/json' },
        });
        assert.equal((await sendOne(broken)).data._data, '{"errorMessage":');
      });

      it('drops __proto__ keys of an answer, however they are written', async () => {
        for (const key of ['__proto__', '\\u005f_proto__']) {
          const text = `{"data":{"id":"c1","${key}":{"polluted":true}}}`;
          const { data } = await sendOne(
            new Response(text, { headers: { 'content-type': 'application/json' } }),
          );
          const cart = (data._data as { data: Record<string, unknown> }).data;
          assert.equal(cart['id'], 'c1');
          assert.equal(Object.getPrototypeOf(cart), Object.prototype, key);
          assert.ok(!Object.hasOwn(cart, '__proto__'), key);
          assert.equal(cart['polluted'], undefined, key);
        }
      });
    });
  });
}

describe('a transport without checks (the widget’s, behind the proxy that checks)', () => {
  const unchecked = (handler: (request: Seen, index: number) => Answer | Promise<Answer>) => {
    const { fetch, seen } = fakeFetch(handler);
    const call = createCall({
      send: fetchSend(BASE, fetch),
      session: undefined,
      ...CLIENT_DEFAULTS,
      retry: 0,
      now: Date.now,
      sleep: async () => undefined,
      random: () => 1,
      onResponse: undefined,
    });
    return { cart: cartEndpoints(call), seen };
  };

  it('answers an envelope’s data as it came', async () => {
    const { cart } = unchecked(() => ok({ ...CART, extra: 'kept' }));
    assert.deepEqual(await cart.get('c1'), { ...CART, extra: 'kept' });
  });

  it('still refuses an answer that is not an envelope (a page at a wrong URL)', async () => {
    const { cart } = unchecked(
      () => new Response('<h1>Welcome</h1>', { headers: { 'content-type': 'text/html' } }),
    );
    const error = await rejection(cart.get('c1'));
    assert.ok(error instanceof ResmarkError);
    assert.equal(error.kind, 'response');
    assert.match(error.message, /Unexpected answer to GET \/cart\/\{id\}: not an envelope/);
  });

  it('sends the input as given, the proxy checking it, but never an empty path id', async () => {
    const { cart, seen } = unchecked(() => ok(CART));
    await cart.addItem('c1', { itemId: 'a1', participants: { All: 1 }, note: 'x' } as never);
    assert.deepEqual(seen[0]!.body, { itemId: 'a1', participants: { All: 1 }, note: 'x' });
    const error = await rejection(cart.get(''));
    assert.equal((error as ResmarkError).kind, 'input');
  });
});
