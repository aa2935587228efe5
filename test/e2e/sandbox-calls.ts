/**
 * What an end-to-end test asks the local sandbox behind the browser's back: its control routes
 * (`/__sandbox/...`: the clock, faults, reset) and its API as Canyon Kayak's staff, the supplier's
 * back office that sees the orders and inventory a test checks.
 */
import { CREDENTIALS } from '../sandbox/test-data.js';

/** The two ways in, for a sandbox at `sandboxUrl` with its API at `apiUrl`. */
export interface SandboxCalls {
  /** Calls a route outside the API (`/__sandbox/...`); fails on a non-2xx answer. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /**
   * Calls the API as Canyon Kayak's staff, logging in again when the token lapsed (a moved clock
   * ages it); answers `data`, fails on a non-2xx answer.
   */
  staff(method: string, path: string, body?: unknown): Promise<unknown>;
}

async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
}

const send = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** The sandbox's control routes and staff API. */
export function sandboxCalls(sandboxUrl: string, apiUrl: string): SandboxCalls {
  let token: string | undefined;

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await send(`${sandboxUrl}${path}`, method, body);
    const answer = await json(response);
    if (!response.ok)
      throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  async function staff(method: string, path: string, body?: unknown): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      token ??= (await control('POST', '/public/api/authenticate', CREDENTIALS.canyon)) as string;
      const response = await send(`${apiUrl}${path}`, method, body, {
        authorization: `Bearer ${token}`,
      });
      // A moved sandbox clock ages tokens too: log in again once.
      if (response.status === 401 && attempt === 0) {
        token = undefined;
        continue;
      }
      const answer = (await json(response)) as { data?: unknown };
      if (!response.ok)
        throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(answer)}`);
      return answer.data;
    }
  }

  return { control, staff };
}
