import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../widget/checkout/resmark-hold-timer.js';
import type { ResmarkHoldTimer } from '../../../widget/checkout/resmark-hold-timer.js';
import { expectFitsPhone, expectOwnTypography, loudPage } from './layout.js';
import { expectBusyKeepsFocus } from '../keyboard.js';

/** A clock the test moves by hand: `advance` moves `now` and runs the interval callbacks. */
function fakeClock(start: number) {
  const timers = new Map<number, () => void>();
  let next = 0;
  const clock = {
    time: start,
    timers,
    now: () => clock.time,
    setInterval(handler: () => void) {
      timers.set(++next, handler);
      return next;
    },
    clearInterval(id: unknown) {
      timers.delete(id as number);
    },
    advance(ms: number) {
      clock.time += ms;
      for (const handler of [...timers.values()]) handler();
    },
  };
  return clock;
}

const T0 = Date.UTC(2026, 10, 24, 21);
const MIN = 60_000;

async function timer(left: number, clock = fakeClock(T0)) {
  const el = await fixture<ResmarkHoldTimer>(
    html`<resmark-hold-timer
      .clock=${clock}
      .now=${clock.now}
      .expiresAt=${T0 + left}
    ></resmark-hold-timer>`,
  );
  return { el, clock };
}

const $ = (el: ResmarkHoldTimer, selector: string) => el.shadowRoot!.querySelector(selector);
const countdown = (el: ResmarkHoldTimer) => $(el, '[part~=countdown]')?.textContent?.trim();
const live = (el: ResmarkHoldTimer) => $(el, '[role=status]')!.textContent!.trim();

async function advance(el: ResmarkHoldTimer, clock: ReturnType<typeof fakeClock>, ms: number) {
  clock.advance(ms);
  await el.updateComplete;
}

describe('<resmark-hold-timer>', () => {
  describe('with nothing held', () => {
    it('shows nothing', async () => {
      const el = await fixture<ResmarkHoldTimer>(html`<resmark-hold-timer></resmark-hold-timer>`);
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  describe('while held', () => {
    it('counts down from expiresAt by the injected clock, once a second', async () => {
      const { el, clock } = await timer(12 * MIN + 34_000);
      expect(countdown(el)).to.equal('Your seats are held for 12:34');
      await advance(el, clock, 1000);
      expect(countdown(el)).to.equal('Your seats are held for 12:33');
      await advance(el, clock, 3 * MIN);
      expect(countdown(el)).to.equal('Your seats are held for 9:33');
      await expect(el).to.be.accessible();
    });

    it('announces nothing while more than 5 minutes are left, and looks calm', async () => {
      const { el } = await timer(12 * MIN);
      expect(live(el)).to.equal('');
      expect($(el, '[part~=urgent]')).to.equal(null);
      expect($(el, '[role=alert]')).to.equal(null);
    });

    it('keeps the countdown itself out of any live region', async () => {
      const { el } = await timer(12 * MIN);
      expect(
        $(el, '[part~=countdown]')!.closest('[aria-live],[role=status],[role=alert]'),
      ).to.equal(null);
    });
  });

  describe('under 5 minutes', () => {
    it('announces 5 minutes left once, then 1 minute left, not every second', async () => {
      const { el, clock } = await timer(5 * MIN + 2000);
      expect(live(el)).to.equal('');
      await advance(el, clock, 2000);
      expect(countdown(el)).to.equal('Your seats are held for 5:00');
      expect(live(el)).to.equal('Less than 5 minutes left to keep your seats');
      const region = $(el, '[role=status]')!;
      const changes: string[] = [];
      new MutationObserver(() => changes.push(region.textContent!.trim())).observe(region, {
        subtree: true,
        characterData: true,
        childList: true,
      });
      for (let i = 0; i < 10; i++) await advance(el, clock, 1000);
      expect(countdown(el)).to.equal('Your seats are held for 4:50');
      expect(changes, 'the live region did not change while the seconds ticked').to.deep.equal([]);
      await advance(el, clock, 3 * MIN + 50_000);
      expect(countdown(el)).to.equal('Your seats are held for 1:00');
      expect(live(el)).to.equal('Less than 1 minute left to keep your seats');
    });

    it('changes look', async () => {
      const { el } = await timer(4 * MIN);
      expect($(el, '[part~=countdown]')!.getAttribute('part')).to.equal('countdown urgent');
      const calm = await timer(6 * MIN);
      expect(getComputedStyle($(el, '[part~=countdown]')!).color).not.to.equal(
        getComputedStyle($(calm.el, '[part~=countdown]')!).color,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when the hold runs out', () => {
    it('fires resmark-lock-expire once, at zero', async () => {
      const { el, clock } = await timer(2000);
      let fired = 0;
      el.addEventListener('resmark-lock-expire', () => fired++);
      await advance(el, clock, 1000);
      expect(fired).to.equal(0);
      await advance(el, clock, 1000);
      expect(fired).to.equal(1);
      for (let i = 0; i < 5; i++) await advance(el, clock, 1000);
      el.renewing = true;
      await el.updateComplete;
      expect(fired).to.equal(1);
    });

    it('says so clearly, with one action to hold the seats again', async () => {
      const { el } = await timer(0);
      expect(countdown(el)).to.equal(undefined);
      expect($(el, '[role=alert]')!.textContent!.trim()).to.equal(
        'Your hold ran out and the seats were released',
      );
      const buttons = el.shadowRoot!.querySelectorAll('button');
      expect(buttons).to.have.length(1);
      expect(buttons[0]!.textContent!.trim()).to.equal('Hold my seats again');
      await expect(el).to.be.accessible();
    });

    it('asks to hold again on click', async () => {
      const { el } = await timer(0);
      setTimeout(() => ($(el, 'button') as HTMLButtonElement).click());
      const event = await oneEvent(el, 'resmark-hold-renew');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('asks to hold again from the keyboard', async () => {
      const { el } = await timer(0);
      ($(el, 'button') as HTMLButtonElement).focus();
      const renew = oneEvent(el, 'resmark-hold-renew');
      await sendKeys({ press: 'Enter' });
      await renew;
    });

    it('counts again, and can run out again, once renewed', async () => {
      const { el, clock } = await timer(1000);
      let fired = 0;
      el.addEventListener('resmark-lock-expire', () => fired++);
      await advance(el, clock, 1000);
      expect(fired).to.equal(1);
      el.expiresAt = clock.time + 30 * MIN;
      await el.updateComplete;
      expect(countdown(el)).to.equal('Your seats are held for 30:00');
      await advance(el, clock, 30 * MIN);
      expect(fired).to.equal(2);
    });
  });

  describe('while renewing', () => {
    it('waits, saying so', async () => {
      const { el } = await timer(0);
      el.renewing = true;
      await el.updateComplete;
      const button = $(el, 'button') as HTMLButtonElement;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(button).opacity).to.equal('0.55');
      expect(button.textContent!.trim()).to.equal('Holding…');
      await expect(el).to.be.accessible();
    });

    it('keeps the focus on the button pressed from the keyboard, and a second press asks nothing', async () => {
      const { el } = await timer(0);
      const button = $(el, 'button') as HTMLButtonElement;
      await expectBusyKeepsFocus(el, button, 'resmark-hold-renew', () => (el.renewing = true));
      await expect(el).to.be.accessible();
    });
  });

  describe('on a phone', () => {
    it('fits 320 px with 44 px targets, counting and run out', async () => {
      await expectFitsPhone((await timer(4 * MIN)).el);
      await expectFitsPhone((await timer(0)).el);
    });
  });

  describe('inside a page with its own typography', () => {
    let page: ReturnType<typeof loudPage>;
    beforeEach(() => (page = loudPage()));
    afterEach(() => page.restore());

    it('keeps 16 px text, 44 px targets and its own case and alignment', async () => {
      const el = await fixture<ResmarkHoldTimer>(
        html`<resmark-hold-timer .expiresAt=${Date.now() - 1}></resmark-hold-timer>`,
        { parentNode: page.parent },
      );
      await expectOwnTypography(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('when detached', () => {
    it('keeps no timer, and ticks again once attached', async () => {
      const { el, clock } = await timer(10 * MIN);
      expect(clock.timers.size).to.equal(1);
      const parent = el.parentNode!;
      el.remove();
      expect(clock.timers.size).to.equal(0);
      parent.appendChild(el);
      expect(clock.timers.size).to.equal(1);
      await advance(el, clock, 1000);
      expect(countdown(el)).to.equal('Your seats are held for 9:59');
    });
  });
});
