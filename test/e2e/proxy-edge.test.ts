/**
 * The unchanged proxy handler on Cloudflare's workerd and on Deno (issue 10): `npm run
 * proxy:workerd` and `npm run proxy:deno`, each in front of a local sandbox, book one item end to
 * end with the widget's own client and cart session, and an order whose answer from Resmark is lost
 * still makes exactly one order, sent upstream once (Deno's fetch would send it twice).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { CartSession, type SessionApi } from '../../shared/session.js';
import { createProxyClient } from '../../widget/proxy-client.js';
import { createSandbox } from '../sandbox/index.js';
import { CANYON_CUSTOMER, CREDENTIALS } from '../sandbox/helpers.js';

/** The Sunset Paddle: one evening slot a day, priced for `All`. */
const SUNSET_PADDLE = 94176;
const DAY_MS = 86_400_000;

/** The sandbox over HTTP, counting the `POST /order` requests that reach it. */
async function countingSandbox() {
  const { app } = createSandbox();
  const received = { orders: 0 };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: (request, env) => {
          if (request.method === 'POST' && new URL(request.url).pathname === '/public/api/order')
            received.orders++;
          return app.fetch(request, env);
        },
        hostname: '127.0.0.1',
        port: 0,
      },
      () => resolve(s),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let bearer: string | undefined;
  /** A staff request under `/public/api` (not through a proxy). */
  async function staff(method: string, path: string): Promise<unknown> {
    // The token is the body itself, plain text.
    bearer ??= await (
      await fetch(`${url}/public/api/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(CREDENTIALS.canyon),
      })
    ).text();
    const response = await fetch(`${url}/public/api${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}` },
    });
    return ((await response.json()) as { data: unknown }).data;
  }
  return {
    url,
    apiUrl: `${url}/public/api`,
    received,
    staff,
    /** Adds sandbox faults (none: only asks); answers the faults still pending. */
    async faults(faults: unknown[]): Promise<unknown[]> {
      const response = await fetch(`${url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ faults }),
      });
      return ((await response.json()) as { faults: unknown[] }).faults;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets would hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs `npm run proxy:<runtime>` on a free port (`PROXY_PORT=0`) in its own process group, and
 * resolves with its URL once it prints it (each entry prints it once it listens).
 */
async function startEdgeProxy(runtime: 'workerd' | 'deno', apiUrl: string) {
  const child: ChildProcess = spawn('npm', ['run', '--silent', `proxy:${runtime}`], {
    env: {
      ...process.env,
      RESMARK_BASE_URL: apiUrl,
      RESMARK_USERNAME: CREDENTIALS.canyon.username,
      RESMARK_API_KEY: CREDENTIALS.canyon.apikey,
      PROXY_SECRET: 'edge-test-secret-0123456789-abcdefghijklmnop',
      ALLOWED_ORIGINS: 'https://shop.example',
      ORDER_POLICY: 'pay-on-arrival',
      PROXY_PORT: '0',
    },
    // Its own group, so npm, tsx and the runtime all stop together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A detached group outlives this process unless told: end it however this run ends.
  const endGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', endGroup);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in 30 s:\n${output}`)), 30_000);
    const look = () => {
      const found = /Checkout proxy \(\w+\) on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run proxy:${runtime} exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.off('exit', endGroup);
      endGroup();
      await exited;
    },
  };
}

/** A cart session over the proxy, as the widget makes one, holding a seat of the next free slot. */
async function holdingSession(proxyUrl: string) {
  const { client } = createProxyClient(proxyUrl);
  const session = new CartSession({ api: client as SessionApi });
  // Two days on, whatever the date: the slot has not started and the seed has seats on it.
  const from = new Date(Date.now() + 2 * DAY_MS).toISOString().slice(0, 10);
  const days = await client.product.inventory(SUNSET_PADDLE, { from });
  const slot = days.items
    .flatMap((day) => day.timesAvailable)
    .find((s) => (s.tiersAvailable['*'] ?? 0) >= 1);
  assert.ok(slot, 'a Sunset Paddle slot with a free seat');
  await session.addItem({ itemId: slot.activityId, participants: { All: 1 } });
  await session.setCustomer(CANYON_CUSTOMER);
  return { session, client };
}

interface SandboxOrder {
  confirmation: number;
  referenceId: string | null;
}

describe('the checkout proxy on edge runtimes', () => {
  let sandbox: Awaited<ReturnType<typeof countingSandbox>>;
  before(async () => {
    sandbox = await countingSandbox();
  });
  after(() => sandbox.close());

  for (const runtime of ['workerd', 'deno'] as const) {
    describe(`npm run proxy:${runtime}`, () => {
      let proxy: Awaited<ReturnType<typeof startEdgeProxy>>;
      before(async () => {
        proxy = await startEdgeProxy(runtime, sandbox.apiUrl);
      });
      after(() => proxy.stop());

      /** The sandbox's orders under this referenceId as the proxy namespaces it upstream. */
      const ordersOf = async (session: CartSession) => {
        const { referenceId, cartId } = session.snapshot();
        const upstream = `${referenceId}~${cartId}`;
        return (await sandbox.staff(
          'GET',
          `/order?limit=500&referenceId=${encodeURIComponent(upstream)}`,
        )) as SandboxOrder[];
      };

      it('books one item end to end with the widget’s client', async () => {
        const { session } = await holdingSession(proxy.url);
        const sent = sandbox.received.orders;
        const order = await session.placeOrder();
        assert.equal(session.state, 'ordered');
        assert.equal(sandbox.received.orders - sent, 1, 'one POST /order reached the sandbox');
        const made = await ordersOf(session);
        assert.deepEqual(
          made.map((o) => o.confirmation),
          [order.confirmation],
        );
      });

      it('makes exactly one order when Resmark’s answer to it is lost', async () => {
        const { session } = await holdingSession(proxy.url);
        await sandbox.faults([{ method: 'POST', path: '/order', dropResponse: true }]);
        const sent = sandbox.received.orders;
        const order = await session.placeOrder();
        assert.deepEqual(await sandbox.faults([]), [], 'the answer really was dropped');
        // A second POST /order would meet the consumed cart (a 404 for the shopper to recover
        // from) or, against an API without that guard, book twice.
        assert.equal(sandbox.received.orders - sent, 1, 'the order was sent upstream once');
        const made = await ordersOf(session);
        assert.deepEqual(
          made.map((o) => o.confirmation),
          [order.confirmation],
          proxy.output(),
        );
      });
    });
  }
});
