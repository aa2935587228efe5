import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order, ResmarkClient } from '../../shared/index.js';
import { CANYON_CUSTOMER, KAYAK_0900, PICKUP, SUNSET_1730 } from '../sandbox/helpers.js';
import {
  BIKES_0900,
  HARBOR,
  SUNSET,
  placeOrder,
  readyCart,
  rejectsWith,
  seatsLeft,
  useContract,
} from './harness.js';

const c = await useContract();
const staff = c.clients.canyon.client;
const agent = c.clients.agent.client;

const DAY_MS = 86_400_000;
const THREE = { itemId: KAYAK_0900, participants: { Adult: 2, Child: 1 }, ...PICKUP };
const PADDLE_TWO = { itemId: SUNSET_1730, participants: { All: 2 } };
// 2026-11-28 is a full-capacity day (even, not a multiple of 5) still on sale days after T0.
const PADDLE_28 = { itemId: 'a-94176-20261128-1730', participants: { All: 1 } };
const HARBOR_CUSTOMER = { email: 'kim@example.com', firstName: 'Kim', lastName: 'Ng' };

const confirmations = (orders: readonly Order[]) => orders.map((o) => o.confirmation);

/**
 * Three orders on three sandbox days: 100001 created 2026-11-24 and modified (a cancellation)
 * 2026-11-27, 100002 created 2026-11-26, 100003 created 2026-11-27. The sandbox clock ends two
 * days past the client's token, so the client re-authenticates on the way.
 */
async function threeOrders(): Promise<[Order, Order, Order]> {
  const first = await placeOrder(staff, [{ ...PADDLE_28, participants: { All: 2 } }], {
    referenceId: 'ref-a',
  });
  await c.advance(2 * DAY_MS);
  const second = await placeOrder(staff, [PADDLE_28], { referenceId: 'ref-b' });
  await c.advance(DAY_MS);
  const line = first.items[0]?.participantList?.[0];
  assert.ok(line);
  await staff.order.cancelParticipant(first.id, PADDLE_28.itemId, line.id);
  const third = await placeOrder(staff, [PADDLE_28], { referenceId: 'ref-c' });
  return [first, second, third];
}

describe('placing an order', () => {
  it('consumes the cart: ordering it again is a 404', async () => {
    const cart = await readyCart(staff, [PADDLE_TWO]);
    await staff.order.create({ id: cart.id });
    await rejectsWith(staff.order.create({ id: cart.id }), { kind: 'api', status: 404 });
    assert.equal((await staff.order.list()).length, 1);
  });

  it('needs items (400)', async () => {
    const cart = await staff.cart.create();
    await staff.cart.setCustomer(cart.id, CANYON_CUSTOMER);
    const error = await rejectsWith(staff.order.create({ id: cart.id }), {
      kind: 'api',
      status: 400,
    });
    assert.ok(error.fields?.['items'], JSON.stringify(error.fields));
  });

  it('needs the required customer fields (400 naming them)', async () => {
    const cart = await staff.cart.create();
    await staff.cart.addItem(cart.id, PADDLE_TWO);
    const error = await rejectsWith(staff.order.create({ id: cart.id }), {
      kind: 'api',
      status: 400,
    });
    for (const field of ['email', 'firstName', 'lastName', 'phone', 'Wetsuit Size'])
      assert.ok(error.fields?.[field], `${field} in ${JSON.stringify(error.fields)}`);
  });

  it('with orderId adds the cart’s items to that order', async () => {
    const first = await placeOrder(staff, [THREE]);
    const cart = await readyCart(staff, [PADDLE_TWO]);
    const joined = await staff.order.create({ id: cart.id, orderId: first.id });
    assert.equal(joined.id, first.id);
    assert.deepEqual(
      joined.items.map((i) => i.itemId),
      [KAYAK_0900, SUNSET_1730],
    );
    assert.equal(joined.amountPaid, 237 + 98);
    assert.equal((await staff.order.list()).length, 1);
  });
});

describe('listing orders', () => {
  it('shows a staff user their operator’s orders, and an agent their agency’s', async () => {
    const own = await placeOrder(staff, [PADDLE_TWO]);
    const sold = await placeOrder(agent, [PADDLE_TWO], { supplierId: '5f1a00000000000000000001' });
    assert.deepEqual(confirmations(await staff.order.list()), [
      own.confirmation,
      sold.confirmation,
    ]);
    assert.deepEqual(confirmations(await agent.order.list()), [sold.confirmation]);
    assert.deepEqual(await c.clients.harbor.client.order.list(), []);
    await rejectsWith(agent.order.get(own.id), { kind: 'api', status: 404 });
  });

  it('filters by ids', async () => {
    const [first, , third] = await threeOrders();
    const found = await staff.order.list({ ids: [first.id, third.id] });
    assert.deepEqual(confirmations(found), [100001, 100003]);
  });

  it('filters by confirmationIds', async () => {
    await threeOrders();
    assert.deepEqual(
      confirmations(await staff.order.list({ confirmationIds: [100002] })),
      [100002],
    );
    assert.deepEqual(
      confirmations(await staff.order.list({ confirmationIds: '100001,100003' })),
      [100001, 100003],
    );
  });

  it('filters by created date, both ends inclusive', async () => {
    await threeOrders();
    const list = (query: Parameters<ResmarkClient['order']['list']>[0]) =>
      staff.order.list(query).then(confirmations);
    assert.deepEqual(
      await list({ fromCreatedDate: '2026-11-24', toCreatedDate: '2026-11-24' }),
      [100001],
    );
    assert.deepEqual(
      await list({ fromCreatedDate: '2026-11-25', toCreatedDate: '2026-11-26' }),
      [100002],
    );
    assert.deepEqual(await list({ fromCreatedDate: '2026-11-26' }), [100002, 100003]);
  });

  it('filters by modified date', async () => {
    await threeOrders();
    const list = (query: Parameters<ResmarkClient['order']['list']>[0]) =>
      staff.order.list(query).then(confirmations);
    assert.deepEqual(
      await list({ fromModifiedDate: '2026-11-27', toModifiedDate: '2026-11-27' }),
      [100001, 100003],
      'the cancellation modified 100001',
    );
    assert.deepEqual(
      await list({ fromModifiedDate: '2026-11-26', toModifiedDate: '2026-11-26' }),
      [100002],
    );
  });

  it('filters by referenceId, and findByReferenceId finds that one order', async () => {
    await threeOrders();
    assert.deepEqual(confirmations(await staff.order.list({ referenceId: 'ref-b' })), [100002]);
    assert.equal((await staff.order.findByReferenceId('ref-c'))?.confirmation, 100003);
    assert.equal(await staff.order.findByReferenceId('ref-unknown'), undefined);
  });

  it('sorts ascending by id unless sortOrder is desc', async () => {
    await threeOrders();
    assert.deepEqual(confirmations(await staff.order.list()), [100001, 100002, 100003]);
    assert.deepEqual(
      confirmations(await staff.order.list({ sortOrder: 'asc' })),
      [100001, 100002, 100003],
    );
    assert.deepEqual(
      confirmations(await staff.order.list({ sortOrder: 'desc' })),
      [100003, 100002, 100001],
    );
  });

  it('pages with limit and a 0-based page', async () => {
    await threeOrders();
    const page = (n: number) => staff.order.list({ limit: 2, page: n }).then(confirmations);
    assert.deepEqual(await page(0), [100001, 100002]);
    assert.deepEqual(await page(1), [100003]);
    assert.deepEqual(await page(2), []);
    assert.deepEqual(
      confirmations(await staff.order.list({ limit: 1, page: 0, sortOrder: 'desc' })),
      [100003],
    );
  });

  it('the client refuses a to… date without its from… before sending', async () => {
    const recorded = c.record('canyon');
    await recorded.client.order.list();
    const before = recorded.sent.length;
    for (const kind of ['Created', 'Modified'] as const) {
      const error = await rejectsWith(
        recorded.client.order.list({ [`to${kind}Date`]: '2026-11-26' }),
        { kind: 'input' },
      );
      assert.match(error.fields?.[`to${kind}Date`] ?? '', new RegExp(`from${kind}Date`));
    }
    assert.equal(recorded.sent.length, before, 'nothing was sent');
  });

  it('the sandbox answers a raw to… date without its from… with a 400', async () => {
    for (const kind of ['Created', 'Modified']) {
      const answer = await c.raw('GET', `/order?to${kind}Date=2026-11-26`);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.errorMessage, `to${kind}Date must be used with from${kind}Date`);
    }
  });
});

describe('cancelling', () => {
  it('the whole order: every seat returns, 10 % Canyon fee', async () => {
    const order = await placeOrder(staff, [THREE, PADDLE_TWO]);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 13);
    const cancelled = await staff.order.cancel(order.id);
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(
      cancelled.items.map((i) => i.status),
      ['cancelled', 'cancelled'],
    );
    assert.ok(
      cancelled.items.every((i) => i.participantList?.every((p) => p.status === 'cancelled')),
    );
    assert.equal(cancelled.cancellationFee, 33.5, '10 % of 237 + 98');
    assert.equal(cancelled.total, 33.5, 'only the fee is owed');
    assert.equal(cancelled.amountPaid, 335);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 16);
    assert.equal(await seatsLeft(staff, SUNSET_1730), 10);
  });

  it('one item: its seats return, the other item stays', async () => {
    const order = await placeOrder(staff, [THREE, PADDLE_TWO]);
    const cancelled = await staff.order.cancelItem(order.confirmation, KAYAK_0900);
    assert.equal(cancelled.status, 'active');
    assert.deepEqual(
      cancelled.items.map((i) => [i.itemId, i.status]),
      [
        [KAYAK_0900, 'cancelled'],
        [SUNSET_1730, 'active'],
      ],
    );
    assert.equal(cancelled.cancellationFee, 23.7);
    assert.equal(cancelled.total, 98 + 23.7);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 16);
    assert.equal(await seatsLeft(staff, SUNSET_1730), 8);
  });

  it('one participant: that seat returns, 10 % of its price', async () => {
    const order = await placeOrder(staff, [THREE]);
    const adult = order.items[0]?.participantList?.find((p) => p.tier === 'Adult');
    assert.ok(adult);
    const cancelled = await staff.order.cancelParticipant(order.id, KAYAK_0900, adult.id);
    const line = cancelled.items[0]?.participantList?.find((p) => p.id === adult.id);
    assert.equal(line?.status, 'cancelled');
    assert.equal(cancelled.items[0]?.status, 'active');
    assert.equal(cancelled.cancellationFee, 8.9);
    assert.equal(cancelled.total, 89 + 59 + 8.9);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 14);
  });

  it('one rental unit through the agent’s Harbor cart: 15 % Harbor fee', async () => {
    const order = await placeOrder(
      agent,
      [{ itemId: BIKES_0900, participants: { Cruiser: 1, 'E-Bike': 1 } }],
      { supplierId: HARBOR, customer: HARBOR_CUSTOMER },
    );
    assert.equal(order.reseller?.agencyId, SUNSET);
    const units = order.items[0]?.unitList;
    assert.equal(units?.length, 2, 'a rental lists units');
    assert.equal(order.items[0]?.participantList, undefined);
    const eBike = units?.find((u) => u.tier === 'E-Bike');
    assert.ok(eBike);
    assert.equal(await seatsLeft(agent, BIKES_0900), 10);
    const cancelled = await agent.order.cancelUnit(order.id, BIKES_0900, eBike.id);
    assert.equal(cancelled.cancellationFee, 8.25, '15 % of $55');
    assert.equal(cancelled.total, 30 + 8.25);
    assert.equal(await seatsLeft(agent, BIKES_0900), 11);
  });

  it('applyCancellationFee: false waives the fee', async () => {
    const order = await placeOrder(staff, [THREE]);
    const cancelled = await staff.order.cancel(order.id, { applyCancellationFee: false });
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancellationFee, 0);
    assert.equal(cancelled.total, 0);
    assert.equal(await seatsLeft(staff, KAYAK_0900), 16);
  });

  it('cancelling twice is a 409, at every level', async () => {
    const order = await placeOrder(staff, [THREE, PADDLE_TWO]);
    const child = order.items[0]?.participantList?.find((p) => p.tier === 'Child');
    assert.ok(child);
    await staff.order.cancelParticipant(order.id, KAYAK_0900, child.id);
    await rejectsWith(staff.order.cancelParticipant(order.id, KAYAK_0900, child.id), {
      kind: 'api',
      status: 409,
    });
    await staff.order.cancelItem(order.id, KAYAK_0900);
    await rejectsWith(staff.order.cancelItem(order.id, KAYAK_0900), { kind: 'api', status: 409 });
    await staff.order.cancel(order.id);
    await rejectsWith(staff.order.cancel(order.id), { kind: 'api', status: 409 });
    assert.equal((await staff.order.get(order.id)).cancellationFee, 33.5, 'each line charged once');
  });

  it('a participant of a rental, or a unit of an activity, is a 400', async () => {
    const bikes = await placeOrder(agent, [{ itemId: BIKES_0900, participants: { Cruiser: 1 } }], {
      supplierId: HARBOR,
      customer: HARBOR_CUSTOMER,
    });
    const unit = bikes.items[0]?.unitList?.[0];
    assert.ok(unit);
    await rejectsWith(agent.order.cancelParticipant(bikes.id, BIKES_0900, unit.id), {
      kind: 'api',
      status: 400,
    });
    const kayak = await placeOrder(staff, [THREE]);
    const person = kayak.items[0]?.participantList?.[0];
    assert.ok(person);
    await rejectsWith(staff.order.cancelUnit(kayak.id, KAYAK_0900, person.id), {
      kind: 'api',
      status: 400,
    });
  });
});
