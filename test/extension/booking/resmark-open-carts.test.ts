import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../extension/booking/resmark-open-carts.js';
import type { ResmarkOpenCarts } from '../../../extension/booking/resmark-open-carts.js';
import {
  CANYON,
  HARBOR,
  SUNSET_1730,
  T0,
  inPageSandbox,
  type InPageSandbox,
} from '../in-page-sandbox.js';

const BIKES_0900 = 'a-95101-20261125-0900';
const rows = (el: ResmarkOpenCarts) => [...el.shadowRoot!.querySelectorAll('[part=cart]')];
const named = (el: ResmarkOpenCarts, label: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label^="${label}"]`)!;

describe('<resmark-open-carts>', () => {
  let sb: InPageSandbox;
  let canyonCart: string;
  let el: ResmarkOpenCarts;
  beforeEach(async () => {
    sb = inPageSandbox();
    const { cart } = sb.client;
    canyonCart = (await cart.create({ supplierId: CANYON })).id;
    await cart.addItem(canyonCart, { itemId: SUNSET_1730, participants: { All: 2 } });
    const bikes = (await cart.create({ supplierId: HARBOR })).id;
    await cart.addItem(bikes, { itemId: BIKES_0900, participants: { Cruiser: 1 } });
    await cart.create({ supplierId: CANYON }); // empty: nothing to resume
    el = await fixture<ResmarkOpenCarts>(
      html`<resmark-open-carts
        .client=${sb.client}
        .names=${{ [CANYON]: 'Canyon Kayak Co.' }}
        .now=${() => T0}
      ></resmark-open-carts>`,
    );
    await waitUntil(() => rows(el).length, 'the open carts');
  });

  it('lists each cart that holds items, with supplier, total and hold, and passes axe', async () => {
    const texts = rows(el).map((row) => row.textContent!.replace(/\s+/g, ' '));
    expect(texts).to.have.length(2);
    const canyon = texts.find((t) => t.includes('Canyon Kayak Co.'))!;
    expect(canyon).to.contain('1 item · $98.00 · held for 30 more min');
    expect(texts.some((t) => t.includes('Supplier …0002'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('resumes a cart with its supplier', async () => {
    const resumed = oneEvent(el, 'resmark-cart-resume');
    named(el, 'Resume: Canyon Kayak Co.').click();
    expect((await resumed).detail).to.deep.equal({ cartId: canyonCart, supplierId: CANYON });
  });

  it('deletes a cart after a keyboard confirmation, and its seats are free again', async () => {
    named(el, 'Delete: Canyon Kayak Co.').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const confirm = named(el, 'Delete cart: Canyon Kayak Co.');
    expect(el.shadowRoot!.activeElement).to.equal(confirm);
    expect(el.shadowRoot!.textContent).to.contain('Delete this cart? Its seats go back on sale.');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 1, 'the cart is gone from the list');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Cart deleted');
    const left = await sb.client.cart.list();
    expect(left.map((cart) => cart.id)).to.not.include(canyonCart);
  });

  it('keeps a cart when the agent changes their mind', async () => {
    named(el, 'Delete: Canyon Kayak Co.').click();
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent!.trim() === 'Keep')!
      .click();
    await el.updateComplete;
    expect(named(el, 'Resume: Canyon Kayak Co.')).to.not.equal(null);
    expect((await sb.client.cart.list()).map((cart) => cart.id)).to.include(canyonCart);
  });
});
