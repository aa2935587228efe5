import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../extension/booking/resmark-agent-products.js';
import {
  matchesSearch,
  type ProductAvailability,
  type ResmarkAgentProducts,
} from '../../../extension/booking/resmark-agent-products.js';
import { products } from '../../widget/fixtures.js';

const rows = (el: ResmarkAgentProducts) =>
  [...el.shadowRoot!.querySelectorAll('[part=product] strong')].map((s) => s.textContent);
const search = (el: ResmarkAgentProducts) =>
  el.shadowRoot!.querySelector<HTMLInputElement>('[part=search]')!;

async function type(el: ResmarkAgentProducts, text: string) {
  search(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('matchesSearch', () => {
  it('matches the number, the code, and every word of the name in any case', () => {
    const kayak = products[0]!;
    expect(matchesSearch(kayak, '94175')).to.equal(true);
    expect(matchesSearch(kayak, 'canyon-half')).to.equal(true);
    expect(matchesSearch(kayak, 'KAYAK tour')).to.equal(true);
    expect(matchesSearch(kayak, 'kayak sunset')).to.equal(false);
    expect(matchesSearch(kayak, '  ')).to.equal(true);
  });
});

describe('<resmark-agent-products>', () => {
  let el: ResmarkAgentProducts;
  beforeEach(async () => {
    el = await fixture<ResmarkAgentProducts>(
      html`<resmark-agent-products .products=${products}></resmark-agent-products>`,
    );
  });

  it('lists every product by name with its number and from-price, and passes axe', async () => {
    expect(rows(el)).to.deep.equal([
      'Half-Day Canyon Kayak Tour',
      'Kayak Day Pass',
      'Sunset Paddle',
    ]);
    expect(el.shadowRoot!.textContent).to.contain('#94175 · from $89.00');
    await expect(el).to.be.accessible();
  });

  describe('when searching', () => {
    it('filters as the agent types and says how many match', async () => {
      await type(el, 'paddle');
      expect(rows(el)).to.deep.equal(['Sunset Paddle']);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain(
        '1 of 3 products match',
      );
      await expect(el).to.be.accessible();
    });

    it('opens the only match on Enter', async () => {
      await type(el, '94176');
      const chosen = oneEvent(el, 'resmark-product-select');
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.product.productNumber).to.equal(94176);
    });

    it('says when nothing matches', async () => {
      await type(el, 'glacier');
      expect(rows(el)).to.deep.equal([]);
      expect(el.shadowRoot!.textContent).to.contain('No product matches “glacier”.');
    });
  });

  describe('favourites', () => {
    it('stars a product by keyboard, lists it first, and says so', async () => {
      const star = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=favourite]')[2]!;
      expect(star.getAttribute('aria-label')).to.equal('Favourite: Sunset Paddle');
      expect(star.getAttribute('aria-pressed')).to.equal('false');
      star.focus();
      const changed = oneEvent(el, 'resmark-favourites-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.favourites).to.deep.equal([products[1]!.id]);
      await el.updateComplete;
      expect(rows(el)[0]).to.equal('Sunset Paddle');
      const first = el.shadowRoot!.querySelector('[part=favourite]')!;
      expect(first.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('with what each product has from tomorrow', () => {
    it('says tomorrow’s times, a sold-out tomorrow with the next day, and passes left', async () => {
      el.availability = new Map<string, ProductAvailability>([
        [
          products[0]!.id,
          {
            tomorrow: ['2026-11-25T09:00:00.000Z', '2026-11-25T14:00:00.000Z'],
            soldOutTomorrow: false,
          },
        ],
        [products[1]!.id, { tomorrow: [], soldOutTomorrow: true, next: '2026-11-28' }],
        [products[2]!.id, 'loading'],
      ]);
      await el.updateComplete;
      const text = [...el.shadowRoot!.querySelectorAll('[part=product]')].map((row) =>
        row.textContent!.replace(/\s+/g, ' '),
      );
      expect(text[0]).to.contain('Tomorrow: 9:00 AM, 2:00 PM');
      expect(text[1]).to.contain('Checking tomorrow…');
      expect(text[2]).to.contain('Tomorrow: sold out · next Sat, Nov 28, 2026');
      el.availability = new Map([
        [products[2]!.id, { tomorrow: [], soldOutTomorrow: false, passesLeft: 0 }],
      ]);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part=product]')[1]!.textContent).to.contain(
        'Sold out',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('while loading, and on failure', () => {
    it('announces loading, then shows the error', async () => {
      el.products = [];
      el.loading = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain(
        'Loading products…',
      );
      el.loading = false;
      el.error = 'The booking service cannot be reached.';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain(
        'cannot be reached',
      );
      await expect(el).to.be.accessible();
    });

    it('says when a supplier has nothing to book', async () => {
      el.products = [];
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('This supplier has no products you can book.');
    });
  });
});
