import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import type { OrderEvent } from '../../../extension/orders/events.js';
import '../../../extension/orders/resmark-agent-orders.js';
import type { ResmarkAgentOrders } from '../../../extension/orders/resmark-agent-orders.js';
import type { ResmarkAgentOrder } from '../../../extension/orders/resmark-agent-order.js';
import { ResmarkError } from '../../../shared/errors.js';
import { expectFitsPhone } from '../../widget/checkout/layout.js';
import { apiError, fakeClient, type Answer, type Method } from './fake-client.js';
import {
  CAPTURED_DAY,
  bikesOrder,
  byReference,
  childCancelled,
  firstPage,
  kayakOrder,
  notFoundAnswer,
  recentOrders,
  secondPage,
} from './fixtures.js';

// The afternoon the fixtures were captured: the default range ends that day.
const NOW = Date.parse(`${CAPTURED_DAY}T18:00:00Z`);
const RANGE = { fromCreatedDate: '2026-11-07', toCreatedDate: CAPTURED_DAY, sortOrder: 'desc' };

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: ResmarkAgentOrders, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const rowTexts = (el: ResmarkAgentOrders) =>
  [...el.shadowRoot!.querySelectorAll('[part=order-row]')].map((row) => text(row));
const detailOf = (el: ResmarkAgentOrders) => $<ResmarkAgentOrder>(el, 'resmark-agent-order');
/**
 * Checks that the focus is on `target` inside `el`. Booleans: chai's report of two elements that
 * differ takes longer than the run, so a failure would time out instead of saying what failed.
 */
const expectFocus = (el: ResmarkAgentOrders, target: Element | null | undefined, what: string) =>
  expect(el.shadowRoot!.activeElement === target, `focus on ${what}`).to.equal(true);

async function settle(el: ResmarkAgentOrders) {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
  }
}

async function orders(
  answers: Partial<Record<Method, Answer | ((...args: unknown[]) => Answer)>>,
  pageSize = 10,
) {
  const fake = fakeClient(answers);
  const el = await fixture<ResmarkAgentOrders>(
    html`<resmark-agent-orders
      .client=${fake.client}
      .now=${() => NOW}
      page-size=${pageSize}
      locale="en-US"
      time-zone="UTC"
    ></resmark-agent-orders>`,
  );
  await settle(el);
  return { el, calls: fake.calls };
}

async function search(el: ResmarkAgentOrders, by: string, value: string) {
  const select = $<HTMLSelectElement>(el, '[part=search-by]');
  select.value = by;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  const input = $<HTMLInputElement>(el, '[part=search-input]');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  $(el, '[part=search-button]').click();
  await settle(el);
}

describe('<resmark-agent-orders>', () => {
  describe('while the list loads', () => {
    it('says so, and paging waits', async () => {
      const { el } = await orders({ list: 'hang' });
      expect(text($(el, '[part=list-status]'))).to.equal('Loading orders…');
      expect($(el, '[part=previous]').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '[part=next]').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('with recent orders', () => {
    it('asks for the last 30 days, newest first, one page', async () => {
      const { calls } = await orders({ list: recentOrders });
      expect(calls).to.deep.equal([{ method: 'list', args: [{ ...RANGE, page: 0, limit: 10 }] }]);
    });

    it('shows each order: confirmation, status, created, customer, total', async () => {
      const { el } = await orders({ list: recentOrders });
      expect(rowTexts(el)).to.deep.equal([
        'Order 100002 Active Sun, Dec 6, 2026 Lee Park $115.00',
        'Order 100001 Active Sun, Dec 6, 2026 Kim Ng $414.00',
      ]);
      expect(text($(el, '[part=list-status]'))).to.equal('Page 1: 2 orders, newest first.');
      expect($<HTMLInputElement>(el, '[name=from]').value).to.equal('2026-11-07');
      expect($<HTMLInputElement>(el, '[name=to]').value).to.equal(CAPTURED_DAY);
      expect($(el, '[part=next]').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says so when the range has none', async () => {
      const { el } = await orders({ list: [] });
      expect(text($(el, '[part=list-status]'))).to.equal(
        'No orders were created between Sat, Nov 7, 2026 and Sun, Dec 6, 2026.',
      );
      await expect(el).to.be.accessible();
    });

    it('asks for another range, and refuses one that ends before it starts', async () => {
      const { el, calls } = await orders({ list: recentOrders });
      const from = $<HTMLInputElement>(el, '[name=from]');
      const to = $<HTMLInputElement>(el, '[name=to]');
      from.value = '2026-12-05';
      to.value = '2026-12-01';
      $(el, '[part=range] button').click();
      await el.updateComplete;
      expect(text($(el, '#range-error'))).to.equal('The first day must not be after the last.');
      expect(from.getAttribute('aria-invalid')).to.equal('true');
      expect(calls).to.have.length(1);
      await expect(el).to.be.accessible();
      to.value = '2026-12-06';
      $(el, '[part=range] button').click();
      await settle(el);
      expect(calls[1]).to.deep.equal({
        method: 'list',
        args: [
          {
            fromCreatedDate: '2026-12-05',
            toCreatedDate: '2026-12-06',
            sortOrder: 'desc',
            page: 0,
            limit: 10,
          },
        ],
      });
      expect(el.shadowRoot!.querySelector('#range-error') === null, 'no range error').to.equal(
        true,
      );
    });
  });

  describe('in a narrow side panel', () => {
    it('fits 320 px with 44 px targets', async () => {
      const { el } = await orders({ list: recentOrders });
      await expectFitsPhone(el);
    });
  });

  describe('paging', () => {
    const pages = (query: unknown): Answer => {
      const { page } = query as { page: number };
      return page === 0 ? firstPage : page === 1 ? secondPage : [];
    };

    it('goes to the next page and back, a page at a time', async () => {
      const { el, calls } = await orders({ list: pages }, 1);
      expect(rowTexts(el)).to.have.length(1);
      expect(rowTexts(el)[0]).to.include('100002');
      expect($(el, '[part=previous]').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '[part=next]').getAttribute('aria-disabled')).to.equal('false');
      $(el, '[part=next]').click();
      await settle(el);
      expect(rowTexts(el)[0]).to.include('100001');
      expect(text($(el, '[part=list-status]'))).to.equal('Page 2: 1 order, newest first.');
      expect($(el, '[part=previous]').getAttribute('aria-disabled')).to.equal('false');
      $(el, '[part=previous]').click();
      await settle(el);
      expect(rowTexts(el)[0]).to.include('100002');
      expect(calls.map((c) => (c.args[0] as { page: number }).page)).to.deep.equal([0, 1, 0]);
      await expect(el).to.be.accessible();
    });

    it('says when a page past the last is empty, keeping the focus on "Next"', async () => {
      const { el } = await orders({ list: pages }, 1);
      const next = $(el, '[part=next]');
      next.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(text($(el, '[part=list-status]'))).to.equal('No more orders.');
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      expectFocus(el, next, 'next');
      expect($(el, '[part=previous]').getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the list fails', () => {
    it('says why in plain words, and tries again', async () => {
      let failures = 1;
      const { el, calls } = await orders({
        list: () =>
          failures-- > 0
            ? new ResmarkError('http', 'Resmark answered GET /order with HTTP 503', {
                status: 503,
              })
            : recentOrders,
      });
      expect(text($(el, '[part=list-status]'))).to.equal(
        'Resmark is not answering as expected right now. Try again in a moment.',
      );
      await expect(el).to.be.accessible();
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Try again')!.click();
      await settle(el);
      expect(rowTexts(el)).to.have.length(2);
      expect(calls).to.have.length(2);
    });
  });

  describe('while searching', () => {
    it('says so, and the Find button waits', async () => {
      const { el } = await orders({ list: recentOrders, get: 'hang' });
      await search(el, 'confirmation', '100001');
      expect(text($(el, '[part=search-status]'))).to.equal('Searching…');
      expect($(el, '[part=search-button]').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('when an order is found', () => {
    it('opens it by confirmation number', async () => {
      const { el, calls } = await orders({ list: recentOrders, get: kayakOrder });
      const opened = oneEvent(el, 'resmark-order-open') as Promise<
        OrderEvent<'resmark-order-open'>
      >;
      await search(el, 'confirmation', '#100001');
      expect(calls[1]).to.deep.equal({ method: 'get', args: [100001] });
      const { detail } = await opened;
      expect(detail.by).to.equal('confirmation');
      expect(detail.order.confirmation).to.equal(100001);
      const order = detailOf(el);
      expect(text(order.shadowRoot!.querySelector('[part=heading]'))).to.equal('Order 100001');
      expect(
        order.shadowRoot!.activeElement === order.shadowRoot!.querySelector('[part=heading]'),
        'focus on the order’s heading',
      ).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part=search]') === null, 'search hidden').to.equal(
        true,
      );
      await expect(el).to.be.accessible();
    });

    it('opens it by session id', async () => {
      const { el, calls } = await orders({ list: recentOrders, get: kayakOrder });
      await search(el, 'id', ` ${kayakOrder.id} `);
      expect(calls[1]).to.deep.equal({ method: 'get', args: [kayakOrder.id] });
      expect(detailOf(el)).not.to.equal(null);
    });

    it('opens it by the agent’s reference', async () => {
      const { el, calls } = await orders({ list: byReference });
      await search(el, 'reference', 'SUN-2042');
      expect(calls[1]).to.deep.equal({
        method: 'list',
        args: [{ referenceId: 'SUN-2042', limit: 10 }],
      });
      expect(detailOf(el).order?.confirmation).to.equal(bikesOrder.confirmation);
    });

    it('offers the choice when several orders carry the reference', async () => {
      const twice = [
        { ...kayakOrder, referenceId: 'SUN-20' },
        { ...bikesOrder, referenceId: 'SUN-20' },
      ];
      const { el } = await orders({
        list: (q) => ((q as { referenceId?: string }).referenceId ? twice : []),
      });
      await search(el, 'reference', 'SUN-20');
      expect(text($(el, '[part=search-status]'))).to.equal(
        '2 orders have this reference. Choose one.',
      );
      expect(rowTexts(el)).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('goes back to the list, to the row of the order it showed', async () => {
      const { el } = await orders({ list: recentOrders });
      const closed = oneEvent(el, 'resmark-order-close');
      (el.shadowRoot!.querySelectorAll('[part=order-row]')[1] as HTMLElement).click();
      await settle(el);
      expect(detailOf(el).order?.id).to.equal(kayakOrder.id);
      $(el, '[part=back]').click();
      await settle(el);
      await closed;
      const row = el.shadowRoot!.querySelectorAll('[part=order-row]')[1];
      expectFocus(el, row, 'row');
    });
  });

  describe('when nothing is found', () => {
    it('says no order has that confirmation number', async () => {
      const { el } = await orders({
        list: recentOrders,
        get: apiError(notFoundAnswer, 'GET /order/{id}'),
      });
      await search(el, 'confirmation', '100099');
      expect(text($(el, '[part=search-status]'))).to.equal(
        'No order has confirmation number 100099.',
      );
      expect(detailOf(el) === null, 'no order open').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('says no order has that reference', async () => {
      const { el } = await orders({ list: [] });
      await search(el, 'reference', 'SUN-9999');
      expect(text($(el, '[part=search-status]'))).to.equal('No order has this reference.');
    });

    it('does not show an order a server returned for another reference', async () => {
      const { el } = await orders({ list: () => recentOrders });
      await search(el, 'reference', 'SUN-9999');
      expect(text($(el, '[part=search-status]'))).to.equal('No order has this reference.');
      expect(detailOf(el) === null, 'no order open').to.equal(true);
    });
  });

  describe('with a search that cannot be sent', () => {
    it('asks for a number before asking Resmark', async () => {
      const { el, calls } = await orders({ list: recentOrders });
      await search(el, 'confirmation', 'SUN-2041');
      expect(text($(el, '[part=search-status]'))).to.equal(
        'A confirmation number has digits only, like 100001.',
      );
      const input = $(el, '[part=search-input]');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expectFocus(el, input, 'input');
      expect(calls).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('asks for something to search for', async () => {
      const { el, calls } = await orders({ list: recentOrders });
      await search(el, 'id', '   ');
      expect(text($(el, '[part=search-status]'))).to.equal('Enter the session (order) id.');
      expect(calls).to.have.length(1);
    });
  });

  describe('when the search fails', () => {
    it('says why in plain words', async () => {
      const { el } = await orders({
        list: recentOrders,
        get: new ResmarkError('network', 'Could not reach Resmark for GET /order/{id}'),
      });
      const failed = oneEvent(el, 'resmark-error');
      await search(el, 'confirmation', '100001');
      expect(text($(el, '[part=search-status]'))).to.equal(
        'Resmark cannot be reached. Check the connection and try again.',
      );
      expect((await failed).detail.kind).to.equal('network');
      await expect(el).to.be.accessible();
    });
  });

  describe('after a cancellation in the open order', () => {
    it('shows the answer in the list too, with no request but the cancellation', async () => {
      const { el, calls } = await orders({ list: recentOrders, cancelParticipant: childCancelled });
      (el.shadowRoot!.querySelectorAll('[part=order-row]')[1] as HTMLElement).click();
      await settle(el);
      const order = detailOf(el);
      const child = [...order.shadowRoot!.querySelectorAll<HTMLElement>('[part=cancel-line]')].find(
        (b) => text(b).includes('Child 1'),
      )!;
      child.click();
      await waitUntil(() => order.shadowRoot!.querySelector('dialog')!.open);
      const cancelled = oneEvent(el, 'resmark-order-cancel');
      order.shadowRoot!.querySelector<HTMLElement>('[part=confirm]')!.click();
      await cancelled;
      await settle(el);
      $(el, '[part=back]').click();
      await settle(el);
      expect(rowTexts(el)[1]).to.equal(
        'Order 100001 Partly cancelled Sun, Dec 6, 2026 Kim Ng $360.90',
      );
      expect(calls.map((c) => c.method)).to.deep.equal(['list', 'cancelParticipant']);
    });
  });

  describe('when the panel asks', () => {
    it('refresh() fetches the current page again', async () => {
      const pages = (query: unknown): Answer =>
        (query as { page: number }).page === 0 ? firstPage : secondPage;
      const { el, calls } = await orders({ list: pages }, 1);
      $(el, '[part=next]').click();
      await settle(el);
      await el.refresh();
      await settle(el);
      expect(calls.map((c) => (c.args[0] as { page: number }).page)).to.deep.equal([0, 1, 1]);
      expect(rowTexts(el)[0]).to.include('100001');
    });

    it('showOrder() opens an order with no request and no event', async () => {
      const { el, calls } = await orders({ list: recentOrders });
      let opened = 0;
      el.addEventListener('resmark-order-open', () => opened++);
      el.showOrder(bikesOrder);
      await settle(el);
      expect(detailOf(el).order?.confirmation).to.equal(100002);
      expect(calls.map((c) => c.method)).to.deep.equal(['list']);
      expect(opened).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('from the keyboard', () => {
    it('finds with Enter in the field, and opens a row with Enter', async () => {
      const { el, calls } = await orders({ list: recentOrders, get: kayakOrder });
      const input = $<HTMLInputElement>(el, '[part=search-input]');
      input.focus();
      await sendKeys({ type: '100001' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(calls[1]).to.deep.equal({ method: 'get', args: [100001] });
      expect(detailOf(el)).not.to.equal(null);
      $(el, '[part=back]').focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      const row = el.shadowRoot!.querySelector<HTMLElement>('[part=order-row]')!;
      row.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(detailOf(el).order?.confirmation).to.equal(100002);
    });
  });

  describe('when the screen is turned to the customer', () => {
    it('hides the other customers’ orders until it is turned back', async () => {
      const { el, calls } = await orders({ list: recentOrders });
      el.customerFacing = true;
      await el.updateComplete;
      expect(rowTexts(el)).to.deep.equal([]);
      expect(text($(el, '[part=list-status]'))).to.equal(
        'Hidden while the screen is turned to the customer.',
      );
      await expect(el).to.be.accessible();
      el.customerFacing = false;
      await el.updateComplete;
      expect(rowTexts(el)).to.have.length(2);
      expect(calls).to.have.length(1);
    });

    it('opens a found order without the agent-only data', async () => {
      const fake = fakeClient({ list: recentOrders, get: kayakOrder });
      const el = await fixture<ResmarkAgentOrders>(
        html`<resmark-agent-orders
          customer-facing
          .client=${fake.client}
          .now=${() => NOW}
          locale="en-US"
          time-zone="UTC"
        ></resmark-agent-orders>`,
      );
      await settle(el);
      await search(el, 'confirmation', '100001');
      expect(detailOf(el).customerFacing).to.equal(true);
      const facts = text(detailOf(el).shadowRoot!.querySelector('[part=facts]'));
      expect(facts).not.to.include('SUN-2041');
      expect(facts).not.to.include('Collected by agent');
      await expect(el).to.be.accessible();
    });
  });
});
