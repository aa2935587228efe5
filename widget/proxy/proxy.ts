/**
 * `createProxy`: the checkout proxy as a standard fetch handler (`Request → Response`), so the same
 * code runs on Node (see `main.ts`), Deno, Bun, Cloudflare Workers and other edge hosts.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createResmarkClient } from '../../shared/client.js';
import { fetchSend } from '../../shared/send-fetch.js';
import { accessLog, jsonLogger, type Logger } from './access-log.js';
import { cartTokens, type HmacFactory } from './cart-token.js';
import { holdPolicy } from './holds.js';
import { catalogCache } from './catalog-cache.js';
import { clientKeyOf, inRanges } from './client-address.js';
import { credentialBackoff } from './credential-backoff.js';
import type { ProxyConfig } from './config.js';
import { ORDER_POLICY_HEADER } from '../proxy-protocol.js';
import { cors } from './cors.js';
import { ProxyError, errorResponse } from './errors.js';
import { rateLimit } from './rate-limit.js';
import { proxyRoutes } from './routes.js';
import { memoryStore, type ProxyStore } from './store.js';

/** A fetch handler; `env` is the host's (Node's `{ incoming }`, a Worker's bindings). */
export type ProxyHandler = (request: Request, env?: unknown) => Promise<Response>;

/** What a host or a test may swap in. */
export interface ProxyOptions {
  /** Where access lines go; default one JSON line on stdout. */
  logger?: Logger;
  /** Epoch ms for cart tokens, the rate limit and log times; default `Date.now`. */
  now?: () => number;
  /** The fetch used to reach Resmark; default the global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * The client's address from the host (e.g. the socket's), used when the config names no
   * `clientAddressHeader`. Without either, every client shares one rate-limit bucket.
   */
  clientAddress?: (request: Request, env: unknown) => string | undefined;
  /**
   * What instances share (rate limit, per-client holds, resume-link hand-over; `store.ts`).
   * Default a memory store: right for one process only. Several instances (the edge) pass a
   * shared one, or each counts alone.
   */
  store?: ProxyStore;
  /** The HMAC-SHA256 that signs cart tokens; default Web Crypto's (the Node entry passes node:crypto's). */
  hmac?: HmacFactory;
}

/** Builds the proxy for a checked configuration (see `readProxyConfig`). */
export function createProxy(config: ProxyConfig, options: ProxyOptions = {}): ProxyHandler {
  const now = options.now ?? Date.now;
  // Used by the rate limit, the hold limits and the hand-over (issue 10).
  const store = options.store ?? memoryStore({ now });
  const resmark = createResmarkClient({
    environment: config.baseUrl,
    auth: { username: config.username, apiKey: config.apiKey },
    fetch: credentialBackoff(options.fetch ?? ((input, init) => fetch(input, init)), now),
    // Every answer is read whole and checked anyway: ofetch's own work was a tenth of the proxy's
    // CPU per request (issue 10).
    send: fetchSend,
  });

  const header = config.clientAddressHeader;
  // Once per request: the rate limit and the hold limits both ask.
  const keys = new WeakMap<Request, string>();
  const clientKey = (c: Context) => {
    let key = keys.get(c.req.raw);
    if (key !== undefined) return key;
    const peer = options.clientAddress?.(c.req.raw, c.env);
    // The header is believed only from the configured hop: a shopper who reaches the proxy
    // directly would otherwise name any address they like. A host that reports no peer (a
    // Worker) is behind its platform, which sets the header itself.
    const believed = header && (peer === undefined || inRanges(peer, config.trustedProxies));
    // The last entry is the one the trusted hop added; earlier ones are the client's say.
    const forwarded = believed ? c.req.header(header)?.split(',').pop()?.trim() : undefined;
    key = clientKeyOf(forwarded || peer);
    keys.set(c.req.raw, key);
    return key;
  };

  const app = new Hono();
  app.use(accessLog({ logger: options.logger ?? jsonLogger, now }));
  app.use(async function securityHeaders(c, next) {
    await next();
    const headers = c.res.headers;
    // A JSON answer is never to be read as anything else (a script, a page).
    headers.set('x-content-type-options', 'nosniff');
    // Answers differ by Origin (the CORS grant), with or without one: a cache must keep them apart.
    if (!/\borigin\b/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Origin');
    // Carts, orders, tokens and refusals carry personal data or a grant: no cache keeps them. The
    // public catalogue may be kept as before.
    const catalogue = c.req.method === 'GET' && /^\/(?:product|tag)(?:\/|$)/.test(c.req.path);
    if (!(catalogue && c.res.ok) && !headers.has('cache-control'))
      headers.set('cache-control', 'no-store');
  });
  app.use(cors({ allowedOrigins: config.allowedOrigins }));
  // Every answer, refusals too, says whether orders are taken and how they are paid, so the widget
  // can say it before the shopper chooses anything (widget/proxy-protocol.ts).
  app.use(async (c, next) => {
    await next();
    c.res.headers.set(ORDER_POLICY_HEADER, config.orderPolicy);
  });
  app.use(rateLimit({ ...config.rateLimit, clientKey, now, store }));
  const tooLarge = () =>
    errorResponse(
      new ProxyError(413, `The request body is larger than ${config.maxBodyBytes} bytes.`),
    );
  const limitBody = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: tooLarge,
  });
  // A GET or HEAD has no body to limit, and asking for one (`bodyLimit` reads `raw.body`) makes
  // @hono/node-server build the full Request and a web stream over the socket it otherwise
  // avoids. A body with a Content-Length is limited by that header, as `bodyLimit` does (the
  // runtime holds the body to its length), without touching the body: the routes read it once,
  // and check its size again. Only a body without a length is counted as it streams in.
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return parseInt(length, 10) > config.maxBodyBytes ? tooLarge() : next();
    // The limit reads a body without a length itself: one that breaks off or is malformed on the
    // wire (bad chunked framing) is the client's fault, answered and logged as a 400. (An error
    // further in is handled there: Hono catches each layer's own.)
    try {
      return await limitBody(c, next);
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      throw new ProxyError(400, 'The request body could not be read.', {
        cause: error,
        log: 'malformed request body',
      });
    }
  });
  app.route(
    '/',
    proxyRoutes({
      resmark,
      tokens: cartTokens(config.secret, { previous: config.previousSecret, hmac: options.hmac }),
      store,
      holds: holdPolicy(config.holds, store),
      clientKey,
      orderPolicy: config.orderPolicy,
      maxBodyBytes: config.maxBodyBytes,
      now,
      catalog: catalogCache({
        ttlMs: config.catalogCache.seconds * 1000,
        maxEntries: config.catalogCache.maxEntries,
        now,
      }),
    }),
  );
  app.notFound((c) =>
    errorResponse(
      new ProxyError(404, `The checkout proxy has no endpoint ${c.req.method} ${c.req.path}.`),
    ),
  );
  app.onError((error) => errorResponse(error));

  return async (request, env) => app.fetch(request, env);
}
