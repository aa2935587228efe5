/**
 * What the widget's browser benchmarks share: `npm start`'s services (scripts/services.ts) on
 * benchmark ports, and Debian's Chromium, headless, driven by playwright-core with the end-to-end
 * tests' flags for a closed network. No browser is ever downloaded.
 */
import { chromium, type Browser } from 'playwright-core';
import { startServices, type Services } from '../scripts/services.js';
import { CHROMIUM_ARGS } from '../test/e2e/harness.js';

/**
 * The demo's port for benchmarks: fixed (the proxy's CORS list names it), apart from npm start's
 * 4000 and the end-to-end tests' 4100 so a benchmark can run beside either.
 */
export const BENCH_DEMO_PORT = Number(process.env['BENCH_DEMO_PORT'] ?? 4200);

/** Running services and a browser. */
export interface WidgetBench {
  services: Services;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the widget, starts sandbox → proxy → demo and launches Chromium; `close()` stops all. */
export async function startWidgetBench(): Promise<WidgetBench> {
  const services = await startServices(
    { sandbox: 0, proxy: 0, demo: BENCH_DEMO_PORT },
    // Dozens of page loads from one address in a minute: the per-client limit is not measured here.
    { rateLimitPerMinute: 100_000, proxyLogger: () => undefined },
  );
  try {
    const browser = await chromium.launch({
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    return {
      services,
      browser,
      async close() {
        await browser.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

/**
 * A page script (plain JavaScript, run by the browser) that sets `window.__ready` to a promise
 * settled with `answer` (a JavaScript expression, e.g. `performance.now()`) once `count` products'
 * "Book" buttons are in the page, every shadow root searched, and all enabled: the product list is
 * interactive. The first-view and start-up benchmarks time their pages with it alike.
 */
export const readyScript = (count: number, answer: string) => `
    const books = (root, found) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.matches('button[part=book]')) found.push(node);
        if (node.shadowRoot) books(node.shadowRoot, found);
      }
      return found;
    };
    window.__ready = new Promise((resolve) => {
      const check = () => {
        const buttons = books(document, []);
        if (buttons.length === ${count} && buttons.every((b) => !b.disabled))
          resolve(${answer});
        else setTimeout(check, 0);
      };
      document.addEventListener('resmark-ready', check, { once: true });
    });`;
