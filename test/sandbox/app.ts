/**
 * The local Resmark sandbox as a Hono app: `/public/api` per docs/wire.md, plus test-only control
 * routes under `/__sandbox` that tools and tests rely on.
 */
import { Hono } from 'hono';
import { apiRoutes } from './api.js';
import { createClock } from './clock.js';
import type { SandboxClock } from './clock.js';
import { ApiError, failure } from './errors.js';
import { DroppedResponse, parseFaults } from './faults.js';
import { sandboxImage } from './images.js';
import { readJson } from './http.js';
import type { SandboxEnv } from './http.js';
import { SandboxState } from './state.js';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** Start time: a number freezes the clock there (tests); a function is the time source. */
  now?: number | (() => number);
}

/** A sandbox without a port: `app.fetch` answers requests directly. */
export interface Sandbox {
  app: Hono<SandboxEnv>;
  state: SandboxState;
  clock: SandboxClock;
}

/** Builds a sandbox over fresh seed data. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = createClock(options.now);
  const state = new SandboxState(clock);
  const app = new Hono<SandboxEnv>();

  app.route('/public/api', apiRoutes(state));

  app.get('/__sandbox/clock', (c) => c.json({ now: clock.now() }));
  app.post('/__sandbox/clock', async (c) => {
    const body = (await readJson(c)) as { advanceMs?: unknown } | undefined;
    const ms = body?.advanceMs;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new ApiError(400, 'Send { "advanceMs": <milliseconds, 0 or more> }', {
        fields: { advanceMs: 'Send a number of milliseconds, 0 or more' },
      });
    return c.json({ now: clock.advance(ms) });
  });
  app.get('/__sandbox/images/:file', (c) => {
    const svg = sandboxImage(c.req.param('file'));
    if (!svg) return c.notFound();
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=3600',
    });
  });
  app.post('/__sandbox/reset', (c) => {
    state.reset();
    return c.json({ now: clock.now() });
  });
  app.post('/__sandbox/faults', async (c) => {
    const faults = parseFaults(await readJson(c));
    state.faults.push(...faults);
    return c.json({ faults: state.faults });
  });
  app.delete('/__sandbox/faults', (c) => {
    state.faults = [];
    return c.json({ faults: [] });
  });

  app.notFound((c) => c.json(failure(`No such endpoint: ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json(failure(error.message, error.detail), error.status);
    if (error instanceof DroppedResponse) throw error;
    return c.json(failure(`Sandbox error: ${error.message}`), 500);
  });
  return { app, state, clock };
}
