/**
 * The 30-minute seat hold runs out (the sandbox's clock and the page's move 31 minutes together):
 * the widget says so, "Hold my seats again" wins the seats back when they are still free, and an
 * expired hold never turns into an order for seats someone else took meanwhile.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';
import {
  TOUR,
  addTourToCart,
  bookableDay,
  checkOutToReview,
  compactDate,
  inlineWidget,
  shownConfirmation,
} from './shopper.js';

const PAST_THE_HOLD_MS = 31 * 60_000;

describe('when the seat hold runs out', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());
  beforeEach(() => e2e.reset());

  /** A page whose clock the test moves, with the tour in the cart on `day`. */
  async function cartThatExpires(day: number): Promise<{ page: Page; widget: Locator }> {
    const { page } = await e2e.open({ beforeLoad: (p) => p.clock.install() });
    const widget = inlineWidget(page);
    await addTourToCart(widget, day);
    await widget.getByText(/Your seats are held for (30:00|29:\d\d)/).waitFor();
    // Resmark's clock first (the seats go back on sale), then the shopper's.
    await e2e.advance(PAST_THE_HOLD_MS);
    await page.clock.fastForward(PAST_THE_HOLD_MS);
    await widget.getByRole('alert').filter({ hasText: 'Your hold ran out' }).waitFor();
    return { page, widget };
  }

  it('says so, holds the seats again on request, and the booking completes as one order', async () => {
    const day = bookableDay(await e2e.now());
    const { widget } = await cartThatExpires(day);
    // Nothing else may go on while the seats are not held.
    assert.equal(await widget.getByRole('button', { name: 'Continue' }).count(), 0);

    await widget.getByRole('button', { name: 'Hold my seats again' }).click();
    await widget.getByText(/Your seats are held for (30:00|29:\d\d)/).waitFor();
    assert.equal(await widget.getByText('Your hold ran out').count(), 0);
    await checkOutToReview(widget);
    await widget.getByRole('button', { name: 'Place order' }).click();
    const shown = await shownConfirmation(widget);

    const orders = await e2e.orders();
    assert.equal(orders.length, 1);
    assert.equal(orders[0]?.confirmation, shown);
    assert.equal(orders[0]?.items[0]?.itemId, `a-${TOUR.number}-${compactDate(day)}-0900`);
  });

  it('says the seats are gone when someone else took them, and places no order', async () => {
    const day = bookableDay(await e2e.now());
    const { widget } = await cartThatExpires(day);

    // Someone else books every seat of that slot while the shopper was away.
    const itemId = `a-${TOUR.number}-${compactDate(day)}-0900`;
    const cart = (await e2e.staff('POST', '/cart')) as { id: string };
    await e2e.staff('POST', `/cart/${cart.id}/item`, {
      itemId,
      participants: { Adult: 16 },
      pickupDetailId: TOUR.pickup,
      locationId: TOUR.hotel,
    });
    await e2e.staff('PUT', `/cart/${cart.id}/customer`, {
      email: 'walk-in@example.com',
      firstName: 'Walk',
      lastName: 'In',
      phone: '555 000 1111',
      'Wetsuit Size': ['L'],
    });
    const theirs = (await e2e.staff('POST', '/order', { id: cart.id })) as { id: string };

    await widget.getByRole('button', { name: 'Hold my seats again' }).click();
    // Said at the top of the tours, where the shopper can go on: no empty cart to check out
    // (issue 11, item 2).
    await widget
      .getByRole('alert')
      .filter({ hasText: 'Your seats were taken while they were not held' })
      .waitFor();
    assert.equal(await widget.getByRole('heading', { name: 'Choose a tour' }).count(), 1);
    assert.equal(await widget.getByRole('button', { name: 'Continue' }).count(), 0);

    const orders = await e2e.orders();
    assert.deepEqual(
      orders.map((order) => order.id),
      [theirs.id],
    );
  });
});
