/**
 * The agent's Resmark session: sign in with a username and API key (`POST /authenticate` through
 * `shared/`), keep the 24-hour token in `storage.session` so the panel reopens signed in, renew it as
 * the core does when the key was remembered, and otherwise ask for the key again when it runs out.
 */
import { ENVIRONMENTS, createResmarkClient, type ResmarkClient } from '../../shared/client.js';
import { ResmarkError } from '../../shared/errors.js';
import { TOKEN_RENEW_MARGIN_MS } from '../../shared/limits.js';
import { signInText } from '../strings.js';
import {
  agentSession,
  forgetEverything,
  rememberedKey,
  type StoredSession,
} from '../utils/storage.js';
import { hostOf } from './host-permission.js';

/** Resmark's own test copy on this computer, as `npm run sandbox` starts it. */
export const LOCAL_SANDBOX = 'http://127.0.0.1:4010/public/api';

/** The base URL of an environment: `'production'`, `'sandbox'`, or a URL as typed. */
export function baseUrlOf(environment: string): string {
  return (
    ENVIRONMENTS[environment as keyof typeof ENVIRONMENTS] ?? environment.trim().replace(/\/+$/, '')
  );
}

/** The environment a base URL is: `'production'` or `'sandbox'` for Resmark's, else the URL. */
export function environmentOf(baseUrl: string): string {
  const found = Object.entries(ENVIRONMENTS).find(([, url]) => url === baseUrl);
  return found ? found[0] : baseUrl;
}

/**
 * Whether `url` may be a base URL: https, or http on this computer (a local sandbox). An API key
 * must not cross the network in the clear, and the pages' CSP only lets these through.
 */
export function isAcceptableBaseUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === 'https:' ||
      (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname))
    );
  } catch {
    return false;
  }
}

/** What the agent typed on the sign-in form. */
export interface SignInRequest {
  baseUrl: string;
  username: string;
  apiKey: string;
  /** Keep the key in `storage.local`, to renew the token without asking. */
  remember: boolean;
}

/** Why a sign-in did not happen (or a session ended): each has its own message. */
export type SignInProblem =
  | 'credentials'
  | 'unreachable'
  | 'not-resmark'
  | 'unavailable'
  | 'no-agency'
  | 'permission'
  | 'revoked'
  | 'expired'
  | 'unexpected';

/** A sign-in refused by the extension itself (no agency, no permission). */
export class SignInError extends Error {
  override name = 'SignInError';
  readonly problem: SignInProblem;
  constructor(problem: SignInProblem, options?: { cause?: unknown }) {
    super(problem, options);
    this.problem = problem;
  }
}

/** What went wrong, from whatever a sign-in threw. */
export function problemOf(error: unknown): SignInProblem {
  if (error instanceof SignInError) return error.problem;
  if (!(error instanceof ResmarkError)) return 'unexpected';
  if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
  // Resmark answers the same 401 for an unknown user and a wrong key (docs/wire.md, Authenticate).
  if (error.status === 401)
    return error.endpoint === 'POST /authenticate' ? 'credentials' : 'expired';
  if (error.status === 429 || (error.status !== undefined && error.status >= 500))
    return 'unavailable';
  if (error.kind === 'input') return 'credentials';
  // A 404, an HTML page, a JSON of another shape: the URL is not a Resmark API.
  return 'not-resmark';
}

/** The message for `problem` about `baseUrl` and `username`. */
export function problemMessage(problem: SignInProblem, baseUrl: string, username: string): string {
  const host = hostOf(baseUrl);
  switch (problem) {
    case 'credentials':
      return signInText.credentials;
    case 'unreachable':
      return signInText.unreachable(host);
    case 'not-resmark':
      return signInText.notResmark(host);
    case 'unavailable':
      return signInText.unavailable(host);
    case 'no-agency':
      return signInText.noAgency(username);
    case 'permission':
      return signInText.permission(host);
    case 'revoked':
      return signInText.revoked(host);
    case 'expired':
      return signInText.expired;
    case 'unexpected':
      return signInText.unexpected;
  }
}

/** A signed-in agent: what was stored, and the client to call Resmark with as them. */
export interface SignedIn {
  session: StoredSession;
  client: ResmarkClient;
  /** The key is remembered: the token renews itself. */
  remembered: boolean;
}

/** What the panel finds when it opens. */
export type Restored =
  | { signedIn: SignedIn }
  | {
      signedIn?: undefined;
      /** The last sign-in's, to fill the form again. */
      username?: string;
      baseUrl?: string;
      /** Why the agent must sign in again, when they were signed in before. */
      problem?: SignInProblem;
    };

/** Options of {@link AgentSession}. */
export interface AgentSessionOptions {
  /** The fetch the clients use; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** The clock (epoch ms). */
  now?: () => number;
  /**
   * The token ran out and cannot be renewed (the key was not remembered, or Resmark refused it):
   * the agent must sign in again. Called once per client.
   */
  onExpired?: (session: StoredSession) => void;
}

/** Signs the agent in and out, and makes the clients that call Resmark as them. */
export class AgentSession {
  readonly #fetch: typeof globalThis.fetch | undefined;
  readonly #now: () => number;
  /** Set by the panel: who hears that the session ended. */
  onExpired: ((session: StoredSession) => void) | undefined;

  constructor(options: AgentSessionOptions = {}) {
    this.#fetch = options.fetch;
    this.#now = options.now ?? Date.now;
    this.onExpired = options.onExpired;
  }

  /**
   * Authenticates at once, then reads the agent's agencies (`GET /agency/{userId}`). Throws a
   * `SignInError` `no-agency` for a user of no agency, or the client's `ResmarkError`
   * ({@link problemOf} names it). Nothing is stored unless it succeeds.
   */
  async signIn(request: SignInRequest): Promise<SignedIn> {
    const username = request.username.trim();
    let token: { value: string; expiresAt: number } | undefined;
    const client = createResmarkClient({
      environment: request.baseUrl,
      auth: { username, apiKey: request.apiKey, onToken: (issued) => (token = issued) },
      ...this.#transport(),
    });
    const agencies = await client.agency.forUser(username);
    if (agencies.length === 0) throw new SignInError('no-agency');
    if (!token) throw new SignInError('unexpected');
    const session: StoredSession = {
      baseUrl: request.baseUrl,
      username,
      token: token.value,
      expiresAt: token.expiresAt,
      agencies,
    };
    await Promise.all([
      agentSession.setValue(session),
      rememberedKey.setValue(
        request.remember ? { baseUrl: request.baseUrl, username, apiKey: request.apiKey } : null,
      ),
    ]);
    return this.#open(session, request.remember ? request.apiKey : undefined);
  }

  /**
   * The stored sign-in: signed in while its token lasts, or for as long as the key is remembered
   * (after a browser restart too, by signing in again with it); else what the form should show.
   */
  async restore(): Promise<Restored> {
    const [session, key] = await Promise.all([agentSession.getValue(), rememberedKey.getValue()]);
    const keyFits = (s: StoredSession) =>
      key !== null && key.baseUrl === s.baseUrl && key.username === s.username;
    if (session) {
      if (keyFits(session)) return { signedIn: this.#open(session, key!.apiKey) };
      if (this.#now() < session.expiresAt - TOKEN_RENEW_MARGIN_MS)
        return { signedIn: this.#open(session, undefined) };
      return { username: session.username, baseUrl: session.baseUrl, problem: 'expired' };
    }
    if (!key) return {};
    try {
      return { signedIn: await this.signIn({ ...key, remember: true }) };
    } catch (error) {
      return { username: key.username, baseUrl: key.baseUrl, problem: problemOf(error) };
    }
  }

  /** Forgets everything the extension stored: session, key, settings, suppliers, carts. */
  async signOut(): Promise<void> {
    await forgetEverything();
  }

  #transport() {
    return {
      now: this.#now,
      ...(this.#fetch ? { fetch: this.#fetch } : {}),
    };
  }

  /** The client for a stored session: renewing with the key, or ending with the token. */
  #open(session: StoredSession, apiKey: string | undefined): SignedIn {
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.onExpired?.(session);
    };
    const client = apiKey
      ? createResmarkClient({
          environment: session.baseUrl,
          auth: {
            username: session.username,
            apiKey,
            token: { value: session.token, expiresAt: session.expiresAt },
            onToken: (issued) => {
              session.token = issued.value;
              session.expiresAt = issued.expiresAt;
              void agentSession.setValue({ ...session });
            },
          },
          // A refused key (changed or revoked since) ends the session like a lapsed token.
          onResponse: ({ endpoint, response }) => {
            if (endpoint === 'POST /authenticate' && response.status === 401) end();
          },
          ...this.#transport(),
        })
      : createResmarkClient({
          environment: session.baseUrl,
          auth: {
            headers: () => {
              if (this.#now() >= session.expiresAt - TOKEN_RENEW_MARGIN_MS) {
                end();
                throw new ResmarkError('http', signInText.expired, { status: 401 });
              }
              return { Authorization: `Bearer ${session.token}` };
            },
          },
          onResponse: ({ response }) => {
            if (response.status === 401) end();
          },
          ...this.#transport(),
        });
    return { session, client, remembered: apiKey !== undefined };
  }
}
