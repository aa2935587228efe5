/**
 * Script start to interactive product list, in headless Chromium against local servers: the
 * widget's classic build (`<resmark-checkout>`) beside bench/widget-baseline.ts (a bare Lit element
 * that fetches and renders the same list), both bundled the same way. Each page is served from the
 * demo site's origin through `route()` (the proxy's CORS list allows only that origin) and shows
 * the same three products. The clock starts in an inline script just before the element's
 * `<script src>` and stops when the list's "Book" buttons (`part="book"`, inside shadow roots) are
 * all in the DOM and enabled; a `resmark-ready` listener registered before the script starts the
 * check. Median of alternating runs, each in a fresh browser context. Budget (issue 4): ≤ 2× the
 * baseline. Standalone: `npx tsx bench/widget-startup.ts`; `bench/run.ts` calls
 * {@link measureStartup}.
 */
import { build } from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { BROWSER_BUNDLE, WIDGET_BUILDS } from '../scripts/build-widget.js';
import { percentile } from './bookings.js';
import { readyScript, startWidgetBench, type WidgetBench } from './widget-browser.js';

/** The budget: the widget's median over the baseline's. */
export const STARTUP_RATIO_BUDGET = 2;

/** The products both pages list (the demo page's). */
const PRODUCTS = ['94175', '94176', '94177'];

/** The two pages, by the element each shows. */
const ELEMENTS = ['resmark-checkout', 'bench-product-list'] as const;
type Element = (typeof ELEMENTS)[number];

/** One page's medians, ms. */
export interface StartupFigures {
  /** From the inline script before `<script src>` to the buttons being ready. */
  fromScript: number;
  /** From navigation start (`performance.now()`'s zero). */
  fromNavigation: number;
  /** The `<script src>`'s size, bytes (the widget's: its loader only). */
  scriptBytes: number;
}

/** What {@link measureStartup} measured. */
export interface Startup {
  widget: StartupFigures;
  baseline: StartupFigures;
  /** `widget.fromScript / baseline.fromScript`. */
  ratio: number;
  runs: number;
}

/** Bundles the baseline element the way scripts/build-widget.ts bundles the classic widget. */
export async function buildBaseline(): Promise<string> {
  const result = await build({
    ...BROWSER_BUNDLE,
    entryPoints: [fileURLToPath(new URL('./widget-baseline.ts', import.meta.url))],
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/**
 * The page for one element. The inline script is plain JavaScript run by the browser, the same on
 * both pages so they are timed alike.
 */
function pageFor(element: string, proxy: string): string {
  const timer = `const start = performance.now();${readyScript(PRODUCTS.length, '{ start, ready: performance.now() }')}`;
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${element}</title></head>
  <body>
    <${element} proxy="${proxy}" products="${PRODUCTS.join(',')}"></${element}>
    <script>${timer}</script>
    <script src="/bench/${element}.js"></script>
  </body>
</html>`;
}

/** A file served by `route()`: its content type and body. */
interface Served {
  type: string;
  body: string;
}

/**
 * One load of `url` in a fresh context (nothing cached), with `files` (by path) answered from
 * memory as if by the demo site: `[from script, from navigation]`, ms.
 */
async function load(
  browser: Browser,
  url: string,
  files: Record<string, Served>,
): Promise<[number, number]> {
  // A page answered by route() has no address, so Chromium counts it public and would refuse its
  // calls to the loopback proxy (Local Network Access) unless allowed.
  const context = await browser.newContext({ permissions: ['local-network-access'] });
  try {
    const origin = new URL(url).origin;
    // Only /bench/ is answered here; the widget's calls go to the proxy as always.
    await context.route(`${origin}/bench/**`, async (route) => {
      const file = files[new URL(route.request().url()).pathname];
      await (file
        ? route.fulfill({ status: 200, contentType: file.type, body: file.body })
        : route.fulfill({ status: 404, body: '' }));
    });
    const tab = await context.newPage();
    tab.setDefaultTimeout(20_000);
    await tab.goto(url);
    const { start, ready } = await tab.evaluate(
      (ms) =>
        Promise.race([
          (window as unknown as { __ready: Promise<{ start: number; ready: number }> }).__ready,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no product list within ${ms} ms`)), ms),
          ),
        ]),
      20_000,
    );
    return [ready - start, ready];
  } finally {
    await context.close();
  }
}

/**
 * Loads each page `runs` times (after one warm-up each), alternating which goes first, so a
 * neighbour's burst of CPU lands on both rather than on one.
 */
export async function measureStartup(bench: WidgetBench, runs = 9): Promise<Startup> {
  const { demoUrl, proxyUrl } = bench.services;
  const scripts: Record<Element, string> = {
    'resmark-checkout': await readFile(WIDGET_BUILDS.classic, 'utf8'),
    'bench-product-list': await buildBaseline(),
  };
  // The classic widget is a loader that imports the module files from beside itself (issue 11).
  const modules: Record<string, Served> = {};
  for (const name of await readdir(WIDGET_BUILDS.dir))
    if (name.endsWith('.mjs'))
      modules[`/bench/${name}`] = {
        type: 'text/javascript',
        body: await readFile(`${WIDGET_BUILDS.dir}/${name}`, 'utf8'),
      };
  const times: Record<Element, { script: number[]; nav: number[] }> = {
    'resmark-checkout': { script: [], nav: [] },
    'bench-product-list': { script: [], nav: [] },
  };
  const once = async (element: Element, keep: boolean) => {
    const [fromScript, fromNavigation] = await load(
      bench.browser,
      `${demoUrl}/bench/${element}.html`,
      {
        ...modules,
        [`/bench/${element}.html`]: { type: 'text/html', body: pageFor(element, proxyUrl) },
        [`/bench/${element}.js`]: { type: 'text/javascript', body: scripts[element] },
      },
    );
    if (keep) {
      times[element].script.push(fromScript);
      times[element].nav.push(fromNavigation);
    }
  };
  for (const element of ELEMENTS) await once(element, false);
  for (let run = 0; run < runs; run++)
    for (const element of run % 2 === 0 ? ELEMENTS : [...ELEMENTS].reverse())
      await once(element, true);

  const figures = (element: Element): StartupFigures => ({
    fromScript: percentile(times[element].script, 50),
    fromNavigation: percentile(times[element].nav, 50),
    scriptBytes: Buffer.byteLength(scripts[element]),
  });
  const widget = figures('resmark-checkout');
  const baseline = figures('bench-product-list');
  return { widget, baseline, ratio: widget.fromScript / baseline.fromScript, runs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bench = await startWidgetBench();
  let ok = false;
  try {
    const { widget, baseline, ratio, runs } = await measureStartup(bench);
    ok = ratio <= STARTUP_RATIO_BUDGET;
    console.log(`median of ${runs} runs each | from script start | from navigation | script`);
    for (const [name, f] of [
      ['<resmark-checkout> (classic build)', widget],
      ['bare Lit element (baseline)', baseline],
    ] as const)
      console.log(
        `${name} | ${f.fromScript.toFixed(1)} ms | ${f.fromNavigation.toFixed(1)} ms | ${(f.scriptBytes / 1024).toFixed(1)} KiB`,
      );
    console.log(`ratio ${ratio.toFixed(2)}× (≤ ${STARTUP_RATIO_BUDGET}×: ${ok ? 'ok' : 'OVER'})`);
  } finally {
    await bench.close();
  }
  process.exit(ok ? 0 : 1);
}
