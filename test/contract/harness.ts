/**
 * What every contract test file shares: one local sandbox on a free port with its clock frozen at
 * `T0`, the shared client for each seed user (its requests recorded, its retry waits instant and
 * recorded), and the sandbox's test-only control routes.
 */
import assert from 'node:assert/strict';
import { after, beforeEach } from 'node:test';
import {
  ResmarkError,
  createResmarkClient,
  type AddCartItem,
  type Cart,
  type Order,
  type ResmarkClient,
  type ResmarkClientOptions,
} from '../../shared/index.js';
import { CANYON_CUSTOMER, T0 } from '../sandbox/helpers.js';
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';

/** The seed's operators and agency (README, "Seed"). */
export const CANYON = '5f1a00000000000000000001';
/** Harbor Bikes, the rental operator. */
export const HARBOR = '5f1a00000000000000000002';
/** Sunset Travel, the reseller agency connected to Canyon and Harbor. */
export const SUNSET = '5f1a00000000000000000003';
/** Glacier Heli Tours, not connected to Sunset Travel. */
export const GLACIER = '5f1a00000000000000000004';

/** Tomorrow's (2026-11-25) City Bike Rental 09:00 slot: 12 units, full by the seed rule. */
export const BIKES_0900 = 'a-95101-20261125-0900';

/** The seed's users, as the client takes them. */
export const USERS = {
  canyon: { username: 'staff@canyon-kayak.test', apiKey: 'sandbox-operator-key' },
  harbor: { username: 'staff@harbor-bikes.test', apiKey: 'sandbox-harbor-key' },
  agent: { username: 'agent@sunset-travel.test', apiKey: 'sandbox-agent-key' },
} as const;

/** A seed user's name in {@link USERS}. */
export type Who = keyof typeof USERS;

/** A client with what it did on the wire. */
export interface Recorded {
  client: ResmarkClient;
  /** Every request the client sent, as `METHOD /path` under the API base (query left out). */
  sent: string[];
  /** Every status the client received, in order, with its endpoint. */
  received: { endpoint: string; status: number }[];
  /** Every wait the client asked for between retries (ms); the waits themselves take no time. */
  waits: number[];
}

/** A pending fault, as `POST /__sandbox/faults` takes it (README, "Test-only routes"). */
export interface Fault {
  method?: string;
  path?: string;
  times?: number;
  latencyMs?: number;
  status?: number;
  retryAfterSeconds?: number;
  dropResponse?: boolean;
}

/**
 * This test file's sandbox: call it once at the top of the file, with `await`. It is closed after
 * the file's last test and, unless `reset` is false (files that only read), reset to the seed
 * before each test.
 */
export async function useContract({ reset = true }: { reset?: boolean } = {}) {
  const contract = await startContract();
  after(() => contract.close());
  if (reset) beforeEach(() => contract.reset());
  return contract;
}

/** Starts a sandbox on a free port with its clock at `T0`; the caller closes it. */
async function startContract() {
  const sandbox: RunningSandbox = await startSandbox({ port: 0, now: T0 });
  const base = new URL(sandbox.apiUrl).pathname;

  /** A fresh client for `who`, recording its traffic; `options` override the client's own. */
  function record(who: Who, options: Partial<ResmarkClientOptions> = {}): Recorded {
    const sent: string[] = [];
    const received: Recorded['received'] = [];
    const waits: number[] = [];
    const client = createResmarkClient({
      environment: sandbox.apiUrl,
      auth: USERS[who],
      fetch: (input, init) => {
        const request = input instanceof Request ? input : undefined;
        const url = new URL(request ? request.url : String(input));
        const method = init?.method ?? request?.method ?? 'GET';
        sent.push(`${method.toUpperCase()} ${url.pathname.slice(base.length)}`);
        return fetch(input, init);
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
      onResponse: ({ endpoint, response }) => received.push({ endpoint, status: response.status }),
      ...options,
    });
    return { client, sent, received, waits };
  }

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(response.status, 200, `${method} /__sandbox${path}`);
    return response.json();
  }

  return {
    sandbox,
    record,
    /** One long-lived client per seed user, authenticated on first use. */
    clients: { canyon: record('canyon'), harbor: record('harbor'), agent: record('agent') },
    /** `POST /__sandbox/reset`: the seed, the clock at `T0`, no faults; tokens stay valid. */
    reset: () => control('POST', '/reset'),
    /** `POST /__sandbox/clock`: moves the sandbox's clock; returns the new time. */
    advance: async (ms: number) =>
      ((await control('POST', '/clock', { advanceMs: ms })) as { now: number }).now,
    /** The sandbox's time (epoch ms). */
    now: async () => ((await control('GET', '/clock')) as { now: number }).now,
    /** Adds faults for the next matching requests; returns what is pending. */
    faults: async (faults: Fault[]) =>
      ((await control('POST', '/faults', { faults })) as { faults: Fault[] }).faults,
    /** A raw request under the API base, outside the client (to see what the sandbox itself says). */
    raw: async (method: string, path: string, who: Who = 'canyon') => {
      const login = await fetch(`${sandbox.apiUrl}/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: USERS[who].username, apikey: USERS[who].apiKey }),
      });
      const token = await login.text();
      const response = await fetch(sandbox.apiUrl + path, {
        method,
        headers: { authorization: `Bearer ${token}` },
      });
      return {
        status: response.status,
        body: (await response.json()) as { errorMessage: string | null; data: unknown },
      };
    },
    close: () => sandbox.close(),
  };
}

/** The sandbox of one contract test file. */
export type Contract = Awaited<ReturnType<typeof startContract>>;

/** Seats (or units) left on one slot, read through the client's inventory as a shopper would. */
export async function seatsLeft(client: ResmarkClient, activityId: string): Promise<number> {
  const match = /^a-(\d+)-(\d{4})(\d{2})(\d{2})-/.exec(activityId);
  assert.ok(match, `${activityId} is a dated activityId`);
  const [, number, y, m, d] = match;
  const inventory = await client.product.inventory(Number(number), { from: `${y}-${m}-${d}` });
  for (const day of inventory.items)
    for (const slot of day.timesAvailable)
      if (slot.activityId === activityId) return slot.tiersAvailable['*'] ?? Number.NaN;
  assert.fail(`${activityId} is not in the inventory`);
}

/**
 * Asserts that `promise` rejects with a {@link ResmarkError} of this kind (and status, when given),
 * and returns it for further checks.
 */
export async function rejectsWith(
  promise: Promise<unknown>,
  expected: { kind: ResmarkError['kind']; status?: number },
): Promise<ResmarkError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ResmarkError, `rejects with a ResmarkError, got ${String(caught)}`);
  assert.equal(caught.kind, expected.kind, `kind (${caught.message})`);
  if (expected.status !== undefined)
    assert.equal(caught.status, expected.status, `status (${caught.message})`);
  return caught;
}

/** A cart filled with `items` and a customer, ready to order. */
export async function readyCart(
  client: ResmarkClient,
  items: AddCartItem[],
  { customer = CANYON_CUSTOMER, supplierId }: { customer?: object; supplierId?: string } = {},
): Promise<Cart> {
  const cart = await client.cart.create(supplierId === undefined ? {} : { supplierId });
  for (const item of items) await client.cart.addItem(cart.id, item);
  return client.cart.setCustomer(cart.id, customer);
}

/** Places an order of `items` (see {@link readyCart}). */
export async function placeOrder(
  client: ResmarkClient,
  items: AddCartItem[],
  options: { customer?: object; supplierId?: string; referenceId?: string } = {},
): Promise<Order> {
  const cart = await readyCart(client, items, options);
  return client.order.create(
    options.referenceId === undefined
      ? { id: cart.id }
      : { id: cart.id, referenceId: options.referenceId },
  );
}
