/** CORS for the configured shop origins only; any other browser origin is refused outright. */
import type { MiddlewareHandler } from 'hono';
import { CART_TOKEN_HEADER, ORDER_POLICY_HEADER, REVIEWED_CART_HEADER } from '../proxy-protocol.js';
import { ProxyError } from './errors.js';

/** Options of {@link cors}. */
export interface CorsOptions {
  /** Exact origins allowed to call the proxy from a browser. */
  allowedOrigins: readonly string[];
  /** How long a browser may cache a preflight, in seconds. */
  maxAgeSeconds?: number;
}

const ALLOW_METHODS = 'GET, POST, PUT, DELETE';
const ALLOW_HEADERS = `Content-Type, ${CART_TOKEN_HEADER}, ${REVIEWED_CART_HEADER}`;
// The widget reads the cart token and the order policy from the answer, and Retry-After after a 429.
const EXPOSE_HEADERS = `${CART_TOKEN_HEADER}, ${ORDER_POLICY_HEADER}, Retry-After`;

/**
 * Grants CORS to `allowedOrigins` (preflight included) and answers 403 to any other `Origin`.
 * A request without `Origin` is not from a cross-origin page (curl, a server): CORS cannot bind
 * those anyway, and the cart token still does.
 */
export function cors({ allowedOrigins, maxAgeSeconds = 600 }: CorsOptions): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async function cors(c, next) {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    if (!allowed.has(origin))
      throw new ProxyError(403, 'This site may not use the checkout: its origin is not allowed.');
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': ALLOW_METHODS,
          'access-control-allow-headers': ALLOW_HEADERS,
          'access-control-max-age': String(maxAgeSeconds),
          vary: 'Origin',
        },
      });
    }
    await next();
    // After next(): refusals made further in are answered here too, so the widget can read them.
    c.res.headers.set('access-control-allow-origin', origin);
    c.res.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
    // Vary: Origin is set on every answer, with an Origin or not (proxy.ts).
  };
}
