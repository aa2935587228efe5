import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PickupChoice } from '../../../widget/events.js';
import '../../../widget/booking/resmark-pickup-picker.js';
import type { ResmarkPickupPicker } from '../../../widget/booking/resmark-pickup-picker.js';
import { kayakPickups } from '../fixtures.js';

const [hotels, bigWater] = kayakPickups;
const $ = <T extends Element = HTMLSelectElement>(el: ResmarkPickupPicker, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector);
const options = (select: HTMLSelectElement | null) =>
  [...select!.options].map((o) => o.textContent!.replace(/\s+/g, ' ').trim());

// Chooses an option the way a shopper's browser does: value, then a change event.
async function choose(el: ResmarkPickupPicker, id: string, optionValue: string) {
  const changed = oneEvent(el, 'resmark-pickup-change');
  const select = $(el, `#${id}`)!;
  select.value = optionValue;
  select.dispatchEvent(new Event('change'));
  const detail: PickupChoice = (await changed).detail;
  await el.updateComplete;
  return detail;
}

async function picker(value: PickupChoice = {}, errors?: Record<string, string>) {
  return fixture<ResmarkPickupPicker>(
    html`<resmark-pickup-picker
      .zones=${kayakPickups}
      .value=${value}
      .errors=${errors}
      locale="en-US"
    ></resmark-pickup-picker>`,
  );
}

describe('<resmark-pickup-picker>', () => {
  describe('with nothing chosen', () => {
    let el: ResmarkPickupPicker;
    beforeEach(async () => {
      el = await picker();
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('asks for the zone first', () => {
      expect(options($(el, '#zone'))).to.deep.equal([
        'Choose…',
        'Page hotels',
        'Big Water & vacation rentals',
      ]);
      expect($(el, '#detail')).to.equal(null);
      expect($(el, '#location')).to.equal(null);
    });

    it('goes zone → pickup time → location, firing the choice each step', async () => {
      expect(await choose(el, 'zone', hotels!.id)).to.deep.equal({});
      expect(options($(el, '#detail'))).to.deep.equal([
        'Choose…',
        'Morning pickup · 8:15 AM',
        'Afternoon pickup · 1:15 PM',
      ]);
      expect(options($(el, '#location'))).to.not.include('Somewhere else');
      expect(await choose(el, 'detail', '5f1e00000000000000000002')).to.deep.equal({
        pickupDetailId: '5f1e00000000000000000002',
      });
      expect(await choose(el, 'location', '5f1f00000000000000000002')).to.deep.equal({
        pickupDetailId: '5f1e00000000000000000002',
        locationId: '5f1f00000000000000000002',
      });
      expect(el.value.locationId).to.equal('5f1f00000000000000000002');
      await expect(el).to.be.accessible();
    });

    it('clears the time and place when the zone changes', async () => {
      await choose(el, 'zone', hotels!.id);
      await choose(el, 'detail', '5f1e00000000000000000001');
      expect(await choose(el, 'zone', bigWater!.id)).to.deep.equal({});
      expect($(el, '#detail')!.value).to.equal('');
      // No "+$10.00": Resmark's total does not add a pickup's price (issue 11, item 5).
      expect(options($(el, '#detail'))[1]).to.equal('Big Water pickup · 7:45 AM');
    });
  });

  describe('where the zone allows another place', () => {
    let el: ResmarkPickupPicker;
    beforeEach(async () => {
      el = await picker({ pickupDetailId: '5f1e00000000000000000003' });
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('offers "Somewhere else", which reveals a labelled text field for locationOther', async () => {
      expect($(el, '#zone')!.value).to.equal(bigWater!.id);
      expect(options($(el, '#location')).at(-1)).to.equal('Somewhere else');
      expect($(el, '#other')).to.equal(null);
      const other = $(el, '#location')!.options[3]!.value;
      expect(await choose(el, 'location', other)).to.deep.equal({
        pickupDetailId: '5f1e00000000000000000003',
        locationOther: '',
      });
      const input = $<HTMLInputElement>(el, '#other')!;
      expect(input.labels![0]!.textContent).to.equal('Where should we pick you up?');
      input.focus();
      const typed = oneEvent(el, 'resmark-pickup-change');
      await sendKeys({ type: 'A' });
      expect((await typed).detail).to.deep.equal({
        pickupDetailId: '5f1e00000000000000000003',
        locationOther: 'A',
      });
      await expect(el).to.be.accessible();
    });

    it('drops the typed place when a listed one is chosen', async () => {
      el.value = { pickupDetailId: '5f1e00000000000000000003', locationOther: 'Cabin 4' };
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#other')!.value).to.equal('Cabin 4');
      expect(await choose(el, 'location', '5f1f00000000000000000005')).to.deep.equal({
        pickupDetailId: '5f1e00000000000000000003',
        locationId: '5f1f00000000000000000005',
      });
      expect($(el, '#other')).to.equal(null);
    });
  });

  describe('with validation errors', () => {
    let el: ResmarkPickupPicker;
    beforeEach(async () => {
      el = await picker(
        { pickupDetailId: '5f1e00000000000000000001' },
        { locationId: 'Choose a pickup location, or type where to be picked up' },
      );
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('names the error at its field and announces it', () => {
      const location = $(el, '#location')!;
      expect(location.getAttribute('aria-invalid')).to.equal('true');
      const error = $(el, `#${location.getAttribute('aria-describedby')}`)!;
      expect(error.textContent).to.equal('Choose a pickup location, or type where to be picked up');
      expect(error.getAttribute('role')).to.equal('alert');
      expect($(el, '#detail')!.getAttribute('aria-invalid')).to.equal('false');
    });

    it('shows a pickup error at the zone while no zone is chosen', async () => {
      const empty = await picker({}, { pickupDetailId: 'Choose a pickup option' });
      expect($(empty, '#zone')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(empty, '#zone-error')!.textContent).to.equal('Choose a pickup option');
      await expect(empty).to.be.accessible();
    });
  });
});
