import { fakeBrowser, resetFakeBrowser } from '../fake-browser.js';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import { AgentSession } from '../../../extension/auth/agent-session.js';
import '../../../extension/panel/resmark-agent-panel.js';
import type { ResmarkAgentPanel } from '../../../extension/panel/resmark-agent-panel.js';
import { order as orderFixture } from '../../widget/fixtures.js';
import {
  activeTab,
  agentSession,
  favourites,
  rememberedKey,
  suppliers,
  type StoredSession,
} from '../../../extension/utils/storage.js';
import { AGENT, CANYON, HARBOR, SUNSET, fakeResmark, type FakeResmark } from '../fake-resmark.js';

const HOUR = 60 * 60_000;
const LOCAL = 'http://127.0.0.1:4011/public/api';

/** A session signed in an hour ago, its token still good for 23 hours. */
function storedSession(baseUrl = 'https://app.resmarksystems.com/public/api'): StoredSession {
  return {
    baseUrl,
    username: AGENT.username,
    token: 'token-kept',
    expiresAt: Date.now() + 23 * HOUR,
    agencies: [{ name: 'Sunset Travel', entityId: SUNSET, agentId: '5f2300000000000000000001' }],
  };
}

describe('<resmark-agent-panel>', () => {
  let el: ResmarkAgentPanel;
  let resmark: FakeResmark;
  const root = () => el.shadowRoot!;
  const $ = <T extends Element = HTMLElement>(selector: string) =>
    root().querySelector<T>(selector);
  const signIn = () => root().querySelector('resmark-agent-sign-in');
  /** Inside the supplier picker's shadow root. */
  const picked = (selector: string) => [
    ...($('resmark-supplier-picker')?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
  ];
  const suppliersShown = () => picked('[part=supplier]');

  async function open() {
    el = await fixture(
      html`<resmark-agent-panel
        .agent=${new AgentSession({ fetch: resmark.fetch })}
      ></resmark-agent-panel>`,
    );
    await waitUntil(() => el._phase !== 'loading', 'the panel starts');
  }

  async function openSignedIn() {
    resmark.valid.add('token-kept');
    await agentSession.setValue(storedSession());
    await open();
    await waitUntil(() => suppliersShown().length > 0, 'the suppliers are listed');
  }

  beforeEach(async () => {
    await resetFakeBrowser();
    resmark = fakeResmark();
  });

  describe('when signed out', () => {
    beforeEach(open);

    it('shows the sign-in, starting from the settings', () => {
      expect(signIn()).to.not.equal(null);
      expect(signIn()!.environment).to.equal('production');
      expect($('[part=header]')).to.equal(null);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('signs in from the form into the Book view', async () => {
      const form = signIn()!.shadowRoot!;
      form.querySelector<HTMLInputElement>('#username')!.focus();
      await sendKeys({ type: AGENT.username });
      form.querySelector<HTMLInputElement>('#apiKey')!.focus();
      await sendKeys({ type: AGENT.apiKey });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $('[part=header]'), 'signed in');
      expect($('.agency')!.textContent).to.equal('Sunset Travel');
    });
  });

  describe('when signed in', () => {
    beforeEach(openSignedIn);

    it('shows the agency, who is signed in, sign out and the two views', () => {
      expect($('.agency')!.textContent).to.equal('Sunset Travel');
      expect($('[part=header]')!.textContent).to.contain(`Signed in as ${AGENT.username}`);
      const tabs = [...root().querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim());
      expect(tabs).to.deep.equal(['Book', 'Orders']);
      expect($('#tab-book')!.getAttribute('aria-selected')).to.equal('true');
    });

    it('lists the suppliers of the products the agent may book, from its stored token', () => {
      // No POST /authenticate: the stored token was used.
      expect(resmark.seen).to.deep.equal(['GET /product']);
      const ids = suppliersShown().map((b) => b.dataset['entity']);
      expect(ids).to.have.members([CANYON, HARBOR]);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('moves between Book and Orders with the arrow keys', async () => {
      $('#tab-book')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root().activeElement?.id).to.equal('tab-orders');
      expect($('#panel-orders')!.hidden).to.equal(false);
      // Loaded when first opened.
      await waitUntil(() => $('resmark-agent-orders'), 'the Orders view');
      const orders = $<HTMLElement & { client: unknown; customerFacing: boolean }>(
        'resmark-agent-orders',
      )!;
      expect(orders.client).to.equal(el._signedIn!.client);
      expect(orders.customerFacing).to.equal(false);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(root().activeElement?.id).to.equal('tab-book');
      await expect(el).to.be.accessible();
    });

    it('books with a chosen supplier, focusing its heading', async () => {
      suppliersShown()[0]!.click();
      await waitUntil(() => $('resmark-agent-booking'));
      const booking = $<HTMLElement & Record<string, unknown>>('resmark-agent-booking')!;
      expect(booking.supplierId).to.equal(CANYON);
      expect(booking.client).to.equal(el._signedIn!.client);
      expect(root().activeElement?.id).to.equal('booking-heading');
      await expect(el).to.be.accessible();
    });

    it('gives the booking view the products it listed, so the view asks for none again', async () => {
      suppliersShown()[0]!.click();
      await waitUntil(() => $('resmark-agent-booking'));
      const booking = $('resmark-agent-booking')!;
      const products = booking.shadowRoot!.querySelector('resmark-agent-products')!;
      await waitUntil(() => products.products.length > 0, 'the supplier’s products');
      expect(products.products.every((p) => p.entityId === CANYON)).to.equal(true);
      expect(resmark.seen.filter((s) => s === 'GET /product')).to.have.length(1);
    });

    it('keeps the favourites the agent stars', async () => {
      suppliersShown()[0]!.click();
      await waitUntil(() => $('resmark-agent-booking'));
      $('resmark-agent-booking')!.dispatchEvent(
        new CustomEvent('resmark-favourites-change', {
          detail: { favourites: ['5f1b00000000000000000102'] },
          bubbles: true,
          composed: true,
        }),
      );
      await waitUntil(async () => (await favourites.getValue()).length === 1);
      await el.updateComplete;
      expect(root().querySelector('resmark-agent-booking')!.favourites).to.deep.equal([
        '5f1b00000000000000000102',
      ]);
    });

    it('asks for the open carts only when the agent opens the list, and resumes one', async () => {
      expect(resmark.seen).to.not.include('GET /cart');
      const details = $<HTMLDetailsElement>('[part=open-carts]')!;
      expect(details.querySelector('summary')!.textContent).to.equal('Open carts');
      expect($('resmark-open-carts')).to.equal(null);
      details.open = true;
      await waitUntil(() => $('resmark-open-carts'), 'the open carts list');
      $('resmark-open-carts')!.dispatchEvent(
        new CustomEvent('resmark-cart-resume', {
          detail: { cartId: 'cart-7', supplierId: HARBOR },
          bubbles: true,
          composed: true,
        }),
      );
      await waitUntil(() => $('resmark-agent-booking'), 'the booking view');
      const booking = root().querySelector('resmark-agent-booking')!;
      expect(booking.supplierId).to.equal(HARBOR);
      expect(booking.cartId).to.equal('cart-7');
    });

    it('opens a just-made order in the Orders view, from the answer it has', async () => {
      suppliersShown()[0]!.click();
      await waitUntil(() => $('resmark-agent-booking'));
      $('resmark-agent-booking')!.dispatchEvent(
        new CustomEvent('resmark-order-show', {
          detail: { order: orderFixture },
          bubbles: true,
          composed: true,
        }),
      );
      await waitUntil(() => $('resmark-agent-orders')?.shadowRoot?.querySelector('[part=order]'));
      expect($('#tab-orders')!.getAttribute('aria-selected')).to.equal('true');
      expect(root().activeElement?.tagName, 'the order takes focus').to.equal(
        'RESMARK-AGENT-ORDERS',
      );
      // Only the view's recent list, behind the order; the order itself is not asked for again.
      expect(resmark.seen.filter((s) => s.startsWith('GET /order/'))).to.deep.equal([]);
    });

    it('keeps what the supplier manager changes', async () => {
      $<HTMLButtonElement>('[part=manage]')!.click();
      await waitUntil(() => $('resmark-supplier-manager'), 'the supplier manager');
      const manager = $<HTMLElement & { known: string[] }>('resmark-supplier-manager')!;
      expect(manager.known).to.have.members([CANYON, HARBOR]);
      const list = [{ entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.test'] }];
      manager.dispatchEvent(
        new CustomEvent('resmark-suppliers-change', {
          detail: { suppliers: list },
          bubbles: true,
          composed: true,
        }),
      );
      await waitUntil(async () => (await suppliers.getValue()).length === 1);
      expect(await suppliers.getValue()).to.deep.equal(list);
    });

    it('signs out, forgetting everything stored', async () => {
      await suppliers.setValue([{ entityId: CANYON, name: 'Canyon Kayak', patterns: [] }]);
      [...root().querySelectorAll('button')]
        .find((b) => b.textContent!.trim() === 'Sign out')!
        .click();
      await waitUntil(() => signIn(), 'the sign-in is back');
      expect(signIn()!.username).to.equal('');
      expect(fakeBrowser.storage.local.data.size).to.equal(0);
      expect(fakeBrowser.storage.session.data.size).to.equal(0);
    });
  });

  describe('when opened on a supplier’s site', () => {
    beforeEach(async () => {
      await suppliers.setValue([
        { entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.test'] },
        { entityId: HARBOR, name: 'Harbor Bikes', patterns: ['harborbikes.test'] },
      ]);
      await activeTab.setValue({ url: 'https://book.canyonkayak.test/tours/94175', at: 0 });
      await openSignedIn();
    });

    it('offers that supplier first, by the name the agent gave it', () => {
      expect(picked('[part=offered]')[0]!.textContent).to.contain('Canyon Kayak');
      const names = suppliersShown().map((b) => b.querySelector('.name')!.textContent);
      expect(names).to.deep.equal(['Canyon Kayak', 'Harbor Bikes']);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('follows a new tab recorded by the background', async () => {
      await activeTab.setValue({ url: 'https://harborbikes.test/', at: 1 });
      await waitUntil(() => picked('[part=offered]')[0]?.textContent?.includes('Harbor Bikes'));
    });

    it('is reached from the keyboard first, and Enter books with it', async () => {
      $('#tab-book')!.focus();
      await sendKeys({ press: 'Tab' });
      const picker = $('resmark-supplier-picker')!;
      expect(root().activeElement).to.equal(picker);
      expect(picker.shadowRoot!.activeElement?.textContent).to.contain('Canyon Kayak');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $('resmark-agent-booking'));
      expect($('#booking-heading')!.textContent).to.contain('Canyon Kayak');
    });
  });

  describe('in customer-facing mode', () => {
    beforeEach(async () => {
      await openSignedIn();
      $<HTMLInputElement>('[name=customerFacing]')!.click();
      await el.updateComplete;
    });

    it('hides the agent’s own data and tells the views', async () => {
      expect($('[part=header]')!.textContent).to.not.contain(AGENT.username);
      expect($('[part=manage]')).to.equal(null);
      suppliersShown()[0]!.click();
      await waitUntil(() => $('resmark-agent-booking'));
      expect(
        $<HTMLElement & { customerFacing: boolean }>('resmark-agent-booking')!.customerFacing,
      ).to.equal(true);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('is a switch the keyboard turns off again', async () => {
      const box = $<HTMLInputElement>('[name=customerFacing]')!;
      box.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(box.checked).to.equal(false);
      expect($('[part=header]')!.textContent).to.contain(AGENT.username);
    });
  });

  describe('when the session ended', () => {
    it('asks for the key again, with the username kept, when it was not remembered', async () => {
      await agentSession.setValue({ ...storedSession(), expiresAt: Date.now() - 1 });
      await open();
      expect(signIn()!.username).to.equal(AGENT.username);
      expect(signIn()!.notice).to.equal('expired');
      await expect(el).to.be.accessible();
    });

    it('renews by itself when the key was remembered', async () => {
      const session = { ...storedSession(), expiresAt: Date.now() - 1 };
      await agentSession.setValue(session);
      await rememberedKey.setValue({
        baseUrl: session.baseUrl,
        username: AGENT.username,
        apiKey: AGENT.apiKey,
      });
      await open();
      await waitUntil(() => suppliersShown().length > 0, 'the suppliers are listed');
      expect(resmark.seen.slice(0, 2)).to.deep.equal(['POST /authenticate', 'GET /product']);
      expect((await agentSession.getValue())!.token).to.equal('token-1');
    });

    it('goes back to the sign-in when Resmark refuses the token', async () => {
      await openSignedIn();
      resmark.valid.clear();
      suppliersShown()[0]!.click();
      await el.updateComplete;
      $<HTMLButtonElement>('#tab-orders')!.click();
      // What a view does with the client: any call now meets the 401.
      await el._signedIn!.client.product.list().catch(() => undefined);
      await waitUntil(() => signIn(), 'the sign-in is back');
      expect(signIn()!.notice).to.equal('expired');
      expect(signIn()!.username).to.equal(AGENT.username);
    });
  });

  describe('with a custom base URL whose permission was removed', () => {
    it('explains it at the next opening', async () => {
      resmark.valid.add('token-kept');
      await agentSession.setValue(storedSession(LOCAL));
      await open();
      expect(signIn()!.notice).to.equal('revoked');
      const notice = signIn()!.shadowRoot!.querySelector('[part=notice]')!.textContent;
      expect(notice).to.contain('127.0.0.1:4011');
      await expect(el).to.be.accessible();
    });

    it('notices the removal while open', async () => {
      resmark.valid.add('token-kept');
      fakeBrowser.permissions.granted.add('http://127.0.0.1/*');
      await agentSession.setValue(storedSession(LOCAL));
      await open();
      await waitUntil(() => suppliersShown().length > 0, 'signed in');
      await fakeBrowser.permissions.remove({ origins: ['http://127.0.0.1/*'] });
      await waitUntil(() => signIn(), 'the sign-in is back');
      expect(signIn()!.notice).to.equal('revoked');
    });
  });
});
