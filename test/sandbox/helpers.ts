/**
 * Plain-fetch helpers for the sandbox's own tests (the shared client is tested elsewhere, against
 * this same server, so these tests must not depend on it).
 */
import { startSandbox } from './server.js';
import type { RunningSandbox } from './server.js';
import { CREDENTIALS, T0 } from './test-data.js';

export {
  CANYON_CUSTOMER,
  CREDENTIALS,
  KAYAK_0900,
  KAYAK_1400,
  PICKUP,
  PICKUP_TIMES,
  SUNSET_1730,
  T0,
} from './test-data.js';

/** A JSON answer: status, headers and the parsed body. */
// `any`: the tests read many different shapes, and typing each would only restate the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A sandbox on a free port with a frozen clock at {@link T0}, and fetch helpers bound to it. */
export async function testSandbox() {
  const sandbox: RunningSandbox = await startSandbox({ port: 0, now: T0 });
  const tokens = new Map<string, string>();

  async function request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes('json') ? JSON.parse(text) : text,
    };
  }

  async function token(who: keyof typeof CREDENTIALS): Promise<string> {
    let value = tokens.get(who);
    if (!value) {
      const answer = await request('POST', `${sandbox.apiUrl}/authenticate`, CREDENTIALS[who]);
      if (answer.status !== 200) throw new Error(`authenticate ${who}: ${answer.status}`);
      value = answer.body as string;
      tokens.set(who, value);
    }
    return value;
  }

  return {
    sandbox,
    request,
    token,
    /** A request under /public/api as `who` (default the Canyon staff user). */
    async api(
      method: string,
      path: string,
      body?: unknown,
      who: keyof typeof CREDENTIALS = 'canyon',
    ): Promise<Answer> {
      return request(method, sandbox.apiUrl + path, body, {
        authorization: `Bearer ${await token(who)}`,
      });
    },
    /** A test-only control request (`/__sandbox/...`). */
    control(method: string, path: string, body?: unknown): Promise<Answer> {
      return request(method, `${sandbox.url}/__sandbox${path}`, body);
    },
    /** Restores the seed and the clock; tokens are kept, as the sandbox keeps them. */
    async reset(): Promise<void> {
      await request('POST', `${sandbox.url}/__sandbox/reset`);
    },
  };
}

/** The fetch helpers of {@link testSandbox}. */
export type TestSandbox = Awaited<ReturnType<typeof testSandbox>>;

/** Seats left on one slot, read from the inventory as a shopper would. */
export async function seatsLeft(
  t: TestSandbox,
  activityId: string,
  who: keyof typeof CREDENTIALS = 'canyon',
): Promise<number> {
  const [, number, y, m, d] = /^a-(\d+)-(\d{4})(\d{2})(\d{2})-/.exec(activityId)!;
  const answer = await t.api('GET', `/product/${number}/item?from=${y}-${m}-${d}`, undefined, who);
  for (const day of answer.body.data.items)
    for (const slot of day.timesAvailable)
      if (slot.activityId === activityId) return slot.tiersAvailable['*'];
  throw new Error(`${activityId} is not in the inventory`);
}
