/**
 * The one error `shared/` throws (a caller's own abort excepted: that stays the `AbortError` it is).
 */

/** What went wrong, in the words a caller branches on. */
export type ResmarkErrorKind = 'network' | 'timeout' | 'http' | 'api' | 'response' | 'input';

/** Everything a {@link ResmarkError} may carry besides its kind and message. */
export interface ResmarkErrorOptions {
  status?: number | undefined;
  endpoint?: string | undefined;
  fields?: Record<string, string> | undefined;
  data?: unknown;
  detail?: unknown;
  cause?: unknown;
}

/** The one error `shared/` throws. Callers branch on `kind`, never on status codes or message text. */
export class ResmarkError extends Error {
  override name = 'ResmarkError';
  /** network | timeout | http (a status, no envelope) | api (a non-null errorMessage) | response (shape) | input (before sending) */
  readonly kind: ResmarkErrorKind;
  /** The HTTP status, when Resmark answered. */
  readonly status?: number;
  /** Method and path template, e.g. `POST /cart/{id}/item`. */
  readonly endpoint?: string;
  /** Invalid fields by name: input errors, and 400s whose envelope's `detail.fields` names them. */
  readonly fields?: Record<string, string>;
  /**
   * The body's `data`: of an `api` error that is `null` (docs/wire.md, Envelope); of an `http` or
   * `response` error, the whole body as it came.
   */
  readonly data?: unknown;
  /** The `detail` beside an `api` error's `errorMessage` (e.g. `{ promoCode, reason }`). */
  readonly detail?: unknown;

  constructor(kind: ResmarkErrorKind, message: string, options: ResmarkErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.endpoint = options.endpoint;
    this.fields = options.fields;
    this.data = options.data;
    this.detail = options.detail;
  }
}
