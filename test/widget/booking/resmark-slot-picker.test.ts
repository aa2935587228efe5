import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InventorySlot } from '../../../shared/product.js';
import '../../../widget/booking/resmark-slot-picker.js';
import type { ResmarkSlotPicker } from '../../../widget/booking/resmark-slot-picker.js';
import { kayakInventory, paddleInventory } from '../fixtures.js';

const slotsOf = (date: string, inventory = kayakInventory): InventorySlot[] =>
  inventory.items.find((day) => day.date === date)!.timesAvailable;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const buttons = (el: ResmarkSlotPicker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button'),
];

async function picker(slots: InventorySlot[], locale = 'en-US') {
  return fixture<ResmarkSlotPicker>(
    html`<resmark-slot-picker
      .slots=${slots}
      locale=${locale}
      currency="USD"
    ></resmark-slot-picker>`,
  );
}

describe('<resmark-slot-picker>', () => {
  describe('with open slots', () => {
    let el: ResmarkSlotPicker;
    beforeEach(async () => {
      el = await picker(slotsOf('2026-11-25'));
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('shows each slot’s UTC times, seats left and lowest price in a named group', () => {
      expect(el.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal(
        'Times',
      );
      expect(buttons(el).map(text)).to.deep.equal([
        '9:00 AM – 1:00 PM 16 seats left From $59.00',
        '2:00 PM – 6:00 PM 16 seats left From $59.00',
      ]);
      expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'false',
        'false',
      ]);
    });

    it('uses the locale’s clock', async () => {
      el.locale = 'de-DE';
      await el.updateComplete;
      expect(text(buttons(el)[0]!)).to.match(/^09:00 – 13:00/);
    });

    it('fires resmark-slot-select with the slot and presses its button on click', async () => {
      const chosen = oneEvent(el, 'resmark-slot-select');
      buttons(el)[1]!.click();
      expect((await chosen).detail.slot).to.equal(slotsOf('2026-11-25')[1]);
      await el.updateComplete;
      expect(el.selected).to.equal('a-94175-20261125-1400');
      expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'false',
        'true',
      ]);
    });

    it('chooses with the keyboard: Tab to a slot, then Enter or Space', async () => {
      buttons(el)[0]!.focus();
      await sendKeys({ press: 'Tab' });
      let chosen = oneEvent(el, 'resmark-slot-select');
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.slot.activityId).to.equal('a-94175-20261125-1400');
      await sendKeys({ press: 'Shift+Tab' });
      chosen = oneEvent(el, 'resmark-slot-select');
      await sendKeys({ press: 'Space' });
      expect((await chosen).detail.slot.activityId).to.equal('a-94175-20261125-0900');
    });
  });

  describe('when nearly full and sold out', () => {
    it('says "Only N left" for 3 or fewer, disables "Sold out", and passes axe', async () => {
      const el = await picker([...slotsOf('2026-11-30'), ...slotsOf('2026-11-27').slice(1)]);
      const [sold, open, few] = buttons(el);
      expect(text(sold!)).to.contain('Sold out');
      expect(sold!.disabled).to.equal(true);
      expect(open!.disabled).to.equal(false);
      expect(text(few!)).to.contain('Only 2 left');
      expect(few!.disabled).to.equal(false);
      let fired = 0;
      el.addEventListener('resmark-slot-select', () => fired++);
      sold!.click();
      expect(fired).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('with a single-price product', () => {
    it('shows the one price without "From", and passes axe', async () => {
      const el = await picker(slotsOf('2026-11-25', paddleInventory));
      expect(text(buttons(el)[0]!)).to.equal('5:30 PM – 7:30 PM 10 seats left $49.00');
      await expect(el).to.be.accessible();
    });
  });

  describe('when empty', () => {
    it('says there are no times, and passes axe', async () => {
      const el = await picker([]);
      expect(text(el.shadowRoot!.querySelector('p')!)).to.equal('No times on this day.');
      await expect(el).to.be.accessible();
    });
  });
});
