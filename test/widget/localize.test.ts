import { expect, fixture, html } from '@open-wc/testing';
import type { InventorySlot } from '../../shared/product.js';
import { formatDate, formatMoney, formatTime } from '../../shared/format.js';
import '../../widget/booking/resmark-slot-picker.js';
import type { ResmarkSlotPicker } from '../../widget/booking/resmark-slot-picker.js';
import '../../widget/checkout/resmark-hold-timer.js';
import type { ResmarkHoldTimer } from '../../widget/checkout/resmark-hold-timer.js';
import { getLocale, useLocale } from '../../widget/localize.js';
import { kayakInventory } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 24, 21);
const MIN = 60_000;

/** Timers that never fire: each test reads one moment of the countdown, set by `now`. */
const stillClock = { setInterval: () => 0, clearInterval: () => {} };

const slotsOf = (date: string): InventorySlot[] =>
  kayakInventory.items.find((day) => day.date === date)!.timesAvailable;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const buttons = (el: ResmarkSlotPicker) => [...el.shadowRoot!.querySelectorAll('button')].map(text);

async function picker(date: string, locale = 'es') {
  return fixture<ResmarkSlotPicker>(
    html`<resmark-slot-picker
      .slots=${slotsOf(date)}
      locale=${locale}
      currency="USD"
    ></resmark-slot-picker>`,
  );
}

async function timer(left: number) {
  return fixture<ResmarkHoldTimer>(
    html`<resmark-hold-timer
      .clock=${stillClock}
      .now=${() => T0}
      .expiresAt=${T0 + left}
    ></resmark-hold-timer>`,
  );
}

const countdown = (el: ResmarkHoldTimer) =>
  text(el.shadowRoot!.querySelector('[part~=countdown]')!);

describe('widget localization', () => {
  // The locale is global to the page: every test leaves it in English, as the other files expect.
  afterEach(async () => {
    await useLocale('en');
  });

  describe('in Spanish', () => {
    beforeEach(async () => {
      await useLocale('es');
    });

    it('is the active locale', () => {
      expect(getLocale()).to.equal('es');
    });

    it('names the slot group and says the seats left and the lowest price in Spanish', async () => {
      const el = await picker('2026-11-25');
      expect(el.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal(
        'Horarios',
      );
      expect(buttons(el)).to.deep.equal([
        '9:00 – 13:00 Quedan 16 lugares Desde 59,00 US$',
        '14:00 – 18:00 Quedan 16 lugares Desde 59,00 US$',
      ]);
      await expect(el).to.be.accessible();
    });

    it('says when few seats are left and when a slot is sold out', async () => {
      expect(buttons(await picker('2026-11-27'))[1]).to.equal(
        '14:00 – 18:00 Últimos lugares: 2 Desde 59,00 US$',
      );
      expect(buttons(await picker('2026-11-30'))[0]).to.equal(
        '9:00 – 13:00 Agotado Desde 59,00 US$',
      );
    });

    it('says there are no times on an empty day', async () => {
      const el = await fixture<ResmarkSlotPicker>(
        html`<resmark-slot-picker .slots=${[]}></resmark-slot-picker>`,
      );
      expect(text(el.shadowRoot!.querySelector('p')!)).to.equal('No hay horarios este día.');
    });

    it('counts the hold down in Spanish, and warns under 5 minutes', async () => {
      expect(countdown(await timer(12 * MIN + 34_000))).to.equal(
        'Tus lugares están reservados por 12:34',
      );
      const urgent = await timer(4 * MIN + 5_000);
      expect(countdown(urgent)).to.equal('Tus lugares están reservados por 4:05');
      expect(text(urgent.shadowRoot!.querySelector('[role=status]')!)).to.equal(
        'Quedan menos de 5 minutos para conservar tus lugares',
      );
    });

    it('says the hold ran out and offers to hold the seats again', async () => {
      const el = await timer(0);
      expect(text(el.shadowRoot!.querySelector('[role=alert]')!)).to.equal(
        'Se acabó el tiempo y se liberaron tus lugares',
      );
      expect(text(el.shadowRoot!.querySelector('button')!)).to.equal(
        'Reservar mis lugares de nuevo',
      );
      el.renewing = true;
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('button')!)).to.equal('Reservando…');
    });

    it('writes money, dates and times the Spanish way through Intl', () => {
      // Intl puts a no-break space between amount and symbol; a reader sees a space.
      const seen = (s: string) => s.replace(/\s/g, ' ');
      expect(seen(formatMoney(89, 'USD', 'es'))).to.equal('89,00 US$');
      expect(seen(formatMoney(12345.5, 'EUR', 'es'))).to.equal('12.345,50 €');
      expect(seen(formatDate('2026-11-25', 'es'))).to.equal('mié, 25 nov 2026');
      expect(seen(formatTime('2026-11-25T14:00:00.000Z', 'es'))).to.equal('14:00');
    });
  });

  describe('when the page asks for a regional Spanish (es-MX)', () => {
    it('switches elements already on the page to Spanish', async () => {
      const el = await timer(12 * MIN + 34_000);
      expect(countdown(el)).to.equal('Your seats are held for 12:34');
      await useLocale('es-MX');
      await el.updateComplete;
      expect(getLocale()).to.equal('es');
      expect(countdown(el)).to.equal('Tus lugares están reservados por 12:34');
    });
  });

  describe('when the page asks for a language the widget lacks (fr)', () => {
    it('falls back to English, even from Spanish', async () => {
      await useLocale('es');
      const el = await picker('2026-11-25', 'en-US');
      expect(buttons(el)[0]).to.equal('9:00 AM – 1:00 PM Quedan 16 lugares Desde $59.00');
      await useLocale('fr');
      await el.updateComplete;
      expect(getLocale()).to.equal('en');
      expect(buttons(el)[0]).to.equal('9:00 AM – 1:00 PM 16 seats left From $59.00');
      expect(el.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal(
        'Times',
      );
    });
  });
});
