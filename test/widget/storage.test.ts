import { expect } from '@open-wc/testing';
import {
  RESUME_PARAMS,
  clearCart,
  readCart,
  takeResumeLink,
  writeCart,
  type SavedCart,
} from '../../widget/storage.js';

const saved: SavedCart = {
  snapshot: { version: 1, state: 'holding', cartId: 'cart-1', expiresAt: 1_800_000_000_000 },
  token: 'v1.abc.def',
};

describe('widget/storage', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  describe('the saved cart', () => {
    it('is kept per proxy and read back as written', () => {
      expect(writeCart('https://a.test/api', saved)).to.equal(true);
      expect(readCart('https://a.test/api')).to.deep.equal(saved);
      expect(readCart('https://b.test/api'), 'another proxy has no cart').to.equal(undefined);
    });

    it('lives in sessionStorage only (no localStorage, no cookie)', () => {
      const cookies = document.cookie;
      writeCart('https://a.test/api', saved);
      expect(sessionStorage.length).to.equal(1);
      expect(localStorage.getItem('resmark-checkout:https://a.test/api')).to.equal(null);
      expect(document.cookie).to.equal(cookies);
    });

    it('is forgotten by clearCart', () => {
      writeCart('https://a.test/api', saved);
      clearCart('https://a.test/api');
      expect(readCart('https://a.test/api')).to.equal(undefined);
    });

    it('reads junk as no cart', () => {
      sessionStorage.setItem('resmark-checkout:https://a.test/api', '{not json');
      expect(readCart('https://a.test/api')).to.equal(undefined);
      sessionStorage.setItem('resmark-checkout:https://a.test/api', '"a string"');
      expect(readCart('https://a.test/api')).to.equal(undefined);
    });
  });

  describe('when storage refuses (Safari private mode)', () => {
    const { setItem, getItem, removeItem } = Storage.prototype;
    beforeEach(() => {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.setItem = refuse;
      Storage.prototype.getItem = refuse;
      Storage.prototype.removeItem = refuse;
    });
    afterEach(() => {
      Object.assign(Storage.prototype, { setItem, getItem, removeItem });
    });

    it('says so and throws nothing', () => {
      expect(writeCart('https://a.test/api', saved)).to.equal(false);
      expect(readCart('https://a.test/api')).to.equal(undefined);
      expect(() => clearCart('https://a.test/api')).not.to.throw();
    });
  });

  describe('the resume link', () => {
    let before: string;
    beforeEach(() => {
      before = location.href;
    });
    afterEach(() => history.replaceState(history.state, '', before));

    it('gives the cart and token and removes them from the address bar, keeping the rest', () => {
      const url = new URL(before);
      url.searchParams.set('utm_source', 'email');
      url.searchParams.set(RESUME_PARAMS.cart, 'cart-9');
      url.searchParams.set(RESUME_PARAMS.token, 'v1.tok.sig');
      url.hash = 'book';
      history.replaceState(history.state, '', url);
      const length = history.length;

      expect(takeResumeLink()).to.deep.equal({
        snapshot: { version: 1, state: 'holding', cartId: 'cart-9' },
        token: 'v1.tok.sig',
      });
      const now = new URL(location.href);
      expect(now.searchParams.has(RESUME_PARAMS.cart)).to.equal(false);
      expect(now.searchParams.has(RESUME_PARAMS.token)).to.equal(false);
      expect(location.href).not.to.contain('v1.tok.sig');
      expect(now.searchParams.get('utm_source')).to.equal('email');
      expect(now.hash).to.equal('#book');
      expect(history.length, 'replaced, not pushed: Back is not hijacked').to.equal(length);
    });

    it('reads the fragment form, which never reaches a server or an analytics hit', () => {
      const url = new URL(before);
      url.searchParams.set('utm_source', 'email');
      url.hash = `${RESUME_PARAMS.cart}=cart-9&${RESUME_PARAMS.token}=v1.tok.sig`;
      history.replaceState(history.state, '', url);

      expect(takeResumeLink()).to.deep.equal({
        snapshot: { version: 1, state: 'holding', cartId: 'cart-9' },
        token: 'v1.tok.sig',
      });
      expect(location.href).not.to.contain('v1.tok.sig');
      expect(location.hash).to.equal('');
      expect(new URL(location.href).searchParams.get('utm_source')).to.equal('email');
    });

    it('keeps the rest of a fragment it reads from', () => {
      const url = new URL(before);
      url.hash = `tours&${RESUME_PARAMS.cart}=cart-9&${RESUME_PARAMS.token}=v1.tok.sig`;
      history.replaceState(history.state, '', url);
      expect(takeResumeLink()?.token).to.equal('v1.tok.sig');
      expect(location.hash).to.equal('#tours');
    });

    it('is absent from a plain URL, which stays as it is', () => {
      expect(takeResumeLink()).to.equal(undefined);
      expect(location.href).to.equal(before);
    });

    it('without a cart id opens nothing but still drops a stray token', () => {
      const url = new URL(before);
      url.searchParams.set(RESUME_PARAMS.token, 'v1.tok.sig');
      history.replaceState(history.state, '', url);
      expect(takeResumeLink()).to.equal(undefined);
      expect(location.href).not.to.contain('v1.tok.sig');
    });
  });
});
