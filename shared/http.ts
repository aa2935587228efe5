/**
 * The request loop under every endpoint: auth headers, envelope, retries, timeout and abort, and
 * the one place where fetch failures and zod issues become a {@link ResmarkError}. What goes on
 * the wire is a {@link Send}'s: ofetch's (send-ofetch.ts, every client's default) or a plain
 * fetch's (send-fetch.ts, for the widget's bundle and the proxy's CPU).
 */
import type * as z from 'zod/mini';
import type { AuthSession } from './auth.js';
import { ResmarkError } from './errors.js';
import { describeIssue, fieldsOf, isRecord } from './schema.js';
import type { Checks, Data, Endpoint } from './schemas.js';

/** What every endpoint function takes last. */
export interface RequestOptions {
  /** Cancels the request; the call then rejects with this signal's reason (an `AbortError`). */
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this request (per attempt). */
  timeoutMs?: number | undefined;
}

/** How an endpoint function describes its request to {@link Call}. */
export interface CallRequest {
  query?: Record<string, unknown> | undefined;
  body?: Record<string, unknown> | undefined;
  /** The response is not wrapped in `{ errorMessage, data }` (authenticate, renew). */
  bare?: boolean;
  /** Sent without auth headers (authenticate itself). */
  anonymous?: boolean;
}

/**
 * Sends one endpoint's request and returns its parsed `data`. `endpoint` is the method and path
 * template (`POST /cart/{id}/item`), which also names its input's and answer's schemas
 * (shared/schemas.ts); `params` fill the template's `{…}` in order.
 */
export type Call = <E extends Endpoint>(
  endpoint: E,
  params: readonly (string | number)[],
  request?: CallRequest,
  options?: RequestOptions,
) => Promise<Data<E>>;

/**
 * An answer as the request loop reads it: whole, its body parsed (JSON, else the text). Named as
 * ofetch names its own response's fields, so that one is an Answer as it comes.
 */
export interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  /** The parsed body; `undefined` when there is none. */
  _data?: unknown;
}

/** One request as the loop hands it to a {@link Send}: the path is below the base URL. */
export interface SendInit {
  method: string;
  query?: Record<string, string> | undefined;
  /** Sent as JSON. */
  body?: Record<string, unknown> | undefined;
  headers?: Record<string, string> | undefined;
  signal: AbortSignal;
}

/**
 * Sends one request and reads its whole answer; rejects only when no answer came (a network
 * failure, or the signal's reason). Everything else (statuses, envelopes, retries) is the loop's.
 */
export type Send = (path: string, init: SendInit) => Promise<Answer>;

/** Makes the {@link Send} for a base URL over a fetch (default the global one). */
export type SendFactory = (baseURL: string, fetch?: typeof globalThis.fetch) => Send;

/** What {@link createCall} needs; `createResmarkClient` fills the defaults. */
export interface TransportOptions {
  send: Send;
  /**
   * What inputs and answers are checked with (`CHECKS` of shared/schemas.ts). Without it nothing
   * is: only for a transport whose other end checks both with these same schemas (the widget's,
   * behind the proxy). An answer must then still be an envelope.
   */
  checks?: Checks | undefined;
  session: AuthSession | undefined;
  timeoutMs: number;
  retry: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  onResponse: ((info: { endpoint: string; response: Answer }) => void) | undefined;
}

// The statuses that say "nothing was done, try later": 429 Too Many Requests, 502 Bad Gateway,
// 503 Service Unavailable, 504 Gateway Timeout.
const RETRY_STATUSES = [429, 502, 503, 504];
const BACKOFF_MS = 300;
const MAX_BACKOFF_MS = 5_000;
// A Retry-After longer than this is a "come back later", not a hiccup: the caller decides.
const MAX_RETRY_AFTER_MS = 10_000;

/** How long one attempt may take, and how many times a safe request is repeated, by default. */
export const CLIENT_DEFAULTS = { timeoutMs: 15_000, retry: 2 } as const;

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** The error for input refused before sending; `fields` name what to fix. */
export const inputError = (endpoint: string, fields: Record<string, string>, cause?: unknown) =>
  new ResmarkError('input', `${Object.values(fields).join('; ')}.`, { endpoint, fields, cause });

/** Parses a caller's input to `endpoint`, or throws an `input` error naming every invalid field. */
export function checkInput<S extends z.ZodMiniType>(
  endpoint: string,
  schema: S,
  value: unknown,
): z.infer<S> {
  const result = schema.safeParse(value, { error: describeIssue });
  if (!result.success) throw inputError(endpoint, fieldsOf(result.error.issues), result.error);
  return result.data;
}

// Every value as text; csv parameters go as one comma-joined value (an array's text): a query
// builder would repeat the key for an array.
function toQuery(query: Record<string, unknown>) {
  const texts: Record<string, string> = {};
  for (const key in query)
    if (query[key] !== undefined)
      texts[key] = `${query[key] as string | number | boolean | string[]}`;
  return texts;
}

/** The error a response carries, or `undefined` when it is a success. */
function errorOf(endpoint: string, response: Answer): ResmarkError | undefined {
  const { status, _data: body } = response;
  // A non-null errorMessage is the failure signal, whatever the status (docs/wire.md, Envelope).
  if (isRecord(body) && body['errorMessage'] != null) {
    // The detail sits beside `data`, which a failure leaves null (docs/wire.md, Envelope).
    const detail = body['detail'];
    const fields = isRecord(detail) && isRecord(detail['fields']) ? detail['fields'] : undefined;
    return new ResmarkError('api', String(body['errorMessage']), {
      status,
      endpoint,
      data: body['data'],
      detail,
      fields: fields as Record<string, string> | undefined,
    });
  }
  if (response.ok) return undefined;
  return new ResmarkError(
    'http',
    `Resmark answered ${endpoint} with HTTP ${status}: ${status === 429 || status >= 500 ? 'try again in a moment' : 'check the request and the credentials'}.`,
    { status, endpoint, data: body },
  );
}

/** Builds the {@link Call} every endpoint group uses. */
export function createCall(options: TransportOptions): Call {
  /** One attempt, bounded by the timeout and the caller's signal. */
  async function send(
    endpoint: string,
    path: string,
    init: Omit<SendInit, 'headers' | 'signal'>,
    headers: Record<string, string> | undefined,
    { signal, timeoutMs = options.timeoutMs }: RequestOptions,
  ): Promise<Answer> {
    signal?.throwIfAborted();
    // One controller that both the caller's signal and our timer abort, each with its own
    // reason: AbortSignal.any would do the same, but not in every runtime shared/ runs in.
    const controller = new AbortController();
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward);
    const timer = setTimeout(
      () =>
        controller.abort(
          new ResmarkError(
            'timeout',
            `Resmark did not answer ${endpoint} within ${timeoutMs / 1000} s: try again.`,
            { endpoint },
          ),
        ),
      timeoutMs,
    );
    try {
      return await options.send(path, { ...init, headers, signal: controller.signal });
    } catch (error) {
      // The caller's own abort surfaces as the AbortError it is; our timer's as a timeout.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new ResmarkError(
        'network',
        `Could not reach Resmark for ${endpoint}: check the connection and try again.`,
        { endpoint, cause: error },
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  /** How long to wait before attempt `attempt + 1`, or `undefined` to give up. */
  function retryDelay(attempt: number, response: Answer | undefined): number | undefined {
    if (response && !RETRY_STATUSES.includes(response.status)) return undefined;
    const header = response?.status === 429 ? response.headers.get('retry-after') : null;
    if (header) {
      const ms = /^\d+$/.test(header.trim())
        ? Number(header) * 1000
        : Date.parse(header) - options.now();
      if (ms > MAX_RETRY_AFTER_MS) return undefined;
      if (ms >= 0) return ms;
    }
    // Exponential backoff with full jitter, so many clients do not come back at once.
    return options.random() * Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** attempt);
  }

  /** `data` of an answer as its schema (and the envelope) let it through, or a `response` error. */
  function parsed(endpoint: Endpoint, response: Answer, bare: boolean): unknown {
    const { checks } = options;
    const schema = checks?.answers[endpoint];
    const unexpected = (issues: string, cause?: unknown) =>
      new ResmarkError('response', `Unexpected answer to ${endpoint}: ${issues}.`, {
        status: response.status,
        endpoint,
        data: response._data,
        cause,
      });
    if (!checks || !schema) {
      // Unchecked (behind the proxy, which checked it): an envelope is still required, so a page
      // that is not the proxy (a wrong URL answering HTML) fails here, not in the caller.
      if (bare) return response._data;
      if (!isRecord(response._data) || !('data' in response._data))
        throw unexpected('not an envelope');
      return response._data['data'];
    }
    const result = schema.safeParse(response._data, {
      error: describeIssue,
    });
    if (!result.success)
      throw unexpected(
        Object.values(fieldsOf(result.error.issues, 'expected')).slice(0, 3).join('; '),
        result.error,
      );
    return bare ? result.data : (result.data as { data: unknown }).data;
  }

  return async function call<E extends Endpoint>(
    endpoint: E,
    params: readonly (string | number)[],
    request: CallRequest = {},
    requestOptions: RequestOptions = {},
  ): Promise<Data<E>> {
    const [method = 'GET', template = ''] = endpoint.split(' ');
    let index = 0;
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = String(params[index++] ?? '');
      // An empty id would turn `GET /cart/{id}` into `GET /cart/`, another endpoint.
      if (!value) throw inputError(endpoint, { [name]: `Enter ${name}` });
      return encodeURIComponent(value);
    });
    let { query, body } = request;
    const input = options.checks?.inputs[endpoint];
    if (input) {
      // Send what the schema let through: unknown keys stripped, as the caller would expect.
      const checked = checkInput(endpoint, input, query ?? body) as Record<string, unknown>;
      if (query) query = checked;
      else body = checked;
    }
    const init = { method, query: query && toQuery(query), body };
    const session = request.anonymous ? undefined : options.session;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const headers = await session?.headers();
      let response: Answer | undefined;
      let failure: ResmarkError | undefined;
      try {
        response = await send(endpoint, path, init, headers, requestOptions);
      } catch (error) {
        if (!(error instanceof ResmarkError && error.kind === 'network')) throw error;
        failure = error;
      }
      if (response) {
        options.onResponse?.({ endpoint, response });
        if (response.status === 401 && session?.renew && headers && !renewed) {
          // A 401 means Resmark refused the request before doing anything, so sending it once
          // more with a fresh token is safe even for a write: it cannot double a booking.
          renewed = true;
          await session.renew(headers);
          attempt--;
          continue;
        }
        failure = errorOf(endpoint, response);
        if (!failure) return parsed(endpoint, response, request.bare === true) as Data<E>;
      }
      // Only a GET is repeated: a write that failed on the way may still have happened.
      const wait =
        method === 'GET' && attempt < options.retry ? retryDelay(attempt, response) : undefined;
      if (wait === undefined) throw failure;
      await options.sleep(wait, requestOptions.signal);
      requestOptions.signal?.throwIfAborted();
    }
  };
}
