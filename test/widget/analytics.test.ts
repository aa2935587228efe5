import { expect } from '@open-wc/testing';
import { itemsOf, productItem, track } from '../../widget/analytics.js';
import { cart, order, products } from './fixtures.js';

const page = window as { dataLayer?: unknown[] };

describe('widget/analytics', () => {
  afterEach(() => {
    delete page.dataLayer;
  });

  describe('itemsOf', () => {
    it('gives one GA4 item per tier, at what one seat cost', () => {
      expect(itemsOf(cart.items)).to.deep.equal([
        {
          item_id: '94175',
          item_name: 'Half-Day Canyon Kayak Tour',
          item_variant: 'Adult',
          price: 89,
          quantity: 2,
        },
        {
          item_id: '94175',
          item_name: 'Half-Day Canyon Kayak Tour',
          item_variant: 'Child',
          price: 59,
          quantity: 1,
        },
      ]);
    });

    it('prices after the discount, rounded to cents', () => {
      const [line] = cart.items;
      const discounted = {
        ...line!,
        participantList: [
          { id: 'p1', tier: 'Adult', price: 89, discount: 8.9, total: 80.1 },
          { id: 'p2', tier: 'Adult', price: 89, discount: 8.9, total: 80.1 },
          { id: 'p3', tier: 'Adult', price: 89, discount: 8.91, total: 80.09 },
        ],
      };
      expect(itemsOf([discounted])[0]).to.include({ price: 80.1, quantity: 3 });
    });

    it('reads an order’s items and a rental’s units', () => {
      expect(itemsOf(order.items).map((item) => item.quantity)).to.deep.equal([2, 1]);
      const [line] = order.items;
      const rental = { ...line!, participantList: undefined, unitList: line!.participantList };
      expect(itemsOf([rental]).map((item) => item.quantity)).to.deep.equal([2, 1]);
    });
  });

  it('productItem gives the product at its from-price', () => {
    expect(productItem(products[1]!)).to.deep.equal({
      item_id: '94176',
      item_name: 'Sunset Paddle',
      price: 49,
      quantity: 1,
    });
  });

  describe('track', () => {
    const ecommerce = { currency: 'USD', value: 98, items: [] };

    it('creates the dataLayer and clears ecommerce before the event', () => {
      track('add_to_cart', ecommerce);
      expect(page.dataLayer).to.deep.equal([
        { ecommerce: null },
        { event: 'add_to_cart', ecommerce },
      ]);
    });

    it('appends to the page’s own dataLayer', () => {
      const existing = [{ event: 'gtm.js' }];
      page.dataLayer = existing;
      track('purchase', { ...ecommerce, transaction_id: '100001' });
      expect(page.dataLayer).to.equal(existing);
      expect(existing).to.have.length(3);
      expect(existing[2]).to.deep.equal({
        event: 'purchase',
        ecommerce: { ...ecommerce, transaction_id: '100001' },
      });
    });
  });
});
