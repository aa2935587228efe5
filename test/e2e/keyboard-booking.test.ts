/**
 * A shopper who uses only the keyboard books the multi-tier tour with a hotel pickup on the demo
 * page, and the order is then found in the sandbox as the operator's staff sees it.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startE2E, type E2E } from './harness.js';
import { pressUntilFocused, waitForFocus } from './keyboard.js';
import {
  CUSTOMER,
  TOUR,
  bookableDay,
  compactDate,
  dayButton,
  dayName,
  inlineWidget,
  shownConfirmation,
} from './shopper.js';

describe('a shopper with only a keyboard', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());
  beforeEach(() => e2e.reset());

  it('books 2 adults and a child with a hotel pickup, and the order is in the sandbox', async () => {
    const day = bookableDay(await e2e.now());
    const { page, errors } = await e2e.open();
    const widget = inlineWidget(page);
    const key = (name: string) => page.keyboard.press(name);

    // Products: from the top of the page to the tour's "Book", then focus goes to the product.
    await pressUntilFocused(page, widget.getByRole('button', { name: `Book ${TOUR.name}` }));
    await key('Enter');
    await waitForFocus(widget.getByRole('heading', { name: TOUR.name, level: 2 }).first());

    // The calendar: one tab stop (the first open day), then the arrows to the day.
    const grid = widget.getByRole('grid');
    await grid.getByRole('button', { disabled: false }).first().waitFor();
    await pressUntilFocused(page, grid.locator('button[tabindex="0"]'));
    const near = new RegExp(`^${dayName(day)}(,|$)`);
    await pressUntilFocused(page, widget.getByRole('button', { name: near }), {
      key: 'ArrowRight',
      max: 40,
      appears: true,
    });
    // Still focused once its month's seats are known (the name loses ", unavailable").
    await waitForFocus(dayButton(widget, day));
    await key('Enter');
    await widget.getByRole('button', { name: dayName(day), pressed: true }).waitFor();

    // A time, then 2 adults and 1 child with the + buttons.
    await pressUntilFocused(page, widget.getByRole('button', { name: /^9:00/ }));
    await key('Enter');
    await widget.getByRole('button', { name: /^9:00/, pressed: true }).waitFor();
    await pressUntilFocused(page, widget.getByRole('button', { name: 'Add one Adult' }));
    await key('Space');
    await key('Space');
    await pressUntilFocused(page, widget.getByRole('button', { name: 'Add one Child' }));
    await key('Space');
    assert.equal(await widget.getByRole('spinbutton', { name: /^Adult/ }).inputValue(), '2');
    assert.equal(await widget.getByRole('spinbutton', { name: /^Child/ }).inputValue(), '1');

    // Pickup: zone → time → hotel, each the first choice, with the arrow keys.
    for (const [label, id] of [
      ['Pickup area', TOUR.zone],
      ['Pickup time', TOUR.pickup],
      ['Pickup place', TOUR.hotel],
    ] as const) {
      const select = widget.getByLabel(label);
      await pressUntilFocused(page, select);
      await key('ArrowDown');
      assert.equal(await select.inputValue(), id, label);
    }

    await pressUntilFocused(page, widget.getByRole('button', { name: 'Add to cart' }));
    await key('Enter');
    await waitForFocus(widget.getByRole('heading', { name: 'Your cart' }));
    await pressUntilFocused(page, widget.getByRole('button', { name: 'Continue' }));
    await key('Enter');
    await waitForFocus(widget.getByRole('heading', { name: 'Your details' }));

    // The customer form, field by field.
    for (const [field, text] of [
      [widget.getByLabel('First name'), CUSTOMER.firstName],
      [widget.getByLabel('Last name'), CUSTOMER.lastName],
      [widget.getByLabel('Email'), CUSTOMER.email],
      [widget.getByRole('textbox', { name: 'Phone' }), CUSTOMER.phone],
    ] as const) {
      await pressUntilFocused(page, field);
      await page.keyboard.type(text);
    }
    // A closed select picks the option its typed letters start.
    const wetsuit = widget.getByLabel('Wetsuit Size');
    await pressUntilFocused(page, wetsuit);
    await page.keyboard.type(CUSTOMER.wetsuit);
    assert.equal(await wetsuit.inputValue(), CUSTOMER.wetsuit);
    await pressUntilFocused(page, widget.getByRole('button', { name: 'Continue' }));
    await key('Enter');

    await waitForFocus(widget.getByRole('heading', { name: 'Review and book' }));
    // The demo's proxy takes orders to be paid on arrival: the shopper reads that before booking.
    const pickup = 'Pickup: Morning pickup · 8:15 AM, Lake Powell Resort lobby';
    await widget.getByText(pickup).waitFor();
    await widget.getByText('You pay when you arrive: nothing is charged now.').waitFor();
    await pressUntilFocused(page, widget.getByRole('button', { name: 'Place order' }));
    await key('Enter');
    await waitForFocus(widget.getByRole('heading', { name: 'Booking confirmed' }), 10_000);
    const shown = await shownConfirmation(widget);
    await widget.getByText(pickup).waitFor();
    await widget.getByText('Total to pay on arrival').waitFor();
    assert.equal(await widget.getByText(/total paid/i).count(), 0);

    // The operator's side: one order, the number the shopper saw, these seats and this pickup.
    const orders = await e2e.orders();
    assert.equal(orders.length, 1);
    const [order] = orders;
    assert.equal(order?.confirmation, shown);
    assert.equal(order?.items.length, 1);
    const [item] = order?.items ?? [];
    assert.equal(item?.itemId, `a-${TOUR.number}-${compactDate(day)}-0900`);
    assert.deepEqual(
      item?.participantList
        ?.filter((p) => p.status === 'active')
        .map((p) => p.tier)
        .sort(),
      ['Adult', 'Adult', 'Child'],
    );
    assert.equal(item?.pickupDetailId, TOUR.pickup);
    assert.equal(item?.locationId, TOUR.hotel);
    assert.equal(order?.customer?.['email'], CUSTOMER.email);
    assert.equal(order?.customer?.['firstName'], CUSTOMER.firstName);
    assert.match(String(order?.customer?.['phone']), /555.*123.*4567/);
    assert.deepEqual(order?.customer?.['Wetsuit Size'], [CUSTOMER.wetsuit]);
    assert.deepEqual(errors, []);
  });
});
