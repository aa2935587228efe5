import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ResmarkCartSummary } from '../../../widget/checkout/resmark-cart-summary.js';
import '../../../widget/checkout/resmark-order-review.js';
import type { ResmarkOrderReview } from '../../../widget/checkout/resmark-order-review.js';
import { cart } from '../fixtures.js';
import { expectFitsPhone } from './layout.js';
import { expectBusyKeepsFocus } from '../keyboard.js';

const $ = <T extends HTMLElement = HTMLElement>(el: ResmarkOrderReview, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const place = (el: ResmarkOrderReview) => $<HTMLButtonElement>(el, '[part=place]');

async function review(error?: string) {
  return fixture<ResmarkOrderReview>(
    html`<resmark-order-review
      locale="en-US"
      .cart=${cart}
      .customer=${cart.customer}
      .error=${error}
    ></resmark-order-review>`,
  );
}

describe('<resmark-order-review>', () => {
  describe('when ready', () => {
    it('shows the cart, not editable, the customer and the total', async () => {
      const el = await review();
      const summary = $<ResmarkCartSummary>(el, 'resmark-cart-summary');
      await summary.updateComplete;
      expect(summary.cart).to.equal(cart);
      expect(summary.editable).to.equal(false);
      expect(summary.shadowRoot!.querySelector('button')).to.equal(null);
      expect(text(summary.shadowRoot!.querySelector('[part=product]'))).to.equal(
        'Half-Day Canyon Kayak Tour',
      );
      const customer = text($(el, '[part=customer]'));
      expect(customer).to.include('Ana Lopez');
      expect(customer).to.include('ana@example.com');
      expect(customer).to.include('+1 5551234567');
      // One total, the summary's: a second one by the button read as a second charge.
      const totals = text(summary.shadowRoot!.querySelector('[part=totals]'));
      expect(totals).to.include('Total $237.00');
      expect(el.shadowRoot!.textContent!.match(/Total/g)).to.equal(null);
      expect(text(place(el))).to.equal('Place order');
      expect(place(el).classList.contains('primary')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('says nothing of payment unless the host knows how the shopper pays', async () => {
      const el = await review();
      expect(el.shadowRoot!.querySelector('[part=payment-note]')).to.equal(null);
    });

    it('says under the total that nothing is charged now, when paid on arrival', async () => {
      const el = await fixture<ResmarkOrderReview>(
        html`<resmark-order-review
          locale="en-US"
          payment="on-arrival"
          .cart=${cart}
          .customer=${cart.customer}
        ></resmark-order-review>`,
      );
      expect(text($(el, '[part=payment-note]'))).to.equal(
        'You pay when you arrive: nothing is charged now.',
      );
      await expect(el).to.be.accessible();
    });

    it('places the order on click', async () => {
      const el = await review();
      setTimeout(() => place(el).click());
      const event = await oneEvent(el, 'resmark-order-place');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('places the order from the keyboard', async () => {
      const el = await review();
      place(el).focus();
      const placed = oneEvent(el, 'resmark-order-place');
      await sendKeys({ press: 'Enter' });
      await placed;
    });

    it('makes a double click one event', async () => {
      const el = await review();
      let placed = 0;
      el.addEventListener('resmark-order-place', () => placed++);
      place(el).click();
      place(el).click();
      await el.updateComplete;
      place(el).click();
      expect(placed).to.equal(1);
    });

    it('can be pressed again once the host clears placing', async () => {
      const el = await review();
      let placed = 0;
      el.addEventListener('resmark-order-place', () => placed++);
      place(el).click();
      el.placing = false;
      await el.updateComplete;
      place(el).click();
      expect(placed).to.equal(2);
    });
  });

  describe('on a phone', () => {
    it('fits 320 px with 44 px targets', async () => {
      await expectFitsPhone(await review('Something went wrong'));
    });
  });

  describe('while placing', () => {
    it('waits, saying so', async () => {
      const el = await review();
      el.placing = true;
      await el.updateComplete;
      // aria-disabled, not disabled: the button pressed from the keyboard keeps the focus.
      expect(place(el).getAttribute('aria-disabled')).to.equal('true');
      expect(place(el).getAttribute('aria-busy')).to.equal('true');
      expect(text(place(el))).to.equal('Placing your order…');
      await expect(el).to.be.accessible();
    });
  });

  describe('when placed from the keyboard', () => {
    it('keeps the focus on "Place order" while placing, and a second press sends nothing', async () => {
      const el = await review();
      // The button makes itself busy (placing), so a double press is one event.
      await expectBusyKeepsFocus(el, place(el), 'resmark-order-place');
      expect(el.placing).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('with an API error', () => {
    it('says what went wrong, as an alert', async () => {
      const el = await review('Your hold ran out. Hold your seats again to continue.');
      const error = $(el, '[part=error]');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.equal('Your hold ran out. Hold your seats again to continue.');
      // After the button, so it does not push the focused button off a phone's screen.
      expect(
        place(el).compareDocumentPosition(error) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.not.equal(0);
      expect(place(el).disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
