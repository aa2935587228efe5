import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUNSET_1730 } from '../../sandbox/helpers.js';
import { proxyHarness, type ProxyHarness } from './harness.js';

/** An upstream that echoes the proxy's Authorization header in its refusals, as the did. */
const echoing: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const auth = new Headers(init?.headers).get('authorization') ?? '';
  if (url.pathname.endsWith('/item') && init?.method === 'POST')
    return new Response(
      JSON.stringify({
        errorMessage: `Invalid item. Request had Authorization: ${auth}`,
        data: null,
        detail: { fields: { participants: `bad, ${auth}`, [auth]: 'x' } },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    );
  if (url.pathname.includes('/product/') && url.pathname.endsWith('/item'))
    return new Response(`<html>Not found. ${auth}</html>`, {
      status: 404,
      headers: { 'content-type': 'text/html' },
    });
  if (url.pathname.endsWith('/renew')) return new Response(`Conflict: ${auth}`, { status: 409 });
  return fetch(input, init);
};

describe('upstream text never reaches the page (issue 10, finding 3)', () => {
  let h: ProxyHarness;
  before(async () => {
    h = await proxyHarness({}, echoing);
  });
  after(() => h.close());

  const leaks = (text: string) =>
    [...h.bearers].some((bearer) => bearer.length > 8 && text.includes(bearer)) ||
    /Bearer|Authorization/i.test(text);

  it('answers Resmark’s refusals in the proxy’s words, with an id the log line carries', async () => {
    const { cartId, token } = await h.newCart();
    const answers = [
      await h.call('POST', `/cart/${cartId}/item`, {
        token,
        body: { itemId: SUNSET_1730, participants: { All: 1 } },
      }),
      await h.call('GET', '/product/94175/item?from=2026-11-25'),
      await h.call('GET', `/cart/${cartId}/renew`, { token }),
    ];
    assert.ok(h.bearers.size > 0, 'the proxy did send its token upstream');
    for (const answer of answers) {
      assert.ok(answer.status >= 400 && answer.status < 500, answer.text);
      assert.ok(!leaks(answer.text), answer.text);
      const id: string = answer.body.detail.errorId;
      assert.match(id, /^[0-9a-f]{10}$/);
      assert.match(answer.body.errorMessage, new RegExp(`reference ${id}`));
      const line = h.lines.find((l) => l.errorId === id);
      assert.ok(line, `a log line with ${id}`);
      assert.equal(line.status, answer.status);
      assert.ok(!leaks(JSON.stringify(line)));
      assert.equal(answer.headers.get('x-resmark-proxy-log'), null, 'the log note stays inside');
    }
    // A field a form can act on is still named, in the proxy's words.
    assert.deepEqual(answers[0]!.body.detail.fields, { participants: 'Check participants.' });
  });
});
