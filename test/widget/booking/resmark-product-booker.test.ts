import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import { setViewport } from '@web/test-runner-commands';
import type { ResmarkClient } from '../../../shared/client.js';
import { ResmarkError } from '../../../shared/errors.js';
import type { Inventory, PickupZone, Product } from '../../../shared/product.js';
import '../../../widget/booking/resmark-product-booker.js';
import type { ResmarkProductBooker } from '../../../widget/booking/resmark-product-booker.js';
import {
  dayPassInventory,
  kayakInventory,
  kayakPickups,
  paddleInventory,
  products,
} from '../fixtures.js';
import { expectOwnTypography, loudPage } from '../checkout/layout.js';
import { expectBusyKeepsFocus } from '../keyboard.js';

const [kayak, paddle, dayPass] = products as [Product, Product, Product];
// The fixtures' seed instant: the sandbox's day was 2026-11-24.
const T0 = Date.parse('2026-11-24T21:00:00Z');

/** The same days moved to another month (`2026-12`), ids and times too. */
const moved = (inventory: Inventory, month: string): Inventory =>
  JSON.parse(
    JSON.stringify(inventory)
      .replaceAll('2026-11', month)
      .replaceAll('202611', month.replace('-', '')),
  ) as Inventory;

interface Call {
  product: string | number;
  from?: string;
  signal: AbortSignal | undefined;
}

/**
 * A client whose product endpoints answer from the fixtures and count their calls. `hang` keeps
 * every inventory request pending until its signal aborts; `failures` rejects that many first.
 */
function fakeClient(
  options: {
    months?: Record<string, Inventory>;
    pickups?: PickupZone[];
    hang?: boolean;
    failures?: number;
  } = {},
) {
  const calls = { inventory: [] as Call[], pickups: [] as Call[] };
  let failures = options.failures ?? 0;
  const product = {
    inventory(
      productId: string | number,
      query: { from: string },
      request?: { signal?: AbortSignal },
    ): Promise<Inventory> {
      const signal = request?.signal;
      calls.inventory.push({ product: productId, from: query.from, signal });
      if (options.hang)
        return new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason)),
        );
      if (failures-- > 0)
        return Promise.reject(
          new ResmarkError('http', 'Service Unavailable', {
            status: 503,
            endpoint: 'GET /product/{id}/item',
          }),
        );
      return Promise.resolve(options.months?.[query.from] ?? { items: [] });
    },
    pickups(productId: string | number, request?: { signal?: AbortSignal }) {
      calls.pickups.push({ product: productId, signal: request?.signal });
      return Promise.resolve(options.pickups ?? []);
    },
  };
  // Only the two endpoints the booker calls exist; the cast says so instead of faking the rest.
  const client = { product } as unknown as Pick<ResmarkClient, 'product'>;
  return { client, calls };
}

const kayakMonths = { '2026-11': kayakInventory, '2026-12': moved(kayakInventory, '2026-12') };

async function booker(
  client: Pick<ResmarkClient, 'product'>,
  product: Product,
  now = T0,
  parentNode?: HTMLElement,
): Promise<ResmarkProductBooker> {
  const el = await fixture<ResmarkProductBooker>(
    html`<resmark-product-booker
      .client=${client}
      .product=${product}
      .now=${() => now}
      locale="en-US"
    ></resmark-product-booker>`,
    { parentNode },
  );
  await settle(el);
  return el;
}

async function settle(el: ResmarkProductBooker) {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
  }
}

const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = <K extends keyof HTMLElementTagNameMap>(el: ResmarkProductBooker, tag: K) =>
  el.shadowRoot!.querySelector(tag);
const inner = <T extends Element>(host: Element | null, selector: string) =>
  host!.shadowRoot!.querySelector<T & Element>(selector)!;
const addButton = (el: ResmarkProductBooker) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=add]');

async function pickDay(el: ResmarkProductBooker, date: string) {
  inner<HTMLButtonElement>(
    part(el, 'resmark-availability-calendar'),
    `[data-date="${date}"]`,
  ).click();
  await settle(el);
}

async function pickSlot(el: ResmarkProductBooker, index: number) {
  part(el, 'resmark-slot-picker')!.shadowRoot!.querySelectorAll('button')[index]!.click();
  await settle(el);
}

async function choose(host: Element | null, id: string, value: string) {
  const select = inner<HTMLSelectElement>(host, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe('<resmark-product-booker>', () => {
  describe('while loading', () => {
    let el: ResmarkProductBooker;
    let calls: ReturnType<typeof fakeClient>['calls'];
    beforeEach(async () => {
      const fake = fakeClient({ hang: true });
      calls = fake.calls;
      el = await booker(fake.client, kayak);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('announces the load and shows this month’s calendar as loading', () => {
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal(
        'Loading availability…',
      );
      const calendar = part(el, 'resmark-availability-calendar')!;
      expect(calendar.month).to.equal('2026-11');
      expect(calendar.loading).to.equal(true);
      expect(calls.inventory.map((c) => [c.product, c.from])).to.deep.equal([[94175, '2026-11']]);
    });

    it('aborts the load when the product changes, and loads the new one', async () => {
      const first = calls.inventory[0]!.signal!;
      expect(first.aborted).to.equal(false);
      el.product = paddle;
      await settle(el);
      expect(first.aborted).to.equal(true);
      expect(calls.inventory.map((c) => c.product)).to.deep.equal([94175, 94176]);
      expect(calls.inventory[1]!.signal!.aborted).to.equal(false);
    });

    it('aborts the load when it leaves the page, and starts again when it is back', async () => {
      const parent = el.parentElement!;
      el.remove();
      expect(calls.inventory[0]!.signal!.aborted).to.equal(true);
      parent.append(el);
      await settle(el);
      expect(calls.inventory).to.have.length(2);
      expect(calls.inventory[1]!.signal!.aborted).to.equal(false);
    });
  });

  describe('with availability (multi-tier, with pickups)', () => {
    let el: ResmarkProductBooker;
    let calls: ReturnType<typeof fakeClient>['calls'];
    beforeEach(async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      calls = fake.calls;
      el = await booker(fake.client, kayak);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('loads this month and the pickups once, and marks the open days', () => {
      expect(calls.inventory.map((c) => c.from)).to.deep.equal(['2026-11']);
      expect(calls.pickups.map((c) => c.product)).to.deep.equal([94175]);
      const calendar = part(el, 'resmark-availability-calendar')!;
      expect(calendar.loading).to.equal(false);
      expect(calendar.min).to.equal('2026-11');
      expect(calendar.days['2026-11-25']).to.deep.equal({ seatsLeft: 16 });
      expect(calendar.days['2026-11-24']).to.equal(undefined);
      expect(part(el, 'resmark-tier-quantities')).to.equal(null);
    });

    it('loads a month it is shown once, and caches it', async () => {
      const calendar = part(el, 'resmark-availability-calendar')!;
      const next = inner<HTMLButtonElement>(calendar, '[aria-label="Next month"]');
      const previous = inner<HTMLButtonElement>(calendar, '[aria-label="Previous month"]');
      next.click();
      await settle(el);
      expect(calls.inventory.map((c) => c.from)).to.deep.equal(['2026-11', '2026-12']);
      expect(calendar.month).to.equal('2026-12');
      expect(calendar.days['2026-12-25']).to.deep.equal({ seatsLeft: 16 });
      previous.click();
      await settle(el);
      next.click();
      await settle(el);
      expect(calendar.month).to.equal('2026-12');
      expect(calls.inventory.map((c) => c.from)).to.deep.equal(['2026-11', '2026-12']);
    });

    it('shows the chosen day’s slots, and the chosen slot’s prices and seats feed the quantities', async () => {
      await pickDay(el, '2026-11-27');
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal(
        'Times on Fri, Nov 27, 2026',
      );
      const slots = part(el, 'resmark-slot-picker')!;
      expect(slots.slots.map((s) => s.activityId)).to.deep.equal([
        'a-94175-20261127-0900',
        'a-94175-20261127-1400',
      ]);
      await pickSlot(el, 1);
      const quantities = part(el, 'resmark-tier-quantities')!;
      expect(quantities.prices).to.deep.equal({ Adult: 89, Child: 59, Senior: 79 });
      expect(quantities.seatsLeft).to.equal(2);
      expect(quantities.label).to.equal('Guest');
      // The 2:00 PM departure: only the 13:15 hotel pickup reaches it (issue 11, item 3).
      expect(part(el, 'resmark-pickup-picker')!.zones.map((z) => z.id)).to.deep.equal([
        '5f1d00000000000000000001',
      ]);
      await expect(el).to.be.accessible();
    });

    it('keeps a desktop’s booker compact: the calendar, the steppers near their labels, times on one line in one clock (issue 11, item 11)', async () => {
      await setViewport({ width: 1280, height: 900 });
      try {
        await pickDay(el, '2026-11-25');
        await pickSlot(el, 0);
        const calendar = part(el, 'resmark-availability-calendar')!.getBoundingClientRect();
        expect(calendar.width, 'calendar width').to.be.at.most(400);
        const quantities = part(el, 'resmark-tier-quantities')!.getBoundingClientRect();
        expect(quantities.width, 'steppers near their labels').to.be.at.most(28 * 16 + 1);
        const slots = part(el, 'resmark-slot-picker')!;
        for (const time of slots.shadowRoot!.querySelectorAll<HTMLElement>('.time')) {
          const lineHeight = parseFloat(getComputedStyle(time).lineHeight);
          expect(time.getBoundingClientRect().height, time.textContent!).to.be.below(
            lineHeight * 1.5,
          );
        }
        expect(slots.shadowRoot!.querySelector('.time')!.textContent).to.equal('9:00 AM – 1:00 PM');
        const pickup = part(el, 'resmark-pickup-picker')!;
        await choose(pickup, 'zone', '5f1d00000000000000000001');
        const detail = inner<HTMLSelectElement>(pickup, '#detail');
        expect(detail.options[1]!.textContent!.trim()).to.equal('Morning pickup · 8:15 AM');
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('uses a desktop’s width: the calendar beside the times, quantities, pickup and summary; a phone stacks them (issue 11, item 11)', async () => {
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      inner<HTMLButtonElement>(
        part(el, 'resmark-tier-quantities'),
        '[aria-label="Add one Adult"]',
      ).click();
      await settle(el);
      const box = (node: Element | null) => node!.getBoundingClientRect();
      const boxes = () => ({
        calendar: box(part(el, 'resmark-availability-calendar')),
        times: box(el.shadowRoot!.querySelector('h3')),
        quantities: box(part(el, 'resmark-tier-quantities')),
        pickup: box(part(el, 'resmark-pickup-picker')),
        total: box(el.shadowRoot!.querySelector('[part=running-total]')),
        add: box(addButton(el)),
      });
      try {
        await setViewport({ width: 1280, height: 900 });
        await settle(el);
        const wide = boxes();
        // Numbers, not boxes: chai's report of two DOMRects that differ is unreadable.
        for (const name of ['times', 'quantities', 'pickup', 'total', 'add'] as const)
          expect(wide[name].left, `${name} beside the calendar`).to.be.at.least(
            wide.calendar.right,
          );
        expect(wide.times.top, 'the times start beside the calendar, not below it').to.be.below(
          wide.calendar.bottom,
        );
        expect(wide.add.top, 'Add to cart under the total').to.be.at.least(wide.total.bottom);
        await expect(el).to.be.accessible();

        await setViewport({ width: 390, height: 800 });
        await settle(el);
        const narrow = boxes();
        for (const name of ['times', 'quantities', 'pickup', 'total', 'add'] as const)
          expect(narrow[name].top, `${name} below the calendar`).to.be.at.least(
            narrow.calendar.bottom,
          );
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('offers only the pickups that reach the departure, and drops one that does not (issue 11, item 3)', async () => {
      const offered = () =>
        part(el, 'resmark-pickup-picker')!.zones.flatMap((zone) =>
          zone.pickupDetails.map((d) => d.time),
        );
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      expect(offered(), 'the 9:00 tour').to.deep.equal(['08:15', '07:45']);
      const pickup = part(el, 'resmark-pickup-picker')!;
      await choose(pickup, 'zone', '5f1d00000000000000000001');
      await choose(pickup, 'detail', '5f1e00000000000000000001');
      await settle(el);
      await pickSlot(el, 1);
      expect(offered(), 'the 2:00 PM tour').to.deep.equal(['13:15']);
      expect(part(el, 'resmark-pickup-picker')!.value, 'the 08:15 pickup is gone').to.deep.equal(
        {},
      );
      await expect(el).to.be.accessible();
    });

    it('shows the add-item rules’ errors at the fields and asks for nothing', async () => {
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      let requests = 0;
      el.addEventListener('resmark-item-request', () => requests++);
      addButton(el)!.click();
      await settle(el);
      expect(requests).to.equal(0);
      const quantities = part(el, 'resmark-tier-quantities')!;
      expect(inner(quantities, '#whole').textContent).to.equal('Choose at least one guest');
      const pickup = part(el, 'resmark-pickup-picker')!;
      expect(inner(pickup, '#zone').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('shows a running total of the people chosen, before anything is held (issue 11, item 5)', async () => {
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      const total = () =>
        (el.shadowRoot!.querySelector('[part=running-total]')?.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim();
      expect(total(), 'nothing chosen, no total').to.equal('');
      const quantities = part(el, 'resmark-tier-quantities')!;
      for (const name of ['Add one Adult', 'Add one Adult', 'Add one Child']) {
        inner<HTMLButtonElement>(quantities, `[aria-label="${name}"]`).click();
        await settle(el);
      }
      // 2 × $89 + 1 × $59, as the cart will add it up.
      expect(total()).to.equal('Total: $237.00');
      expect(
        el.shadowRoot!.querySelector('[part=running-total]')!.getAttribute('aria-live'),
      ).to.equal('polite');
      // A pickup with a price changes nothing: Resmark's total adds none, and none is shown.
      const pickup = part(el, 'resmark-pickup-picker')!;
      await choose(pickup, 'zone', '5f1d00000000000000000002');
      await settle(el);
      expect(total()).to.equal('Total: $237.00');
      expect(pickup.shadowRoot!.textContent).not.to.match(/\$/);
      await expect(el).to.be.accessible();
    });

    it('fires resmark-item-request with the product, the slot and the add-item body', async () => {
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      const quantities = part(el, 'resmark-tier-quantities')!;
      for (const name of ['Add one Adult', 'Add one Adult', 'Add one Child']) {
        inner<HTMLButtonElement>(quantities, `[aria-label="${name}"]`).click();
        await quantities.updateComplete;
      }
      const pickup = part(el, 'resmark-pickup-picker')!;
      await choose(pickup, 'zone', '5f1d00000000000000000001');
      await choose(pickup, 'detail', '5f1e00000000000000000001');
      await choose(pickup, 'location', '5f1f00000000000000000001');
      await settle(el);
      const requested = oneEvent(el, 'resmark-item-request');
      addButton(el)!.click();
      const { detail } = await requested;
      expect(detail.product).to.equal(kayak);
      expect(detail.slot).to.equal(kayakInventory.items[0]!.timesAvailable[0]);
      expect(detail.item).to.deep.equal({
        itemId: 'a-94175-20261125-0900',
        participants: { Adult: 2, Child: 1 },
        pickupDetailId: '5f1e00000000000000000001',
        locationId: '5f1f00000000000000000001',
      });
    });

    it('fits a 320 px phone without scrolling sideways', async () => {
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      el.style.width = '320px';
      await settle(el);
      expect(el.scrollWidth).to.be.at.most(320);
      // Every control inside stays within the phone's width.
      const controls = (root: ShadowRoot): Element[] =>
        [...root.querySelectorAll('*')].flatMap((node) => [
          node,
          ...(node.shadowRoot ? controls(node.shadowRoot) : []),
        ]);
      const left = el.getBoundingClientRect().left;
      const found = controls(el.shadowRoot!).filter((n) => n.matches('button, input, select'));
      expect(found.length).to.be.greaterThan(40); // days, slots, quantities, pickup, add
      for (const node of found)
        expect(
          node.getBoundingClientRect().right - left,
          node.outerHTML.slice(0, 60),
        ).to.be.at.most(320.5);
      for (const tag of [
        'resmark-availability-calendar',
        'resmark-slot-picker',
        'resmark-tier-quantities',
        'resmark-pickup-picker',
      ] as const)
        expect(part(el, tag)!.scrollWidth, tag).to.be.at.most(320);
    });

    it('waits while the host adds (busy)', async () => {
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      el.busy = true;
      await el.updateComplete;
      expect(addButton(el)!.getAttribute('aria-disabled')).to.equal('true');
      expect(addButton(el)!.getAttribute('aria-busy')).to.equal('true');
      el.busy = false;
      await el.updateComplete;
      expect(addButton(el)!.getAttribute('aria-disabled')).to.equal('false');
    });
  });

  describe('while the host adds (busy)', () => {
    it('keeps the focus on the Add to cart pressed from the keyboard, and a second press asks nothing', async () => {
      const fake = fakeClient({ months: { '2026-11': paddleInventory } });
      const el = await booker(fake.client, paddle);
      await pickDay(el, '2026-11-26');
      await pickSlot(el, 0);
      const quantities = part(el, 'resmark-tier-quantities')!;
      inner<HTMLButtonElement>(quantities, '[aria-label="Add one Guest"]').click();
      await settle(el);
      const button = addButton(el)!;
      await expectBusyKeepsFocus(el, button, 'resmark-item-request', () => (el.busy = true));
      expect(getComputedStyle(button).opacity).to.equal('0.55');
      await expect(el).to.be.accessible();
    });
  });

  describe('with an add error', () => {
    const error = 'Those seats were just taken: choose another time';

    it('shows it right after Add to cart, as an alert that describes the button', async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, kayak);
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      el.error = error;
      await el.updateComplete;
      const shown = el.shadowRoot!.querySelector('[part=error]')!;
      expect(shown.textContent!.trim()).to.equal(error);
      expect(shown.getAttribute('role')).to.equal('alert');
      expect(shown.classList.contains('error')).to.equal(true);
      expect(addButton(el)!.nextElementSibling).to.equal(shown);
      expect(addButton(el)!.getAttribute('aria-describedby')).to.equal(shown.id);
      await expect(el).to.be.accessible();
      el.error = undefined;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
      expect(addButton(el)!.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('shows it before a slot is chosen too', async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, kayak);
      el.error = error;
      await el.updateComplete;
      expect(addButton(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent!.trim()).to.equal(error);
      await expect(el).to.be.accessible();
    });
  });

  describe('inside a page with its own typography', () => {
    let page: ReturnType<typeof loudPage>;
    beforeEach(() => (page = loudPage()));
    afterEach(() => page.restore());

    it('keeps 16 px text, 44 px targets and its own case and alignment, in every part', async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, kayak, T0, page.parent);
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      await expectOwnTypography(el);
      await expect(el).to.be.accessible();
    });

    it('applies an operator’s relative --resmark-font-size once, not again in every part', async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, kayak, T0, page.parent);
      el.style.setProperty('--resmark-font-size', '2em'); // of the page's 10 px
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      const size = (node: Element) => getComputedStyle(node).fontSize;
      expect(size(el)).to.equal('20px');
      for (const tag of [
        'resmark-availability-calendar',
        'resmark-slot-picker',
        'resmark-tier-quantities',
        'resmark-pickup-picker',
      ] as const)
        expect(size(part(el, tag)!), tag).to.equal('20px');
      expect(size(addButton(el)!)).to.equal('20px');
    });
  });

  describe('when this month has no open day', () => {
    it('shows the first month that has one, looking at most three months ahead', async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, kayak, Date.parse('2026-10-15T12:00:00Z'));
      expect(fake.calls.inventory.map((c) => c.from)).to.deep.equal(['2026-10', '2026-11']);
      expect(part(el, 'resmark-availability-calendar')!.month).to.equal('2026-11');
      await expect(el).to.be.accessible();
    });

    it('stops after three months without any', async () => {
      const fake = fakeClient({ pickups: kayakPickups });
      const el = await booker(fake.client, kayak);
      expect(fake.calls.inventory.map((c) => c.from)).to.deep.equal([
        '2026-11',
        '2026-12',
        '2027-01',
      ]);
      expect(part(el, 'resmark-availability-calendar')!.month).to.equal('2027-01');
      // Said as sold out, not left as an empty calendar (issue 11, item 10).
      expect(text(el.shadowRoot!.querySelector('[part=sold-out]'))).to.equal(
        'Sold out: no dates are open in the next three months. Please check back later.',
      );
      await expect(el).to.be.accessible();
    });

    it('tells the host the product’s lowest open price, or that it is sold out', async () => {
      const heard: unknown[] = [];
      const hear = (event: Event) => heard.push((event as CustomEvent).detail);
      document.addEventListener('resmark-availability-change', hear);
      after(() => document.removeEventListener('resmark-availability-change', hear));
      await booker(fakeClient({ months: kayakMonths, pickups: kayakPickups }).client, kayak);
      await booker(fakeClient({ pickups: kayakPickups }).client, kayak);
      expect(heard).to.deep.equal([
        { product: kayak, soldOut: false, from: 59 },
        { product: kayak, soldOut: true },
      ]);
    });

    it('says when it is next available, and that button chooses the day', async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, kayak, Date.parse('2026-10-15T12:00:00Z'));
      const next = el.shadowRoot!.querySelector('[part=next-available]')!;
      expect(text(next)).to.equal('Next available: Wed, Nov 25, 2026');
      next.querySelector('button')!.click();
      await settle(el);
      expect(part(el, 'resmark-availability-calendar')!.selected).to.equal('2026-11-25');
      expect(part(el, 'resmark-slot-picker')).not.to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=next-available]')).to.equal(null);
    });
  });

  describe('with a single-price product without pickups', () => {
    it('asks for no pickups and sends the All tier', async () => {
      const fake = fakeClient({ months: { '2026-11': paddleInventory } });
      const el = await booker(fake.client, paddle);
      expect(fake.calls.pickups).to.have.length(0);
      await pickDay(el, '2026-11-26');
      await pickSlot(el, 0);
      expect(part(el, 'resmark-pickup-picker')).to.equal(null);
      const quantities = part(el, 'resmark-tier-quantities')!;
      inner<HTMLButtonElement>(quantities, '[aria-label="Add one Guest"]').click();
      await settle(el);
      const requested = oneEvent(el, 'resmark-item-request');
      addButton(el)!.click();
      expect((await requested).detail.item).to.deep.equal({
        itemId: 'a-94176-20261126-1730',
        participants: { All: 1 },
      });
      await expect(el).to.be.accessible();
    });
  });

  describe('when hasPickups is not given', () => {
    it('asks for pickups and shows the picker when zones come back', async () => {
      const { hasPickups: _, ...unknown } = kayak;
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups });
      const el = await booker(fake.client, unknown as Product);
      expect(fake.calls.pickups).to.have.length(1);
      await pickDay(el, '2026-11-25');
      await pickSlot(el, 0);
      expect(part(el, 'resmark-pickup-picker')).to.not.equal(null);
    });
  });

  describe('with a dateless product', () => {
    let el: ResmarkProductBooker;
    beforeEach(async () => {
      const fake = fakeClient({ months: { '2026-11': dayPassInventory } });
      el = await booker(fake.client, dayPass);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('skips the calendar and slots, choosing its one slot', async () => {
      expect(part(el, 'resmark-availability-calendar')).to.equal(null);
      expect(part(el, 'resmark-slot-picker')).to.equal(null);
      const quantities = part(el, 'resmark-tier-quantities')!;
      expect(quantities.seatsLeft).to.equal(200);
      expect(quantities.label).to.equal('Pass');
      const input = inner<HTMLInputElement>(quantities, '#q0');
      input.value = '2';
      input.dispatchEvent(new Event('change'));
      await settle(el);
      const requested = oneEvent(el, 'resmark-item-request');
      addButton(el)!.click();
      expect((await requested).detail.item).to.deep.equal({
        itemId: 'a-94177-dateless',
        participants: { All: 2 },
      });
    });
  });

  describe('with a sold-out dateless product', () => {
    it('says it is sold out, offers no Add to cart, and passes axe', async () => {
      const [day] = dayPassInventory.items;
      const soldOut = {
        ...dayPassInventory,
        items: [
          {
            ...day!,
            timesAvailable: day!.timesAvailable.map((slot) => ({
              ...slot,
              tiersAvailable: { '*': 0 },
            })),
          },
        ],
      };
      const fake = fakeClient({ months: { '2026-11': soldOut } });
      const el = await booker(fake.client, dayPass);
      expect(text(el.shadowRoot!.querySelector('[part=sold-out]'))).to.equal(
        'Sold out: none are left right now. Please check back later.',
      );
      expect(addButton(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('on an API error', () => {
    let el: ResmarkProductBooker;
    let calls: ReturnType<typeof fakeClient>['calls'];
    let errors: CustomEvent[];
    beforeEach(async () => {
      const fake = fakeClient({ months: kayakMonths, pickups: kayakPickups, failures: 1 });
      calls = fake.calls;
      errors = [];
      const fixtureEl = await fixture<ResmarkProductBooker>(
        html`<resmark-product-booker
          .now=${() => T0}
          @resmark-error=${(e: CustomEvent) => errors.push(e)}
        ></resmark-product-booker>`,
      );
      fixtureEl.client = fake.client;
      fixtureEl.product = kayak;
      el = fixtureEl;
      await settle(el);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('says so with a Retry button and fires resmark-error', () => {
      const failure = el.shadowRoot!.querySelector('[part=failure]')!;
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(failure.querySelector('p')!.textContent).to.equal('Availability could not be loaded.');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail).to.deep.equal({
        kind: 'http',
        message: 'Service Unavailable',
        status: 503,
      });
      expect(errors[0]!.composed).to.equal(true);
    });

    it('drops the error when the shopper goes to a month that loads', async () => {
      const calendar = part(el, 'resmark-availability-calendar')!;
      expect(calendar.loading).to.equal(false); // failed, not loading
      inner<HTMLButtonElement>(calendar, '[aria-label="Next month"]').click();
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part=failure]')).to.equal(null);
      expect(calendar.days['2026-12-25']).to.deep.equal({ seatsLeft: 16 });
    });

    it('loads again on Retry', async () => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=failure] button')!.click();
      await waitUntil(() => !el.shadowRoot!.querySelector('[part=failure]'));
      await settle(el);
      expect(calls.inventory.map((c) => c.from)).to.deep.equal(['2026-11', '2026-11']);
      const calendar = part(el, 'resmark-availability-calendar')!;
      expect(calendar.loading).to.equal(false);
      expect(calendar.days['2026-11-25']).to.deep.equal({ seatsLeft: 16 });
    });
  });
});
