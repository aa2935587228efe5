/**
 * End-to-end harness: `npm start`'s services (scripts/services.ts) on test ports, and Debian's
 * Chromium driven by playwright-core. No browser is ever downloaded.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServices, type Services } from '../../scripts/services.js';
import { jsonLogger } from '../../widget/proxy/access-log.js';
import { sandboxCalls } from './sandbox-calls.js';

/** Chromium flags for a closed network: no Google lookups, no background traffic. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** An order as the sandbox answers it (docs/wire.md, "Orders"); only what the tests read. */
export interface SandboxOrder {
  id: string;
  confirmation: number;
  referenceId: string | null;
  status: string;
  customer: Record<string, unknown> | null;
  items: Array<{
    itemId: string;
    productNumber: number;
    pickupDetailId: string | null;
    locationId: string | null;
    locationOther: string | null;
    participantList?: Array<{ tier: string; status: string }>;
  }>;
  total: number;
}

/** A page on the demo site, and what it reported while the test ran. */
export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page (`pageerror`), in order. */
  errors: Error[];
  /** Every console message, as `type: text`. */
  console: string[];
}

/** Options of {@link E2E.open}. */
export interface OpenOptions {
  /** Runs after the page exists and before it loads (install a clock, add routes). */
  beforeLoad?: (page: Page) => Promise<unknown>;
  /** Where to go; `false` stays on `about:blank`. Default the demo's home page. */
  path?: string | false;
  /** Ignore the page's Content-Security-Policy (to inject a test tool such as axe-core). */
  bypassCSP?: boolean;
}

/** Services and a browser for one test file. */
export interface E2E {
  services: Services;
  browser: Browser;
  /**
   * A fresh browser context (its own storage, en-US, UTC, a phone-sized viewport) with a page on
   * the demo site. Contexts are closed by `close()`.
   */
  open(options?: OpenOptions): Promise<OpenPage>;
  /** Calls a sandbox route outside the API (`/__sandbox/...`); fails on a non-2xx answer. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Restores the sandbox's seed, clock and faults. */
  reset(): Promise<void>;
  /** Moves the sandbox clock forward by `ms`. */
  advance(ms: number): Promise<void>;
  /** The sandbox clock, epoch ms. */
  now(): Promise<number>;
  /**
   * Calls the sandbox's API as Canyon Kayak's staff (the operator's back office), logging in
   * again if the token lapsed; answers `data`, fails on a non-2xx answer.
   */
  staff(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Orders in the sandbox, as Canyon Kayak's staff sees them (`GET /order`). */
  orders(query?: string): Promise<SandboxOrder[]>;
  /** Closes every context, the browser and the services. */
  close(): Promise<void>;
}

// The proxy's CORS list names the demo's origin, so its port is known before anything starts:
// a free one unless E2E_DEMO_PORT says, so two runs (or `npm start`) never collide.
async function demoPort(): Promise<number> {
  const fixed = process.env['E2E_DEMO_PORT'];
  if (fixed) return Number(fixed);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts everything; call `close()` in `after`. */
export async function startE2E(): Promise<E2E> {
  let services: Services | undefined;
  let browser: Browser;
  try {
    services = await startServices(
      { sandbox: 0, proxy: 0, demo: await demoPort() },
      {
        // A test clicks faster than a shopper; keep the proxy's per-client limit out of the way.
        rateLimitPerMinute: 100_000,
        // One line per request would bury the test report; E2E_PROXY_LOG=1 shows them.
        proxyLogger: process.env['E2E_PROXY_LOG'] ? jsonLogger : () => undefined,
      },
    );
    browser = await chromium.launch({
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    // A failed start leaves nothing behind: the caller gets no E2E to close.
    await services?.close();
    throw error;
  }
  return connect(services, browser);
}

// The E2E over running services and browser.
function connect(services: Services, browser: Browser): E2E {
  const contexts: BrowserContext[] = [];

  const { control, staff } = sandboxCalls(services.sandboxUrl, services.apiUrl);

  return {
    services,
    browser,
    async open({ beforeLoad, path = '/', bypassCSP = false } = {}) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'en-US',
        timezoneId: 'UTC',
        bypassCSP,
      });
      // Every step here takes well under a second; a broken one should fail in seconds, not 30.
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      const opened: OpenPage = { context, page, errors: [], console: [] };
      page.on('pageerror', (error) => opened.errors.push(error));
      page.on('console', (message) => opened.console.push(`${message.type()}: ${message.text()}`));
      await beforeLoad?.(page);
      if (path !== false) await page.goto(`${services.demoUrl}${path}`);
      return opened;
    },
    control,
    async reset() {
      await control('POST', '/__sandbox/reset');
    },
    async advance(ms) {
      await control('POST', '/__sandbox/clock', { advanceMs: ms });
    },
    async now() {
      return ((await control('GET', '/__sandbox/clock')) as { now: number }).now;
    },
    staff,
    async orders(query = '') {
      return (await staff('GET', `/order?limit=500${query}`)) as SandboxOrder[];
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await services.close();
    },
  };
}
