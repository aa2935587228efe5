import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON_CUSTOMER, SUNSET_1730, seatsLeft, testSandbox } from './helpers.js';
import type { TestSandbox } from './helpers.js';

let t: TestSandbox;
before(async () => {
  t = await testSandbox();
});
after(() => t.sandbox.close());
beforeEach(() => t.reset());

async function cartHolding(seats: number, who: 'canyon' | 'agent' = 'canyon') {
  const path = who === 'agent' ? '/cart?supplierId=5f1a00000000000000000001' : '/cart';
  const cartId: string = (await t.api('POST', path, undefined, who)).body.data.id;
  const added = await t.api(
    'POST',
    `/cart/${cartId}/item`,
    { itemId: SUNSET_1730, participants: { All: seats } },
    who,
  );
  assert.equal(added.status, 200, JSON.stringify(added.body));
  await t.api('PUT', `/cart/${cartId}/customer`, CANYON_CUSTOMER, who);
  return cartId;
}

describe('seat locks', () => {
  it('hold a cart’s seats for 30 minutes of sandbox time, then free them', async () => {
    const cartId = await cartHolding(4);
    assert.equal(await seatsLeft(t, SUNSET_1730), 6);
    await t.control('POST', '/clock', { advanceMs: 29 * 60_000 });
    assert.equal(await seatsLeft(t, SUNSET_1730), 6, 'still held at 29 minutes');
    const moved = await t.control('POST', '/clock', { advanceMs: 2 * 60_000 });
    assert.equal(typeof moved.body.now, 'number');
    assert.equal(await seatsLeft(t, SUNSET_1730), 10, 'free again at 31 minutes');

    const refused = await t.api('POST', '/order', { id: cartId });
    assert.equal(refused.status, 409);
    assert.ok(refused.body.errorMessage);
  });

  it('come back on renew while the seats are free, and the order then goes through', async () => {
    const cartId = await cartHolding(4);
    const clock = await t.control('POST', '/clock', { advanceMs: 1_860_000 });
    const renewed = await t.api('GET', `/cart/${cartId}/renew`);
    assert.equal(renewed.status, 200);
    assert.deepEqual(renewed.body.errors, []);
    assert.equal(renewed.body.expDateTime, clock.body.now + 30 * 60_000);
    assert.ok(!('data' in renewed.body), 'renew answers its own shape, not the envelope');
    assert.equal(await seatsLeft(t, SUNSET_1730), 6);
    assert.equal((await t.api('POST', '/order', { id: cartId })).status, 200);
  });

  it('name and drop on renew an item whose seats were taken meanwhile', async () => {
    const first = await cartHolding(8);
    await t.control('POST', '/clock', { advanceMs: 31 * 60_000 });
    await cartHolding(5);
    const renewed = await t.api('GET', `/cart/${first}/renew`);
    assert.equal(renewed.body.errors.length, 1);
    assert.match(renewed.body.errors[0], /Sunset Paddle/);
    assert.equal(renewed.body.expDateTime, null);
    assert.deepEqual((await t.api('GET', `/cart/${first}`)).body.data.items, []);
  });

  it('are extended for the whole cart by a later add', async () => {
    const cartId = await cartHolding(2);
    await t.control('POST', '/clock', { advanceMs: 20 * 60_000 });
    await t.api('POST', `/cart/${cartId}/item`, {
      itemId: 'a-94176-20261126-1730',
      participants: { All: 1 },
    });
    await t.control('POST', '/clock', { advanceMs: 20 * 60_000 });
    assert.equal(await seatsLeft(t, SUNSET_1730), 8, 'the first item is still held 40 minutes in');
  });

  it('keep 50 concurrent adds for 10 seats to exactly 10 booked', async () => {
    const carts = await Promise.all(
      Array.from({ length: 50 }, async () => (await t.api('POST', '/cart')).body.data.id as string),
    );
    const answers = await Promise.all(
      carts.map((id) =>
        t.api('POST', `/cart/${id}/item`, { itemId: SUNSET_1730, participants: { All: 1 } }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 200).length, 10);
    assert.equal(statuses.filter((s) => s === 409).length, 40);
    assert.equal(await seatsLeft(t, SUNSET_1730), 0);
  });
});

describe('tokens', () => {
  it('are a raw text/plain string', async () => {
    const answer = await t.request('POST', `${t.sandbox.apiUrl}/authenticate`, {
      username: 'agent@sunset-travel.test',
      apikey: 'sandbox-agent-key',
    });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(typeof answer.body, 'string');
    assert.ok(answer.body.length > 20);
  });

  it('are refused for bad credentials with a 401 envelope', async () => {
    const answer = await t.request('POST', `${t.sandbox.apiUrl}/authenticate`, {
      username: 'staff@canyon-kayak.test',
      apikey: 'wrong',
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.data, null);
    assert.ok(answer.body.errorMessage);
  });

  it('are required on every other endpoint', async () => {
    const none = await t.request('GET', `${t.sandbox.apiUrl}/product`);
    assert.equal(none.status, 401);
    assert.ok(none.body.errorMessage);
    const forged = await t.request('GET', `${t.sandbox.apiUrl}/product`, undefined, {
      authorization: 'Bearer nope',
    });
    assert.equal(forged.status, 401);
  });

  it('expire 24 hours after issue', async () => {
    const login = await t.request('POST', `${t.sandbox.apiUrl}/authenticate`, {
      username: 'staff@harbor-bikes.test',
      apikey: 'sandbox-harbor-key',
    });
    const headers = { authorization: `Bearer ${login.body}` };
    await t.control('POST', '/clock', { advanceMs: 24 * 3_600_000 - 1 });
    assert.equal(
      (await t.request('GET', `${t.sandbox.apiUrl}/tag`, undefined, headers)).status,
      200,
    );
    await t.control('POST', '/clock', { advanceMs: 1 });
    const expired = await t.request('GET', `${t.sandbox.apiUrl}/tag`, undefined, headers);
    assert.equal(expired.status, 401);
    assert.match(expired.body.errorMessage, /expired/);
  });
});

describe('malformed requests', () => {
  it('answer malformed JSON with a 400 that says so', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    const answer = await t.api('POST', `/cart/${cartId}/item`, '{"itemId": ');
    assert.equal(answer.status, 400);
    assert.match(answer.body.errorMessage, /Malformed JSON/);
  });

  it('answer an unknown path with a 404 envelope', async () => {
    const answer = await t.api('GET', '/nothing/here');
    assert.equal(answer.status, 404);
    assert.equal(answer.body.data, null);
    assert.ok(answer.body.errorMessage);
  });
});
