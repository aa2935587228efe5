/**
 * A fake Resmark for the panel's element tests: `POST /authenticate`, `GET /agency/{userId}` and
 * `GET /product` answered as the local sandbox answers them (docs/wire.md), with switches for the
 * failures an agent meets (unreachable, slow, a non-Resmark server).
 */
import type { Product } from '../../shared/product.js';
import { products as canyonProducts } from '../widget/fixtures.js';

/** The sandbox's reseller agent (README, "Seed"). */
export const AGENT = { username: 'agent@sunset-travel.test', apiKey: 'sandbox-agent-key' };
/** The sandbox's Canyon Kayak staff user: a user of no agency. */
export const STAFF = { username: 'staff@canyon-kayak.test', apiKey: 'sandbox-operator-key' };

export const CANYON = '5f1a00000000000000000001';
export const HARBOR = '5f1a00000000000000000002';
export const SUNSET = '5f1a00000000000000000003';

/** What the agent may book: Canyon Kayak's products and one of Harbor Bikes'. */
export const agentProducts: Product[] = [
  ...canyonProducts,
  {
    ...canyonProducts[1]!,
    id: '5f1b00000000000000000201',
    entityId: HARBOR,
    productCode: 'HARBOR-DAY',
    name: 'Harbor Bike Day Rental',
    productNumber: 94275,
  },
];

/** A fake Resmark's switches and what it was asked. */
export interface FakeResmark {
  fetch: typeof globalThis.fetch;
  /** Every request as `METHOD /path`. */
  seen: string[];
  /** Fail like a host that is not there. */
  unreachable: boolean;
  /** Answer like a web server that is not the Resmark API (an HTML 404). */
  notResmark: boolean;
  /** Holds every answer until this promise settles (to see "signing in"). */
  hold: Promise<unknown> | undefined;
  /** Tokens it accepts; clear it to expire them all. */
  valid: Set<string>;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake Resmark at any base URL. */
export function fakeResmark(): FakeResmark {
  let issued = 0;
  const fake: FakeResmark = {
    seen: [],
    unreachable: false,
    notResmark: false,
    hold: undefined,
    valid: new Set(),
    async fetch(input, init) {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname.replace(/^.*\/public\/api/, '');
      fake.seen.push(`${request.method} ${path}`);
      await fake.hold;
      if (fake.unreachable) throw new TypeError('Failed to fetch');
      if (fake.notResmark)
        return new Response('<h1>Not Found</h1>', {
          status: 404,
          headers: { 'content-type': 'text/html' },
        });
      if (path === '/authenticate') {
        const { username, apikey } = (await request.json()) as Record<string, string>;
        const known = [AGENT, STAFF].find(
          (user) => user.username === username && user.apiKey === apikey,
        );
        if (!known) return json(401, { errorMessage: 'Invalid username or API key', data: null });
        const token = `token-${++issued}`;
        fake.valid.add(token);
        return new Response(token, { headers: { 'content-type': 'text/plain' } });
      }
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!fake.valid.has(token))
        return json(401, {
          errorMessage: 'The bearer token expired: authenticate again',
          data: null,
        });
      if (path.startsWith('/agency/')) {
        const user = decodeURIComponent(path.slice('/agency/'.length));
        return json(200, {
          errorMessage: null,
          data:
            user === AGENT.username
              ? [{ name: 'Sunset Travel', entityId: SUNSET, agentId: '5f2300000000000000000001' }]
              : [],
        });
      }
      if (path === '/product') return json(200, { errorMessage: null, data: agentProducts });
      return json(404, { errorMessage: `No route ${path}`, data: null });
    },
  };
  return fake;
}
