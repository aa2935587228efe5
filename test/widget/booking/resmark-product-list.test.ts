import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Product } from '../../../shared/product.js';
import '../../../widget/booking/resmark-product-list.js';
import type { ResmarkProductList } from '../../../widget/booking/resmark-product-list.js';
import { products } from '../fixtures.js';

const shadow = (el: ResmarkProductList) => el.shadowRoot!;

describe('<resmark-product-list>', () => {
  describe('when loading', () => {
    let el: ResmarkProductList;
    beforeEach(async () => {
      el = await fixture(html`<resmark-product-list loading></resmark-product-list>`);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('shows skeletons and announces the load', () => {
      expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('Loading tours');
      expect(shadow(el).querySelector('ul')!.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelectorAll('.skeleton')).to.have.length(2);
      expect(shadow(el).querySelector('button')).to.equal(null);
    });
  });

  describe('when empty', () => {
    it('says there is nothing to book, in a live region, and passes axe', async () => {
      const el = await fixture<ResmarkProductList>(
        html`<resmark-product-list .products=${[]}></resmark-product-list>`,
      );
      expect(shadow(el).querySelector('[role=status]')!.textContent!.trim()).to.equal(
        'No tours to book right now',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('on an API error', () => {
    it('shows the message as an alert and no products, and passes axe', async () => {
      const el = await fixture<ResmarkProductList>(
        html`<resmark-product-list
          .products=${products}
          error="The tours could not be loaded."
        ></resmark-product-list>`,
      );
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.equal(
        'The tours could not be loaded.',
      );
      expect(shadow(el).querySelector('li')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('offers "Try again", which asks the host to fetch the products again', async () => {
      const el = await fixture<ResmarkProductList>(
        html`<resmark-product-list error="The tours could not be loaded."></resmark-product-list>`,
      );
      const retry = shadow(el).querySelector<HTMLButtonElement>('[part=retry]');
      expect(retry?.textContent?.trim()).to.equal('Try again');
      const asked = oneEvent(el, 'resmark-products-retry');
      retry!.click();
      await asked;
    });
  });

  describe('with products', () => {
    let el: ResmarkProductList;
    beforeEach(async () => {
      el = await fixture(html`<resmark-product-list .products=${products}></resmark-product-list>`);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('shows name, image with alt, description, highlights and the operator’s price per product', () => {
      const cards = shadow(el).querySelectorAll('[part=product]');
      expect(cards).to.have.length(3);
      const first = cards[0]!;
      expect(first.querySelector('h3')!.textContent).to.equal('Half-Day Canyon Kayak Tour');
      const img = first.querySelector('img')!;
      expect(img.getAttribute('src')).to.equal(products[0]!.images[0]!.small);
      expect(img.alt).to.equal('Kayaks between red sandstone walls');
      expect(first.textContent).to.contain('Four hours of guided paddling');
      expect(first.querySelectorAll('.highlights li')).to.have.length(4);
      // The operator's price, never "From": the lowest (a child's $59) is only known from the
      // slots, which say "From" (issue 11, item 5).
      expect(first.querySelector('.price')!.textContent).to.equal('$89.00');
      expect(cards[2]!.querySelector('.price')!.textContent).to.equal('$35.00');
    });

    it('shows highlights as a plain bullet list, not as cards', () => {
      const item = shadow(el).querySelector('.highlights li')!;
      const style = getComputedStyle(item);
      expect(style.display).to.equal('list-item');
      expect(style.borderTopWidth).to.equal('0px');
      expect(getComputedStyle(item.parentElement!).listStyleType).to.equal('disc');
    });

    it('keeps a failed image as a placeholder box that screen readers still name', async () => {
      const img = shadow(el).querySelector('img')!;
      img.dispatchEvent(new Event('error'));
      expect(img.classList.contains('failed')).to.equal(true);
      expect(getComputedStyle(img).color).to.equal('rgba(0, 0, 0, 0)');
      expect(img.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(img.alt).to.equal('Kayaks between red sandstone walls');
      await expect(el).to.be.accessible();
      img.dispatchEvent(new Event('load'));
      expect(img.classList.contains('failed')).to.equal(false);
    });

    it('names each Book button after its product', () => {
      const names = [...shadow(el).querySelectorAll('button')].map((b) =>
        b.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(names).to.deep.equal([
        'Book Half-Day Canyon Kayak Tour',
        'Book Sunset Paddle',
        'Book Kayak Day Pass',
      ]);
    });

    it('fires resmark-product-select with the product when Book is pressed', async () => {
      const selected = oneEvent(el, 'resmark-product-select');
      shadow(el).querySelectorAll('button')[1]!.click();
      const event = await selected;
      expect(event.detail.product).to.equal(products[1]);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('formats the price with the locale and the product currency', async () => {
      el.locale = 'de-DE';
      await el.updateComplete;
      expect(shadow(el).querySelector('.price')!.textContent).to.equal('89,00\u00a0$');
    });
  });

  describe('once the shopper has looked at a product (issue 11, items 5 and 10)', () => {
    it('says its lowest real price as "From", or that it is sold out', async () => {
      const el = await fixture<ResmarkProductList>(
        html`<resmark-product-list
          locale="en-US"
          .products=${products}
          .availability=${new Map([
            [products[0]!.id, { soldOut: false, from: 59 }],
            [products[2]!.id, { soldOut: true }],
          ])}
        ></resmark-product-list>`,
      );
      const prices = [...shadow(el).querySelectorAll('[part=price]')].map((p) => p.textContent);
      expect(prices).to.deep.equal(['From $59.00', '$49.00', 'Sold out']);
      await expect(el).to.be.accessible();
    });
  });

  describe('browse-only (online booking closed)', () => {
    it('shows every product without a Book button, and passes axe', async () => {
      const el = await fixture<ResmarkProductList>(
        html`<resmark-product-list browse-only .products=${products}></resmark-product-list>`,
      );
      expect(shadow(el).querySelectorAll('[part=product]')).to.have.length(products.length);
      expect(shadow(el).querySelectorAll('[part=price]')).to.have.length.above(0);
      expect(shadow(el).querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('with hostile highlights and a non-numeric price', () => {
    it('renders the highlights inert and the price as written', async () => {
      const hostile: Product = {
        ...products[0]!,
        price: 'Call us',
        highlights:
          '<ul><li>ok<img src=x onerror="window.pwnedList=1"></li></ul><script>window.pwnedList=1</script>',
      };
      const el = await fixture<ResmarkProductList>(
        html`<resmark-product-list .products=${[hostile]}></resmark-product-list>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { pwnedList?: number }).pwnedList).to.equal(undefined);
      expect(shadow(el).querySelector('.highlights img, .highlights script')).to.equal(null);
      expect(shadow(el).querySelector('.highlights li')!.textContent).to.equal('ok');
      expect(shadow(el).querySelector('.price')!.textContent).to.equal('Call us');
      await expect(el).to.be.accessible();
    });
  });
});
