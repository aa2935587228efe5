import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createResmarkClient } from '../../shared/client.js';
import { ResmarkError } from '../../shared/errors.js';
import { TOKEN_LIFETIME_MS, TOKEN_RENEW_MARGIN_MS } from '../../shared/limits.js';
import { BASE, fail, fakeFetch, ok, rejection, type Seen } from './fake-fetch.js';

const TAGS = [{ id: 't1', name: 'Season', tags: [{ id: 's1', name: 'Summer' }] }];

/**
 * A fake Resmark: `POST /authenticate` issues token-1, token-2, …; other endpoints answer with
 * `TAGS` when the token is in `valid`, else 401.
 */
function fakeResmark() {
  let issued = 0;
  const valid = new Set<string>();
  const { fetch, seen } = fakeFetch((request: Seen) => {
    if (request.path === '/authenticate') {
      const body = request.body as { username: string; apikey: string };
      if (body.apikey !== 'key') return fail(401, 'The username or API key is not valid');
      const token = `token-${++issued}`;
      valid.add(token);
      return new Response(token, { headers: { 'content-type': 'text/plain' } });
    }
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    if (!valid.has(token)) return fail(401, 'The token is missing, invalid or expired');
    return request.method === 'GET' ? ok(TAGS) : ok({ id: 'c1', deleted: true });
  });
  const authentications = () => seen.filter((request) => request.path === '/authenticate');
  return { fetch, seen, valid, authentications };
}

function client(fake: ReturnType<typeof fakeResmark>, clock = { now: 0 }, apiKey = 'key') {
  return createResmarkClient({
    environment: BASE,
    auth: { username: 'staff@canyon-kayak.test', apiKey },
    fetch: fake.fetch,
    now: () => clock.now,
  });
}

describe('API key auth', () => {
  it('exchanges the key for a token once and sends it as a bearer token', async () => {
    const fake = fakeResmark();
    const resmark = client(fake);
    assert.deepEqual(await resmark.tag.list(), TAGS);
    await resmark.tag.list();
    const [auth] = fake.authentications();
    assert.equal(fake.authentications().length, 1);
    assert.equal(auth!.method, 'POST');
    assert.deepEqual(auth!.body, { username: 'staff@canyon-kayak.test', apikey: 'key' });
    assert.equal(auth!.headers.get('authorization'), null);
    assert.equal(fake.seen.at(-1)!.headers.get('authorization'), 'Bearer token-1');
  });

  it('shares one authentication between concurrent first calls', async () => {
    const fake = fakeResmark();
    const resmark = client(fake);
    await Promise.all(Array.from({ length: 10 }, () => resmark.tag.list()));
    assert.equal(fake.authentications().length, 1);
  });

  describe('when the token nears its 24 hours', () => {
    it('keeps it until the renew margin, then authenticates again', async () => {
      const fake = fakeResmark();
      const clock = { now: 1_000 };
      const resmark = client(fake, clock);
      await resmark.tag.list();
      clock.now += TOKEN_LIFETIME_MS - TOKEN_RENEW_MARGIN_MS - 1;
      await resmark.tag.list();
      assert.equal(fake.authentications().length, 1, 'still fresh one ms before the margin');
      clock.now += 1;
      await resmark.tag.list();
      assert.equal(fake.authentications().length, 2);
      assert.equal(fake.seen.at(-1)!.headers.get('authorization'), 'Bearer token-2');
    });
  });

  describe('when an endpoint answers 401', () => {
    it('authenticates once more and repeats the request once', async () => {
      const fake = fakeResmark();
      const resmark = client(fake);
      await resmark.tag.list();
      fake.valid.clear(); // Resmark forgot the token (reset key, restart)
      assert.deepEqual(await resmark.tag.list(), TAGS);
      assert.equal(fake.authentications().length, 2);
      assert.deepEqual(
        fake.seen.map((request) => request.path),
        ['/authenticate', '/tag', '/tag', '/authenticate', '/tag'],
      );
    });

    it('repeats a write too, since a 401 means nothing happened', async () => {
      const fake = fakeResmark();
      const resmark = client(fake);
      await resmark.tag.list();
      fake.valid.clear();
      assert.deepEqual(await resmark.cart.delete('c1'), { id: 'c1', deleted: true });
      const deletes = fake.seen.filter((request) => request.method === 'DELETE');
      assert.equal(deletes.length, 2);
    });

    it('shares one authentication between 10 concurrent calls', async () => {
      const fake = fakeResmark();
      const resmark = client(fake);
      await resmark.tag.list();
      fake.valid.clear();
      const results = await Promise.all(Array.from({ length: 10 }, () => resmark.tag.list()));
      assert.equal(results.length, 10);
      assert.equal(fake.authentications().length, 2, 'the first one and exactly one renewal');
    });

    it('gives up after the one repeat when the new token is refused too', async () => {
      let issued = 0;
      const { fetch, seen } = fakeFetch((request) =>
        request.path === '/authenticate'
          ? new Response(`token-${++issued}`, { headers: { 'content-type': 'text/plain' } })
          : fail(401, 'This user may not use the API'),
      );
      const resmark = createResmarkClient({
        environment: BASE,
        auth: { username: 'u', apiKey: 'key' },
        fetch,
      });
      const error = await rejection(resmark.tag.list());
      assert.ok(error instanceof ResmarkError);
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 401);
      assert.equal(error.endpoint, 'GET /tag');
      assert.deepEqual(
        seen.map((request) => request.path),
        ['/authenticate', '/tag', '/authenticate', '/tag'],
      );
    });
  });

  describe('when the credentials are wrong', () => {
    it('throws the api error of POST /authenticate, once', async () => {
      const fake = fakeResmark();
      const resmark = client(fake, { now: 0 }, 'wrong');
      const error = await rejection(resmark.tag.list());
      assert.ok(error instanceof ResmarkError);
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 401);
      assert.equal(error.endpoint, 'POST /authenticate');
      assert.equal(error.message, 'The username or API key is not valid');
      assert.equal(fake.seen.length, 1);
    });

    it('refuses an empty username or key before sending anything', async () => {
      const fake = fakeResmark();
      const resmark = createResmarkClient({
        environment: BASE,
        auth: { username: '', apiKey: '' },
        fetch: fake.fetch,
      });
      const error = await rejection(resmark.tag.list());
      assert.ok(error instanceof ResmarkError);
      assert.equal(error.kind, 'input');
      assert.deepEqual(Object.keys(error.fields ?? {}), ['username', 'apikey']);
      assert.equal(fake.seen.length, 0);
    });
  });
});

describe('API key auth from a stored token', () => {
  const issued = (value: string, expiresAt: number) => ({ value, expiresAt });

  it('uses the stored token until it is due, without authenticating', async () => {
    const fake = fakeResmark();
    fake.valid.add('kept');
    const heard: unknown[] = [];
    const resmark = createResmarkClient({
      environment: BASE,
      auth: {
        username: 'agent@sunset-travel.test',
        apiKey: 'key',
        token: issued('kept', TOKEN_LIFETIME_MS),
        onToken: (token) => heard.push(token),
      },
      fetch: fake.fetch,
      now: () => 1_000,
    });
    await resmark.tag.list();
    assert.equal(fake.authentications().length, 0);
    assert.equal(fake.seen.at(-1)!.headers.get('authorization'), 'Bearer kept');
    assert.deepEqual(heard, []);
  });

  it('tells onToken of each token it gets: when the stored one is due, and after a 401', async () => {
    const fake = fakeResmark();
    const clock = { now: 10_000 };
    const heard: { value: string; expiresAt: number }[] = [];
    const resmark = createResmarkClient({
      environment: BASE,
      auth: {
        username: 'agent@sunset-travel.test',
        apiKey: 'key',
        // Inside the renew margin: due now.
        token: issued('old', clock.now + TOKEN_RENEW_MARGIN_MS),
        onToken: (token) => heard.push(token),
      },
      fetch: fake.fetch,
      now: () => clock.now,
    });
    await resmark.tag.list();
    assert.deepEqual(heard, [issued('token-1', 10_000 + TOKEN_LIFETIME_MS)]);
    fake.valid.clear();
    clock.now += 60_000;
    await resmark.tag.list();
    assert.deepEqual(heard.at(-1), issued('token-2', 70_000 + TOKEN_LIFETIME_MS));
    assert.equal(heard.length, 2);
  });
});

describe('header auth (through a proxy)', () => {
  it('sends the given headers and does not re-authenticate on 401', async () => {
    let calls = 0;
    const { fetch, seen } = fakeFetch(() => fail(401, 'Unknown cart token'));
    const resmark = createResmarkClient({
      environment: BASE,
      auth: {
        headers: async () => ({ 'X-Cart-Token': `ct-${++calls}` }),
      },
      fetch,
    });
    const error = await rejection(resmark.cart.get('c1'));
    assert.ok(error instanceof ResmarkError);
    assert.equal(error.status, 401);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.headers.get('x-cart-token'), 'ct-1');
  });
});
