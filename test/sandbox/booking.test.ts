import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CANYON_CUSTOMER,
  KAYAK_0900,
  KAYAK_1400,
  PICKUP,
  PICKUP_TIMES,
  SUNSET_1730,
  seatsLeft,
  testSandbox,
} from './helpers.js';
import type { TestSandbox } from './helpers.js';

const CANYON = '5f1a00000000000000000001';
const HARBOR = '5f1a00000000000000000002';
const GLACIER = '5f1a00000000000000000004';

let t: TestSandbox;
before(async () => {
  t = await testSandbox();
});
after(() => t.sandbox.close());
beforeEach(() => t.reset());

describe('a booking, end to end as operator staff', () => {
  it('goes from products to a cancelled participant whose seat is free again', async () => {
    const products = await t.api('GET', '/product?productNumbers=94175');
    assert.equal(products.status, 200);
    assert.equal(products.body.errorMessage, null);
    assert.equal(products.body.data.length, 1);
    const product = products.body.data[0];
    assert.equal(product.name, 'Half-Day Canyon Kayak Tour');
    assert.equal(product.entityId, CANYON);
    assert.equal(product.hasPickups, true);

    const inventory = await t.api('GET', `/product/${product.id}/item?from=2026-11-25`);
    assert.equal(inventory.status, 200);
    const [day] = inventory.body.data.items;
    assert.equal(day.date, '2026-11-25');
    assert.deepEqual(day.timesAvailable[0], {
      activityId: KAYAK_0900,
      startTime: '2026-11-25T09:00:00.000Z',
      endTime: '2026-11-25T13:00:00.000Z',
      price: { Adult: 89, Child: 59, Senior: 79 },
      tiersAvailable: { '*': 16 },
      capacity: 16,
    });

    const pickups = await t.api('GET', '/product/94175/pickup');
    assert.equal(pickups.body.data.length, 2);
    const [hotels, bigWater] = pickups.body.data;
    assert.equal(hotels.allowOther, false);
    assert.equal(bigWater.allowOther, true);
    assert.deepEqual(
      hotels.pickupDetails.map((d: { time: string }) => d.time),
      ['08:15', '13:15'],
    );

    const created = await t.api('POST', '/cart');
    assert.equal(created.status, 200);
    const cartId = created.body.data.id;
    assert.match(cartId, /^[0-9a-f-]{36}$/);
    assert.equal(created.body.data.expDateTime, null);
    assert.deepEqual(created.body.data.requiredCustomerFields, [
      'email',
      'firstName',
      'lastName',
      'phone',
    ]);

    const added = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: KAYAK_0900,
      participants: { Adult: 2, Child: '1' },
      ...PICKUP,
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const cart = added.body.data;
    assert.equal(cart.total, 237);
    assert.equal(cart.items[0].participantList.length, 3);
    assert.equal(cart.items[0].pickupDetailId, PICKUP.pickupDetailId);
    assert.equal(cart.expDateTime, Date.parse(cart.createdDate) + 30 * 60_000);
    assert.equal(await seatsLeft(t, KAYAK_0900), 13);

    const customer = await t.api('PUT', `/cart/${cartId}/customer`, CANYON_CUSTOMER);
    assert.equal(customer.status, 200, JSON.stringify(customer.body));
    assert.deepEqual(
      { dialCode: customer.body.data.customer.dialCode, phone: customer.body.data.customer.phone },
      { dialCode: '+1', phone: '5551234567' },
    );

    const placed = await t.api('POST', '/order', {
      id: cartId,
      billing: { memo: 'pay on arrival' },
      referenceId: 'chk_test_1',
    });
    assert.equal(placed.status, 200, JSON.stringify(placed.body));
    const order = placed.body.data;
    assert.equal(order.confirmation, 100001);
    assert.equal(order.paymentSource, 'external');
    assert.equal(order.amountPaid, 237);
    assert.equal(order.total, 237);
    assert.deepEqual(order.billing, { memo: 'pay on arrival' });
    assert.equal(order.referenceId, 'chk_test_1');
    assert.equal(order.createdBy, 'Casey Canyon');
    assert.equal(order.reseller, null);
    assert.equal(await seatsLeft(t, KAYAK_0900), 13);

    const again = await t.api('POST', '/order', { id: cartId });
    assert.equal(again.status, 404, 'the cart is consumed by its order');

    const byConfirmation = await t.api('GET', '/order/100001');
    assert.equal(byConfirmation.body.data.id, order.id);

    const child = order.items[0].participantList.find((p: { tier: string }) => p.tier === 'Child');
    const cancelled = await t.api(
      'DELETE',
      `/order/${order.confirmation}/item/${KAYAK_0900}/participant/${child.id}`,
    );
    assert.equal(cancelled.status, 200);
    const after = cancelled.body.data;
    assert.equal(after.status, 'active');
    assert.equal(
      after.items[0].participantList.find((p: { id: string }) => p.id === child.id).status,
      'cancelled',
    );
    assert.equal(after.cancellationFee, 5.9, 'Canyon Kayak charges 10 % of the $59 cancelled');
    assert.equal(after.total, 178 + 5.9);
    assert.equal(await seatsLeft(t, KAYAK_0900), 14, 'the cancelled seat is available again');
  });

  it('refuses an order until the required customer fields are there', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    await t.api('POST', `/cart/${cartId}/item`, { itemId: SUNSET_1730, participants: { All: 1 } });
    const empty = await t.api('POST', '/order', { id: cartId });
    assert.equal(empty.status, 400);
    assert.ok(empty.body.detail.fields.email);

    const missing = await t.api('PUT', `/cart/${cartId}/customer`, {
      ...CANYON_CUSTOMER,
      'Wetsuit Size': undefined,
    });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.detail.fields['Wetsuit Size']);
  });

  it('refuses an empty cart as an order', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    await t.api('PUT', `/cart/${cartId}/customer`, CANYON_CUSTOMER);
    const answer = await t.api('POST', '/order', { id: cartId });
    assert.equal(answer.status, 400);
    assert.ok(answer.body.errorMessage);
  });

  it('needs a pickup for a product with pickups, and a listed location where the zone allows no other', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    const none = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: KAYAK_0900,
      participants: { Adult: 1 },
    });
    assert.equal(none.status, 400);
    assert.ok(none.body.detail.fields.pickupDetailId);
    const other = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: KAYAK_0900,
      participants: { Adult: 1 },
      pickupDetailId: PICKUP.pickupDetailId,
      locationOther: 'My campsite',
    });
    assert.equal(other.status, 400);
    const bigWater = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: KAYAK_0900,
      participants: { Adult: 1 },
      pickupDetailId: '5f1e00000000000000000003',
      locationOther: 'Lone Rock campsite 12',
    });
    assert.equal(bigWater.status, 200);
    assert.equal(bigWater.body.data.items[0].locationOther, 'Lone Rock campsite 12');
  });

  it('refuses a pickup that cannot reach the departure (shared/item-rules.ts, pickupFits)', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    const add = (itemId: string, pickupDetailId: string, locationId: string) =>
      t.api('POST', `/cart/${cartId}/item`, {
        itemId,
        participants: { Adult: 1 },
        pickupDetailId,
        locationId,
      });
    const hotel = PICKUP.locationId;
    const bigWater = '5f1f00000000000000000004';
    // 13:15 is after the 09:00 departure; 07:45 is over three hours before the 14:00 one.
    for (const [itemId, pickup, place] of [
      [KAYAK_0900, PICKUP_TIMES['13:15'], hotel],
      [KAYAK_1400, PICKUP_TIMES['07:45'], bigWater],
      [KAYAK_1400, PICKUP_TIMES['08:15'], hotel],
    ] as const) {
      const refused = await add(itemId, pickup, place);
      assert.equal(refused.status, 400, `${itemId} with ${pickup}`);
      assert.match(refused.body.detail.fields.pickupDetailId, /does not reach this departure/);
    }
    assert.equal((await add(KAYAK_0900, PICKUP_TIMES['08:15'], hotel)).status, 200);
    assert.equal((await add(KAYAK_0900, PICKUP_TIMES['07:45'], bigWater)).status, 200);
    const afternoon = await add(KAYAK_1400, PICKUP_TIMES['13:15'], hotel);
    assert.equal(afternoon.status, 200);
    assert.equal(afternoon.body.data.items.length, 2);
  });

  it('replaces an item’s participants when the same slot is added again', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    await t.api('POST', `/cart/${cartId}/item`, { itemId: SUNSET_1730, participants: { All: 3 } });
    const again = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: SUNSET_1730,
      participants: { All: 1 },
    });
    assert.equal(again.body.data.items.length, 1);
    assert.deepEqual(again.body.data.items[0].participants, { All: 1 });
    assert.equal(await seatsLeft(t, SUNSET_1730), 9);
    const removed = await t.api('DELETE', `/cart/${cartId}/item/${SUNSET_1730}`);
    assert.equal(removed.body.data.items.length, 0);
    assert.equal(removed.body.data.expDateTime, null);
    assert.equal(await seatsLeft(t, SUNSET_1730), 10);
  });

  it('refuses more seats than are left with a 409', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    const answer = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: SUNSET_1730,
      participants: { All: 11 },
    });
    assert.equal(answer.status, 409);
    assert.match(answer.body.errorMessage, /10/);
  });

  it('gives the seats back when a cart is deleted', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    await t.api('POST', `/cart/${cartId}/item`, { itemId: SUNSET_1730, participants: { All: 4 } });
    const deleted = await t.api('DELETE', `/cart/${cartId}`);
    assert.deepEqual(deleted.body.data, { id: cartId, deleted: true });
    assert.equal(await seatsLeft(t, SUNSET_1730), 10);
    assert.equal((await t.api('GET', `/cart/${cartId}`)).status, 404);
  });
});

describe('promo codes', () => {
  async function cartWith(
    itemId: string,
    participants: Record<string, number>,
    who: 'canyon' | 'harbor' = 'canyon',
  ) {
    const cartId = (await t.api('POST', '/cart', undefined, who)).body.data.id;
    const added = await t.api('POST', `/cart/${cartId}/item`, { itemId, participants }, who);
    assert.equal(added.status, 200, JSON.stringify(added.body));
    return cartId as string;
  }

  it('applies SUMMER10 to every line', async () => {
    const cartId = await cartWith(SUNSET_1730, { All: 2 });
    const answer = await t.api('POST', `/cart/${cartId}/discount`, { promoCode: 'SUMMER10' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.promoCode, 'SUMMER10');
    assert.equal(answer.body.data.discount, 9.8);
    assert.equal(answer.body.data.total, 88.2);
  });

  it('calls EXPIRED5 invalid', async () => {
    const cartId = await cartWith(SUNSET_1730, { All: 1 });
    const answer = await t.api('POST', `/cart/${cartId}/discount`, { promoCode: 'EXPIRED5' });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body.detail, { promoCode: 'EXPIRED5', reason: 'invalid' });
    assert.equal(answer.body.data, null, 'a refusal’s data is null');
  });

  it('calls BIKES20 not applicable to kayaks, and applies it to bikes', async () => {
    const kayaks = await cartWith(SUNSET_1730, { All: 1 });
    const refused = await t.api('POST', `/cart/${kayaks}/discount`, { promoCode: 'BIKES20' });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.detail, { promoCode: 'BIKES20', reason: 'not-applicable' });

    const bikes = await cartWith('a-95101-20261125-0900', { Cruiser: 1, 'E-Bike': 1 }, 'harbor');
    const applied = await t.api(
      'POST',
      `/cart/${bikes}/discount`,
      { promoCode: 'BIKES20' },
      'harbor',
    );
    assert.equal(applied.status, 200);
    assert.equal(applied.body.data.total, 68);
  });
});

describe('as the reseller agent', () => {
  it('books a connected supplier’s product through a reseller cart', async () => {
    const products = await t.api('GET', '/product', undefined, 'agent');
    const suppliers = new Set(products.body.data.map((p: { entityId: string }) => p.entityId));
    assert.deepEqual([...suppliers].sort(), [CANYON, HARBOR]);

    const created = await t.api('POST', `/cart?supplierId=${CANYON}`, undefined, 'agent');
    assert.equal(created.status, 200);
    const cart = created.body.data;
    assert.equal(cart.supplierId, CANYON);
    assert.equal(cart.agencyId, '5f1a00000000000000000003');
    await t.api(
      'POST',
      `/cart/${cart.id}/item`,
      { itemId: SUNSET_1730, participants: { All: 2 } },
      'agent',
    );
    await t.api('PUT', `/cart/${cart.id}/customer`, CANYON_CUSTOMER, 'agent');
    const placed = await t.api('POST', '/order', { id: cart.id }, 'agent');
    assert.equal(placed.status, 200, JSON.stringify(placed.body));
    assert.deepEqual(placed.body.data.reseller, {
      agencyId: '5f1a00000000000000000003',
      agencyName: 'Sunset Travel',
      agentId: cart.agentId,
      agentEmail: 'agent@sunset-travel.test',
      agentName: 'Avery Agent',
    });
    assert.equal(
      (await t.api('GET', `/order/${placed.body.data.id}`, undefined, 'agent')).status,
      200,
    );
    assert.equal(
      (await t.api('GET', `/order/${placed.body.data.id}`, undefined, 'harbor')).status,
      404,
    );
  });

  it('is refused a cart for Glacier Heli Tours, which is not connected', async () => {
    const answer = await t.api('POST', `/cart?supplierId=${GLACIER}`, undefined, 'agent');
    assert.equal(answer.status, 403);
    assert.equal(answer.body.errorMessage, `Sunset Travel is not connected to supplier ${GLACIER}`);
    assert.equal((await t.api('GET', '/product/96001', undefined, 'agent')).status, 404);
  });

  it('needs a supplierId for a cart, and staff may not open a reseller cart', async () => {
    const agent = await t.api('POST', '/cart', undefined, 'agent');
    assert.equal(agent.status, 400);
    assert.equal(agent.body.errorMessage, 'supplierId is required for reseller agents');
    const staff = await t.api('POST', `/cart?supplierId=${HARBOR}`);
    assert.equal(staff.status, 403);
  });
});

describe('rights', () => {
  it('hides another entity’s cart and order behind a 404', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    assert.equal((await t.api('GET', `/cart/${cartId}`, undefined, 'harbor')).status, 404);
    assert.equal((await t.api('GET', `/cart/${cartId}`, undefined, 'agent')).status, 404);
    const listed = await t.api('GET', '/cart', undefined, 'harbor');
    assert.deepEqual(listed.body.data, []);
  });

  it('shows staff only their operator’s products', async () => {
    const answer = await t.api('GET', '/product', undefined, 'harbor');
    assert.deepEqual(
      answer.body.data.map((p: { productNumber: number }) => p.productNumber),
      [95101],
    );
    assert.equal((await t.api('GET', '/product/94175', undefined, 'harbor')).status, 404);
  });
});

describe('what the documents and real clients send', () => {
  it('logs in by AlternativeId (the user id) as well as by email, and takes a lower-case bearer', async () => {
    const byId = await t.request('POST', `${t.sandbox.apiUrl}/authenticate`, {
      username: '5f2200000000000000000001',
      apikey: 'sandbox-operator-key',
    });
    assert.equal(byId.status, 200, JSON.stringify(byId.body));
    const products = await t.request('GET', `${t.sandbox.apiUrl}/product`, undefined, {
      authorization: `bearer ${byId.body as string}`,
    });
    assert.equal(products.status, 200);
  });

  it('ignores an All count beside the tiers of a multi-tier slot, as client code sends it', async () => {
    const cartId = (await t.api('POST', '/cart')).body.data.id;
    const added = await t.api('POST', `/cart/${cartId}/item`, {
      itemId: KAYAK_0900,
      participants: { All: '1', Adult: '2', Child: '1' },
      ...PICKUP,
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body.data.items[0].participants, { Adult: 2, Child: 1 });
  });

  it('sorts orders by sortOrder in any case', async () => {
    assert.equal((await t.api('GET', '/order?sortOrder=DESC')).status, 200);
  });
});
