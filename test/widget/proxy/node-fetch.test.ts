import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createResmarkClient } from '../../../shared/client.js';
import { ResmarkError } from '../../../shared/errors.js';
import { readProxyConfig } from '../../../widget/proxy/config.js';
import { nodeFetch } from '../../../widget/proxy/node-fetch.js';
import { createProxy } from '../../../widget/proxy/proxy.js';
import { CREDENTIALS, SUNSET_1730, testSandbox } from '../../sandbox/helpers.js';
import { PROXY_URL, proxyEnv, proxyHarness, readyCart } from './harness.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A plain HTTP server whose answer each test sets, counting connections. */
async function server() {
  let handler: Handler = (_, __, response) => response.end();
  let connections = 0;
  const http: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => handler(request, body, response));
  });
  http.on('connection', () => connections++);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer(next: Handler) {
      handler = next;
    },
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

describe('nodeFetch', () => {
  let s: Awaited<ReturnType<typeof server>>;
  const fetch = nodeFetch({
    fallback: () => Promise.reject(new Error('the fallback was used')),
  });
  before(async () => {
    s = await server();
  });
  after(() => s.close());

  it('sends method, path, query and headers, and answers status, headers and body', async () => {
    let seen: { method?: string; url?: string; auth?: string; encoding?: string } = {};
    s.answer((request, _, response) => {
      seen = {
        method: request.method,
        url: request.url,
        auth: request.headers.authorization,
        encoding: request.headers['accept-encoding'],
      };
      response.writeHead(404, [
        ['Content-Type', 'application/json'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ]);
      response.end('{"errorMessage":"Product 9 not found","data":null}');
    });
    const answer = await fetch(`${s.url}/public/api/product/9?x=1&y=a%20b`, {
      headers: new Headers({ Authorization: 'Bearer t' }),
    });
    assert.deepEqual(seen, {
      method: 'GET',
      url: '/public/api/product/9?x=1&y=a%20b',
      auth: 'Bearer t',
      encoding: 'gzip, deflate, br',
    });
    assert.equal(answer.status, 404);
    assert.equal(answer.ok, false);
    assert.equal(answer.headers.get('content-type'), 'application/json');
    assert.deepEqual(answer.headers.getSetCookie(), ['a=1', 'b=2']);
    assert.equal((await answer.json()).errorMessage, 'Product 9 not found');
  });

  it('answers a Response whose headers read like fetch’s, without filling a Headers', async () => {
    s.answer((_, __, response) => {
      response.writeHead(200, [
        ['Content-Type', 'application/json'],
        ['X-Multi', ' a '],
        ['x-multi', 'b'],
      ]);
      response.end('{}');
    });
    const answer = await fetch(`${s.url}/x`);
    assert.ok(answer instanceof Response);
    assert.ok(answer.headers instanceof Headers);
    assert.equal(answer.url, `${s.url}/x`);
    assert.equal(answer.redirected, false);
    assert.equal(answer.headers.get('x-multi'), 'a, b');
    assert.equal(answer.headers.get('CONTENT-TYPE'), 'application/json');
    assert.equal(answer.headers.get('retry-after'), null);
    assert.equal(answer.headers.has('X-Multi'), true);
    assert.deepEqual(Object.fromEntries(new Headers(answer.headers)), {
      'content-type': 'application/json',
      'x-multi': 'a, b',
      ...Object.fromEntries([...answer.headers].filter(([name]) => !/type|multi/.test(name))),
    });
    answer.headers.set('x-multi', 'c');
    assert.equal(answer.headers.get('x-multi'), 'c');
    assert.deepEqual(await answer.json(), {});
  });

  it('sends a JSON body with its length', async () => {
    let seen: { body?: string; length?: string; type?: string } = {};
    s.answer((request, body, response) => {
      seen = {
        body,
        length: request.headers['content-length'],
        type: request.headers['content-type'],
      };
      response.end('{}');
    });
    const text = JSON.stringify({ itemId: 'a-1', participants: { All: 2 }, note: 'café' });
    await fetch(`${s.url}/cart/c/item`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    assert.deepEqual(seen, {
      body: text,
      length: String(Buffer.byteLength(text)),
      type: 'application/json',
    });
  });

  it('undoes gzip and brotli', async () => {
    const json = JSON.stringify({ errorMessage: null, data: ['x'.repeat(2000)] });
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(json)],
      ['br', brotliCompressSync(json)],
    ] as const) {
      s.answer((_, __, response) => {
        response.writeHead(200, { 'content-encoding': encoding });
        response.end(bytes);
      });
      assert.equal(await (await fetch(`${s.url}/x`)).text(), json, encoding);
    }
  });

  it('answers 204 and HEAD without a body', async () => {
    s.answer((_, __, response) => {
      response.writeHead(204);
      response.end();
    });
    const empty = await fetch(`${s.url}/x`, { method: 'DELETE' });
    assert.equal(empty.status, 204);
    assert.equal(empty.body, null);
  });

  it('reads a body once, as text, bytes, a stream or a clone, like a fetch Response', async () => {
    const json = '{"name":"Café ☕"}';
    s.answer((_, __, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(json);
    });
    const url = `${s.url}/x`;
    const once = await fetch(url);
    assert.equal(once.bodyUsed, false);
    const twin = once.clone();
    assert.equal(await once.text(), json);
    assert.equal(once.bodyUsed, true);
    await assert.rejects(once.text(), TypeError);
    assert.throws(() => once.clone(), TypeError);
    assert.deepEqual(await twin.json(), { name: 'Café ☕' });

    // Each read gets bytes of its own, never a view of a buffer shared with other answers.
    const bytes = await (await fetch(url)).arrayBuffer();
    assert.equal(bytes.byteLength, Buffer.byteLength(json));
    assert.equal(Buffer.from(bytes).toString(), json);
    assert.equal((await (await fetch(url)).blob()).type, 'application/json');

    const streamed = await fetch(url);
    assert.equal(await new Response(streamed.body).text(), json);
    assert.equal(streamed.bodyUsed, true);
    await assert.rejects(streamed.text(), TypeError);
  });

  it('keeps one connection open for requests one after another', async () => {
    s.answer((_, __, response) => response.end('ok'));
    const before = s.connections();
    for (let i = 0; i < 5; i++) assert.equal(await (await fetch(`${s.url}/x`)).text(), 'ok');
    assert.ok(s.connections() - before <= 1, `${s.connections() - before} connections`);
  });

  it('rejects with the signal’s reason on abort, and a TypeError when nobody listens', async () => {
    s.answer(() => undefined); // never answers
    const controller = new AbortController();
    const pending = fetch(`${s.url}/slow`, { signal: controller.signal });
    const reason = new Error('timed out');
    setTimeout(() => controller.abort(reason), 10);
    await assert.rejects(pending, (error) => error === reason);

    const closed = await server();
    await closed.close();
    await assert.rejects(fetch(`${closed.url}/x`), TypeError);
  });

  it('leaves a redirect of a write alone, and hands a redirected GET to the fallback', async () => {
    s.answer((_, __, response) => {
      response.writeHead(307, { location: '/elsewhere' });
      response.end();
    });
    const write = await fetch(`${s.url}/order`, { method: 'POST', body: '{}' });
    assert.equal(write.status, 307);
    const followed = nodeFetch({ fallback: async () => new Response('from the fallback') });
    assert.equal(await (await followed(`${s.url}/product`)).text(), 'from the fallback');
  });
});

describe('nodeFetch under the shared client and the proxy', () => {
  it('carries a booking: authenticate, products, cart, item, errors as ResmarkErrors', async () => {
    const sandbox = await testSandbox();
    try {
      const resmark = createResmarkClient({
        environment: sandbox.sandbox.apiUrl,
        auth: { username: CREDENTIALS.canyon.username, apiKey: CREDENTIALS.canyon.apikey },
        fetch: nodeFetch(),
      });
      const [product] = await resmark.product.list({ productNumbers: [94176] });
      assert.equal(product?.name, 'Sunset Paddle');
      const cart = await resmark.cart.create();
      const full = await resmark.cart.addItem(cart.id, {
        itemId: SUNSET_1730,
        participants: { All: 2 },
      });
      assert.equal(full.total, 98);
      await assert.rejects(
        resmark.product.get(99999999),
        (error) => error instanceof ResmarkError && error.status === 404,
      );

      const proxy = createProxy(readProxyConfig(proxyEnv(sandbox.sandbox.apiUrl)), {
        fetch: nodeFetch(),
        logger: () => undefined,
      });
      const answer = await proxy(new Request(`${PROXY_URL}/product/94176/pickup`));
      assert.equal(answer.status, 200);
      assert.deepEqual((await answer.json()).data, []);
    } finally {
      await sandbox.sandbox.close();
    }
  });

  it('lets the proxy settle a lost order answer by referenceId, as with the global fetch', async () => {
    const h = await proxyHarness({}, nodeFetch());
    try {
      const { cartId, token } = await readyCart(h);
      await h.sandbox.control('POST', '/faults', {
        method: 'POST',
        path: '/order',
        dropResponse: true,
      });
      const placed = await h.call('POST', '/order', {
        token,
        body: { id: cartId, referenceId: 'chk_node' },
      });
      assert.equal(placed.status, 200, placed.text);
      assert.equal(placed.body.data.referenceId, 'chk_node');
      const upstream = await h.sandbox.api('GET', `/order?referenceId=chk_node~${cartId}`);
      assert.equal(upstream.body.data.length, 1, 'exactly one order');
    } finally {
      await h.close();
    }
  });
});
