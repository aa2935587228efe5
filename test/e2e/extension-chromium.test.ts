/**
 * The reseller extension in Chromium, as an agent meets it: sign in against the local sandbox,
 * see the agency, and, with the panel opened from a supplier's site, be offered that supplier first;
 * when Resmark ends the session, sign in again with only the key to type.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOKEN_LIFETIME_MS } from '../../shared/limits.js';
import {
  AGENT,
  CANYON,
  signInChromium,
  startExtensionE2E,
  type ChromiumExtension,
  type ExtensionE2E,
} from './extension-harness.js';

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
