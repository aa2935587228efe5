/**
 * Exactly one order, never a lost one (issue 4): a double click and two rapid clicks on "Place
 * order" make one order, and an order whose response is lost (between Resmark and the proxy, or
 * between the proxy and the browser) is found by the checkout's referenceId, not made twice.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Locator, Request } from 'playwright-core';
import { startE2E, type E2E, type OpenOptions } from './harness.js';
import {
  addTourToCart,
  bookableDay,
  checkOutToReview,
  inlineWidget,
  shownConfirmation,
} from './shopper.js';

/** The body the widget sends with `POST /order` (docs/wire.md, "Orders"). */
interface OrderRequest {
  id: string;
  referenceId: string;
}

describe('one order per checkout', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());
  beforeEach(() => e2e.reset());

  /** A page on the review step, and the `POST /order` requests it sends to the proxy. */
  async function atReview(options: Pick<OpenOptions, 'beforeLoad'> = {}) {
    const day = bookableDay(await e2e.now());
    const { page } = await e2e.open(options);
    const sent: OrderRequest[] = [];
    const lookups: string[] = [];
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.origin !== e2e.services.proxyUrl || url.pathname !== '/order') return;
      if (request.method() === 'POST') sent.push(request.postDataJSON() as OrderRequest);
      else if (request.method() === 'GET') lookups.push(url.searchParams.get('referenceId') ?? '');
    });
    const widget = inlineWidget(page);
    await addTourToCart(widget, day);
    await checkOutToReview(widget);
    return {
      page,
      widget,
      sent,
      lookups,
      place: widget.getByRole('button', { name: 'Place order' }),
    };
  }

  /**
   * The sandbox holds exactly one order, the one the shopper was shown, made under the widget's
   * referenceId (the proxy namespaces it upstream as `<referenceId>~<cartId>`).
   */
  async function assertOneOrder(shown: number, request: OrderRequest | undefined) {
    assert.ok(request, 'the widget sent POST /order');
    assert.match(request.referenceId, /^chk_/);
    const orders = await e2e.orders();
    assert.equal(orders.length, 1, `orders: ${orders.map((o) => o.confirmation).join(', ')}`);
    assert.equal(orders[0]?.confirmation, shown);
    assert.equal(orders[0]?.referenceId, `${request.referenceId}~${request.id}`);
    const byReference = await e2e.orders(
      `&referenceId=${encodeURIComponent(`${request.referenceId}~${request.id}`)}`,
    );
    assert.equal(byReference.length, 1);
  }

  /** Waits for the confirmation, or for the error with its retry, which it takes once. */
  async function confirmationOrRetry(widget: Locator): Promise<number> {
    const confirmed = widget.getByRole('heading', { name: 'Booking confirmed' });
    const failed = widget.getByRole('alert');
    await confirmed.or(failed).first().waitFor({ timeout: 15_000 });
    if (!(await confirmed.isVisible()))
      await widget.getByRole('button', { name: /^(Try again|Place order)$/ }).click();
    return shownConfirmation(widget);
  }

  describe('when "Place order" is pressed twice', () => {
    it('makes one order of a double click', async () => {
      const { widget, sent, place } = await atReview();
      await place.dblclick();
      const shown = await shownConfirmation(widget);
      assert.equal(sent.length, 1, 'one POST /order for a double click');
      await assertOneOrder(shown, sent[0]);
    });

    it('makes one order of two rapid clicks', async () => {
      const { page, widget, sent, place } = await atReview();
      // Raw pointer clicks land where the button is on screen: bring it there first (on the
      // phone-sized page it sits below the fold).
      await place.scrollIntoViewIfNeeded();
      const box = await place.boundingBox();
      assert.ok(box);
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      // Two separate clicks as fast as the pointer goes, with no wait for the page in between.
      await page.mouse.click(x, y);
      await page.mouse.click(x, y);
      const shown = await shownConfirmation(widget);
      assert.equal(sent.length, 1, 'one POST /order for two rapid clicks');
      await assertOneOrder(shown, sent[0]);
    });
  });

  describe('when the order response is lost', () => {
    it('finds the order made upstream when Resmark’s answer is dropped', async () => {
      const { widget, sent, place } = await atReview();
      await e2e.control('POST', '/__sandbox/faults', {
        faults: [{ method: 'POST', path: '/order', dropResponse: true }],
      });
      await place.click();
      const shown = await confirmationOrRetry(widget);
      // Every attempt was the same checkout.
      assert.equal(new Set(sent.map((request) => request.referenceId)).size, 1);
      await assertOneOrder(shown, sent[0]);
      const pending = (await e2e.control('POST', '/__sandbox/faults', { faults: [] })) as {
        faults: unknown[];
      };
      assert.deepEqual(pending.faults, [], 'the dropped response really happened');
    });

    it('finds the order by its referenceId when the proxy’s answer never reaches the browser', async () => {
      let cut = 0;
      const { widget, sent, lookups, place } = await atReview({
        beforeLoad: (page) =>
          page.route(`${e2e.services.proxyUrl}/order`, async (route) => {
            if (route.request().method() !== 'POST' || cut > 0) return route.continue();
            cut++;
            // The order is made; its answer dies on the way back, as on a dropped connection.
            await route.fetch();
            await route.abort('connectionreset');
          }),
      });
      await place.click();
      // The widget looks the order up by its referenceId before offering to try again, and
      // finds it: the shopper sees the confirmation without pressing anything else.
      const shown = await shownConfirmation(widget);
      assert.equal(cut, 1, 'one response was cut');
      assert.equal(sent.length, 1, 'no second POST /order');
      assert.deepEqual(lookups, [sent[0]?.referenceId]);
      await assertOneOrder(shown, sent[0]);
    });
  });
});
