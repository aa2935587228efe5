import { expect } from '@open-wc/testing';
import { createProxyClient } from '../../widget/proxy-client.js';
import { CART_TOKEN_HEADER, ORDER_POLICY_HEADER } from '../../widget/proxy-protocol.js';
import { cart } from './fixtures.js';

const PROXY = 'https://proxy.test';
const emptyCart = { ...cart, items: [], total: 0, expDateTime: null };

/** Answers every request with an empty cart, a new token on `POST /cart`, and the policy. */
function fakeProxy() {
  const tokens: (string | null)[] = [];
  const original = window.fetch;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    tokens.push(request.headers.get(CART_TOKEN_HEADER));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [ORDER_POLICY_HEADER]: 'pay-on-arrival',
    };
    if (request.method === 'POST') headers[CART_TOKEN_HEADER] = `tok-${tokens.length}`;
    return new Response(JSON.stringify({ errorMessage: null, data: emptyCart }), { headers });
  };
  return { tokens, restore: () => (window.fetch = original) };
}

describe('createProxyClient', () => {
  let proxy: ReturnType<typeof fakeProxy>;
  beforeEach(() => (proxy = fakeProxy()));
  afterEach(() => proxy.restore());

  it('sends back the newest cart token, with or without a listener', async () => {
    const { client, token } = createProxyClient(PROXY);
    await client.cart.create();
    expect(token()).to.equal('tok-1');
    await client.cart.get('cart-1');
    expect(proxy.tokens).to.deep.equal([null, 'tok-1']);
  });

  it('tells its host each new token and the order policy, once each', async () => {
    const heard: string[] = [];
    const { client } = createProxyClient(PROXY, {
      onToken: (token) => heard.push(`token ${token}`),
      onPolicy: (policy) => heard.push(`policy ${policy}`),
    });
    await client.cart.get('cart-1');
    await client.cart.create();
    await client.cart.get('cart-1');
    expect(proxy.tokens).to.deep.equal([null, null, 'tok-2']);
    expect(heard).to.deep.equal(['policy pay-on-arrival', 'token tok-2']);
  });

  it('hands a kept token over (POST /token) before anything uses it (issue 10)', async () => {
    const heard: string[] = [];
    const { client, token } = createProxyClient(PROXY, {
      token: 'tok-saved',
      onToken: (t) => heard.push(t),
    });
    await client.cart.get('cart-1');
    // The hand-over went with the kept token; the cart was read with the one it answered.
    expect(proxy.tokens).to.deep.equal(['tok-saved', 'tok-1']);
    expect(heard).to.deep.equal(['tok-1']);
    expect(token()).to.equal('tok-1');
  });
});
