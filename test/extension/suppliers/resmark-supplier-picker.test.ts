import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../extension/suppliers/resmark-supplier-picker.js';
import {
  FILTER_FROM,
  type ResmarkSupplierPicker,
} from '../../../extension/suppliers/resmark-supplier-picker.js';
import {
  mergeSuppliers,
  type ListedSupplier,
} from '../../../extension/suppliers/supplier-match.js';

const CANYON = '5f1a00000000000000000001';
const HARBOR = '5f1a00000000000000000002';
const GONE = '5f1a00000000000000000009';

const few: ListedSupplier[] = mergeSuppliers(
  [{ entityId: CANYON }, { entityId: HARBOR }, { entityId: 'c3' }],
  [
    { entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.com', '127.0.0.1'] },
    { entityId: HARBOR, name: 'Harbor Rentals', patterns: [] },
    { entityId: 'c3', name: 'Cañon Rafting', patterns: [] },
    { entityId: GONE, name: 'Old Rafting', patterns: ['oldrafting.com'] },
  ],
);

const NAMES = [
  'Alpine Zip',
  'Bay Cruises',
  'Canyon Kayak',
  'Desert Jeeps',
  'Eagle Balloons',
  'Fjord Ferries',
  'Glacier Walks',
  'Harbor Rentals',
  'Island Snorkel',
];
const many: ListedSupplier[] = mergeSuppliers(
  NAMES.map((_, i) => ({ entityId: `e${i}` })),
  NAMES.map((name, i) => ({ entityId: `e${i}`, name, patterns: [] })),
);

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttons = (el: ResmarkSupplierPicker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=supplier]'),
];
const listed = (el: ResmarkSupplierPicker) =>
  [...el.shadowRoot!.querySelectorAll('#list [part=supplier] .name')].map(text);
const focused = (el: ResmarkSupplierPicker) => el.shadowRoot!.activeElement;
const focusedName = (el: ResmarkSupplierPicker) => text(focused(el)?.querySelector('.name'));
const filter = (el: ResmarkSupplierPicker) =>
  el.shadowRoot!.querySelector<HTMLInputElement>('#filter');

async function picker(suppliers: ListedSupplier[], offered?: string, selected?: string) {
  return fixture<ResmarkSupplierPicker>(
    html`<resmark-supplier-picker
      .suppliers=${suppliers}
      .offered=${offered}
      .selected=${selected}
    ></resmark-supplier-picker>`,
  );
}

describe('<resmark-supplier-picker>', () => {
  describe('when there is no supplier to book', () => {
    it('says so, and passes axe', async () => {
      const el = await picker(mergeSuppliers([], [{ entityId: GONE, name: 'Old', patterns: [] }]));
      expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal(
        'No suppliers to book for yet. Suppliers appear here when your agency may book their products.',
      );
      expect(buttons(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('with a few suppliers', () => {
    let el: ResmarkSupplierPicker;
    beforeEach(async () => {
      el = await picker(few);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('lists the bookable suppliers with their websites, none chosen, no filter', () => {
      expect(buttons(el).map(text)).to.deep.equal([
        'Cañon Rafting',
        'Canyon Kayak *.canyonkayak.com, 127.0.0.1',
        'Harbor Rentals',
      ]);
      expect(el.shadowRoot!.querySelector('#list')!.getAttribute('aria-label')).to.equal(
        'Suppliers',
      );
      expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'false',
        'false',
        'false',
      ]);
      expect(filter(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=offered]')).to.equal(null);
    });

    it('fires resmark-supplier-select with the supplier and presses its button on click', async () => {
      const chosen = oneEvent(el, 'resmark-supplier-select');
      buttons(el)[2]!.click();
      const event = await chosen;
      expect(event.detail.supplier).to.equal(few[2]);
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      await el.updateComplete;
      expect(el.selected).to.equal(HARBOR);
      expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'false',
        'false',
        'true',
      ]);
    });

    it('moves with the arrow keys, Home and End, and chooses with Enter or Space', async () => {
      buttons(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedName(el)).to.equal('Canyon Kayak');
      await sendKeys({ press: 'End' });
      expect(focusedName(el)).to.equal('Harbor Rentals');
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedName(el), 'stops at the last').to.equal('Harbor Rentals');
      await sendKeys({ press: 'Home' });
      expect(focusedName(el)).to.equal('Cañon Rafting');
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedName(el), 'stops at the first').to.equal('Cañon Rafting');
      let chosen = oneEvent(el, 'resmark-supplier-select');
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.supplier.entityId).to.equal('c3');
      await sendKeys({ press: 'Tab' });
      chosen = oneEvent(el, 'resmark-supplier-select');
      await sendKeys({ press: 'Space' });
      expect((await chosen).detail.supplier.entityId).to.equal(CANYON);
    });

    it('jumps to the next name starting with a typed letter, accents aside', async () => {
      buttons(el)[0]!.focus();
      await sendKeys({ press: 'h' });
      expect(focusedName(el)).to.equal('Harbor Rentals');
      await sendKeys({ press: 'c' });
      expect(focusedName(el), 'wraps round; ñ is an n').to.equal('Cañon Rafting');
      await sendKeys({ press: 'c' });
      expect(focusedName(el)).to.equal('Canyon Kayak');
      await sendKeys({ press: 'z' });
      expect(focusedName(el), 'no name: focus stays').to.equal('Canyon Kayak');
    });

    it('shows a chosen supplier as pressed', async () => {
      el.selected = CANYON;
      await el.updateComplete;
      expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'false',
        'true',
        'false',
      ]);
    });
  });

  describe('when a supplier’s site is open', () => {
    let el: ResmarkSupplierPicker;
    beforeEach(async () => {
      el = await picker(few, HARBOR);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('offers it first, under a note that says why, then the others', () => {
      const group = el.shadowRoot!.querySelector('[part=offered]')!;
      expect(group.getAttribute('role')).to.equal('group');
      const note = el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!;
      expect(text(note)).to.equal('You are on this supplier’s site');
      expect(text(group.querySelector('[part=supplier]'))).to.equal('Harbor Rentals');
      expect(buttons(el).map((b) => text(b.querySelector('.name')))).to.deep.equal([
        'Harbor Rentals',
        'Cañon Rafting',
        'Canyon Kayak',
      ]);
      const list = el.shadowRoot!.querySelector('#list')!;
      const label = el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!);
      expect(text(label), 'a visible caption names the list').to.equal('Other suppliers');
    });

    it('is the first stop for the keyboard, chosen with Enter', async () => {
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Harbor Rentals');
      const chosen = oneEvent(el, 'resmark-supplier-select');
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.supplier.entityId).to.equal(HARBOR);
      before.remove();
    });

    it('shows it alone when it is the only supplier', async () => {
      el.suppliers = few.filter((supplier) => supplier.entityId === HARBOR);
      await el.updateComplete;
      expect(buttons(el).map((b) => text(b.querySelector('.name')))).to.deep.equal([
        'Harbor Rentals',
      ]);
      expect(el.shadowRoot!.querySelector('.none'), 'no "nothing matches"').to.equal(null);
      expect(el.shadowRoot!.querySelector('#others')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('offers nothing for a supplier that cannot be booked or is not listed', async () => {
      el.offered = GONE;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=offered]')).to.equal(null);
      expect(buttons(el).map((b) => b.dataset.entity)).not.to.include(GONE);
      el.offered = 'unknown';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=offered]')).to.equal(null);
    });
  });

  describe('with a long list', () => {
    let el: ResmarkSupplierPicker;
    beforeEach(async () => {
      el = await picker(many, 'e2');
    });

    it('has a filter from FILTER_FROM suppliers on', async () => {
      expect(many.length).to.be.at.least(FILTER_FROM);
      const short = await picker(many.slice(0, FILTER_FROM - 1));
      expect(filter(short)).to.equal(null);
      const enough = await picker(many.slice(0, FILTER_FROM));
      expect(filter(enough)).not.to.equal(null);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('filters by name as the agent types, accents and case aside, and says how many', async () => {
      const field = filter(el)!;
      expect(text(el.shadowRoot!.querySelector(`label[for=${field.id}]`))).to.equal(
        'Find a supplier by name',
      );
      field.focus();
      await sendKeys({ type: 'ALP' });
      await el.updateComplete;
      expect(listed(el)).to.deep.equal(['Alpine Zip']);
      expect(text(el.shadowRoot!.querySelector('#count'))).to.equal('1 of 8 other suppliers shown');
      expect(text(el.shadowRoot!.querySelector('[part=offered] .name')), 'still offered').to.equal(
        'Canyon Kayak',
      );
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'es' });
      await el.updateComplete;
      expect(listed(el)).to.deep.equal(['Bay Cruises', 'Desert Jeeps', 'Fjord Ferries']);
    });

    describe('when nothing matches', () => {
      beforeEach(async () => {
        filter(el)!.focus();
        await sendKeys({ type: 'xyz' });
        await el.updateComplete;
      });

      it('passes axe', async () => {
        await expect(el).to.be.accessible();
      });

      it('says so', () => {
        expect(text(el.shadowRoot!.querySelector('.none'))).to.equal(
          'No supplier’s name contains “xyz”.',
        );
        expect(listed(el)).to.deep.equal([]);
        expect(text(el.shadowRoot!.querySelector('#count'))).to.equal(
          '0 of 8 other suppliers shown',
        );
      });
    });

    it('Enter in the filter chooses the first supplier it shows', async () => {
      filter(el)!.focus();
      await sendKeys({ type: 'es' });
      await el.updateComplete;
      expect(listed(el)).to.deep.equal(['Bay Cruises', 'Desert Jeeps', 'Fjord Ferries']);
      const chosen = oneEvent(el, 'resmark-supplier-select');
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.supplier.name).to.equal('Bay Cruises');
    });

    it('ArrowDown from the filter goes to the list, ArrowUp from its first back', async () => {
      filter(el)!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedName(el)).to.equal('Alpine Zip');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el) === filter(el)).to.equal(true);
    });

    it('typing on a supplier goes on in the filter', async () => {
      buttons(el)[3]!.focus();
      await sendKeys({ press: 'g' });
      await el.updateComplete;
      await sendKeys({ type: 'la' });
      await el.updateComplete;
      expect(focused(el) === filter(el)).to.equal(true);
      expect(filter(el)!.value).to.equal('gla');
      expect(listed(el)).to.deep.equal(['Glacier Walks']);
    });
  });
});
