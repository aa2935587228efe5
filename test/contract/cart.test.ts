import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEAT_LOCK_MS, ResmarkError } from '../../shared/index.js';
import {
  CANYON_CUSTOMER,
  KAYAK_0900,
  KAYAK_1400,
  PICKUP,
  PICKUP_TIMES,
  SUNSET_1730,
  T0,
} from '../sandbox/helpers.js';
import { BIKES_0900, HARBOR, rejectsWith, readyCart, seatsLeft, useContract } from './harness.js';

const c = await useContract();
const staff = c.clients.canyon.client;
const agent = c.clients.agent.client;

const THREE = { itemId: KAYAK_0900, participants: { Adult: 2, Child: 1 }, ...PICKUP };

describe('the seat lock', () => {
  it('holds the seats for 30 minutes from the add', async () => {
    const cart = await staff.cart.create();
    const filled = await staff.cart.addItem(cart.id, THREE);
    assert.equal(filled.expDateTime, T0 + SEAT_LOCK_MS);
    await c.advance(SEAT_LOCK_MS - 60_000);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 13, 'still held a minute before the end');
  });

  it('gives the seats back once 30 minutes have passed', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 13);
    await c.advance(SEAT_LOCK_MS + 60_000);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 16);
  });

  it('keeps an expired cart from becoming an order (409)', async () => {
    const cart = await readyCart(staff, [THREE]);
    await c.advance(SEAT_LOCK_MS + 60_000);
    const error = await rejectsWith(staff.order.create({ id: cart.id }), {
      kind: 'api',
      status: 409,
    });
    assert.match(error.message, /expired/);
    assert.deepEqual(await staff.order.list(), [], 'no order was made');
  });

  it('is renewed: the seats are held again and expDateTime is 30 minutes on', async () => {
    const cart = await readyCart(staff, [THREE]);
    const now = await c.advance(SEAT_LOCK_MS + 60_000);
    const renewal = await staff.cart.renew(cart.id);
    assert.deepEqual(renewal.errors, []);
    assert.equal(renewal.expDateTime, now + SEAT_LOCK_MS);
    assert.equal((await staff.cart.get(cart.id)).expDateTime, now + SEAT_LOCK_MS);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 13, 'held again');
    const order = await staff.order.create({ id: cart.id });
    assert.equal(order.total, 237);
  });

  it('on renew, drops and names an item whose seats were taken meanwhile', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 10 } });
    await c.advance(SEAT_LOCK_MS + 60_000);
    const other = await staff.cart.create();
    await staff.cart.addItem(other.id, { itemId: SUNSET_1730, participants: { All: 1 } });
    const renewal = await staff.cart.renew(cart.id);
    assert.equal(renewal.errors.length, 1);
    assert.match(renewal.errors[0] ?? '', /Sunset Paddle/);
    assert.equal(renewal.expDateTime, null, 'nothing is left to hold');
    assert.deepEqual((await staff.cart.get(cart.id)).items, []);
  });
});

describe('giving seats back', () => {
  it('DELETE /cart returns every seat the cart held', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    await staff.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 4 } });
    assert.deepEqual(await staff.cart.delete(cart.id), { id: cart.id, deleted: true });
    assert.equal(await seatsLeft(staff, KAYAK_0900), 16);
    assert.equal(await seatsLeft(staff, SUNSET_1730), 10);
    await rejectsWith(staff.cart.get(cart.id), { kind: 'api', status: 404 });
  });

  it('removing an item returns its seats and keeps the others held', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    await staff.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 4 } });
    const left = await staff.cart.removeItem(cart.id, KAYAK_0900);
    assert.deepEqual(
      left.items.map((i) => i.itemId),
      [SUNSET_1730],
    );
    assert.equal(left.total, 4 * 49);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 16);
    assert.equal(await seatsLeft(staff, SUNSET_1730), 6);
    const empty = await staff.cart.removeItem(cart.id, SUNSET_1730);
    assert.equal(empty.expDateTime, null, 'an empty cart holds nothing');
  });
});

describe('adding an item', () => {
  it('adding the same itemId again replaces its participants', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    const replaced = await staff.cart.addItem(cart.id, { ...THREE, participants: { Senior: 1 } });
    assert.equal(replaced.items.length, 1);
    assert.deepEqual(replaced.items[0]?.participants, { Senior: 1 });
    assert.equal(replaced.total, 79);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 15);
  });

  it('more seats than are left is a 409', async () => {
    const cart = await staff.cart.create();
    await rejectsWith(
      staff.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 11 } }),
      { kind: 'api', status: 409 },
    );
  });

  it('a tier the slot does not have is a 400 naming it', async () => {
    const cart = await staff.cart.create();
    const error = await rejectsWith(
      staff.cart.addItem(cart.id, { ...THREE, participants: { Adult: 1, Infant: 1 } }),
      { kind: 'api', status: 400 },
    );
    assert.ok(error.fields?.['participants.Infant'], JSON.stringify(error.fields));
  });

  it('a product with pickups needs a pickup detail and a location', async () => {
    const cart = await staff.cart.create();
    const error = await rejectsWith(
      staff.cart.addItem(cart.id, { itemId: KAYAK_0900, participants: { Adult: 1 } }),
      { kind: 'api', status: 400 },
    );
    assert.ok(error.fields?.['pickupDetailId'], JSON.stringify(error.fields));
    assert.ok(error.fields?.['locationId'], JSON.stringify(error.fields));
  });

  it('a pickup must reach the departure: before it, and at most three hours before', async () => {
    const cart = await staff.cart.create();
    const morning = { ...PICKUP, pickupDetailId: PICKUP_TIMES['08:15'] };
    const error = await rejectsWith(
      staff.cart.addItem(cart.id, { itemId: KAYAK_1400, participants: { Adult: 1 }, ...morning }),
      { kind: 'api', status: 400 },
    );
    assert.ok(error.fields?.['pickupDetailId'], JSON.stringify(error.fields));
    const afternoon = await rejectsWith(
      staff.cart.addItem(cart.id, {
        itemId: KAYAK_0900,
        participants: { Adult: 1 },
        ...PICKUP,
        pickupDetailId: PICKUP_TIMES['13:15'],
      }),
      { kind: 'api', status: 400 },
    );
    assert.ok(afternoon.fields?.['pickupDetailId'], JSON.stringify(afternoon.fields));
    const taken = await staff.cart.addItem(cart.id, {
      itemId: KAYAK_1400,
      participants: { Adult: 1 },
      ...PICKUP,
      pickupDetailId: PICKUP_TIMES['13:15'],
    });
    assert.equal(taken.items[0]?.pickupDetailId, PICKUP_TIMES['13:15']);
  });

  it('locationOther only where the zone allows it', async () => {
    const cart = await staff.cart.create();
    const refused = await rejectsWith(
      staff.cart.addItem(cart.id, {
        itemId: KAYAK_0900,
        participants: { Adult: 1 },
        pickupDetailId: PICKUP.pickupDetailId,
        locationOther: 'My campervan',
      }),
      { kind: 'api', status: 400 },
    );
    assert.ok(refused.fields?.['locationOther'], refused.message);
    const taken = await staff.cart.addItem(cart.id, {
      itemId: KAYAK_0900,
      participants: { Adult: 1 },
      pickupDetailId: '5f1e00000000000000000003',
      locationOther: 'My campervan',
    });
    assert.equal(taken.items[0]?.locationOther, 'My campervan');
  });

  it('the client refuses quantities that are not whole numbers before sending', async () => {
    const recorded = c.record('canyon');
    const cart = await recorded.client.cart.create();
    const before = recorded.sent.length;
    const error = await rejectsWith(
      recorded.client.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 1.5 } }),
      { kind: 'input' },
    );
    assert.ok(error.fields?.['participants.All'], JSON.stringify(error.fields));
    await rejectsWith(
      recorded.client.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 0 } }),
      { kind: 'input' },
    );
    assert.equal(recorded.sent.length, before, 'nothing was sent');
  });
});

describe('promo codes', () => {
  it('SUMMER10 applies, with the totals from the API', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    const result = await staff.cart.applyDiscount(cart.id, ' SUMMER10 ');
    assert.equal(result.status, 'applied');
    assert.ok(result.status === 'applied');
    assert.equal(result.cart.promoCode, 'SUMMER10');
    assert.equal(result.cart.subtotal, 237);
    assert.equal(result.cart.discount, 23.7);
    assert.equal(result.cart.total, 213.3);
    assert.equal(result.cart.items[0]?.total, 213.3);
  });

  it('EXPIRED5 is invalid', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    const result = await staff.cart.applyDiscount(cart.id, 'EXPIRED5');
    assert.equal(result.status, 'invalid');
    assert.equal((await staff.cart.get(cart.id)).promoCode, null, 'nothing changed');
  });

  it('BIKES20 does not apply to a Canyon cart', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, THREE);
    const result = await staff.cart.applyDiscount(cart.id, 'BIKES20');
    assert.equal(result.status, 'not-applicable');
    assert.equal((await staff.cart.get(cart.id)).total, 237);
  });

  it('BIKES20 applies to a Harbor cart', async () => {
    const cart = await agent.cart.create({ supplierId: HARBOR });
    await agent.cart.addItem(cart.id, {
      itemId: BIKES_0900,
      participants: { Cruiser: 1, 'E-Bike': 1 },
    });
    const result = await agent.cart.applyDiscount(cart.id, 'BIKES20');
    assert.ok(result.status === 'applied', result.status);
    assert.equal(result.cart.subtotal, 85);
    assert.equal(result.cart.discount, 17);
    assert.equal(result.cart.total, 68);
  });
});

describe('the customer', () => {
  it('the client refuses bad input before sending, naming each field', async () => {
    const recorded = c.record('canyon');
    const cart = await recorded.client.cart.create();
    const before = recorded.sent.length;
    const error = await rejectsWith(
      recorded.client.cart.setCustomer(cart.id, {
        email: 'ana-at-example',
        lastName: 'Lopez',
        phone: '12',
        country: 'USA',
        state: 'Arizona',
        birthDate: '1990-02-30',
      }),
      { kind: 'input' },
    );
    assert.deepEqual(Object.keys(error.fields ?? {}).sort(), [
      'birthDate',
      'email',
      'firstName',
      'phone',
      'state',
    ]);
    assert.equal(recorded.sent.length, before, 'nothing was sent');
  });

  it('with the cart’s rules, the client names the account’s required custom field', async () => {
    const recorded = c.record('canyon');
    const cart = await recorded.client.cart.create();
    const before = recorded.sent.length;
    const { 'Wetsuit Size': _size, ...withoutSize } = CANYON_CUSTOMER;
    const error = await rejectsWith(
      recorded.client.cart.setCustomer(cart.id, withoutSize, { rules: cart }),
      { kind: 'input' },
    );
    assert.deepEqual(Object.keys(error.fields ?? {}), ['Wetsuit Size']);
    assert.equal(recorded.sent.length, before, 'nothing was sent');
  });

  it('the sandbox refuses what the default rules cannot know, naming the field (400)', async () => {
    const cart = await staff.cart.create();
    const { 'Wetsuit Size': _size, ...withoutSize } = CANYON_CUSTOMER;
    const error = await rejectsWith(staff.cart.setCustomer(cart.id, withoutSize), {
      kind: 'api',
      status: 400,
    });
    assert.ok(error.fields?.['Wetsuit Size'], JSON.stringify(error.fields));
    assert.deepEqual((await staff.cart.get(cart.id)).customer, {}, 'nothing was stored');
  });

  it('the four phone forms come back normalised', async () => {
    const cart = await staff.cart.create();
    const forms: [object, { dialCode: string; phone: string }][] = [
      [{ phone: '(555) 123-4567' }, { dialCode: '+1', phone: '5551234567' }],
      [
        { phoneNumber: '20 7946 0958', dialCode: '+44' },
        { dialCode: '+44', phone: '2079460958' },
      ],
      [{ phone: '+44 20 7946 0958' }, { dialCode: '+44', phone: '2079460958' }],
      [
        { phone: '555.123.4567', dialCode: '1' },
        { dialCode: '+1', phone: '5551234567' },
      ],
    ];
    const { phone: _phone, ...rest } = CANYON_CUSTOMER;
    for (const [form, stored] of forms) {
      const answer = await staff.cart.setCustomer(cart.id, { ...rest, ...form });
      assert.equal(answer.customer['dialCode'], stored.dialCode, JSON.stringify(form));
      assert.equal(answer.customer['phone'], stored.phone, JSON.stringify(form));
      assert.equal(answer.customer['phoneNumber'], undefined, 'stored one way only');
    }
  });
});

describe('the race for the last seats', () => {
  it('50 concurrent adds of 1 seat to a 10-seat slot book exactly 10; 40 get a 409', async () => {
    const carts = await Promise.all(Array.from({ length: 50 }, () => staff.cart.create()));
    const results = await Promise.allSettled(
      carts.map((cart) =>
        staff.cart.addItem(cart.id, { itemId: SUNSET_1730, participants: { All: 1 } }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    assert.equal(won.length, 10);
    assert.equal(lost.length, 40);
    for (const error of lost) {
      assert.ok(error instanceof ResmarkError, String(error));
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 409);
    }
    assert.equal(await seatsLeft(staff, SUNSET_1730), 0);
  });
});
