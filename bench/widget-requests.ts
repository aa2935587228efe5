/**
 * Browser → proxy requests for one booking: a shopper on the demo page books one Sunset Paddle
 * (94176: one price, no pickup) for one guest, no promo code, in headless Chromium, and every
 * request the page sends to the proxy's origin is counted. Static files (they come from the demo
 * site) and hold renewals (`/renew`, they depend on how long the shopper takes) are aside; CORS
 * preflights are the browser's, not the widget's: listed apart, not counted. Budget (issue 4): ≤ 6
 * (products, inventory, cart, item, customer, order: no re-fetch after a write).
 * Standalone: `npx tsx bench/widget-requests.ts`; `bench/run.ts` calls {@link countBookingRequests}.
 */
import { fileURLToPath } from 'node:url';
import type { Page, Request } from 'playwright-core';
import { startWidgetBench, type WidgetBench } from './widget-browser.js';

/** The budget: requests to the proxy for the whole booking. */
export const BOOKING_REQUEST_BUDGET = 6;

/** What {@link countBookingRequests} saw. */
export interface BookingRequests {
  /** `METHOD /path?query → status`, in the order sent. */
  requests: string[];
  /** Paths of the CORS preflights (`OPTIONS`) Chromium sent before some of them; not counted. */
  preflights: string[];
  /** The confirmation number the page showed. */
  confirmation: string;
}

// Resource types of static files; the widget's own calls are `fetch`.
const STATIC = new Set(['document', 'script', 'stylesheet', 'image', 'font', 'media', 'manifest']);

/** Whether `request` is one the budget counts. */
function counted(request: Request, proxyOrigin: string): boolean {
  const url = new URL(request.url());
  return (
    url.origin === proxyOrigin &&
    request.method() !== 'OPTIONS' &&
    !url.pathname.endsWith('/renew') &&
    !STATIC.has(request.resourceType())
  );
}

/** The shopper's clicks and keys, by the names a screen reader would hear. */
async function book(page: Page): Promise<string> {
  const widget = page.locator('#book-inline');
  await widget.getByRole('button', { name: 'Book Sunset Paddle' }).click();
  // The first day with seats (the calendar marks the others aria-disabled), its first open time.
  await widget.locator('[part=day][aria-disabled=false]').first().click();
  await widget.getByRole('group', { name: 'Times' }).locator('[part=slot]:enabled').first().click();
  await widget.getByRole('button', { name: /^Add one / }).click();
  await widget.getByRole('button', { name: 'Add to cart' }).click();
  await widget.getByRole('heading', { name: 'Your cart' }).waitFor();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('heading', { name: 'Your details' }).waitFor();
  // Canyon Kayak requires a phone and a wetsuit size (README, Seed).
  const field = (name: string) => widget.getByRole('textbox', { name, exact: true });
  await field('First name').fill('Ana');
  await field('Last name').fill('Lopez');
  await field('Email').fill('ana@example.com');
  await field('Phone').fill('(555) 123-4567');
  await widget.getByRole('combobox', { name: 'Wetsuit Size' }).selectOption('M');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('heading', { name: 'Review and book' }).waitFor();
  await widget.getByRole('button', { name: 'Place order' }).click();
  await widget.getByRole('heading', { name: 'Booking confirmed' }).waitFor();
  return (await widget.locator('[part=number]').textContent())?.trim() ?? '';
}

/** Books once on the demo page in a fresh browser context and lists the proxy requests it made. */
export async function countBookingRequests(bench: WidgetBench): Promise<BookingRequests> {
  const proxyOrigin = new URL(bench.services.proxyUrl).origin;
  const context = await bench.browser.newContext({ viewport: { width: 1024, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (counted(request, proxyOrigin)) sent.push(request);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Playwright's request events leave CORS preflights out; Chromium's own network log has them.
    const preflights: string[] = [];
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      const url = new URL(request.url);
      if (request.method === 'OPTIONS' && url.origin === proxyOrigin) preflights.push(url.pathname);
    });
    await page.goto(`${bench.services.demoUrl}/`);
    let confirmation: string;
    try {
      confirmation = await book(page);
    } catch (error) {
      throw new Error(
        `the booking did not complete${errors.length ? ` (${errors.join('; ')})` : ''}`,
        {
          cause: error,
        },
      );
    }
    const requests = await Promise.all(
      sent.map(async (request) => {
        const url = new URL(request.url());
        const status = (await request.response())?.status() ?? 'no response';
        return `${request.method()} ${url.pathname}${url.search} → ${status}`;
      }),
    );
    return { requests, preflights, confirmation };
  } finally {
    await context.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bench = await startWidgetBench();
  let ok = false;
  try {
    const { requests, preflights, confirmation } = await countBookingRequests(bench);
    ok = requests.length <= BOOKING_REQUEST_BUDGET;
    console.log(`booking ${confirmation}: ${requests.length} requests to the proxy`);
    for (const line of requests) console.log(`  ${line}`);
    console.log(`and ${preflights.length} CORS preflights, not counted: ${preflights.join(', ')}`);
    console.log(`≤ ${BOOKING_REQUEST_BUDGET}: ${ok ? 'ok' : 'OVER'}`);
  } finally {
    await bench.close();
  }
  process.exit(ok ? 0 : 1);
}
