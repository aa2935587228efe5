/**
 * The reseller extension in Chromium, as an agent meets it: sign in against the local sandbox,
 * see the agency, and, with the panel opened from a supplier's site, be offered that supplier first;
 * book the tour with a pickup under the agent's reference, find the order and cancel one person
 * (the seat is back on sale); a lost order answer still makes one order; when Resmark ends the
 * session, sign in again with only the key to type.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { TOKEN_LIFETIME_MS } from '../../shared/limits.js';
import {
  AGENT,
  CANYON,
  signInChromium,
  startExtensionE2E,
  type ChromiumExtension,
  type ExtensionE2E,
} from './extension-harness.js';
import { TOUR, bookableDay, chooseTourSeats, fillCustomer, shownConfirmation } from './shopper.js';

interface Clock {
  now: number;
}

/** What the tests read of an order, as the supplier's staff see it (docs/wire.md, "Orders"). */
interface StaffOrder {
  confirmation: number;
  referenceId: string | null;
  reseller: { agencyName: string } | null;
  items: {
    itemId: string;
    productNumber: number;
    pickupDetailId: string | null;
    locationId: string | null;
    participantList: { tier: string; status: string }[];
  }[];
}

/** A product's inventory (docs/wire.md, "Inventory"); only what the tests read. */
interface Inventory {
  items: { timesAvailable: { activityId: string; tiersAvailable: Record<string, number> }[] }[];
}

describe('the reseller extension in Chromium', () => {
  let e2e: ExtensionE2E;
  let chromium: ChromiumExtension;

  before(async () => {
    e2e = await startExtensionE2E();
    chromium = await e2e.chromium();
  });
  after(() => e2e?.close());

  it('signs the Sunset Travel agent in against the sandbox and shows the agency', async () => {
    const { page, errors } = await chromium.openPanel();
    await signInChromium(page, e2e.sandbox.apiUrl);
    const header = page.locator('resmark-agent-panel [part=header]');
    assert.equal(await header.locator('.agency').textContent(), 'Sunset Travel');
    assert.match((await header.textContent()) ?? '', new RegExp(`Signed in as ${AGENT.username}`));
    // The token is in session storage; the key was not remembered, so it is nowhere.
    const session = await chromium.storage('session');
    assert.equal((session['agent-session'] as { username: string }).username, AGENT.username);
    assert.equal(JSON.stringify(await chromium.storage('local')).includes(AGENT.apiKey), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('offers Canyon Kayak first when opened from a page of its site', async () => {
    await chromium.setStorage('local', {
      suppliers: [{ ...CANYON, patterns: ['localhost/canyon-kayak/*'] }],
    });
    const site = `${e2e.siteUrl}/canyon-kayak/tours/94175`;
    const { page, errors } = await chromium.openPanel({ from: site });
    // Still signed in: the session outlives the panel page.
    const offered = page.locator('resmark-agent-panel resmark-supplier-picker [part=offered]');
    await offered.waitFor();
    assert.match((await offered.textContent()) ?? '', /Canyon Kayak/);
    // The toolbar button recorded the tab through activeTab: no build may read localhost.
    const session = await chromium.storage('session');
    assert.equal((session['active-tab'] as { url: string }).url, site);
    const suppliers = page.locator('resmark-agent-panel resmark-supplier-picker [part=supplier]');
    assert.equal(await suppliers.count(), 2, 'Canyon Kayak and Harbor Bikes');
    assert.match((await suppliers.first().textContent()) ?? '', /Canyon Kayak/);
    assert.deepEqual(errors, []);
  });

  /** The agent's Canyon Kayak booking view, opened from the supplier's site. */
  async function bookingForCanyon() {
    const site = `${e2e.siteUrl}/canyon-kayak/tours/94175`;
    const { page, errors } = await chromium.openPanel({ from: site });
    const panel = page.locator('resmark-agent-panel');
    await panel.locator('resmark-supplier-picker [part=offered]').click();
    return { page, errors, panel, booking: panel.locator('resmark-agent-booking') };
  }

  /** In the booking view: the tour found by its number, seats chosen, the customer, to review. */
  async function tourToReview(booking: Locator, reference: string) {
    const search = booking.getByRole('searchbox', { name: 'Search products' });
    await search.fill(String(TOUR.number));
    await search.press('Enter');
    await chooseTourSeats(booking, bookableDay(await sandboxNow()));
    await booking.getByRole('heading', { name: 'Cart' }).waitFor();
    await booking.getByRole('button', { name: 'Continue' }).click();
    await booking.getByRole('heading', { name: 'Customer' }).waitFor();
    await fillCustomer(booking);
    await booking.getByRole('button', { name: 'Continue' }).click();
    await booking.getByRole('heading', { name: 'Review and book' }).waitFor();
    await booking.getByLabel('Your reference').fill(reference);
  }

  const sandboxNow = async () => ((await e2e.control('GET', '/__sandbox/clock')) as Clock).now;

  it('books the tour with a pickup under the agent’s reference, finds it, cancels one person, and the seat is back', async () => {
    const { errors, panel, booking } = await bookingForCanyon();
    await tourToReview(booking, 'SUN-E2E-1');
    await booking.getByRole('button', { name: 'Place order' }).click();
    const confirmation = await shownConfirmation(booking);

    const order = (await e2e.staff('GET', `/order/${confirmation}`)) as StaffOrder;
    assert.equal(order.referenceId, 'SUN-E2E-1');
    assert.equal(order.reseller?.agencyName, 'Sunset Travel');
    const [item] = order.items;
    assert.equal(item?.productNumber, TOUR.number);
    assert.equal(item?.pickupDetailId, TOUR.pickup);
    assert.equal(item?.locationId, TOUR.hotel);
    const seatsLeft = async () => {
      const day = item!.itemId.split('-')[2]!;
      const from = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
      const inventory = (await e2e.staff(
        'GET',
        `/product/${TOUR.number}/item?from=${from}&to=${from}`,
      )) as Inventory;
      const slot = inventory.items[0]!.timesAvailable.find((s) => s.activityId === item!.itemId);
      return slot!.tiersAvailable['*'];
    };
    assert.equal(await seatsLeft(), 16 - 3);

    await panel.getByRole('tab', { name: 'Orders' }).click();
    const orders = panel.locator('resmark-agent-orders');
    await orders.getByRole('textbox', { name: 'Confirmation number' }).fill(String(confirmation));
    await orders.getByRole('button', { name: 'Find' }).click();
    const detail = orders.locator('resmark-agent-order');
    await detail.getByRole('button', { name: `Cancel Child 1, ${TOUR.name}`, exact: true }).click();
    const dialog = detail.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel the participant' }).click();
    await detail.locator('[part=notice]').waitFor();

    assert.equal(await seatsLeft(), 16 - 3 + 1, 'the child’s seat is on sale again');
    const after = (await e2e.staff('GET', `/order/${confirmation}`)) as StaffOrder;
    const child = after.items[0]!.participantList.find((p) => p.tier === 'Child');
    assert.equal(child?.status, 'cancelled');
    assert.deepEqual(errors, []);
  });

  it('makes exactly one order when the answer to POST /order is lost', async () => {
    const { errors, booking } = await bookingForCanyon();
    await tourToReview(booking, 'SUN-E2E-LOST');
    await e2e.control('POST', '/__sandbox/faults', {
      method: 'POST',
      path: '/order',
      dropResponse: true,
    });
    await booking.getByRole('button', { name: 'Place order' }).click();
    const confirmation = await shownConfirmation(booking);
    const made = (await e2e.staff('GET', '/order?referenceId=SUN-E2E-LOST')) as StaffOrder[];
    assert.deepEqual(
      made.map((o) => o.confirmation),
      [confirmation],
      'one order, the one shown',
    );
    assert.deepEqual(errors, []);
  });

  it('asks for the key again, the username kept, when Resmark ends the session', async () => {
    // A day later on Resmark's clock: the token the panel holds is refused.
    await e2e.advance(TOKEN_LIFETIME_MS);
    const { page, errors } = await chromium.openPanel();
    const form = page.locator('resmark-agent-sign-in');
    await form.locator('[part=notice]').filter({ hasText: 'session has ended' }).waitFor();
    assert.equal(await form.locator('input#username').inputValue(), AGENT.username);
    assert.equal(await form.locator('input#baseUrl').inputValue(), e2e.sandbox.apiUrl);
    await form.locator('input#apiKey').fill(AGENT.apiKey);
    await form.locator('button[type=submit]').click();
    await page.locator('resmark-agent-panel [part=header]').waitFor();
    assert.deepEqual(errors, []);
  });
});
