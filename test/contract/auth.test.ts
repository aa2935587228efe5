import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOKEN_LIFETIME_MS, TOKEN_RENEW_MARGIN_MS } from '../../shared/index.js';
import { T0 } from '../sandbox/helpers.js';
import { rejectsWith, useContract } from './harness.js';

const c = await useContract();

const PAST_TOKEN = TOKEN_LIFETIME_MS + 60_000;

describe('the bearer token', () => {
  it('is fetched once and reused', async () => {
    const { client, sent } = c.record('canyon');
    await client.tag.list();
    await client.product.pickups(94175);
    await client.cart.create();
    assert.deepEqual(sent, [
      'POST /authenticate',
      'GET /tag',
      'GET /product/94175/pickup',
      'POST /cart',
    ]);
  });

  it('concurrent first calls share one authenticate', async () => {
    const { client, sent } = c.record('canyon');
    await Promise.all(Array.from({ length: 5 }, () => client.tag.list()));
    assert.equal(sent.filter((s) => s === 'POST /authenticate').length, 1);
  });

  it('past 24 h, a 401 makes the client authenticate once more and succeed', async () => {
    // The client's clock is the wall clock, far from the sandbox's: only the 401 can tell it.
    const { client, sent, received } = c.record('canyon');
    await client.tag.list();
    await c.advance(PAST_TOKEN);
    sent.length = 0;
    received.length = 0;
    const tags = await client.tag.list();
    assert.equal(tags.length, 3);
    assert.deepEqual(sent, ['GET /tag', 'POST /authenticate', 'GET /tag']);
    assert.deepEqual(
      received.map((r) => r.status),
      [401, 200, 200],
    );
    await client.tag.list();
    assert.equal(sent.length, 4, 'the new token is reused');
  });

  it('a write refused with 401 is sent once more, and happens once', async () => {
    const { client, sent } = c.record('canyon');
    await client.tag.list();
    await c.advance(PAST_TOKEN);
    sent.length = 0;
    const cart = await client.cart.create();
    assert.deepEqual(sent, ['POST /cart', 'POST /authenticate', 'POST /cart']);
    assert.deepEqual(
      (await client.cart.list()).map((x) => x.id),
      [cart.id],
      'one cart was made',
    );
  });

  it('concurrent calls that meet the 401 share one authenticate', async () => {
    const { client, sent } = c.record('canyon');
    await client.tag.list();
    await c.advance(PAST_TOKEN);
    sent.length = 0;
    await Promise.all(Array.from({ length: 5 }, () => client.tag.list()));
    assert.equal(sent.filter((s) => s === 'POST /authenticate').length, 1);
    assert.equal(sent.filter((s) => s === 'GET /tag').length, 10, 'each sent twice');
  });

  it('re-authenticates only once: a second 401 surfaces', async () => {
    const { client, sent } = c.record('canyon');
    await client.tag.list();
    await c.faults([{ method: 'GET', path: '/tag', status: 401, times: 2 }]);
    sent.length = 0;
    await rejectsWith(client.tag.list(), { kind: 'api', status: 401 });
    assert.deepEqual(sent, ['GET /tag', 'POST /authenticate', 'GET /tag']);
  });

  it('a client whose clock follows the sandbox renews before the token runs out, without a 401', async () => {
    let now = T0;
    const { client, sent, received } = c.record('canyon', { now: () => now });
    await client.tag.list();
    now = await c.advance(TOKEN_LIFETIME_MS - TOKEN_RENEW_MARGIN_MS + 1_000);
    sent.length = 0;
    received.length = 0;
    await client.tag.list();
    assert.deepEqual(sent, ['POST /authenticate', 'GET /tag']);
    assert.ok(received.every((r) => r.status === 200));
  });

  it('bad credentials are a 401 api error, tried once', async () => {
    const { client, sent } = c.record('canyon', {
      auth: { username: 'staff@canyon-kayak.test', apiKey: 'wrong-key' },
    });
    const error = await rejectsWith(client.tag.list(), { kind: 'api', status: 401 });
    assert.match(error.message, /Invalid username or API key/);
    assert.deepEqual(sent, ['POST /authenticate']);
  });
});
