import { fakeBrowser, resetFakeBrowser } from '../fake-browser.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AgentSession, LOCAL_SANDBOX } from '../../../extension/auth/agent-session.js';
import '../../../extension/auth/resmark-agent-sign-in.js';
import type { ResmarkAgentSignIn } from '../../../extension/auth/resmark-agent-sign-in.js';
import { agentSession, rememberedKey } from '../../../extension/utils/storage.js';
import { AGENT, STAFF, fakeResmark, type FakeResmark } from '../fake-resmark.js';

describe('<resmark-agent-sign-in>', () => {
  let el: ResmarkAgentSignIn;
  let resmark: FakeResmark;
  const $ = <T extends Element = HTMLInputElement>(selector: string) =>
    el.shadowRoot!.querySelector<T>(selector)!;
  const problem = () => el.shadowRoot!.querySelector('[part=problem]')?.textContent?.trim() ?? '';
  const focused = () => el.shadowRoot!.activeElement;

  async function type(selector: string, value: string) {
    $(selector).focus();
    await sendKeys({ type: value });
  }

  async function fill(username: string, apiKey: string) {
    await type('#username', username);
    await type('#apiKey', apiKey);
  }

  async function submit() {
    $<HTMLButtonElement>('[part=submit]').click();
    await el.updateComplete;
  }

  /** Waits until the element is no longer signing in. */
  async function settled() {
    for (let i = 0; i < 50 && el._busy; i++) await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }

  beforeEach(async () => {
    await resetFakeBrowser();
    resmark = fakeResmark();
    el = await fixture(
      html`<resmark-agent-sign-in
        .agent=${new AgentSession({ fetch: resmark.fetch })}
      ></resmark-agent-sign-in>`,
    );
  });

  describe('when signed out', () => {
    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('asks for environment, username, a masked API key and whether to remember it', () => {
      expect($<HTMLSelectElement>('#environment').value).to.equal('production');
      expect($('#apiKey').type).to.equal('password');
      expect($('#remember').checked).to.equal(false);
      const options = [...$<HTMLSelectElement>('#environment').options].map((o) => o.value);
      expect(options).to.deep.equal(['production', 'sandbox', LOCAL_SANDBOX, 'custom']);
    });

    it('shows a base URL field for a custom environment, and passes axe with it', async () => {
      const select = $<HTMLSelectElement>('#environment');
      select.value = 'custom';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect($('#baseUrl')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is used with the keyboard alone: Tab through the fields, Enter signs in', async () => {
      $<HTMLSelectElement>('#environment').focus();
      await sendKeys({ press: 'Tab' });
      expect(focused()?.id).to.equal('username');
      await sendKeys({ type: AGENT.username });
      await sendKeys({ press: 'Tab' });
      expect(focused()?.id).to.equal('apiKey');
      await sendKeys({ type: AGENT.apiKey });
      const signedIn = oneEvent(el, 'resmark-agent-sign-in');
      await sendKeys({ press: 'Enter' });
      expect((await signedIn).detail.signedIn.session.username).to.equal(AGENT.username);
    });

    it('names the empty field and focuses it, sending nothing', async () => {
      await submit();
      expect(problem()).to.contain('Enter your username');
      expect(focused()?.id).to.equal('username');
      expect($('#username').getAttribute('aria-invalid')).to.equal('true');
      expect(resmark.seen).to.deep.equal([]);
    });
  });

  describe('when signing in', () => {
    let release: () => void;
    beforeEach(async () => {
      resmark.hold = new Promise((resolve) => (release = () => resolve(undefined)));
      await fill(AGENT.username, AGENT.apiKey);
      await submit();
    });
    afterEach(() => release());

    it('says so, keeps the focus on the button, and ignores more presses', async () => {
      const button = $<HTMLButtonElement>('[part=submit]');
      expect(button.textContent?.trim()).to.equal('Signing in…');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect($('form').getAttribute('aria-busy')).to.equal('true');
      button.focus();
      await sendKeys({ press: 'Enter' });
      expect(resmark.seen).to.deep.equal(['POST /authenticate']);
      expect(focused()).to.equal(button);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });
  });

  describe('when it succeeds', () => {
    it('authenticates, reads the agencies, stores the session but not the key', async () => {
      await fill(AGENT.username, AGENT.apiKey);
      const signedIn = oneEvent(el, 'resmark-agent-sign-in');
      await submit();
      const { session, remembered } = (await signedIn).detail.signedIn;
      expect(resmark.seen).to.deep.equal([
        'POST /authenticate',
        `GET /agency/${encodeURIComponent(AGENT.username)}`,
      ]);
      expect(session.agencies.map((a: { name: string }) => a.name)).to.deep.equal([
        'Sunset Travel',
      ]);
      expect(remembered).to.equal(false);
      expect((await agentSession.getValue())?.token).to.equal('token-1');
      expect(await rememberedKey.getValue()).to.equal(null);
      expect(fakeBrowser.permissions.requests).to.deep.equal([]);
    });

    it('keeps the key on this device only when asked to', async () => {
      await fill(AGENT.username, AGENT.apiKey);
      $('#remember').click();
      const signedIn = oneEvent(el, 'resmark-agent-sign-in');
      await submit();
      expect((await signedIn).detail.signedIn.remembered).to.equal(true);
      expect((await rememberedKey.getValue())?.apiKey).to.equal(AGENT.apiKey);
    });
  });

  describe('when the key is wrong (or the user unknown)', () => {
    beforeEach(async () => {
      await fill(AGENT.username, 'not-the-key');
      await submit();
      await settled();
    });

    it('says so at the key, focuses it, and keeps what was typed', () => {
      expect(problem()).to.contain('did not accept this username and API key');
      expect(focused()?.id).to.equal('apiKey');
      expect($('#apiKey').getAttribute('aria-invalid')).to.equal('true');
      expect($('#username').value).to.equal(AGENT.username);
      expect($('#apiKey').value).to.equal('not-the-key');
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });
  });

  describe('when the user belongs to no agency', () => {
    beforeEach(async () => {
      await fill(STAFF.username, STAFF.apiKey);
      await submit();
      await settled();
    });

    it('says this is a reseller tool and what to do, and stores nothing', async () => {
      expect(problem()).to.contain('not an agent of any reseller agency');
      expect(problem()).to.contain('Ask your agency’s Resmark administrator');
      expect(await agentSession.getValue()).to.equal(null);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });
  });

  describe('when the server cannot be reached', () => {
    beforeEach(async () => {
      resmark.unreachable = true;
      await fill(AGENT.username, AGENT.apiKey);
      await submit();
      await settled();
    });

    it('names the host, keeps what was typed, and leaves the focus on Sign in', () => {
      expect(problem()).to.contain('Could not reach app.resmarksystems.com');
      expect($('#apiKey').value).to.equal(AGENT.apiKey);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });
  });

  describe('with a custom base URL', () => {
    beforeEach(async () => {
      const select = $<HTMLSelectElement>('#environment');
      select.value = 'custom';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await type('#baseUrl', 'http://127.0.0.1:4011/public/api');
      await fill(AGENT.username, AGENT.apiKey);
    });

    it('asks for its host from the click, then signs in', async () => {
      const signedIn = oneEvent(el, 'resmark-agent-sign-in');
      await submit();
      expect(fakeBrowser.permissions.requests).to.deep.equal([{ origins: ['http://127.0.0.1/*'] }]);
      expect((await signedIn).detail.signedIn.session.baseUrl).to.equal(
        'http://127.0.0.1:4011/public/api',
      );
    });

    it('explains a refused permission at the URL, sending nothing', async () => {
      fakeBrowser.permissions.answer = false;
      await submit();
      await settled();
      expect(problem()).to.contain('needs your permission to reach 127.0.0.1:4011');
      expect(focused()?.id).to.equal('baseUrl');
      expect(resmark.seen).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says when the URL is not a Resmark API', async () => {
      resmark.notResmark = true;
      await submit();
      await settled();
      expect(problem()).to.contain('did not answer like the Resmark API');
    });

    it('refuses plain http to another computer before asking anything', async () => {
      $('#baseUrl').value = '';
      await type('#baseUrl', 'http://example.com/public/api');
      await submit();
      expect(problem()).to.contain('https://…/public/api');
      expect(fakeBrowser.permissions.requests).to.deep.equal([]);
    });
  });

  describe('when the session ended', () => {
    beforeEach(async () => {
      el.notice = 'expired';
      el.username = AGENT.username;
      await el.updateComplete;
    });

    it('says why, with the username kept', async () => {
      expect($('[part=notice]').textContent).to.contain('session has ended');
      expect($('#username').value).to.equal(AGENT.username);
      await expect(el).to.be.accessible();
    });
  });
});
