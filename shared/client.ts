/**
 * `createResmarkClient`: one typed function per Resmark endpoint, grouped by resource, over one
 * `ofetch` instance (or another {@link SendFactory}'s sender) with our own auth, retry, timeout
 * and error rules.
 */
import { agencyEndpoints } from './agency.js';
import { headerSession, tokenSession, type ResmarkAuth } from './auth.js';
import { cartEndpoints } from './cart.js';
import {
  CLIENT_DEFAULTS,
  createCall,
  defaultSleep,
  type SendFactory,
  type TransportOptions,
} from './http.js';
import { orderEndpoints } from './order.js';
import { productEndpoints } from './product.js';
import { CHECKS } from './schemas.js';
import { ofetchSend } from './send-ofetch.js';
import { tagEndpoints } from './tag.js';

/** The Resmark base URLs (Getting Started, "Base URLs"). */
export const ENVIRONMENTS = {
  production: 'https://app.resmarksystems.com/public/api',
  sandbox: 'https://sandbox.resmarksystems.com/public/api',
};

/** Options of {@link createResmarkClient}. */
export interface ResmarkClientOptions {
  /** `'production'`, `'sandbox'` (Resmark's test copy), or any base URL (e.g. the local sandbox). */
  environment: keyof typeof ENVIRONMENTS | (string & {});
  /** A user's API key, or the headers to send (through a proxy). */
  auth: ResmarkAuth;
  /** Per-attempt timeout; default 15 s. */
  timeoutMs?: number;
  /** How many times a GET is repeated after a network error, 429, 502, 503 or 504; default 2. */
  retry?: number;
  /** The fetch to use; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** What puts requests on the wire over that fetch; default ofetch (`shared/send-ofetch.ts`). */
  send?: SendFactory;
  /** The clock (epoch ms) for token expiry and `Retry-After` dates. */
  now?: () => number;
  /** How to wait between retries; rejects with the signal's reason when it aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random in [0, 1) for the backoff's jitter. */
  random?: () => number;
  /** Sees every response (e.g. to read a header the proxy sets) before it is checked. */
  onResponse?: TransportOptions['onResponse'];
}

/** Builds a client for one environment and one way of authenticating. */
export function createResmarkClient(options: ResmarkClientOptions) {
  const { auth, now = Date.now } = options;
  const call = createCall({
    send: (options.send ?? ofetchSend)(
      ENVIRONMENTS[options.environment as keyof typeof ENVIRONMENTS] ?? options.environment,
      options.fetch,
    ),
    // Resmark's answers (and the caller's inputs) are checked here, where they arrive.
    checks: CHECKS,
    session:
      'headers' in auth
        ? headerSession(auth.headers)
        : tokenSession(
            () =>
              call('POST /authenticate', [], {
                body: { username: auth.username, apikey: auth.apiKey },
                bare: true,
                anonymous: true,
              }),
            now,
            { token: auth.token, onToken: auth.onToken },
          ),
    timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    retry: options.retry ?? CLIENT_DEFAULTS.retry,
    now,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    onResponse: options.onResponse,
  });
  return {
    product: productEndpoints(call),
    tag: tagEndpoints(call),
    agency: agencyEndpoints(call),
    cart: cartEndpoints(call),
    order: orderEndpoints(call),
  };
}

/** A client made by {@link createResmarkClient}. */
export type ResmarkClient = ReturnType<typeof createResmarkClient>;
