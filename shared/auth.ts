/**
 * How the client proves who it is: a Resmark user's API key exchanged for a 24-hour bearer token
 * (Getting Started, "Authentication"), or headers from someone else (the widget's proxy).
 */
import * as z from 'zod/mini';
import { TOKEN_LIFETIME_MS, TOKEN_RENEW_MARGIN_MS } from './limits.js';
import { someStr } from './schema.js';

/** Body of `POST /authenticate`: a user's email (or AlternativeId) and the account's API key. */
export const Credentials = z.object({ username: someStr, apikey: someStr });
/** Body of `POST /authenticate`. */
export type Credentials = z.infer<typeof Credentials>;

/** Answer of `POST /authenticate`: the token itself, as raw text (not an envelope). */
export const Token = someStr;

/** A bearer token and the moment (epoch ms) its 24 hours run out. */
export interface IssuedToken {
  value: string;
  expiresAt: number;
}

/**
 * How a client authenticates: a user's API key (the client fetches and renews the token itself),
 * or a function giving the headers to send (a proxy's cart token; no re-authentication on 401).
 * With a key, `token` is one issued earlier (kept by the caller, e.g. across a side panel's
 * closes) to use until it is due, and `onToken` hears of every token issued, to keep it.
 */
export type ResmarkAuth =
  | {
      username: string;
      apiKey: string;
      token?: IssuedToken | undefined;
      onToken?: ((token: IssuedToken) => void) | undefined;
    }
  | { headers: () => Record<string, string> | Promise<Record<string, string>> };

/** What the request loop asks of an auth strategy. */
export interface AuthSession {
  /** The headers for the next request. */
  headers(): Promise<Record<string, string>>;
  /** Replaces the credentials that `used` carried after a 401; absent when nothing can be renewed. */
  renew?(used: Record<string, string>): Promise<void>;
}

/**
 * A cached bearer token, renewed `TOKEN_RENEW_MARGIN_MS` before its 24 hours run out and after a 401.
 * Every caller waiting for a token shares one `authenticate` (single flight). It may start from a
 * token issued earlier (`options.token`), and tells `options.onToken` of each one it gets.
 */
export function tokenSession(
  authenticate: () => Promise<string>,
  now: () => number,
  options: {
    token?: IssuedToken | undefined;
    onToken?: ((token: IssuedToken) => void) | undefined;
  } = {},
): AuthSession {
  let token: string | undefined = options.token?.value;
  let expiresAt = options.token?.expiresAt ?? 0;
  let pending: Promise<string> | undefined;
  const fresh = () =>
    (pending ??= authenticate()
      .then((value) => {
        token = value;
        expiresAt = now() + TOKEN_LIFETIME_MS;
        options.onToken?.({ value, expiresAt });
        return value;
      })
      .finally(() => {
        pending = undefined;
      }));
  const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
  return {
    async headers() {
      return bearer(
        token !== undefined && now() < expiresAt - TOKEN_RENEW_MARGIN_MS ? token : await fresh(),
      );
    },
    async renew(used) {
      // Only the first 401 for a token authenticates again; the others wait for, or reuse, its result.
      if (token === undefined || bearer(token).Authorization === used['Authorization']) {
        token = undefined;
        await fresh();
      }
    },
  };
}

/** Headers from the caller, as they are: nothing to renew. */
export const headerSession = (
  headers: () => Record<string, string> | Promise<Record<string, string>>,
): AuthSession => ({
  headers: async () => headers(),
});
