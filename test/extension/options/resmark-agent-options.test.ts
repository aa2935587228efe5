import { fakeBrowser, resetFakeBrowser } from '../fake-browser.js';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import { LOCAL_SANDBOX } from '../../../extension/auth/agent-session.js';
import '../../../extension/options/resmark-agent-options.js';
import type { ResmarkAgentOptions } from '../../../extension/options/resmark-agent-options.js';
import {
  followTabs,
  rememberedKey,
  settings,
  suppliers,
} from '../../../extension/utils/storage.js';
import { AGENT } from '../fake-resmark.js';

describe('<resmark-agent-options>', () => {
  let el: ResmarkAgentOptions;
  const $ = <T extends HTMLElement = HTMLInputElement>(selector: string) =>
    el.shadowRoot!.querySelector<T>(selector)!;
  const status = () => $('[part=status]').textContent!.trim();

  beforeEach(async () => {
    await resetFakeBrowser();
    el = await fixture(html`<resmark-agent-options></resmark-agent-options>`);
    await el.updateComplete;
  });

  it('passes axe', async () => {
    await expect(el).to.be.accessible();
  });

  it('keeps the environment the sign-in starts with', async () => {
    const select = $<HTMLSelectElement>('#environment');
    select.value = LOCAL_SANDBOX;
    select.dispatchEvent(new Event('change'));
    await waitUntil(async () => (await settings.getValue()).environment === LOCAL_SANDBOX);
    expect(status()).to.equal('Saved.');
  });

  it('refuses a custom base URL that is not https or local', async () => {
    const select = $<HTMLSelectElement>('#environment');
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const field = $('#baseUrl');
    field.value = 'http://example.com/public/api';
    field.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(status()).to.contain('https://…/public/api');
    expect((await settings.getValue()).environment).to.equal('production');
    await expect(el).to.be.accessible();
  });

  it('forgets a remembered key as soon as "remember" is unticked', async () => {
    await settings.setValue({ environment: 'production', rememberKey: true });
    await rememberedKey.setValue({ baseUrl: 'x', username: AGENT.username, apiKey: 'k' });
    await waitUntil(() => $('#remember').checked);
    $('#remember').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(async () => (await rememberedKey.getValue()) === null);
    expect((await settings.getValue()).rememberKey).to.equal(false);
  });

  describe('following tabs', () => {
    it('asks for the tabs permission from the click, and keeps the choice', async () => {
      $('#follow').focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => followTabs.getValue());
      expect(fakeBrowser.permissions.requests).to.deep.equal([{ permissions: ['tabs'] }]);
      expect($('#follow').checked).to.equal(true);
    });

    it('says so when the browser refuses, and stays off', async () => {
      fakeBrowser.permissions.answer = false;
      $('#follow').click();
      await waitUntil(() => status().includes('not given'));
      expect($('#follow').checked).to.equal(false);
      expect(await followTabs.getValue()).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('gives the permission back when turned off', async () => {
      $('#follow').click();
      await waitUntil(() => followTabs.getValue());
      $('#follow').click();
      await waitUntil(async () => !(await followTabs.getValue()));
      expect(fakeBrowser.permissions.granted.has('tabs')).to.equal(false);
    });
  });

  it('signs out, forgetting everything the extension stored', async () => {
    await suppliers.setValue([{ entityId: 'e', name: 'E', patterns: [] }]);
    await fakeBrowser.storage.session.set({ 'agent-session': { username: AGENT.username } });
    $<HTMLButtonElement>('[part=sign-out]').click();
    await waitUntil(() => status() === 'Signed out. Nothing is kept.');
    expect(fakeBrowser.storage.local.data.size).to.equal(0);
    expect(fakeBrowser.storage.session.data.size).to.equal(0);
  });
});
