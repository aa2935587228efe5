/**
 * The local Resmark sandbox (test/sandbox/) running inside the test page, with the shared client
 * signed in as the Sunset Travel agent: the panel's elements are tested against the sandbox's real
 * rules (reseller carts, locks, orders) without a server or a hand-written fake.
 */
import { createResmarkClient, type ResmarkClient } from '../../shared/client.js';
import { createSandbox, type Sandbox } from '../sandbox/app.js';
import { CREDENTIALS, T0 } from '../sandbox/test-data.js';

export { CANYON_CUSTOMER, SUNSET_1730, T0 } from '../sandbox/test-data.js';
/** Canyon Kayak Co., a supplier Sunset Travel is connected to. */
export const CANYON = '5f1a00000000000000000001';
/** Harbor Bikes, the other connected supplier. */
export const HARBOR = '5f1a00000000000000000002';

/** A sandbox in the page and the agent's client for it. */
export interface InPageSandbox {
  sandbox: Sandbox;
  client: ResmarkClient;
  /** Every request the client made, as `METHOD /path?query` under `/public/api`. */
  seen: string[];
}

/** A fresh sandbox at `now` (frozen: tests move it with `sandbox.clock.advance`). */
export function inPageSandbox(now = T0): InPageSandbox {
  const sandbox = createSandbox({ now });
  const seen: string[] = [];
  const client = createResmarkClient({
    environment: 'http://sandbox.test/public/api',
    auth: { username: CREDENTIALS.agent.username, apiKey: CREDENTIALS.agent.apikey },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname.replace('/public/api', '')}${url.search}`);
      return sandbox.app.fetch(request);
    },
    retry: 0,
  });
  return { sandbox, client, seen };
}
