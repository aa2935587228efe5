import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResmarkError } from '../../shared/errors.js';
import { Order } from '../../shared/order.js';
import { fail, fakeClient, ok, rejection, wireExamples } from './fake-fetch.js';

const wire = wireExamples();
const RESELLER = {
  agencyId: '5f1a00000000000000000003',
  agencyName: 'Sunset Travel',
  agentId: 'ag1',
  agentEmail: 'agent@sunset-travel.test',
  agentName: 'Sam Sunset',
};

describe('Order', () => {
  it('accepts the docs/wire.md example', () => {
    assert.equal(Order.parse(wire.order).confirmation, 100001);
  });

  it('accepts a reseller order and a rental item with unitList', () => {
    const [item] = wire.order['items'] as Record<string, unknown>[];
    const { participantList, ...rest } = item!;
    const rental = { ...rest, quantityType: 'unit', unitList: participantList };
    const order = Order.parse({ ...wire.order, reseller: RESELLER, items: [rental] });
    assert.equal(order.reseller?.agencyName, 'Sunset Travel');
    assert.equal(order.items[0]!.unitList![0]!.status, 'active');
  });

  it('accepts an order with only what real client code reads of one, and the items’ essentials', () => {
    const order = Order.parse({
      id: 's1',
      confirmation: 100001,
      createdBy: 'Casey',
      createdByEmail: 'staff@example.com',
      createdDate: '2026-11-25T10:00:00.000Z',
      items: [
        {
          itemId: 'a1',
          productNumber: 94175,
          productName: 'Kayak',
          total: 89,
          date: { startTime: '2026-11-26T16:00:00.000Z', endTime: null },
        },
      ],
      total: 89,
    });
    assert.equal(order.amountPaid, undefined);
    assert.equal(order.items[0]!.subtotal, undefined);
  });

  it('refuses an order without its confirmation number', () => {
    const { confirmation: _, ...broken } = wire.order;
    assert.equal(Order.safeParse(broken).success, false);
  });
});

describe('order endpoints', () => {
  it('list sends every filter', async () => {
    const { client, seen } = fakeClient(() => ok([wire.order]));
    await client.order.list({
      limit: 10,
      page: 2,
      ids: ['o1', 'o2'],
      confirmationIds: [100001, 100002],
      fromCreatedDate: '2026-11-01',
      toCreatedDate: '2026-11-30',
      fromModifiedDate: '2026-11-02',
      toModifiedDate: '2026-11-03',
      referenceId: 'chk_1',
      sortOrder: 'desc',
    });
    assert.equal(
      seen[0]!.url.search,
      '?limit=10&page=2&ids=o1,o2&confirmationIds=100001,100002&fromCreatedDate=2026-11-01' +
        '&toCreatedDate=2026-11-30&fromModifiedDate=2026-11-02&toModifiedDate=2026-11-03' +
        '&referenceId=chk_1&sortOrder=desc',
    );
  });

  it('list refuses bad filters, naming each, before sending', async () => {
    const { client, seen } = fakeClient(() => ok([]));
    const error = await rejection(
      client.order.list({
        toCreatedDate: '2026-11-30',
        toModifiedDate: '2026-11-30',
        fromModifiedDate: '30/11/2026',
        sortOrder: 'newest' as 'asc',
      }),
    );
    assert.ok(error instanceof ResmarkError);
    assert.equal(error.kind, 'input');
    assert.deepEqual(error.fields, {
      fromModifiedDate: 'Enter fromModifiedDate as a date like 2026-11-25',
      sortOrder: 'Enter sortOrder as one of: asc, desc',
    });
    const onlyOrder = await rejection(client.order.list({ toCreatedDate: '2026-11-30' }));
    assert.deepEqual((onlyOrder as ResmarkError).fields, {
      toCreatedDate: 'Enter toCreatedDate only with fromCreatedDate',
    });
    assert.equal(seen.length, 0);
  });

  it('get takes a session id or a confirmation number', async () => {
    const { client, seen } = fakeClient(() => ok(wire.order));
    await client.order.get(100001);
    assert.equal(seen[0]!.path, '/order/100001');
  });

  it('create sends the documented body and drops unknown keys', async () => {
    const { client, seen } = fakeClient(() => ok(wire.order));
    const body = {
      id: 'c1',
      orderId: 'o0',
      billing: { memo: 'pay on arrival' },
      referenceId: 'chk_1',
      disableNotification: true,
      disablePendingOrderNotification: true,
      disablePendingOrderNotificationResponse: false,
      disableConfirmationEmail: false,
    };
    await client.order.create({ ...body, paymentSource: 'card' } as typeof body);
    assert.equal(seen[0]!.method, 'POST');
    assert.deepEqual(seen[0]!.body, body);
  });

  it('create takes the migration tool’s orderId: null and billing: {}, and sends them', async () => {
    // docs/wire.md, "Public clients": the C# tool's order body, as Resmark accepts it.
    const { client, seen } = fakeClient(() => ok(wire.order));
    const body = { id: 'c1', billing: {}, orderId: null, referenceId: 'test comment' };
    await client.order.create(body);
    assert.deepEqual(seen[0]!.body, body);
  });

  it('create needs the cart id', async () => {
    const { client } = fakeClient(() => ok(wire.order));
    const error = await rejection(client.order.create({ id: '' }));
    assert.deepEqual((error as ResmarkError).fields, { id: 'Enter id' });
  });

  describe('findByReferenceId', () => {
    it('returns the order with that referenceId', async () => {
      const { client, seen } = fakeClient(() => ok([wire.order]));
      const order = await client.order.findByReferenceId('chk_…');
      assert.equal(order?.id, '6a0000000000000000000001');
      assert.equal(seen[0]!.url.searchParams.get('referenceId'), 'chk_…');
      assert.equal(seen[0]!.url.searchParams.get('limit'), '1');
    });

    it('returns undefined when there is none', async () => {
      const { client } = fakeClient(() => ok([]));
      assert.equal(await client.order.findByReferenceId('chk_2'), undefined);
    });

    it('never returns an order with another referenceId', async () => {
      const { client } = fakeClient(() => ok([wire.order]));
      assert.equal(await client.order.findByReferenceId('chk_other'), undefined);
    });

    it('refuses an empty referenceId, which would match any order', async () => {
      const { client, seen } = fakeClient(() => ok([wire.order]));
      const error = await rejection(client.order.findByReferenceId(''));
      assert.equal((error as ResmarkError).kind, 'input');
      assert.equal(seen.length, 0);
    });
  });

  it('cancels at four levels, waiving the fee on request', async () => {
    const { client, seen } = fakeClient(() => ok(wire.order));
    await client.order.cancel('o1');
    await client.order.cancelItem(100001, 'a1', { applyCancellationFee: false });
    await client.order.cancelParticipant('o1', 'a1', 'p1');
    await client.order.cancelUnit('o1', 'a1', 'u1', { applyCancellationFee: false });
    assert.deepEqual(
      seen.map((request) => `${request.method} ${request.path}${request.url.search}`),
      [
        'DELETE /order/o1',
        'DELETE /order/100001/item/a1?applyCancellationFee=false',
        'DELETE /order/o1/item/a1/participant/p1',
        'DELETE /order/o1/item/a1/unit/u1?applyCancellationFee=false',
      ],
    );
  });

  it('a second cancellation surfaces the 409 as an api error', async () => {
    const { client } = fakeClient(() => fail(409, 'The order is already cancelled'));
    const error = await rejection(client.order.cancel('o1'));
    assert.ok(error instanceof ResmarkError);
    assert.equal(error.status, 409);
    assert.equal(error.endpoint, 'DELETE /order/{id}');
  });
});
