import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Cart, CartItem } from '../../../shared/cart.js';
import '../../../widget/checkout/resmark-cart-summary.js';
import type { ResmarkCartSummary } from '../../../widget/checkout/resmark-cart-summary.js';
import { cart, kayakPickups } from '../fixtures.js';
import { expectFitsPhone } from './layout.js';

const kayak = cart.items[0]!;
const sunset: CartItem = {
  ...kayak,
  itemId: 'a-94176-20261125-1730',
  productNumber: 94176,
  productName: 'Sunset Paddle',
  startTime: '2026-11-25T17:30:00.000Z',
  endTime: '2026-11-25T19:30:00.000Z',
  participants: { All: 2 },
  pickupDetailId: null,
  locationId: null,
  participantList: [],
  subtotal: 98,
  discount: 0,
  total: 98,
};
const dayPass: CartItem = {
  ...sunset,
  itemId: 'a-94177-dateless',
  productName: 'Kayak Day Pass',
  startTime: null,
  endTime: null,
  participants: { All: 1 },
  total: 35,
};

// Intl writes a narrow no-break space before AM/PM; a shopper sees a space.
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: ResmarkCartSummary, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: ResmarkCartSummary, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const totals = (el: ResmarkCartSummary) =>
  $$(el, '[part=totals] .row').map((row) => [text(row.children[0]), text(row.children[1])]);

async function summary(value: Cart | undefined, editable = false, adjustable = false) {
  return fixture<ResmarkCartSummary>(
    html`<resmark-cart-summary
      locale="en-US"
      .cart=${value}
      ?editable=${editable}
      ?adjustable=${adjustable}
    ></resmark-cart-summary>`,
  );
}

describe('<resmark-cart-summary>', () => {
  describe('when empty', () => {
    it('says so without a cart', async () => {
      const el = await summary(undefined);
      expect(text($(el, '[part=empty]'))).to.equal('Your cart is empty');
      expect($(el, '[part=totals]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says so for a cart without items', async () => {
      const el = await summary({ ...cart, items: [], total: 0 }, true);
      expect(text($(el, '[part=empty]'))).to.equal('Your cart is empty');
      expect($(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('with an item', () => {
    it('shows its product, day and times, people, pickup and total', async () => {
      const el = await summary(cart);
      const item = $(el, '[part=item]')!;
      expect(text(item.querySelector('[part=product]'))).to.equal('Half-Day Canyon Kayak Tour');
      expect(text(item)).to.include('Wed, Nov 25, 2026, 9:00 AM – 1:00 PM');
      expect(text(item)).to.include('2 × Adult, 1 × Child');
      expect(text(item)).to.include('Pickup included');
      expect(text(item.querySelector('[part=item-total]'))).to.equal('$237.00');
      expect(totals(el)).to.deep.equal([
        ['Subtotal', '$237.00'],
        ['Total', '$237.00'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('says what one person of each tier costs, as the API priced them', async () => {
      const person = { tier: 'All', price: 49, discount: 0, total: 49 };
      const paddle = {
        ...sunset,
        participantList: [
          { ...person, id: 'p1' },
          { ...person, id: 'p2' },
        ],
      };
      const el = await summary({ ...cart, items: [kayak, paddle] });
      const prices = [...el.shadowRoot!.querySelectorAll('[part=prices]')].map(text);
      expect(prices).to.deep.equal(['Adult: $89.00 · Child: $59.00', 'People: $49.00']);
    });

    it('offers no remove button unless editable', async () => {
      const el = await summary(cart);
      expect($(el, 'button')).to.equal(null);
    });

    it('takes every amount from the cart, adding nothing up', async () => {
      const el = await summary({ ...cart, items: [kayak, sunset], subtotal: 300, total: 290 });
      expect(totals(el)).to.deep.equal([
        ['Subtotal', '$300.00'],
        ['Total', '$290.00'],
      ]);
    });

    it('counts people from participantList when the counts are missing', async () => {
      const { participants: _, ...withoutCounts } = kayak;
      const el = await summary({ ...cart, items: [withoutCounts as CartItem] });
      expect(text($(el, '[part=item]'))).to.include('2 × Adult, 1 × Child');
    });

    it('names the pickup by its time and place once the product’s zones are known', async () => {
      const el = await fixture<ResmarkCartSummary>(
        html`<resmark-cart-summary
          locale="en-US"
          .cart=${cart}
          .pickups=${new Map([[94175, kayakPickups]])}
        ></resmark-cart-summary>`,
      );
      expect(text($(el, '[part=pickup]'))).to.equal(
        'Pickup: Morning pickup · 8:15 AM, Lake Powell Resort lobby',
      );
      // Another product's zones say nothing of this item's pickup.
      el.pickups = new Map([[94176, kayakPickups]]);
      await el.updateComplete;
      expect(text($(el, '[part=pickup]'))).to.equal('Pickup included');
      await expect(el).to.be.accessible();
    });

    it('names a free-text pickup location', async () => {
      const el = await summary({
        ...cart,
        items: [{ ...kayak, locationId: null, locationOther: 'Lone Rock campsite 12' }],
      });
      expect(text($(el, '[part=item]'))).to.include('Pickup: Lone Rock campsite 12');
    });

    it('shows a dateless item without a time', async () => {
      const el = await summary({ ...cart, items: [dayPass], subtotal: 35, total: 35 }, true);
      expect(text($(el, '[part=item]'))).not.to.match(/AM|PM|2026/);
      expect($(el, '[part=remove]')!.getAttribute('aria-label')).to.equal('Remove Kayak Day Pass');
    });

    it('formats money and dates by locale and the cart’s currency', async () => {
      const el = await fixture<ResmarkCartSummary>(
        html`<resmark-cart-summary
          locale="de-DE"
          .cart=${{ ...cart, currency: 'EUR' }}
        ></resmark-cart-summary>`,
      );
      expect(text($(el, '[part=item-total]'))).to.equal('237,00 €');
      expect(text($(el, '[part=item]'))).to.include('09:00');
    });
  });

  describe('with a promo code', () => {
    it('shows the discount with the code, and the API’s total', async () => {
      const el = await summary({
        ...cart,
        promoCode: 'SUMMER10',
        subtotal: 237,
        discount: 23.7,
        total: 213.3,
      });
      expect(totals(el)).to.deep.equal([
        ['Subtotal', '$237.00'],
        ['Discount (SUMMER10)', '-$23.70'],
        ['Total', '$213.30'],
      ]);
      await expect(el).to.be.accessible();
    });
  });

  describe('on a phone', () => {
    it('fits 320 px with 44 px targets', async () => {
      await expectFitsPhone(
        await summary(
          { ...cart, items: [kayak, sunset], promoCode: 'SUMMER10', discount: 9 },
          true,
        ),
      );
    });
  });

  describe('when editable', () => {
    it('names each remove button by product, day and time', async () => {
      const el = await summary({ ...cart, items: [kayak, sunset] }, true);
      expect(
        $$(el, '[part=remove]').map((b) => b.getAttribute('aria-label')?.replace(/\s+/g, ' ')),
      ).to.deep.equal([
        'Remove Half-Day Canyon Kayak Tour, Wed, Nov 25, 2026, 9:00 AM – 1:00 PM',
        'Remove Sunset Paddle, Wed, Nov 25, 2026, 5:30 PM – 7:30 PM',
      ]);
      await expect(el).to.be.accessible();
    });

    it('asks to remove the item that was clicked', async () => {
      const el = await summary({ ...cart, items: [kayak, sunset] }, true);
      setTimeout(() => $$(el, '[part=remove]')[1]!.click());
      const { detail } = await oneEvent(el, 'resmark-item-remove');
      expect(detail).to.deep.equal({ itemId: 'a-94176-20261125-1730' });
    });

    it('asks to remove from the keyboard, then keeps focus in the cart', async () => {
      const el = await summary({ ...cart, items: [kayak, sunset] }, true);
      $$(el, '[part=remove]')[1]!.focus();
      const removed = oneEvent(el, 'resmark-item-remove');
      await sendKeys({ press: 'Enter' });
      expect((await removed).detail.itemId).to.equal('a-94176-20261125-1730');
      el.cart = { ...cart, items: [kayak] };
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($$(el, '[part=remove]')[0]);

      const last = oneEvent(el, 'resmark-item-remove');
      await sendKeys({ press: 'Space' });
      expect((await last).detail.itemId).to.equal('a-94175-20261125-0900');
      el.cart = { ...cart, items: [], total: 0 };
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=empty]'));
    });
  });

  describe('when its quantities can be changed (issue 11, item 6)', () => {
    const tiers = (el: ResmarkCartSummary) =>
      $$(el, '[part=quantities] .tier').map((row) =>
        text(row).replace(/[−+]/g, '').replace(/\s+/g, ' ').trim(),
      );

    it('shows each tier’s count with one fewer / one more, named for a screen reader', async () => {
      const el = await summary({ ...cart, items: [kayak, sunset] }, true, true);
      expect(tiers(el)).to.deep.equal(['Adult 2', 'Child 1', 'People 2']);
      expect($$(el, '[part=increase]')[0]!.getAttribute('aria-label')).to.equal('One more: Adult');
      expect($$(el, '[part=decrease]')[2]!.getAttribute('aria-label')).to.equal(
        'One fewer: People',
      );
      await expect(el).to.be.accessible();
    });

    it('asks for every tier’s new count on one more', async () => {
      const el = await summary({ ...cart, items: [kayak, sunset] }, true, true);
      setTimeout(() => $$(el, '[part=increase]')[1]!.click());
      const { detail } = await oneEvent(el, 'resmark-item-change');
      expect(detail).to.deep.equal({ itemId: kayak.itemId, participants: { Adult: 2, Child: 2 } });
    });

    it('asks to remove the line when its last person goes', async () => {
      const el = await summary({ ...cart, items: [dayPass] }, true, true);
      setTimeout(() => $$(el, '[part=decrease]')[0]!.click());
      const { detail } = await oneEvent(el, 'resmark-item-remove');
      expect(detail).to.deep.equal({ itemId: dayPass.itemId });
    });

    it('waits while the cart is changing', async () => {
      const el = await summary({ ...cart, items: [sunset] }, true, true);
      el.busy = true;
      await el.updateComplete;
      let asked = false;
      el.addEventListener('resmark-item-change', () => (asked = true));
      $$(el, '[part=increase]')[0]!.click();
      expect(asked).to.equal(false);
      expect($$(el, '[part=increase]')[0]!.getAttribute('aria-disabled')).to.equal('true');
    });

    it('fits 320 px with 44 px targets', async () => {
      await expectFitsPhone(await summary({ ...cart, items: [kayak, sunset] }, true, true));
    });
  });
});
