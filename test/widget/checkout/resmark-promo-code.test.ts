import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../widget/checkout/resmark-promo-code.js';
import type { PromoStatus, ResmarkPromoCode } from '../../../widget/checkout/resmark-promo-code.js';
import { expectFitsPhone, expectOwnTypography, loudPage } from './layout.js';
import { expectBusyKeepsFocus } from '../keyboard.js';

const $ = <T extends Element>(el: ResmarkPromoCode, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const input = (el: ResmarkPromoCode) => $<HTMLInputElement>(el, 'input');
const button = (el: ResmarkPromoCode) => $<HTMLButtonElement>(el, 'button');
const status = (el: ResmarkPromoCode) => $(el, '[part=status]').textContent!.trim();

async function promo(state: PromoStatus = 'idle', code?: string, message?: string) {
  return fixture<ResmarkPromoCode>(
    html`<resmark-promo-code
      .status=${state}
      .code=${code}
      .message=${message}
    ></resmark-promo-code>`,
  );
}

describe('<resmark-promo-code>', () => {
  describe('when idle', () => {
    it('has a labelled field and an Apply button, and says nothing', async () => {
      const el = await promo();
      expect(input(el).labels![0]!.textContent!.trim()).to.equal('Promo code');
      expect(button(el).textContent!.trim()).to.equal('Apply');
      expect(status(el)).to.equal('');
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('applies the trimmed code on Apply', async () => {
      const el = await promo();
      input(el).value = '  SUMMER10 ';
      setTimeout(() => button(el).click());
      const { detail } = await oneEvent(el, 'resmark-promo-apply');
      expect(detail).to.deep.equal({ promoCode: 'SUMMER10' });
      expect(el.code).to.equal('SUMMER10');
    });

    it('applies on Enter in the field', async () => {
      const el = await promo();
      input(el).focus();
      await sendKeys({ type: 'SUMMER10' });
      const applied = oneEvent(el, 'resmark-promo-apply');
      await sendKeys({ press: 'Enter' });
      expect((await applied).detail.promoCode).to.equal('SUMMER10');
    });

    it('sends nothing for an empty field', async () => {
      const el = await promo();
      let fired = false;
      el.addEventListener('resmark-promo-apply', () => (fired = true));
      input(el).value = '   ';
      button(el).click();
      await el.updateComplete;
      expect(fired).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
    });

    it('shows why the last try failed for another reason', async () => {
      const el = await promo('idle', 'SUMMER10', 'Could not reach the server');
      expect(status(el)).to.equal('Could not reach the server');
    });
  });

  describe('while applying', () => {
    it('waits, saying so, and sends nothing more', async () => {
      const el = await promo('applying', 'SUMMER10');
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(button(el)).opacity).to.equal('0.55');
      expect(button(el).textContent!.trim()).to.equal('Applying…');
      expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
      let fired = false;
      el.addEventListener('resmark-promo-apply', () => (fired = true));
      $<HTMLFormElement>(el, 'form').requestSubmit();
      expect(fired).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('keeps the focus on the Apply pressed from the keyboard, and a second press sends nothing', async () => {
      const el = await promo();
      input(el).value = 'SUMMER10';
      await expectBusyKeepsFocus(el, button(el), 'resmark-promo-apply', () => {
        el.status = 'applying';
      });
      await expect(el).to.be.accessible();
    });
  });

  describe('when applied', () => {
    it('names the code, in a live region', async () => {
      const el = await promo('applied', 'SUMMER10');
      expect(status(el)).to.equal('SUMMER10 applied');
      expect($(el, '[part=status]').getAttribute('role')).to.equal('status');
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  });

  describe('when invalid', () => {
    it('says the code is not valid, at the field', async () => {
      const el = await promo('invalid', 'NOPE');
      expect(status(el)).to.equal('This code is not valid');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')).to.equal($(el, '[part=status]').id);
      await expect(el).to.be.accessible();
    });
  });

  describe('when not applicable', () => {
    it('tells a valid code that fits nothing apart from an invalid one', async () => {
      const el = await promo('not-applicable', 'BIKES20');
      expect(status(el)).to.equal('This code is valid but does not apply to anything in your cart');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('on a phone', () => {
    it('fits 320 px with 44 px targets', async () => {
      await expectFitsPhone(await promo('not-applicable', 'BIKES20'));
    });
  });

  describe('inside a page with its own typography', () => {
    let page: ReturnType<typeof loudPage>;
    beforeEach(() => (page = loudPage()));
    afterEach(() => page.restore());

    it('keeps 16 px text, 44 px targets and its own case and alignment', async () => {
      const el = await fixture<ResmarkPromoCode>(
        html`<resmark-promo-code status="invalid" code="NOPE"></resmark-promo-code>`,
        { parentNode: page.parent },
      );
      await expectOwnTypography(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('across re-renders', () => {
    it('keeps what the shopper typed', async () => {
      const el = await promo('invalid', 'NOPE');
      input(el).value = 'SUMMER1';
      el.status = 'idle';
      await el.updateComplete;
      expect(input(el).value).to.equal('SUMMER1');
      expect(status(el)).to.equal('');
    });
  });
});
