import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../widget/booking/resmark-availability-calendar.js';
import type { ResmarkAvailabilityCalendar } from '../../../widget/booking/resmark-availability-calendar.js';
import { kayakInventory } from '../fixtures.js';

// 94175's days 2026-11-25…30: most full, the 27th and 29th nearly full (2 left), the 30th's
// first slot sold out. Seats of a day = its best slot's.
const days = Object.fromEntries(
  kayakInventory.items.map((day) => [
    day.date!,
    { seatsLeft: Math.max(...day.timesAvailable.map((s) => s.tiersAvailable['*'] ?? 0)) },
  ]),
);
days['2026-11-28'] = { seatsLeft: 2 };
days['2026-11-30'] = { seatsLeft: 0 };

const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();
const dayButton = (el: ResmarkAvailabilityCalendar, date: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)!;
const focused = (el: ResmarkAvailabilityCalendar) =>
  (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['date'];
const press = (el: ResmarkAvailabilityCalendar, key: string) => {
  const target = el.shadowRoot!.activeElement ?? el.shadowRoot!.querySelector('[tabindex="0"]')!;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  return el.updateComplete;
};

async function calendar(extra: Partial<ResmarkAvailabilityCalendar> = {}) {
  const el = await fixture<ResmarkAvailabilityCalendar>(
    html`<resmark-availability-calendar
      month="2026-11"
      min="2026-11"
      max="2027-01"
      locale="en-US"
      .days=${days}
    ></resmark-availability-calendar>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

describe('<resmark-availability-calendar>', () => {
  describe('its legend (issue 11, item 10)', () => {
    it('says what each day’s look means, drawn the way the days are', async () => {
      const el = await calendar();
      const legend = el.shadowRoot!.querySelector('[part=legend]')!;
      expect(legend.getAttribute('aria-label')).to.equal('What the days show');
      const items = [...legend.querySelectorAll('li')];
      expect(items.map((li) => li.textContent!.replace(/\d|\s+/g, ' ').trim())).to.deep.equal([
        'Times to book',
        'Few seats left',
        'Sold out',
        'No times',
      ]);
      // Each sample has the mark a day of that kind has.
      const sample = (i: number) => items[i]!.querySelector('.key')!;
      const few = el.shadowRoot!.querySelector('[part=day].few')!;
      expect(getComputedStyle(sample(1), '::after').backgroundColor).to.equal(
        getComputedStyle(few, '::after').backgroundColor,
      );
      expect(getComputedStyle(sample(2)).textDecorationLine).to.equal('line-through');
      await expect(el).to.be.accessible();
    });
  });

  describe('with a month of availability', () => {
    let el: ResmarkAvailabilityCalendar;
    beforeEach(async () => {
      el = await calendar();
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('names the month through Intl and labels the grid with it', () => {
      expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('November 2026');
      const grid = el.shadowRoot!.querySelector('[role=grid]')!;
      expect(grid.getAttribute('aria-labelledby')).to.equal('title');
    });

    it('starts the week on the locale’s first day: Sunday in en-US, Monday in en-GB', async () => {
      const heads = () => [...el.shadowRoot!.querySelectorAll('th')].map((th) => th.abbr);
      expect(heads()[0]).to.equal('Sunday');
      // 1 Nov 2026 is a Sunday: first cell of the first row.
      expect(el.shadowRoot!.querySelector('tbody td')!.textContent!.trim()).to.equal('1');
      el.locale = 'en-GB';
      await el.updateComplete;
      expect(heads()[0]).to.equal('Monday');
      expect(el.shadowRoot!.querySelectorAll('tbody tr:first-child td:empty')).to.have.length(6);
    });

    it('makes only days with seats choosable and says why the others are not', () => {
      expect(dayButton(el, '2026-11-25').getAttribute('aria-disabled')).to.equal('false');
      expect(dayButton(el, '2026-11-25').getAttribute('aria-label')).to.equal(
        'Wednesday, November 25',
      );
      expect(dayButton(el, '2026-11-24').getAttribute('aria-disabled')).to.equal('true');
      expect(dayButton(el, '2026-11-24').getAttribute('aria-label')).to.equal(
        'Tuesday, November 24, unavailable',
      );
      expect(dayButton(el, '2026-11-24').hasAttribute('aria-pressed')).to.equal(false);
      expect(dayButton(el, '2026-11-28').getAttribute('aria-label')).to.equal(
        'Saturday, November 28, few left',
      );
      expect(dayButton(el, '2026-11-28').classList.contains('few')).to.equal(true);
      expect(dayButton(el, '2026-11-30').getAttribute('aria-label')).to.equal(
        'Monday, November 30, sold out',
      );
      expect(dayButton(el, '2026-11-30').getAttribute('aria-disabled')).to.equal('true');
    });

    it('has one tab stop, on the first open day', () => {
      const stops = el.shadowRoot!.querySelectorAll('td [tabindex="0"]');
      expect(stops).to.have.length(1);
      expect((stops[0] as HTMLElement).dataset['date']).to.equal('2026-11-25');
    });

    it('fires resmark-date-select and marks the day pressed on click', async () => {
      const chosen = oneEvent(el, 'resmark-date-select');
      dayButton(el, '2026-11-26').click();
      expect((await chosen).detail).to.deep.equal({ date: '2026-11-26' });
      await el.updateComplete;
      expect(el.selected).to.equal('2026-11-26');
      expect(dayButton(el, '2026-11-26').getAttribute('aria-pressed')).to.equal('true');
      expect(dayButton(el, '2026-11-25').getAttribute('aria-pressed')).to.equal('false');
    });

    it('ignores clicks on unavailable and sold-out days', async () => {
      let fired = 0;
      el.addEventListener('resmark-date-select', () => fired++);
      dayButton(el, '2026-11-24').click();
      dayButton(el, '2026-11-30').click();
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(el.selected).to.equal(undefined);
    });

    it('disables previous at min and next at max', async () => {
      const [prev, next] = el.shadowRoot!.querySelectorAll('header button');
      expect((prev as HTMLButtonElement).disabled).to.equal(true);
      expect((next as HTMLButtonElement).disabled).to.equal(false);
      el.month = '2027-01';
      await el.updateComplete;
      expect((prev as HTMLButtonElement).disabled).to.equal(false);
      expect((next as HTMLButtonElement).disabled).to.equal(true);
    });

    it('fires resmark-month-change from the next-month button', async () => {
      const changed = oneEvent(el, 'resmark-month-change');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Next month"]')!.click();
      expect((await changed).detail).to.deep.equal({ month: '2026-12' });
      await el.updateComplete;
      expect(el.month).to.equal('2026-12');
      expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('December 2026');
    });
  });

  describe('with the keyboard', () => {
    let el: ResmarkAvailabilityCalendar;
    beforeEach(async () => {
      el = await calendar();
      dayButton(el, '2026-11-25').focus();
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('moves by day and week with the arrows, through unavailable days too', async () => {
      await press(el, 'ArrowRight');
      expect(focused(el)).to.equal('2026-11-26');
      await press(el, 'ArrowUp');
      expect(focused(el)).to.equal('2026-11-19');
      await press(el, 'ArrowLeft');
      expect(focused(el)).to.equal('2026-11-18');
      await press(el, 'ArrowDown');
      expect(focused(el)).to.equal('2026-11-25');
      expect(el.shadowRoot!.querySelectorAll('td [tabindex="0"]')).to.have.length(1);
    });

    it('goes to the start and end of the week with Home and End', async () => {
      await press(el, 'Home');
      expect(focused(el)).to.equal('2026-11-22'); // Sunday in en-US
      await press(el, 'End');
      expect(focused(el)).to.equal('2026-11-28');
    });

    it('chooses the focused day with Enter (a native button)', async () => {
      await press(el, 'ArrowRight');
      const chosen = oneEvent(el, 'resmark-date-select');
      (el.shadowRoot!.activeElement as HTMLButtonElement).click();
      expect((await chosen).detail.date).to.equal('2026-11-26');
    });

    it('changes month with PageDown and past the month’s last day, firing resmark-month-change', async () => {
      let changed = oneEvent(el, 'resmark-month-change');
      await press(el, 'PageDown');
      expect((await changed).detail.month).to.equal('2026-12');
      expect(el.month).to.equal('2026-12');
      expect(focused(el)).to.equal('2026-12-25');
      changed = oneEvent(el, 'resmark-month-change');
      await press(el, 'PageUp');
      expect((await changed).detail.month).to.equal('2026-11');
      await press(el, 'End'); // Sat 28
      await press(el, 'ArrowDown'); // Sat 5 Dec
      expect(el.month).to.equal('2026-12');
      expect(focused(el)).to.equal('2026-12-05');
    });

    it('does not go before min', async () => {
      let fired = 0;
      el.addEventListener('resmark-month-change', () => fired++);
      await press(el, 'PageUp');
      expect(fired).to.equal(0);
      expect(el.month).to.equal('2026-11');
      expect(focused(el)).to.equal('2026-11-25');
    });
  });

  describe('on a 320 px phone', () => {
    it('fits without scrolling sideways, with 44 px day targets, and passes axe', async () => {
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: 320px">
          <resmark-availability-calendar
            month="2026-11"
            locale="en-US"
            .days=${days}
          ></resmark-availability-calendar>
        </div>`,
      );
      const el = box.querySelector('resmark-availability-calendar')!;
      await el.updateComplete;
      expect(el.getBoundingClientRect().width).to.equal(320);
      expect(el.shadowRoot!.querySelector('table')!.getBoundingClientRect().width).to.be.at.most(
        320,
      );
      for (const day of el.shadowRoot!.querySelectorAll('td button')) {
        const { width, height } = day.getBoundingClientRect();
        expect(Math.min(width, height), (day as HTMLElement).dataset['date']).to.be.at.least(44);
      }
      await expect(el).to.be.accessible();
    });
  });

  describe('when loading', () => {
    let el: ResmarkAvailabilityCalendar;
    beforeEach(async () => {
      el = await calendar({ loading: true, month: '2026-12', days: {} });
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('announces the load and marks the grid busy', () => {
      expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Loading availability…');
      expect(el.shadowRoot!.querySelector('[role=grid]')!.getAttribute('aria-busy')).to.equal(
        'true',
      );
      expect(el.shadowRoot!.querySelectorAll('[aria-disabled="false"]')).to.have.length(0);
    });
  });
});
