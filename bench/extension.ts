/**
 * The reseller extension's figures (issue 9), on the built packages in headless Chromium against
 * the local sandbox:
 * - the side panel's JS and CSS, min+gzip: what it loads before it is usable (its page's script
 *   and module preloads), and every view it can load later (the chunks reachable by `import()`);
 * - panel open to usable, signed in: from the panel page's navigation to its supplier list on
 *   screen (the token kept in session storage, the product list asked of the sandbox);
 * - the requests the panel sends to book one item for a customer after sign-in: the Day Pass
 *   (dateless, one price, no pickup) for one person, no reference, no promo code, and how many of
 *   them are reads after a write (none: nothing is fetched again). Hold renewals depend on how
 *   long the agent takes and are aside.
 * Standalone: `npx tsx bench/extension.ts`; `bench/run.ts` calls {@link measureExtension}.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import {
  CANYON,
  signInChromium,
  startExtensionE2E,
  type ChromiumExtension,
} from '../test/e2e/extension-harness.js';
import { CUSTOMER } from '../test/e2e/shopper.js';

/** Budget: what the panel loads before it is usable, min+gzip. */
export const PANEL_GZIP_BUDGET_KIB = 60;
/** Budget: panel open to usable, signed in, headless Chromium. */
export const PANEL_OPEN_BUDGET_MS = 300;
/**
 * Budget: the fewest requests that book one item from a supplier with three products (Canyon
 * Kayak): the product list (which also names the suppliers), one inventory month per product for
 * the list's "tomorrow" (the booker takes the chosen product's from it), the reseller cart, the
 * item, the customer, the order.
 */
export const PANEL_BOOKING_REQUEST_BUDGET = 1 + 3 + 4;
/** Budget: reads after the first write — none: every write's answer is what the panel shows. */
export const PANEL_READS_AFTER_WRITE_BUDGET = 0;

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, '.output/chrome-mv3');

/** What {@link measureExtension} found. */
export interface ExtensionFigures {
  /** Bytes gzip (level 9) of the JS and CSS the panel page loads at once. */
  firstViewGzip: number;
  /** The same for every chunk the panel can load, its lazy views included. */
  allViewsGzip: number;
  /** Files of the first view, with their gzip bytes. */
  firstViewFiles: [string, number][];
  /** Median and slowest of the open-to-usable runs, ms, and the first (cold) one. */
  open: { median: number; slowest: number; cold: number; runs: number };
  /** `METHOD /path?query`, in order, for the booking. */
  requests: string[];
  /** How many of them are reads sent after the first write. */
  readsAfterWrite: number;
  /** The confirmation number the panel showed. */
  confirmation: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Every chunk `file` imports, statically or by `import()`, itself included. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(BUILD, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:from|import\()\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
    reachable(join('chunks', spec!), seen);
  return seen;
}

function measureSize() {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stdout}\n${build.stderr}`);
  const html = readFileSync(join(BUILD, 'sidepanel.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map(([, f]) => f!);
  const all = new Set<string>();
  for (const file of first) if (file.endsWith('.js')) reachable(file, all);
  // Stylesheets, should a build ever emit any (Lit's styles are in the JS today).
  const assets = join(BUILD, 'assets');
  if (existsSync(assets))
    for (const name of readdirSync(assets))
      if (name.endsWith('.css')) all.add(join('assets', name));
  // The Spanish words load only on a Spanish page; the panel is English.
  const english = [...all].filter((file) => !/\/es-[^/]+\.js$/.test(file));
  const firstViewFiles = first.map((file): [string, number] => [file, gz(join(BUILD, file))]);
  return {
    firstViewFiles,
    firstViewGzip: firstViewFiles.reduce((sum, [, bytes]) => sum + bytes, 0),
    allViewsGzip: english.reduce((sum, file) => sum + gz(join(BUILD, file)), 0),
  };
}

/** Opens the panel page and resolves with the ms from its navigation to the supplier list. */
async function openToUsable(chromium: ChromiumExtension): Promise<number> {
  const page = await chromium.context.newPage();
  try {
    await page.goto(`chrome-extension://${chromium.id}/sidepanel.html`);
    const at = await page.waitForFunction(
      () => {
        const picker = document
          .querySelector('resmark-agent-panel')
          ?.shadowRoot?.querySelector('resmark-supplier-picker');
        return picker?.shadowRoot?.querySelector('[part=supplier]') ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 10_000 },
    );
    return (await at.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/** Books the Day Pass for one person through the panel; the requests it sent, in order. */
async function bookDayPass(chromium: ChromiumExtension, apiOrigin: string) {
  const page: Page = await chromium.context.newPage();
  const requests: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.origin !== apiOrigin || url.pathname.endsWith('/renew')) return;
    requests.push(`${request.method()} ${url.pathname.replace(/^\/public\/api/, '')}${url.search}`);
  });
  try {
    await page.goto(`chrome-extension://${chromium.id}/sidepanel.html`);
    const panel = page.locator('resmark-agent-panel');
    await panel.locator(`resmark-supplier-picker [data-entity="${CANYON.entityId}"]`).click();
    const booking = panel.locator('resmark-agent-booking');
    const search = booking.getByRole('searchbox', { name: 'Search products' });
    await search.fill('94177');
    await search.press('Enter');
    await booking.getByRole('button', { name: /^Add one/ }).click();
    await booking.getByRole('button', { name: 'Add to cart' }).click();
    await booking.getByRole('heading', { name: 'Cart' }).waitFor();
    await booking.getByRole('button', { name: 'Continue' }).click();
    await booking.getByLabel('First name').fill(CUSTOMER.firstName);
    await booking.getByLabel('Last name').fill(CUSTOMER.lastName);
    await booking.getByLabel('Email').fill(CUSTOMER.email);
    await booking.getByRole('textbox', { name: 'Phone', exact: true }).fill(CUSTOMER.phone);
    await booking.getByLabel('Wetsuit Size').selectOption(CUSTOMER.wetsuit);
    await booking.getByRole('button', { name: 'Continue' }).click();
    await booking.getByRole('button', { name: 'Place order' }).click();
    const number = booking.locator('resmark-confirmation [part=number]');
    await number.waitFor();
    const firstWrite = requests.findIndex((line) => !line.startsWith('GET '));
    const readsAfterWrite = requests.slice(firstWrite).filter((line) => line.startsWith('GET '));
    return {
      requests,
      readsAfterWrite: readsAfterWrite.length,
      confirmation: Number(await number.textContent()),
    };
  } finally {
    await page.close();
  }
}

/** Builds, starts the sandbox and Chromium with the extension, and measures the three figures. */
export async function measureExtension(openRuns = 15): Promise<ExtensionFigures> {
  const size = measureSize();
  const e2e = await startExtensionE2E();
  try {
    const chromium = await e2e.chromium();
    const { page } = await chromium.openPanel();
    await signInChromium(page, e2e.sandbox.apiUrl);
    await page.close();
    const times: number[] = [];
    for (let run = 0; run < openRuns; run++) times.push(await openToUsable(chromium));
    const cold = times[0]!;
    const sorted = times.slice(1).sort((a, b) => a - b);
    const open = {
      median: sorted[Math.floor(sorted.length / 2)]!,
      slowest: sorted.at(-1)!,
      cold,
      runs: sorted.length,
    };
    const booking = await bookDayPass(chromium, new URL(e2e.sandbox.apiUrl).origin);
    return { ...size, open, ...booking };
  } finally {
    await e2e.close();
  }
}

/** The figures as lines for the bench's log. */
export function describeExtension(figures: ExtensionFigures): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    `(side panel first view: ${figures.firstViewFiles.map(([f, b]) => `${f} ${kib(b)}`).join(', ')}; ` +
      `every view it can load: ${kib(figures.allViewsGzip)} gzip)`,
    `(panel open to usable: median ${figures.open.median.toFixed(0)} ms of ${figures.open.runs} warm runs, ` +
      `slowest ${figures.open.slowest.toFixed(0)} ms, first (cold) ${figures.open.cold.toFixed(0)} ms)`,
    `(booking ${figures.confirmation} of the Day Pass through the panel, renewals aside:\n` +
      figures.requests.map((line) => `   ${line}\n`).join('') +
      ')',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measureExtension();
  console.log(describeExtension(figures));
}
