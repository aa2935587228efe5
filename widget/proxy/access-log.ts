/**
 * One JSON line per request: method, route template, status, duration. Never a path's values, a
 * query string, a header or a body: ids, tokens, e-mails and names stay out of the logs.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { LOG_HEADER, type LogNote } from './errors.js';

/** One request as the log records it. */
export interface AccessLine {
  time: string;
  method: string;
  /** The route template (`/cart/:id/item`), or `(unmatched)`. */
  route: string;
  status: number;
  ms: number;
  /** A refusal's id, which its answer names too, so a shopper's report finds its line. */
  errorId?: string;
  /** Why a request was refused or failed, in the operator's words (never a value or a token). */
  reason?: string;
}

/** Where log lines go; tests pass a collector. */
export type Logger = (line: AccessLine) => void;

/** The default logger: one JSON line on stdout. */
export const jsonLogger: Logger = (line) => console.log(JSON.stringify(line));

/** Options of {@link accessLog}. */
export interface AccessLogOptions {
  logger: Logger;
  /** Epoch ms, for the line's time. */
  now: () => number;
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);

/** Logs every request once it is answered. */
export function accessLog({ logger, now }: AccessLogOptions): MiddlewareHandler {
  return async function accessLog(c, next) {
    const started = performance.now();
    await next();
    const route = routePath(c);
    const noted = c.res.headers.get(LOG_HEADER);
    // The note is for this line only: it never leaves the proxy.
    if (noted !== null) c.res.headers.delete(LOG_HEADER);
    const note = noted === null ? {} : (JSON.parse(decodeURIComponent(noted)) as LogNote);
    logger({
      time: new Date(now()).toISOString(),
      // An odd method is the caller's text: log that it was odd, not what it said.
      method: KNOWN_METHODS.has(c.req.method) ? c.req.method : 'OTHER',
      route: route && route !== '*' && route !== '/*' ? route : '(unmatched)',
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...note,
    });
  };
}
