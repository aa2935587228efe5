/**
 * The reseller extension's production Firefox package in firefox-esr: sign in against the local
 * sandbox (its host granted from the sign-in's own click) and see the agency.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  signInFirefox,
  startExtensionE2E,
  type ExtensionE2E,
  type FirefoxExtension,
} from './extension-harness.js';

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
});
