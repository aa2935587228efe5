/**
 * The proxy's refusals, and the one place that turns any error (ours or a `ResmarkError` from
 * upstream) into a Response in the Resmark envelope.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ResmarkError } from '../../shared/errors.js';
import { redact } from './redact.js';

/**
 * A refusal by the proxy itself: its status, the message the shopper's widget shows, and the
 * `detail` that goes beside the envelope's null `data` (docs/wire.md, Envelope).
 */
export class ProxyError extends Error {
  override name = 'ProxyError';
  readonly status: ContentfulStatusCode;
  readonly detail: unknown;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    message: string,
    options: { detail?: unknown; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.detail = options.detail ?? null;
    this.headers = options.headers ?? {};
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
// Shared by every answer without extra headers: the Response copies it, nothing writes to it.
const JSON_HEADERS: Record<string, string> = { 'content-type': JSON_TYPE };

/** A response with JSON text that is already serialised (and redacted where it must be). */
export const jsonResponse = (status: number, text: string, headers?: Record<string, string>) =>
  new Response(text, {
    status,
    headers: headers === undefined ? JSON_HEADERS : { 'content-type': JSON_TYPE, ...headers },
  });

/**
 * A refusal in the Resmark envelope, as the sandbox answers one: `data` null, and `detail` beside
 * it when there is one, so a client that takes an object `data` for success is not fooled.
 */
export const refusalResponse = (
  status: number,
  errorMessage: string,
  detail: unknown,
  headers?: Record<string, string>,
) =>
  jsonResponse(
    status,
    JSON.stringify(
      detail === null || detail === undefined
        ? { errorMessage, data: null }
        : { errorMessage, data: null, detail },
    ),
    headers,
  );

/** What went wrong upstream, as the shopper's side may see it. */
function fromResmark(error: ResmarkError): ProxyError {
  const status = error.status ?? 0;
  switch (error.kind) {
    case 'input':
      // The shared client refused the shopper's input before sending: their request was wrong.
      return new ProxyError(400, error.message, { detail: { fields: error.fields ?? {} } });
    case 'timeout':
      return new ProxyError(504, 'The booking service did not answer in time: try again.');
    case 'network':
    case 'response':
      return new ProxyError(502, 'The booking service could not be reached: try again shortly.');
    default:
      break;
  }
  // Still 401 after the shared client authenticated again: the proxy's own credentials are wrong.
  // The shopper's widget must not read that as "your cart token is bad".
  if (status === 401 || status >= 500 || status < 400)
    return new ProxyError(502, 'The booking service is unavailable: try again shortly.');
  if (status === 429)
    return new ProxyError(503, 'The booking service is busy: try again in a moment.', {
      headers: { 'retry-after': '5' },
    });
  return new ProxyError(status as ContentfulStatusCode, error.message, {
    detail: redact(error.detail ?? null),
  });
}

/** Turns any thrown value into the envelope Response the widget reads. */
export function errorResponse(error: unknown): Response {
  const refusal =
    error instanceof ProxyError
      ? error
      : error instanceof ResmarkError
        ? fromResmark(error)
        : new ProxyError(500, 'The checkout proxy failed: try again shortly.', { cause: error });
  return refusalResponse(refusal.status, refusal.message, refusal.detail, refusal.headers);
}
