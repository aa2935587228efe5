/**
 * End-to-end harness: `npm start`'s services (scripts/services.ts) on test ports, and Debian's
 * Chromium driven by playwright-core. No browser is ever downloaded.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServices, type Services } from '../../scripts/services.js';

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

/** The demo's port in end-to-end runs: fixed (the proxy's CORS list names it), apart from npm start's. */
export const E2E_DEMO_PORT = Number(process.env['E2E_DEMO_PORT'] ?? 4100);

/** Services and a browser for one test file. */
export interface E2E {
  services: Services;
  browser: Browser;
  /** A fresh browser context (its own storage) with a page on the demo site. */
  open(path?: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Calls the sandbox's control and API routes directly, as the operator's back office would. */
  sandbox(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Orders in the sandbox, as Canyon Kayak's staff sees them (`GET /order`). */
  orders(query?: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** Starts everything; call `close()` in `after`. */
export async function startE2E(): Promise<E2E> {
  const services = await startServices(
    { sandbox: 0, proxy: 0, demo: E2E_DEMO_PORT },
    // A test clicks faster than a shopper; keep the proxy's per-client limit out of the way.
    { rateLimitPerMinute: 100_000 },
  );
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  let token: string | undefined;

  async function sandbox(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${services.sandboxUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  }

  return {
    services,
    browser,
    async open(path = '/') {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error));
      await page.goto(`${services.demoUrl}${path}`);
      return { context, page };
    },
    sandbox,
    async orders(query = '') {
      token ??= (await sandbox('POST', '/public/api/authenticate', {
        username: 'staff@canyon-kayak.test',
        apikey: 'sandbox-operator-key',
      })) as string;
      const answer = (await sandbox('GET', `/public/api/order?limit=500${query}`)) as {
        data: Array<Record<string, unknown>>;
      };
      return answer.data;
    },
    async close() {
      await browser.close();
      await services.close();
    },
  };
}
