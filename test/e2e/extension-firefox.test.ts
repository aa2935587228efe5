/**
 * The reseller extension's production Firefox package in firefox-esr: sign in against the local
 * sandbox (its host granted from the sign-in's own click) and see the agency, then book for a
 * customer and find the order by its confirmation number.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CANYON,
  signInFirefox,
  startExtensionE2E,
  type ExtensionE2E,
  type FirefoxExtension,
} from './extension-harness.js';
import { CUSTOMER } from './shopper.js';

describe('the reseller extension in Firefox', () => {
  let e2e: ExtensionE2E;
  let firefox: FirefoxExtension;

  before(async () => {
    e2e = await startExtensionE2E();
    firefox = await e2e.firefox();
  });
  after(() => e2e?.close());

  it('signs the Sunset Travel agent in against the sandbox and shows the agency', async () => {
    const page = await firefox.openPanel();
    await signInFirefox(page, e2e.sandbox.apiUrl);
    const agency = await page.$eval(
      'resmark-agent-panel >>> [part=header] .agency',
      (el) => el.textContent,
    );
    assert.equal(agency, 'Sunset Travel');
    // The production package asked for the sandbox's host from the click, and has it now.
    const granted = await page.evaluate(() =>
      (
        globalThis as unknown as {
          browser: { permissions: { contains(p: object): Promise<boolean> } };
        }
      ).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    assert.equal(granted, true);
  });

  it('books the Day Pass for a customer and finds the order by its confirmation number', async () => {
    const page = await firefox.openPanel();
    const panel = 'resmark-agent-panel >>>';
    const booking = `${panel} resmark-agent-booking >>>`;
    const type = async (selector: string, value: string) =>
      (await page.waitForSelector(selector))!.type(value);
    const click = async (selector: string) => (await page.waitForSelector(selector))!.click();

    await click(`${panel} resmark-supplier-picker >>> [data-entity="${CANYON.entityId}"]`);
    // The dateless Day Pass: its one slot is chosen for the agent, no calendar to page through.
    await type(`${booking} resmark-agent-products >>> [part=search]`, '94177');
    await page.keyboard.press('Enter');
    await click(`${booking} resmark-tier-quantities >>> button[aria-label^="Add one"]`);
    await click(`${booking} resmark-product-booker >>> [part=add]`);
    await page.waitForSelector(`${booking} resmark-cart-summary`);
    await click(`${booking} .actions button.primary`);
    const form = `${booking} resmark-customer-form >>>`;
    await type(`${form} #firstName`, CUSTOMER.firstName);
    await type(`${form} #lastName`, CUSTOMER.lastName);
    await type(`${form} #email`, CUSTOMER.email);
    await type(`${form} #phone`, CUSTOMER.phone);
    await page.select(`${form} select[name="Wetsuit Size"]`, CUSTOMER.wetsuit);
    await click(`${form} [part=submit]`);
    await click(`${booking} resmark-order-review >>> [part=place]`);
    const number = await page.waitForSelector(`${booking} resmark-confirmation >>> [part=number]`);
    const confirmation = Number(await number!.evaluate((el) => el.textContent));
    assert.ok(confirmation > 100000, `confirmation ${confirmation}`);

    await click(`${panel} #tab-orders`);
    const orders = `${panel} resmark-agent-orders >>>`;
    await type(`${orders} [part=search-input]`, String(confirmation));
    await click(`${orders} [part=search-button]`);
    const heading = await page.waitForSelector(`${orders} resmark-agent-order >>> [part=heading]`);
    assert.equal(await heading!.evaluate((el) => el.textContent), `Order ${confirmation}`);
    const order = (await e2e.staff('GET', `/order/${confirmation}`)) as {
      reseller: { agencyName: string } | null;
      items: { productNumber: number }[];
    };
    assert.equal(order.reseller?.agencyName, 'Sunset Travel');
    assert.deepEqual(
      order.items.map((item) => item.productNumber),
      [94177],
    );
  });
});
