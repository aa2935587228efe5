/**
 * Page load to interactive product list on a slow phone (issue 11): cold cache, Chromium emulating
 * 150 ms round trips, 1.6 Mbps down (750 kbps up) through CDP's Network.emulateNetworkConditions
 * and a 4× slower CPU through Emulation.setCPUThrottlingRate. The page is the demo site's origin
 * with one `<resmark-checkout>` and one `<script src>` of the classic build, which the demo server
 * serves with every file it loads (real HTTP, so the throttling applies to them and to the
 * proxy's answers); only the page itself is answered from memory. The clock is the page's
 * navigation start; it stops when the list's three "Book" buttons (`part="book"`, inside shadow
 * roots) are in the DOM and enabled. Each load also lists the JavaScript files it fetched before
 * then. Median of 5 loads, each in a fresh context. Budget: ≤ 1.0 s. Standalone:
 * `npx tsx bench/widget-first-view.ts`; `bench/run.ts` calls {@link measureFirstView}.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { percentile } from './bookings.js';
import { readyScript, startWidgetBench, type WidgetBench } from './widget-browser.js';

/** The budget: navigation start to interactive product list, ms. */
export const FIRST_VIEW_BUDGET_MS = 1000;

/** The emulated network, as CDP takes it (bytes per second, ms). */
export const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1000) / 8,
} as const;

/** The emulated CPU: this many times slower. */
export const CPU_SLOWDOWN = 4;

const PRODUCTS = ['94175', '94176', '94177'];

/** What {@link measureFirstView} measured. */
export interface FirstView {
  /** Median ms from navigation start to the interactive list. */
  median: number;
  /** Each load's ms. */
  loads: number[];
  /** Paths of the scripts the page fetched before the list was interactive (the last load). */
  scripts: string[];
}

function pageFor(proxy: string, demo: string): string {
  const timer = readyScript(PRODUCTS.length, 'performance.now()');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>first view</title></head>
  <body>
    <resmark-checkout proxy="${proxy}" products="${PRODUCTS.join(',')}"></resmark-checkout>
    <script>${timer}</script>
    <script src="${demo}/widget/resmark-checkout.js"></script>
  </body>
</html>`;
}

async function load(
  browser: Browser,
  demoUrl: string,
  proxyUrl: string,
): Promise<{ ms: number; scripts: string[] }> {
  const context = await browser.newContext({ permissions: ['local-network-access'] });
  try {
    const url = `${demoUrl}/bench/first-view.html`;
    await context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: pageFor(proxyUrl, demoUrl) }),
    );
    const tab = await context.newPage();
    tab.setDefaultTimeout(30_000);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const scripts: { path: string; at: number }[] = [];
    tab.on('request', (request) => {
      if (request.resourceType() === 'script')
        scripts.push({ path: new URL(request.url()).pathname, at: Date.now() });
    });
    await tab.goto(url);
    const ready = await tab.evaluate(
      (ms) =>
        Promise.race([
          (window as unknown as { __ready: Promise<number> }).__ready,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no product list within ${ms} ms`)), ms),
          ),
        ]),
      30_000,
    );
    const readyAt = Date.now();
    return { ms: ready, scripts: scripts.filter((s) => s.at <= readyAt).map((s) => s.path) };
  } finally {
    await context.close();
  }
}

/** Loads the page `runs` times (after one warm-up of the servers) and takes the median. */
export async function measureFirstView(bench: WidgetBench, runs = 5): Promise<FirstView> {
  const { demoUrl, proxyUrl } = bench.services;
  await load(bench.browser, demoUrl, proxyUrl);
  const loads: number[] = [];
  let scripts: string[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await load(bench.browser, demoUrl, proxyUrl);
    loads.push(result.ms);
    scripts = result.scripts;
  }
  return { median: percentile(loads, 50), loads, scripts };
}

/** One line for `npm run bench`. */
export function describeFirstView(view: FirstView): string {
  return (
    `(page load → interactive product list, 150 ms RTT, 1.6 Mbps, 4× CPU, cold cache: ` +
    `median ${view.median.toFixed(0)} ms of ${view.loads.map((ms) => ms.toFixed(0)).join(', ')}; ` +
    `scripts before it: ${view.scripts.join(', ')})`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bench = await startWidgetBench();
  let ok = false;
  try {
    const view = await measureFirstView(bench);
    ok = view.median <= FIRST_VIEW_BUDGET_MS;
    console.log(describeFirstView(view));
    console.log(`≤ ${FIRST_VIEW_BUDGET_MS} ms: ${ok ? 'ok' : 'OVER'}`);
  } finally {
    await bench.close();
  }
  process.exit(ok ? 0 : 1);
}
