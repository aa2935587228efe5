import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../widget/booking/resmark-tier-quantities.js';
import type { ResmarkTierQuantities } from '../../../widget/booking/resmark-tier-quantities.js';
import { kayakInventory, paddleInventory } from '../fixtures.js';

const kayakPrices = kayakInventory.items[0]!.timesAvailable[0]!.price;
const paddlePrices = paddleInventory.items[0]!.timesAvailable[0]!.price;
const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: ResmarkTierQuantities, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector)!;
const button = (el: ResmarkTierQuantities, name: string) =>
  $<HTMLButtonElement>(el, `button[aria-label="${name}"]`);

async function quantities(props: Partial<ResmarkTierQuantities>) {
  const el = await fixture<ResmarkTierQuantities>(
    html`<resmark-tier-quantities label="Guest" locale="en-US"></resmark-tier-quantities>`,
  );
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

describe('<resmark-tier-quantities>', () => {
  describe('with several tiers', () => {
    let el: ResmarkTierQuantities;
    beforeEach(async () => {
      el = await quantities({ prices: kayakPrices, seatsLeft: 16, value: {} });
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('shows a row per tier with its price and a labelled field', () => {
      const rows = [...el.shadowRoot!.querySelectorAll('[part=row]')];
      expect(rows.map((row) => text(row.querySelector('label')))).to.deep.equal([
        'Adult $89.00',
        'Child $59.00',
        'Senior $79.00',
      ]);
      const input = $<HTMLInputElement>(el, '#q1');
      expect(input.labels![0]!.textContent).to.contain('Child');
      expect(input.value).to.equal('0');
      expect(button(el, 'Remove one Child').disabled).to.equal(true);
    });

    it('adds and removes one with the named buttons, firing every tier’s count', async () => {
      let changed = oneEvent(el, 'resmark-quantities-change');
      button(el, 'Add one Adult').click();
      expect((await changed).detail.participants).to.deep.equal({ Adult: 1, Child: 0, Senior: 0 });
      await el.updateComplete;
      changed = oneEvent(el, 'resmark-quantities-change');
      button(el, 'Add one Adult').click();
      expect((await changed).detail.participants.Adult).to.equal(2);
      await el.updateComplete;
      changed = oneEvent(el, 'resmark-quantities-change');
      button(el, 'Remove one Adult').click();
      expect((await changed).detail.participants.Adult).to.equal(1);
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#q0').value).to.equal('1');
    });

    it('takes a typed whole number from the keyboard', async () => {
      $<HTMLInputElement>(el, '#q2').focus();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '3' });
      const changed = oneEvent(el, 'resmark-quantities-change');
      await sendKeys({ press: 'Tab' });
      expect((await changed).detail.participants).to.deep.equal({ Adult: 0, Child: 0, Senior: 3 });
    });
  });

  describe('at the seats left', () => {
    let el: ResmarkTierQuantities;
    beforeEach(async () => {
      el = await quantities({ prices: kayakPrices, seatsLeft: 2, value: { Adult: 1, Child: 1 } });
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('disables every + and says why', () => {
      for (const tier of ['Adult', 'Child', 'Senior'])
        expect(button(el, `Add one ${tier}`).disabled, tier).to.equal(true);
      expect(text($(el, '#note'))).to.equal('Only 2 left at this time.');
      expect($(el, '#note').getAttribute('role')).to.equal('status');
    });

    it('caps a typed number at what is left', async () => {
      const input = $<HTMLInputElement>(el, '#q0');
      input.value = '9';
      const changed = oneEvent(el, 'resmark-quantities-change');
      input.dispatchEvent(new Event('change'));
      expect((await changed).detail.participants).to.deep.equal({ Adult: 1, Child: 1, Senior: 0 });
      await el.updateComplete;
      expect(input.value).to.equal('1');
    });

    it('enables + again below the limit', async () => {
      button(el, 'Remove one Child').click();
      await el.updateComplete;
      expect(button(el, 'Add one Senior').disabled).to.equal(false);
      expect(text($(el, '#note'))).to.equal('');
    });
  });

  describe('with one All tier', () => {
    it('names the row with the product’s quantity label, and passes axe', async () => {
      const el = await quantities({ prices: paddlePrices, seatsLeft: 10, value: { All: 2 } });
      expect(text($(el, 'label'))).to.equal('Guest $49.00');
      expect(button(el, 'Add one Guest')).to.not.equal(null);
      expect($<HTMLInputElement>(el, '#q0').value).to.equal('2');
      await expect(el).to.be.accessible();
    });
  });

  describe('with validation errors', () => {
    let el: ResmarkTierQuantities;
    beforeEach(async () => {
      el = await quantities({
        prices: kayakPrices,
        seatsLeft: 16,
        value: {},
        errors: { participants: 'Choose at least one guest', 'participants.Child': 'Too young' },
      });
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('names the errors at their fields and announces them', () => {
      const child = $<HTMLInputElement>(el, '#q1');
      expect(child.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = $(el, `#${child.getAttribute('aria-describedby')}`);
      expect(text(describedBy)).to.equal('Too young');
      expect(describedBy.getAttribute('role')).to.equal('alert');
      expect($(el, '#q0').getAttribute('aria-invalid')).to.equal('false');
      expect(text($(el, '#whole'))).to.equal('Choose at least one guest');
      expect($(el, 'fieldset').getAttribute('aria-describedby')).to.contain('whole');
    });

    it('refuses a number that is not whole, at the field, without firing', async () => {
      let fired = 0;
      el.addEventListener('resmark-quantities-change', () => fired++);
      const adult = $<HTMLInputElement>(el, '#q0');
      adult.value = '2.5';
      adult.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(adult.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, `#${adult.getAttribute('aria-describedby')}`))).to.equal(
        'Enter a whole number, 0 or more.',
      );
      await expect(el).to.be.accessible();
    });
  });
});
