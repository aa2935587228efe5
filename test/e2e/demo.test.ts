/**
 * The demo operator site as a visitor meets it: a strict Content-Security-Policy that the widget
 * lives with, the dialog variant's "Book now", nothing for axe-core to find, and the classic
 * (non-module) script build working on a page of its own.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';
import { hasFocus, pressUntilFocused, until } from './keyboard.js';
import { TOUR, inlineWidget } from './shopper.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The demo's products, in the order its `products` attribute names them. */
const PRODUCTS = [TOUR.name, 'Sunset Paddle', 'Kayak Day Pass'];

/** What axe-core reports of one violation (its result's shape, trimmed to what a failure shows). */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core on the whole page (open shadow roots included) and returns its violations. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // axe is the global the script above defines; it has no types in the page's scope.
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as AxeViolation[];
  });
}

const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');

/** Waits until every product's "Book" button is in `scope`. */
async function productsShown(scope: Locator): Promise<void> {
  for (const name of PRODUCTS) await scope.getByRole('button', { name: `Book ${name}` }).waitFor();
}

describe('the demo site', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());
  beforeEach(() => e2e.reset());

  it('loads both widgets and their pictures with no page error and no Content-Security-Policy violation', async () => {
    const { page, errors, console: messages } = await e2e.open();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );
    const widget = inlineWidget(page);
    await productsShown(widget);
    // The product pictures come from another origin than the page's: the policy lets them in.
    const images = widget.getByRole('img');
    await until(
      async () =>
        (await images.evaluateAll((all) =>
          all.every((img) => (img as HTMLImageElement).complete),
        )) && (await images.count()) === PRODUCTS.length,
      'the product images to load',
    );
    assert.deepEqual(
      await images.evaluateAll((all) =>
        all.map((img) => (img as HTMLImageElement).naturalWidth > 0),
      ),
      PRODUCTS.map(() => true),
      'every product image loaded',
    );
    // The dialog fetches on its first open: that request must pass the policy too.
    await page.getByRole('button', { name: 'Book now' }).click();
    await productsShown(page.getByRole('dialog', { name: 'Book a tour' }));

    assert.deepEqual(errors, []);
    assert.deepEqual(
      messages.filter((text) => text.includes('Content Security Policy')),
      [],
    );
    assert.deepEqual(violations, []);
  });

  it('opens the dialog from "Book now", closes it on Escape and gives focus back', async () => {
    const { page } = await e2e.open();
    const button = page.getByRole('button', { name: 'Book now' });
    const dialog = page.getByRole('dialog', { name: 'Book a tour' });
    assert.equal(await dialog.isVisible(), false);

    await pressUntilFocused(page, button);
    await page.keyboard.press('Enter');
    await productsShown(dialog);
    assert.equal(
      await page.locator('#book-dialog').evaluate((host) => {
        const element = host.shadowRoot?.querySelector('dialog');
        return !!element?.open && element.matches(':modal');
      }),
      true,
      'the dialog is modal',
    );

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await until(() => hasFocus(button), 'focus back on "Book now"');
  });

  it('gives axe-core nothing to report, with the booking flow open inline and in the dialog', async () => {
    // axe-core is injected as a script, which the demo's policy (rightly) forbids.
    const { page } = await e2e.open({ bypassCSP: true });
    const widget = inlineWidget(page);
    await productsShown(widget);
    await widget.getByRole('button', { name: `Book ${TOUR.name}` }).click();
    await widget.getByRole('grid').getByRole('button', { disabled: false }).first().waitFor();
    const inline = await axeViolations(page);
    assert.equal(inline.length, 0, describeViolations(inline));

    await page.getByRole('button', { name: 'Book now' }).click();
    await productsShown(page.getByRole('dialog', { name: 'Book a tour' }));
    const dialog = await axeViolations(page);
    assert.equal(dialog.length, 0, describeViolations(dialog));
  });

  it('works with the classic script build on a page of its own', async () => {
    const { demoUrl, proxyUrl } = e2e.services;
    // Served from the demo's origin: the proxy answers CORS for that origin only.
    const url = `${demoUrl}/classic-test.html`;
    const { context, page, errors } = await e2e.open({ path: false });
    // Chromium counts a page fulfilled by a route as public, and asks before it reaches the
    // loopback proxy; the real demo page is served from loopback and needs no such grant.
    await context.grantPermissions(['local-network-access'], { origin: demoUrl });
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Classic embed</title></head>
  <body>
    <main>
      <h1>Tours</h1>
      <resmark-checkout proxy="${proxyUrl}" products="94175,94176,94177"></resmark-checkout>
    </main>
    <script src="${demoUrl}/widget/resmark-checkout.js"></script>
  </body>
</html>`,
      }),
    );
    const script = page.waitForResponse(`${demoUrl}/widget/resmark-checkout.js`);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // The scripts asked for by the time the list is up (the widget's resmark-ready).
    await page.addInitScript(() =>
      document.addEventListener('resmark-ready', () => {
        (window as unknown as { firstView: string[] }).firstView = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => /\.m?js$/.test(path));
      }),
    );
    await page.goto(url);
    assert.equal((await script).status(), 200);
    const widget = page.locator('resmark-checkout');
    await productsShown(widget);
    assert.equal(await page.evaluate(() => !!customElements.get('resmark-checkout')), true);
    // The first view (issue 11): the loader, the module entry and its chunks, from beside the
    // loader; not the later steps, and no Spanish on an English page.
    const before = await page.evaluate(
      () => (window as unknown as { firstView: string[] }).firstView,
    );
    assert.ok(before.includes('/widget/resmark-checkout.mjs'), before.join(', '));
    assert.ok(!before.some((path) => /\/widget\/(?:steps|es)-/.test(path)), before.join(', '));
    await widget.getByRole('button', { name: `Book ${TOUR.name}` }).click();
    await widget.getByRole('grid').getByRole('button', { disabled: false }).first().waitFor();
    assert.ok(
      scripts.some((path) => /\/widget\/steps-/.test(path)),
      'the later steps load on the way',
    );
    assert.ok(!scripts.some((path) => /\/widget\/es-/.test(path)), scripts.join(', '));
    assert.deepEqual(errors, []);
  });
});
