/**
 * Injected faults (`POST /__sandbox/faults`): slow answers, error statuses and lost responses for
 * the next matching requests, so clients' timeouts, retries and "never double a booking" can be
 * tested against a real server.
 */
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { invalid } from './errors.js';
import type { SandboxState } from './state.js';

/** One fault, applied to the next `times` requests that match `method` and `path`. */
export interface Fault {
  method?: string;
  /** Under `/public/api`: exact, or a prefix when it ends with `*`. */
  path?: string;
  times: number;
  latencyMs?: number;
  status?: ContentfulStatusCode;
  retryAfterSeconds?: number;
  dropResponse?: boolean;
}

const BASE = '/public/api';

/** Thrown to make `app.fetch` reject when there is no socket to destroy (no Node server). */
export class DroppedResponse extends Error {
  override name = 'DroppedResponse';
}

/** Reads the faults body: `{ faults: [...] }` or a single fault object. */
export function parseFaults(body: unknown): Fault[] {
  const list =
    typeof body === 'object' && body !== null && 'faults' in body
      ? (body as { faults: unknown }).faults
      : [body];
  if (!Array.isArray(list)) throw invalid('faults must be an array', { faults: 'Send an array' });
  return list.map((raw, i) => {
    const where = `faults[${i}]`;
    if (typeof raw !== 'object' || raw === null)
      throw invalid(`${where} must be an object`, { [where]: 'Send an object' });
    const f = raw as Record<string, unknown>;
    const check = (key: string, ok: boolean, hint: string) => {
      if (f[key] !== undefined && !ok)
        throw invalid(`${where}.${key}: ${hint}`, { [`${where}.${key}`]: hint });
    };
    const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
    check('method', typeof f['method'] === 'string', 'an HTTP method like POST');
    check(
      'path',
      typeof f['path'] === 'string' && f['path'].startsWith('/'),
      'a path under /public/api, like /order',
    );
    check('times', isCount(f['times']) && (f['times'] as number) > 0, 'a whole number above 0');
    check('latencyMs', isCount(f['latencyMs']), 'whole milliseconds, 0 or more');
    check(
      'status',
      Number.isSafeInteger(f['status']) &&
        (f['status'] as number) >= 400 &&
        (f['status'] as number) <= 599,
      'an error status, 400 to 599',
    );
    check('retryAfterSeconds', isCount(f['retryAfterSeconds']), 'whole seconds, 0 or more');
    check('dropResponse', typeof f['dropResponse'] === 'boolean', 'true or false');
    const fault: Fault = { times: (f['times'] as number | undefined) ?? 1 };
    if (f['method'] !== undefined) fault.method = (f['method'] as string).toUpperCase();
    if (f['path'] !== undefined) fault.path = f['path'] as string;
    if (f['latencyMs'] !== undefined) fault.latencyMs = f['latencyMs'] as number;
    if (f['status'] !== undefined) fault.status = f['status'] as ContentfulStatusCode;
    if (f['retryAfterSeconds'] !== undefined)
      fault.retryAfterSeconds = f['retryAfterSeconds'] as number;
    if (f['dropResponse'] !== undefined) fault.dropResponse = f['dropResponse'] as boolean;
    return fault;
  });
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method !== method) return false;
  if (fault.path === undefined) return true;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

/** Applies the first fault that matches a request under `/public/api`, and uses it up. */
export function faultInjector(state: SandboxState): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async function faultInjector(c, next) {
    if (state.faults.length === 0) return next();
    const path = c.req.path.slice(BASE.length) || '/';
    const index = state.faults.findIndex((f) => matches(f, c.req.method, path));
    if (index < 0) return next();
    const fault = state.faults[index]!;
    if (--fault.times <= 0) state.faults.splice(index, 1);

    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.status !== undefined) {
      if (fault.retryAfterSeconds !== undefined)
        c.header('Retry-After', String(fault.retryAfterSeconds));
      return c.json(
        { errorMessage: `Sandbox fault: answering ${fault.status} as asked`, data: null },
        fault.status,
      );
    }
    await next();
    if (fault.dropResponse) {
      // c.env is undefined when the app is called through app.fetch without a Node server.
      const socket = c.env?.incoming?.socket;
      if (!socket) throw new DroppedResponse('Sandbox fault: response dropped');
      socket.destroy();
    }
  };
}
