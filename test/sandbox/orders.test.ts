import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON_CUSTOMER, SUNSET_1730, T0, seatsLeft, testSandbox } from './helpers.js';
import type { TestSandbox } from './helpers.js';

let t: TestSandbox;
before(async () => {
  t = await testSandbox();
});
after(() => t.sandbox.close());
beforeEach(() => t.reset());

const BIKES = 'a-95101-20261125-0900';
const HARBOR_CUSTOMER = { email: 'bo@example.com', firstName: 'Bo', lastName: 'Berg' };

async function order(
  itemId: string,
  participants: Record<string, number>,
  extra: Record<string, unknown> = {},
  who: 'canyon' | 'harbor' = 'canyon',
) {
  const cartId = (await t.api('POST', '/cart', undefined, who)).body.data.id;
  const added = await t.api('POST', `/cart/${cartId}/item`, { itemId, participants }, who);
  assert.equal(added.status, 200, JSON.stringify(added.body));
  await t.api(
    'PUT',
    `/cart/${cartId}/customer`,
    who === 'canyon' ? CANYON_CUSTOMER : HARBOR_CUSTOMER,
    who,
  );
  const placed = await t.api('POST', '/order', { id: cartId, ...extra }, who);
  assert.equal(placed.status, 200, JSON.stringify(placed.body));
  return placed.body.data;
}

describe('order lists', () => {
  it('filter by ids, confirmations and referenceId, sort and page', async () => {
    const a = await order(SUNSET_1730, { All: 1 }, { referenceId: 'ref-a' });
    const b = await order(SUNSET_1730, { All: 1 });
    const c = await order(SUNSET_1730, { All: 1 }, { referenceId: 'ref-c' });
    const ids = (answer: { body: { data: { id: string }[] } }) => answer.body.data.map((o) => o.id);
    assert.deepEqual(ids(await t.api('GET', '/order')), [a.id, b.id, c.id]);
    assert.deepEqual(ids(await t.api('GET', '/order?sortOrder=desc')), [c.id, b.id, a.id]);
    assert.deepEqual(ids(await t.api('GET', '/order?limit=2&page=1')), [c.id]);
    assert.deepEqual(ids(await t.api('GET', `/order?ids=${a.id},${c.id}`)), [a.id, c.id]);
    assert.deepEqual(ids(await t.api('GET', `/order?confirmationIds=${b.confirmation}`)), [b.id]);
    assert.deepEqual(ids(await t.api('GET', '/order?referenceId=ref-c')), [c.id]);
    assert.deepEqual(ids(await t.api('GET', '/order?referenceId=nothing')), []);
    assert.equal((await t.api('GET', '/order?sortOrder=up')).status, 400);
    assert.deepEqual(ids(await t.api('GET', '/order', undefined, 'harbor')), []);
  });

  it('filter by created and modified dates, inclusive', async () => {
    const a = await order(SUNSET_1730, { All: 1 });
    const ids = (answer: { body: { data: { id: string }[] } }) => answer.body.data.map((o) => o.id);
    assert.deepEqual(
      ids(await t.api('GET', '/order?fromCreatedDate=2026-11-24&toCreatedDate=2026-11-24')),
      [a.id],
    );
    assert.deepEqual(ids(await t.api('GET', '/order?fromCreatedDate=2026-11-25')), []);
    await t.control('POST', '/clock', { advanceMs: 23 * 3_600_000 });
    await t.api('DELETE', `/order/${a.id}`);
    assert.deepEqual(ids(await t.api('GET', '/order?fromModifiedDate=2026-11-25')), [a.id]);
    assert.deepEqual(
      ids(await t.api('GET', '/order?fromModifiedDate=2026-11-24&toModifiedDate=2026-11-24')),
      [],
    );
  });

  it('page through many orders over several days, either way, with or without date ranges', async () => {
    const PASS = 'a-94177-dateless';
    const ids = (answer: { body: { data: { id: string }[] } }) => answer.body.data.map((o) => o.id);
    const day1: string[] = [];
    const day2: string[] = [];
    for (let i = 0; i < 7; i++) day1.push((await order(PASS, { All: 1 })).id);
    await t.control('POST', '/clock', { advanceMs: 4 * 3_600_000 }); // 01:00 on 2026-11-25
    for (let i = 0; i < 5; i++) day2.push((await order(PASS, { All: 1 })).id);
    const all = [...day1, ...day2];

    const pages = async (query: string, limit: number, count: number) => {
      const seen: string[] = [];
      for (let page = 0; page < count; page++)
        seen.push(...ids(await t.api('GET', `/order?${query}&limit=${limit}&page=${page}`)));
      return seen;
    };
    assert.deepEqual(await pages('sortOrder=asc', 5, 4), all, 'ascending, 5 a page, then empty');
    assert.deepEqual(await pages('sortOrder=DESC', 5, 4), [...all].reverse());
    const created = 'fromCreatedDate=2026-11-24&toCreatedDate=2026-11-24';
    assert.deepEqual(await pages(created, 3, 4), day1);
    assert.deepEqual(await pages(`${created}&sortOrder=desc`, 3, 4), [...day1].reverse());
    assert.deepEqual(await pages('fromCreatedDate=2026-11-25', 2, 4), day2);

    // A day-1 order changed on day 2 is modified on day 2 only, once, in id order.
    await t.api('DELETE', `/order/${day1[3]}`);
    await t.api('DELETE', `/order/${day1[1]}`);
    await t.api('DELETE', `/order/${day1[3]}`); // refused (409): still one change of that order
    const modified = 'fromModifiedDate=2026-11-25&toModifiedDate=2026-11-25';
    assert.deepEqual(await pages(modified, 4, 3), [day1[1], day1[3], ...day2]);
    assert.deepEqual(
      await pages('fromModifiedDate=2026-11-24&toModifiedDate=2026-11-24', 50, 1),
      day1.filter((_, i) => i !== 1 && i !== 3),
    );
    assert.deepEqual(
      ids(await t.api('GET', `/order?${modified}&${created}&sortOrder=desc`)),
      [day1[3], day1[1]],
      'both ranges at once',
    );
  });

  it('refuse a to… date without its from… date', async () => {
    const answer = await t.api('GET', '/order?toCreatedDate=2026-11-30');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errorMessage, 'toCreatedDate must be used with fromCreatedDate');
    const modified = await t.api('GET', '/order?toModifiedDate=2026-11-30');
    assert.equal(modified.body.errorMessage, 'toModifiedDate must be used with fromModifiedDate');
    assert.equal((await t.api('GET', '/order?fromCreatedDate=24/11/2026')).status, 400);
  });
});

describe('adding to an existing order', () => {
  it('puts the cart’s items on that order and adds to what was paid', async () => {
    const first = await order(SUNSET_1730, { All: 1 });
    const second = await order(
      'a-94176-20261126-1730',
      { All: 2 },
      { orderId: String(first.confirmation) },
    );
    assert.equal(second.id, first.id);
    assert.equal(second.items.length, 2);
    assert.equal(second.amountPaid, 49 * 3);
    assert.equal((await t.api('GET', '/order')).body.data.length, 1);
  });
});

describe('cancellation', () => {
  it('of a whole order frees every seat and charges the fee', async () => {
    const placed = await order(SUNSET_1730, { All: 3 });
    assert.equal(await seatsLeft(t, SUNSET_1730), 7);
    const cancelled = await t.api('DELETE', `/order/${placed.id}`);
    assert.equal(cancelled.body.data.status, 'cancelled');
    assert.equal(cancelled.body.data.cancellationFee, 14.7);
    assert.equal(cancelled.body.data.total, 14.7);
    assert.equal(cancelled.body.data.amountPaid, 147);
    assert.equal(await seatsLeft(t, SUNSET_1730), 10);
    const again = await t.api('DELETE', `/order/${placed.id}`);
    assert.equal(again.status, 409);
  });

  it('can waive the fee by query or by body', async () => {
    const placed = await order(SUNSET_1730, { All: 2 });
    const [first, second] = placed.items[0].participantList;
    const byQuery = await t.api(
      'DELETE',
      `/order/${placed.id}/item/${SUNSET_1730}/participant/${first.id}?applyCancellationFee=false`,
    );
    assert.equal(byQuery.body.data.cancellationFee, 0);
    const byBody = await t.api(
      'DELETE',
      `/order/${placed.id}/item/${SUNSET_1730}/participant/${second.id}`,
      {
        applyCancellationFee: false,
      },
    );
    assert.equal(byBody.body.data.cancellationFee, 0);
    assert.equal(byBody.body.data.status, 'cancelled', 'no participant is left');
    assert.equal(byBody.body.data.items[0].status, 'cancelled');
  });

  it('of one item leaves the others', async () => {
    const first = await order(SUNSET_1730, { All: 1 });
    await order('a-94176-20261126-1730', { All: 1 }, { orderId: first.id });
    const answer = await t.api('DELETE', `/order/${first.id}/item/${SUNSET_1730}`);
    assert.equal(answer.body.data.status, 'active');
    assert.deepEqual(
      answer.body.data.items.map((i: { status: string }) => i.status),
      ['cancelled', 'active'],
    );
    assert.equal((await t.api('DELETE', `/order/${first.id}/item/${SUNSET_1730}`)).status, 409);
    assert.equal(
      (await t.api('DELETE', `/order/${first.id}/item/a-94176-20261127-1730`)).status,
      404,
    );
  });

  it('of an item cancelled and booked again takes the active booking, and each of its people', async () => {
    const first = await order(SUNSET_1730, { All: 1 });
    // A second item keeps the order open once the first is cancelled.
    await order('a-94176-20261126-1730', { All: 1 }, { orderId: first.id });
    assert.equal((await t.api('DELETE', `/order/${first.id}/item/${SUNSET_1730}`)).status, 200);
    const again = await order(SUNSET_1730, { All: 2 }, { orderId: first.id });
    const rebooked = again.items.find(
      (i: { itemId: string; status: string }) => i.itemId === SUNSET_1730 && i.status === 'active',
    );
    const [person] = rebooked.participantList;
    const one = await t.api(
      'DELETE',
      `/order/${first.id}/item/${SUNSET_1730}/participant/${person.id}`,
    );
    assert.equal(one.status, 200, JSON.stringify(one.body));
    const item = await t.api('DELETE', `/order/${first.id}/item/${SUNSET_1730}`);
    assert.equal(item.status, 200, JSON.stringify(item.body));
    assert.equal(await seatsLeft(t, SUNSET_1730), 10);
  });

  it('of a rental unit frees the unit and charges Harbor Bikes’ 15 %', async () => {
    const placed = await order(BIKES, { 'E-Bike': 2 }, {}, 'harbor');
    assert.equal(placed.items[0].quantityType, 'unit');
    assert.ok(!('participantList' in placed.items[0]));
    const unit = placed.items[0].unitList[0];
    assert.equal(await seatsLeft(t, BIKES, 'harbor'), 10);
    const answer = await t.api(
      'DELETE',
      `/order/${placed.id}/item/${BIKES}/unit/${unit.id}`,
      undefined,
      'harbor',
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.cancellationFee, 8.25);
    assert.equal(await seatsLeft(t, BIKES, 'harbor'), 11);
    const wrongLevel = await t.api(
      'DELETE',
      `/order/${placed.id}/item/${BIKES}/participant/${placed.items[0].unitList[1].id}`,
      undefined,
      'harbor',
    );
    assert.equal(wrongLevel.status, 400);
  });

  it('refuses units on an activity', async () => {
    const placed = await order(SUNSET_1730, { All: 1 });
    const line = placed.items[0].participantList[0];
    const answer = await t.api('DELETE', `/order/${placed.id}/item/${SUNSET_1730}/unit/${line.id}`);
    assert.equal(answer.status, 400);
  });
});

describe('products and inventory', () => {
  it('filter products by name, tag, number, id and lastModified, with 0-based pages', async () => {
    const numbers = async (query: string) =>
      (await t.api('GET', `/product${query}`)).body.data.map(
        (p: { productNumber: number }) => p.productNumber,
      );
    assert.deepEqual(await numbers(''), [94175, 94176, 94177]);
    assert.deepEqual(await numbers('?productName=kayak'), [94175, 94177]);
    assert.deepEqual(await numbers('?productNumbers=94176,94177'), [94176, 94177]);
    assert.deepEqual(await numbers('?ids=5f1b00000000000000000102'), [94176]);
    assert.deepEqual(await numbers('?lastModified=2026-10-01'), [94175, 94176]);
    assert.deepEqual(await numbers('?limit=2&page=1'), [94177]);
    const tags = (await t.api('GET', '/tag')).body.data;
    const evening = tags
      .flatMap((c: { tags: { id: string; name: string }[] }) => c.tags)
      .find((tag: { name: string }) => tag.name === 'Evening');
    assert.deepEqual(await numbers(`?tagIds=${evening.id}`), [94176]);
  });

  it('finds one product by id, number or exact name', async () => {
    for (const term of ['5f1b00000000000000000101', '94175', 'half-day canyon kayak tour'])
      assert.equal(
        (await t.api('GET', `/product/${encodeURIComponent(term)}`)).body.data.productNumber,
        94175,
      );
    assert.equal((await t.api('GET', '/product/Half-Day')).status, 404);
  });

  it('lists a month with sold-out and nearly full slots by the seed rule', async () => {
    const answer = await t.api('GET', '/product/94175/item?from=2026-11');
    const days = answer.body.data.items;
    assert.deepEqual(
      days.map((d: { date: string }) => d.date),
      ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'],
    );
    const left = (date: string) =>
      days
        .find((d: { date: string }) => d.date === date)
        .timesAvailable.map((s: { tiersAvailable: { '*': number } }) => s.tiersAvailable['*']);
    assert.deepEqual(left('2026-11-25'), [16, 16], 'tomorrow is kept free');
    assert.deepEqual(left('2026-11-26'), [16, 16]);
    assert.deepEqual(left('2026-11-27'), [16, 2], 'odd day: last slot nearly full');
    assert.deepEqual(left('2026-11-30'), [0, 16], 'day divisible by 5: first slot sold out');
  });

  it('bounds the inventory window', async () => {
    const oneDay = await t.api('GET', '/product/94176/item?from=2026-11-26');
    assert.equal(oneDay.body.data.items.length, 1);
    const range = await t.api('GET', '/product/94176/item?from=2026-11-25&to=2026-12-05');
    assert.equal(range.body.data.items.length, 11);
    // 426 days: more than the 400 one call may ask for.
    assert.equal((await t.api('GET', '/product/94176/item?from=2026-11&to=2027-12')).status, 400);
    assert.equal((await t.api('GET', '/product/94176/item?from=2026-13')).status, 400);
    assert.equal((await t.api('GET', '/product/94176/item')).status, 400);
    const far = await t.api('GET', '/product/94176/item?from=2028-05');
    assert.deepEqual(far.body.data.items, [], 'beyond the 500 days on sale');
  });

  it('gives a dateless product one undated slot', async () => {
    const answer = await t.api('GET', '/product/94177/item?from=2026-11');
    assert.deepEqual(answer.body.data.items, [
      {
        date: null,
        timesAvailable: [
          {
            activityId: 'a-94177-dateless',
            startTime: null,
            endTime: null,
            price: { All: 35 },
            tiersAvailable: { '*': 200 },
            capacity: 200,
          },
        ],
      },
    ]);
  });

  it('answers a product without pickups with an empty list', async () => {
    assert.deepEqual((await t.api('GET', '/product/94176/pickup')).body.data, []);
  });

  it('keeps T0 as the frozen start', async () => {
    assert.equal((await t.control('GET', '/clock')).body.now, T0);
  });
});

describe('agencies', () => {
  it('names an agent’s agency and shows its details to a connected supplier', async () => {
    const agency = await t.api('GET', '/agency/agent@sunset-travel.test');
    assert.equal(agency.body.data[0].name, 'Sunset Travel');
    assert.equal(agency.body.data[0].entityId, '5f1a00000000000000000003');
    const info = await t.api('GET', '/agency/5f1a00000000000000000003/agencyInfo');
    assert.equal(info.body.data.name, 'Sunset Travel');
    assert.equal(info.body.data.country.name, 'United States');
    assert.deepEqual((await t.api('GET', '/agency/nobody@example.com')).body.data, []);
  });
});
