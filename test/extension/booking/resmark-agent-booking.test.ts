import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import type { SessionSnapshot } from '../../../shared/session.js';
import type { Product } from '../../../shared/product.js';
import type { ResmarkEventDetails } from '../../../widget/events.js';
import '../../../extension/booking/resmark-agent-booking.js';
import type {
  CartStore,
  ResmarkAgentBooking,
} from '../../../extension/booking/resmark-agent-booking.js';
import {
  CANYON,
  CANYON_CUSTOMER,
  HARBOR,
  SUNSET_1730,
  T0,
  inPageSandbox,
  type InPageSandbox,
} from '../in-page-sandbox.js';

/** Where the panel keeps carts, as a map; `kept` shows what it was told. */
function memoryCarts(): CartStore & { kept: Map<string, SessionSnapshot> } {
  const kept = new Map<string, SessionSnapshot>();
  return {
    kept,
    read: async (supplierId) => kept.get(supplierId),
    write: (supplierId, snapshot) => {
      if (snapshot) kept.set(supplierId, snapshot);
      else kept.delete(supplierId);
    },
  };
}

const shadow = (el: Element) => el.shadowRoot!;
const heading = (el: ResmarkAgentBooking) =>
  shadow(el).querySelector('[part=step-heading]')?.textContent?.trim();
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

/** Fires a child element's event as if the agent used it (each child is tested on its own). */
function from<K extends keyof ResmarkEventDetails>(
  el: ResmarkAgentBooking,
  tag: string,
  name: K,
  detail: ResmarkEventDetails[K],
) {
  const child = shadow(el).querySelector(tag);
  if (!child) throw new Error(`no <${tag}> on the ${el.flow.step} step`);
  child.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

async function canyon(sb: InPageSandbox, carts = memoryCarts(), customerFacing = false) {
  const el = await fixture<ResmarkAgentBooking>(
    html`<resmark-agent-booking
      .client=${sb.client}
      supplier-id=${CANYON}
      .carts=${carts}
      .now=${() => T0}
      ?customer-facing=${customerFacing}
    ></resmark-agent-booking>`,
  );
  await el.flow.ready;
  await el.updateComplete;
  if (el.flow.step === 'products')
    await waitUntil(
      () => shadow(el).querySelector('resmark-agent-products')?.products.length,
      'the supplier’s products',
    );
  return el;
}

const productNamed = (el: ResmarkAgentBooking, name: string) =>
  shadow(el)
    .querySelector('resmark-agent-products')!
    .products.find((p: Product) => p.name === name)!;

/** Sunset Paddle → 2 seats asked for, with `comment` typed as the internal comment. */
async function toCart(el: ResmarkAgentBooking, comment = '') {
  if (el.flow.step === 'products')
    from(el, 'resmark-agent-products', 'resmark-product-select', {
      product: productNamed(el, 'Sunset Paddle'),
    });
  await el.updateComplete;
  const textarea = shadow(el).querySelector<HTMLTextAreaElement>('[part=comment]');
  if (comment) {
    textarea!.value = comment;
    textarea!.dispatchEvent(new Event('input'));
  }
  const product = el.flow.product!;
  from(el, 'resmark-product-booker', 'resmark-item-request', {
    product,
    slot: {} as ResmarkEventDetails['resmark-item-request']['slot'],
    item: { itemId: SUNSET_1730, participants: { All: 2 } },
  });
  await waitUntil(() => heading(el) === 'Cart', 'the cart step');
}

async function toReview(el: ResmarkAgentBooking) {
  await toCart(el);
  button(shadow(el), 'Continue')!.click();
  await el.updateComplete;
  from(el, 'resmark-customer-form', 'resmark-customer-submit', { customer: CANYON_CUSTOMER });
  await waitUntil(() => heading(el) === 'Review and book', 'the review step');
}

function typeOrderField(el: ResmarkAgentBooking, name: string, value: string) {
  const options = shadow(el).querySelector('resmark-order-options')!;
  const input = shadow(options).querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<resmark-agent-booking>', () => {
  let sb: InPageSandbox;
  beforeEach(() => {
    sb = inPageSandbox();
  });

  describe('when a supplier is chosen', () => {
    it('lists only that supplier’s products, and passes axe', async () => {
      const el = await canyon(sb);
      const list = shadow(el).querySelector('resmark-agent-products')!;
      expect(list.products.map((p: Product) => p.entityId)).to.satisfy((ids: string[]) =>
        ids.every((id) => id === CANYON),
      );
      expect(list.products.map((p: Product) => p.productNumber)).to.include.members([
        94175, 94176, 94177,
      ]);
      expect(heading(el)).to.equal('Products');
      await expect(el).to.be.accessible();
    });
  });

  describe('the product list', () => {
    it('says what each product has tomorrow, and the booker does not ask for it again', async () => {
      const el = await canyon(sb);
      const list = shadow(el).querySelector('resmark-agent-products')!;
      await waitUntil(
        () => [...list.availability.values()].every((known) => known !== 'loading'),
        'tomorrow’s availability',
      );
      const rows = [...shadow(list).querySelectorAll('[part=product]')].map((row) =>
        row.textContent!.replace(/\s+/g, ' '),
      );
      // 2026-11-25, the seed's "tomorrow": every seat free.
      expect(rows[0])
        .to.contain('Half-Day Canyon Kayak Tour')
        .and.contain('Tomorrow: 9:00 AM, 2:00 PM');
      expect(rows[1]).to.contain('Kayak Day Pass').and.contain('200 left');
      expect(rows[2]).to.contain('Sunset Paddle').and.contain('Tomorrow: 5:30 PM');
      const paddleReads = () => sb.seen.filter((s) => s.startsWith('GET /product/94176/item'));
      expect(paddleReads()).to.have.length(1);
      from(el, 'resmark-agent-products', 'resmark-product-select', {
        product: productNamed(el, 'Sunset Paddle'),
      });
      await el.updateComplete;
      const booker = shadow(el).querySelector('resmark-product-booker')!;
      await waitUntil(() => booker.shadowRoot!.querySelector('resmark-availability-calendar'));
      expect(paddleReads(), 'the booker took the list’s answer').to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('adding to the cart', () => {
    it('opens a reseller cart for the supplier, with the agent’s internal comment', async () => {
      const carts = memoryCarts();
      const el = await canyon(sb, carts);
      await toCart(el, 'Guest uses a wheelchair');
      expect(sb.seen).to.include(`POST /cart?supplierId=${CANYON}`);
      const cart = el.flow.session!.cart!;
      expect(cart.supplierId).to.equal(CANYON);
      expect(cart.items[0]!.internalComment).to.equal('Guest uses a wheelchair');
      expect(carts.kept.get(CANYON)?.cartId, 'kept for the supplier').to.equal(cart.id);
      await expect(el).to.be.accessible();
    });

    it('changes the people of a line in the cart, keeping the internal comment', async () => {
      const el = await canyon(sb);
      await toCart(el, 'Birthday group');
      const summary = shadow(el).querySelector('resmark-cart-summary')!;
      expect(shadow(summary).querySelector('[part=prices]')!.textContent).to.equal(
        'People: $49.00',
      );
      shadow(summary).querySelector<HTMLButtonElement>('[part=increase]')!.click();
      await waitUntil(() => el.flow.session!.cart!.items[0]!.participants?.['All'] === 3);
      const line = el.flow.session!.cart!.items[0]!;
      expect(line.total).to.equal(147);
      expect(line.internalComment).to.equal('Birthday group');
    });

    it('resumes the supplier’s kept cart at the cart step', async () => {
      const carts = memoryCarts();
      const first = await canyon(sb, carts);
      await toCart(first);
      const cartId = first.flow.session!.cart!.id;
      first.remove();
      const again = await canyon(sb, carts);
      await waitUntil(() => heading(again) === 'Cart', 'the kept cart');
      expect(again.flow.session!.cart!.id).to.equal(cartId);
    });
  });

  describe('when the agent switches supplier', () => {
    it('keeps the first supplier’s cart held, and resumes it on coming back', async () => {
      const carts = memoryCarts();
      const el = await canyon(sb, carts);
      await toCart(el);
      const canyonCart = el.flow.session!.cart!.id;
      el.supplierId = HARBOR;
      await el.flow.ready;
      await waitUntil(
        () =>
          shadow(el)
            .querySelector('resmark-agent-products')
            ?.products.every((p: Product) => p.entityId === HARBOR),
        'Harbor Bikes’ products',
      );
      expect(el.flow.session!.cart, 'no cart yet for Harbor Bikes').to.equal(undefined);
      expect(sb.seen.filter((s) => s.startsWith('DELETE'))).to.deep.equal([]);
      el.supplierId = CANYON;
      await el.flow.ready;
      await waitUntil(() => heading(el) === 'Cart', 'Canyon Kayak’s cart again');
      expect(el.flow.session!.cart!.id).to.equal(canyonCart);
      expect(el.flow.session!.state).to.equal('holding');
    });
  });

  describe('in customer-facing mode', () => {
    it('hides the internal comment and the agent’s order fields', async () => {
      const el = await canyon(sb, memoryCarts(), true);
      from(el, 'resmark-agent-products', 'resmark-product-select', {
        product: productNamed(el, 'Sunset Paddle'),
      });
      await el.updateComplete;
      expect(shadow(el).querySelector('[part=comment]')).to.equal(null);
      await toReview(el);
      expect(shadow(el).querySelector('resmark-order-options')).to.equal(null);
      expect(shadow(el).querySelector('resmark-order-review')).to.not.equal(null);
    });
  });

  describe('at the customer step', () => {
    it('fills the form from a pasted contact block', async () => {
      const el = await canyon(sb);
      await toCart(el);
      button(shadow(el), 'Continue')!.click();
      await el.updateComplete;
      const paste = shadow(el).querySelector<HTMLTextAreaElement>('[part=paste] textarea')!;
      paste.value = 'Name: Kim Ng\nkim@example.com\n+44 20 7946 0958';
      paste.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const form = shadow(el).querySelector('resmark-customer-form')!;
      expect(form.value).to.include({
        firstName: 'Kim',
        lastName: 'Ng',
        email: 'kim@example.com',
        phone: '+44 20 7946 0958',
      });
      expect(shadow(el).querySelector('[role=status]:not(.visually-hidden)')?.textContent).to.match(
        /Filled in: first name, last name, e-mail, phone/,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('when Resmark refuses the customer', () => {
    it('names the refused field at the form, and stays on the customer step', async () => {
      const el = await canyon(sb);
      await toCart(el);
      button(shadow(el), 'Continue')!.click();
      await el.updateComplete;
      const withoutWetsuit = { ...CANYON_CUSTOMER, 'Wetsuit Size': [] as string[] };
      from(el, 'resmark-customer-form', 'resmark-customer-submit', { customer: withoutWetsuit });
      const form = shadow(el).querySelector('resmark-customer-form')!;
      await waitUntil(() => form.errors, 'the refused fields');
      expect(Object.keys(form.errors!)).to.include('Wetsuit Size');
      await form.updateComplete;
      const summary = shadow(form).querySelector('[part=error-summary]')!;
      expect(summary.textContent).to.contain('Wetsuit Size');
      expect(heading(el)).to.equal('Customer');
      await expect(el).to.be.accessible();
    });
  });

  describe('placing the order', () => {
    it('carries the agent’s reference, payment note and e-mail choice, in the fewest requests', async () => {
      const el = await canyon(sb);
      await toReview(el);
      typeOrderField(el, 'reference', 'SUN-0042');
      await el.updateComplete;
      const complete = oneEvent(el, 'resmark-checkout-complete');
      shadow(el)
        .querySelector('resmark-order-review')!
        .dispatchEvent(new CustomEvent('resmark-order-place', { bubbles: true, composed: true }));
      const { detail } = await complete;
      const order = await sb.client.order.get(detail.confirmation);
      expect(order.referenceId).to.equal('SUN-0042');
      expect(order.billing?.memo).to.equal('Collected by the agent');
      expect(order.reseller?.agencyName).to.equal('Sunset Travel');
      await waitUntil(() => shadow(el).querySelector('resmark-confirmation'), 'the confirmation');
      // After sign-in: the list, the booker's own loads, then one request per write. No cart or
      // order is fetched again after a write (the reference check is the one read before the order).
      const writes = sb.seen.filter((s) => !s.startsWith('GET /product'));
      expect(writes).to.deep.equal([
        'POST /authenticate',
        `POST /cart?supplierId=${CANYON}`,
        writes[2]!,
        writes[3]!,
        'GET /order?limit=1&referenceId=SUN-0042',
        'POST /order',
        `GET /order/${detail.confirmation}`,
      ]);
      expect(writes[2]).to.match(/^POST \/cart\/[^/]+\/item$/);
      expect(writes[3]).to.match(/^PUT \/cart\/[^/]+\/customer$/);
      await expect(el).to.be.accessible();
    });

    it('refuses a reference another order has, at the field, and orders nothing', async () => {
      const el = await canyon(sb);
      await toReview(el);
      typeOrderField(el, 'reference', 'DUP-1');
      const complete = oneEvent(el, 'resmark-checkout-complete');
      shadow(el)
        .querySelector('resmark-order-review')!
        .dispatchEvent(new CustomEvent('resmark-order-place', { bubbles: true, composed: true }));
      const { detail } = await complete;

      const second = await canyon(sb, memoryCarts());
      await toReview(second);
      typeOrderField(second, 'reference', 'DUP-1');
      await second.updateComplete;
      shadow(second)
        .querySelector('resmark-order-review')!
        .dispatchEvent(new CustomEvent('resmark-order-place', { bubbles: true, composed: true }));
      const options = shadow(second).querySelector('resmark-order-options')!;
      await waitUntil(() => shadow(options).querySelector('[part=error]'), 'the field’s error');
      expect(shadow(options).querySelector('[part=error]')!.textContent).to.contain(
        `Order ${detail.confirmation} already has this reference`,
      );
      expect(sb.seen.filter((s) => s === 'POST /order')).to.have.length(1);
      expect(second.flow.step).to.equal('review');
    });
  });
});
