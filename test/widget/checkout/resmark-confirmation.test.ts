import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Order } from '../../../shared/order.js';
import '../../../widget/checkout/resmark-confirmation.js';
import type { ResmarkConfirmation } from '../../../widget/checkout/resmark-confirmation.js';
import { kayakPickups, order } from '../fixtures.js';
import { expectFitsPhone } from './layout.js';

const $ = <T extends HTMLElement = HTMLElement>(el: ResmarkConfirmation, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const totals = (el: ResmarkConfirmation) =>
  [...el.shadowRoot!.querySelectorAll('[part=totals] .row')].map((row) => [
    text(row.children[0]!),
    text(row.children[1]!),
  ]);

async function confirmation(value: Order = order) {
  return fixture<ResmarkConfirmation>(
    html`<resmark-confirmation locale="en-US" .order=${value}></resmark-confirmation>`,
  );
}

describe('<resmark-confirmation>', () => {
  describe('when shown', () => {
    it('says the booking is confirmed, with the confirmation number', async () => {
      const el = await confirmation();
      expect(text($(el, 'h2'))).to.equal('Booking confirmed');
      expect(text($(el, '[part=number]'))).to.equal('100001');
      await expect(el).to.be.accessible();
    });

    it('moves focus to the heading', async () => {
      const el = await confirmation();
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
    });

    it('lists each item: product, day and times, people, total', async () => {
      const el = await confirmation();
      const item = $(el, '[part=item]');
      expect(text(item.querySelector('[part=product]'))).to.equal('Half-Day Canyon Kayak Tour');
      expect(text(item)).to.include('Wed, Nov 25, 2026, 9:00 AM – 1:00 PM');
      expect(text(item)).to.include('2 × Adult, 1 × Child');
      expect(text(item.querySelector('[part=item-total]'))).to.equal('$237.00');
    });

    it('shows the total paid, from the order', async () => {
      const el = await confirmation({ ...order, total: 230, amountPaid: 230 });
      expect(totals(el)).to.deep.equal([['Total paid', '$230.00']]);
    });

    it('says just "Total" for an order that does not say what was paid', async () => {
      const { amountPaid: _, ...unsaid } = order;
      const el = await confirmation(unsaid as Order);
      expect(totals(el)).to.deep.equal([['Total', '$237.00']]);
    });

    it('shows what was paid beside the total when something is still owed', async () => {
      const el = await confirmation({
        ...order,
        promoCode: 'SUMMER10',
        discount: 23.7,
        total: 213.3,
        amountPaid: 0,
      });
      expect(totals(el)).to.deep.equal([
        ['Subtotal', '$237.00'],
        ['Discount (SUMMER10)', '-$23.70'],
        ['Paid', '$0.00'],
        ['Total', '$213.30'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('names each pickup by its time and place from the product’s zones', async () => {
      const el = await fixture<ResmarkConfirmation>(
        html`<resmark-confirmation
          locale="en-US"
          .order=${order}
          .pickups=${new Map([[94175, kayakPickups]])}
        ></resmark-confirmation>`,
      );
      expect(text($(el, '[part=pickup]'))).to.equal(
        'Pickup: Morning pickup · 8:15 AM, Lake Powell Resort lobby',
      );
    });

    it('shows each line before the discount, so the list adds up', async () => {
      const [item] = order.items;
      const el = await confirmation({
        ...order,
        items: [{ ...item!, subtotal: 237, discount: 23.7, total: 213.3 }],
        promoCode: 'SUMMER10',
        discount: 23.7,
        total: 213.3,
      });
      expect(text($(el, '[part=item-total]'))).to.equal('$237.00');
      expect(totals(el)[0]).to.deep.equal(['Subtotal', '$237.00']);
    });

    it('counts a single-price product’s people without its tier name', async () => {
      const [item] = order.items;
      const line = (n: number, quantityType = 'participant') => ({
        ...item!,
        quantityType,
        participantList: Array.from({ length: n }, (_, i) => ({
          ...item!.participantList![0]!,
          id: `p${i}`,
          tier: 'All',
        })),
      });
      const el = await confirmation({ ...order, items: [line(2), line(1), line(3, 'unit')] });
      expect([...el.shadowRoot!.querySelectorAll('[part=item]')].map((li) => text(li))).to.satisfy(
        (lines: string[]) =>
          lines[0]!.includes('2 people') &&
          lines[1]!.includes('1 person') &&
          lines[2]!.includes('3 units') &&
          !lines.some((l) => l.includes('All')),
      );
    });

    it('leaves cancelled people out of the counts', async () => {
      const [item] = order.items;
      const el = await confirmation({
        ...order,
        items: [
          {
            ...item!,
            participantList: item!.participantList!.map((p, i) =>
              i === 0 ? { ...p, status: 'cancelled' } : p,
            ),
          },
        ],
      });
      expect(text($(el, '[part=item]'))).to.include('1 × Adult, 1 × Child');
    });

    it('starts a new booking on click', async () => {
      const el = await confirmation();
      setTimeout(() => $(el, '[part=restart]').click());
      await oneEvent(el, 'resmark-booking-restart');
    });

    it('starts a new booking from the keyboard', async () => {
      const el = await confirmation();
      $(el, '[part=restart]').focus();
      const restart = oneEvent(el, 'resmark-booking-restart');
      await sendKeys({ press: 'Enter' });
      await restart;
    });
  });

  describe('after the booking (issue 11, item 4)', () => {
    it('says a confirmation e-mail is on its way, and to which address', async () => {
      const el = await confirmation();
      expect(text($(el, '[part=email-note]'))).to.equal(
        `A confirmation e-mail is on its way to ${order.customer!.email}.`,
      );
    });

    it('says when no e-mail is sent (the order was placed without one)', async () => {
      const el = await confirmation({ ...order, disableConfirmationEmail: true } as Order);
      expect(text($(el, '[part=email-note]'))).to.equal(
        'No confirmation e-mail is sent for this booking: keep this number.',
      );
    });

    it('offers an add-to-calendar file with one event per item, at its times', async () => {
      const el = await confirmation();
      const link = $<HTMLAnchorElement>(el, '[part=calendar]');
      expect(text(link)).to.equal('Add to calendar');
      expect(link.download).to.equal('booking-100001.ics');
      const ics = await (await fetch(link.href)).text();
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
      expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(order.items.length);
      const first = order.items[0]!;
      const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '');
      expect(ics).to.contain(`DTSTART:${utc(first.date.startTime!)}`);
      expect(ics).to.contain(`DTEND:${utc(first.date.endTime!)}`);
      expect(ics).to.contain(`SUMMARY:${first.productName}`);
      expect(ics).to.contain('#100001');
      await expect(el).to.be.accessible();
    });

    it('offers a printable summary saying what the confirmation says', async () => {
      const el = await confirmation();
      const link = $<HTMLAnchorElement>(el, '[part=print]');
      expect(text(link)).to.equal('Printable summary');
      expect(link.target).to.equal('_blank');
      const page = new DOMParser().parseFromString(
        await (await fetch(link.href)).text(),
        'text/html',
      );
      expect(page.title).to.equal('Booking confirmed 100001');
      expect(text(page.querySelector('[part=number]'))).to.equal('100001');
      expect(page.querySelectorAll('[part=item]')).to.have.length(order.items.length);
      expect(text(page.querySelector('[part=totals]'))).to.equal(text($(el, '[part=totals]')));
      expect(page.querySelector('button'), 'nothing to press on paper').to.equal(null);
    });
  });

  describe('when the shopper pays on arrival', () => {
    // Orders made through the API are recorded as paid by an external source: the widget must
    // not tell a shopper who has paid nothing that they paid.
    it('says the total is to pay on arrival and that nothing was charged', async () => {
      const el = await fixture<ResmarkConfirmation>(
        html`<resmark-confirmation
          locale="en-US"
          payment="on-arrival"
          .order=${{ ...order, promoCode: 'SUMMER10', discount: 23.7, total: 213.3, amountPaid: 213.3 }}
        ></resmark-confirmation>`,
      );
      expect(totals(el)).to.deep.equal([
        ['Subtotal', '$237.00'],
        ['Discount (SUMMER10)', '-$23.70'],
        ['Total to pay on arrival', '$213.30'],
      ]);
      expect(text($(el, '[part=payment-note]'))).to.equal(
        'Nothing has been charged: you pay when you arrive.',
      );
      expect(el.shadowRoot!.textContent).not.to.match(/paid/i);
      await expect(el).to.be.accessible();
    });
  });

  describe('on a phone', () => {
    it('fits 320 px with 44 px targets', async () => {
      await expectFitsPhone(await confirmation());
    });
  });

  describe('with a dateless item', () => {
    it('offers no calendar file for a booking without a date', async () => {
      const dateless = {
        ...order,
        items: order.items.map((item) => ({ ...item, date: { startTime: null, endTime: null } })),
      };
      const el = await confirmation(dateless);
      expect($(el, '[part=calendar]')).to.equal(null);
      expect($(el, '[part=print]')).not.to.equal(null);
    });

    it('shows no time', async () => {
      const [item] = order.items;
      const el = await confirmation({
        ...order,
        items: [
          { ...item!, productName: 'Kayak Day Pass', date: { startTime: null, endTime: null } },
        ],
      });
      expect(text($(el, '[part=item]'))).not.to.match(/AM|PM|2026/);
      await expect(el).to.be.accessible();
    });
  });
});
