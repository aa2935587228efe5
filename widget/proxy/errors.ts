/**
 * The proxy's refusals, and the one place that turns any error (ours or a `ResmarkError` from
 * upstream) into a Response in the Resmark envelope.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CustomerInput } from '../../shared/customer.js';
import { ResmarkError } from '../../shared/errors.js';

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
  /** What the access log says about it: the operator's reason, and the id the answer names. */
  readonly note: LogNote;
  constructor(
    status: ContentfulStatusCode,
    message: string,
    options: {
      detail?: unknown;
      headers?: Record<string, string>;
      cause?: unknown;
      /** The operator's reason, for the log line only. */
      log?: string;
      /** The id the message names, for the log line too. */
      errorId?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.detail = options.detail ?? null;
    this.headers = options.headers ?? {};
    this.note = {
      ...(options.errorId ? { errorId: options.errorId } : {}),
      ...(options.log ? { reason: options.log } : {}),
    };
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

/**
 * An internal header that carries what the access log should say about a refusal (its id, and why
 * in the operator's words). `accessLog` reads it and takes it off before the answer leaves.
 */
export const LOG_HEADER = 'x-resmark-proxy-log';

/** What {@link LOG_HEADER} carries. */
export interface LogNote {
  /** The id the shopper's answer names too. */
  errorId?: string;
  /** Why, for the operator: never a value, a token or upstream text. */
  reason?: string;
}

/** A short random id that a refusal and its log line share. */
export function newErrorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// What Resmark's own refusal means, in the proxy's words: its text is never passed on (it could
// echo anything, a header with the operator's token included).
const UPSTREAM_REFUSALS: Partial<Record<number, string>> = {
  400: 'The booking service refused this request: check it and try again.',
  403: 'The booking service does not allow this.',
  404: 'That is not available (any more).',
  409: 'Those seats are no longer available, or their hold has lapsed.',
};

// A field name is passed on only if the proxy knows it (the documented customer fields and what
// the widget sends): upstream could name anything, an echoed header included. Its message is
// always the proxy's.
const KNOWN_FIELDS = new Set([
  ...Object.keys(CustomerInput.shape),
  'itemId',
  'participants',
  'pickupDetailId',
  'locationId',
  'locationOther',
  'promoCode',
  'id',
  'referenceId',
]);

/** The upstream `fields` a form can act on, with the proxy's own words for each. */
function safeFields(fields: Record<string, string> | undefined): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const name of Object.keys(fields ?? {}))
    if (KNOWN_FIELDS.has(name)) safe[name] = `Check ${name}.`;
  return safe;
}

/** What went wrong upstream, as the shopper's side may see it. */
function fromResmark(error: ResmarkError): ProxyError {
  const status = error.status ?? 0;
  switch (error.kind) {
    case 'input':
      // The shared client refused the shopper's input before sending it: its words are ours (the
      // schemas' messages), about the shopper's own request.
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
    return new ProxyError(502, 'The booking service is unavailable: try again shortly.', {
      log:
        status === 401
          ? 'Resmark refused the proxy’s credentials (RESMARK_USERNAME / RESMARK_API_KEY); ' +
            'asking again only after a back-off'
          : `Resmark answered ${status || error.kind}`,
    });
  if (status === 429)
    return new ProxyError(503, 'The booking service is busy: try again in a moment.', {
      headers: { 'retry-after': '5' },
      log: 'Resmark answered 429 (its rate limit)',
    });
  if (error.endpoint === 'POST /authenticate')
    return new ProxyError(502, 'The booking service is unavailable: try again shortly.', {
      log:
        `Resmark refused the proxy’s credentials with ${status} (RESMARK_USERNAME / ` +
        'RESMARK_API_KEY); asking again only after a back-off',
    });
  const id = newErrorId();
  const fields = safeFields(error.fields);
  return new ProxyError(
    status as ContentfulStatusCode,
    `${UPSTREAM_REFUSALS[status] ?? 'The booking service refused this request.'} (reference ${id})`,
    {
      detail: { errorId: id, ...(Object.keys(fields).length ? { fields } : {}) },
      errorId: id,
      log: `Resmark refused ${error.endpoint ?? 'a request'} with ${status}`,
    },
  );
}

/** Turns any thrown value into the envelope Response the widget reads. */
export function errorResponse(error: unknown): Response {
  let refusal: ProxyError;
  if (error instanceof ProxyError) refusal = error;
  else if (error instanceof ResmarkError) refusal = fromResmark(error);
  else {
    const id = newErrorId();
    refusal = new ProxyError(
      500,
      `The checkout proxy failed: try again shortly (reference ${id}).`,
      {
        cause: error,
        detail: { errorId: id },
        errorId: id,
        log: `unexpected ${error instanceof Error ? error.name : typeof error}`,
      },
    );
  }
  const headers: Record<string, string> = { ...refusal.headers };
  // Percent-encoded: a header value is bytes, and a reason may have any character.
  if (Object.keys(refusal.note).length)
    headers[LOG_HEADER] = encodeURIComponent(JSON.stringify(refusal.note));
  return refusalResponse(refusal.status, refusal.message, refusal.detail, headers);
}
