/**
 * What real clients send, as the public programs in docs/wire.md ("Public clients") send it, and
 * what the sandbox must make of it: one test per form.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { CANYON_CUSTOMER, SUNSET_1730, seatsLeft, testSandbox } from './helpers.js';
import type { Answer, TestSandbox } from './helpers.js';

let t: TestSandbox;
before(async () => {
  t = await testSandbox();
});
after(() => t.sandbox.close());
beforeEach(() => t.reset());

/** Tomorrow's Glacier Heli Flight 10:00 slot: `All` 399, 4 seats, no pickups. */
const HELI_1000 = 'a-96001-20261125-1000';
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

const newCart = async (who: 'canyon' | 'glacier' = 'canyon'): Promise<string> =>
  (await t.api('POST', '/cart', undefined, who)).body.data.id;

/** A request with exactly these header names and this raw body, as a client sends them. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${t.sandbox.apiUrl}${path}`, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: new Headers(response.headers as Record<string, string>),
          body: JSON.parse(text),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('quantities', () => {
  it('takes them as strings, as both clients send them', async () => {
    const cartId = await newCart();
    const added = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: SUNSET_1730,
      participants: { All: '3' },
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body.data.items[0].participants, { All: 3 });
    assert.equal(added.body.data.items[0].total, 3 * 49);
    assert.equal(await seatsLeft(t, SUNSET_1730), 7);
  });

  it('takes the duplicate-All form as its last value, as a JSON parser reads it', async () => {
    // The C# migration tool writes `"All":"1"` before the tier keys of a single-tier product,
    // whose one tier is `All` again.
    const cartId = await newCart();
    const token = await t.token('canyon');
    const added = await raw(
      'POST',
      `/cart/${cartId}/item`,
      { ...JSON_TYPE, authorization: `Bearer ${token}` },
      `{"itemId":"${SUNSET_1730}","participants":{"All":"1","All":"3"},"locationId":"","pickupDetailId":""}`,
    );
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body.data.items[0].participants, { All: 3 });
    assert.equal(await seatsLeft(t, SUNSET_1730), 7);
  });
});

describe('pickups', () => {
  it('takes "" pickup ids on a product without pickups as none', async () => {
    const cartId = await newCart();
    const added = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: SUNSET_1730,
      participants: { All: 1 },
      locationId: '',
      pickupDetailId: '',
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.data.items[0].pickupDetailId, null);
    assert.equal(added.body.data.items[0].locationId, null);
  });
});

describe('customer', () => {
  it('takes empty strings for the optional fields of a browser form, and stores none of them', async () => {
    const cartId = await newCart('glacier');
    await t.api(
      'POST',
      `/cart/${cartId}/item`,
      { itemId: HELI_1000, participants: { All: 1 } },
      'glacier',
    );
    const customer = await t.api(
      'PUT',
      `/cart/${cartId}/customer`,
      {
        email: 'ana@example.com',
        firstName: 'Ana',
        lastName: 'Lopez',
        phone: '',
        birthDate: '',
        gender: 'MALE',
        streetAddress: '',
        city: '',
        state: '',
      },
      'glacier',
    );
    assert.equal(customer.status, 200, JSON.stringify(customer.body));
    assert.deepEqual(customer.body.data.customer, {
      email: 'ana@example.com',
      firstName: 'Ana',
      lastName: 'Lopez',
      gender: 'MALE',
    });
  });

  it('takes an empty optional custom field as not given', async () => {
    const cartId = await newCart();
    const customer = await t.api('PUT', `/cart/${cartId}/customer`, {
      ...CANYON_CUSTOMER,
      'Arrival Flight Number': '',
    });
    assert.equal(customer.status, 200, JSON.stringify(customer.body));
    assert.equal('Arrival Flight Number' in customer.body.data.customer, false);
  });
});

describe('headers', () => {
  it('takes a Content-Type on calls without a body', async () => {
    const headers = { ...JSON_TYPE, authorization: `Bearer ${await t.token('canyon')}` };
    const products = await t.request('GET', `${t.sandbox.apiUrl}/product`, undefined, headers);
    assert.equal(products.status, 200, JSON.stringify(products.body));
    assert.equal(products.body.data.length, 3);
    // Resmark's demo opens its cart this way: POST, a JSON Content-Type, and no body at all.
    const cart = await raw('POST', '/cart', headers);
    assert.equal(cart.status, 200, JSON.stringify(cart.body));
    assert.equal(cart.body.data.items.length, 0);
  });

  it('takes a lower-case authorization header and scheme', async () => {
    const token = await t.token('canyon');
    const answer = await raw('GET', '/product/94176', { authorization: `bearer ${token}` });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.data.productNumber, 94176);
  });
});

describe('order', () => {
  async function readyCart(): Promise<string> {
    const cartId = await newCart();
    await t.api('POST', `/cart/${cartId}/item`, { itemId: SUNSET_1730, participants: { All: 1 } });
    await t.api('PUT', `/cart/${cartId}/customer`, CANYON_CUSTOMER);
    return cartId;
  }

  it('takes orderId: null as a new order', async () => {
    const placed = await t.api('POST', '/order', { id: await readyCart(), orderId: null });
    assert.equal(placed.status, 200, JSON.stringify(placed.body));
    assert.equal(placed.body.data.confirmation, 100001);
    assert.equal(placed.body.data.items.length, 1);
  });

  it('takes billing: {} as no memo', async () => {
    const placed = await t.api('POST', '/order', { id: await readyCart(), billing: {} });
    assert.equal(placed.status, 200, JSON.stringify(placed.body));
    assert.deepEqual(placed.body.data.billing, {});
    assert.equal(placed.body.data.amountPaid, 49);
  });
});
