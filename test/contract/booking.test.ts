import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON_CUSTOMER, KAYAK_0900, PICKUP, SUNSET_1730 } from '../sandbox/helpers.js';
import { CANYON, GLACIER, SUNSET, USERS, rejectsWith, seatsLeft, useContract } from './harness.js';

const c = await useContract();
const staff = c.clients.canyon.client;
const agent = c.clients.agent.client;

describe('a booking as operator staff', () => {
  it('goes from products to a cancelled participant whose seat is free again', async () => {
    const sent = c.record('canyon');
    const client = sent.client;

    const [product] = await client.product.list({ productNumbers: [94175] });
    assert.ok(product, 'the kayak tour is listed');
    assert.equal(product.name, 'Half-Day Canyon Kayak Tour');
    assert.equal(product.entityId, CANYON);
    assert.equal(product.hasPickups, true);
    assert.equal(sent.sent[0], 'POST /authenticate', 'the first call authenticated');

    const inventory = await client.product.inventory(product.id, { from: '2026-11-25' });
    const slot = inventory.items[0]?.timesAvailable[0];
    assert.deepEqual(slot, {
      activityId: KAYAK_0900,
      startTime: '2026-11-25T09:00:00.000Z',
      endTime: '2026-11-25T13:00:00.000Z',
      price: { Adult: 89, Child: 59, Senior: 79 },
      tiersAvailable: { '*': 16 },
      capacity: 16,
    });

    const [hotels] = await client.product.pickups(product.id);
    assert.equal(hotels?.pickupDetails[0]?.id, PICKUP.pickupDetailId);
    assert.equal(hotels?.locations[0]?.id, PICKUP.locationId);

    const empty = await client.cart.create();
    assert.equal(empty.entityId, CANYON);
    assert.equal(empty.supplierId, null);
    assert.equal(empty.expDateTime, null, 'an empty cart holds nothing');

    const filled = await client.cart.addItem(empty.id, {
      itemId: KAYAK_0900,
      participants: { Adult: 2, Child: 1 },
      ...PICKUP,
    });
    assert.equal(filled.total, 237);
    assert.equal(filled.items[0]?.pickupDetailId, PICKUP.pickupDetailId);
    assert.equal(filled.items[0]?.locationId, PICKUP.locationId);
    assert.equal(await seatsLeft(client, KAYAK_0900), 13, 'three seats are held');

    const withCustomer = await client.cart.setCustomer(empty.id, CANYON_CUSTOMER);
    assert.deepEqual(withCustomer.customer, {
      email: 'ana@example.com',
      firstName: 'Ana',
      lastName: 'Lopez',
      dialCode: '+1',
      phone: '5551234567',
      'Wetsuit Size': ['M'],
    });

    const order = await client.order.create({
      id: empty.id,
      billing: { memo: 'pay on arrival' },
      referenceId: 'booking-1',
    });
    assert.equal(order.confirmation, 100001);
    assert.equal(order.status, 'active');
    assert.equal(order.paymentSource, 'external');
    assert.equal(order.amountPaid, 237);
    assert.equal(order.total, 237);
    assert.equal(order.createdBy, 'Casey Canyon');
    assert.equal(order.reseller, null);
    assert.deepEqual(order.billing, { memo: 'pay on arrival' });

    const found = await client.order.get(order.confirmation);
    assert.equal(found.id, order.id);
    const child = found.items[0]?.participantList?.find((p) => p.tier === 'Child');
    assert.ok(child, 'the child is a participant');

    const cancelled = await client.order.cancelParticipant(
      order.confirmation,
      KAYAK_0900,
      child.id,
    );
    assert.equal(cancelled.cancellationFee, 5.9, '10 % of $59');
    assert.equal(cancelled.total, 178 + 5.9, 'two adults and the fee');
    assert.equal(await seatsLeft(client, KAYAK_0900), 14, 'the child’s seat is free again');
  });
});

describe('a booking as a reseller agent', () => {
  it('opens a reseller cart by supplierId, and the order records the agent', async () => {
    const cart = await agent.cart.create({ supplierId: CANYON });
    assert.equal(cart.entityId, CANYON);
    assert.equal(cart.supplierId, CANYON);
    assert.equal(cart.agencyId, SUNSET);
    assert.ok(cart.agentId, 'the cart names the agent');

    const filled = await agent.cart.addItem(cart.id, {
      itemId: SUNSET_1730,
      participants: { All: 2 },
    });
    assert.equal(filled.total, 98);
    await agent.cart.setCustomer(cart.id, {
      email: 'kim@example.com',
      firstName: 'Kim',
      lastName: 'Ng',
      phone: '+44 20 7946 0958',
      'Wetsuit Size': ['S'],
    });
    const order = await agent.order.create({ id: cart.id });
    assert.equal(order.entityId, CANYON, 'the supplier’s order');
    assert.deepEqual(order.reseller, {
      agencyId: SUNSET,
      agencyName: 'Sunset Travel',
      agentId: cart.agentId,
      agentEmail: USERS.agent.username,
      agentName: 'Avery Agent',
    });
    assert.equal(order.createdByEmail, USERS.agent.username);

    const seen = await staff.order.get(order.id);
    assert.equal(seen.reseller?.agencyName, 'Sunset Travel', 'the supplier sees who sold it');
    assert.equal(await seatsLeft(staff, SUNSET_1730), 8);
  });

  it('is refused a cart for a supplier the agency is not connected to', async () => {
    const error = await rejectsWith(agent.cart.create({ supplierId: GLACIER }), {
      kind: 'api',
      status: 403,
    });
    assert.match(error.message, /Sunset Travel is not connected to supplier/);
    assert.match(error.message, new RegExp(GLACIER));
  });
});
