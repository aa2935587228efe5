import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { OrderEvent } from '../../../extension/orders/events.js';
import '../../../extension/orders/resmark-agent-order.js';
import type { ResmarkAgentOrder } from '../../../extension/orders/resmark-agent-order.js';
import { ResmarkError } from '../../../shared/errors.js';
import type { Order } from '../../../shared/order.js';
import { expectFitsPhone } from '../../widget/checkout/layout.js';
import { kayakPickups } from '../../widget/fixtures.js';
import { apiError, fakeClient, type Answer, type Method } from './fake-client.js';
import {
  alreadyCancelledAnswer,
  bikesOrder,
  childCancelled,
  eBikeCancelled,
  kayakCancelled,
  kayakOrder,
  paddleCancelledWaived,
} from './fixtures.js';

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: ResmarkAgentOrder, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: ResmarkAgentOrder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const rows = (el: ResmarkAgentOrder, item: number) =>
  [...$$(el, '[part=item]')[item]!.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].slice(0, 3).map((cell) => text(cell)),
  );
const totals = (el: ResmarkAgentOrder) =>
  $$(el, '[part=totals] .row').map((row) => [text(row.children[0]!), text(row.children[1]!)]);
const dialog = (el: ResmarkAgentOrder) => $<HTMLDialogElement>(el, 'dialog');
/**
 * Checks that the focus is on `target` inside `el`. Booleans: chai's report of two elements that
 * differ takes longer than the run, so a failure would time out instead of saying what failed.
 */
const expectFocus = (el: ResmarkAgentOrder, target: Element | null | undefined, what: string) =>
  expect(el.shadowRoot!.activeElement === target, `focus on ${what}`).to.equal(true);
/** The "Cancel" button whose accessible text names `who`. */
const cancelButton = (el: ResmarkAgentOrder, who: string) =>
  $$(el, '[part=cancel-line], [part=cancel-item]').find((b) => text(b).includes(who))!;

async function detail(
  order: Order,
  answers: Partial<Record<Method, Answer>> = {},
  customerFacing = false,
) {
  const fake = fakeClient(answers);
  const el = await fixture<ResmarkAgentOrder>(
    html`<resmark-agent-order
      .client=${fake.client}
      .order=${order}
      ?customer-facing=${customerFacing}
      locale="en-US"
      time-zone="UTC"
    ></resmark-agent-order>`,
  );
  return { el, calls: fake.calls };
}

async function openDialog(el: ResmarkAgentOrder, button: HTMLElement) {
  button.click();
  await waitUntil(() => dialog(el).open, 'the dialog opens');
  await el.updateComplete;
}

async function confirm(el: ResmarkAgentOrder) {
  $(el, '[part=confirm]').click();
  await waitUntil(() => !dialog(el).open, 'the dialog closes');
  await el.updateComplete;
}

const KAYAK_ID = kayakOrder.id;
const TOUR = kayakOrder.items[0]!.itemId;
const PADDLE = kayakOrder.items[1]!.itemId;
const CHILD = kayakOrder.items[0]!.participantList!.find((p) => p.tier === 'Child')!.id;
const BIKES = bikesOrder.items[0]!.itemId;
const E_BIKE = bikesOrder.items[0]!.unitList!.find((u) => u.tier === 'E-Bike')!.id;

describe('<resmark-agent-order>', () => {
  describe('when shown', () => {
    it('names the order, its status and confirmation number, and takes the focus', async () => {
      const { el } = await detail(kayakOrder);
      expect(text($(el, '[part=heading]'))).to.equal('Order 100001');
      expect(text($(el, '[part=status]'))).to.equal('Active');
      expect(text($(el, '[part=number]'))).to.equal('100001');
      expectFocus(el, $(el, '[part=heading]'), 'heading');
      await expect(el).to.be.accessible();
    });

    it('says who booked it, for whom, the reference and the payment note', async () => {
      const { el } = await detail(kayakOrder);
      const facts = $$(el, '[part=facts] dt').map((dt) => [text(dt), text(dt.nextElementSibling)]);
      expect(facts).to.deep.equal([
        ['Created', 'Sun, Dec 6, 2026, 5:27 PM'],
        ['Customer', 'Kim Ng, kim@example.com, +44 2079460958'],
        ['Booked through', 'Sunset Travel, by Avery Agent (agent@sunset-travel.test)'],
        ['Your reference', 'SUN-2041'],
        ['Payment note', 'Collected by agent (card)'],
        ['Session (order) id', KAYAK_ID],
      ]);
    });

    it('lists each item with its people: price and status', async () => {
      const { el } = await detail(kayakOrder);
      const [tour, paddle] = $$(el, '[part=item]');
      expect(text(tour!.querySelector('[part=product]'))).to.equal('Half-Day Canyon Kayak Tour');
      expect(text(tour)).to.include('Mon, Dec 7, 2026, 9:00 AM – 1:00 PM');
      expect(text(tour)).to.include('2 × Adult, 1 × Child, 1 × Senior');
      expect(text(tour!.querySelector('[part=item-total]'))).to.equal('$316.00');
      expect(text(tour!.querySelector('caption'))).to.equal('Participants');
      expect(rows(el, 0)).to.deep.equal([
        ['Adult 1', '$89.00', 'Active'],
        ['Adult 2', '$89.00', 'Active'],
        ['Child 1', '$59.00', 'Active'],
        ['Senior 1', '$79.00', 'Active'],
      ]);
      // A single-price product's people are people, not "All".
      expect(rows(el, 1)).to.deep.equal([
        ['Person 1', '$49.00', 'Active'],
        ['Person 2', '$49.00', 'Active'],
      ]);
      expect(text(paddle)).to.include('2 people');
    });

    it('shows the total and what was paid', async () => {
      const { el } = await detail(kayakOrder);
      expect(totals(el)).to.deep.equal([['Total', '$414.00']]);
      expect(text($(el, '[part=paid]'))).to.equal('Paid $414.00, recorded as paid outside Resmark');
    });

    it('names every cancel button by what it cancels', async () => {
      const { el } = await detail(kayakOrder);
      expect($$(el, '[part=cancel-line]').map((b) => text(b))).to.include(
        'Cancel Child 1, Half-Day Canyon Kayak Tour',
      );
      expect($$(el, '[part=cancel-item]').map((b) => text(b))).to.deep.equal([
        'Cancel item Half-Day Canyon Kayak Tour',
        'Cancel item Sunset Paddle',
      ]);
      expect(text($(el, '[part=cancel-order]'))).to.equal('Cancel the whole order');
    });
  });

  describe('with the pickup zones of its products', () => {
    it('names the pickup’s time and place', async () => {
      const fake = fakeClient({});
      const el = await fixture<ResmarkAgentOrder>(
        html`<resmark-agent-order
          .client=${fake.client}
          .order=${kayakOrder}
          .pickups=${new Map([[94175, kayakPickups]])}
          locale="en-US"
        ></resmark-agent-order>`,
      );
      expect(text($(el, '[part=pickup]'))).to.equal(
        'Pickup: Morning pickup · 08:15, Lake Powell Resort lobby',
      );
    });
  });

  describe('in a narrow side panel', () => {
    it('fits 320 px with 44 px targets, the dialog too', async () => {
      const { el } = await detail(kayakOrder);
      await expectFitsPhone(el);
      await openDialog(el, cancelButton(el, 'Child 1'));
      await expectFitsPhone(el);
    });
  });

  describe('with a rental', () => {
    it('lists its units', async () => {
      const { el } = await detail(bikesOrder);
      expect(text($(el, 'caption'))).to.equal('Units');
      expect(rows(el, 0)).to.deep.equal([
        ['Cruiser 1', '$30.00', 'Active'],
        ['Cruiser 2', '$30.00', 'Active'],
        ['E-Bike 1', '$55.00', 'Active'],
      ]);
      expect(text($(el, '[part=item]'))).to.include('2 × Cruiser, 1 × E-Bike');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the screen is turned to the customer', () => {
    it('hides the reference, the payment note and the session id', async () => {
      const { el } = await detail(kayakOrder, {}, true);
      const shown = text($(el, '[part=facts]'));
      expect(shown).not.to.include('SUN-2041');
      expect(shown).not.to.include('Collected by agent');
      expect(shown).not.to.include(KAYAK_ID);
      expect(shown).to.include('Kim Ng');
      await expect(el).to.be.accessible();
    });

    it('hides an item’s internal comment', async () => {
      const [tour, paddle] = kayakOrder.items;
      const commented = { ...kayakOrder, items: [{ ...tour!, internalComment: 'VIP' }, paddle!] };
      const agent = await detail(commented);
      expect(text($(agent.el, '[part=item]'))).to.include('Internal comment: VIP');
      const customer = await detail(commented, {}, true);
      expect(text($(customer.el, '[part=item]'))).not.to.include('VIP');
    });
  });

  describe('copying the confirmation number', () => {
    let original: PropertyDescriptor | undefined;
    beforeEach(() => {
      original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    });
    afterEach(() => {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    });
    const clipboard = (writeText: (value: string) => Promise<void>) =>
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    it('copies it in one click and says "Copied"', async () => {
      const copied: string[] = [];
      clipboard(async (value) => void copied.push(value));
      const { el } = await detail(kayakOrder);
      $(el, '[part=copy]').click();
      await waitUntil(() => text($(el, '[part=copy-status]')) === 'Copied');
      expect(copied).to.deep.equal(['100001']);
      expect($(el, '[part=copy-status]').getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('says so when the browser refuses', async () => {
      clipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
      const { el } = await detail(kayakOrder);
      $(el, '[part=copy]').click();
      await waitUntil(() => text($(el, '[part=copy-status]')) !== '');
      expect(text($(el, '[part=copy-status]'))).to.equal(
        'Could not copy: select the number and copy it.',
      );
    });
  });

  describe('printing', () => {
    let print: typeof window.print;
    beforeEach(() => (print = window.print));
    afterEach(async () => {
      window.print = print;
      await emulateMedia({ media: 'screen' });
    });

    it('opens the browser’s print dialog', async () => {
      let printed = 0;
      window.print = () => void printed++;
      const { el } = await detail(kayakOrder);
      $(el, '[part=print]').click();
      expect(printed).to.equal(1);
    });

    it('prints the order without its controls', async () => {
      const { el } = await detail(kayakOrder);
      await emulateMedia({ media: 'print' });
      expect($$(el, 'button').every((b) => getComputedStyle(b).display === 'none')).to.equal(true);
      expect(getComputedStyle($(el, '[part=items]')).display).not.to.equal('none');
      expect(getComputedStyle($(el, '[part=totals]')).display).not.to.equal('none');
    });
  });

  describe('the cancel dialog, for a participant', () => {
    it('says exactly what is cancelled, that the fee applies, and focuses "Keep it"', async () => {
      const { el, calls } = await detail(kayakOrder);
      await openDialog(el, cancelButton(el, 'Child 1'));
      expect(text($(el, '#cancel-title'))).to.equal('Cancel this participant?');
      expect(text($(el, '#cancel-what'))).to.equal(
        'Child 1 ($59.00) of Half-Day Canyon Kayak Tour, Mon, Dec 7, 2026, 9:00 AM – 1:00 PM, on order 100001. The rest of the order stays booked.',
      );
      expect(text($(el, '#cancel-fee'))).to.equal(
        'The supplier’s cancellation fee applies: Resmark adds its share of $59.00 to the order.',
      );
      expect($<HTMLInputElement>(el, '[part=waive]').checked).to.equal(false);
      expect(text($(el, '[part=confirm]'))).to.equal('Cancel the participant');
      expectFocus(el, $(el, '[part=keep]'), 'keep');
      expect(calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('cancels it with the fee and shows Resmark’s answer', async () => {
      const { el, calls } = await detail(kayakOrder, { cancelParticipant: childCancelled });
      await openDialog(el, cancelButton(el, 'Child 1'));
      const cancelled = oneEvent(el, 'resmark-order-cancel') as Promise<
        OrderEvent<'resmark-order-cancel'>
      >;
      await confirm(el);
      expect(calls).to.deep.equal([{ method: 'cancelParticipant', args: [KAYAK_ID, TOUR, CHILD] }]);
      const { detail: said } = await cancelled;
      expect(said.target).to.deep.equal({ level: 'participant', itemId: TOUR, lineId: CHILD });
      expect(said.applyCancellationFee).to.equal(true);
      expect(said.order.cancellationFee).to.equal(5.9);
      expect(rows(el, 0)[2]).to.deep.equal(['Child 1', '$59.00', 'Cancelled']);
      expect(cancelButton(el, 'Child 1') === undefined, 'no Cancel for Child 1').to.equal(true);
      expect(text($(el, '[part=status]'))).to.equal('Partly cancelled');
      expect(text($(el, '[part=notice]'))).to.equal(
        'Child 1 of Half-Day Canyon Kayak Tour, Mon, Dec 7, 2026, 9:00 AM – 1:00 PM is cancelled. A cancellation fee of $5.90 was added. The order’s total is now $360.90.',
      );
      expect(totals(el)).to.deep.equal([
        ['Subtotal', '$355.00'],
        ['Cancellation fee', '$5.90'],
        ['Total', '$360.90'],
      ]);
      expectFocus(el, $(el, '[part=notice]'), 'notice');
      await expect(el).to.be.accessible();
    });
  });

  describe('the cancel dialog, for an item with the fee waived', () => {
    it('says no fee will be charged once "Waive" is ticked', async () => {
      const { el } = await detail(kayakOrder);
      await openDialog(el, cancelButton(el, 'Cancel item Sunset Paddle'));
      expect(text($(el, '#cancel-title'))).to.equal('Cancel this item?');
      expect(text($(el, '#cancel-what'))).to.equal(
        'Sunset Paddle, Mon, Dec 7, 2026, 5:30 PM – 7:30 PM: 2 people, $98.00, on order 100001.',
      );
      $(el, '[part=waive]').click();
      await el.updateComplete;
      expect(text($(el, '#cancel-fee'))).to.equal('No cancellation fee will be charged for this.');
      await expect(el).to.be.accessible();
    });

    it('sends applyCancellationFee: false and shows the item cancelled', async () => {
      const { el, calls } = await detail(kayakOrder, { cancelItem: paddleCancelledWaived });
      await openDialog(el, cancelButton(el, 'Cancel item Sunset Paddle'));
      $(el, '[part=waive]').click();
      await el.updateComplete;
      await confirm(el);
      expect(calls).to.deep.equal([
        { method: 'cancelItem', args: [KAYAK_ID, PADDLE, { applyCancellationFee: false }] },
      ]);
      const paddle = $$(el, '[part=item]')[1]!;
      expect(text(paddle.querySelector('[part=item-status]'))).to.equal('Cancelled');
      expect(paddle.querySelectorAll('button').length, 'buttons of the paddle').to.equal(0);
      expect(text($(el, '[part=notice]'))).to.equal(
        'Sunset Paddle, Mon, Dec 7, 2026, 5:30 PM – 7:30 PM is cancelled. The cancellation fee was waived. The order’s total is now $316.00.',
      );
      expect(totals(el)).to.deep.equal([['Total', '$316.00']]);
    });
  });

  describe('the cancel dialog, for a rental unit', () => {
    it('cancels the unit and shows the fee Resmark added', async () => {
      const { el, calls } = await detail(bikesOrder, { cancelUnit: eBikeCancelled });
      await openDialog(el, cancelButton(el, 'E-Bike 1'));
      expect(text($(el, '#cancel-title'))).to.equal('Cancel this unit?');
      expect(text($(el, '[part=confirm]'))).to.equal('Cancel the unit');
      await expect(el).to.be.accessible();
      await confirm(el);
      expect(calls).to.deep.equal([{ method: 'cancelUnit', args: [bikesOrder.id, BIKES, E_BIKE] }]);
      expect(rows(el, 0)[2]).to.deep.equal(['E-Bike 1', '$55.00', 'Cancelled']);
      expect(text($(el, '[part=notice]'))).to.include(
        'A cancellation fee of $8.25 was added. The order’s total is now $68.25.',
      );
    });
  });

  describe('the cancel dialog, for the whole order', () => {
    it('lists everything still booked and cancels it all', async () => {
      const { el, calls } = await detail(kayakOrder, { cancel: kayakCancelled });
      await openDialog(el, $(el, '[part=cancel-order]'));
      expect(text($(el, '#cancel-title'))).to.equal('Cancel all of order 100001?');
      expect(text($(el, '#cancel-what'))).to.equal(
        'Everything still booked on order 100001: Half-Day Canyon Kayak Tour, Mon, Dec 7, 2026, 9:00 AM – 1:00 PM (2 × Adult, 1 × Child, 1 × Senior); Sunset Paddle, Mon, Dec 7, 2026, 5:30 PM – 7:30 PM (2 people). $414.00 in all.',
      );
      await expect(el).to.be.accessible();
      await confirm(el);
      expect(calls).to.deep.equal([{ method: 'cancel', args: [KAYAK_ID] }]);
      expect(text($(el, '[part=status]'))).to.equal('Cancelled');
      expect($$(el, 'button[part^=cancel-]').length, 'cancel buttons').to.equal(0);
      expect(text($(el, '[part=notice]'))).to.equal(
        'Order 100001 is cancelled. A cancellation fee of $41.40 was added. The order’s total is now $41.40.',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('from the keyboard', () => {
    it('opens the dialog with Enter, and Escape closes it and returns the focus', async () => {
      const { el, calls } = await detail(kayakOrder);
      const button = cancelButton(el, 'Child 1');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open);
      expectFocus(el, $(el, '[part=keep]'), 'keep');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open);
      await el.updateComplete;
      expectFocus(el, button, 'button');
      expect(calls).to.deep.equal([]);
    });

    it('"Keep it" closes with nothing cancelled and returns the focus', async () => {
      const { el, calls } = await detail(kayakOrder);
      const button = $(el, '[part=cancel-order]');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open);
      await sendKeys({ press: 'Enter' }); // on "Keep it"
      await waitUntil(() => !dialog(el).open);
      expectFocus(el, button, 'button');
      expect(calls).to.deep.equal([]);
    });

    it('ticks "Waive" with Space and confirms with Enter', async () => {
      const { el, calls } = await detail(kayakOrder, { cancelItem: paddleCancelledWaived });
      cancelButton(el, 'Cancel item Sunset Paddle').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open);
      await sendKeys({ press: 'Shift+Tab' });
      expectFocus(el, $(el, '[part=waive]'), 'waive');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expectFocus(el, $(el, '[part=confirm]'), 'confirm');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !dialog(el).open);
      expect(calls).to.deep.equal([
        { method: 'cancelItem', args: [KAYAK_ID, PADDLE, { applyCancellationFee: false }] },
      ]);
    });
  });

  describe('when another order is shown while the dialog is open', () => {
    it('closes the dialog: its question was about the other order', async () => {
      const { el, calls } = await detail(kayakOrder);
      // The whole order's button: the new order has one too, in the same place.
      await openDialog(el, $(el, '[part=cancel-order]'));
      const closed = oneEvent(dialog(el), 'close');
      el.order = bikesOrder;
      await closed;
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(text($(el, '[part=heading]'))).to.equal('Order 100002');
      expectFocus(el, $(el, '[part=heading]'), 'heading');
      expect(calls).to.deep.equal([]);
    });
  });

  describe('while the cancellation is on its way', () => {
    it('says so, keeps the focus, and neither Escape nor a second press does anything', async () => {
      const { el, calls } = await detail(kayakOrder, { cancelParticipant: 'hang' });
      await openDialog(el, cancelButton(el, 'Child 1'));
      const confirmButton = $(el, '[part=confirm]');
      confirmButton.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text(confirmButton)).to.equal('Cancelling…');
      expect(confirmButton.getAttribute('aria-disabled')).to.equal('true');
      expectFocus(el, confirmButton, 'confirmButton');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(dialog(el).open).to.equal(true);
      expect(calls).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the cancellation fails', () => {
    it('explains a 409: already cancelled, nothing more charged, and reloads on request', async () => {
      const { el, calls } = await detail(kayakOrder, {
        cancelParticipant: apiError(
          alreadyCancelledAnswer,
          'DELETE /order/{id}/item/{itemId}/participant/{participantId}',
        ),
        get: childCancelled,
      });
      const errors = oneEvent(el, 'resmark-error');
      await openDialog(el, cancelButton(el, 'Child 1'));
      $(el, '[part=confirm]').click();
      await waitUntil(() => $(el, '[part=cancel-error]'));
      expect(text($(el, '[part=cancel-error]'))).to.equal(
        'Resmark says this is already cancelled (from another screen, or by the supplier): nothing more was cancelled and no fee was added. Reload the order to see where it stands.',
      );
      expect($(el, '[part=confirm]').getAttribute('aria-describedby')).to.equal('cancel-error');
      expect((await errors).detail).to.deep.include({ kind: 'api', status: 409 });
      expect(dialog(el).open).to.equal(true);
      await expect(el).to.be.accessible();

      const reload = [...dialog(el).querySelectorAll('button')].find(
        (b) => text(b) === 'Reload order',
      )!;
      reload.click();
      await waitUntil(() => text($(el, '[part=notice]')).startsWith('The order is shown'));
      expect(calls.map((c) => c.method)).to.deep.equal(['cancelParticipant', 'get']);
      expect(calls[1]!.args).to.deep.equal([KAYAK_ID]);
      expect(dialog(el).open).to.equal(false);
      expect(rows(el, 0)[2]).to.deep.equal(['Child 1', '$59.00', 'Cancelled']);
      expectFocus(el, $(el, '[part=notice]'), 'notice');
    });

    it('says a lost answer leaves the outcome unknown', async () => {
      const { el } = await detail(kayakOrder, {
        cancel: new ResmarkError('network', 'Could not reach Resmark for DELETE /order/{id}', {
          endpoint: 'DELETE /order/{id}',
        }),
      });
      await openDialog(el, $(el, '[part=cancel-order]'));
      $(el, '[part=confirm]').click();
      await waitUntil(() => $(el, '[part=cancel-error]'));
      expect(text($(el, '[part=cancel-error]'))).to.equal(
        'Resmark could not be reached or its answer was lost, so it is not known whether the cancellation was made. Reload the order to see where it stands before trying again.',
      );
      expect(text($(el, '[part=confirm]'))).to.equal('Cancel the whole order');
      expect($(el, '[part=confirm]').getAttribute('aria-disabled')).to.equal('false');
    });

    it('says when the account may not cancel', async () => {
      const { el } = await detail(kayakOrder, {
        cancelItem: new ResmarkError('api', 'Forbidden', { status: 403 }),
      });
      await openDialog(el, cancelButton(el, 'Cancel item Sunset Paddle'));
      $(el, '[part=confirm]').click();
      await waitUntil(() => $(el, '[part=cancel-error]'));
      expect(text($(el, '[part=cancel-error]'))).to.equal(
        'Your account may not cancel this order: it belongs to a supplier or agency yours cannot change.',
      );
      expect([...dialog(el).querySelectorAll('button')].map((b) => text(b))).not.to.include(
        'Reload order',
      );
    });

    it('says so beside "Reload order" when the reload fails too', async () => {
      const { el } = await detail(kayakOrder, {
        cancelParticipant: apiError(alreadyCancelledAnswer, 'DELETE …'),
        get: new ResmarkError('timeout', 'Resmark did not answer GET /order/{id}'),
      });
      await openDialog(el, cancelButton(el, 'Child 1'));
      $(el, '[part=confirm]').click();
      await waitUntil(() => $(el, '[part=cancel-error]'));
      [...dialog(el).querySelectorAll('button')].find((b) => text(b) === 'Reload order')!.click();
      await waitUntil(() => $(el, '[part=notice].error'));
      expect(text($(el, '[part=notice]'))).to.equal(
        'The order could not be reloaded. Resmark is taking too long to answer. Try again in a moment.',
      );
      expect(text($(el, '[part=notice] + button'))).to.equal('Reload order');
      await expect(el).to.be.accessible();
    });
  });

  describe('after a cancellation, nothing is fetched again', () => {
    it('makes exactly one request per cancellation', async () => {
      const { el, calls } = await detail(kayakOrder, {
        cancelParticipant: childCancelled,
        cancel: kayakCancelled,
      });
      await openDialog(el, cancelButton(el, 'Child 1'));
      await confirm(el);
      expect(calls.map((c) => c.method)).to.deep.equal(['cancelParticipant']);
    });
  });
});
