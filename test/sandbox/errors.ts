/** The one error the sandbox's handlers throw; the app turns it into the documented envelope. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A refusal with its HTTP status, `errorMessage` and `detail` (docs/wire.md, "Envelope"). The
 * detail goes beside `data`, never in it: a failure's `data` is `null`, as real clients rely on.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  /** What a client may act on besides the message (`{ fields }`, `{ promoCode, reason }`). */
  readonly detail: Record<string, unknown> | undefined;
  constructor(status: ContentfulStatusCode, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.detail = detail;
  }
}

/** A 400 naming the fields at fault, so a form can mark them (docs/wire.md, "Envelope"). */
export function invalid(message: string, fields: Record<string, string>): ApiError {
  return new ApiError(400, message, { fields });
}

/**
 * A failure's body: `data` is `null` and the detail, if any, sits beside it. A client that takes
 * "`data` is an object" for success (the C# migration tool in docs/wire.md, "Envelope") must not
 * mistake a refusal for one.
 */
export function failure(errorMessage: string, detail?: Record<string, unknown>) {
  return detail === undefined ? { errorMessage, data: null } : { errorMessage, data: null, detail };
}
