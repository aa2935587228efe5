/** The one error the sandbox's handlers throw; the app turns it into the documented envelope. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A refusal with its HTTP status, `errorMessage` and `data` (docs/wire.md, "Envelope"). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly data: unknown;
  constructor(status: ContentfulStatusCode, message: string, data: unknown = null) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

/** A 400 naming the fields at fault, so a form can mark them (docs/wire.md, "Envelope"). */
export function invalid(message: string, fields: Record<string, string>): ApiError {
  return new ApiError(400, message, { fields });
}
