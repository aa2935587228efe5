import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from './server.js';
import { CREDENTIALS, T0 } from './helpers.js';

async function firstImage(sandbox: RunningSandbox): Promise<string> {
  const token = await (
    await fetch(`${sandbox.apiUrl}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CREDENTIALS.canyon),
    })
  ).text();
  const answer = (await (
    await fetch(`${sandbox.apiUrl}/product/94175`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { data: { images: { small: string }[] } };
  return answer.data.images[0]!.small;
}

describe('product pictures', () => {
  describe('when the sandbox serves them (npm start)', () => {
    let sandbox: RunningSandbox;
    before(async () => {
      sandbox = await startSandbox({ port: 0, now: T0, serveImages: true });
    });
    after(() => sandbox.close());

    it('points products at its own image route, and answers it with an SVG', async () => {
      const url = await firstImage(sandbox);
      assert.equal(url, `${sandbox.url}/__sandbox/images/canyon-kayak-walls-400.svg`);
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
      assert.match(await response.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    });

    it('answers 404 for a picture it does not have', async () => {
      const response = await fetch(`${sandbox.url}/__sandbox/images/nothing-400.svg`);
      assert.equal(response.status, 404);
    });
  });

  describe('by default (tests)', () => {
    let sandbox: RunningSandbox;
    before(async () => {
      sandbox = await startSandbox({ port: 0, now: T0 });
    });
    after(() => sandbox.close());

    it('keeps the seed’s canonical image URLs', async () => {
      assert.equal(
        await firstImage(sandbox),
        'https://images.resmark-sandbox.test/canyon-kayak-walls-400.jpg',
      );
    });
  });
});
