/**
 * `npx tsx scripts/screenshot-extension.ts`: the README's pictures of the side panel, taken from
 * the built Chromium test package against the local sandbox at a side panel's width. Run it again
 * when the panel's look changes.
 */
import { join, resolve } from 'node:path';
import { CANYON, signInChromium, startExtensionE2E } from '../test/e2e/extension-harness.js';
import { bookableDay, chooseTourSeats } from '../test/e2e/shopper.js';

const OUT = resolve(import.meta.dirname, '../docs/images');

const e2e = await startExtensionE2E();
try {
  const chromium = await e2e.chromium();
  await chromium.setStorage('local', {
    suppliers: [{ ...CANYON, name: 'Canyon Kayak Co.', patterns: ['localhost/canyon-kayak/*'] }],
  });
  const { page } = await chromium.openPanel({ from: `${e2e.siteUrl}/canyon-kayak/tours` });
  await page.setViewportSize({ width: 400, height: 860 });
  await signInChromium(page, e2e.sandbox.apiUrl);
  const panel = page.locator('resmark-agent-panel');
  await panel.locator('resmark-supplier-picker [part=offered]').waitFor();
  await page.screenshot({ path: join(OUT, 'extension-suppliers.png') });
  await panel.locator('resmark-supplier-picker [part=offered]').click();
  const booking = panel.locator('resmark-agent-booking');
  const search = booking.getByRole('searchbox', { name: 'Search products' });
  await search.fill('94175');
  await search.press('Enter');
  const { now } = (await e2e.control('GET', '/__sandbox/clock')) as { now: number };
  await chooseTourSeats(booking, bookableDay(now));
  await booking.getByRole('heading', { name: 'Cart' }).waitFor();
  await page.screenshot({ path: join(OUT, 'extension-cart.png') });
  console.log(`Pictures in ${OUT}`);
} finally {
  await e2e.close();
}
