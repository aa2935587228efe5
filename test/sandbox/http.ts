/** Request reading shared by the sandbox's routes: JSON bodies, paging, lists in the query. */
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { DEFAULT_PAGE_LIMIT } from '../../shared/limits.js';
import { ApiError, invalid } from './errors.js';
import type { User } from './seed.js';

/** Hono environment of the sandbox: Node bindings (absent under `app.fetch`) and the caller. */
export interface SandboxEnv {
  Bindings: HttpBindings;
  Variables: { user: User };
}

/** The request's JSON body; `undefined` when empty. Malformed JSON is a 400 that says why. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `Malformed JSON body: ${(error as Error).message}`);
  }
}

/** The body as an object of fields (an absent body is `{}`); anything else is a 400. */
export async function readObject(c: Context): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'The body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A comma-separated query value as a list (`ids=a,b`); `undefined` when absent or empty. */
export function csv(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return list.length > 0 ? list : undefined;
}

/** Where a page starts and how long it is, by `limit` and the 0-based page index `page`. */
export function pageOf(query: Record<string, string>): { offset: number; limit: number } {
  const limit = wholeNumber(query['limit'], 'limit', DEFAULT_PAGE_LIMIT, 1);
  const page = wholeNumber(query['page'], 'page', 0, 0);
  return { offset: page * limit, limit };
}

/** One page of `list` by `limit` and the 0-based page index `page` (default 50 per page). */
export function paginate<T>(list: readonly T[], query: Record<string, string>): T[] {
  const { offset, limit } = pageOf(query);
  return list.slice(offset, offset + limit);
}

function wholeNumber(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw invalid(`${name} must be a whole number, ${min} or more`, {
      [name]: `Send a whole number, ${min} or more`,
    });
  return n;
}
